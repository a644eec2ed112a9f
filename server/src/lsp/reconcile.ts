/**
 * The history's view of the disk, kept true without trusting file-watcher events alone.
 *
 * Watchers miss things: the first file written into a folder just created often has no event
 * (the watch on the new folder starts after it), a deleted folder is reported as one event for the
 * folder and none for its files, and a `git pull` can do both. So the server also reconciles: on a
 * folder created, renamed or deleted, on window focus and at a low periodic rate, a pass lists the
 * files the history is made of, stats each (size, modification time, inode), reads only those
 * that are new or whose stat changed, and drops those that are gone. Open documents are never
 * read or dropped: their buffer is the truth.
 *
 * Pure of the LSP and of the file system: everything comes through a `ReconcileHost`, so the unit
 * tests inject the listing, the stats and the reads (and count the reads).
 *
 * Concurrency: one pass at a time. A request while a pass runs is coalesced into one more pass
 * after it (a pass may have listed the disk before the change it was asked for). A file that a
 * watcher event re-read while a pass ran (`touched`) is read again by that next pass, so an older
 * text read by the running pass can never be the last word.
 */

/** What a pass compares: a file is read again only if one of these changed. */
export interface DiskStat {
  size: number;
  mtimeMs: number;
  /** Inode number where the file system has one: an atomic replace (temp + rename) changes it. */
  ino?: number;
}

export interface ReconcileHost {
  /** The files the history may be made of, as on disk now (reports of the workspace folders, figures.csv files). */
  list(): Promise<string[]> | string[];
  /** The stat of a regular file; undefined if it is absent or not a regular file. */
  stat(uri: string): Promise<DiskStat | undefined>;
  /** The file's text; undefined if it cannot be read (refused, vanished). */
  read(uri: string): Promise<string | undefined>;
  /** An open document: its buffer is the truth, the disk is neither read nor dropped. */
  isOpen(uri: string): boolean;
  /** Files the history holds now from the disk (so that one it learned of elsewhere and that is gone is dropped). */
  known(): Iterable<string>;
  /**
   * A file's text from the disk (new or changed), or undefined: it is gone from the history.
   * Returns false if the history already held exactly that (the file is then counted unchanged).
   */
  apply(uri: string, text: string | undefined): boolean | void;
  /** Milliseconds (Date.now by default): a stat younger than RACY_MS is not trusted to show the next write. */
  now?(): number;
}

export interface ReconcileResult {
  /** Files read in this pass. */
  reads: number;
  /** Files the pass found unchanged: same stat (not read), or read and the same text as the history's. */
  unchanged: number;
  /** Files read that had no stat before (new on disk, or never stat'ed). */
  added: string[];
  /** Files read because their stat changed. */
  changed: string[];
  /** Files dropped from the history: gone from the disk, or no longer readable. */
  removed: string[];
  /** The pass stopped on this error (what it did before stays done). */
  error?: unknown;
}

/**
 * A file modified this close to its stat may still be being written, or be written again within
 * the same timestamp tick at the same size (the "racy" case of git's index): its stat is kept, but
 * it is read again by a pass that follows this long after.
 */
export const RACY_MS = 2000;
/** A burst of requests delays a pass by at most this much (the debounce does not starve it). */
const MAX_DEFER_MS = 2000;

export interface ReconcilerOptions {
  /** Heard after every pass that found something new, changed or gone (or failed). */
  onPass?(result: ReconcileResult): void;
  /** Timed passes (reconcileSoon, periodic, racy follow-ups) wait for this first (the server being ready). */
  ready?(): Promise<unknown>;
  /** RACY_MS unless a test says otherwise. */
  racyMs?: number;
}

interface Entry extends DiskStat {
  racy: boolean;
  /** Hash of the text last applied from this stat's file (none if prime() recorded it unread). */
  hash?: string;
}

/** A stat no file has: the file is read at the next pass. */
const UNKNOWN_STAT = { size: -1, mtimeMs: -1, ino: undefined };

function textHash(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}

import { createHash } from 'node:crypto';

const emptyResult = (): ReconcileResult => ({ reads: 0, unchanged: 0, added: [], changed: [], removed: [] });

function sameStat(a: DiskStat, b: DiskStat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && (a.ino ?? 0) === (b.ino ?? 0);
}

export class Reconciler {
  /** The stat of each file at the time its text was last taken from the disk (or recorded by prime()). */
  private readonly stats = new Map<string, Entry>();
  /** Files re-read by a watcher event while a pass was running: the next pass reads them again. */
  private readonly dirty = new Set<string>();
  private running: Promise<ReconcileResult> | undefined;
  private next: Promise<ReconcileResult> | undefined;
  private nextRead = false;
  private debounce: NodeJS.Timeout | undefined;
  private debounceSince = 0;
  private interval: NodeJS.Timeout | undefined;
  private readonly racyMs: number;
  /** Passes run (for tests and the log). */
  passes = 0;

  constructor(
    private readonly host: ReconcileHost,
    private readonly options: ReconcilerOptions = {},
  ) {
    this.racyMs = options.racyMs ?? RACY_MS;
  }

  /**
   * Records the stats of the files on disk now, reading nothing: call it right before the caller
   * reads them all itself (indexing the workspace), so that the first pass does not read them again.
   * A file changed between this stat and that read has a newer stat by the next pass, and is read then.
   */
  prime(): Promise<ReconcileResult> {
    this.stats.clear();
    return this.enqueue(false);
  }

  /** One pass that starts after this call: the running one, if any, is followed by one more (shared by every caller meanwhile). */
  reconcile(): Promise<ReconcileResult> {
    return this.enqueue(true);
  }

