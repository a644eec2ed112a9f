/**
 * Period rules of the clause reader (clauses.ts readSentence), found on press-unmarked-held10
 * (issue 13, tenth round, docs/accuracy.md "False-mark classes"):
 * - a publication date lends nothing when the clause already dated what was published ("bảng xếp
 *   hạng DTI năm 2022 công bố tháng 7/2023": the ranking is 2022's; July 2023 is when it came out)
 *   ({@link publishedAfterItsPeriod}); unless that earlier phrase closes a span of work ("thực hiện từ
 *   tháng 8/2017 đến tháng 7/2019 và công bố năm 2020": the edition is 2020's; held36, reading.md §63);
 * - the level a change moves to ("giảm 6 bậc, xuống thứ 56", "tăng 2 bậc, lên thứ 46") is of the
 *   change's own period when it has none of its own ({@link movedToPeriods}).
 * Pure; offsets are those of the sentence text.
 */
import type { Figure, FigureRole, PeriodPhrase } from '../types';

/** "công bố (vào) …", "phát hành …", "ban hành …" right before a period phrase: the date a document came out. */
const PUBLISHED_BEFORE = /(?:^|[^\p{L}])(?:công bố|phát hành|ban hành)(?:\s+(?:vào|hồi|trong|sáng|chiều|tối|hôm))?\s*$/iu;
/** Between the published thing's period and "công bố": words only (the publisher's bracketed abbreviation too: "do … (WIPO)"), no figure, no clause break. */
const WORDS_ONLY = /^[\s\p{L}\p{M}]*(?:\([\s\p{L}\p{M}.&-]*\)[\s\p{L}\p{M}]*)?$/u;

/**
 * Whether period phrase `k` is a publication date ("công bố tháng 7/2023") following, in words only,
 * an earlier period phrase of the same clause that dates what was published ("DTI năm 2022 công bố
 * tháng 7/2023"): such a date is no figure's period and lends nothing. Without an earlier phrase
 * ("Tổng cục Thống kê công bố năm 2023 …") the phrase stays the figures' period. `lower`: the
 * sentence lowercased; `clauseStart`: the start of the phrase's clause.
 */
export function publishedAfterItsPeriod(lower: string, periods: PeriodPhrase[], k: number, clauseStart: number): boolean {
  const p = periods[k];
  const m = PUBLISHED_BEFORE.exec(lower.slice(Math.max(clauseStart, p.start - 30), p.start));
  if (!m || k === 0) return false;
  const prev = periods[k - 1];
  if (prev.comparison || (/^\d{4}$/u.test(p.code) && closesSpan(lower, periods, k - 1))) return false;
  const between = lower.slice(prev.end, p.start);
  // (the publisher's bracketed abbreviation is a clause of its own to the clause reader: no break)
  if (prev.start < clauseStart && !between.includes(')')) return false;
  return between.length <= 80 && WORDS_ONLY.test(between);
}

/**
 * Whether period phrase `k` closes a span the phrase before it opens ("thực hiện từ tháng 8/2017 đến
 * tháng 7/2019 và công bố năm 2020"): the span is when the work was done, not a period of what was
 * published, so a publication year after it still dates the published thing (an index's edition).
 * (A publication month keeps lending nothing: "từ tháng 1 đến tháng 12/2022, công bố tháng 7/2023".)
 */
function closesSpan(lower: string, periods: PeriodPhrase[], k: number): boolean {
  const p = periods[k];
  const open = periods[k - 1];
  return k > 0 && /^(?:đến|tới)\s/u.test(p.raw.toLowerCase()) && /^từ\s/u.test(open.raw.toLowerCase()) && !open.comparison && /^\s*$/u.test(lower.slice(open.end, p.start));
}

/** From the end of a change to the figure after it: only ", lên …" / ", xuống …" ("giảm 6 bậc, xuống thứ 56"). */
const MOVED_TO = /^[\s,]*(?:lên|xuống)(?![\p{L}])/u;

