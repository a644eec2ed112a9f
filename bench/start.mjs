// The server's start → the open draft's first diagnostics, for several builds alternated: the
// bench's first_diagnostics_cold_ms (server.js, nothing saved) and first_diagnostics_warm_start_ms
// (boot.js through the code cache, the default catalog's parse saved: the extension ran before),
// without the rest of the stdio part (each server is stopped once those diagnostics are in).
//
//   node bench/start.mjs DIR... [--sessions 200] [--rounds 3] [--modes cold,warm] [--node-args "…"] [--profile]
//
// DIR: a build of `node bench/build.mjs DIR` (this checkout's or an older commit's). One JSON line
// per start: the wall time (`ms`), the server's CPU time then (`cpu_ms`, /proc) and its own thread's
// (`main_cpu_ms`: less moved by the machine's load than the wall time), load1 before and after,
// the other threads' CPU then (`threads_cpu_ms`) and, from the phases, how long the server's thread
// waited for the default catalog's worker once its drafts were parsed (`catalog_wait_ms`).
// `warm`: each build's code cache and catalog parse are made once by a first start (its index
// waited for), kept for its later rounds. `index`: server.js with the workspace's saved index and
// catalog parse (bench/run.mjs warm_first_diagnostics_ms: the editor's second session on the same
// workspace), made once per build by a first start that indexes the workspace, copied for each
// start; its line also has the index's end (`index_ms`, `index_cpu_ms`, `index_main_cpu_ms`). `--node-args`: the server's node options after the
// shipped ones (client/src/server-options.ts). `--profile`: a CPU profile of each start into DIR/prof/.
// A server started with POLICY_REPORT_TRACE_START=1 logs its start's phases (lsp/start-trace.ts):
// they are printed as `phases` when there.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { BenchClient } from './lsp.mjs';
import { shippedNodeArgs } from './server-options.mjs';
import { writeWorkspace } from './workspace.mjs';

const argv = process.argv.slice(2);
const valued = ['--sessions', '--rounds', '--modes', '--node-args'];
const opt = (k, d) => (argv.includes(k) ? argv[argv.indexOf(k) + 1] : d);
const dirs = argv.filter((a, i) => !a.startsWith('--') && !valued.includes(argv[i - 1])).map((d) => resolve(d));
const sessions = Number(opt('--sessions', 200));
const rounds = Number(opt('--rounds', 3));
const modes = opt('--modes', 'cold,warm').split(',');
const nodeArgs = [...shippedNodeArgs(), ...opt('--node-args', '').split(/\s+/).filter(Boolean)];
const profile = argv.includes('--profile');
const load1 = () => Number(loadavg()[0].toFixed(2));

