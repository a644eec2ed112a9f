/**
 * The history's first index off the server's main thread. Worker threads (worker_threads; one per
 * core but the server's, one to four: workerCount; each claiming the next report not yet taken, largest first) read the
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
import { defaultCatalogParsed, type ParsedCatalog } from '../core/catalog/load';
import { readForHistory, type HistoryReader, type HistoryRecord, type IndexProgress } from '../core/indexed';
import { packsHistoryTexts } from '../core/history/text-bytes';
import { readTextFile, type ReadOptions } from '../io/read';
import { GrowthCollector } from './collect';
import { packedRecord } from './text-packing';
import { workerSlackMb, workerYoungGeneration, workerYoungMb } from './worker-heap';

export { processSemiSpaceMb, workerYoungGeneration, workerYoungMb, WORKER_YOUNG_ENV, WORKER_YOUNG_MB } from './worker-heap';

const KIND = 'policy-report/history-index';
/** The other job the same bundle runs in a worker: the embedded default catalog's parse (defaultCatalogApart). */
const CATALOG_KIND = 'policy-report/default-catalog';
/** Set to "0" in the server's environment: no worker thread, the index runs in the server's thread. */
export const WORKER_ENV = 'POLICY_REPORT_INDEX_WORKER';


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
  /** The server packs history texts: a restored report's text is sent packed (text-packing.ts packedRecord). */
  pack?: boolean;
}

/** One report read: its record, and why it could not be read (a refusal: a diagnostic on the file). */
interface Outcome {
  record: HistoryRecord;
  refusal?: Msg;
}

type WorkerMessage = { at: number; outcome: Outcome } | { end: true };

/** Is this thread the index's worker, or the default catalog's (the bundle's entry asks before starting anything else)? */
export function isIndexWorker(): boolean {
  const kind = (workerData as { kind?: unknown } | undefined)?.kind;
  return !isMainThread && (kind === KIND || kind === CATALOG_KIND);
}

/**
 * The worker's part: the reports it claims, one message each (with the report's place in the job),
 * then the end; or, started by defaultCatalogApart, the default catalog's parse as one message,
 * then (kept for the first index: `stay`) the index's job when it comes as a message.
 */
export async function runIndexWorker(): Promise<void> {
  const data = workerData as { kind: string; stay?: boolean };
  if (data.kind !== CATALOG_KIND) return readReports(workerData as Job);
  parentPort!.postMessage(defaultCatalogParsed());
  if (!data.stay) return;
  // Not asked within SPARE_WAIT_MS (the server's index has not started, or read elsewhere): it ends.
  const job = await new Promise<Job | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), SPARE_WAIT_MS);
    parentPort!.once('message', (m: Job) => {
      clearTimeout(timer);
      resolve(m);
    });
  });
  parentPort!.removeAllListeners('message');
  if (job) await readReports(job);
}

/** How long the catalog's worker waits for the index's job before it ends (the server also ends it: releaseSpare). */
const SPARE_WAIT_MS = 120_000;

async function readReports(job: Job): Promise<void> {
  const heap = new GrowthCollector(workerSlackMb());
  for (let next = claim(job); next >= 0; next = claim(job)) {
    parentPort!.postMessage({ at: next, outcome: await readOne(job.uris[next], job.known, job.read, job.pack) } satisfies WorkerMessage);
    heap.between();
  }
  parentPort!.postMessage({ end: true } satisfies WorkerMessage);
}


/** The place in `job.uris` of the next report to read, or -1 when every report is taken. */
function claim(job: Job): number {
  if (!job.claim || !job.order) throw new Error('an index job without its claim');
  const i = Atomics.add(job.claim, 0, 1);
  return i < job.order.length ? job.order[i] : -1;
}

async function readOne(uri: string, known: Record<string, string>, options: ReadOptions, pack = false): Promise<Outcome> {
  let file: string;
  try {
    file = fileURLToPath(uri);
  } catch {
    return { record: { uri } };
  }
  const r = await readTextFile(file, options);
  if ('text' in r) return { record: pack ? packedRecord(readForHistory(uri, r.text, known[uri])) : readForHistory(uri, r.text, known[uri]) };
  return r.missing ? { record: { uri } } : { record: { uri }, refusal: r.why };
}

/**
 * How many worker threads read the reports: one per core but the server's own (which answers the
 * editor meanwhile), one at least, four at most (each keeps a young generation of its own:
 * WORKER_YOUNG_MB). Not one per core on an idle machine: on this two-core machine a second worker
 * (its own JIT warm-up, about 2.3 s CPU) gave the stdio bench's cold index no gain (7.8 s either way)
 * and 70 MB more RSS (docs/performance.md 3.4). POLICY_REPORT_INDEX_WORKERS overrides it.
 */
