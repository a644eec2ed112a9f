// The first index's reading (core/indexed.ts readForHistory on every report of the bench's
// workspace: what the index worker does), timed in fresh processes, builds alternated, the machine's
// load beside each figure; the saved forms hashed so that two builds are shown to read the same.
//
//   node scripts/readspeed.mjs build DIR [ROOT]     bundle ROOT's (default: this checkout's) reading into DIR
//   node scripts/readspeed.mjs run DIR... [--sessions 200] [--rounds 3] [--profile] [--index | --tail] [--split 1,2] [--bench] [--semi 64] [--alloc]
//   node scripts/readspeed.mjs cold DIR... [--sessions 200] [--rounds 3] [--profile] [--global] [--memory | --snapshot]
//   node scripts/readspeed.mjs warm DIR... [--sessions 200] [--rounds 3] [--profile] [--global]
//   DIR=FLAGS (run, cold, warm): that build under node (V8) flags of its own, e.g. "/tmp/b=--maglev", alternated like builds
//   (cold, warm) [--workers 1,2]: each DIR once per count of index workers (POLICY_REPORT_INDEX_WORKERS), alternated
//
// `cold`: the bench's cold_index_ms (bench/run.mjs overStdio) for each DIR built by
// `node bench/build.mjs DIR`: the server over stdio, empty storage, the bench's workspace (its drafts
// included), the 100 KB draft opened at once; the server's "ready at", its CPU time (/proc), load1,
// the draft's first diagnostics (start → publishDiagnostics: the bench's first_diagnostics_cold_ms),
// and a hash of the index it saves at shutdown (the same for two builds that index the same);
// `--memory`: also the server's live heap once the index is in (after a full collection) beside its
// RSS; `--snapshot`: and a heap snapshot then, into DIR/heap/ (node --heapsnapshot-signal);
// `warm`: the same after a first start that saved its index (the bench's warm_index_ms and
// warm_first_diagnostics_ms: the saved index restored, the open draft checked);
// `main_thread_cpu_ms`: the server's own thread's part of that CPU time (the rest: the index worker, V8's helpers);
// `threads_cpu_ms`: the other threads' CPU time, busiest first (the index worker, then V8's platform threads);
// `cpu_at_first_ms` / `main_cpu_at_first_ms`: the server's and its own thread's CPU time when the draft's
// first diagnostics arrive (what the first diagnostics cost, less moved by the machine's load than their wall time).
//
// ROOT may be an older commit's tree (git archive): this file's entry (scripts/readspeed-core.ts) is
// copied into it first. `--bench`: the cold workspace (its two drafts in it) rather than sessions only.
// `--split 1,2`: the reading in K parts, each a fresh process, for each K (see below). `--tail` also times the server's putting in of those records (readAll,
// in CPU time: while the worker reads, and after its last record). `--index` also times the bench's in-process index (LanguageService
// indexWorkspace, after the reading: its memos emptied). `--profile` writes a CPU profile per run (node --cpu-prof) into DIR/prof/.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import { shippedNodeArgs } from '../bench/server-options.mjs';

const here = new URL('..', import.meta.url).pathname;
const [mode, ...rest] = process.argv.slice(2);
const load1 = () => Number(loadavg()[0].toFixed(2));
/** A build argument `DIR=FLAGS`: DIR with node (V8) flags of its own, space-separated ("DIR=--maglev"), so that flags alternate like builds. */
const withFlags = (arg) => (arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1).split(/\s+/).filter(Boolean)] : [arg, []]);

async function build(dir, root = here) {
  const esbuild = await import('esbuild');
  const { aliases } = await import(pathToFileURL(join(here, 'scripts/aliases.mjs')).href);
  const entry = join(root, 'scripts/readspeed-core.ts');
  if (resolve(root) !== resolve(here)) copyFileSync(join(here, 'scripts/readspeed-core.ts'), entry);
  mkdirSync(dir, { recursive: true });
  await esbuild.build({
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'],
    loader: { '.yaml': 'text' }, alias: aliases, mainFields: ['module', 'main'], logLevel: 'warning',
    absWorkingDir: root, nodePaths: [join(here, 'node_modules')], entryPoints: { core: entry }, outdir: dir,
  });
}

function workspace(sessions) {
  const dir = join(tmpdir(), `policy-report-readspeed-${sessions}`);
  if (!existsSync(join(dir, 'phien'))) {
    execFileSync(process.execPath, ['-e', `import(${JSON.stringify(pathToFileURL(join(here, 'bench/workspace.mjs')).href)}).then((w) => w.writeWorkspace(${JSON.stringify(dir)}, { sessions: ${sessions}, draftKbs: [] }))`]);
  }
  return dir;
}

