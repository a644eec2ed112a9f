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

let exposed: (() => void) | undefined;

/**
 * A full collection, if this process may ask for one (--expose-gc, or V8's flag set here just long
 * enough to take `gc` from a new context, then set back: V8's code cache carries a hash of the
 * flags, and a cache made under other flags than a new process's is refused; lsp/code-cache.ts).
 * `compact`: every page of the old generation that is partly garbage is evacuated, and the pages
 * emptied go back to the system (V8's --compact-on-every-full-gc, set for this collection only). A
 * plain full collection frees the objects but compacts only a few pages: after the 1 MB draft's
 * close its old space stayed at 190 MB committed for 99 MB used (measured, round 15), until V8's
 * memory reducer ran, which it does only after seconds without allocation.
 */
export function collectGarbage(options: { compact?: boolean } = {}): boolean {
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
  if (!options.compact) {
    gc();
    return true;
  }
  v8.setFlagsFromString('--compact-on-every-full-gc');
  try {
    gc();
  } finally {
    v8.setFlagsFromString('--no-compact-on-every-full-gc');
  }
  return true;
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
    private readonly collect: () => boolean = () => collectGarbage({ compact: true }),
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