export const WORKERS_ENV = 'POLICY_REPORT_INDEX_WORKERS';
export function workerCount(reports: number, cores = availableParallelism()): number {
  const asked = Number(process.env[WORKERS_ENV]);
  const n = Number.isInteger(asked) && asked > 0 ? asked : Math.min(4, Math.max(1, cores - 1));
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
async function inWorkers(job: Job, progress: IndexProgress | undefined, each: (o: Outcome) => void, keep: boolean, starting?: (workers: number, running: boolean) => void, spare?: Spare | null): Promise<Outcome[]> {
  const n = workerCount(job.uris.length);
  // The default catalog's worker, kept with the young generation each of these gets, is the first
  // of them: its bundle is loaded and its start is not on the index's path. Else it ends.
  const first = spare && spare.youngMb === workerYoungMb(n) ? spare.worker : undefined;
  if (spare && !first) void spare.worker.terminate();
  starting?.(n, first !== undefined);
  const shared: Job = { ...job, claim: new Int32Array(new SharedArrayBuffer(4)), order: largestFirst(job.uris) };
  const out: Outcome[] = keep ? new Array(job.uris.length) : [];
  let done = 0;
  const onOutcome = (at: number, o: Outcome) => {
    if (keep) out[at] = o;
    done++;
    each(o);
    void progress?.(done, job.uris.length);
  };
  const workers: Worker[] = [];
  const started = workerYoungGeneration(first ? n - 1 : n);
  try {
    await Promise.all(Array.from({ length: n }, (_, i) => inWorker(shared, onOutcome, workers, started, workerYoungMb(n), i === 0 ? first : undefined)));
  } catch (e) {
    // The reading starts again in this thread once every worker is stopped (none reads on beside
    // it, and none is left behind the index): terminate() settles at a worker's exit, at once for
    // one gone already; a bounded wait, so that a worker that cannot be stopped holds nothing up.
    await Promise.race([Promise.allSettled(workers.map((w) => w.terminate())), delay(STOP_WAIT_MS)]);
    throw e;
  }
  if (done !== job.uris.length) throw new Error(`the worker threads read ${done} of ${job.uris.length} reports`);
  return out;
}

/** How long a failed index waits for its other workers to stop before reading in the server's thread. */
const STOP_WAIT_MS = 5000;

/** Resolves after `ms` (a timer that keeps no process alive). */
function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/**
 * One worker's run: resolves at its end, rejects if it could not start or stopped before the end.
 * `online` is called once, when the worker runs or is gone (workerYoungGeneration); `given`: a
 * worker already running (the spare), which is sent the job.
 */
function inWorker(job: Job, onOutcome: (at: number, o: Outcome) => void, started: Worker[], online: () => void, youngMb: number, given?: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    // execArgv: none of the server's (a process-wide option would stop the worker from starting).
    // Its stdout is not the server's: over stdio that is the protocol's channel. Its young
    // generation: `youngMb` (workerYoungMb), a bound on how often it is collected, not on what it holds.
    let wasOnline = false;
    const once = () => {
      if (!wasOnline && !given) online();
      wasOnline = true;
    };
    let worker: Worker;
    try {
      worker = given ?? new Worker(__filename, { workerData: job, argv: [], execArgv: [], stdout: true, resourceLimits: { maxYoungGenerationSizeMb: youngMb } });
    } catch (e) {
      once();
      throw e;
    }
    started.push(worker);
    if (given) {
      given.ref();
      given.postMessage(job);
    } else worker.on('online', once);
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
    worker.on('error', (e) => {
      once();
      reject(e);
    });
    worker.on('exit', (code) => {
      once();
      if (!ended) reject(new Error(`the worker thread stopped (exit code ${code}) after ${count} reports`));
    });
  });
}

/** The same reading in this thread (no worker): a report at a time, yielding between reports. */
async function inThisThread(job: Job, progress: IndexProgress | undefined, each: (o: Outcome) => void, keep: boolean): Promise<Outcome[]> {
  const out: Outcome[] = [];
  let done = 0;
  // As in a worker (readReports): without it the old generation grew to 310 MB, three times what
  // the reading and the history hold (200 sessions).
  const heap = new GrowthCollector(workerSlackMb());
  for (const uri of job.uris) {
    const o = await readOne(uri, job.known, job.read);
    if (keep) out.push(o);
    each(o);
    heap.between();
    await progress?.(++done, job.uris.length);
  }
  return out;
}

/** Where the reader reports: its read options, its refusals, its log. */
export interface ReaderHost {
  readOptions(): ReadOptions;
  noteRead(uri: string, refusal: Msg | undefined): void;
  log(message: string): void;
  /** Told just before the worker threads are started, how many, and whether the first is the default catalog's, already running (the server logs it). */
  starting?(workers: number, running: boolean): void;
}

/**
 * The history's reader for LanguageService.indexWorkspace: a worker thread, else (it could not
 * start, it died, or WORKER_ENV is "0") this thread.
 */
