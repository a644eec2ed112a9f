/**
 * Class document-date (issue 13 round 35, helper neg35, seen set press-unmarked-neg30; docs/reading.md
 * §86): a day written as the date a document came out, right after the word saying so ("Kết quả công
 * bố ngày 26/4: tỷ lệ … là 31%", "Bản dự thảo ngày 27/3/2018 của ITU về Chỉ số … đặt Việt Nam ở vị trí
 * 50", "ban hành ngày …", "phát hành ngày …") dates the document, not its figures: a figure the clause
 * reader dates by that day takes the day's year when it is written (an index's edition, a survey's
 * year), else no period from it (the paragraph's, the section's or the report's, as if the day were
 * not written). An as-of day ("tính đến ngày 31/12/2023", "đến hết ngày …") is untouched: it has no
 * such word before it. Pure; one pass over the period phrases and the figures; each look-behind is a
 * bounded window of the sentence.
 */
import type { PeriodPhrase } from '../types';

/** The word saying a document came out, then (optionally) the time of day and "ngày", right before the day. */
const DOCUMENT_DAY = /(?:^|[^\p{L}])(?:công bố|phát hành|ban hành|dự thảo)(?:\s+(?:vào|hôm|sáng|chiều|tối))?(?:\s+ngày)?\s*$/iu;
/** A day's code ("2018-03-27", "XXXX-04-26" when the year is not written). */
const DAY_CODE = /^(?:\d{4}|XXXX)-\d{2}-\d{2}$/u;

/**
 * For each period phrase of sentence `lower` (lowercased) that is a day right after a document's
 * coming-out word: the figures dated by it (`readings[i].period === k`) take its year (`yearOf`), or,
 * when its year is not written, no period from it (-1).
 */
export function documentDates(lower: string, periods: PeriodPhrase[], readings: Array<{ period: number; yearOf?: boolean }>): void {
  for (let k = 0; k < periods.length; k++) {
    const p = periods[k];
    if (p.comparison || !DAY_CODE.test(p.code)) continue;
    // (the phrase's own "ngày" may be part of it or not: the window ends where the phrase starts)
    if (!DOCUMENT_DAY.test(lower.slice(Math.max(0, p.start - 32), p.start))) continue;
    for (const r of readings) {
      if (r.period !== k) continue;
      if (p.yearless || p.code.startsWith('XXXX')) r.period = -1;
      else r.yearOf = true;
    }
  }
}
