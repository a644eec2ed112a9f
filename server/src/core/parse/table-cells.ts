/**
 * A table row's cells by their offsets (table-rows.ts RowShape: two offsets a cell) and what a first
 * cell that is an estimated year says (issue #13; read by table-header.ts and markup/table-columns.ts).
 * Pure.
 */
import { yearAfterName } from './name-year';
import type { RowShape } from './table-rows';

/** A first cell that is a year with an estimate's mark, "2023 (ước)", "2024 (sơ bộ)": that year (a forecast, "dự kiến", is none). */
const ESTIMATED_YEAR = /^((?:19|20)\d\d)\s*\((?:ước|ước tính|ước đạt|sơ bộ)\)$/iu;

/** The year of a row label such as "2023 (ước)" (ESTIMATED_YEAR), or null. */
export function estimatedYear(label: string): string | null {
  return ESTIMATED_YEAR.exec(label.trim())?.[1] ?? null;
}

/** The cell of `shape` holding relative offset `at`; -1 if none. */
export function cellOf(shape: RowShape, at: number): number {
  const { cells } = shape;
  for (let i = 0; i < cells.length; i += 2) if (cells[i] <= at && at < cells[i + 1]) return i / 2;
  return -1;
}

/** How many cells `shape` has (RowShape: two offsets a cell). */
export const cellCount = (shape: RowShape): number => shape.cells.length / 2;

/** Cell `c` of `shape` as [start, end) relative to its line, or undefined past the last cell. */
export function cellRange(shape: RowShape, c: number): readonly [number, number] | undefined {
  return c >= 0 && 2 * c + 1 < shape.cells.length ? [shape.cells[2 * c], shape.cells[2 * c + 1]] : undefined;
}

/** A rank as a rank-first table's first cell writes it: a bare whole number ("7", "10"). */
const BARE_RANK = /^\d{1,3}$/;

/**
 * A rank-first table (docs/reading.md §7.1: "| Hạng DTI 2023 | Tỉnh, thành phố |" over "| 7 | Bình
 * Dương |"): every body row's first cell (emphasis aside) is a bare whole number and the cells of
 * one later column are all provinces — that column, which names the rows; 0 if the table is none
 * (the first column names its rows). `rows`: the body rows' cells, as written (rows of "…" only skipped).
 */
export function rankFirstLabel(rows: ReadonlyArray<readonly string[]>, isProvince: (label: string, column: number) => boolean): number {
  const plain = (s: string | undefined) => (s ?? '').replace(/[*_]/g, '').trim();
  // (an excerpt's elision rows, "| … | … |", stand for the rows left out: reading.md §48)
  rows = rows.filter((r) => !r.every((c) => /^(?:…|\.{3})?$/u.test(plain(c))));
  if (!rows.length || !rows.every((r) => BARE_RANK.test(plain(r[0])))) return 0;
  const width = rows[0].length;
  for (let k = 1; k < width; k++) if (rows.every((r) => r.length === width && isProvince(plain(r[k]), k))) return k;
  return 0;
}

/**
 * The bare year right after a header cell's reference ending at `end` of `text` (its index's edition,
 * "| Tỉnh | Điểm [[DTI]] 2022 |"), as a period with its offsets; else undefined. It dates the column
 * when the cell reads no period phrase of its own (the words before the mark keep the year from being
 * one): parse/table-header.ts bindHeader; docs/reading.md §6.11 and §71.
 */
export function editionInCell(text: string, end: number): { code: string; start: number; end: number } | undefined {
  const lineEnd = text.indexOf('\n', end);
  return yearAfterName(text.slice(0, lineEnd < 0 ? text.length : lineEnd), end) ?? undefined;
}
