/**
 * Class second-list (round 29, docs/reading.md §54): "Hai trụ cột kinh tế số và xã hội số … lần lượt
 * là 0,6062 và 0,5585, xếp thứ 45/63 và 41/63": the names before "lần lượt" take the n-th figure of
 * the list after it (lists.ts respectively, which ends that list at the rank opening the next), and
 * the n-th rank of a second list as long joined right after it. The rank is the name's further
 * figure (further.ts), of its period; a second list of another length gives the name no further
 * figure at all (no rank is the last name's by nearness). Pure.
 */
import type { Figure } from '../types';
import type { SentenceReading } from './clauses';
import { joined, respectively, secondList } from './lists';

/**
 * For the reference at [refStart, refEnd) binding figure `idx` as the k-th name of a "lần lượt"
 * list followed by a second list of ranks (each read as a rank: "41/63" after "xếp thứ 45/63"): the k-th rank of that list (-1 if the second list is not
 * as long); null when the reference stands in no such pair of lists.
 */
export function secondListed(idx: number, text: string, figures: Figure[], reading: SentenceReading, refStart: number, refEnd: number): number | null {
  if (refStart < 0) return null;
  const next = firstAfter(figures, refEnd);
  if (next >= figures.length || respectively(text, refStart, refEnd, figures, next) !== idx) return null;
  let last = next;
  while (last + 1 < figures.length && joined(text, figures[last], figures[last + 1]) && !secondList(figures[last], figures[last + 1])) last++;
  if (last + 1 >= figures.length || !joined(text, figures[last], figures[last + 1]) || !secondList(figures[last], figures[last + 1])) return null;
  const n = last - next + 1;
  let end = last + 1;
  while (end + 1 < figures.length && joined(text, figures[end], figures[end + 1]) && listedRank(figures[last + 1], figures[end + 1], reading.figures[end + 1]?.role)) end++;
  return end - last === n ? last + 1 + (idx - next) : -1;
}

/** A rank of the second list after its first: read as a rank, or a fraction out of the first's units ("41/63" after "xếp thứ 45/63"). */
function listedRank(first: Figure, f: Figure, role: string | undefined): boolean {
  return !f.change && (role === 'rank' || (f.kind === 'fraction' && f.denominator !== undefined && f.denominator === first.denominator));
}

/**
 * Whether the reference at [refStart, refEnd) is itself a name of a "lần lượt" list binding figure
 * `idx` (lists.ts respectively): the names before it are that list's, no units its one name covers
 * (further.ts unitList would give the second name the first's figure: "[[A]] và [[B]] của tỉnh tăng
 * mạnh, với giá trị lần lượt là a và b").
 */
export function pairedName(idx: number, text: string, figures: Figure[], refStart: number, refEnd: number): boolean {
  if (refStart < 0) return false;
  const next = firstAfter(figures, refEnd);
  return next < figures.length && idx > next && respectively(text, refStart, refEnd, figures, next) === idx;
}

/** The index of the first figure starting at or after `end` (figures.length if none). */
function firstAfter(figures: Figure[], end: number): number {
  let next = 0;
  while (next < figures.length && figures[next].start < end) next++;
  return next;
}
