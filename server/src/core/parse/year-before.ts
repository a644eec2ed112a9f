/**
 * A later piece told of the year before (docs/reading.md §29.1): "Năm 2023, Bà Rịa - Vũng Tàu vươn
 * lên vị trí thứ 10/63, tăng 18 bậc; năm trước, tỉnh còn đứng thứ 28." The piece after ";" (or the
 * next sentence) opens with "năm trước" or "năm ngoái" (maybe after "còn", "trong khi", "và"), then
 * holds only lower-case words (the subject named again by a common noun, adverbs, a verb) before its
 * first figure: the figures the carry takes from it (family-carry.ts carryOn) are of the year before
 * the last figure told of the index (its bound figure, or the last one carried), when that is a
 * year. The period reader takes "năm trước" as a comparison (`SPLY`, periods.ts), so the piece had
 * no period of its own: its rank was dropped (no period), or taken for the lead's year and refused
 * as a second value of that year.
 *
 * Not a piece: a sentence with a period phrase of its own besides comparisons ("năm trước, … năm
 * 2021 …": the reader's own periods hold), "so với năm trước", a proper name or another figure before
 * the first figure (another subject or measure: the carry's own checks). Pure; bounded (80 characters).
 */
import type { Figure, PeriodPhrase } from '../types';
import type { Reference } from './model';

/** From the piece's start to its first figure: "năm trước" / "năm ngoái", then lower-case words only. */
const OPENING = /^\s*(?:(?:[Cc]òn|[Tt]rong khi|[Tt]rong lúc|[Vv]à)\s+)?(?:[Nn]ăm)\s+(?:trước|ngoái)\s*,?\s*(?:\p{Ll}+\s+){0,6}$/u;

/**
 * The period of the figures a piece (`text`, its `figures` and period phrases) carries when it opens
 * with "năm trước": the year before the last figure told of `ref`; null when there is none to shift;
 * undefined when the piece is no such piece (the figures keep their own periods).
 */
export function yearBeforeTold(text: string, figures: Figure[], periods: PeriodPhrase[], ref: Reference): string | null | undefined {
  const first = figures[0];
  if (!first || first.start > 80 || periods.some((p) => !p.comparison) || !OPENING.test(text.slice(0, first.start).normalize('NFC'))) return undefined;
  const also = ref.also ?? [];
  const last = also.length ? also[also.length - 1].period : ref.figure?.period;
  return last && /^\d{4}$/.test(last) ? String(Number(last) - 1) : null;
}
