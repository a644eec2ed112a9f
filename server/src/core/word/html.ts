/**
 * The blocks of a Word document as mammoth's HTML gives them (h1–h6, p, ul/ol/li, table), read with
 * the XML parser mammoth itself reads the .docx with (xmldom, in its lenient HTML mode: mammoth writes
 * well-formed markup, escaped, with void elements self-closed): headings, paragraphs with their bold
 * and italic runs, list items, tables as rows of cells. The same Block shape as the export's model
 * (model.ts), so an exported document read back can be compared block by block. Pure; never throws.
 */
import { DOMParser } from '@xmldom/xmldom';
import type { Block, Run } from './model';

interface Node {
  nodeName: string;
  value?: string;
  childNodes?: Node[];
  attrs?: Array<{ name: string; value: string }>;
}

/** The blocks of an HTML fragment, in document order. Nested tables are read as the text of their cells. */
export function htmlBlocks(html: string): Block[] {
  const out: Block[] = [];
  let root: Node;
  try {
    root = parseHtml(html);
  } catch {
    return out;
  }
  const walk = (nodes: Node[], indent: number): void => {
    for (const n of nodes) {
      const name = n.nodeName;
      const h = /^h([1-6])$/.exec(name);
      if (h) out.push({ kind: 'heading', level: +h[1], runs: inline(n) });
      else if (name === 'p') out.push({ kind: 'paragraph', runs: inline(n), indent });
      else if (name === 'ul' || name === 'ol') list(n, indent + 1);
      else if (name === 'table') out.push(table(n));
      else if (n.childNodes?.length) walk(n.childNodes, indent);
    }
  };
  const list = (n: Node, indent: number): void => {
    let i = Number(n.attrs?.find((a) => a.name === 'start')?.value ?? 1) || 1;
    for (const li of n.childNodes ?? []) {
      if (li.nodeName !== 'li') continue;
      const marker = n.nodeName === 'ol' ? `${i++}. ` : '- ';
      const own = (li.childNodes ?? []).filter((c) => c.nodeName !== 'ul' && c.nodeName !== 'ol');
      out.push({ kind: 'paragraph', runs: inline({ nodeName: 'li', childNodes: own }), marker, indent });
      for (const c of li.childNodes ?? []) if (c.nodeName === 'ul' || c.nodeName === 'ol') list(c, indent + 1);
    }
  };
  walk(root.childNodes ?? [], 0);
  return out;
}

/** DOM nodes as xmldom gives them (only what is read here). */
interface DomNode {
  nodeName: string;
  nodeType: number;
  nodeValue: string | null;
  childNodes?: ArrayLike<DomNode>;
  attributes?: ArrayLike<{ name: string; value: string }>;
}

/**
 * mammoth's HTML (a fragment: blocks side by side) as a tree of plain nodes. Wrapped in one root
 * element, as XML wants; xmldom's recoverable errors (there should be none) are ignored, so a
 * stray character costs that character, never the document.
 */
function parseHtml(html: string): Node {
  const ignore = (): void => undefined;
  const doc = new DOMParser({ errorHandler: { warning: ignore, error: ignore } }).parseFromString(`<body>${html}</body>`, 'text/html');
  const plain = (n: DomNode): Node => ({
    nodeName: n.nodeType === 3 ? '#text' : n.nodeName.toLowerCase(),
    value: n.nodeType === 3 ? (n.nodeValue ?? '') : undefined,
    childNodes: Array.from(n.childNodes ?? [], plain),
    attrs: n.attributes ? Array.from(n.attributes, (a) => ({ name: a.name, value: a.value })) : undefined,
  });
  return plain(doc.documentElement as unknown as DomNode);
}

function table(t: Node): Block {
  const rows: Run[][][] = [];
  const visit = (n: Node): void => {
    for (const c of n.childNodes ?? []) {
      if (c.nodeName === 'tr') rows.push((c.childNodes ?? []).filter((d) => d.nodeName === 'td' || d.nodeName === 'th').map(cell));
      else if (c.nodeName === 'thead' || c.nodeName === 'tbody' || c.nodeName === 'tfoot') visit(c);
    }
  };
  visit(t);
  const columns = Math.max(0, ...rows.map((r) => r.length));
  return { kind: 'table', rows, align: Array.from({ length: columns }, () => null) };
}

/** A cell's runs: its paragraphs joined by line breaks. */
function cell(td: Node): Run[] {
  const paragraphs = (td.childNodes ?? []).filter((c) => c.nodeName === 'p');
  if (!paragraphs.length) return inline(td);
  const runs: Run[] = [];
  for (const p of paragraphs) {
    const r = inline(p);
    if (runs.length && r.length) r[0] = { ...r[0], breakBefore: true };
    runs.push(...r);
  }
  return runs;
}

/** Inline content: text with bold (strong, b) and italic (em, i); br as a line break; pictures and notes' anchors left out. */
function inline(n: Node): Run[] {
  const runs: Run[] = [];
  let breakNext = false;
  const visit = (node: Node, bold: boolean, italic: boolean): void => {
    for (const c of node.childNodes ?? []) {
      if (c.nodeName === '#text') {
        const text = (c.value ?? '').replace(/\s+/g, ' ');
        if (!text) continue;
        const r: Run = { text };
        if (bold) r.bold = true;
        if (italic) r.italic = true;
        if (breakNext) r.breakBefore = true;
        breakNext = false;
        runs.push(r);
      } else if (c.nodeName === 'br') breakNext = true;
      else if (c.nodeName === 'strong' || c.nodeName === 'b') visit(c, true, italic);
      else if (c.nodeName === 'em' || c.nodeName === 'i') visit(c, bold, true);
      else if (c.nodeName === 'sup' || c.nodeName === 'img' || c.nodeName === 'table') continue;
      else visit(c, bold, italic);
    }
  };
  visit(n, false, false);
  if (runs.length) {
    runs[0].text = runs[0].text.replace(/^\s+/, '');
    runs[runs.length - 1].text = runs[runs.length - 1].text.replace(/\s+$/, '');
  }
  return runs.filter((r) => r.text || r.breakBefore);
}
