/**
 * Series inference: a name several series share ("tỷ trọng kinh tế số trong GDP": the ministry's
 * estimate and the statistics office's value) written without "@ CODE" is settled, when it can be,
 *
 * 1. by the sentence: the compiler it names outside the reference ("theo Bộ Thông tin và Truyền
 *    thông", "Tổng cục Thống kê công bố", "theo Cục Thống kê"; any name or code of the catalog's
 *    compilers, with their dates), else the one the paragraph named last before it;
 * 2. by the period: a period only one of the series publishes (`publishes: [year]` of an official
 *    yearly statistic leaves a half-year to the ministry's estimate);
 * 3. by the document (series-doc.ts, round 34): the headings above it, the report's own earlier
 *    choice of one series (the history's choices not counted), the report's own body (its front
 *    matter's committee, the compiler's) — after the history's value match below, before its name;
 * 4. by the history: the bound figure is the value an earlier session or figures.csv gave one of
 *    the series for that period; else the one series earlier sessions used the same name for.
 *
 * A subject (a name without its measure word, "kinh tế số": catalog/subjects.ts) is settled first
 * by its figure: the entries of the subject the bound figure fits (a rank the rank entry of its
 * written scope, a percentage after "tăng"/"tăng trưởng" the growth entry, a fitting unit:
 * markup/subjects.ts pickBySubject, the same choice the markup detector makes); several left go on
 * to the steps above.
 *
 * Before these, the bound figure's currency (catalog/currency-members.ts): an amount in USD is no
 * value of a series kept in đồng; the series of the figure's currency are the ones left (`by: 'unit'`).
 * A name of one amount entry written with a figure in another currency its family keeps in another
 * entry stands for that entry (analyze.ts, {@link unitChoice}).
 *
 * Only when none decides does `ambiguous-indicator` report the name. Pure.
 */
import type { Indicator, SubjectEntry } from './catalog/types';
import { registerCache } from './caches';
import { pickBySubject } from './markup/subjects';
import { pieceLead } from './markup/piece-lead';
import { headerSubjectLead, rowSubjectLead } from './markup/table-lead';
import { beforeSeries, periodKind } from './catalog/types';
import { foldKey, splitCompiler, type Catalog } from './catalog/catalog';
import { subjectKeysOf } from './catalog/subjects';
import { memberByShape } from './catalog/family';
import { measureOf } from './parse/family-carry';
import { wholeOfShare } from './parse/share-of-whole';
import { shareOfAmount } from './parse/share-of-amount';
import { wholeShareEntry } from './catalog/whole-share';
import { fits } from './markup/judge';
import { currencyFits, currencyMember } from './catalog/currency-members';
import { perPopulation, valueSibling } from './catalog/count-members';
import type { HistoryIndex, SessionKey } from './history/history';
import { isEarlier } from './history/history';
import { msg, type Msg } from './i18n';
import type { PlacedFigure, Reference, ReportDocument } from './parse/model';
import { foldSameLength } from './text';
import { work } from './work';
import { namedCompilers, seriesOfDocument } from './series-doc';

/** How a shared name was settled on one series. */
export interface SeriesChoice {
  indicator: Indicator;
  by: 'figure' | 'name' | 'unit' | 'sentence' | 'paragraph' | 'period' | 'heading' | 'earlier' | 'report' | 'history';
  /** Why, for hover and messages. */
  reason: Msg;
}

/** How far back in its paragraph a sentence looks for the compiler named last. */
const PARAGRAPH_LOOKBACK = 600;

/** The one candidate named, else the one named last (nearest before `before`), else null. */
function pickNamed<H extends { indicator: Indicator; at: number }>(hits: H[], before: number): H | null {
  if (!hits.length) return null;
  const distinct = new Set(hits.map((h) => h.indicator));
  if (distinct.size === 1) return hits[0];
  const prior = hits.filter((h) => h.at < before).sort((a, b) => b.at - a.at);
  if (!prior.length) return null;
  const nearest = prior.filter((h) => h.at === prior[0].at);
  return new Set(nearest.map((h) => h.indicator)).size === 1 ? nearest[0] : null;
}

