/**
 * Networks as rows under measure columns (issue #13, round 20; docs/reading.md §7.1): "| Loại kết
 * nối (tháng 10/2023) | Tốc độ tải xuống | So với cùng kỳ | Thứ hạng |" over "| Băng rộng cố định
 * | 104,08 Mbit/s | +31,9% | 41/181 |". The column of a row's first figure names words sibling
 * entries share ("tốc độ tải xuống": the fixed, the mobile, the 5G download speed); the row's label
 * is the words telling one apart ("băng rộng cố định", "di động"), read as a sentence that writes the
 * label then the column's words (sibling-words.ts siblingOfWords: the same test as prose's). When the
 * row's figure fits that one sibling, the row is marked as a pillar row is (table-pillars.ts
 * markPillarRow: canonical writes the entry's name over the label, the checker binds the row's first
 * figure, a rank column's figure its further figure read as a rank, with the table's period:
 * parse/table-header.ts); wrap lists it (`variant-name`). A row of a province, a label naming no one
 * sibling, a change in the column: nothing. Pure.
 */
import { readFigures } from '../parse/figures';
import { isProvinceName } from '../parse/subject-list';
import { measureCell } from '../parse/table-measures';
import { fits } from './judge';
import type { ProseUnit } from './prose';
import { siblingOfWords } from './sibling-words';
import { cellKind, type HeaderRun } from './table-columns';
import { markPillarRow } from './table-pillars';

/** A header cell's words without a bracketed unit or emphasis marks ("Tốc độ tải xuống (Mbps)" → "Tốc độ tải xuống"). */
const wordsOf = (cell: string): string => cell.replace(/\([^()]*\)/g, ' ').replace(/[*_]/g, ' ').replace(/\s+/g, ' ').trim();

/** Marks the network rows under measure columns of the table whose header row is `header` (the module comment). */
export function detectNetworkRows(run: HeaderRun, header: ProseUnit, rows: readonly ProseUnit[], rowAt: readonly number[]): void {
  const cells = header.parts.map((p) => p.text);
  if (cells.length < 2 || header.parts.some((p) => p.refs.length)) return;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.parts.length !== cells.length || row.parts.some((p) => p.refs.length)) continue;
    // (a row another reading marked: left to it)
    const at = rowAt[r] ?? 0;
    if (run.mentions.some((m) => m.start >= at + row.start && m.start < at + row.end)) continue;
    const label = wordsOf(row.parts[0].text);
    if (!/\p{L}/u.test(label) || isProvinceName(label)) continue;
    // The row's first figure and its column (the checker binds a row's name to the first figure after it).
    let col = -1;
    let f;
    for (let k = 1; k < row.parts.length && col < 0; k++) {
      const read = readFigures(row.parts[k].text)[0];
      if (read) [col, f] = [k, read];
    }
    if (!f || f.change || cellKind(cells[col], col) !== 'value' || measureCell(wordsOf(cells[col]))) continue;
    const measure = wordsOf(cells[col]);
    if (!/\p{L}/u.test(measure)) continue;
    const text = `${label} ${measure}`;
    const sib = siblingOfWords(run.catalog, text, { start: 0, end: text.length }, { start: label.length + 1, end: text.length }, measure);
    if (!sib?.pick || !fits(sib.pick, f)) continue;
    markPillarRow(run, row, at, sib.pick);
  }
}