/** In a fresh process: read every report of `ws` with the build in `dir`; prints one JSON line. */
async function child(dir, ws, index) {
  const core = createRequire(import.meta.url)(join(resolve(dir), 'core.js'));
  const { listReports } = await import(pathToFileURL(join(here, 'bench/files.mjs')).href);
  // The cold workspace's 100 KB draft is the one the server has open: its worker does not read it.
  let reports = listReports(ws).filter((f) => !/readspeed-cold-\d+[\\/]du-thao-100kb\.report\.md$/.test(f)).map((f) => ({ uri: pathToFileURL(f).toString(), text: readFileSync(f, 'utf8') }));
  // `--split K` (READSPEED_PART = "p/K"): this process reads part p of K, the reports dealt out
  // largest first, each to the part with the fewest characters so far: as K index workers claim
  // them (lsp/index-worker.ts, each the next report once it is done with its last, largest first).
  const part = /^(\d+)\/(\d+)$/.exec(process.env.READSPEED_PART ?? '');
  if (part) {
    const [p, k] = [Number(part[1]), Number(part[2])];
    const load = new Array(k).fill(0);
    const mine = new Set();
    for (const i of reports.map((_, i) => i).sort((a, b) => reports[b].text.length - reports[a].text.length || a - b)) {
      const to = load.indexOf(Math.min(...load));
      load[to] += reports[i].text.length;
      if (to === p) mine.add(i);
    }
    reports = reports.filter((_, i) => mine.has(i));
  }
  const bytes = reports.reduce((n, r) => n + Buffer.byteLength(r.text), 0);
  core.clearContentCaches();
  // `--alloc`: a sampling allocation profile of the reading, the garbage included, into DIR/prof/ (its CPU figure then counts the sampling).
  const alloc = process.env.READSPEED_ALLOC ? await (await import(pathToFileURL(join(here, 'bench/profile.mjs')).href)).startProfile({ heap: true }) : undefined;
  const cpu = process.cpuUsage();
  const t = performance.now();
  const records = reports.map((r) => core.readForHistory(r.uri, r.text));
  const ms = performance.now() - t;
  const { user, system } = process.cpuUsage(cpu);
  if (alloc) {
    mkdirSync(join(dir, 'prof'), { recursive: true });
    await alloc.stop(join(dir, 'prof', `alloc-${process.pid}.heapprofile`));
  }
  const hash = createHash('sha256');
  for (const r of records) hash.update(JSON.stringify(r.saved));
  const out = { reports: reports.length, mb: +(bytes / 1048576).toFixed(2), ms: Math.round(ms), cpu_ms: Math.round((user + system) / 1000), hash: hash.digest('hex').slice(0, 16) };
  if (index === '--tail') {
    // The server's putting in of the records (core/indexed.ts readAll, the catalog loaded): what its
    // thread does while the worker reads (each record as told: `putin_each`) and after the last one
    // (`putin_tail`: the end of the index's chain), in CPU time; the history's entries and a hash of
    // every indicator's entries (the same for two builds that put the same history together).
    const service = inMemoryService(core, ws, reports);
    await service.reloadCatalog();
    let eachCpu = 0;
    const reader = async (uris, known, progress, each) => {
      const c = process.cpuUsage();
      for (const r of records) each(r);
      const u = process.cpuUsage(c);
      eachCpu = (u.user + u.system) / 1000;
      return [];
    };
    const c = process.cpuUsage();
    await service.indexWorkspace(undefined, reader);
    const u = process.cpuUsage(c);
    out.putin_each_cpu_ms = Math.round(eachCpu);
    out.putin_tail_cpu_ms = Math.round((u.user + u.system) / 1000 - eachCpu);
    out.history_entries = service.history.entryCount;
    const h = createHash('sha256');
    for (const ind of service.catalogs.catalog.all()) h.update(JSON.stringify(service.history.entries(ind.id).map((e) => ({ ...e, origin: { ...e.origin } }))));
    out.history_hash = h.digest('hex').slice(0, 16);
  } else if (index) {
    // The bench's in-process index (bench/run.mjs loadService): the catalog, then indexWorkspace.
    records.length = 0;
    const service = inMemoryService(core, ws, reports);
    const cpu2 = process.cpuUsage();
    const t2 = performance.now();
    await service.reloadCatalog();
    await service.indexWorkspace();
    out.index_ms = Math.round(performance.now() - t2);
    const u = process.cpuUsage(cpu2);
    out.index_cpu_ms = Math.round((u.user + u.system) / 1000);
    out.history_entries = service.history.entryCount;
  }
  process.stdout.write(JSON.stringify(out) + '\n');
}