/**
 * The one series of a shared name whose compiler `text` names (the one named last before `before`
 * when several are): the markup detector's reading of "Bộ Thông tin và Truyền thông ước tính …".
 */
export function seriesNamedIn(text: string, candidates: Indicator[], before: number): Indicator | null {
  if (candidates.length < 2) return null;
  return pickNamed(compilersOfText(text, candidates), before)?.indicator ?? null;
}

/**
 * The compilers a text names, remembered for the last text and candidates asked: the detector asks
 * once per shared name of a sentence, and a sentence holding hundreds of them was folded and searched
 * once per name (quadratic: a 136 KB sentence of shares took 65 s to check).
 */
let lastCompilers: { text: string; key: string; hits: ReturnType<typeof namedCompilers> } | null = null;
function compilersOfText(text: string, candidates: Indicator[]): ReturnType<typeof namedCompilers> {
  const key = candidates.map((c) => c.id).join('\n');
  if (lastCompilers && lastCompilers.text === text && lastCompilers.key === key) return lastCompilers.hits;
  const hits = namedCompilers(foldSameLength(text), candidates);
  lastCompilers = { text, key, hits };
  return hits;
}
registerCache(() => {
  lastCompilers = null;
});

/** The series of a shared name the sentence or its paragraph names by its compiler. */
function bySentence(doc: ReportDocument, ref: Reference, candidates: Indicator[]): SeriesChoice | null {
  if (!ref.sentence) return null;
  const start = ref.sentence.start;
  const refStart = doc.lines.offsetAt(ref.range.start);
  // The sentence with its references blanked (a compiler code inside "[[… @ TCTK]]" of another
  // reference names that reference's series, not this one's).
  const sentence = doc.text.slice(start, ref.sentence.end).replace(/\[\[[^\]\r\n]*\]\]/g, (m) => ' '.repeat(m.length));
  const folded = foldSameLength(sentence);
  const hit = pickNamed(namedCompilers(folded, candidates), refStart - start);
  if (hit) {
    // The compiler as the sentence writes it.
    const written = sentence.slice(hit.at, hit.end);
    return {
      indicator: hit.indicator,
      by: 'sentence',
      reason: msg(`câu nêu cơ quan biên soạn: ${written}`, `the sentence names the compiler: ${written}`),
    };
  }
  // The paragraph before the sentence: the compiler it named last.
  let from = Math.max(0, start - PARAGRAPH_LOOKBACK);
  const blank = doc.text.lastIndexOf('\n\n', start);
  if (blank >= from) from = blank;
  const paragraph = doc.text.slice(from, start).replace(/\[\[[^\]\r\n]*\]\]/g, (m) => ' '.repeat(m.length));
  const prior = namedCompilers(foldSameLength(paragraph), candidates);
  if (!prior.length) return null;
  const last = Math.max(...prior.map((h) => h.at));
  const nearest = prior.filter((h) => h.at === last);
  if (new Set(nearest.map((h) => h.indicator)).size !== 1) return null;
  return {
    indicator: nearest[0].indicator,
    by: 'paragraph',
    reason: msg(`đoạn văn nêu cơ quan biên soạn: ${paragraph.slice(nearest[0].at, nearest[0].end)}`, `the paragraph names the compiler: ${paragraph.slice(nearest[0].at, nearest[0].end)}`),
  };
}

/** The one series of a shared name that publishes a period of this kind (catalog `publishes`), or null. */
export function seriesOfPeriod(candidates: Indicator[], period: string): Indicator | null {
  const kind = periodKind(period);
  if (!kind) return null;
  const fit = candidates.filter((c) => !c.publishes || c.publishes.includes(kind));
  return fit.length === 1 && candidates.length > 1 ? fit[0] : null;
}

