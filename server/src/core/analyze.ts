/** Binds a parsed report to the catalog: every reference with how its name resolved. */
import type { Catalog } from './catalog/catalog';
import type { Indicator, NameMatch, SubjectEntry } from './catalog/types';
import type { PlacedFigure, Reference, ReportDocument } from './parse/model';
import type { HistoryIndex } from './history/history';
import { figureKey, provincialSubjects, reportProvince } from './history/subject';
import type { PolicyConfig } from './config';
import { abbreviationFamily, familyChoice } from './catalog/family';
import { countMember } from './catalog/count-members';
import { currencyMember } from './catalog/currency-members';
import { rankOfIndexName } from './catalog/index-rank';
import { regionalRankEntry } from './scope-member';
import { boundMeasure } from './markup/bound-measure';
import { valueHead } from './markup/value-head';
import { provinceFacts } from './catalog/provincial';
import { isMinistrySeries } from './catalog/ministerial';
import { byFigure, furtherSeries, inferSeries, unitChoice, type SeriesChoice } from './series';
import { pillarOfWords, type PillarWords } from './markup/pillar-words';
import { countedOfWords } from './markup/counted-words';
import { siblingOfWords } from './markup/sibling-words';
import { abbreviationFamilyOf, headerFamily } from './markup/ministry-abbreviation';
import { headerSubjectLead } from './markup/table-lead';
import { channelOfWords } from './markup/channel-words';
import { msg } from './i18n';

/** A reference and what the catalog says about its name. */
export interface ResolvedReference {
  ref: Reference;
  match: NameMatch;
  /** The indicator the name stands for, when it resolved to exactly one (or the series was inferred). */
  indicator: Indicator | null;
  /**
   * A name several series share, settled on one by its sentence, period or history (series.ts). Kept
   * with `indicator` null when the bound figure's own words say it is no entry's (otherMeasure).
   */
  series?: SeriesChoice;
  /**
   * The reference's further figures (`ref.also`, parse/further.ts), each with the series it states:
   * the reference's own, another series of the name's index (the rank beside a score), or null
   * (none fits: it enters no history). Absent when the reference has none.
   */
  also?: ReadonlyArray<{ figure: PlacedFigure; period: string; indicator: Indicator | null }>;
}

/**
 * A report bound to a catalog. Never changed once made: new settings or a history that settles a
 * shared name differently make a new Analysis (withConfig, reinferSeries).
 */
export interface Analysis {
  readonly doc: ReportDocument;
  readonly catalog: Catalog;
  readonly refs: readonly ResolvedReference[];
  /** The workspace history, when the checks across sessions can run. */
  readonly history?: HistoryIndex;
  /** The effective settings for this document (VS Code settings over .policy-report/config.yaml). */
  readonly config?: PolicyConfig;
}

/**
 * `history`: the workspace's, for series the history decides (a name shared by several series);
 * without it only the sentence and the period decide.
 */
export function analyze(doc: ReportDocument, catalog: Catalog, history?: HistoryIndex): Analysis {
  // The series each reference before stands for: a shared name's earlier choice (series-doc.ts).
  const earlier: Array<Indicator | null> = [];
  const refs = doc.references.map((ref): ResolvedReference => {
    const r = resolveOne(doc, catalog, ref, history, earlier);
    earlier.push(ownChoice(r));
    return r;
  });
  return history ? { doc, catalog, refs, history } : { doc, catalog, refs };
}

/** The series a resolved reference chose by the report's own words (not by the history: another session's choice is no choice of this report). */
function ownChoice(r: ResolvedReference): Indicator | null {
  return r.series?.by === 'history' ? null : r.indicator;
}

