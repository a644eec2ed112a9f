/**
 * Whether the period the checker would give a bound figure is surely the figure's own (detect.ts):
 * a period that starts after the report was written is no value reached; a period phrase written
 * right after another figure of another clause is that figure's; a sentence that dates its figure
 * only by "cùng tháng", "cùng thời điểm" speaks of an earlier sentence's period. Each gives the
 * message listing the mark, else null. Pure.
 */
import { msg } from '../i18n';
import { paragraphCarry, saysNow } from '../parse/carry';
import { lentByListLead } from '../parse/list-lead';
import { readPartOnce } from '../parse/part-reading';
import { lentByPieces } from '../parse/piece-year';
import { periodRange } from '../parse/period-codes';
import { readSentencePeriods } from '../parse/periods';
import type { SentenceReading } from '../parse/clauses';
import type { Figure, FigureRole, PeriodPhrase } from '../types';
import { work } from '../work';
import { asideLead } from './aside-lead';
import { editionOfEarlierPiece } from './piece-edition';
import type { Bound, UnitReading } from './bind';
import { periodOfEarlierClause } from './clause-period';
import { paragraphBefore, periodElsewhere, sentenceFrom } from './judge';
import type { ProseUnit } from './prose';
import { leftUndated } from './undated';

/**
 * Why the period the checker would give the bound figure `f` (of `unit`, bound as `b`, with the
 * reader's `role`) is not surely its own, with the reason listing it, else null. With no phrase of
 * its own the figure is dated by the period the paragraph's lead lends it (carry.ts), else by the
 * report's: unless an earlier sentence of the paragraph set another one (judge.ts periodElsewhere)
 * or the sentence says "cùng tháng"; a phrase written after another figure is that figure's; a
 * period that starts after the report's date is no value reached (a target read as one is kept); a
 * report giving no year, with none in the paragraph, leaves the figure undated (undated.ts).
 */
export function periodDoubt(
  text: string,
  unit: ProseUnit,
  reading: UnitReading,
  b: Bound,
  f: Figure,
  role: FigureRole | undefined,
  docPeriod: string | null,
  docDate: string | null,
): { reason: 'period-of-another-sentence' | 'period-of-another-figure' | 'figure-role' | 'no-period'; message: ReturnType<typeof msg> } | null {
  // The report gives no year and the figure's paragraph none: the checker would leave it undated (undated.ts).
  const undated = leftUndated(text, unit.start, b.period?.code ?? null, !!unit.table, f, docPeriod);
  if (undated) return { reason: 'no-period', message: undated };
  // The paragraph's carried period, read only when asked.
  let carried: { code: string } | null | undefined;
  // (else the period the list's lead lends an item: parse/list-lead.ts)
  // (a piece after ";" first takes the period an earlier piece of its sentence lends, unless it says "now": parse/piece-year.ts)
  const piece = !b.period && !unit.table && !saysNow(reading.texts[0]) ? lentByPieces(paragraphBefore(text, unit.start), readPartOnce) : null;
  const carry = () => (carried === undefined ? (carried = !b.period && !unit.table ? (piece ?? paragraphCarry(paragraphBefore(text, unit.start)) ?? lentByListLead(text, unit.start, false)) : null) : carried);
  if (!b.period && !unit.table && docPeriod && !piece) {
    const byReference = () => {
      const m = periodByReference(sentenceFrom(text, unit.start, reading.texts[0]), f);
      return m && !carry() && !reportPeriodBefore(text, unit.start, docPeriod) ? m : null;
    };
    // (an earlier piece of the sentence names an index's edition of another year: piece-edition.ts)
    const before = paragraphBefore(text, unit.start);
    const elsewhere = periodElsewhere(text, unit.start, docPeriod, f) ?? asideLead(before, docPeriod, f) ?? editionOfEarlierPiece(before, docPeriod, f) ?? byReference();
    if (elsewhere) return { reason: 'period-of-another-sentence', message: elsewhere };
  }
  // "… tháng 7/2021 là 42,46 Mbps, xếp thứ 58, còn [[…]] xếp thứ 59" (clause-period.ts)
  const earlier = !unit.table && docPeriod && !b.period?.edition && (b.period || !carry()) ? periodOfEarlierClause(reading, b, f, docPeriod) : null;
  if (earlier) return { reason: 'period-of-another-figure', message: earlier };
  const borrowed = b.period && reading.prose ? periodOfAnotherFigure(reading.prose.reading, reading.figs[0], reading.periods[0], b.fig, reading.texts[0]) : null;
  if (borrowed) return { reason: 'period-of-another-figure', message: borrowed };
  const dated = !docDate || role === 'target' ? undefined : (b.period?.code ?? carry()?.code);
  const later = dated ? (periodAfterReport(dated, docDate!, f) ?? periodStillRunning(dated, docDate!, docPeriod, f)) : null;
  return later ? { reason: 'figure-role', message: later } : null;
}

/**
 * Class still-running (round 17, neg17): a figure dated by a year that begins after the report's
 * own period and had not ended by the report's date ("đến năm 2025, quy mô … đạt 35 tỷ USD" in the
 * report of 2024 written on 5/3/2025) is a forecast or a plan, not a value reached; a period of the
 * report's own (or before it), one over by the report's date, or a month (told as of now: "Tính đến
 * tháng 1/2024, … đạt 77,41%" in the report of 2023 written on 15/1/2024) stays. The message, else null.
 */