export function historyReader(host: ReaderHost): HistoryReader {
  return async (uris, known, progress, each) => {
    const job: Job = { kind: KIND, uris, known, read: host.readOptions(), pack: packsHistoryTexts() };
    const spare = takeSpare();
    // Each outcome as it comes: its refusal noted (a report read again after a worker failed: its
    // last reading's), its record to `each`; kept only when no `each` takes it (HistoryReader).
    const told = (o: Outcome) => {
      host.noteRead(o.record.uri, o.refusal);
      each?.(o.record);
    };
    const keep = !each;
    let outcomes: Outcome[];
    if (process.env[WORKER_ENV] === '0') {
      host.log(`policy-report: indexing ${uris.length} reports in the server's thread (${WORKER_ENV}=0)`);
      void spare?.worker.terminate();
      outcomes = await inThisThread(job, progress, told, keep);
    } else {
      try {
        outcomes = await inWorkers(job, progress, told, keep, (n, running) => host.starting?.(n, running), spare);
      } catch (e) {
        host.log(`policy-report: the index's worker thread failed (${e instanceof Error ? e.message : String(e)}); indexing ${uris.length} reports in the server's thread`);
        outcomes = await inThisThread(job, progress, told, keep);
      }
    }
    return outcomes.map((o) => o.record);
  };
}

/** Set to "0" in the server's environment: the default catalog is parsed in the server's thread (defaultCatalogApart gives null). */
export const CATALOG_WORKER_ENV = 'POLICY_REPORT_CATALOG_WORKER';
/** The catalog worker's young generation (MB): a bound on how much of what its parse allocates (the parse and the catalog built from it: about 100 MB) is held before a scavenge. */
const CATALOG_WORKER_YOUNG_MB = 48;

/**
 * The embedded default catalog parsed in a worker thread (core/catalog/load.ts defaultCatalogParsed:
 * plain data, structured-clone-able, as the saved copy of lsp/index-store.ts is), while the server's
 * thread answers the handshake and parses the open drafts: at a start with no saved parse of it,
 * the YAML's parse (a third of the time to the first diagnostics, docs/performance.md 3.4) is
 * then off the first check's path on a machine of two cores. Resolves with null when the worker
 * cannot start, stops before its answer or is not to be used (CATALOG_WORKER_ENV "0"): the server's
 * thread then parses the YAML when the catalog is first asked for, as without it. The worker ends
 * after its one message; with `stay` (the server's first start) it is kept for the first index
 * instead, with the young generation of one index worker: the first of the index's workers
 * (historyReader), whose start (its bundle loaded, about 0.25 s CPU) is then not on the index's
 * path; not taken by the index, it ends (releaseSpare, or by itself after SPARE_WAIT_MS).
 */
export function defaultCatalogApart(stay = false): Promise<ParsedCatalog | null> {
  if (process.env[CATALOG_WORKER_ENV] === '0') return Promise.resolve(null);
  const kept = stay && process.env[WORKER_ENV] !== '0';
  const youngMb = kept ? workerYoungMb(workerCount(Number.MAX_SAFE_INTEGER)) : CATALOG_WORKER_YOUNG_MB;
  return new Promise((resolve) => {
    const started = workerYoungGeneration(1);
    let worker: Worker;
    try {
      worker = new Worker(__filename, { workerData: { kind: CATALOG_KIND, stay: kept }, argv: [], execArgv: [], stdout: true, resourceLimits: { maxYoungGenerationSizeMb: youngMb } });
    } catch {
      started();
      resolve(null);
      return;
    }
    let online = false;
    const once = () => {
      if (!online) started();
      online = true;
    };
    const onMessage = (parsed: ParsedCatalog) => {
      const ok = parsed && Array.isArray(parsed.indicators) && Array.isArray(parsed.errors);
      if (kept && ok) keepSpare(worker, youngMb, [onMessage, onGone]);
      else if (kept) void worker.terminate();
      resolve(ok ? parsed : null);
    };
    const onGone = () => {
      once();
      resolve(null);
    };
    worker.on('online', once);
    worker.stdout.resume();
    worker.on('message', onMessage);
    worker.on('error', onGone);
    worker.on('exit', onGone);
  });
}

/** A worker kept for the first index (defaultCatalogApart `stay`), its young generation, and what forgets it when it ends by itself. */
interface Spare {
  worker: Worker;
  youngMb: number;
  gone: () => void;
}
let spare: Spare | null = null;

/** `worker` kept as the spare (its catalog's listeners removed), not keeping the process alive meanwhile. */
function keepSpare(worker: Worker, youngMb: number, listeners: Array<Parameters<Worker['off']>[1]>): void {
  for (const f of listeners) for (const event of ['message', 'error', 'exit']) worker.off(event, f);
  worker.unref();
  releaseSpare();
  const gone = () => {
    if (spare?.worker === worker) spare = null;
  };
  worker.on('error', gone);
  worker.on('exit', gone);
  spare = { worker, youngMb, gone };
}

/** The spare, once (its listeners are the taker's from now on), or null. */
function takeSpare(): Spare | null {
  const s = spare;
  spare = null;
  s?.worker.off('error', s.gone).off('exit', s.gone);
  return s;
}

/** Ends the spare if no index took it (the server's first load is over). */
export function releaseSpare(): void {
  void takeSpare()?.worker.terminate();
}
