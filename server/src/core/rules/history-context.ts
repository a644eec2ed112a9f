/** Shared helpers for the rules that compare a figure with the history of its indicator. */
import type { Analysis, ResolvedReference } from '../analyze';
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import type { HistoryEntry } from '../history/types';
import type { SessionKey } from '../history/history';
import { onePeriod } from '../history/period-key';
import { describePeriod } from '../parse/periods';
import { formatDate, msg, type Msg } from '../i18n';
import type { PlacedFigure } from '../parse/model';
import type { MessageRef } from './rule';
import { isPeriodCode } from '../parse/period-codes';
import { provinceFacts } from '../catalog/provincial';
import { figureKey, seriesKey } from '../history/subject';

/** The session a document is (from its front matter). */
export function selfKey(analysis: Analysis): SessionKey {
  const fm = analysis.doc.frontMatter;
  return { uri: analysis.doc.uri, session: fm?.session, date: fm?.date };
}

/** Intervals overlap, with a hair of tolerance for floating point. */
export function overlaps(a: [number, number], b: [number, number]): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(a[0]), Math.abs(b[0]));
  return a[0] <= b[1] + eps && b[0] <= a[1] + eps;
}

/** Same period (history/period-key.ts): for a stock, any two periods that end on the same day ("2022" and "2022-12-31"); for a share, a month and its last day. */
export function samePeriod(a: string, b: string, indicator: Indicator): boolean {
  return onePeriod(a, b, indicator);
}

/** Where an earlier figure was said: "phiên họp thứ 2, 27/4/2022" / "session 2, 27 Apr 2022" (the hover's table). */
export function describeOrigin(e: HistoryEntry): Msg {
  const o = e.origin;
  if (o.kind === 'csv') {
    const extra = [o.compiler, o.status].filter(Boolean).join(', ');
    return msg(`figures.csv${extra ? ` (${extra})` : ''}`, `figures.csv${extra ? ` (${extra})` : ''}`);
  }
  const vi = [o.session !== undefined ? `phiên họp thứ ${o.session}` : 'báo cáo khác', o.date ? formatDate(o.date, 'vi') : ''].filter(Boolean).join(', ');
  const en = [o.session !== undefined ? `session ${o.session}` : 'another report', o.date ? formatDate(o.date, 'en') : ''].filter(Boolean).join(', ');
  return msg(vi, en);
}

/** A figure as written, without the verb "đạt" that often opens it ("đạt 42%" → "42%"). */
export function plainRaw(raw: string): string {
  return raw.replace(/^(đạt được|đạt)\s+/iu, '');
}

/**
 * An earlier statement as a phrase that can end a sentence, without parentheses around it (a period
 * may have its own: "cuối năm 2022 (31/12/2022)"): "khoảng 53 tỷ USD cho quý I/2022 tại phiên họp
 * thứ 2 ngày 27/4/2022" / "“khoảng 53 tỷ USD” for 2022 Q1 at session 2 on 27 Apr 2022".
 */
export function describeEntry(e: HistoryEntry): Msg {
  return described(e).entry;
}

/**
 * describeEntry and relatedOf of each entry, made once: the rules ask for them on every check of
 * every figure that disagrees with the history (a keystroke re-checks them all). An entry moved by
 * an edit is updated in place with a new origin (history.ts setReport), so a description is kept
 * with the origin, raw and period it was made from and made again when one of them changed.
 */
interface Described {
  origin: HistoryEntry['origin'];
  raw: string;
  period: string;
  entry: Msg;
  related?: ReturnType<typeof relatedOf>;
}
const describedOf = new WeakMap<HistoryEntry, Described>();

function described(e: HistoryEntry): Described {
  let d = describedOf.get(e);
  if (!d || d.origin !== e.origin || d.raw !== e.raw || d.period !== e.period) {
    describedOf.set(e, (d = { origin: e.origin, raw: e.raw, period: e.period, entry: makeDescription(e) }));
  }
  return d;
}

