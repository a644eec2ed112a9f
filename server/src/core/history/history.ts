/**
 * The workspace index of figures across sessions. Each report (and figures.csv) contributes the
 * figures its references bind; a change to one file replaces that file's contribution only.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { intervalByEntry, kindByEntry } from '../catalog/rank-entry';
import { isPeriodCode } from '../parse/period-codes';
import { bindFiguresCsv, readFiguresCsv, type CsvProblem, type ReadCsv } from './csv';
import type { HistoryEntry, HistoryOrigin } from './types';
import { periodEnd, sortedByEndAndDate } from './keys';
import { periodGrouping, periodKey } from './period-key';
import { mentionsIn, mentionsOf, type Mention, type Mentions } from './mentions';
import { sameEntries, sameFigure, samePlace } from './same';
import { figureKey, seriesKey } from './subject';
import type { Position } from '../types';

export { periodEnd } from './keys';
export type { Mention } from './mentions';
import type { FrontMatter, PlacedFigure, Reference } from '../parse/model';

/** Which session a document is, to tell earlier sessions from later ones. */
export interface SessionKey {
  uri: string;
  session?: number;
  date?: string;
}

/**
 * What the history takes of a report: its uri and front matter, and each reference with the
 * indicator it resolved to (an analysis is one; the history keeps only the entries it derives).
 */
export interface BoundReport {
  /** `text` and `lines`: where a provincial series' figure names its province (subject.ts). */
  doc: { uri: string; frontMatter: FrontMatter | null; text?: string; lines?: { offsetAt(p: Position): number } };
  /** `also`: the series of each further figure (analyze.ts); absent, the reference's own. */
  refs: ReadonlyArray<{ ref: Reference; indicator: Indicator | null; also?: ReadonlyArray<{ figure: PlacedFigure; period: string; indicator: Indicator | null }> }>;
}

/** The figures a report's references state, as history entries. */
export function entriesOf(analysis: BoundReport): HistoryEntry[] {
  const fm = analysis.doc.frontMatter;
  const out: HistoryEntry[] = [];
  // Each reference's figure, then its further figures (of their own series, else the reference's).
  const add = (ref: Reference, f: PlacedFigure | null, period: string | null | undefined, indicator: Indicator | null): void => {
    if (!indicator || !f || !period || !isPeriodCode(period) || f.role === 'target') return; // (a target, "phấn đấu đến năm 2025 … đạt 20%", states no value)
    // A change enters only as the level of a growth indicator: "thương mại điện tử tăng 11%" is a
    // growth of 11%, "giảm 3%" one of −3% (a change in places, times or points is not a rate).
    const growthChange = !!f.change && indicator.measure === 'growth' && f.unitClass === 'percent' && !f.change.times;
    if (f.change && !growthChange) return;
    const down = growthChange && f.change?.direction === 'down';
    const key = figureKey(analysis.doc, indicator, ref.sentence, f); // (the text read only here: snapshot.ts keeps it as bytes)
    const origin: HistoryOrigin = { kind: 'report', uri: analysis.doc.uri, range: f.range, session: fm?.session, date: fm?.date };
    const value = down ? -f.value : f.value;
    const interval = down ? ([-f.interval[1], -f.interval[0]] as [number, number]) : intervalByEntry(f, indicator);
    const kind = kindByEntry(f, indicator); // ("thứ 59, 47, 45", a rank entry's "là 46/132": catalog/rank-entry.ts)
    const growth = growthChange || f.growth;
    // Every field in one literal (subject, local, origin after the others: the fields' order as
    // ever): a field added afterwards takes a separate property array, 30 bytes more an entry.
    const { raw, unit, decimals, qualifier, denominator } = f, indicatorId = indicator.id, subject = key?.subject;
    out.push((
      subject !== undefined
        ? key?.local
          ? { indicatorId, period, raw, value, interval, unit, kind, decimals, qualifier, denominator, growth, subject, local: true, origin }
          : { indicatorId, period, raw, value, interval, unit, kind, decimals, qualifier, denominator, growth, subject, origin }
        : key?.local
          ? { indicatorId, period, raw, value, interval, unit, kind, decimals, qualifier, denominator, growth, local: true, origin }
          : { indicatorId, period, raw, value, interval, unit, kind, decimals, qualifier, denominator, growth, origin }
    ) as HistoryEntry);
  };
  for (const { ref, indicator: own, also } of analysis.refs) {
    add(ref, ref.figure, ref.period, own);
    if (also) for (const a of also) add(ref, a.figure, a.period, a.indicator);
    else if (ref.also) for (const a of ref.also) add(ref, a.figure, a.period, own);
  }
  return out;
}

