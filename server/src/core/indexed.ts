/**
 * The reports of the workspace that are not open, as the history holds them: parsed once (or read
 * from the snapshot of an earlier session, or parsed by a worker thread and sent back as plain
 * records), re-read only when they change. Each keeps only what the history needs
 * (history/snapshot.ts historyDocument), with the hash of its text. The language service
 * (service.ts) owns one and decides which reports are open.
 */
import { analyze } from './analyze';
import type { Indicator } from './catalog/types';
import type { Catalog } from './catalog/catalog';
import type { BoundReport, HistoryIndex } from './history/history';
import { provincialSubjects } from './history/subject';
import { savedReading } from './history/saved-reading';
import { historyDocument, loadReport, makeSnapshot, snapshotJson, StringPool, textHash, type SavedReport, type Snapshot } from './history/snapshot';
import { forgetDecoded, unpackedText } from './history/text-bytes';
import { savedHash } from './history/snapshot-bytes';
import { forgetHistoryReadings } from './parse/binding';
import { parseReport } from './parse/document';
import type { ReportDocument } from './parse/model';

/** Told after each report how many of how many are done; awaited. */
export type IndexProgress = (done: number, total: number) => void | Promise<void>;

/**
 * A report of the history as read and parsed apart from the service (a worker thread): plain,
 * structured-clone-able data. `saved`: its history document's saved form, or null when the
 * snapshot's (same hash) holds it; no `text`: it could not be read (missing or refused).
 * `packed`: the text's UTF-8 as the host packs history texts (text-bytes.ts), sent instead of the
 * text (then empty) for a report the snapshot holds, whose history document keeps only those bytes.
 */
export type HistoryRecord = { uri: string; text: string; hash: string; saved: SavedReport | null; packed?: Uint8Array } | { uri: string; text?: undefined };

/** A record's text (its packed bytes unpacked, if sent so). */
function recordText(r: { text: string; packed?: Uint8Array }): string {
  return r.packed ? unpackedText(r.packed) : r.text;
}

/**
 * Reads and parses the given reports for the history (readForHistory on each); `known`: the hash of
 * each report the snapshot holds (the same text needs no parse). Without `each`, resolves with the
 * records in the order of `uris`. With `each`, every record is told to it as soon as it is read (in
 * any order; a report read again, after a worker failed, is told again) and the reader keeps none:
 * it resolves with an empty array once all are told (a record holds its report's text and saved
 * form: for 200 sessions, tens of MB that the history turns into its documents as they come).
 */
export type HistoryReader = (uris: string[], known: Record<string, string>, progress?: IndexProgress, each?: (record: HistoryRecord) => void) => Promise<HistoryRecord[]>;

/** What the history needs of one report's text, as plain data (the work a HistoryReader does per report). */
export function readForHistory(uri: string, text: string, knownHash?: string): HistoryRecord {
  const hash = textHash(text);
  if (hash === knownHash) return { uri, text, hash, saved: null };
  // (saveReport(parseReport(text, uri, { history: true }), hash), without putting the document together)
  return { uri, text, hash, saved: savedReading(text, uri, hash) };
}

/** What the indexed reports need of the service. */
export interface IndexHost {
  readonly history: HistoryIndex;
  catalog(): Catalog;
  /** The catalog's generation: an analysis made under another is re-resolved. */
  generation(): number;
  /** An open document: its unsaved text is its history, not the disk's. */
  isOpen(uri: string): boolean;
  countsAsHistory(uri: string): boolean;
  /** Keep the parser's chunk models of what is indexed (the CLI checks the same reports next). */
  rememberParse: boolean;
}

interface Indexed {
  /** The hash of its text (snapshot.ts textHash): the text itself is kept only by its history document, as bytes. */
  hash: string;
  /** Its history document (historyDocument). */
  doc: ReportDocument;
  /**
   * The indicator each reference resolved to when the names were last resolved (its analysis is not
   * kept: 48 bytes a reference, 94 000 references for 200 sessions; the history needs only these).
   */
  indicators: ReadonlyArray<Indicator | null>;
  catalogGeneration: number;
}

/** A record of the first index made into its history document as it arrived (IndexedReports.readAll). */
interface Loaded {
  hash: string;
  doc: ReportDocument;
  /** Parsed by the reader (its saved form came with it), or read from the snapshot. */
  parsed: boolean;
}

