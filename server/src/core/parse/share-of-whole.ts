/**
 * A count's share of a whole, written right after the count (issue 13, round 25, census25;
 * docs/reading.md §39): "11.591 trạm 5G, tương đương 7,72% số trạm 4G". The percent after "tương ứng"
 * or "tương đương", with the whole's noun right after it, is a further figure of the count
 * (further.ts); which entry it states the analysis decides from the catalog (series.ts): the one
 * percent entry of the count's family whose name holds the whole's words, when the whole counts what
 * the count counts (its head noun a word of the count's name: "trạm 4G" beside "trạm 5G"). A whole of
 * other things is no such share: certificates "tương ứng 28,42% dân số trưởng thành" are no share of
 * adults holding a signature (held8's facts). Round 26 (open26, reading.md §40.5): a count's value
 * told right after it ("gần 10,15 tỷ giao dịch …, với tổng giá trị hơn 197,23 triệu tỷ đồng") is a
 * further figure too; series.ts gives it the entry of the count's subject that an amount fits. Pure.
 */
import type { Figure } from '../types';

/** Between the count and the percent: ", tương ứng ", ", tương đương (với) ". */
const SHARE_LINK = /^[\s,(]*(?:tương ứng|tương đương)\s+(?:với\s+)?$/u;
/** The whole's words right after the percent: up to six words ("4G" one), before any punctuation. */
const WHOLE = /^\s+(\p{L}[\p{L}\p{N}]*(?:\s+\p{N}*\p{L}[\p{L}\p{N}]*){0,5})/u;

/** The words of the whole a percent is a share of, when the text before it (`gap`, after the count) links it as a share; else null. */
export function wholeOfShare(gap: string, after: string): string[] | null {
  if (!SHARE_LINK.test(gap)) return null;
  const m = WHOLE.exec(after.slice(0, 60));
  if (!m) return null;
  const words = m[1].split(/\s+/);
  // ("7,72% số trạm 4G", "tổng số …": a count's "số" is no word of the whole)
  const skip = words[0].toLowerCase() === 'tổng' && words[1]?.toLowerCase() === 'số' ? 2 : words[0].toLowerCase() === 'số' ? 1 : 0;
  return (words.length - skip >= 2 ? words.slice(skip) : words).slice(0, 4);
}

/** Between a count and its value: ", với (tổng) giá trị (giao dịch) (là|đạt) ", " và giá trị ". */
const VALUE_LINK = /^[\s,]*(?:với|và)\s+(?:tổng\s+)?giá trị(?:\s+giao dịch)?\s+(?:(?:là|đạt|ước đạt|ước tính)\s+)?$/u;

/** Whether the amount `f` is the value of the count `count` before it, `gap` (lower case) the words between. */
export function valueOfCount(gap: string, count: Figure, f: Figure): boolean {
  return f.unitClass === 'currency' && count.unitClass !== 'currency' && count.unitClass !== 'percent' && VALUE_LINK.test(gap);
}