/** The bench's workspace (bench/run.mjs makeWorkspace: the 100 KB and 1 MB drafts in it too). */
function benchWorkspace(sessions) {
  const dir = join(tmpdir(), `policy-report-readspeed-cold-${sessions}`);
  const draft = join(dir, 'du-thao-100kb.report.md');
  if (!existsSync(draft)) {
    execFileSync(process.execPath, ['--input-type=module', '-e', `import { writeFileSync } from 'node:fs'; const w = await import(${JSON.stringify(pathToFileURL(join(here, 'bench/workspace.mjs')).href)}); const r = w.writeWorkspace(${JSON.stringify(dir)}, { sessions: ${sessions} }); for (const kb of [100, 1024]) writeFileSync(${JSON.stringify(dir)} + '/du-thao-' + kb + 'kb.report.md', r.drafts[kb]);`]);
  }
  return { dir, draft };
}

/** CPU time (user + system, ms) of a process so far, from /proc (Linux). */
function procCpuMs(pid) {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Math.round(((Number(f[11]) + Number(f[12])) * 1000) / 100);
  } catch {
    return NaN;
  }
}

/**
 * CPU time (ms) of the server's own thread (its id is the process's), from /proc (Linux). The rest
 * of the process's time is the index worker's (an exited thread's time stays in the process's) and
 * V8's and libuv's helpers'. On an idle machine the first index takes about the busier of the main
 * thread and the worker: a figure the machine's load changes less than the wall time.
 */
function mainThreadCpuMs(pid) {
  return procCpuMs(`${pid}/task/${pid}`);
}

/**
 * The server's threads' CPU time (ms), sampled into `seen` (thread id → the most seen): a thread that
 * exits (the index worker) keeps its last sample. `threads_cpu_ms` lists them busiest first, the
 * server's own thread apart: on the bench's cold start, the index worker, then V8's four platform
 * threads (concurrent compilation and collection), then those with none.
 */
function sampleThreads(pid, seen) {
  let tids = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return;
  }
  for (const t of tids) {
    const ms = procCpuMs(`${pid}/task/${t}`);
    if (ms > (seen.get(t) ?? -1)) seen.set(t, ms);
  }
}

