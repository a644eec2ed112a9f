/**
 * A table row's cells by their offsets (table-rows.ts RowShape: two offsets a cell) and what a first
 * cell that is an estimated year says (issue #13; read by table-header.ts and markup/table-columns.ts).
 * Pure.
 */
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
