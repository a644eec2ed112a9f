/**
 * What the history keeps of a report that is not open, and how that is saved between sessions.
 *
 * A report of the workspace counts for the history only through its references (the name as
 * written, the figure each binds, the period) and its front matter's session and date: the
 * history document keeps those and drops the rest of the parse (sentences, unbound figures,
 * sections), so that the index of a large workspace stays small. A catalog change re-resolves the
 * names of these documents without parsing again.
 *
 * The snapshot is the history documents of a workspace in a compact JSON form, each under a hash
 * of its text: the next server start parses only the reports that changed. The snapshot names the
 * build that wrote it; another build (a new parser) ignores it.
 */
import type { FrontMatter, PlacedFigure, Reference, ReportDocument } from '../parse/model';
import { provinceFields } from './subject';
import { keepTextCompact } from './text-bytes';
import type { LineIndex } from '../text';
import type { Position, Range } from '../types';

/** Bumped when the saved form changes. */
export const FORMAT = 4;

/**
 * The parts of a parsed report the history needs, everything else empty: each reference's name as
 * written, range and period, and the figure it binds with the fields of a history entry
 * (history.ts entriesOf) and its range. The same objects as a report read back from a snapshot.
 */
export function historyDocument(doc: ReportDocument, pool?: StringPool): ReportDocument {
  // Through JSON: the names and figures as written are copies, not slices that would keep the
  // whole text of the report alive (V8's sliced strings) once the document holds it as bytes.
  return loadReport(JSON.parse(JSON.stringify(saveReport(doc, ''))) as SavedReport, doc.uri, doc.text, pool);
}

/**
 * One copy of each string the history documents repeat: a name as written, a figure, a unit, a
 * period recur in every session (200 sessions: 84 000 references, a few thousand distinct names).
 * Bounded: past `limit` strings the pool starts again (later documents no longer share the
 * earlier ones' copies; nothing else changes).
 */
/** One value per pair of keys, made once; bounded (past `limit` values it starts again). */
class PairPool<A, B, V> {
  private readonly map = new Map<A, Map<B, V>>();
  private count = 0;
  constructor(private readonly limit: number) {}

  get(a: A, b: B, make: () => V): V {
    let inner = this.map.get(a);
    if (!inner) {
      if (this.count >= this.limit) this.clear();
      this.map.set(a, (inner = new Map()));
    }
    let v = inner.get(b);
    if (v === undefined) {
      inner.set(b, (v = make()));
      this.count++;
    }
    return v;
  }

  clear(): void {
    this.map.clear();
    this.count = 0;
  }
}

export class StringPool {
  private readonly pool = new Map<string, string>();
  /**
   * One frozen copy of each position (line, character): the ranges of the history documents' names
   * and figures repeat the same positions from session to session (200 sessions: 374 000 positions,
   * a fifth of them distinct). Nothing changes a range once made; frozen, a change would throw.
   */
  private readonly positions = new Map<number, Position>();
  /** One frozen copy of each range of shared positions (200 sessions: 187 000 ranges, 86 000 distinct). */
  private readonly ranges: PairPool<Position, Position, Range>;
  /**
   * One frozen copy of each interval: the sessions repeat the same figures (200 sessions: 93 000
   * intervals, 64 bytes each as an array).
   */
  private readonly intervals: PairPool<number, number, [number, number]>;
  constructor(private readonly limit = 50_000) {
    this.ranges = new PairPool(limit * 4);
    this.intervals = new PairPool(limit * 4);
  }

  interval(lo: number, hi: number): [number, number] {
    // A map's keys do not tell -0 from 0: such an interval is not shared.
    if (Object.is(lo, -0) || Object.is(hi, -0)) return [lo, hi];
    return this.intervals.get(lo, hi, () => Object.freeze([lo, hi]) as [number, number]);
  }

  /**
   * Forgets the copies it holds (the first index is done): what is shared stays shared, and the
   * documents loaded later (a report changed) share among themselves only.
   */
  forgetShared(): void {
    this.pool.clear();
    this.positions.clear();
    this.ranges.clear();
    this.intervals.clear();
  }