/** One cold start of DIR/server.js on `ws`: what bench/run.mjs overStdio measures as cold_index_ms. */
async function coldStart(dir, ws, profile, { fresh = true, keep = false, global, memory = false, snapshot = false, flags = [] } = {}) {
  const { BenchClient } = await import(pathToFileURL(join(here, 'bench/lsp.mjs')).href);
  const storage = join(tmpdir(), `policy-report-readspeed-storage-${process.pid}`);
  if (fresh) rmSync(storage, { recursive: true, force: true });
  const node = [...shippedNodeArgs(), ...flags];
  if (profile) node.push('--cpu-prof', `--cpu-prof-dir=${join(resolve(dir), 'prof')}`);
  if (snapshot) node.push('--heapsnapshot-signal=SIGUSR2', `--diagnostic-dir=${join(resolve(dir), 'heap')}`);
  const client = new BenchClient([process.execPath, ...node, join(resolve(dir), 'server.js'), '--stdio'], { debounceMs: 0, language: 'vi' });
  const uri = pathToFileURL(ws.draft).toString();
  const threads = new Map();
  const threadSampler = setInterval(() => sampleThreads(client.pid, threads), 250);
  const t0 = performance.now();
  const indexed = client.nextLog(/^policy-report: history of \d+ sessions/);
  await client.initialize(pathToFileURL(ws.dir).toString(), global ? { storagePath: storage, globalStoragePath: global } : { storagePath: storage });
  // The CPU time spent when the draft's first diagnostics arrive: the server's and its own thread's.
  const first = client.next(uri, () => true, 600000).then((d) => ({ at: d.at, cpu: procCpuMs(client.pid), main: mainThreadCpuMs(client.pid) }));
  // `--memory`: the server's RSS every 100 ms until the index is in (when its peak is: before or after the last record).
  const trace = [];
  const sampler = memory ? setInterval(() => trace.push([performance.now() - t0, client.memory().rss]), 100) : undefined;
  await client.open(uri, readFileSync(ws.draft, 'utf8'), 1);
  const log = await indexed;
  if (sampler) clearInterval(sampler);
  const cpu = procCpuMs(client.pid);
  const main = mainThreadCpuMs(client.pid);
  sampleThreads(client.pid, threads);
  clearInterval(threadSampler);
  const threadsCpu = [...threads].filter(([t, ms]) => t !== String(client.pid) && ms > 0).map(([, ms]) => ms).sort((a, b) => b - a);
  const firstAt = await first;
  const mem = client.memory();
  // `--memory`: once the index is in, the live heap (after a full collection: the bench's
  // serverMemory(true)) beside the RSS; `--snapshot`: then a heap snapshot into DIR/heap/ (the
  // server writes it on SIGUSR2; the next request is answered once it is written).
  let memory_after_index;
  if (memory) {
    const live = await client.serverMemory(true);
    const peak = trace.reduce((a, b) => (b[1] > a[1] ? b : a), [0, 0]);
    const readyAt = Number(/ready at (\d+) ms/.exec(log.message)?.[1]);
    memory_after_index = live && { rss_peak_sampled_mb: Math.round(peak[1]), rss_peak_at_ms: Math.round(peak[0]), rss_at_ready_mb: Math.round(trace.at(-1)?.[1] ?? NaN), ready_at_ms: readyAt };
    if (live) Object.assign(memory_after_index, Object.fromEntries(Object.entries(live).filter(([k]) => /^(rssMb|heapUsedMb|heapTotalMb|externalMb|arrayBuffersMb|old_spaceUsedMb|new_spaceSizeMb|large_object_spaceUsedMb|code_spaceUsedMb)$/.test(k)).map(([k, v]) => [k, Math.round(v * 10) / 10])));
    if (snapshot) {
      mkdirSync(join(resolve(dir), 'heap'), { recursive: true });
      process.kill(client.pid, 'SIGUSR2');
      await client.serverMemory(false);
    }
  }
  await client.stop();
  // The saved index (written at shutdown): its reports, hashed, so that two builds are shown to index the same.
  let indexHash = null;
  try {
    const saved = JSON.parse(readFileSync(join(storage, 'history-index.json'), 'utf8'));
    indexHash = createHash('sha256').update(JSON.stringify(saved.reports)).digest('hex').slice(0, 16);
  } catch {
    /* not written */
  }
  if (!keep) rmSync(storage, { recursive: true, force: true });
  return { ...(memory_after_index ? { memory_after_index } : {}), index_hash: indexHash, cold_index_ms: Number(/ready at (\d+) ms/.exec(log.message)?.[1]), server_cpu_ms: cpu, main_thread_cpu_ms: main, threads_cpu_ms: threadsCpu, rss_mb: Math.round(mem.hwm), first_diagnostics_ms: Math.round(firstAt.at - t0), cpu_at_first_ms: firstAt.cpu, main_cpu_at_first_ms: firstAt.main, log: log.message.replace(/^policy-report: /, '') };
}

