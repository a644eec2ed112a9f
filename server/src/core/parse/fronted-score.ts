/**
 * A rank told after a fronted score of its index (issue #13, round 34; docs/reading.md §77): "Với giá
 * trị [[DTI]] đạt 0,6735, Tuyên Quang xếp hạng 38/63 tỉnh, thành phố", "Với điểm [[DTI]] 0,7024
 * (tăng 0,2052 điểm so với năm 2021), Quảng Ninh vươn lên đứng thứ 3/63". The sentence opens with
 * "Với" and the score's head noun, the name, the bound score; then at most a bracket of the score's
 * changes, a comma, the subject the index ranks (Việt Nam, "nước ta" or a province: at most four
 * capitalized words) with its adverbs and verb, and the rank. The score's name governs the rank too:
 * it is the index's other measure, as a rank right after a level is (further.ts otherMeasure;
 * analyze.ts picks the rank series of the score's index or drops it). Never a rank of an aspect
 * written after it ("xếp thứ 5 về hạ tầng số"), never a change, never with another reference between.
 * Pure.
 */
import type { Figure } from '../types';
import type { SentenceReading } from './clauses';
import { maskedIn } from './masked';

/** The sentence's opening before the name: "Với", the score's head noun ("giá trị", "điểm", "điểm số", "tổng điểm", "mức điểm"). */
const OPENING = /^\s*(?:[-*+]\s+)?với\s+(?:(?:giá trị|điểm số|số điểm|mức điểm|tổng điểm|điểm)\s+)?$/iu;
/** Between the name and the bound score: a qualifier of the name ("chung", "của tỉnh", "năm 2022"), "là"/"đạt"; no comma, no bracket. */
const NAME_TO_SCORE = /^[^,;:()[\]]{0,40}$/u;
/** The subject ranked: Việt Nam, "nước ta", or a province ("tỉnh"/"thành phố" before at most four capitalized words, "Bà Rịa - Vũng Tàu"). */
const SUBJECT = String.raw`(?:Việt Nam|nước ta|(?:(?:tỉnh|thành phố|TP\.?)\s+)?\p{Lu}[\p{L}\p{M}]*(?:\s+(?:-\s+)?\p{Lu}[\p{L}\p{M}]*){0,3})`;
/** After the score: a comma, the subject, its adverbs and verb (the rank's own words may hold the verb). */
const SCORE_TO_RANK = new RegExp(
  String.raw`^\s*,\s*${SUBJECT}(?:\s+(?:vẫn|từng|đã|tiếp tục|lại))*(?:\s+(?:được\s+)?(?:vươn lên|xếp hạng|xếp|đứng|giữ|lên|ở))?\s*$`,
  'u',
);
/** An aspect or part written right after the rank: the rank is that aspect's, not the index's ("xếp thứ 5 về hạ tầng số"). */
const ASPECT_AFTER = /^\s*(?:[^,;.]{0,30}\s)?(?:về|ở trụ cột|trong trụ cột|ở chỉ số|trong chỉ số)(?![\p{L}])/iu;

/**
 * The index of the rank told after the bound score `idx` that the reference at [refStart, refEnd)
 * names in a fronted "Với …," phrase, or -1.
 */
export function frontedScoreRank(idx: number, text: string, figures: Figure[], reading: SentenceReading, refStart: number, refEnd: number): number {
  const score = figures[idx];
  if (refStart < 0 || refEnd > score.start || score.kind === 'rank' || reading.figures[idx].role === 'rank' || score.change) return -1;
  // (no figure between the name and the score: the score is the first figure after the name)
  if ((idx > 0 && figures[idx - 1].start >= refEnd) || !OPENING.test(text.slice(0, refStart)) || !NAME_TO_SCORE.test(text.slice(refEnd, score.start))) return -1;
  // A bracket of the score's changes right after it: "(tăng 0,2052 điểm so với năm 2021)".
  let from = score.end;
  let j = idx + 1;
  const bracket = /^\s*\(([^()]*)\)/u.exec(text.slice(from));
  if (bracket) {
    const close = from + bracket[0].length;
    for (; j < figures.length && figures[j].end <= close; j++) if (!(figures[j].change || reading.figures[j].role === 'change' || reading.figures[j].role === 'base')) return -1;
    from = close;
  }
  const f = figures[j];
  if (!f || f.change || reading.figures[j].role === 'change' || !(f.kind === 'rank' || reading.figures[j].role === 'rank')) return -1;
  if (f.start - from > 60 || maskedIn(reading, from, f.start, refStart, refEnd)) return -1;
  if (!SCORE_TO_RANK.test(text.slice(from, f.start)) || ASPECT_AFTER.test(text.slice(f.end, f.end + 48))) return -1;
  return j;
}