/** True if `other` was reported before the session of `self`. */
export function isEarlier(other: HistoryEntry['origin'], self: SessionKey): boolean {
  if (other.uri === self.uri) return false;
  if (other.kind === 'csv') return true;
  if (self.session !== undefined && other.session !== undefined && self.session !== other.session) return other.session < self.session;
  if (self.date && other.date) return other.date < self.date;
  // Without session or date nothing orders them: treat every other report as earlier.
  return !(self.session !== undefined || self.date);
}

/** How many sessions' derived data HistoryIndex.cached keeps. */
const MEMO_SESSIONS = 16;

/** Ordering of ISO dates and "": code-unit order, which is what localeCompare gives for them. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class HistoryIndex {
  private readonly reports = new Map<string, { entries: HistoryEntry[]; key: SessionKey; mentions: Mentions }>();
  /** Each figures.csv: its rows as read (a catalog change binds them again, the text is not read again), and what they bind. */
  private readonly csv = new Map<string, { read: ReadCsv; entries: HistoryEntry[]; problems: CsvProblem[] }>();
  private byIndicator: Map<string, HistoryEntry[]> | null = null;
  /**
   * Derived data (earlier entries of an indicator for a session, grouped by period…), computed on
   * first use and kept until the set of entries changes. Entries moved by an edit (same figures,
   * new positions) are updated in place and keep it: see setReport.
   */
  private readonly memo = new Map<string, Map<string, Map<string, unknown>>>();
  /**
   * The order of `entries`, kept when one report changes without sorting everything again: by
   * period end, session date, then the report's place among the reports (figures.csv last) and
   * the entry's place in its report, which is the order a stable sort of all entries gives.
   */
  private readonly rank = new Map<string, number>();
  private nextRank = 0;
  /** Set for a report's entries when they go into a live index (replace compares a report's entries only with its own). */
  private readonly position = new WeakMap<HistoryEntry, number>();
  /** The scope of `memo` used last (it is the last in the map's order). */
  private lastScope: string | null = null;
  /** Bumped on every change: caches of findings that depend on history compare it. */
  generation = 0;
  /** The generation at which each indicator's (or series key's) entries last changed, and at which every entry may have (changedSince). */
  private readonly stamps = new Map<string, number>();
  private since = 0;

  /** Replaces what one report contributes. */
  setReport(analysis: BoundReport): void {
    const fm = analysis.doc.frontMatter;
    const entries = entriesOf(analysis);
    const mentions = mentionsOf(analysis);
    const prev = this.reports.get(analysis.doc.uri);
    const key = { uri: analysis.doc.uri, session: fm?.session, date: fm?.date };
    if (prev && sameEntries(prev.entries, entries) && prev.key.session === fm?.session && prev.key.date === fm?.date) {
      // Mentions do not change any finding: keep them current without invalidating caches.
      prev.mentions = mentions;
      return;
    }
    if (prev && prev.key.session === fm?.session && prev.key.date === fm?.date) {
      // An edit changes a figure or two, or none and only moves the others (typing above them). The
      // entries of unchanged figures keep their objects, so what was derived from them stays valid:
      // their place alone written, when it moved, and the record made anew (in V8 a field written
      // again turns mutable and throws away the code that read it: performance.md §3.6).
      const old = prev.entries;
      const min = Math.min(old.length, entries.length);
      let p = 0;
      while (p < min && sameFigure(old[p], entries[p])) p++;
      let q = 0;
      while (q < min - p && sameFigure(old[old.length - 1 - q], entries[entries.length - 1 - q])) q++;
      let moved = false; // a kept entry moved: findings elsewhere point at its place (changedSince: all)
      const keep = (o: HistoryEntry, e: HistoryEntry): HistoryEntry => {
        if (samePlace(o, e)) return o;
        moved = true;
        o.origin = e.origin;
        return o;
      };
      for (let i = 0; i < p; i++) entries[i] = keep(old[i], entries[i]);
      for (let i = 1; i <= q; i++) entries[entries.length - i] = keep(old[old.length - i], entries[entries.length - i]);
      const removed = old.slice(p, old.length - q);
      const added = entries.slice(p, entries.length - q);
      this.reports.set(analysis.doc.uri, { entries, key: prev.key, mentions });
      entries.forEach((e, i) => this.position.set(e, i));
      // Findings elsewhere point at the positions: a move is a change too.
      if (!removed.length && !added.length) this.changed(false);
      else this.replace(removed, added);
      if (moved) this.since = this.generation;
      return;
    }
    this.reports.set(analysis.doc.uri, { entries, key, mentions });
    if (!this.rank.has(analysis.doc.uri)) this.rank.set(analysis.doc.uri, this.nextRank++);
    if (this.byIndicator) entries.forEach((e, i) => this.position.set(e, i));
    this.replace(prev?.entries ?? [], entries);
  }

  /**
   * Before many setReport calls in a row (the first index): the index by indicator is dropped, not
   * kept up to date entry by entry (a second on 84 000 entries), and sorted again when next asked,
   * in the same order (`order`). What any query answers is unchanged.
   */
  reindexLater(): void {
    this.changed();
  }

  /** Replaces figures.csv of a workspace folder (undefined: deleted). */
  setCsv(uri: string, text: string | undefined, catalog: Catalog): void {
    if (text === undefined) {
      if (this.csv.delete(uri)) this.changed();
      return;
    }
    const read = readFiguresCsv(text);
    this.csv.set(uri, { read, ...bindFiguresCsv(read, uri, catalog) });
    this.changed();
  }

  /** Re-reads every figures.csv against a new catalog (report entries are re-set by the caller). */
  recatalog(catalog: Catalog): void {
    for (const [uri, c] of this.csv) this.csv.set(uri, { read: c.read, ...bindFiguresCsv(c.read, uri, catalog) });
    this.changed();
  }

  remove(uri: string): void {
    const r = this.reports.get(uri);
    if (r) {
      this.reports.delete(uri);
      this.rank.delete(uri);
      this.replace(r.entries, []);
    } else if (this.csv.delete(uri)) this.changed();
  }

  has(uri: string): boolean {
    return this.reports.has(uri);
  }

  reportUris(): string[] {
    return [...this.reports.keys()];
  }

  csvProblems(): Map<string, CsvProblem[]> {
    return new Map([...this.csv].map(([uri, c]) => [uri, c.problems]));
  }

  get sessionCount(): number {
    return new Set([...this.reports.values()].map((r) => r.key.session ?? r.key.uri)).size;
  }

  get entryCount(): number {
    let n = 0;
    for (const r of this.reports.values()) n += r.entries.length;
    for (const c of this.csv.values()) n += c.entries.length;
    return n;
  }

  /**
   * Every entry of an indicator, ordered by period end, then by session date; given a series key
   * (subject.ts seriesKey: a provincial series and one province), that province's entries only.
   * The other queries take the same keys.
   */
  entries(indicatorId: string): HistoryEntry[] {
    if (!this.byIndicator) {
      const map = new Map<string, HistoryEntry[]>();
      const addTo = (key: string, e: HistoryEntry) => {
        let list = map.get(key);
        if (!list) map.set(key, (list = []));
        list.push(e);
      };
      // Under its indicator (not a province's figure of another entry: `local`), and under its
      // subject's key when it has one (subject.ts figureKey).
      const add = (e: HistoryEntry) => {
        if (!e.local) addTo(e.indicatorId, e);
        if (e.subject !== undefined) addTo(seriesKey(e.indicatorId, e.subject), e);
      };
      for (const r of this.reports.values()) r.entries.forEach(add);
      for (const c of this.csv.values()) c.entries.forEach(add);
      // A stable sort by period end, then session date; the keys read once per entry, not per comparison.
      for (const [id, list] of map) map.set(id, sortedByEndAndDate(list));
      this.byIndicator = map;
    }
    return this.byIndicator.get(indicatorId) ?? [];
  }

  /** Entries of an indicator reported before the session `self` (do not modify the array). */
  earlier(indicatorId: string, self: SessionKey): HistoryEntry[] {
    return this.cached(self, indicatorId, 'earlier', () => this.entries(indicatorId).filter((e) => isEarlier(e.origin, self)));
  }

  /**
   * Entries of an indicator for the same period as `period` (period-key.ts: for a stock, any period
   * that ends the same day; for a share, a month and its last day), in the order of `entries`; only
   * those before `self` when given.
   */
  atPeriod(indicator: { id: string; measure?: string }, period: string, self?: SessionKey): HistoryEntry[] {
    const grouping = periodGrouping(indicator);
    const groups = this.cached(self ?? null, indicator.id, `atPeriod\0${grouping}`, () => {
      const map = new Map<string, HistoryEntry[]>();
      for (const e of self ? this.earlier(indicator.id, self) : this.entries(indicator.id)) {
        const k = periodKey(e.period, grouping);
        const list = map.get(k);
        if (list) list.push(e);
        else map.set(k, [e]);
      }
      return map;
    });
    return groups.get(periodKey(period, grouping)) ?? [];
  }

  /**
   * A value derived from the entries only (not from their positions), computed once and kept until
   * the entries of `indicatorId` change (the history's own queries; the rules keep theirs, keyed by
   * the arrays these return: rules/memo.ts). It may depend on the entries of that indicator and on
   * the session `self` it is for (null: for none) only; `key` names the rest. Only the sessions last
   * asked about are kept (an editor's open reports; the CLI checks one file after the other), so
   * memory stays bounded.
   */
  private cached<T>(self: SessionKey | null, indicatorId: string, key: string, compute: () => T): T {
    const scope = self ? sessionId(self) : '';
    let memo = this.memo.get(scope);
    if (memo) {
      // Most recently used last; a check asks for the same session thousands of times in a row.
      if (scope !== this.lastScope) {
        this.memo.delete(scope);
        this.memo.set(scope, memo);
      }
    } else {
      this.memo.set(scope, (memo = new Map()));
      if (this.memo.size > MEMO_SESSIONS) this.memo.delete(this.memo.keys().next().value!);
    }
    this.lastScope = scope;
    let values = memo.get(indicatorId);
    if (!values) memo.set(indicatorId, (values = new Map()));
    if (values.has(key)) return values.get(key) as T;
    const value = compute();
    values.set(key, value);
    return value;
  }

  /** One report's entries `removed` and `added`: the index and the derived data of their indicators follow. */
  private replace(removed: HistoryEntry[], added: HistoryEntry[]): void {
    const touched = new Set<string>();
    const touch = (e: HistoryEntry) => {
      if (!e.local) touched.add(e.indicatorId);
      if (e.subject !== undefined) touched.add(seriesKey(e.indicatorId, e.subject));
    };
    for (const e of removed) touch(e);
    for (const e of added) touch(e);
    if (this.byIndicator) {
      const gone = new Set(removed);
      for (const id of touched) {
        let list = this.byIndicator.get(id) ?? [];
        if (gone.size) list = list.filter((e) => !gone.has(e));
        for (const e of added) {
          if ((e.local || e.indicatorId !== id) && (e.subject === undefined || seriesKey(e.indicatorId, e.subject) !== id)) continue;
          // After every entry that sorts before it or with it (a stable sort's place).
          let lo = 0;
          let hi = list.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.order(list[mid], e) <= 0) lo = mid + 1;
            else hi = mid;
          }
          list.splice(lo, 0, e);
        }
        if (list.length) this.byIndicator.set(id, list);
        else this.byIndicator.delete(id);
      }
    }
    for (const scope of this.memo.values()) for (const id of touched) scope.delete(id);
    this.generation++;
    for (const id of touched) this.stamps.set(id, this.generation);
  }

  /** True if after `generation` the entries of one of `ids` (ids or series keys) changed, or all may have (moved, csv, reindex). */
  changedSince(ids: readonly string[], generation: number): boolean {
    if (this.since > generation) return true;
    for (const id of ids) if ((this.stamps.get(id) ?? 0) > generation) return true;
    return false;
  }

  private order(a: HistoryEntry, b: HistoryEntry): number {
    return (
      cmp(periodEnd(a.period), periodEnd(b.period)) ||
      cmp(a.origin.date ?? '', b.origin.date ?? '') ||
      this.sourceRank(a) - this.sourceRank(b) ||
      this.placeOf(a) - this.placeOf(b)
    );
  }

  /**
   * An entry's place in its report (0: a csv row's). Read only for two entries of one report: the
   * one replace inserts and one of the same report's in the list, both placed by setReport just
   * before, so the first index's entries need no place (placing its 94 000 on the first figure
   * keystroke after it cost that keystroke about 40 ms of CPU).
   */
  private placeOf(e: HistoryEntry): number {
    return this.position.get(e) ?? 0;
  }

  private sourceRank(e: HistoryEntry): number {
    return e.origin.kind === 'csv' ? Number.MAX_SAFE_INTEGER : (this.rank.get(e.origin.uri) ?? Number.MAX_SAFE_INTEGER - 1);
  }

  /** Every reference to an indicator in the reports of the workspace, by session date. */
  citing(indicatorId: string): Mention[] {
    const out: Mention[] = [];
    for (const { key, mentions } of this.reports.values()) mentionsIn(mentions, key, indicatorId, out);
    return out.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.uri.localeCompare(b.uri) || a.range.start.line - b.range.start.line);
  }

  /** `structural`: the set of entries changed (not only their positions). */
  private changed(structural = true): void {
    if (structural) {
      this.byIndicator = null;
      this.memo.clear();
    }
    this.generation++;
    this.since = this.generation;
  }
}

/** A session key as a string, for cache keys. */
export function sessionId(self: SessionKey): string {
  return `${self.uri}\0${self.session ?? ''}\0${self.date ?? ''}`;
}
