/**
 * The heaps of the index's worker threads (index-worker.ts): their young generation (a resource
 * limit each, which a process-wide --max-semi-space-size would override while they start) and the
 * full collections a worker asks for between reports, so that its old generation does not grow to
 * several times what it keeps.
 */
import * as v8 from 'node:v8';

/**
 * The worker's young generation (two semi-spaces and the large objects'), in MB: its
 * `resourceLimits`, which V8 honours only while no process-wide --max-semi-space-size is set
 * (workerYoungGeneration). Env WORKER_YOUNG_ENV overrides it (a measurement's knob). 48 (16 MB
 * semi-spaces): the index's peak RSS is at its end, where the worker's heap (its two semi-spaces
 * committed in full, its old generation up to about 65 MB) adds to the server's, whose heap then
 * holds nearly every report's history document. Round 20 (bench/memory.mjs --index-only, 200
 * sessions, alternated, load1 19-25): at 48 the index's peak 310 / 311 / 319 MB against 332 / 336 /
 * 336 MB at 96, the worker's heap at most 114 against 140 MB, the process's CPU 19.2 / 20.0 / 18.3
 * against 21.0 / 18.9 / 18.1 s (the 1 M-character readings memo, parse/part-reading.ts, no longer
 * marked by each collection: round 16, with the 4 M memo, 48 had cost 25-33 % more CPU than 192, 96
 * about 16 %). 64 measured no lower than 96 (349 / 334 MB). Half of it each
 * when there are several workers: two workers of 192 MB raised the index's peak RSS by 150-190 MB
 * over one, of 96 MB by 70-100 MB, and their reading's CPU time was the same.
 */
export const WORKER_YOUNG_MB = 48;
export const WORKER_YOUNG_ENV = 'POLICY_REPORT_INDEX_WORKER_YOUNG_MB';

export function workerYoungMb(workers: number): number {
  const asked = Number(process.env[WORKER_YOUNG_ENV]);
  if (Number.isInteger(asked) && asked >= 3) return asked;
  return workers > 1 ? WORKER_YOUNG_MB / 2 : WORKER_YOUNG_MB;
}

/**
 * The process's --max-semi-space-size in MB (the server's node options, or NODE_OPTIONS), or
 * undefined. V8 reads that flag when it configures any isolate's heap, a worker's too, and it wins
 * over the worker's resourceLimits: with the server's `--max-semi-space-size=64` every worker had
 * a young generation of 3 × 64 MB whatever it asked for.
 */
export function processSemiSpaceMb(execArgv = process.execArgv, nodeOptions = process.env.NODE_OPTIONS ?? ''): number | undefined {
  let mb: number | undefined;
  for (const arg of [...nodeOptions.split(/\s+/), ...execArgv]) {
    const m = /^--max[-_]semi[-_]space[-_]size=(\d+)$/.exec(arg);
    if (m) mb = Number(m[1]);
  }
  return mb;
}

/**
 * Lets the next `count` workers' heaps follow their own resourceLimits: the process-wide
 * --max-semi-space-size is unset while their isolates are made, and set back to the process's
 * value once each has started (or failed to). The server's own heap was configured at its start
 * and does not read the flag again (measured: its young generation stays 128 MB). The returned
 * function is to be called once per worker, when it is online or gone.
 */
export function workerYoungGeneration(count: number, own = processSemiSpaceMb()): () => void {
  if (own === undefined || count <= 0) return () => undefined;
  v8.setFlagsFromString('--max-semi-space-size=0');
  let left = count;
  return () => {
    if (--left === 0) v8.setFlagsFromString(`--max-semi-space-size=${own}`);
  };
}

/**
 * How much the worker's heap may grow over what it held after its last full collection before it
 * collects again, between two reports (MB; collect.ts GrowthCollector). The worker keeps little (the
 * parser's memo of readings, parse/part-reading.ts, bounded at 1 M characters and emptied at once
 * when full), but V8 let its old
 * generation grow to three or four times that (37 → 140 MB, 200 sessions) before collecting: the
 * process's RSS is the server's and the worker's together, and the worker's peak is at the index's
 * end, where the server's thread holds the records too (docs/performance.md 3.4). 24 against 48
 * since the memo is bounded at 1 M: the index's peak RSS 353 / 357 against 377 / 376 / 381 MB, CPU
 * 20.9 / 21.8 against 24.7 / 20.8 / 17.6 s (200 sessions, alternated, load1 15-24, round 17; with
 * the 4 M memo, 24 had cost more CPU: its collections marked the memo each time).
 */
export const WORKER_HEAP_SLACK_MB = 24;
export const WORKER_SLACK_ENV = 'POLICY_REPORT_INDEX_WORKER_SLACK_MB';

/** WORKER_HEAP_SLACK_MB, or WORKER_SLACK_ENV's value (a measurement's knob). */
export function workerSlackMb(): number {
  const asked = Number(process.env[WORKER_SLACK_ENV]);
  return Number.isInteger(asked) && asked >= 1 ? asked : WORKER_HEAP_SLACK_MB;
}