  range(a: readonly [number, number, number, number]): Range {
    const start = this.position(a[0], a[1]);
    const end = this.position(a[2], a[3]);
    return this.ranges.get(start, end, () => Object.freeze({ start, end }) as Range);
  }

  position(line: number, character: number): Position {
    // Both small non-negative integers in practice; anything else is not shared.
    if (!(line >= 0 && line < 2 ** 31 && character >= 0 && character < 2 ** 21 && Number.isInteger(line) && Number.isInteger(character))) return { line, character };
    const key = line * 2 ** 21 + character;
    const hit = this.positions.get(key);
    if (hit) return hit;
    if (this.positions.size >= this.limit * 4) this.positions.clear();
    const p = Object.freeze({ line, character }) as Position;
    this.positions.set(key, p);
    return p;
  }

  get<T extends string | null | undefined>(s: T): T {
    if (typeof s !== 'string') return s;
    const hit = this.pool.get(s);
    if (hit !== undefined) return hit as T;
    if (this.pool.size >= this.limit) this.pool.clear();
    this.pool.set(s, s);
    return s;
  }
}

/** `data`: the fields naming the report's province, if any (subject.ts provinceFields), else none. */
function lightFrontMatter(session: number | undefined, date: string | undefined, period: string | undefined, title: string | undefined, range: Range, data: Record<string, string> | null = null): FrontMatter {
  return { range, session, date, period, title, data: data ?? {}, fieldRanges: {} };
}

/** A 53-bit hash of a text (cyrb53), as a base-36 string: what the snapshot keys a report's text by. */
export function textHash(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  return hashOf(h1, h2, text.length);
}

/**
 * textHash's last mix, apart: the loop is optimised on its first long text (OSR) before this part has
 * run, and its optimised code was thrown away after the loop of every report (a deopt per report).
 */
function hashOf(h1: number, h2: number, length: number): string {
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36) + ':' + length.toString(36);
}

// ---------------------------------------------------------------------------------------------
// The saved form: arrays, not objects (a workspace of 200 sessions has about 100 000 figures).

type R = [number, number, number, number];
/** raw, value, interval[0], interval[1], unit, kind, decimals, qualifier, denominator, change, growth, range, role, unitClass */
type SavedFigure = unknown[];
/** written, range, figure index or -1, period, [figure index, period, 1 if carried, 2 if listed] of `also` (or null), sentence [start, end] */
type SavedReference = unknown[];

export interface SavedReport {
  hash: string;
  /**
   * session, date, period, title, range; then, only for a report of one province, the front-matter
   * fields that name it (subject.ts provinceFields): the saved form of every other report is as before.
   */
  fm: [number | null, string | null, string | null, string | null, R] | [number | null, string | null, string | null, string | null, R, Record<string, string>] | null;
  figures: SavedFigure[];
  refs: SavedReference[];
}

export interface Snapshot {
  format: number;
  build: string;
  reports: Record<string, SavedReport>;
}

const r4 = (r: Range): R => [r.start.line, r.start.character, r.end.line, r.end.character];
const range = (a: R, pool?: StringPool): Range => (pool ? pool.range(a) : { start: { line: a[0], character: a[1] }, end: { line: a[2], character: a[3] } });

/**
 * A number as JSON keeps it: an open end of an interval ("trên 94 triệu": up to Infinity) as a
 * string, which JSON.stringify would otherwise write as null (read back as 0 by arithmetic).
 */
const saveNumber = (x: number): number | string => (Number.isFinite(x) ? x : String(x));
const loadNumber = (x: unknown): number => (typeof x === 'string' ? Number(x) : (x as number));

/** A figure's saved form; `at`: its range (history/saved-reading.ts: a figure placed by a line delta). */
export function saveFigure(f: PlacedFigure, at: R = r4(f.range)): SavedFigure {
  const growth = (f as { growth?: boolean }).growth;
  return [f.raw, saveNumber(f.value), saveNumber(f.interval[0]), saveNumber(f.interval[1]), f.unit, f.kind, f.decimals, f.qualifier, f.denominator ?? null, f.change ?? null, growth ?? null, at, f.role ?? null, f.unitClass];
}

