/**
 * A figure in a column headed by a province (issue #13, round 21; docs/reading.md §7.1, item 4):
 * "| Chỉ số chính năm 2022 | Đà Nẵng | Cần Thơ |" over "| Thể chế số | 0,9000 | 0,8000 |" — the
 * figure of the "Cần Thơ" column is Cần Thơ's. The history files it under that province
 * (history/subject.ts), the checker lists the other provinces' columns' figures as a row's further
 * figures (table-header.ts). Read from the text: the figure's line and the table's header line
 * above it. Pure.
 */
import { isProvinceName } from './subject-list';

/** The cells of a table line (between its pipes, an escaped pipe kept), trimmed; [] if it is none. */
function cellsOf(line: string): string[] {
  if (!/^\s*\|/.test(line)) return [];
  return line.trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').split(/(?<!\\)\|/).map((c) => c.replace(/[*_]/g, '').trim());
}

/** True if a header cell is a province's name alone ("Cần Thơ", "TP. Hồ Chí Minh"). */
export const provinceCell = (cell: string): boolean => isProvinceName(cell.replace(/[*_]/g, '').trim());

/**
 * The province the header cell of the column holding offset `at` of `text` names alone (a body row's
 * cell after the first); undefined when `at` is in no such cell. At most 60 lines are read back.
 */
export function columnProvince(text: string, at: number): string | undefined {
  const start = text.lastIndexOf('\n', at - 1) + 1;
  if (!/^[ \t]*\|/.test(text.slice(start, start + 8))) return undefined;
  // The cell: the unescaped pipes before `at` on its line.
  let cell = -1;
  for (let i = start; i < at; i++) if (text[i] === '|' && text[i - 1] !== '\\') cell++;
  if (cell < 1) return undefined;
  // Up the table: the line above the delimiter row is the header.
  let end = start - 1;
  for (let n = 0; n < 60 && end > 0; n++) {
    const s = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(s, end).replace(/\r$/, '');
    if (!/^\s*\|/.test(line)) return undefined;
    if (/^\s*\|?\s*:?-{2,}/.test(line)) {
      if (s === 0) return undefined;
      const hs = text.lastIndexOf('\n', s - 2) + 1;
      const head = cellsOf(text.slice(hs, s - 1).replace(/\r$/, ''));
      const name = head[cell];
      return name !== undefined && provinceCell(name) ? name : undefined;
    }
    end = s - 1;
  }
  return undefined;
}
