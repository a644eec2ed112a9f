/**
 * The blocks of a Word document from the tree of elements mammoth's HTML had (h1–h6, p, ul/ol/li,
 * table), as ooxml-read.ts builds it from the .docx: headings, paragraphs with their bold and italic
 * runs, list items, tables as rows of cells. The same Block shape as the export's model (model.ts),
 * so an exported document read back can be compared block by block. Pure; never throws.
 */
import type { Block, Run } from './model';

/** An element (h1, p, ol, li, table, strong, br…) or a text node (#text, with its value). */
export interface Node {
  nodeName: string;
  value?: string;
  childNodes?: Node[];
  attrs?: Array<{ name: string; value: string }>;
}

/** The blocks of a tree's top-level nodes, in document order. Nested tables are read as the text of their cells. */
export function treeBlocks(nodes: Node[]): Block[] {
  const out: Block[] = [];
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
  walk(nodes, 0);
  return out;
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
