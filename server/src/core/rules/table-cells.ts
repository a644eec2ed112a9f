/**
 * What a table says about a figure in one of its cells: the header of the figure's column and the
 * label of its row (the first cell). A column headed "So với cùng kỳ" or "Tăng/giảm" holds changes,
 * whatever the cells' own words: "| Tháng 8/2024 | 349 | −75,1% |". Read with the report's own
 * Markdown parser (parse/guard.ts parseMarkdown) on the table's lines alone, when a rule asks (a
 * percentage out of range: rare), so nothing is kept.
 */
import type { Nodes, Table } from 'mdast';
import { parseMarkdown } from '../parse/guard';
import { plainText } from '../parse/sections';
import type { ReportDocument } from '../parse/model';

/** The header of the cell's column and its row's label (first cell), as plain text; null outside a table. */
export interface CellContext {
  header: string;
  rowLabel: string;
}

function lineStart(text: string, at: number): number {
  let s = at;
  while (s > 0 && text.charCodeAt(s - 1) !== 10 && text.charCodeAt(s - 1) !== 13) s--;
  return s;
}

function lineEnd(text: string, at: number): number {
  let e = at;
  while (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  return e;
}

const inside = (n: Nodes, at: number): boolean => {
  const s = n.position?.start.offset;
  const e = n.position?.end.offset;
  return s !== undefined && e !== undefined && s <= at && at < e;
};

function findTable(node: Nodes, at: number): Table | null {
  if (node.type === 'table') return inside(node, at) ? node : null;
  if (!('children' in node)) return null;
  for (const c of node.children as Nodes[]) {
    if (!inside(c, at)) continue;
    const t = findTable(c, at);
    if (t) return t;
  }
  return null;
}

/** Lines of a table block read at most: a row's header is this far up. */
const MAX_TABLE_LINES = 2000;

/**
 * The header and row label of the cell at document offset `at`, or null when `at` is not in a
 * table's body row. The block read runs from the first of the lines above holding a pipe (no blank
 * line between) to the end of `at`'s line.
 */
export function cellContext(doc: ReportDocument, at: number): CellContext | null {
  const { text } = doc;
  const end = lineEnd(text, at);
  let start = lineStart(text, at);
  if (text.slice(start, end).indexOf('|') < 0) return null;
  for (let n = 0; start > 0 && n < MAX_TABLE_LINES; n++) {
    const prevEnd = start - (text.charCodeAt(start - 1) === 10 && text.charCodeAt(start - 2) === 13 ? 2 : 1);
    const prevStart = lineStart(text, prevEnd);
    if (text.slice(prevStart, prevEnd).indexOf('|') < 0) break;
    start = prevStart;
  }
  let root;
  try {
    root = parseMarkdown(text.slice(start, end));
  } catch {
    return null;
  }
  const table = findTable(root as Nodes, at - start);
  if (!table || table.children.length < 2) return null;
  const rowIndex = table.children.findIndex((r) => inside(r, at - start));
  if (rowIndex <= 0) return null;
  const row = table.children[rowIndex];
  const cell = row.children.findIndex((c) => inside(c, at - start));
  if (cell < 0) return null;
  const head = table.children[0].children[cell];
  return { header: head ? plainText(head).trim() : '', rowLabel: cell > 0 && row.children[0] ? plainText(row.children[0]).trim() : '' };
}