  /**
   * A pass `delayMs` after the last call: a burst of events makes one pass (but one already
   * waiting MAX_DEFER_MS is not put off again). Timers never keep the process alive.
   */
  reconcileSoon(delayMs: number): void {
    const now = Date.now();
    if (this.debounce) {
      if (now - this.debounceSince >= MAX_DEFER_MS) return;
      clearTimeout(this.debounce);
    } else this.debounceSince = now;
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void this.whenReady().then(() => this.reconcile());
    }, delayMs);
    this.debounce.unref?.();
  }

  /** A pass every `intervalMs` (0: none). */
  startPeriodic(intervalMs: number): void {
    this.stopPeriodic();
    if (!(intervalMs > 0)) return;
    this.interval = setInterval(() => void this.whenReady().then(() => this.reconcile()), intervalMs);
    this.interval.unref?.();
  }

  private whenReady(): Promise<unknown> {
    return this.options.ready?.() ?? Promise.resolve();
  }

  /** Whether the periodic timer runs. */
  get periodic(): boolean {
    return this.interval !== undefined;
  }

  stopPeriodic(): void {
    if (this.interval) clearInterval(this.interval);
    this.interval = undefined;
  }

  /** Stops the timers (shutdown). A running pass finishes. */
  dispose(): void {
    this.stopPeriodic();
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = undefined;
  }

  /**
   * Someone else (a watcher event) has just applied this file's text from the disk (`text`), or
   * learned it is gone (undefined). Its stat is not known (the text may have been read while being
   * written), so the next pass reads the file once more, and applies it only if its text differs
   * from this one. If a pass is running, it may apply an older text it read: one more pass follows.
   */
  touched(uri: string, text: string | undefined): void {
    if (text === undefined) this.stats.delete(uri);
    else this.stats.set(uri, { ...UNKNOWN_STAT, racy: true, hash: textHash(text) });
    if (this.running) {
      this.dirty.add(uri);
      void this.reconcile();
    }
  }

  /** Resolves when no pass runs and none is queued. */
  async idle(): Promise<void> {
    while (this.running || this.next) await (this.next ?? this.running);
  }

  /** The files whose stat is known (a folder deleted matters only if one of them is under it). */
  trackedUris(): IterableIterator<string> {
    return this.stats.keys();
  }

  private enqueue(read: boolean): Promise<ReconcileResult> {
    if (!this.running) return this.start(read);
    // Read wins: a prime() coalesced with a reconcile() becomes a reading pass.
    this.nextRead ||= read;
    if (!this.next) {
      const after = (): Promise<ReconcileResult> => {
        this.next = undefined;
        const r = this.nextRead;
        this.nextRead = false;
        return this.start(r);
      };
      this.next = this.running.then(after, after);
    }
    return this.next;
  }

  private start(read: boolean): Promise<ReconcileResult> {
    const p = this.pass(read).finally(() => {
      this.running = undefined;
    });
    this.running = p;
    return p;
  }

  private async pass(read: boolean): Promise<ReconcileResult> {
    this.passes++;
    const result = emptyResult();
    // Touched during the last pass: read again (the hash kept is that of the text applied last).
    for (const uri of this.dirty) {
      const e = this.stats.get(uri);
      if (e) this.stats.set(uri, { ...e, ...UNKNOWN_STAT });
    }
    this.dirty.clear();
    let racy = false;
    try {
      const now = (): number => this.host.now?.() ?? Date.now();
      const present = new Set<string>();
      for (const uri of new Set(await this.host.list())) {
        const st = await this.host.stat(uri);
        if (!st) continue;
        present.add(uri);
        const prev = this.stats.get(uri);
        // A future modification time (clock skew) is not racy for ever: only one this close to now.
        const entry: Entry = { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, racy: Math.abs(now() - st.mtimeMs) < this.racyMs };
        if (prev && !prev.racy && sameStat(prev, st)) {
          result.unchanged++;
          continue;
        }
        racy ||= entry.racy;
        // The buffer of an open document is the truth; its stat is kept for when it closes (the
        // close reads the disk itself).
        if (!read || this.host.isOpen(uri)) {
          this.stats.set(uri, entry);
          continue;
        }
        const text = await this.host.read(uri);
        result.reads++;
        if (this.host.isOpen(uri)) continue; // opened while we read: the buffer won
        // What the history holds now (a watcher event may have applied a text while we read).
        const held = this.stats.get(uri)?.hash;
        // The stat is recorded even for an unreadable file: it is not read again until it changes.
        this.stats.set(uri, entry);
        if (text === undefined) {
          if ((prev || this.isKnown(uri)) && this.host.apply(uri, undefined) !== false) result.removed.push(uri);
          continue;
        }
        entry.hash = textHash(text);
        // Read again (racy, or its inode or time changed) but the same text: nothing to apply.
        if (held === entry.hash) {
          result.unchanged++;
          continue;
        }
        if (this.host.apply(uri, text) === false) result.unchanged++;
        else (prev ? result.changed : result.added).push(uri);
      }
      for (const uri of new Set([...this.stats.keys(), ...this.host.known()])) {
        if (present.has(uri)) continue;
        this.stats.delete(uri);
        if (!read || this.host.isOpen(uri)) continue;
        if (this.host.apply(uri, undefined) !== false) result.removed.push(uri);
      }
    } catch (e) {
      result.error = e;
    }
    if (result.error || result.added.length || result.changed.length || result.removed.length) this.options.onPass?.(result);
    // A file that may still be being written is looked at again once it has settled.
    if (racy) this.reconcileSoon(this.racyMs);
    return result;
  }

  private isKnown(uri: string): boolean {
    for (const k of this.host.known()) if (k === uri) return true;
    return false;
  }
}