/** The series a name stands for by the currency of its figure `raw`: `chosen`, of `named`'s family. */
export function unitChoice(chosen: Indicator, named: Indicator, raw: string): SeriesChoice {
  return {
    indicator: chosen,
    by: 'unit',
    reason: msg(
      `số liệu "${raw}" tính bằng ${chosen.unit}: đây là "${chosen.name}", không phải "${named.name}" (tính bằng ${named.unit})`,
      `the figure "${raw}" is in ${chosen.unit}: this is "${chosen.name}", not "${named.name}" (in ${named.unit})`,
    ),
  };
}

/** The series of a shared name that alone publishes the reference's period. */
function byPeriod(ref: Reference, candidates: Indicator[]): SeriesChoice | null {
  if (!ref.period) return null;
  const one = seriesOfPeriod(candidates, ref.period);
  const kind = periodKind(ref.period);
  if (!one || !kind) return null;
  const fit = [one];
  const names: Record<string, Msg> = {
    year: msg('năm', 'year'),
    half: msg('6 tháng', 'half-year'),
    quarter: msg('quý', 'quarter'),
    month: msg('tháng', 'month'),
    ytd: msg('số tháng từ đầu năm', 'months of the year to date'),
    day: msg('ngày', 'day'),
  };
  return {
    indicator: fit[0],
    by: 'period',
    reason: msg(
      `chỉ chuỗi của ${fit[0].compiler ?? fit[0].id} công bố số liệu theo kỳ ${names[kind].vi}`,
      `only the ${fit[0].compiler ?? fit[0].id} series is published by ${names[kind].en}`,
    ),
  };
}

/** The history (asked around the document, inferSeries): the one series an earlier session or figures.csv gave the bound figure's value for its period. */
function byHistoryValue(ref: Reference, candidates: Indicator[], history: HistoryIndex, self: SessionKey): SeriesChoice | null {
  const f = ref.figure;
  if (f && ref.period && !f.change && f.role !== 'target') {
    const eps = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
    const same = candidates.filter((c) =>
      history.atPeriod(c, ref.period!, self).some((e) => e.kind === f.kind && f.interval[0] <= e.interval[1] + eps(e.interval[1]) && e.interval[0] <= f.interval[1] + eps(f.interval[1])),
    );
    if (same.length === 1) {
      return {
        indicator: same[0],
        by: 'history',
        reason: msg(`"${f.raw}" là số đã báo cáo cho chuỗi của ${same[0].compiler ?? same[0].id} cùng kỳ`, `"${f.raw}" is the value reported earlier for the ${same[0].compiler ?? same[0].id} series for this period`),
      };
    }
  }
  return null;
}

/** The one series earlier sessions used the same name for. */
function byHistoryName(ref: Reference, candidates: Indicator[], history: HistoryIndex, self: SessionKey): SeriesChoice | null {
  const name = foldKey(splitCompiler(ref.written).name);
  const used = candidates.filter((c) =>
    history.citing(c.id).some((m) => m.name === name && isEarlier({ kind: 'report', uri: m.uri, range: m.range, session: m.session, date: m.date }, self)),
  );
  if (used.length !== 1) return null;
  return {
    indicator: used[0],
    by: 'history',
    reason: msg(`các phiên trước dùng tên này cho chuỗi của ${used[0].compiler ?? used[0].id}`, `earlier sessions used this name for the ${used[0].compiler ?? used[0].id} series`),
  };
}

/**
 * The one series a shared name stands for in its sentence, period, document or history, or null
 * when none of them decides. `history` absent: not the history; `earlier` (the series of the
 * document's references before this one) absent: not the document either.
 */