export class IndexedReports {
  private readonly reports = new Map<string, Indexed>();
  /** The snapshot given to restore: reports whose text has not changed are not parsed again. */
  private restored: Snapshot | null = null;
  /** While a reader indexes (applyRecords): the reports changed meanwhile, whose records are older. */
  private touched: Set<string> | null = null;
  /** Reports parsed and read from the snapshot since the last restore (for the status). */
  readonly stats = { parsed: 0, restored: 0 };
  /** The strings the history documents repeat, one copy each (names, figures, units, periods). */
  private readonly pool = new StringPool();
  /**
   * The first index is done (restoreDone): a report loaded since (closed, changed on disk) shares
   * strings, positions and ranges within itself only, and the pool forgets them after it. Kept, the
   * pool's maps of a closed 1 MB draft (a map per distinct position, 11 000) stayed for the session:
   * 12 MB of a 29 MB history document.
   */
  private indexDone = false;

  constructor(private readonly host: IndexHost) {}

  has(uri: string): boolean {
    return this.reports.has(uri);
  }

  /** What the history takes of a report as it was indexed (history.ts setReport). */
  boundOf(uri: string): (BoundReport & { doc: ReportDocument }) | undefined {
    const e = this.reports.get(uri);
    return e && { doc: e.doc, refs: e.doc.references.map((ref, i) => ({ ref, indicator: e.indicators[i] })) };
  }

  uris(): string[] {
    return [...this.reports.keys()];
  }

  /** A report's text as it is on disk (a file not open in the editor): created or changed. */
  indexText(uri: string, text: string): void {
    if (!this.host.countsAsHistory(uri)) return;
    const hit = this.reports.get(uri);
    const hash = textHash(text);
    if (hit && hit.hash === hash && hit.catalogGeneration === this.host.generation()) return;
    this.touched?.add(uri);
    const saved = savedHash(this.restored, uri) === hash ? this.restored?.reports[uri] : undefined;
    let doc: ReportDocument;
    if (saved && saved.hash === hash) {
      doc = loadReport(saved, uri, text, this.pool);
      this.stats.restored++;
    } else {
      // Read for the history only (parseReport `history`), unless its chunks are kept for a check.
      const remember = this.host.rememberParse;
      doc = historyDocument(parseReport(text, uri, { remember, history: !remember }), this.pool);
      this.stats.parsed++;
    }
    if (this.indexDone) this.pool.forgetShared();
    this.keep(uri, hash, doc);
  }

  /**
   * A report closed in the editor, `text` its disk text: back into the history as indexText would
   * put it, its document kept when that text is the one indexed (only its names resolved again,
   * as keep does), else read again. A 1 MB draft opened, typed in and closed unsaved was read
   * again at its close: about 1 s of CPU and the session's peak RSS then (docs/performance.md 3.7).
   */
  closedText(uri: string, text: string): void {
    const hit = this.reports.get(uri);
    if (hit && hit.hash === textHash(text) && this.host.countsAsHistory(uri)) {
      this.touched?.add(uri);
      this.keep(uri, hit.hash, hit.doc);
      return;
    }
    this.delete(uri);
    this.indexText(uri, text);
  }

  /** A report leaves (deleted, or now open: the service's cache holds it). */
  delete(uri: string): void {
    this.touched?.add(uri);
    this.reports.delete(uri);
  }

  /**
   * Runs `reader` over `uris` (those not open), then puts every record in at once, so that a check
   * meanwhile sees the history as it was, never half of it. A report changed, removed, opened or
   * closed meanwhile keeps what that event gave it (its record is older). `settled`: what the
   * putting in waits for after the reading (the catalog the records are resolved against).
   */
  async readAll(uris: string[], reader: HistoryReader, progress?: IndexProgress, settled?: Promise<unknown>): Promise<void> {
    const todo = uris.filter((uri) => !this.host.isOpen(uri));
    const known: Record<string, string> = {};
    for (const uri of todo) {
      const hash = savedHash(this.restored, uri);
      if (hash) known[uri] = hash;
    }
    const touched = new Set<string>();
    this.touched = touched;
    // Each record's history document is made as it arrives (this thread waits for the reader
    // meanwhile), and the record is then let go: only the names' resolution and the history wait
    // for all of them. A record that cannot be made into its document now is kept as it is.
    const got = new Map<string, HistoryRecord | Loaded>();
    // Once the catalog is in, each document's figures are also keyed by province as it arrives
    // (figureKey, remembered per document and figure), not when all are put in: while the worker
    // reads, this thread waits anyway, and the history's putting in, after the last record, is
    // the end of the index's chain (warmKeys).
    let catalogIn = settled === undefined;
    void settled?.then(() => (catalogIn = true), () => undefined);
    const each = (r: HistoryRecord): void => {
      const form = r.text === undefined ? undefined : (r.saved ?? this.restored?.reports[r.uri]);
      if (r.text !== undefined && form && form.hash === r.hash) {
        try {
          const doc = loadReport(form, r.uri, r.packed ?? r.text, this.pool);
          got.set(r.uri, { hash: r.hash, doc, parsed: r.saved !== null });
          if (catalogIn) this.warmKeys(doc);
          return;
        } catch {
          // Made again below, where a failure rejects the index as before (not in a worker's message handler).
        }
      }
      got.set(r.uri, r);
    };
    try {
      // A reader that keeps its records returns them (each is then told of them here).
      for (const r of await reader(todo, known, progress, each)) each(r);
      await settled;
    } finally {
      this.touched = null;
    }
    // Many reports in a row: the history's index by indicator is sorted again once, when next asked.
    if (got.size) this.host.history.reindexLater();
    // In the reports' order, as read.
    for (const uri of todo) {
      const r = got.get(uri);
      if (!r || this.host.isOpen(uri) || touched.has(uri)) continue;
      if ('doc' in r) this.indexLoaded(uri, r);
      else if (r.text !== undefined) this.indexRecord(uri, recordText(r), r.hash, r.saved);
    }
  }

