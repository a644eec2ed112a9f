/**
 * Class ranking-opened-before (round 19, audit24; docs/reading.md §6.5 (7), (11)): "TP. Hồ Chí Minh
 * đứng thứ 2, và cả ba trụ cột của thành phố đều ở vị trí thứ 2/63: [[chính quyền số]], kinh tế số
 * và xã hội số. Thừa Thiên Huế xếp thứ 3.": the sentence's subject is placed first by a rank no
 * reference binds (the ranking the sentence opens with, its index unnamed there), and the
 * reference's rank comes after it (a part's, a pillar's). The places the next sentences list go on
 * with the ranking the sentence opened with, not with the reference's: binding.ts rankingOf leaves
 * no ranking for them. A rank of another period before the bound one ("năm 2022 đứng thứ 20, năm
 * 2023 [[…]] lên thứ 12"), a change, or a figure the reference reads further (a base, a scope's
 * rank) opens no other ranking. Pure.
 */
import type { Figure, PeriodPhrase } from '../types';
import type { SentenceReading } from './clauses';

/**
 * Whether a rank stands before `bound` (the one ranking reference's figure, by its offset in the
 * sentence) that no reference of the sentence reads (`read`: the offsets of the figures its
 * references bind or read further), no phrase of another period than the bound rank's beside either.
 */
export function rankOpenedBefore(figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading, bound: { start: number }, read: ReadonlyArray<number>): boolean {
  const b = figures.findIndex((f) => f.start === bound.start);
  if (b <= 0) return false;
  const code = (i: number): string | undefined => periods[reading.figures[i].period]?.code;
  for (let i = 0; i < b; i++) {
    const f = figures[i];
    if (reading.figures[i].role !== 'rank' || f.change || read.includes(f.start)) continue;
    if (!code(i) || !code(b) || code(i) === code(b)) return true;
  }
  return false;
}