/** CPU time (ms) of a process or thread so far (Linux /proc: utime + stime in clock ticks of 10 ms). */
function cpuMs(path) {
  try {
    const f = readFileSync(`/proc/${path}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}

/**
 * The server's other threads' CPU time (ms) when the draft's first diagnostics arrive, busiest first,
 * each as "name:ms" (/proc's thread name: a worker thread's isolate, V8's platform threads, libuv's).
 */
function threadsCpu(pid) {
  let tids = [];
  try {
    tids = readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const named = tids.filter((t) => t !== String(pid)).map((t) => [readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8').match(/\((.*)\)/)?.[1] ?? '?', cpuMs(`${pid}/task/${t}`)]);
  return named.filter(([, ms]) => ms > 0).sort((a, b) => b[1] - a[1]).map(([n, ms]) => `${n}:${ms}`);
}

/** The bench's workspace (bench/run.mjs makeWorkspace's): its sessions and the 100 KB draft. */
function workspace(dir, sessionCount = sessions) {
  const w = writeWorkspace(dir, { sessions: sessionCount, draftKbs: [100] });
  const file = join(dir, 'du-thao-100kb.report.md');
  writeFileSync(file, w.drafts[100]);
  return { dir, uri: pathToFileURL(dir).toString(), draft: { uri: pathToFileURL(file).toString(), text: w.drafts[100] } };
}

/** Does the build in `dir` log its start's phases (lsp/start-trace.ts)? */
const traces = (dir) => readFileSync(join(dir, 'server.js'), 'utf8').includes('POLICY_REPORT_TRACE_START');

/** One start of `dir`'s server; `global`: the extension's global storage (warm: through boot.js). */
async function start(dir, ws, { global, fill = false, from, keep } = {}) {
  const storage = keep ?? join(tmpdir(), `policy-report-start-storage-${process.pid}`);
  rmSync(storage, { recursive: true, force: true });
  if (from) cpSync(from, storage, { recursive: true });
  const node = [...nodeArgs];
  if (profile && !fill) node.push('--cpu-prof', `--cpu-prof-dir=${join(dir, 'prof')}`);
  const entry = global ? [join(dir, 'boot.js'), 'lsp', '--stdio'] : [join(dir, 'server.js'), '--stdio'];
  const env = { ...process.env, POLICY_REPORT_TRACE_START: '1', ...(global ? { POLICY_REPORT_CODE_CACHE: join(global, 'code-cache') } : {}) };
  const client = new BenchClient([process.execPath, ...node, ...entry], { debounceMs: 0, language: 'vi' }, env);
  const phases = [];
  // The phases as they come, each also to whoever waits for a log line (this replaces lsp.mjs's handler).
  client.connection.onNotification('window/logMessage', (p) => {
    const m = /^policy-report: start (\S+) at (\d+) ms, cpu (\d+) ms/.exec(p.message);
    if (m) phases.push([m[1], Number(m[2]), Number(m[3])]);
    const at = performance.now();
    for (const w of [...client.logWaiters]) {
      if (w.re.test(p.message)) {
        client.logWaiters.splice(client.logWaiters.indexOf(w), 1);
        w.resolve({ message: p.message, at });
      }
    }
  });
  const saved = fill && !keep ? client.nextLog(/^policy-report: (code cache saved|could not save the code cache)/) : undefined;
  // A build with lsp/start-trace.ts logs its phases once the first load's checks are written.
  const traced = traces(dir) ? client.nextLog(/^policy-report: start sent at/) : undefined;
  const indexed = fill || from ? client.nextLog(/^policy-report: history of \d+ sessions/) : undefined;
  const t0 = performance.now();
  await client.initialize(ws.uri, global ? { storagePath: storage, globalStoragePath: global } : { storagePath: storage });
  const first = client.next(ws.draft.uri, () => true, 600000).then((d) => ({ at: d.at, cpu: cpuMs(client.pid), main: cpuMs(`${client.pid}/task/${client.pid}`), threads: threadsCpu(client.pid) }));
  await client.open(ws.draft.uri, ws.draft.text, 1);
  const f = await first;
  let index;
  if (fill && !keep) {
    await indexed;
    process.stderr.write(`[start] ${dir}: ${(await saved).message}\n`);
  } else if (fill) await indexed;
  else if (indexed) {
    const at = (await indexed).at;
    index = { index_ms: Math.round(at - t0), index_cpu_ms: cpuMs(client.pid), index_main_cpu_ms: cpuMs(`${client.pid}/task/${client.pid}`) };
  }
  await (traced ?? new Promise((r) => setTimeout(r, 100)));
  await client.stop();
  // How long the server's thread, its drafts parsed, waited for the catalog's worker (wall time): when
  // it waits, the drafts' parse is not what delays the first diagnostics, the catalog's parse is.
  const at = (k) => phases.find(([n]) => n === k)?.[1];
  const waited = at('catalog-parsed') - at('drafts-parsed');
  if (!keep) rmSync(storage, { recursive: true, force: true });
  return { ...index, ms: Math.round(f.at - t0), cpu_ms: f.cpu, main_cpu_ms: f.main, threads_cpu_ms: f.threads, ...(Number.isFinite(waited) ? { catalog_wait_ms: waited } : {}), ...(phases.length ? { phases: Object.fromEntries(phases.map(([k, at, cpu], i) => [phases.slice(0, i).some(([o]) => o === k) ? `${k}#2` : k, [at, cpu]])) } : {}) };
}

const ws = workspace(join(tmpdir(), `policy-report-start-${sessions}-${process.pid}`));
// The first start that makes a build's code cache and catalog parse: the same draft beside one
// session (the cache is taken after the draft's check, before the index; the index only delays the save).
const fillWs = { ...workspace(join(tmpdir(), `policy-report-start-fill-${process.pid}`), 1), draft: undefined };
writeFileSync(join(fillWs.dir, 'du-thao-100kb.report.md'), ws.draft.text);
fillWs.draft = { uri: pathToFileURL(join(fillWs.dir, 'du-thao-100kb.report.md')).toString(), text: ws.draft.text };
const globals = new Map(dirs.map((d) => [d, join(tmpdir(), `policy-report-start-global-${process.pid}-${d.replace(/[^\w]/g, '_')}`)]));
if (modes.includes('warm')) {
  for (const d of dirs) {
    rmSync(globals.get(d), { recursive: true, force: true });
    await start(d, fillWs, { global: globals.get(d), fill: true });
  }
}
// `index`: each build's workspace storage after a first start that indexed it (the index and the catalog parse saved at its shutdown).
const stores = new Map(dirs.map((d) => [d, join(tmpdir(), `policy-report-start-store-${process.pid}-${d.replace(/[^\w]/g, '_')}`)]));
if (modes.includes('index')) for (const d of dirs) await start(d, ws, { fill: true, keep: stores.get(d) });
for (let round = 1; round <= rounds; round++) {
  for (const mode of modes) {
    for (const d of dirs) {
      const before = load1();
      const r = await start(d, ws, mode === 'warm' ? { global: globals.get(d) } : mode === 'index' ? { from: stores.get(d) } : {});
      process.stdout.write(JSON.stringify({ build: d, mode, round, ...r, load1: [before, load1()] }) + '\n');
    }
  }
}
for (const g of [...globals.values(), ...stores.values()]) rmSync(g, { recursive: true, force: true });
