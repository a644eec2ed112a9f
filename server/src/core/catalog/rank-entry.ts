/**
 * A figure bound to a rank entry is a rank (issue #13, round 14; docs/reading.md §6.5 (9)). The
 * reader gives roles without the catalog: "[[Xếp hạng Chỉ số đổi mới sáng tạo toàn cầu]] của Việt
 * Nam năm 2023 là 46/132" reads "46/132" as a part of a whole and "[[Xếp hạng tốc độ băng rộng di
 * động]] … là 58" reads "58" as a level (the `[[…]]` is masked before figures are read, so no rank
 * word is seen). The catalog knows which entries are ranks (`measure: rank` or `unitClass: rank`):
 * a whole place with no unit, no change and no other role (a level or a part, never a target, a
 * base or a change), a fraction's place within its whole, bound to such an entry is that entry's
 * rank. `figures` gives it the role `rank` and the kind `rank`, the history stores it as a rank and
 * figure-conflict and rank-change-mismatch compare it with the ranks told elsewhere ("xếp thứ 46").
 * Pure.
 */
import type { Figure, FigureKind, FigureRole } from '../types';
import type { Indicator } from './types';

/** True if `ind` is a rank entry. */
export function isRankEntry(ind: Indicator | null | undefined): boolean {
  return !!ind && (ind.measure === 'rank' || ind.unitClass === 'rank');
}

/** True if `f`, as read without the catalog, is a place of `ind`'s ranking (see the module's comment). */
export function rankByEntry(f: Pick<Figure, 'kind' | 'role' | 'change' | 'unit' | 'decimals' | 'value' | 'denominator'> & { multiplier?: number }, ind: Indicator | null | undefined): boolean {
  // (a figure of the history's saved form has no `multiplier`: its value, within the entry's range, says it)
  const top = ind?.range?.[1] ?? 1000;
  if (!isRankEntry(ind) || f.kind === 'rank' || f.change || f.unit !== null || (f.multiplier ?? 1) !== 1 || f.decimals !== 0 || f.value < 1 || f.value > top) return false;
  if (f.role !== undefined && f.role !== 'level' && f.role !== 'part' && f.role !== 'rank') return false;
  return f.kind === 'number' || (f.kind === 'fraction' && f.denominator !== undefined && f.value <= f.denominator);
}

/** The role of `f` bound to `ind`: a rank entry's place is a rank, else the reader's role. */
export function roleByEntry(f: Figure, ind: Indicator | null | undefined): FigureRole | undefined {
  return rankByEntry(f, ind) ? 'rank' : f.role;
}

/**
 * The kind of `f` bound to `ind`, as the history stores it: a rank entry's place, and a bare number
 * the reader listed as a rank ("thứ 59, 47, 45"), are ranks.
 */
export function kindByEntry(f: Figure, ind: Indicator | null | undefined): FigureKind {
  return (f.kind === 'number' && f.role === 'rank') || rankByEntry(f, ind) ? 'rank' : f.kind;
}

/**
 * The interval of `f` bound to `ind`, as the history stores it and figure-conflict compares it: a
 * rank entry's place is exact (a rank is a whole place: "86" is not "86 ± 0,5", so 87 beside it
 * disagrees), else the reader's interval (its stated precision).
 */
export function intervalByEntry(f: Figure, ind: Indicator | null | undefined): [number, number] {
  return rankByEntry(f, ind) ? [f.value, f.value] : f.interval;
}