function makeDescription(e: HistoryEntry): Msg {
  const o = e.origin;
  const raw = plainRaw(e.raw);
  let vi: string;
  let en: string;
  if (o.kind === 'csv') {
    vi = ['trong figures.csv', o.compiler ? `do ${o.compiler} biên soạn` : '', o.status ? `số ${o.status}` : ''].filter(Boolean).join(', ');
    en = ['in figures.csv', o.compiler ? `compiled by "${o.compiler}"` : '', o.status ? `status "${o.status}"` : ''].filter(Boolean).join(', ');
  } else {
    vi = `tại ${o.session !== undefined ? `phiên họp thứ ${o.session}` : 'một báo cáo khác'}${o.date ? ` ngày ${formatDate(o.date, 'vi')}` : ''}`;
    en = `at ${o.session !== undefined ? `session ${o.session}` : 'another report'}${o.date ? ` on ${formatDate(o.date, 'en')}` : ''}`;
  }
  return msg(`${raw} cho ${describePeriod(e.period, 'vi')} ${vi}`, `"${raw}" for ${describePeriod(e.period, 'en')} ${en}`);
}

/** The message of `relatedOf`, for the `meta.messages` of the rules that point at earlier statements. */
export const EARLIER_MESSAGES = { earlier: msg('{entry}', '{entry}') };

/** relatedInformation pointing at an earlier statement (its message: `earlier` of EARLIER_MESSAGES). */
export function relatedOf(e: HistoryEntry): { uri: string; range: HistoryEntry['origin']['range']; message: MessageRef<'earlier'> } {
  const d = described(e);
  // The same object for the same entry and origin: renderFinding renders it once (rule.ts).
  return (d.related ??= { uri: e.origin.uri, range: e.origin.range, message: { id: 'earlier', params: { entry: d.entry } } });
}

/** A period code as a phrase in both languages ("quý I/2022" / "2022 Q1"), for a message's placeholder. */
export function periodPhrase(code: string): Msg {
  return msg(describePeriod(code, 'vi'), describePeriod(code, 'en'));
}

/** The latest statement among entries: reports by session date; figures.csv counts as latest (official). */
export function latest(entries: readonly HistoryEntry[]): HistoryEntry | undefined {
  let best: HistoryEntry | undefined;
  let bestRank = '';
  const rank = (e: HistoryEntry) => (e.origin.kind === 'csv' ? '9999' : e.origin.date ?? '') + String(e.origin.session ?? 0).padStart(6, '0');
  for (const e of entries) {
    // Each entry ranked once (the best's rank kept): the later of equal ranks wins, as before.
    const r = rank(e);
    if (!best || r >= bestRank) {
      best = e;
      bestRank = r;
    }
  }
  return best;
}

/** A bound level figure with its reference, indicator and period (levelFigures). */
export interface LevelFigure {
  readonly r: ResolvedReference;
  readonly f: PlacedFigure;
  readonly indicator: Indicator;
  readonly period: string;
  /**
   * What to ask the history about (historySeries): the indicator itself; for a provincial series,
   * the series of the figure's province; null when the earlier statements may be another unit's.
   */
  readonly series: Indicator | null;
}

/** A provincial series' twin for one subject: its id is the history's key (subject.ts seriesKey). One object per pair. */
const twins = new WeakMap<Indicator, Map<string, Indicator>>();
const subjectOfTwin = new WeakMap<Indicator, string>();

function twin(indicator: Indicator, subject: string): Indicator {
  let bySubject = twins.get(indicator);
  if (!bySubject) twins.set(indicator, (bySubject = new Map()));
  let t = bySubject.get(subject);
  if (!t) {
    bySubject.set(subject, (t = { ...indicator, id: seriesKey(indicator.id, subject) }));
    subjectOfTwin.set(t, subject);
  }
  return t;
}

/**
 * The series the history is asked about for figure `f` of `indicator` (docs/history.md "Provinces
 * in the history"): the indicator itself; for a provincial series (catalog/provincial.ts provinceFacts), that
 * of the province the figure is about (or of the provinces' average), so that a province is
 * compared only with itself and a national figure never with a province's; null when it cannot be
 * told, and for the other rankings of many units (the ministries' DTI: unitsShareSeries). Only the
 * id differs: messages name the indicator.
 */
export function historySeries(analysis: Analysis, indicator: Indicator, f: PlacedFigure, sentence: { start: number; end: number } | undefined): Indicator | null {
  const key = figureKey(analysis.doc, indicator, sentence, f);
  // A province's figure of another entry, in a province's own report: that province's series.
  if (key?.local) return key.subject === undefined ? null : twin(indicator, key.subject);
  if (!unitsShareSeries(indicator)) return indicator;
  if (!key || key.subject === undefined) return null;
  return twin(indicator, key.subject);
}