if (mode === 'build') await build(rest[0], rest[1]);
else if (mode === 'child') await child(rest[0], rest[1], rest[2]);
else if (mode === 'run') {
  const dirs = rest.filter((a, i) => !a.startsWith('--') && !['--sessions', '--rounds', '--split', '--semi'].includes(rest[i - 1]));
  const opt = (k, d) => (rest.includes(k) ? Number(rest[rest.indexOf(k) + 1]) : d);
  const sessions = opt('--sessions', 200);
  const rounds = opt('--rounds', 3);
  const profile = rest.includes('--profile');
  // `--split K`: the reading dealt out to K fresh processes run one after the other (each its own
  // isolate, as K index workers): each part's CPU time, their sum (what K workers cost) and the
  // largest (the reading's wall time on K idle cores, less what the machine's load adds).
  const splits = rest.includes('--split') ? rest[rest.indexOf('--split') + 1].split(',').map(Number) : [0];
  const ws = rest.includes('--bench') ? benchWorkspace(sessions).dir : workspace(sessions);
  for (let round = 1; round <= rounds; round++) {
    for (const [arg, split] of dirs.flatMap((d) => splits.map((k) => [d, k]))) {
      const [dir, flags] = withFlags(arg);
      const before = load1();
      // `--semi N`: the processes' semi-space size in MB (64: the server's; an index worker's young generation is 3 × N).
      const node = [`--max-semi-space-size=${opt('--semi', 64)}`, ...flags];
      if (profile) node.push('--cpu-prof', `--cpu-prof-dir=${join(dir, 'prof')}`);
      const once = (env) => JSON.parse(execFileSync(process.execPath, [...node, new URL(import.meta.url).pathname, 'child', dir, ws, ...(rest.includes('--index') ? ['--index'] : rest.includes('--tail') ? ['--tail'] : [])], { encoding: 'utf8', env: { ...process.env, ...(rest.includes('--alloc') ? { READSPEED_ALLOC: '1' } : {}), ...env } }));
      if (split > 0) {
        const parts = Array.from({ length: split }, (_, p) => once({ READSPEED_PART: `${p}/${split}` }));
        const cpu = parts.map((x) => x.cpu_ms);
        process.stdout.write(JSON.stringify({ build: arg, round, sessions, split, parts: parts.map((x) => ({ reports: x.reports, mb: x.mb, cpu_ms: x.cpu_ms })), cpu_sum_ms: cpu.reduce((a, b) => a + b, 0), cpu_max_ms: Math.max(...cpu), load1: [before, load1()] }) + '\n');
        continue;
      }
      process.stdout.write(JSON.stringify({ build: arg, round, sessions, ...once({}), load1: [before, load1()] }) + '\n');
    }
  }
} else if (mode === 'cold' || mode === 'warm') {
  const dirs = rest.filter((a, i) => !a.startsWith('--') && !['--sessions', '--rounds', '--workers'].includes(rest[i - 1]));
  const opt = (k, d) => (rest.includes(k) ? Number(rest[rest.indexOf(k) + 1]) : d);
  const sessions = opt('--sessions', 200);
  const rounds = opt('--rounds', 3);
  // `--workers 1,2`: each build with each count of index workers (the server's default when not given).
  const counts = rest.includes('--workers') ? rest[rest.indexOf('--workers') + 1].split(',').map(Number) : [undefined];
  const ws = benchWorkspace(sessions);
  for (let round = 1; round <= rounds; round++) {
    for (const [arg, workers] of dirs.flatMap((d) => counts.map((k) => [d, k]))) {
      const [dir, flags] = withFlags(arg);
      if (workers === undefined) delete process.env.POLICY_REPORT_INDEX_WORKERS;
      else process.env.POLICY_REPORT_INDEX_WORKERS = String(workers);
      const before = load1();
      // `--global`: the editor's storage for every workspace (the default catalog's parse), kept
      // between the runs of a build: the figures of a workspace never indexed, with an extension
      // that ran before (its first run made the copy; a build's first round is that run).
      const global = rest.includes('--global') ? join(tmpdir(), `policy-report-readspeed-global-${process.pid}-${resolve(arg).replace(/[^\w]/g, '_')}`) : undefined;
      let r = await coldStart(dir, ws, rest.includes('--profile'), { keep: mode === 'warm', global, memory: rest.includes('--memory') || rest.includes('--snapshot'), snapshot: rest.includes('--snapshot'), flags });
      // `warm`: that start saved its index; the figures are the next start's, which restores it.
      if (mode === 'warm') r = { first_start: { cold_index_ms: r.cold_index_ms, index_hash: r.index_hash }, ...(await coldStart(dir, ws, rest.includes('--profile'), { fresh: false, global, flags })) };
      process.stdout.write(JSON.stringify({ build: arg, round, sessions, mode, ...(workers === undefined ? {} : { workers }), ...r, load1: [before, load1()] }) + '\n');
    }
  }
} else {
  process.stderr.write('usage: readspeed.mjs build DIR [ROOT] | run DIR... [--sessions N] [--rounds N] [--profile] [--index] | cold|warm DIR... [--sessions N] [--rounds N] [--profile] [--global] [--memory | --snapshot]\n');
  process.exitCode = 2;
}

/** The bench's workspace in memory (its reports and catalog) and a language service on it, the content caches emptied. */
function inMemoryService(core, ws, reports) {
  core.clearContentCaches();
  const files = new core.InMemoryWorkspace();
  for (const r of reports) files.files.set(r.uri, r.text);
  const root = pathToFileURL(ws).toString();
  files.files.set(`${root}/.policy-report/indicators.yaml`, readFileSync(join(ws, '.policy-report/indicators.yaml'), 'utf8'));
  return new core.LanguageService({ workspace: files, folders: [root], lang: 'vi' });
}
