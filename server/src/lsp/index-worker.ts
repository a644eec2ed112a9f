/**
 * The history's first index off the server's main thread. Worker threads (worker_threads; one per
 * core but the server's, each claiming the next report not yet taken, largest first) read the
 * reports with the guarded reader (io/read.ts) and parse each for the history
 * (core/indexed.ts readForHistory); they send back plain records (the saved form of each history
 * document: structured-clone-able, no Analysis), one message per report, which the main thread
 * counts for the work-done progress, turns into history documents as they come, and puts in the
 * history when all are there. Meanwhile the main
 * thread answers the editor: the open drafts get their own diagnostics first.
 *
 * The worker runs the server's own bundle (`__filename`: out/cli.js or out/server.js), whose
 * entry starts the worker's part instead of a server when `isIndexWorker()`: no second bundle in
 * the .vsix. If the worker cannot start or dies, the same reading runs in the server's own thread,
 * and the log says so: the index is never lost.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import type { Msg } from '../core/i18n';
import { readForHistory, type HistoryReader, type HistoryRecord, type IndexProgress } from '../core/indexed';
import { readTextFile, type ReadOptions } from '../io/read';

const KIND = 'policy-report/history-index';
/** Set to "0" in the server's environment: no worker thread, the index runs in the server's thread. */
export const WORKER_ENV = 'POLICY_REPORT_INDEX_WORKER';

/** The worker's young generation (two semi-spaces and the large objects'), in MB. */
const WORKER_YOUNG_MB = 192;

/** What the worker is given. */
interface Job {
  kind: typeof KIND;
  uris: string[];
  known: Record<string, string>;
  read: ReadOptions;
  /**
   * The workers' shared claim (an Int32Array over a SharedArrayBuffer): each takes the next place of
   * `order` (an index into `uris`) with Atomics.add, so that no worker waits for another or for
   * the server's thread, and none is left with the largest report at the end.
   */
  claim?: Int32Array;
  order?: number[];
  /** Non-zero while the server's thread does what comes first (holdReading): the workers wait before their next report. */
  hold?: Int32Array;
}

/** One report read: its record, and why it could not be read (a refusal: a diagnostic on the file). */
interface Outcome {
  record: HistoryRecord;
  refusal?: Msg;
}

type WorkerMessage = { at: number; outcome: Outcome } | { end: true };

/** Is this thread the index's worker (the bundle's entry asks before starting anything else)? */
export function isIndexWorker(): boolean {
  return !isMainThread && (workerData as Job | undefined)?.kind === KIND;
}

/** The worker's part: the reports it claims, one message each (with the report's place in the job), then the end. */
export async function runIndexWorker(): Promise<void> {
  const job = workerData as Job;
  for (let next = claimWhenFree(job); next >= 0; next = claimWhenFree(job)) {
    parentPort!.postMessage({ at: next, outcome: await readOne(job.uris[next], job.known, job.read) } satisfies WorkerMessage);
  }
  parentPort!.postMessage({ end: true } satisfies WorkerMessage);
}

/**
 * Set while the server's thread loads the catalog and checks the open reports at the start: the
 * workers have started (their bundle loaded meanwhile) but read nothing yet. On a loaded machine a
 * reading worker takes about half the CPU those first checks get (the draft's first diagnostics
 * came 1.9 times later; docs/performance.md "First index, round 3").
 */
const held = new Int32Array(new SharedArrayBuffer(4));
/** A bound on the workers' wait (whatever the server's thread does, the index goes on). */
const HOLD_MAX_MS = 30_000;

/** Holds the workers' reading until the returned function is called. */
export function holdReading(): () => void {
  Atomics.add(held, 0, 1);
  let released = false;
  return () => {
    if (released) return;
    released = true;
    if (Atomics.sub(held, 0, 1) === 1) Atomics.notify(held, 0);
  };
}

/** claim, once the server's thread no longer holds the reading (holdReading). */
function claimWhenFree(job: Job): number {
  if (job.hold) {
    const until = Date.now() + HOLD_MAX_MS;
    for (let h = Atomics.load(job.hold, 0); h !== 0 && Date.now() < until; h = Atomics.load(job.hold, 0)) Atomics.wait(job.hold, 0, h, 100);
  }
  return claim(job);
}

/** The place in `job.uris` of the next report to read, or -1 when every report is taken. */
function claim(job: Job): number {
  if (!job.claim || !job.order) throw new Error('an index job without its claim');
  const i = Atomics.add(job.claim, 0, 1);
  return i < job.order.length ? job.order[i] : -1;
}

async function readOne(uri: string, known: Record<string, string>, options: ReadOptions): Promise<Outcome> {
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return { record: { uri } };
  }
  const r = await readTextFile(file, options);
  if ('text' in r) return { record: readForHistory(uri, r.text, known[uri]) };
  return r.missing ? { record: { uri } } : { record: { uri }, refusal: r.why };
}

/**
 * How many worker threads read the reports: one per core but the server's own (which answers the
 * editor meanwhile), one at least, four at most (each keeps a young generation of its own:
 * WORKER_YOUNG_MB, about 100 MB more peak RSS each). POLICY_REPORT_INDEX_WORKERS overrides it.
 */
