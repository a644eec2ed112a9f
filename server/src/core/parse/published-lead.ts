/**
 * Class published-edition lead (issue 13 round 35, helper neg35; held35's accepted false period,
 * docs/reading.md §79 "Để lại", §86): a sentence that tells a meeting or a review dated by one phrase
 * and, after "công bố" / "phát hành", the published results dated by another ("Tại Phiên họp …, kết
 * hợp sơ kết 6 tháng đầu năm 2023, Bộ … đã công bố kết quả đánh giá … (DTI) năm 2022.") lends the
 * next sentences of its paragraph the published results' period, not the meeting's: the told-on
 * sentence ("Trong khối 63 tỉnh, …, Nam Định vươn lên vị trí thứ 10/63") gives a figure of those
 * results (2022), not of the half-year the meeting reviewed. Only a year written after the
 * publication word, with words only between (an index's or an assessment's name, a bracketed
 * abbreviation), and no figure before it in the sentence. Pure; the look between the word and the
 * phrase is bounded (80 characters).
 */
import type { PeriodPhrase } from '../types';

/** "công bố", "phát hành": the results that came out. */
const PUBLISHED = /(?<![\p{L}])(?:công bố|phát hành)(?![\p{L}])/giu;
/** Words only between the publication word and the year (a bracketed abbreviation too: "(DTI)"). */
const WORDS_ONLY = /^[\s\p{L}\p{M}]*(?:\([\s\p{L}\p{M}.&-]*\)[\s\p{L}\p{M}]*)?$/u;

/**
 * The index (> `lead`) of the period phrase of `text` (lowercased) that dates the results a sentence
 * says were published after its lead phrase `lead`, before `firstFigure`; -1 when none.
 */
export function publishedEditionAfter(lower: string, periods: PeriodPhrase[], lead: number, firstFigure: number): number {
  const from = periods[lead].end;
  PUBLISHED.lastIndex = from;
  const m = PUBLISHED.exec(lower);
  if (!m || m.index >= firstFigure) return -1;
  const after = m.index + m[0].length;
  for (let k = lead + 1; k < periods.length && periods[k].start < firstFigure; k++) {
    const q = periods[k];
    if (q.start < after) continue;
    if (q.comparison || !/^\d{4}$/u.test(q.code) || q.start - after > 80) return -1;
    return WORDS_ONLY.test(lower.slice(after, q.start)) ? k : -1;
  }
  return -1;
}
