/**
 * Full collections at the server's quiet moments. V8 sizes the old generation from what was live at
 * its last full collection (up to a few times that, no cap set here): after the first index (its
 * garbage: the worker's records read into the history) or a large document closed (its analysis,
 * chunk models and every version's text and arrays, which stay as garbage until a full
 * collection), the heap would otherwise keep growing from the larger size. One collection then
 * starts the next keystrokes from what is live now. A large document closed is collected at its
 * close instead (routing.ts closed: before its disk text is read into the history, and after),
 * not a moment later when the next keystrokes may have begun. Measured: docs/performance.md.
 */
import * as v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { heldShapes } from '../core/held-shapes';

let exposed: (() => void) | undefined;

/**
 * A full collection, if this process may ask for one (--expose-gc, or V8's flag set here just long
 * enough to take `gc` from a new context, then set back: V8's code cache carries a hash of the
 * flags, and a cache made under other flags than a new process's is refused; lsp/code-cache.ts).
 * Not a compacting one (--compact-on-every-full-gc for the collection, tried in round 15): after
 * the 1 MB draft's close it gave back 90 MB of old pages, but it copies every live object first,
 * and that raised the session's peak RSS by as much (500 → 596 MB); V8's memory reducer compacts
 * after a few seconds without allocation.
 */
export function collectGarbage(): boolean {
  let gc = (globalThis as { gc?: () => void }).gc ?? exposed;
  if (!gc) {
    try {
      v8.setFlagsFromString('--expose-gc');
      try {
        gc = exposed = runInNewContext('gc') as () => void;
      } finally {
        v8.setFlagsFromString('--no-expose-gc');
      }
    } catch {
      return false;
    }
  }
  // The per-report classes' constructors and prototypes as (ignored) arguments: stack roots, so that
  // V8 keeps their maps and the optimized code embedding them (core/held-shapes.ts; the first
  // argument, undefined, leaves `gc`'s options at a full, synchronous collection).
  (gc as (...held: unknown[]) => void)(undefined, ...heldShapes);
  return true;
}

/** What the old generation's spaces hold (garbage included), in bytes. */
export function oldGenerationUsed(): number {
  let used = 0;
  for (const s of v8.getHeapSpaceStatistics()) if (s.space_name === 'old_space' || s.space_name === 'large_object_space') used += s.space_used_size;
  return used;
}

/**
 * What only a full collection gives back, in bytes: the old generation's spaces (garbage included)
 * and the ArrayBuffers' memory outside V8's heap (a promoted Buffer's bytes are freed with it: the
 * saved index's 20 MB of pieces once written).
 */
export function heldUntilFullCollection(): number {
  return oldGenerationUsed() + process.memoryUsage().arrayBuffers;
}

const MB = 1024 * 1024;

/**
 * A full collection when the old generation (the young one is the scavenger's) has grown by
 * `slackMb` since the last one: V8 lets it grow to up to four times what was live at its own last
 * full collection before it collects. Called between two pieces of work: the index worker's reports
 * (index-worker.ts), the checks of a large document (sync.ts: each keystroke in the 1 MB draft
 * promotes about 10 MB, its previous version's analysis, that only a full collection frees) and of
 * any other report (a larger slack, the mark following V8's own collections).
 */
export class GrowthCollector {
  /** What the last full collection left (-1: not known yet; the first call's figure then). */
  private base = -1;
  collections = 0;
  /** The wall time of its collections so far (ms; the server's memory request reports it). */
  collectMs = 0;
  constructor(
    private readonly slackMb: number,
    private readonly used: () => number = oldGenerationUsed,
    private readonly collect: () => boolean = collectGarbage,
    /**
     * The mark follows the old generation down when something else collected it (V8's own full
     * collection, a large document's close, another collector): the slack counts from the last
     * full collection of any kind, not from this collector's last one.
     */
    private readonly follow = false,
  ) {}