export function inferSeries(doc: ReportDocument, ref: Reference, candidates: Indicator[], history?: HistoryIndex, subject?: SubjectEntry[], earlier?: ReadonlyArray<Indicator | null>): SeriesChoice | null {
  if (subject) {
    const fit = byFigure(doc, ref, subject);
    if (fit.length === 1) {
      const f = ref.figure!;
      return { indicator: fit[0], by: 'figure', reason: msg(`số liệu "${f.raw}" chỉ hợp chỉ tiêu này của chủ thể`, `the figure "${f.raw}" fits only this entry of the subject`) };
    }
    // An alias naming its family ("Chỉ số đổi mới sáng tạo toàn cầu"): its own entry when no figure decides.
    const named = subject.find((e) => e.named);
    if (named && (!fit.length || fit.includes(named.indicator)))
      return { indicator: named.indicator, by: 'name', reason: msg(`"${ref.name}" là tên khác của chỉ tiêu này`, `"${ref.name}" is an alias of this entry`) };
    candidates = fit;
  }
  if (candidates.length < 2) return null;
  // The figure's currency: the series kept in it (none left: the name's series stay, unit-mismatch says why).
  const inCurrency = candidates.filter((c) => currencyFits(c, ref.figure));
  if (inCurrency.length === 1) return unitChoice(inCurrency[0], candidates.find((c) => c !== inCurrency[0])!, ref.figure!.raw);
  if (inCurrency.length > 1) candidates = inCurrency;
  const fromText = bySentence(doc, ref, candidates);
  if (fromText) return fromText;
  const fromPeriod = byPeriod(ref, candidates);
  if (fromPeriod) return fromPeriod;
  const fm = doc.frontMatter;
  const self: SessionKey = { uri: doc.uri, session: fm?.session, date: fm?.date };
  // The value an earlier session gave one series for the period: surer than the document's words.
  const fromValue = history ? byHistoryValue(ref, candidates, history, self) : null;
  if (fromValue) return fromValue;
  // The document: its headings, its earlier choice, its own body (series-doc.ts).
  const fromDoc = earlier ? seriesOfDocument(doc.text, doc.lines.offsetAt(ref.range.start), candidates, earlier, doc) : null;
  if (fromDoc) return fromDoc;
  return history ? byHistoryName(ref, candidates, history, self) : null;
}

/**
 * The series a further figure of a reference states (parse/further.ts, `Reference.also`): the
 * reference's own when the figure fits it (a rank a rank, a score a score), else the one other entry
 * of the name's subject family that it fits ("[[Chỉ số chuyển đổi số cấp tỉnh]] đạt 0,7163 điểm,
 * xếp thứ 2/63": the score's index has a rank entry, "Xếp hạng Chỉ số chuyển đổi số cấp tỉnh"),
 * else null (the figure is stated for no entry). `subject`: the name's own subject entries when it
 * is a subject; else the family of `indicator` (catalog/subjects.ts subjectKeysOf). `carried`: a
 * figure of a later sentence of the paragraph (parse/family-carry.ts): the member its shape says
 * (catalog/family.ts memberByShape).
 */
export function furtherSeries(doc: ReportDocument, catalog: Catalog, ref: Reference, f: PlacedFigure, indicator: Indicator | null, subject?: SubjectEntry[], carried?: boolean): Indicator | null {
  const series = furtherSeriesAny(doc, catalog, ref, f, indicator, subject, carried);
  // A figure of a period before the series began is a predecessor's (catalog `since`; markup/classes.ts).
  // (its period as the reference tells it: a score beside a carried rank is of the rank's)
  return series && beforeSeries(series, ref.also?.find((a) => a.figure === f)?.period ?? f.period) ? null : series;
}