export function periodStillRunning(code: string, reportDate: string, docPeriod: string | null, f: Figure): ReturnType<typeof msg> | null {
  const range = /^\d{4}$/.test(code) ? periodRange(code) : null; // (a month not over is as of now: "Tính đến tháng 1/2024, … đạt 77,41%")
  const own = docPeriod ? periodRange(docPeriod) : null;
  if (!range || !own || range[0] <= own[1] || range[1] <= reportDate) return null;
  return msg(
    `Số liệu "${f.raw}" mang kỳ ${code}, sau kỳ của báo cáo (${docPeriod}) và chưa kết thúc vào ngày của báo cáo (${reportDate}): đó là dự kiến hay kế hoạch, chưa phải giá trị đã đạt: chưa đánh dấu.`,
    `The figure "${f.raw}" would be dated ${code}, after the report's period (${docPeriod}) and not over by the report's date (${reportDate}): a forecast or a plan, not a value reached: left unmarked.`,
  );
}

/**
 * A figure dated by a period that starts after the report's date ("Tổng doanh thu … năm 2025 phấn
 * đấu đạt 52 tỷ USD …; tỷ lệ … đạt 50%" in a report of 29/12/2024) is a target or a forecast, not a
 * value reached: the message listing it, else null. A target the reader reads as one is the
 * indicator's (detect.ts keeps it); this is for a figure the reader gives another role.
 */
export function periodAfterReport(code: string, reportDate: string, f: Figure): ReturnType<typeof msg> | null {
  const range = periodRange(code);
  if (!range || range[0] <= reportDate) return null;
  return msg(
    `Số liệu "${f.raw}" mang kỳ ${code}, bắt đầu sau ngày của báo cáo (${reportDate}): đó là mục tiêu hay dự kiến, chưa phải giá trị đã đạt: chưa đánh dấu.`,
    `The figure "${f.raw}" would be dated ${code}, which starts after the report's date (${reportDate}): a target or a forecast, not a value reached: left unmarked.`,
  );
}

/**
 * A period phrase the reader lends the bound figure (not its own) while the phrase is written right
 * after another figure of another clause, as that figure's own ("đạt 85%, cao hơn mức 79% của năm
 * 2023": 2023 is the 79%'s, the 85% is of the report's year): the message listing it, else null.
 * `i`: the bound figure's index in the reading.
 */
export function periodOfAnotherFigure(reading: SentenceReading, figs: Figure[], periods: PeriodPhrase[], i: number, text: string): ReturnType<typeof msg> | null {
  const own = reading.figures[i];
  if (own.period < 0 || own.own) return null;
  for (let j = 0; j < reading.figures.length; j++) {
    work.steps++;
    const other = reading.figures[j];
    if (j === i || other.period !== own.period || !other.own || reading.clauseOf[j] === reading.clauseOf[i]) continue;
    // Written after the other figure, with at most a "của" between: that figure's phrase.
    const p = periods[own.period];
    if (p.start < figs[j].end || !/^\s*(?:của\s+)?$/iu.test(text.slice(figs[j].end, p.start))) continue;
    return msg(
      `Số liệu "${figs[i].raw}" sẽ mang kỳ của cụm viết ngay sau số liệu khác "${figs[j].raw}": kỳ đó là của số liệu kia, chưa chắc là của số liệu này: chưa đánh dấu.`,
      `The figure "${figs[i].raw}" would take the period phrase written right after another figure, "${figs[j].raw}": that period is the other figure's, not surely this one's: left unmarked.`,
    );
  }
  return null;
}

/** "Số liệu cùng tháng …", "cùng thời điểm": the period of something said before, not a comparison base ("so với cùng kỳ", "gấp 2,6 lần cùng kỳ"). */
const SAME_PERIOD = /(?<![\p{L}])(?<!(?:so với|với|hơn|bằng|như|lần)\s+)cùng\s+(?:kỳ|tháng|quý|năm|thời điểm|thời gian|giai đoạn)(?![\p{L}])/iu;

/**
 * Class same-as-report (round 26, open26; reading.md §40.4): the last period phrase written before
 * `at` (in the 600 characters before it; no comparison base) is the report's own period, or its last
 * day ("đến tháng 5/2021, …" in the report of 2021-05): a later "Cùng thời điểm" speaks of the period
 * the checker gives the figure, no doubt.
 */
function reportPeriodBefore(text: string, at: number, docPeriod: string): boolean {
  const ps = readSentencePeriods(text.slice(Math.max(0, at - 600), at)).filter((p) => !p.comparison);
  const code = ps.length ? ps[ps.length - 1].code.replace(/^XXXX/, docPeriod.slice(0, 4)) : '';
  // (or the period's last day: "Đến hết năm 2017" in the report of 2017)
  return code === docPeriod || (/^\d{4}-\d{2}-\d{2}$/.test(code) && code === periodRange(docPeriod)?.[1]);
}

/**
 * A sentence with no period phrase of its own that dates its figures by an earlier sentence's
 * ("Số liệu cùng tháng của nền tảng … thấp hơn: … là 67,85 Mbps"): the checker would date the figure
 * by the report's period. The message listing it, else null. `sentence`: the figure's sentence.
 */
export function periodByReference(sentence: string, f: Figure): ReturnType<typeof msg> | null {
  work.steps += sentence.length;
  const m = SAME_PERIOD.exec(sentence);
  if (!m) return null;
  return msg(
    `Câu dùng "${m[0]}" để chỉ kỳ của một câu trước, không có cụm chỉ kỳ riêng: dấu sẽ gắn "${f.raw}" với kỳ của báo cáo: chưa đánh dấu. Ghi kỳ vào câu để đánh dấu.`,
    `The sentence dates its figures by "${m[0]}", an earlier sentence's period, with no period phrase of its own: the mark would date "${f.raw}" by the report's period: left unmarked. Write the period in the sentence to mark it.`,
  );
}