/** One reference resolved (`earlier`: the series of the references before it). */
function resolveOne(doc: ReportDocument, catalog: Catalog, ref: Reference, history: HistoryIndex | undefined, earlier: ReadonlyArray<Indicator | null>): ResolvedReference {
  const match = catalog.resolve(ref.written);
  // A pillar's short words ("[[trụ cột pháp lý]]"): the pillar of the index the scope names (markup/pillar-words.ts).
  const pillar = match.kind === 'unknown' ? pillarReferenceWords(catalog, doc, ref) : null;
  if (pillar) return withAlso(doc, catalog, pillarReference(ref, pillar));
  // A counted noun alone ("22,14 triệu [[thuê bao]]"): the count entry its sentence settles (markup/counted-words.ts).
  // Words siblings' names share ("Với mạng di động, [[tốc độ tải xuống trung bình]] …"): the sibling the sentence told apart (markup/sibling-words.ts).
  const settled = match.kind === 'unknown' ? wordsReference(catalog, doc, ref) : null;
  if (settled) return withAlso(doc, catalog, settled);
  if (match.kind === 'ambiguous') return withAlso(doc, catalog, sharedName(catalog, doc, ref, match, history, earlier));
  // An abbreviation naming its family ("[[EGDI]] đạt 0,6667"): the member its figure fits (catalog/family.ts).
  // A provincial abbreviation of a ministry's figure ("Bộ Tài chính … [[DTI]] 2021 là 0,6321"): the ministries' family (markup/ministry-abbreviation.ts).
  const family = match.kind === 'abbreviation' ? abbreviationFamilyOfRef(catalog, doc, ref, match.indicator) : null;
  // An index's bare name that is its score's own name, bound to a rank ("[[Chỉ số tham gia điện tử]]
  // … xếp hạng 16"): the index's rank of that scope (catalog/index-rank.ts).
  const own = family ? (familyChoice(family, byFigure(doc, ref, family), ref.figure ?? undefined) ?? null) : 'indicator' in match ? (rankOfIndexName(catalog, match, ref.figure) ?? match.indicator) : null;
  // An amount's name with a figure in another currency: its family's entry in that currency
  // (catalog/currency-members.ts); a count's name with a percent: its growth or its share, as the
  // figure says (catalog/count-members.ts).
  const other = own && !family ? currencyMember(catalog, own, ref.figure) : null;
  const named = other ?? (own && !family ? (countMember(catalog, own, ref.figure) ?? own) : own);
  const regional = otherMeasure(catalog, doc, ref, named);
  const indicator = regional === undefined ? named : regional;
  return withAlso(doc, catalog, { ref, match, indicator, ...(other && own ? { series: unitChoice(other, own, ref.figure!.raw) } : {}) });
}

/**
 * A name several series share, settled by its sentence, period or history; then what its bound
 * figure says it measures instead (otherMeasure: a regional rank of a speed's name is no entry's,
 * whichever series the history picked — reinferSeries asks the same).
 */
function sharedName(catalog: Catalog, doc: ReportDocument, ref: Reference, match: Extract<NameMatch, { kind: 'ambiguous' }>, history: HistoryIndex | undefined, earlier: ReadonlyArray<Indicator | null>): ResolvedReference {
  const series = inCurrency(catalog, ref, inferSeries(doc, ref, match.candidates, history, match.subject, earlier) ?? undefined);
  const regional = otherMeasure(catalog, doc, ref, series?.indicator ?? null);
  // (none: the name is settled, its figure no entry's — the choice is kept, so no finding says the name picks none)
  if (regional !== undefined) return { ref, match, indicator: regional, ...(series ? { series: regional ? { ...series, indicator: regional } : series } : {}) };
  return { ref, match, indicator: series?.indicator ?? null, ...(series ? { series } : {}) };
}

/**
 * What the figure bound to an entry's name says it measures instead (undefined: the entry itself):
 * a rank of a regional scope bound to a world ranking's name is its regional member, or no entry
 * (scope-member.ts); a change of "giá trị [[giao dịch …]]" bound to a growth of a number of
 * transactions is no value of it (markup/value-head.ts).
 */