/** A figure with the fields the history reads (the others are not kept). */
function loadFigure(a: SavedFigure, pool?: StringPool): PlacedFigure {
  // Every string through the pool: a figure's kind, qualifier, role and unit class come back from
  // JSON or a worker's message as a new copy each ("percent" 77 000 times for 200 sessions).
  const str = <T>(s: T): T => (pool && typeof s === 'string' ? (pool.get(s) as T) : s);
  const raw = str(a[0]);
  const value = loadNumber(a[1]);
  const interval = pool ? pool.interval(loadNumber(a[2]), loadNumber(a[3])) : [loadNumber(a[2]), loadNumber(a[3])];
  const unit = str(a[4]);
  const kind = str(a[5]);
  const decimals = a[6];
  const qualifier = str(a[7]);
  const at = range(a[11] as R, pool);
  // The role and unit class (nearly every figure has both) in the literal: a property added later
  // takes a separate property array (40 bytes more per figure). A change is a growth rate only in
  // percent (history.ts entriesOf).
  const role = a[12] !== null && a[12] !== undefined ? (str(a[12]) as PlacedFigure['role']) : undefined;
  const unitClass = a[13] !== undefined ? (str(a[13]) as PlacedFigure['unitClass']) : undefined;
  const f = (
    role !== undefined && unitClass !== undefined
      ? { raw, value, interval, unit, kind, decimals, qualifier, range: at, role, unitClass }
      : role !== undefined
        ? { raw, value, interval, unit, kind, decimals, qualifier, range: at, role }
        : unitClass !== undefined
          ? { raw, value, interval, unit, kind, decimals, qualifier, range: at, unitClass }
          : { raw, value, interval, unit, kind, decimals, qualifier, range: at }
  ) as unknown as PlacedFigure & { growth?: boolean };
  if (a[8] !== null) f.denominator = a[8] as number;
  if (a[9] !== null) f.change = loadChange(a[9] as NonNullable<PlacedFigure['change']>, pool);
  if (a[10] !== null) f.growth = a[10] as boolean;
  return f;
}

/** A figure's change with its strings from the pool (the same fields, in the same order). */
function loadChange(c: NonNullable<PlacedFigure['change']>, pool?: StringPool): NonNullable<PlacedFigure['change']> {
  if (!pool || typeof c !== 'object') return c;
  const out = { ...c };
  out.direction = pool.get(c.direction);
  if (typeof c.against === 'string') out.against = pool.get(c.against);
  return out;
}

function withProvince(fm: [number | null, string | null, string | null, string | null, R], fields: Record<string, string> | null): SavedReport['fm'] {
  return fields ? [...fm, fields] : fm;
}

/** A front matter's saved form (SavedReport `fm`). */
export function saveFrontMatter(fm: FrontMatter | null): SavedReport['fm'] {
  return fm && withProvince([fm.session ?? null, fm.date ?? null, fm.period ?? null, fm.title ?? null, r4(fm.range)], provinceFields(fm));
}

/** The saved form of a report (only its bound figures are kept). */
export function saveReport(doc: ReportDocument, hash: string): SavedReport {
  const index = new Map<PlacedFigure, number>();
  const figures: SavedFigure[] = [];
  const keep = (f: PlacedFigure) => {
    if (!index.has(f)) {
      index.set(f, figures.length);
      figures.push(saveFigure(f));
    }
  };
  for (const r of doc.references) {
    if (r.figure) keep(r.figure);
    for (const a of r.also ?? []) keep(a.figure);
  }
  return {
    hash,
    fm: saveFrontMatter(doc.frontMatter),
    figures,
    refs: doc.references.map((r) => [r.written, r4(r.range), r.figure ? index.get(r.figure)! : -1, r.period, r.also ? r.also.map((a) => (a.carried ? [index.get(a.figure)!, a.period, 1] : a.listed ? [index.get(a.figure)!, a.period, 2] : [index.get(a.figure)!, a.period])) : null, [r.sentence.start, r.sentence.end]]),
  };
}