export const WORKERS_ENV = 'POLICY_REPORT_INDEX_WORKERS';
function workerCount(reports: number): number {
  const asked = Number(process.env[WORKERS_ENV]);
  const n = Number.isInteger(asked) && asked > 0 ? asked : Math.min(4, Math.max(1, availableParallelism() - 1));
  // A worker costs a thread's start (tens of ms): not for a few reports each.
  return Math.max(1, Math.min(n, Math.floor(reports / 8)));
}

/** The places of `uris` in the order they are read: the largest files first (a file that cannot be stat'ed last). */
function largestFirst(uris: string[]): number[] {
  const size = uris.map((uri) => {
    try {
      return statSync(fileURLToPath(uri)).size;
    } catch {
      return -1;
    }
  });
  return uris.map((_, i) => i).sort((a, b) => size[b] - size[a] || a - b);
}

/**
 * The workers' run: each claims the next report not yet taken (largest first) until none is left;
 * `each` is told of every outcome as it comes. The outcomes in the order of `job.uris`, or a
 * rejection if a worker could not start or stopped.
 */
async function inWorkers(job: Job, progress?: IndexProgress, each?: (o: Outcome) => void): Promise<Outcome[]> {
  const n = workerCount(job.uris.length);
  const shared: Job = { ...job, claim: new Int32Array(new SharedArrayBuffer(4)), order: largestFirst(job.uris), hold: held };
  const out: Outcome[] = new Array(job.uris.length);
  let done = 0;
  const onOutcome = (at: number, o: Outcome) => {
    out[at] = o;
    done++;
    each?.(o);
    void progress?.(done, job.uris.length);
  };
  const workers: Worker[] = [];
  try {
    await Promise.all(Array.from({ length: n }, () => inWorker(shared, onOutcome, workers)));
  } catch (e) {
    // The reading starts again in this thread: the other workers' work is not waited for.
    for (const w of workers) void w.terminate();
    throw e;
  }
  if (done !== job.uris.length) throw new Error(`the worker threads read ${done} of ${job.uris.length} reports`);
  return out;
}

/** One worker's run: resolves at its end, rejects if it could not start or stopped before the end. */
function inWorker(job: Job, onOutcome: (at: number, o: Outcome) => void, started: Worker[]): Promise<void> {
  return new Promise((resolve, reject) => {
    // execArgv: none of the server's (a process-wide option would stop the worker from starting).
    // Its stdout is not the server's: over stdio that is the protocol's channel. Its young
    // generation is as large as the server's (--max-semi-space-size=64: three 64 MB spaces): with
    // V8's default size the parse's garbage is promoted and the index takes 1.6 times as long, for
    // no lower peak (docs/performance.md). A bound on how often it is collected, not on what it holds.
    const worker = new Worker(__filename, { workerData: job, argv: [], execArgv: [], stdout: true, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    started.push(worker);
    worker.stdout.resume();
    let ended = false;
    let count = 0;
    worker.on('message', (m: WorkerMessage) => {
      if ('end' in m) {
        ended = true;
        resolve();
        return;
      }
      count++;
      onOutcome(m.at, m.outcome);
    });
    worker.on('error', (e) => reject(e));
    worker.on('exit', (code) => {
      if (!ended) reject(new Error(`the worker thread stopped (exit code ${code}) after ${count} reports`));
    });
  });
}

/** The same reading in this thread (no worker): a report at a time, yielding between reports. */
async function inThisThread(job: Job, progress?: IndexProgress, each?: (o: Outcome) => void): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const uri of job.uris) {
    const o = await readOne(uri, job.known, job.read);
    out.push(o);
    each?.(o);
    await progress?.(out.length, job.uris.length);
  }
  return out;
}

/** Where the reader reports: its read options, its refusals, its log. */
export interface ReaderHost {
  readOptions(): ReadOptions;
  noteRead(uri: string, refusal: Msg | undefined): void;
  log(message: string): void;
}

/**
 * The history's reader for LanguageService.indexWorkspace: a worker thread, else (it could not
 * start, it died, or WORKER_ENV is "0") this thread.
 */
export function historyReader(host: ReaderHost): HistoryReader {
  return async (uris, known, progress, each) => {
    const job: Job = { kind: KIND, uris, known, read: host.readOptions() };
    const told = each && ((o: Outcome) => each(o.record));
    let outcomes: Outcome[];
    if (process.env[WORKER_ENV] === '0') {
      host.log(`policy-report: indexing ${uris.length} reports in the server's thread (${WORKER_ENV}=0)`);
      outcomes = await inThisThread(job, progress, told);
    } else {
      try {
        outcomes = await inWorkers(job, progress, told);
      } catch (e) {
        host.log(`policy-report: the index's worker thread failed (${e instanceof Error ? e.message : String(e)}); indexing ${uris.length} reports in the server's thread`);
        outcomes = await inThisThread(job, progress, told);
      }
    }
    for (const o of outcomes) host.noteRead(o.record.uri, o.refusal);
    return outcomes.map((o) => o.record);
  };
}