function otherMeasure(catalog: Catalog, doc: ReportDocument, ref: Reference, ind: Indicator | null): Indicator | null | undefined {
  const regional = regionalRankEntry(catalog, ind, ref.figure);
  if (regional !== undefined) return regional;
  if (ind && ref.figure && valueHead(doc.text, doc.lines.offsetAt(ref.range.start), ind, ref.figure)) return null;
  // One sentence's binding mistakes (markup/bound-measure.ts, reading.md §27).
  return boundMeasure(catalog, doc, ref, ind)?.indicator;
}

/**
 * What a reference's words say of the pillars (markup/pillar-words.ts), for a reference with no
 * compiler code. A history document restored from its saved form (history/snapshot.ts: its text,
 * references and sentences' offsets only, no outline) is read from its text, as a full parse reads it.
 */
function pillarReferenceWords(catalog: Catalog, doc: ReportDocument, ref: Reference): PillarWords | null {
  if (!ref.sentence || ref.written.includes('@')) return null;
  return pillarOfWords(catalog, doc.text, ref.sentence, ref.written, doc.sentences.length ? doc : undefined);
}

/** A reference in a pillar's short words: its candidates, and the one its scope picks (by name: the history never re-decides it). */
function pillarReference(ref: Reference, pillar: PillarWords): ResolvedReference {
  const match: NameMatch = { kind: 'ambiguous', candidates: pillar.candidates, subject: pillar.candidates.map((indicator) => ({ indicator, measure: 'score', province: false })), member: true };
  if (!pillar.pick) return { ref, match, indicator: null };
  const name = ref.written.replace(/\s+/g, ' ').trim();
  const reason = msg(`"${name}" là trụ cột của chỉ số mà câu, tiêu đề hay đoạn trước nó nêu`, `"${name}" is a pillar of the index its sentence, heading or section names`);
  return { ref, match, indicator: pillar.pick, series: { indicator: pillar.pick, by: 'name', reason } };
}

/**
 * A reference in words no name has that its sentence settles, for a reference with no compiler code
 * and a figure: a counted noun alone (markup/counted-words.ts), or words sibling entries' names share
 * (markup/sibling-words.ts). Its candidates, and the one picked by name (the history never re-decides
 * it); null when the sentence picks none (the name stays unknown).
 */
function wordsReference(catalog: Catalog, doc: ReportDocument, ref: Reference): ResolvedReference | null {
  if (!ref.sentence || !ref.figure || ref.written.includes('@')) return null;
  const at = (p: Reference['range']['start']) => doc.lines.offsetAt(p);
  // (the words inside the brackets: a history document keeps the reference's range, not its name's)
  const name = { start: at(ref.range.start) + 2, end: at(ref.range.end) - 2 };
  const figure = { ...ref.figure, start: at(ref.figure.range.start), end: at(ref.figure.range.end) };
  const words = ref.written.replace(/\s+/g, ' ').trim();
  const counted = countedOfWords(catalog, doc.text, ref.sentence, name, ref.written, figure);
  const sibling = counted ? null : siblingOfWords(catalog, doc.text, ref.sentence, name, ref.written);
  // A channel without its head noun ("[[qua mã QR]] tăng 50,94%"): the growth entry its section names (markup/channel-words.ts).
  const channel = counted?.pick || sibling?.pick ? null : channelOfWords(catalog, doc.text, name, ref.written, figure);
  const found = channel?.pick ? channel : (counted ?? sibling);
  if (!found?.pick) return null;
  const match: NameMatch = { kind: 'ambiguous', candidates: found.candidates, subject: found.candidates.map((indicator) => ({ indicator, measure: counted ? 'count' : channel ? 'growth' : 'level', province: false })), member: true };
  const reason = channel?.pick
    ? msg(`"${words}" là một kênh của chỉ tiêu tăng trưởng mà mục nêu trước đó`, `"${words}" is a channel of the growth entry its section names before it`)
    : counted
    ? msg(`"${words}" đếm đúng chỉ tiêu mà các từ khác của câu nêu`, `"${words}" counts the one entry the sentence's other words name`)
    : msg(`"${words}" là chung của vài chỉ tiêu; câu nêu trước nó từ phân biệt đúng một chỉ tiêu`, `"${words}" is shared by several entries; the sentence wrote before it the words telling one apart`);
  return { ref, match, indicator: found.pick, series: { indicator: found.pick, by: 'name', reason } };
}

