/**
 * The official document a report becomes (Nghị định 30/2020/NĐ-CP): header fields from the front
 * matter, the title, and the body as blocks (headings, paragraphs, list items, tables) read from
 * the report's Markdown tree, with the dialect's marks removed (export.ts) and every other
 * character, figures included, as written. Pure: docx.ts turns it into a .docx.
 */
import type { PhrasingContent, RootContent, Table, List } from 'mdast';
import type { ReportDocument } from '../parse/model';
import { parseMarkdown } from '../parse/guard';
import { exportPlain } from '../export';
import { readDocumentFields, type DocumentFields } from './fields';
import type { StoredFields } from './properties';

/** A run of text with its emphasis. */
export interface Run {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A line break before the text (a hard break in the Markdown). */
  breakBefore?: boolean;
}

export type Block =
  | { kind: 'heading'; level: number; runs: Run[] }
  | { kind: 'paragraph'; runs: Run[]; /** "- ", "1. ": a list item's marker, written as text. */ marker?: string; /** nesting of lists, 0 for body text */ indent: number; quote?: boolean; code?: boolean }
  | { kind: 'table'; rows: Run[][][]; align: Array<'left' | 'right' | 'center' | null> };

export interface WordReport {
  fields: DocumentFields;
  /** The document's date: `issued`, else the session's `date` (ISO), if valid. */
  date?: string;
  /** The trích yếu: the report's first level-1 heading, else the front matter's `title`. */
  title: string;
  /** True when the title is the first heading of the body (then not repeated as a heading). */
  titleFromHeading: boolean;
  blocks: Block[];
  /** The session, its date and the period, stored in the .docx's custom properties (properties.ts) for the import to read back. */
  stored: StoredFields;
}

/** The report as an official document. Never throws (a tree the Markdown parser cannot build gives no blocks). */
export function buildWordReport(doc: ReportDocument): WordReport {
  const fm = doc.frontMatter;
  const { fields } = readDocumentFields(fm?.data ?? {});
  const plain = exportPlain(doc);
  let children: RootContent[] = [];
  try {
    children = parseMarkdown(plain).children;
  } catch {
    children = [];
  }
  const blocks: Block[] = [];
  for (const node of children) pushBlock(node, blocks, 0);
  let title = fm?.title ?? '';
  let titleFromHeading = false;
  const first = blocks.findIndex((b) => b.kind === 'heading');
  if (first >= 0) {
    const h = blocks[first];
    if (h.kind === 'heading' && h.level === 1 && blocks.slice(0, first).every((b) => b.kind !== 'heading')) {
      title = runsText(h.runs);
      titleFromHeading = true;
      blocks.splice(first, 1);
    }
  }
  const stored: StoredFields = {};
  if (fm?.session !== undefined) stored.session = fm.session;
  if (fm?.date !== undefined) stored.date = fm.date;
  if (fm?.period !== undefined) stored.period = fm.period;
  return { fields, date: fields.issued ?? fm?.date, title, titleFromHeading, blocks, stored };
}

/** The plain text of runs (breaks as new lines). */
export function runsText(runs: Run[]): string {
  return runs.map((r) => (r.breakBefore ? '\n' : '') + r.text).join('');
}

function pushBlock(node: RootContent, out: Block[], indent: number, quote = false): void {
  switch (node.type) {
    case 'heading':
      out.push({ kind: 'heading', level: node.depth, runs: runs(node.children) });
      return;
    case 'paragraph': {
      const r = runs(node.children);
      if (r.some((x) => x.text.trim())) out.push({ kind: 'paragraph', runs: r, indent, ...(quote ? { quote } : {}) });
      return;
    }
    case 'list':
      pushList(node, out, indent, quote);
      return;
    case 'blockquote':
      for (const c of node.children) pushBlock(c, out, indent, true);
      return;
    case 'code':
      for (const line of node.value.split('\n')) out.push({ kind: 'paragraph', runs: [{ text: line }], indent, code: true });
      return;
    case 'table':
      out.push(table(node));
      return;
    // HTML (comments: notes to the writers), definitions, thematic breaks, the front matter: not the document's text.
    default:
      return;
  }
}

function pushList(list: List, out: Block[], indent: number, quote: boolean): void {
  let n = list.start ?? 1;
  for (const item of list.children) {
    const marker = list.ordered ? `${n++}. ` : '- ';
    let first = true;
    for (const c of item.children) {
      if (first && c.type === 'paragraph') {
        out.push({ kind: 'paragraph', runs: runs(c.children), marker, indent: indent + 1, ...(quote ? { quote } : {}) });
        first = false;
      } else if (c.type === 'list') pushList(c, out, indent + 1, quote);
      else pushBlock(c, out, indent + 1, quote);
    }
    if (first) out.push({ kind: 'paragraph', runs: [{ text: '' }], marker, indent: indent + 1 });
  }
}

function table(node: Table): Block {
  const rows = node.children.map((row) => row.children.map((cell) => runs(cell.children)));
  const align = (node.align ?? []).map((a) => a ?? null);
  return { kind: 'table', rows, align };
}

/** Inline content as runs: emphasis kept, soft line breaks as spaces, inline HTML (comments) left out. */
function runs(nodes: PhrasingContent[], style: { bold?: boolean; italic?: boolean } = {}): Run[] {
  const out: Run[] = [];
  let breakNext = false;
  const push = (text: string) => {
    const r: Run = { text: text.replace(/[ \t]*\r?\n[ \t]*/g, ' ') };
    if (style.bold) r.bold = true;
    if (style.italic) r.italic = true;
    if (breakNext) r.breakBefore = true;
    breakNext = false;
    out.push(r);
  };
  for (const n of nodes) {
    switch (n.type) {
      case 'text':
        push(n.value);
        break;
      case 'inlineCode':
        push(n.value);
        break;
      case 'strong':
        out.push(...runs(n.children, { ...style, bold: true }));
        break;
      case 'emphasis':
        out.push(...runs(n.children, { ...style, italic: true }));
        break;
      case 'link':
      case 'linkReference':
        out.push(...runs(n.children, style));
        break;
      case 'image':
      case 'imageReference':
        if (n.alt) push(n.alt);
        break;
      case 'break':
        breakNext = true;
        break;
      default:
        break;
    }
  }
  // Leading and trailing spaces of the paragraph (around a removed comment) are not text.
  if (out.length) {
    out[0].text = out[0].text.replace(/^\s+/, '');
    out[out.length - 1].text = out[out.length - 1].text.replace(/\s+$/, '');
  }
  return out.filter((r) => r.text || r.breakBefore);
}

/** The document's date as ND 30/2020 writes it: "ngày 05 tháng 02 năm 2025" (day below 10 and months 1, 2 with a 0). */
export function vietnameseDate(iso: string | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!m) return 'ngày … tháng … năm …';
  const day = +m[3];
  const month = +m[2];
  return `ngày ${String(day).padStart(2, '0')} tháng ${month <= 2 ? String(month).padStart(2, '0') : String(month)} năm ${m[1]}`;
}

/** The body's text, one line per block (a table: one line per row, cells joined by a tab): what a reader of the .docx sees. */
export function bodyLines(report: WordReport): string[] {
  const lines: string[] = [];
  for (const b of report.blocks) {
    if (b.kind === 'table') for (const row of b.rows) lines.push(row.map(runsText).join('\t'));
    else lines.push((b.kind === 'paragraph' && b.marker ? b.marker : '') + runsText(b.runs));
  }
  return lines;
}