/** The province (or NATIONAL) a series of historySeries is for; undefined for an indicator itself. */
export function seriesSubject(series: Indicator): string | undefined {
  return subjectOfTwin.get(series);
}

/** historySeries of a sibling series for the same subject as `series` (figure-conflict, wrong-series). */
export function siblingSeries(series: Indicator, sibling: Indicator): Indicator | null {
  const subject = subjectOfTwin.get(series);
  if (subject === undefined) return unitsShareSeries(sibling) ? null : sibling;
  // A province's series of an entry that is no series of provinces (figureKey local): the sibling's for that province too.
  return provinceFacts(sibling).series || !provinceFacts(series).series ? twin(sibling, subject) : null;
}

/** levelFigures of each analysis (never changed once made, analyze.ts): the rules that ask share one list. */
const levelFiguresOf = new WeakMap<Analysis, readonly LevelFigure[]>();

/** A bound level figure (no change) with a period code: what the history rules compare. Do not modify the array. */
export function levelFigures(analysis: Analysis): readonly LevelFigure[] {
  let out = levelFiguresOf.get(analysis);
  if (!out) levelFiguresOf.set(analysis, (out = findLevelFigures(analysis)));
  return out;
}

function findLevelFigures(analysis: Analysis): LevelFigure[] {
  const out: LevelFigure[] = [];
  for (const r of analysis.refs) {
    const f = r.ref.figure;
    // A figure whose very reading is in doubt ("50,350", "1.5 triệu") is for the format rules only.
    if (!r.indicator || !f || f.change || f.role === 'target' || !r.ref.period || f.notes.length) continue;
    out.push({ r, f, indicator: r.indicator, period: r.ref.period, series: historySeries(analysis, r.indicator, f, r.ref.sentence) });
  }
  return out;
}

/**
 * A series of many units: a ranking or an index of provinces or ministries (catalog scope `national`:
 * the DTI ranks and scores). An earlier figure of such a series may be another unit's: the rules
 * that compare a figure with one earlier statement (figure-conflict, wrong-series,
 * implied-base-conflict, rank-change-mismatch, large-movement, stock-decrease) ask the history
 * about historySeries instead, which keys a provincial series by the figure's province and leaves
 * the others (the ministries') alone. (series-outlier still compares with the median of the whole
 * series: a tenfold slip is one for any province.)
 */
export function unitsShareSeries(indicator: Indicator): boolean {
  return indicator.scope === 'national';
}

/** furtherLevelFigures of each analysis (never changed once made). */
const furtherOf = new WeakMap<Analysis, readonly LevelFigure[]>();

/**
 * The further figures of the references (a base of another period: "tăng từ 113,5 tỷ USD năm 2021
 * lên …", a restatement: "…; năm 2022 là 14,26%"), as level figures of the series and period the
 * analysis gives them: what a session says of an earlier period, for the rules that compare it with
 * that period's statements. Do not modify the array.
 */
export function furtherLevelFigures(analysis: Analysis): readonly LevelFigure[] {
  let out = furtherOf.get(analysis);
  if (!out) {
    const made: LevelFigure[] = [];
    for (const r of analysis.refs)
      for (const { figure: f, period, indicator } of r.also ?? []) {
        if (!indicator || f.change || f.role === 'target' || f.notes.length || !isPeriodCode(period)) continue;
        made.push({ r, f, indicator, period, series: historySeries(analysis, indicator, f, r.ref.sentence) });
      }
    furtherOf.set(analysis, (out = made));
  }
  return out;
}

/** Each catalog's sibling lists, by family and id: a catalog never changes (a reload makes a new one). */
const siblingsOf = new WeakMap<Catalog, Map<string, readonly Indicator[]>>();

/**
 * Siblings: other series of the same family ("tỷ trọng kinh tế số trong GDP" MIC vs GSO). Once per
 * catalog and (family, id): the rules ask for every level figure, and copying the catalog each time
 * was O(references × catalog) on every keystroke. Do not modify the array.
 */
export function siblings(analysis: Analysis, indicator: Indicator): readonly Indicator[] {
  const family = indicator.family;
  if (!family) return [];
  const catalog = analysis.catalog;
  let byKey = siblingsOf.get(catalog);
  if (!byKey) siblingsOf.set(catalog, (byKey = new Map()));
  const key = `${family}\0${indicator.id}`;
  let list = byKey.get(key);
  if (!list) byKey.set(key, (list = catalog.all().filter((i) => i.family === family && i.id !== indicator.id)));
  return list;
}
