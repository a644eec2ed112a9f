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
  /** A file's text from the disk (new or changed), or undefined: it is gone from the history. */
  apply(uri: string, text: string | undefined): void;
  /** Milliseconds (Date.now by default): a stat younger than RACY_MS is not trusted to show the next write. */
  now?(): number;
}

export interface ReconcileResult {
  /** Files read in this pass. */
  reads: number;
  /** Files the pass stat'ed whose stat had not changed (not read). */
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
 * A file written this close to its stat may be written again within the same timestamp tick and
 * keep its size (the "racy" case of git's index): its stat is kept but it is read again next pass.
 */
export const RACY_MS = 2000;

interface Entry extends DiskStat {
  racy: boolean;
}

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
  private interval: NodeJS.Timeout | undefined;
  /** Passes run (for tests and the log). */
  passes = 0;

  /** `onPass` hears every pass that read or dropped something (or failed). */
  constructor(
    private readonly host: ReconcileHost,
    private readonly onPass: (result: ReconcileResult) => void = () => undefined,
  ) {}

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

  /** A pass `delayMs` after the last call (a burst of folder events makes one pass). */
  reconcileSoon(delayMs: number, before: () => Promise<unknown> = async () => undefined): void {
    if (this.debounce) clearTimeout(this.debounce);
    this.debounce = setTimeout(() => {
      this.debounce = undefined;
      void before().then(() => this.reconcile());
    }, delayMs);
    this.debounce.unref?.();
  }

  /** A pass every `intervalMs` (0: none); the timer does not keep the process alive. */
  startPeriodic(intervalMs: number, before: () => Promise<unknown> = async () => undefined): void {
    this.stopPeriodic();
    if (!(intervalMs > 0)) return;
    this.interval = setInterval(() => void before().then(() => this.reconcile()), intervalMs);
    this.interval.unref?.();
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
   * Someone else (a watcher event) just took this file's text from the disk, or learned it is gone.
   * Its stat is forgotten, so the next pass reads it once more; if a pass is running, it may have
   * read an older text, so one more pass follows it.
   */
  touched(uri: string): void {
    this.stats.delete(uri);
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
    for (const uri of this.dirty) this.stats.delete(uri);
    this.dirty.clear();
    try {
      const now = (): number => this.host.now?.() ?? Date.now();
      const present = new Set<string>();
      for (const uri of new Set(await this.host.list())) {
        const st = await this.host.stat(uri);
        if (!st) continue;
        present.add(uri);
        const prev = this.stats.get(uri);
        const entry: Entry = { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino, racy: now() - st.mtimeMs < RACY_MS };
        if (prev && !prev.racy && sameStat(prev, st)) {
          result.unchanged++;
          continue;
        }
        // The buffer of an open document is the truth; its stat is kept for when it closes (the
        // close reads the disk itself).
        if (!read || this.host.isOpen(uri)) {
          this.stats.set(uri, entry);
          continue;
        }
        const text = await this.host.read(uri);
        result.reads++;
        if (this.host.isOpen(uri)) continue; // opened while we read: the buffer won
        // The stat is recorded even for an unreadable file: it is not read again until it changes.
        this.stats.set(uri, entry);
        if (text === undefined) {
          if (prev || this.isKnown(uri)) {
            this.host.apply(uri, undefined);
            result.removed.push(uri);
          }
          continue;
        }
        this.host.apply(uri, text);
        (prev ? result.changed : result.added).push(uri);
      }
      for (const uri of new Set([...this.stats.keys(), ...this.host.known()])) {
        if (present.has(uri)) continue;
        this.stats.delete(uri);
        if (!read || this.host.isOpen(uri)) continue;
        this.host.apply(uri, undefined);
        result.removed.push(uri);
      }
    } catch (e) {
      result.error = e;
    }
    if (result.error || result.added.length || result.changed.length || result.removed.length) this.onPass(result);
    return result;
  }

  private isKnown(uri: string): boolean {
    for (const k of this.host.known()) if (k === uri) return true;
    return false;
  }
}