function furtherSeriesAny(doc: ReportDocument, catalog: Catalog, ref: Reference, f: PlacedFigure, indicator: Indicator | null, subject?: SubjectEntry[], carried?: boolean): Indicator | null {
  // A figure of a later sentence telling on the named index: the member of its family its shape says.
  if (carried) {
    const seed = indicator ?? subject?.find((e) => e.named)?.indicator;
    // (a value of a measure told on, docs/reading.md §17: the named entry's own when it fits;
    // a rank with no scope written, after the ASEAN rank named: that ranking's when in its range, §35.1)
    const asean = seed?.scope === 'asean' && !f.scope && (f.kind === 'rank' || f.role === 'rank') ? memberByShape(catalog, seed, { ...f, scope: 'asean' }) : null;
    return seed ? (asean ?? memberByShape(catalog, seed, f) ?? (indicator && measureOf(ref.figure, '') && fits(indicator, f) ? indicator : null)) : null;
  }
  const rank = f.kind === 'rank' || f.role === 'rank';
  // A figure of the bound figure's kind (a base, a restatement, another unit of a list) states the
  // reference's own series, as one that fits it does.
  const main = ref.figure;
  // "thứ 43/138 thế giới và thứ 4 trong khu vực": a rank of another written scope than the entry's is its scope's member or none (parse/period-series.ts).
  // (and a rank written of Asia is no world or ASEAN ranking's: "xếp 23/47 ở châu Á" after the EGDI's world rank is its Asia-Pacific member's or none, reading.md §84)
  if (rank && indicator && f.scope && ((f.scope === 'asean' || f.scope === 'region') !== (indicator.scope === 'asean') || (f.scope === 'asia' && (indicator.scope === 'world' || indicator.scope === 'asean')))) return memberByShape(catalog, indicator, f);
  // An amount in another currency than the series' ("57 tỷ USD, tương đương 1,321 triệu tỷ đồng"): its family's entry in that currency.
  const other = indicator ? currencyMember(catalog, indicator, f) : null;
  if (other) return other;
  // "21,77 triệu thuê bao, tương ứng 21,9 thuê bao/100 dân": a count's rate per population is its
  // per-population member (or none), even when its unit is the count's ("thuê bao" both).
  if (indicator && f.role === 'rate' && indicator.measure !== 'ratio') return perPopulation(catalog, indicator);
  // "11.591 trạm 5G, tương đương 7,72% số trạm 4G": a count's share of a whole of the same things named after it (parse/share-of-whole.ts).
  const share = indicator && f.kind === 'percent' && indicator.unitClass === 'count' ? shareOfWhole(doc, catalog, indicator, f) : null;
  if (share) return share;
  // "32 tỷ USD và chiếm 12% tổng mức bán lẻ …": an amount's share of the whole named after it (parse/share-of-amount.ts, catalog/whole-share.ts).
  const ofAmount = indicator?.unitClass === 'currency' && ref.figure ? amountShare(doc, catalog, indicator, ref.figure, f) : null;
  if (ofAmount) return ofAmount;
  // "gần 10,15 tỷ giao dịch …, với tổng giá trị hơn 197,23 triệu tỷ đồng": a count's value is its family's amount entry (round 26).
  if (indicator?.unitClass === 'count' && f.unitClass === 'currency') return valueSibling(catalog, indicator);
  const likeMain = !!main && main.kind === f.kind && main.unitClass === f.unitClass && rank === (main.kind === 'rank' || main.role === 'rank');
  if (indicator && (likeMain || (rank === (indicator.measure === 'rank') && fits(indicator, f)))) return indicator;
  const fitOf = (entries: SubjectEntry[]): Indicator[] => (entries.length ? byFigureAt(doc, ref, f, entries).filter((i) => i !== indicator) : []);
  let fit = subject ? fitOf(subject) : [];
  // (class indicator-subjects, round 19: a subject none of whose entries the figure fits, "[[Internet băng
  // rộng di động]] đạt 160 Mbps và xếp thứ 17 thế giới" (its words the speed's only), asks the subjects of
  // the entry it settled on, as a name does: the network's speed rank)
  if (!fit.length && indicator) {
    const all = catalog.subjects().entries;
    const entries: SubjectEntry[] = [];
    for (const key of subjectKeysOf(indicator)) for (const e of all.get(key) ?? []) if (!entries.some((x) => x.indicator === e.indicator)) entries.push(e);
    fit = fitOf(entries);
  }
  return fit.length === 1 ? fit[0] : null;
}