  /** A full collection was made elsewhere (after the first index, at a large document's close): the slack counts from now. */
  collected(): void {
    this.base = this.used();
  }

  /** Collects if what is used grew by `slackMb` (the collector's own by default) since the last full collection. */
  between(slackMb = this.slackMb): void {
    const used = this.used();
    if (this.base < 0 || (this.follow && used < this.base)) this.base = used;
    if (used < this.base + slackMb * MB) return;
    const t = performance.now();
    if (!this.collect()) return;
    this.collectMs += performance.now() - t;
    this.collections++;
    this.base = this.used();
  }
}

/**
 * How far V8 lets the old generation grow over what its last full collection left before it starts
 * its own (incremental, mostly concurrent) one, in percent, once the first index is in: V8's own
 * factor (up to 4× on a machine with memory) let it grow from about 100 MB live to 230 MB through
 * the session's typing, every keystroke promoting a little (the peak RSS 440-460 MB). A flag V8 reads
 * at each full collection, set at run time (lsp/server.ts, after the first index): the index's
 * worker and the code cache (taken before the index) keep the start's flags. Env
 * HEAP_GROWING_ENV overrides it (0: V8's own factor). 100 (a factor of 2), not 50: at 1.5 the full
 * collections came often enough to take the 100 KB keystroke's p99 to 34-39 ms (budget 30) for a peak
 * of 340-343 MB; at 2, p99 28-33 ms for 357 MB; V8's own, 25-27 ms for 411-450 MB (the stdio bench,
 * alternated, load1 0.7-4.4; docs/performance.md section 1).
 */
export const HEAP_GROWING_PERCENT = 100;
export const HEAP_GROWING_ENV = 'POLICY_REPORT_HEAP_GROWING_PERCENT';

/** Sets V8's heap growing factor (HEAP_GROWING_PERCENT or the env's value) for the full collections to come, and stops its pretenuring. */
export function limitHeapGrowth(env = process.env): void {
  const asked = Number(env[HEAP_GROWING_ENV]);
  const percent = env[HEAP_GROWING_ENV] !== undefined && Number.isInteger(asked) && asked >= 0 ? asked : HEAP_GROWING_PERCENT;
  v8.setFlagsFromString(`--heap-growing-percent=${percent}`);
  // V8's allocation sites of the objects the first index and the first checks kept (placed figures,
  // references) were marked to allocate in the old generation at once, so a keystroke's copies of
  // them, dead one version later, went there too: the 100 KB typing grew the old generation 75 MB
  // (not 21) before V8's full collection, which set the session's peak (bench/memory.mjs, 200 keystrokes).
  v8.setFlagsFromString('--no-allocation-site-pretenuring');
}

/** A document at least this long (UTF-16 code units), closed, is worth a collection. */
export const LARGE_DOCUMENT_CHARS = 256 * 1024;

/** The clock a QuietCollector waits on (the timers; a test's own). */
export interface Timers {
  set(f: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}
const nodeTimers: Timers = {
  set(f, ms) {
    const t = setTimeout(f, ms);
    t.unref();
    return t;
  },
  clear: (t) => clearTimeout(t as NodeJS.Timeout),
};

/**
 * One full collection `delayMs` after the last call (a burst of closes makes one), unless `busy()`
 * says work is pending then (a check scheduled): it waits another `delayMs`.
 */
export class QuietCollector {
  private timer: unknown;
  collections = 0;
  constructor(
    private readonly delayMs: number,
    private readonly busy: () => boolean,
    private readonly collect: () => boolean = collectGarbage,
    private readonly timers: Timers = nodeTimers,
  ) {}

  soon(): void {
    this.dispose();
    this.timer = this.timers.set(() => {
      this.timer = undefined;
      if (this.busy()) this.soon();
      else if (this.collect()) this.collections++;
    }, this.delayMs);
  }

  dispose(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }
}