/**
 * "… tháng 3/2022 giảm 6 bậc, xuống thứ 56": a level (or rank) written as where a change moved the
 * value to, right after that change (the figure before it, in its clause or the one before), with no
 * period phrase of its own, takes the change's own period instead of an inherited one. `own`: which
 * figures have a period phrase of their own (attached, or of their clause).
 */
export function movedToPeriods(
  lower: string,
  figures: Figure[],
  readings: Array<{ role: FigureRole; period: number }>,
  clauseOf: number[],
  own: Uint8Array,
): void {
  for (let i = 1; i < figures.length; i++) {
    const r = readings[i];
    const c = readings[i - 1];
    if (own[i] || c.role !== 'change' || !own[i - 1] || c.period < 0 || r.role === 'change' || r.role === 'base' || r.role === 'target') continue;
    if (clauseOf[i] - clauseOf[i - 1] > 1) continue;
    if (!MOVED_TO.test(lower.slice(figures[i - 1].end, figures[i].end))) continue;
    r.period = c.period;
  }
}

/** A time of day right before a date ("chiều 29/12/2025", "sáng ngày 27/4/2022"): the date of an event. */
const TIME_OF_DAY = /(?:^|[^\p{L}])(?:sáng|chiều|trưa|tối|đêm|hôm)(?:\s+(?:nay|qua))?\s*(?:\(|,)?\s*$/iu;
/** An event the date is of: a meeting, a talk, a press conference ("tại tọa đàm …, chiều 29/12/2025"). */
const EVENT_NOUN = /(?:^|[^\p{L}])(?:hội nghị|hội thảo|tọa đàm|toạ đàm|họp báo|buổi họp|cuộc họp|phiên họp|phiên chất vấn|diễn đàn|sự kiện|lễ|buổi làm việc|chương trình|kỳ họp)(?![\p{L}])/iu;
/** A statement of what is said after the date ("…, X cho biết …"). */
const SAID = /(?:^|[^\p{L}])(?:cho biết|cho hay|thông tin|phát biểu|khẳng định|nhấn mạnh|chia sẻ|nêu rõ|báo cáo|thông báo|tiết lộ)(?![\p{L}])/iu;

/**
 * A statement's date (docs/reading.md §18): a day after a time of day ("chiều 29/12/2025") or in a
 * clause naming an event ("tại hội nghị tổng kết ngày 10/1/2026"), with a statement after it in the
 * sentence ("…, Phó Cục trưởng cho biết tỷ lệ … đã lên 90%"), dates when the figures were said, not
 * the figures (a meeting in January tells the year before): a figure after the statement word that
 * would take its period from that date takes none from it, but its own phrase's, else the
 * paragraph's or the report's, as if the date were not written. `lower`: the sentence lowercased.
 */
export function statementDates(lower: string, periods: PeriodPhrase[], figures: Figure[], readings: Array<{ period: number }>): void {
  for (let k = 0; k < periods.length; k++) {
    const p = periods[k];
    if (p.comparison || p.yearless || !/^\d{4}-\d{2}-\d{2}$/.test(p.code)) continue;
    const before = lower.slice(Math.max(0, p.start - 120), p.start);
    // (an as-of phrase, "tính đến ngày …", "đến ngày …", is no event's date)
    if (/(?:đến|tới)(?:\s+(?:hết\s+)?ngày)?\s*$/u.test(before) || /(?:đến|tới)(?:\s+hết)?\s*$/u.test(lower.slice(Math.max(0, p.start - 12), p.start))) continue;
    if (!TIME_OF_DAY.test(before.slice(-12)) && !EVENT_NOUN.test(before.slice(Math.max(0, before.search(/[^.;!?]*$/u))))) continue;
    const said = SAID.exec(lower.slice(p.end));
    if (!said) continue;
    const from = p.end + said.index + said[0].length;
    figures.forEach((f, i) => {
      if (readings[i].period === k && f.start >= from) readings[i].period = -1;
    });
  }
}