  /**
   * The province keys of a document's figures (history/subject.ts figureKey, through
   * provincialSubjects), made now so that the history's setReport finds them made. figureKey
   * remembers its answer per document and figure, and the answer depends only on whether the
   * indicator is a provincial series (checked again when asked): a reference resolved otherwise
   * later (an ambiguous name, against the history then) is keyed again if that differs. Only the
   * reports of a province or with a provincial series read any text here.
   */
  private warmKeys(doc: ReportDocument): void {
    provincialSubjects(analyze(doc, this.host.catalog()));
    forgetDecoded();
  }

  /** A record of readForHistory: its saved form, or null for the snapshot's. */
  private indexRecord(uri: string, text: string, hash: string, saved: SavedReport | null): void {
    const form = saved ?? this.restored?.reports[uri];
    if (!form || form.hash !== hash || !this.host.countsAsHistory(uri)) return this.indexText(uri, text);
    if (saved) this.stats.parsed++;
    else this.stats.restored++;
    this.keep(uri, hash, loadReport(form, uri, text, this.pool));
  }

  /** A record whose history document was made as it arrived (readAll). */
  private indexLoaded(uri: string, r: Loaded): void {
    if (!this.host.countsAsHistory(uri)) return;
    if (r.parsed) this.stats.parsed++;
    else this.stats.restored++;
    this.keep(uri, r.hash, r.doc);
  }

  private keep(uri: string, hash: string, doc: ReportDocument): void {
    const analysis = analyze(doc, this.host.catalog(), this.host.history);
    this.reports.set(uri, { hash, doc, indicators: analysis.refs.map((r) => r.indicator), catalogGeneration: this.host.generation() });
    if (!this.host.isOpen(uri)) this.host.history.setReport(analysis);
    forgetDecoded();
  }

  /** The history's figures are bound through the catalog: re-resolve every report (no re-parse). */
  recatalog(): void {
    for (const [uri, e] of this.reports) {
      const analysis = analyze(e.doc, this.host.catalog(), this.host.history);
      e.indicators = analysis.refs.map((r) => r.indicator);
      e.catalogGeneration = this.host.generation();
      if (!this.host.isOpen(uri)) this.host.history.setReport(analysis);
    }
    forgetDecoded();
  }

  /**
   * Reports indexed from now on whose text is the one saved in `snapshot` are read from it, not
   * parsed. The snapshot comes from `snapshot()` of the same build.
   */
  restore(snapshot: Snapshot | null): void {
    this.restored = snapshot;
    this.stats.parsed = 0;
    this.stats.restored = 0;
  }

  /** What the snapshot could save is done: its memory goes, and so do the readings the index remembered. */
  restoreDone(): void {
    this.restored = null;
    forgetHistoryReadings();
    this.pool.forgetShared();
    this.indexDone = true;
  }

  /** The indexed reports, for the next session's restore. `build` names this build. */
  snapshot(build: string): Snapshot {
    return makeSnapshot(build, this.savedDocs());
  }

  /** The same as JSON (`JSON.stringify(snapshot(build))`), in pieces made as they are taken (snapshot.ts snapshotJson). */
  snapshotJson(build: string): Iterable<string> {
    return snapshotJson(build, this.savedDocs());
  }

  /** The history documents as they are now (the pieces of snapshotJson read these, never changed once made). */
  private savedDocs(): Array<{ doc: ReportDocument; hash: string }> {
    return [...this.reports.values()].map((e) => ({ doc: e.doc, hash: e.hash }));
  }
}