/** The one percent entry of a count's family whose name holds the words of the whole written after the share (two words at least, the longest first), the whole's head noun a word of the count's name. */
function shareOfWhole(doc: ReportDocument, catalog: Catalog, ind: Indicator, f: PlacedFigure): Indicator | null {
  const start = doc.lines.offsetAt(f.range.start);
  const end = doc.lines.offsetAt(f.range.end);
  const before = doc.text.slice(Math.max(0, start - 24), start).toLowerCase();
  const words = ind.family ? wholeOfShare(before.slice(Math.max(0, before.lastIndexOf(','))), doc.text.slice(end, end + 60)) : null;
  // (the whole counts what the count counts: its head noun is a word of the count's name or an alias)
  if (!words || ![ind.name, ...(ind.aliases ?? [])].some((l) => ` ${foldKey(l)} `.includes(` ${foldKey(words[0])} `))) return null;
  for (let k = words.length; k >= 2; k--) {
    const whole = ` ${foldKey(words.slice(0, k).join(' '))}`;
    const found = catalog.all().filter((e) => e.family === ind.family && e.unitClass === 'percent' && foldKey(e.name).includes(whole));
    if (found.length) return found.length === 1 ? found[0] : null;
  }
  return null;
}

/** The share entry of the percent `f` told right after the bound amount `main` with its whole (catalog/whole-share.ts), else null. */
function amountShare(doc: ReportDocument, catalog: Catalog, ind: Indicator, main: PlacedFigure, f: PlacedFigure): Indicator | null {
  const [from, start, end] = [doc.lines.offsetAt(main.range.end), doc.lines.offsetAt(f.range.start), doc.lines.offsetAt(f.range.end)];
  const after = doc.text.slice(end, end + 80);
  return start > from && start - from <= 40 && shareOfAmount(doc.text.slice(from, start).toLowerCase(), main, f, after) ? wholeShareEntry(catalog, ind, after) : null;
}

/**
 * The entries of a subject the reference's bound figure fits (none without a figure), judged on the
 * words between the name and the figure and on the sentence, as the markup detector judges them.
 */
export function byFigure(doc: ReportDocument, ref: Reference, subject: SubjectEntry[]): Indicator[] {
  return ref.figure ? byFigureAt(doc, ref, ref.figure, subject) : [];
}

/** The entries of a subject figure `f` of the reference's sentence fits (byFigure for any of its figures). */
function byFigureAt(doc: ReportDocument, ref: Reference, f: PlacedFigure, subject: SubjectEntry[]): Indicator[] {
  const refEnd = doc.lines.offsetAt(ref.range.end);
  const fStart = doc.lines.offsetAt(f.range.start);
  const fEnd = doc.lines.offsetAt(f.range.end);
  const between = fStart >= refEnd ? doc.text.slice(refEnd, fEnd) : doc.text.slice(Math.max(0, fStart - 30), fEnd);
  const sentence = doc.text.slice(ref.sentence.start, ref.sentence.end);
  work.steps += between.length + sentence.length;
  // (a name in a body row's first cell, or in a header cell over the figure's column: what the table says, markup/table-lead.ts)
  const nameAt = doc.lines.offsetAt(ref.range.start);
  const table = rowSubjectLead(doc.text, nameAt, fStart, f) ?? headerSubjectLead(doc.text, nameAt, fStart);
  return pickBySubject(subject, f, f.role ?? 'level', f.scope, between, sentence, pieceLead(doc.text, ref.sentence.start), doc.text.slice(fEnd, fEnd + 64), table);
}
