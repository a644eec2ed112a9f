/**
 * A table header cell that names only a measure (issue #13, round 14): "Điểm", "Điểm số", "Tổng
 * điểm", "Xếp hạng", "Thứ hạng", "Hạng", "Vị trí", a period after it allowed ("Xếp hạng năm 2022").
 * Such a column holds a score or a rank of whatever the caption or the row names: the detector
 * picks the entry of that measure (markup/table-caption.ts), the checker reads a rank column's bare
 * numbers of a pillar row as ranks (table-header.ts). Pure.
 */
import type { Figure } from '../types';
import type { PlacedFigure } from './model';
import { readPeriods } from './periods';

const MEASURE = /^(\s*)(điểm số|điểm|tổng điểm|xếp hạng|thứ hạng|hạng|vị trí)(?![\p{L}\p{N}])/iu;

/** The measure a header cell names alone and the measure words' offsets in the cell; null if the cell says more. */
export function measureCell(cell: string): { measure: 'score' | 'rank'; start: number; end: number } | null {
  const m = MEASURE.exec(cell);
  if (!m) return null;
  const start = m[1].length;
  const end = start + m[2].length;
  // The rest: a period phrase at most ("năm 2022", "2023"), with "năm"/"kỳ" and marks.
  let rest = cell.slice(end);
  try {
    for (const p of readPeriods(rest)) rest = rest.replace(rest.slice(p.start, p.end), ' ');
  } catch {
    return null;
  }
  if (/[\p{L}\p{N}]/u.test(rest.replace(/(?<![\p{L}])(?:năm|kỳ)(?![\p{L}])/giu, ''))) return null;
  return { measure: /^(?:điểm|tổng)/iu.test(m[2]) ? 'score' : 'rank', start, end };
}

/** True if a header row's text (its cells between pipes) has a cell after the first that names a measure alone. */
export function hasMeasureCell(row: string): boolean {
  const cells = row.replace(/^\s*\|/, '').split(/(?<!\\)\|/);
  return cells.slice(1).some((cell) => measureCell(cell.replace(/[*_]/g, '')) !== null);
}

/**
 * A bare whole number of a rank column as a rank (role `rank`, exact as a rank is: no rounding band;
 * a new object), and a bare fraction there ("41/181": the rank out of the ranked, read as "thứ 41/181"
 * is) too; else `f`.
 */
export function asRankFigure<T extends Figure>(f: T): T {
  if (f.kind === 'rank' || f.role === 'rank' || f.unit || f.decimals || f.qualifier) return f;
  if (f.kind === 'fraction' && f.denominator !== undefined && f.value <= f.denominator) return { ...f, kind: 'rank', unitClass: 'rank', role: 'rank', interval: [f.value, f.value] };
  return f.kind === 'number' ? { ...f, role: 'rank', interval: [f.value, f.value] } : f;
}

/** asRankFigure of a placed figure, one per figure (placed figures are shared by versions: the same object each time). */
const ranks = new WeakMap<PlacedFigure, PlacedFigure>();
export function asRank(f: PlacedFigure): PlacedFigure {
  let out = ranks.get(f);
  if (!out) ranks.set(f, (out = asRankFigure(f)));
  return out;
}