/** The family an abbreviation names in its reference's sentence, by its bound figure (markup/ministry-abbreviation.ts). */
function abbreviationFamilyOfRef(catalog: Catalog, doc: ReportDocument, ref: Reference, ind: Indicator): SubjectEntry[] | null {
  if (!ref.sentence || !ref.figure) return abbreviationFamily(catalog, ind);
  // (a header cell's abbreviation over ministries' rows, "| Thứ hạng | Bộ, ngành | Giá trị [[DTI]] |": the ministries' family, markup/table-lead.ts)
  const lead = headerSubjectLead(doc.text, doc.lines.offsetAt(ref.range.start), doc.lines.offsetAt(ref.figure.range.start));
  if (lead) return headerFamily(catalog, ind, ref.written, lead);
  const { start, end } = ref.sentence;
  const at = (p: Reference['range']['start']) => doc.lines.offsetAt(p) - start;
  return abbreviationFamilyOf(catalog, ind, ref.written, doc.text.slice(start, end), at(ref.figure.range.start), at(ref.figure.range.end));
}

/**
 * A subject settled on an amount entry ("công nghiệp ICT" of the IT industry's revenue) whose figure
 * is in another currency: its family's entry in that currency (catalog/currency-members.ts).
 */
function inCurrency(catalog: Catalog, ref: Reference, series: SeriesChoice | undefined): SeriesChoice | undefined {
  const other = series && ref.figure ? currencyMember(catalog, series.indicator, ref.figure) : null;
  return other ? unitChoice(other, series!.indicator, ref.figure!.raw) : series;
}

/** The resolved reference with the series of each of its further figures (series.ts furtherSeries). */
function withAlso(doc: ReportDocument, catalog: Catalog, r: ResolvedReference): ResolvedReference {
  const { ref, match, indicator } = r;
  if (!ref.also?.length || match.kind === 'unknown') return r;
  const subject = match.kind === 'ambiguous' ? match.subject : undefined;
  // (another province's or ministry's figure of a list, parse/subject-list.ts: only a series of provinces or of ministries keys it by its unit)
  // and only when the item is of its kind: a list of ministries under a provincial index is no province's (history/subject.ts figureKey)
  const series = (a: NonNullable<Reference['also']>[number], s: Indicator | null): Indicator | null =>
    a.listed && s && (!(provinceFacts(s).series || isMinistrySeries(s)) || figureKey(doc, s, ref.sentence, a.figure)?.subject === undefined) ? null : s;
  return { ...r, also: ref.also.map((a) => ({ figure: a.figure, period: a.period, indicator: series(a, furtherSeries(doc, catalog, ref, a.figure, indicator, subject, a.carried)) })) };
}

/** The same analysis checked under `config` (a new object; the analysis given is left as it is). */
export function withConfig(analysis: Analysis, config: PolicyConfig): Analysis {
  return { ...analysis, config };
}

/**
 * Settles again the shared names of an analysis against the history as it is now (other reports
 * may have joined it since the analysis was made): a new analysis if some reference changed
 * series, else null. The analysis given is left as it is.
 */
export function reinferSeries(analysis: Analysis, history: HistoryIndex): Analysis | null {
  let changed = false;
  const earlier: Array<Indicator | null> = [];
  const refs = analysis.refs.map((r): ResolvedReference => {
    const again = (): ResolvedReference => {
      // (a choice the history made, or one that followed an earlier choice the history may have changed)
      if (r.match.kind !== 'ambiguous' || r.match.member || (r.series && r.series.by !== 'history' && r.series.by !== 'earlier')) return r;
      const settled = sharedName(analysis.catalog, analysis.doc, r.ref, r.match, history, earlier);
      if (settled.indicator === r.indicator) return r;
      changed = true;
      return withAlso(analysis.doc, analysis.catalog, settled);
    };
    const out = again();
    earlier.push(ownChoice(out));
    return out;
  });
  return changed ? { ...analysis, refs } : null;
}

