/**
 * The history's first index off the server's main thread. Worker threads (worker_threads; one per
 * core but the server's, a slice of the reports each) read the reports with the guarded reader
 * (io/read.ts) and parse each for the history
 * (core/indexed.ts readForHistory); it sends back plain records (the saved form of each history
 * document: structured-clone-able, no Analysis), one message per report, which the main thread
 * counts for the work-done progress and puts in the history when all are there. Meanwhile the main
 * thread answers the editor: the open drafts get their own diagnostics first.
 *
 * The worker runs the server's own bundle (`__filename`: out/cli.js or out/server.js), whose
 * entry starts the worker's part instead of a server when `isIndexWorker()`: no second bundle in
 * the .vsix. If the worker cannot start or dies, the same reading runs in the server's own thread,
 * and the log says so: the index is never lost.
 */
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
}

/** One report read: its record, and why it could not be read (a refusal: a diagnostic on the file). */
interface Outcome {
  record: HistoryRecord;
  refusal?: Msg;
}

type WorkerMessage = Outcome | { end: true };

/** Is this thread the index's worker (the bundle's entry asks before starting anything else)? */
export function isIndexWorker(): boolean {
  return !isMainThread && (workerData as Job | undefined)?.kind === KIND;
}

/** The worker's part: every report of the job, one message each, then the end. */
export async function runIndexWorker(): Promise<void> {
  const job = workerData as Job;
  for (const uri of job.uris) parentPort!.postMessage(await readOne(uri, job.known, job.read) satisfies WorkerMessage);
  parentPort!.postMessage({ end: true } satisfies WorkerMessage);
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
 * WORKER_YOUNG_MB, about 100 MB more peak RSS each). Two on a loaded two-core machine were no
 * faster than one (docs/performance.md). POLICY_REPORT_INDEX_WORKERS overrides it.
 */
export const WORKERS_ENV = 'POLICY_REPORT_INDEX_WORKERS';
function workerCount(reports: number): number {
  const asked = Number(process.env[WORKERS_ENV]);
  const n = Number.isInteger(asked) && asked > 0 ? asked : Math.min(4, Math.max(1, availableParallelism() - 1));
  // A worker costs a thread's start (tens of ms): not for a few reports each.
  return Math.max(1, Math.min(n, Math.floor(reports / 8)));
}

/**
 * The workers' run: the reports cut into consecutive slices, one worker each (neighbouring
 * sessions repeat each other's cells and sentences: parse/binding.ts remembers their reading);
 * the outcomes in the order of `job.uris`, or a rejection if a worker could not start or stopped.
 */
async function inWorkers(job: Job, progress?: IndexProgress): Promise<Outcome[]> {
  const n = workerCount(job.uris.length);
  const size = Math.ceil(job.uris.length / n);
  let done = 0;
  const count = () => void progress?.(++done, job.uris.length);
  const slices: Job[] = [];
  for (let i = 0; i < job.uris.length; i += size) slices.push({ ...job, uris: job.uris.slice(i, i + size) });
  const workers: Worker[] = [];
  try {
    return (await Promise.all(slices.map((slice) => inWorker(slice, count, workers)))).flat();
  } catch (e) {
    // The reading starts again in this thread: the other workers' work is not waited for.
    for (const w of workers) void w.terminate();
    throw e;
  }
}

/** One worker's run: every outcome, or a rejection if it could not start or stopped before the end. */
function inWorker(job: Job, onOutcome: () => void, started: Worker[]): Promise<Outcome[]> {
  return new Promise((resolve, reject) => {
    // execArgv: none of the server's (a process-wide option would stop the worker from starting).
    // Its stdout is not the server's: over stdio that is the protocol's channel. Its young
    // generation is as large as the server's (--max-semi-space-size=64: three 64 MB spaces): with
    // V8's default size the parse's garbage is promoted and the index takes 1.6 times as long, for
    // no lower peak (docs/performance.md). A bound on how often it is collected, not on what it holds.
    const worker = new Worker(__filename, { workerData: job, argv: [], execArgv: [], stdout: true, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB } });
    started.push(worker);
    worker.stdout.resume();
    const out: Outcome[] = [];
    let ended = false;
    worker.on('message', (m: WorkerMessage) => {
      if ('end' in m) {
        ended = true;
        resolve(out);
        return;
      }
      out.push(m);
      onOutcome();
    });
    worker.on('error', (e) => reject(e));
    worker.on('exit', (code) => {
      if (!ended) reject(new Error(`the worker thread stopped (exit code ${code}) after ${out.length} of ${job.uris.length} reports`));
    });
  });
}

/** The same reading in this thread (no worker): a report at a time, yielding between reports. */
async function inThisThread(job: Job, progress?: IndexProgress): Promise<Outcome[]> {
  const out: Outcome[] = [];
  for (const uri of job.uris) {
    out.push(await readOne(uri, job.known, job.read));
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
  return async (uris, known, progress) => {
    const job: Job = { kind: KIND, uris, known, read: host.readOptions() };
    let outcomes: Outcome[];
    if (process.env[WORKER_ENV] === '0') {
      host.log(`policy-report: indexing ${uris.length} reports in the server's thread (${WORKER_ENV}=0)`);
      outcomes = await inThisThread(job, progress);
    } else {
      try {
        outcomes = await inWorkers(job, progress);
      } catch (e) {
        host.log(`policy-report: the index's worker thread failed (${e instanceof Error ? e.message : String(e)}); indexing ${uris.length} reports in the server's thread`);
        outcomes = await inThisThread(job, progress);
      }
    }
    for (const o of outcomes) host.noteRead(o.record.uri, o.refusal);
    return outcomes.map((o) => o.record);
  };
}
