// What the benches that type into a draft share (keystroke.mjs, check1mb.mjs in process; memory.mjs
// over stdio): a profile of part of a run through the inspector, where they type, the percentiles
// of the keystrokes' latencies and the load beside them.
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/**
 * Profiles what runs from now until `stop(file)` writes the profile (JSON) to `file`: a CPU profile
 * sampled every `intervalUs` microseconds, or with `heap` a sampling allocation profile, the
 * garbage included (what the run allocates, not what it keeps).
 */
export async function startProfile({ heap, intervalUs }) {
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  const post = (m, p) => new Promise((res, rej) => session.post(m, p, (e, r) => (e ? rej(e) : res(r))));
  if (heap) {
    await post('HeapProfiler.enable');
    await post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  } else {
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: intervalUs });
    await post('Profiler.start');
  }
  return {
    async stop(file) {
      const { profile } = await post(heap ? 'HeapProfiler.stopSampling' : 'Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
    },
  };
}

/** Where the benches type (as bench/run.mjs typingSpot): before a prose sentence's full stop near the middle. */
export function typingSpot(text) {
  const needle = 'được nâng lên rõ rệt.';
  let best = -1;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) if (best < 0 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) best = i;
  if (best < 0) throw new Error('no prose sentence to type into');
  return best + needle.length - 1;
}

const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** The median (the lower one of an even count) and the 99th percentile, as bench/run.mjs reports them. */
export const p50 = (xs) => sorted(xs)[Math.floor((xs.length - 1) / 2)];
export const p99 = (xs) => sorted(xs)[Math.max(0, Math.ceil(0.99 * xs.length) - 1)];
/** The one-minute load average, to one decimal: printed beside every figure (the machine is shared). */
export const load1 = () => Math.round(loadavg()[0] * 10) / 10;

/** The benches' generated workspace (bench/workspace.mjs, seed 1) in the temp folder, with the draft of `draftKb` written: { dir, file }. */
export async function draftWorkspace({ sessions, sessionKb, draftKb }) {
  const { writeWorkspace } = await import('./workspace.mjs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { writeFileSync } = await import('node:fs');
  const dir = join(tmpdir(), `policy-report-bench-${sessions}x${sessionKb}`);
  const w = writeWorkspace(dir, { sessions, sessionKb, draftKbs: [draftKb], seed: 1 });
  const file = join(dir, `du-thao-${draftKb}kb.report.md`);
  writeFileSync(file, w.drafts[draftKb]);
  return { dir, file };
}

/** A core bundle's LanguageService over the workspace's reports and catalog, in memory, indexed: { core, service }. */
export async function indexedService(bundleDir, wsDir) {
  const { createRequire } = await import('node:module');
  const { join } = await import('node:path');
  const { readFileSync } = await import('node:fs');
  const { pathToFileURL } = await import('node:url');
  const { listReports } = await import('./files.mjs');
  const core = createRequire(import.meta.url)(join(bundleDir, 'core.js'));
  const files = new core.InMemoryWorkspace();
  for (const f of listReports(wsDir)) files.files.set(pathToFileURL(f).toString(), readFileSync(f, 'utf8'));
  const cat = join(wsDir, '.policy-report/indicators.yaml');
  files.files.set(pathToFileURL(cat).toString(), readFileSync(cat, 'utf8'));
  const service = new core.LanguageService({ workspace: files, folders: [pathToFileURL(wsDir).toString()], lang: 'vi' });
  await service.reloadCatalog();
  await service.indexWorkspace();
  return { core, service };
}