/**
 * True if `b` contributes to the history exactly what `a` does (history.ts setReport reads the
 * references' figures, periods, names and ranges, their indicators, the front matter's session,
 * date and province, and the province each figure of a provincial series is about, which a
 * heading or a paragraph above it may decide: history/subject.ts provincialSubjects): then a keystroke need not hand the history a new version. A keystroke's new document
 * shares the placed figures and ranges of every chunk whose lines did not move (parse/document.ts
 * assemble), and a placed object is never changed once made: those compare by identity. The
 * references of the chunk the keystroke re-read are new objects; theirs compare by value (every
 * field of the figure, its range, the further figures), so that a keystroke in a paragraph with a
 * reference before it or on another line leaves the history as it is. At most BY_VALUE references
 * are compared by value: a chunk with more (a table of hundreds of rows, a figure typed into it)
 * is handed to the history, which compares its entries itself (history.ts setReport).
 */
export function sameForHistory(a: Analysis, b: Analysis): boolean {
  const fa = a.doc.frontMatter;
  const fb = b.doc.frontMatter;
  if (a.doc.uri !== b.doc.uri || a.refs.length !== b.refs.length || fa?.session !== fb?.session || fa?.date !== fb?.date) return false;
  // The report's own province is the subject of its provincial figures that name none (history/subject.ts).
  if (fa !== fb && reportProvince(fa) !== reportProvince(fb)) return false;
  let byValue = 0;
  for (let i = 0; i < a.refs.length; i++) {
    const x = a.refs[i];
    const y = b.refs[i];
    if (x.indicator !== y.indicator || x.ref.period !== y.ref.period || x.ref.written !== y.ref.written) return false;
    if ((x.ref.figure !== y.ref.figure || x.ref.range !== y.ref.range) && ++byValue > BY_VALUE) return false;
    if (x.ref.figure !== y.ref.figure && !sameValue(x.ref.figure, y.ref.figure)) return false;
    if (x.ref.range !== y.ref.range && !sameValue(x.ref.range, y.ref.range)) return false;
    const ax = x.ref.also;
    const ay = y.ref.also;
    if (ax === ay) continue;
    if (!ax || !ay || ax.length !== ay.length) return false;
    for (let j = 0; j < ax.length; j++) if (ax[j].period !== ay[j].period || (ax[j].figure !== ay[j].figure && !sameValue(ax[j].figure, ay[j].figure))) return false;
  }
  // (b's keys of the figures it shares with a are a's when what they read is the same: history/subject-read.ts)
  return provincialSubjects(a) === provincialSubjects(b, a.doc);
}

/** How many references of a keystroke's re-read chunk sameForHistory compares by value at most. */
const BY_VALUE = 32;

/**
 * The same value: primitives by Object.is, arrays and plain objects field by field (own enumerable
 * keys, the same set), a few levels deep (a placed figure: its change, interval, notes, ranges).
 * Anything deeper or of another kind compares by identity only.
 */
function sameValue(x: unknown, y: unknown, depth = 4): boolean {
  if (Object.is(x, y)) return true;
  if (!depth || typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameValue(x[i], y[i], depth - 1)) return false;
    return true;
  }
  if (Array.isArray(y) || Object.getPrototypeOf(x) !== Object.prototype || Object.getPrototypeOf(y) !== Object.prototype) return false;
  const kx = Object.keys(x);
  if (kx.length !== Object.keys(y).length) return false;
  for (const k of kx) {
    if (!Object.prototype.hasOwnProperty.call(y, k) || !sameValue((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], depth - 1)) return false;
  }
  return true;
}