/**
 * The history document of `text` from its saved form (the caller checked the hash); `pool`: the
 * strings it shares with the other history documents. `text` as bytes: packed by the host's
 * packing (text-bytes.ts keepTextCompact), kept as they are.
 */
export function loadReport(saved: SavedReport, uri: string, text: string | Uint8Array, pool?: StringPool): ReportDocument {
  const str = <T extends string | null | undefined>(s: T): T => (pool ? pool.get(s) : s);
  const figures = saved.figures.map((f) => loadFigure(f, pool));
  const references = saved.refs.map((a) => {
    const written = str(a[0] as string);
    const at = range(a[1] as R, pool);
    const figure = (a[2] as number) >= 0 ? (figures[a[2] as number] ?? null) : null;
    const period = str(a[3] as string | null);
    // The sentence: series inference (series.ts) reads the compiler it names. In the literal (a
    // property added later takes a separate property array).
    const sentence = a[5] as [number, number] | undefined;
    const ref = (sentence ? { written, range: at, figure, period, sentence: { start: sentence[0], end: sentence[1] } } : { written, range: at, figure, period }) as Reference;
    const also = (a[4] as Array<[number, string, (1 | 2)?]> | null | undefined) ?? null;
    if (also) ref.also = also.filter(([i]) => figures[i]).map(([i, period, flag]) => (flag === 1 ? { figure: figures[i], period: str(period), carried: true } : flag === 2 ? { figure: figures[i], period: str(period), listed: true } : { figure: figures[i], period: str(period) }));
    return ref;
  });
  const fm = saved.fm;
  const doc: ReportDocument = {
    uri,
    text: '',
    lines: undefined as unknown as LineIndex,
    frontMatter: fm && lightFrontMatter(fm[0] ?? undefined, fm[1] ?? undefined, fm[2] ?? undefined, fm[3] ?? undefined, range(fm[4]), fm[5] ?? null),
    sections: [],
    references,
    figures,
    sentences: [],
    comments: [],
    problems: [],
    ignored: [],
  };
  keepTextCompact(doc, text);
  return doc;
}

/** The snapshot of the given history documents (hash of each one's text alongside). */
export function makeSnapshot(build: string, docs: Iterable<{ doc: ReportDocument; hash: string }>): Snapshot {
  const reports: Record<string, SavedReport> = {};
  for (const { doc, hash } of docs) reports[doc.uri] = saveReport(doc, hash);
  return { format: FORMAT, build, reports };
}

/**
 * `JSON.stringify(makeSnapshot(build, docs))`, in pieces: one report's saved form at a time, made
 * as the pieces are taken. A workspace's index is then never one string nor every report's saved
 * form at once (200 sessions: 20 M characters, 39 MB as V8's two-byte string, while it is written).
 */
export function* snapshotJson(build: string, docs: ReadonlyArray<{ doc: ReportDocument; hash: string }>): Generator<string> {
  // makeSnapshot keeps the last of two documents of one uri, at the place of the first.
  const last = new Map<string, { doc: ReportDocument; hash: string }>();
  for (const d of docs) last.set(d.doc.uri, d);
  yield `{"format":${FORMAT},"build":${JSON.stringify(build)},"reports":{`;
  let first = true;
  for (const [uri, { doc, hash }] of last) {
    yield `${first ? '' : ','}${JSON.stringify(uri)}:${JSON.stringify(saveReport(doc, hash))}`;
    first = false;
  }
  yield '}}';
}

/** A snapshot read back, or null if it is not one this build wrote (or not a snapshot at all). */
export function readSnapshot(json: string, build: string): Snapshot | null {
  try {
    const s = JSON.parse(json) as Snapshot;
    if (!s || s.format !== FORMAT || s.build !== build || typeof s.reports !== 'object' || s.reports === null) return null;
    return s;
  } catch {
    return null;
  }
}
