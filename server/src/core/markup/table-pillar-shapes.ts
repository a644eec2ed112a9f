/**
 * Where the rows of a pillar table are one province's, and the press's further pillar shapes (issue
 * #13, round 21; docs/reading.md §7.1, item 4): the rows of table-pillars.ts and
 * table-pillar-periods.ts are an index's pillars or main indices of one province, which the caption
 * ("Bảng 3. … của tỉnh Trà Vinh"), the first header cell ("| Xếp hạng trụ cột của Bến Tre | Năm
 * 2020 | Năm 2021 | Biến động |", "| Chỉ số chính năm 2022 · TP. Hồ Chí Minh | Giá trị |") or the
 * line right above the table names, or, none of them naming any, the report's level-1 title. A
 * measure column headed "Giá trị" holds a pillar's score (the row's first cell a subject of the
 * catalog); a measure the first header cell opens with ("Xếp hạng trụ cột …") is its period
 * columns' measure, as the line above says it (table-pillar-periods.ts). And the rows of pillars under
 * columns of provinces: table-pillar-provinces.ts. Pure.
 */
import { readPeriods } from '../parse/periods';
import { CHANGE_LABEL } from '../parse/table-shape';
import type { Figure } from '../types';
import { provincesNamed } from '../provinces';
import { reportTitle } from './piece-lead';

/** The provinces a text names (each once). */
function named(text: string): Set<string> {
  return new Set(provincesNamed(text.normalize('NFC')).map((p) => p.name));
}

/**
 * True if a pillar table's rows are one province's: the first of `places` (the caption, the first
 * header cell, the line above; '' for none) that names a province names one only; none naming any,
 * the report's title (of `text`) names one.
 */
export function oneProvinceRows(text: string, places: readonly string[]): boolean {
  for (const place of places) {
    const names = place ? named(place) : new Set<string>();
    if (names.size) return names.size === 1;
  }
  return named(reportTitle(text)).size === 1;
}

/** A value header cell "Giá trị" (a period after it allowed): over a pillar's row, its score. */
export function scoreValueCell(cell: string): boolean {
  return /^\s*giá trị(?![\p{L}])(?:\s*\(?\s*(?:năm\s+)?(?:19|20)\d{2}\s*\)?)?\s*$/iu.test(cell);
}

/**
 * True if header cells after the first are columns `kind` tells (periods, provinces), perhaps
 * followed by columns of changes ("Biến động", "So với năm trước"); at least one such cell first.
 */
export function leadingColumns(cells: readonly string[], kind: (cell: string) => boolean): boolean {
  const rest = cells.slice(1);
  const k = rest.findIndex((c) => !kind(c));
  const kept = k < 0 ? rest.length : k;
  return kept > 0 && rest.slice(kept).every((c) => CHANGE_LABEL.test(c.replace(/[*_]/g, '')));
}

/** A measure the first header cell or the line above opens with: "Xếp hạng trụ cột …", "Điểm các trụ cột …". */
export const LEAD_MEASURE = /^[\s*_]*(thứ hạng|xếp hạng|điểm số|điểm|giá trị)(?![\p{L}])/iu;

/** The nearest line above the line starting at `lineStart`, across at most one blank line; '' if none. */
export function lineAbove(text: string, lineStart: number): string {
  let end = lineStart;
  for (let k = 0; k < 2 && end > 0; k++) {
    const s = text.lastIndexOf('\n', end - 2) + 1;
    const line = text.slice(s, end - 1).replace(/\r$/, '');
    if (line.trim()) return line;
    end = s;
  }
  return '';
}

/** True if a header cell is one period phrase alone ("Năm 2020") or a year ("2021"). */
export function periodAlone(cell: string): boolean {
  const t = cell.replace(/[*_]/g, '').trim();
  if (!t) return false;
  if (/^(?:19|20)\d{2}$/.test(t)) return true; // a year's code, as the checker reads a period column
  let phrases;
  try {
    phrases = readPeriods(t);
  } catch {
    return false;
  }
  if (phrases.length !== 1) return false;
  const rest = t.slice(0, phrases[0].start) + ' ' + t.slice(phrases[0].end);
  return !/[\p{L}\p{N}]/u.test(rest.replace(/(?<![\p{L}])(?:năm|kỳ)(?![\p{L}])/giu, ''));
}

/**
 * The measure a figure's shape tells with no word for it: a bare fraction over a count of provinces
 * ("28/63": a rank out of the ranked), a bare decimal from 0 to 1 written with two decimals or more
 * ("0,8253": a score of the index's 0–1 scale); null else (a whole number may be a count).
 */
export function shapeMeasure(f: Figure): 'score' | 'rank' | null {
  if (f.unit || f.qualifier || f.change) return null;
  if (f.kind === 'fraction' && (f.denominator === 63 || f.denominator === 34) && f.value <= f.denominator) return 'rank';
  if (f.kind === 'number' && f.decimals >= 2 && f.value >= 0 && f.value <= 1) return 'score';
  return null;
}
