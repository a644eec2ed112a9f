// The stdio bench's typing (bench/run.mjs) in process, step by step, for its tails (issue #15):
//   node bench/tail.mjs [--sessions 200] [--draft-kb 100] [--edits 200] [--figures 50] [--history 20]
//       [--rounds 2] [--growing P] [--quiet] [--steps] [--profile F [--profile-steps figure:0,history:0]]
//       [--node 'V8 FLAGS' [--trace F]] DIR_A [DIR_B …]
// Each DIR a core bundle (`node bench/build.mjs DIR`); the builds' processes alternated, each with the
// server's node options, on one generated workspace: the index, the draft checked, a full collection,
// `--edits` prose keystrokes (typingSpot), `--figures` figure keystrokes (run.mjs typeFigure: one bound
// digit typed and typed back), then the latest session opened and `--history` edits of a value the
// draft also states (run.mjs editHistory: the session checked, then the draft again when the history
// changed, as lsp/sync.ts does). Per step: wall, the process's CPU (V8's helper threads included) and the main thread's,
// the heap's net change, the collections it overlapped (kind:ms; 1 scavenge, 4 mark-compact), H when
// the history changed. One JSON line per process: each phase's CPU and wall p50 / max and the three
// slowest steps, the old generation (MB) at each phase's end. `--growing P`: V8's heap growing percent
// as the server sets it after its first index (lsp/collect.ts limitHeapGrowth, 100); `--quiet`: a full
// collection between phases (the server's pause collection); `--steps`: every step; `--profile F`: a
// CPU profile of the steps `--profile-steps` names (F.<round>.<build>.<phase>-<i>.cpuprofile; on a
// loaded machine a sample's time is wall time, preemption included).
import { spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { PerformanceObserver } from 'node:perf_hooks';
import v8 from 'node:v8';
import { readArgs } from './args.mjs';
import { listReports } from './files.mjs';
import { draftWorkspace, indexedService, load1, p50, startProfile, typingSpot } from './profile.mjs';
import { shippedNodeArgs } from './server-options.mjs';

const args = {
  sessionKb: 50,
  ...readArgs(process.argv.slice(2), { '--sessions': 200, '--draft-kb': 100, '--edits': 200, '--figures': 50, '--history': 20, '--rounds': 2, '--growing': 0, '--quiet': false, '--steps': false, '--profile': null, '--profile-steps': 'figure:0,figure:2,history:0,history:2', '--child': null, '--node': [], '--trace': 'tail-trace' }, 'dirs'),
};
const r1 = (x) => Math.round(x * 10) / 10;
/** The main thread's CPU time so far in ms (Linux: /proc/thread-self/schedstat, in ns), without V8's helper threads (their concurrent compiles, the collector's). */
const mainCpu = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
const TYPED = ' trong toàn hệ thống chính trị, từ trung ương đến cơ sở, với sự tham gia tích cực của người dân và doanh nghiệp, bảo đảm thực chất, hiệu quả, lấy người dân làm trung tâm, lấy sự hài lòng của người dân làm thước đo';

async function child(dir, ws) {
  const { service } = await indexedService(dir, ws.dir);
  const draft = pathToFileURL(ws.file).toString();
  let text = readFileSync(ws.file, 'utf8');
  let version = 1;
  service.check(draft, text, version);
  // As the server after its first index (lsp/collect.ts limitHeapGrowth), then a full collection (the 1 MB draft's close).
  if (args.growing) v8.setFlagsFromString(`--heap-growing-percent=${args.growing}`);
  if (global.gc) global.gc();
  const old = () => r1(v8.getHeapSpaceStatistics().filter((s) => s.space_name === 'old_space' || s.space_name === 'large_object_space').reduce((a, s) => a + s.space_used_size, 0) / 1048576);
  const olds = { start: old() };
  const gcs = [];
  const obs = new PerformanceObserver((l) => { for (const e of l.getEntries()) gcs.push({ t: e.startTime, d: e.duration, kind: e.detail?.kind }); });
  obs.observe({ entryTypes: ['gc'] });
  const steps = [];
  const profiled = new Set(args.profile ? args.profileSteps.split(',') : []);
  const step = async (phase, f) => {
    const name = `${phase}:${steps.filter((s) => s.phase === phase).length}`;
    if (args.node.length) writeSync(1, `@@ ${name}\n`); // marks the step in V8's traces
    const profiler = profiled.has(name) ? await startProfile({ heap: false, intervalUs: 100 }) : null;
    const h0 = v8.getHeapStatistics();
    const m0 = mainCpu();
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const what = f();
    const t1 = performance.now();
    const c = process.cpuUsage(c0);
    const m1 = mainCpu();
    if (profiler) await profiler.stop(`${args.profile}.${name.replace(':', '-')}.cpuprofile`);
    steps.push({ phase, i: steps.filter((s) => s.phase === phase).length, t0, t1, wall: t1 - t0, cpu: (c.user + c.system) / 1000, main: m1 - m0, heap: (v8.getHeapStatistics().used_heap_size - h0.used_heap_size) / 1048576 /* the heap's net change: scavenges free */, ...what });
  };
  const pause = () => { if (args.quiet && global.gc) global.gc(); };
  // Prose (run.mjs typeInto).
  const at = typingSpot(text);
  for (let i = 0; i < args.edits; i++) {
    text = text.slice(0, at + i) + TYPED[i % TYPED.length] + text.slice(at + i);
    const v = ++version;
    await step('prose', () => ({ changed: service.checkReport(draft, text, v).historyChanged }));
  }
  olds.prose = old();
  pause();
  // Figures (run.mjs typeFigure).
  const lines = text.split('\n');
  const rows = lines.map((l, i) => [l, i]).filter(([l]) => /^\| \[\[Tỷ lệ [^\]]*\]\] \| [^|]+ \| \d+,\d%/.test(l));
  const [line, lineNo] = rows[Math.floor(rows.length / 2)];
  const lineStart = lines.slice(0, lineNo).reduce((s, l) => s + l.length + 1, 0);
  const spot = lineStart + line.indexOf('%') - 1;
  const original = text[spot];
  for (let i = 0; i < args.figures; i++) {
    text = text.slice(0, spot) + (i % 2 === 0 ? String((Number(original) + 5) % 10) : original) + text.slice(spot + 1);
    const v = ++version;
    await step('figure', () => ({ changed: service.checkReport(draft, text, v).historyChanged }));
  }
  olds.figure = old();
  pause();
  // History edits (run.mjs editHistory).
  const sessions = listReports(join(ws.dir, 'phien'));
  const file = sessions[sessions.length - 1];
  const uri = pathToFileURL(file).toString();
  let stext = readFileSync(file, 'utf8');
  const count = new Map();
  const refs = service.analysis(uri, stext).refs;
  for (const r of refs) count.set(`${r.indicator?.id}|${r.ref.period}`, (count.get(`${r.indicator?.id}|${r.ref.period}`) ?? 0) + 1);
  const byName = new Map(refs.map((r) => [r.ref.name, r.indicator?.id]));
  const slines = stext.split('\n');
  let target = null;
  for (let i = 0; i < slines.length && !target; i++) {
    const m = /^(\| \[\[(Tỷ lệ [^\]@]*)\]\] \| ([^|]+?) \| )(\d+,\d%)/.exec(slines[i]);
    if (m && text.includes(m[1]) && count.get(`${byName.get(m[2])}|${m[3]}`) === 1) target = { at: slines.slice(0, i).reduce((s, l) => s + l.length + 1, 0) + m[1].length, value: m[4] };
  }
  if (!target) throw new Error('no shared row between the latest session and the draft');
  let sv = 1;
  const edit = (s) => {
    const r = service.checkReport(uri, s, sv);
    const again = r.historyChanged ? service.checkReport(draft, text, version) : null;
    return { changed: r.historyChanged, conflicts: again?.findings.filter((f) => f.code === 'figure-conflict').length };
  };
  await step('open', () => edit(stext));
  let value = target.value;
  for (let i = 0; i < args.history; i++) {
    const next = i % 2 === 0 ? '1,0%' : target.value;
    stext = stext.slice(0, target.at) + next + stext.slice(target.at + value.length);
    value = next;
    sv++;
    await step('history', () => edit(stext));
  }
  await new Promise((r) => setTimeout(r, 50));
  obs.disconnect();
  for (const s of steps) {
    const g = gcs.filter((x) => x.t + x.d >= s.t0 && x.t <= s.t1);
    s.gc = g.map((x) => `${x.kind}:${r1(x.d)}`).join(',');
  }
  olds.history = old();
  const out = { build: dir, load1: load1(), old_mb: olds };
  for (const phase of ['prose', 'figure', 'open', 'history']) {
    const xs = steps.filter((s) => s.phase === phase);
    const show = (s) => `${s.i}:${r1(s.cpu)}cpu/${r1(s.main)}main/${r1(s.wall)}ms/${r1(s.heap)}MB${s.gc ? ` gc[${s.gc}]` : ''}${s.changed ? ' H' : ''}`;
    out[phase] = { cpu_p50: r1(p50(xs.map((s) => s.cpu))), cpu_max: r1(Math.max(...xs.map((s) => s.cpu))), wall_p50: r1(p50(xs.map((s) => s.wall))), wall_max: r1(Math.max(...xs.map((s) => s.wall))), cpu_sum: r1(xs.reduce((a, s) => a + s.cpu, 0)), main_p50: r1(p50(xs.map((s) => s.main))), main_max: r1(Math.max(...xs.map((s) => s.main))), slowest: [...xs].sort((a, b) => b.wall - a.wall).slice(0, 3).map(show) };
    if (args.steps) out[phase].steps = xs.map(show);
  }
  out.conflicts = steps.filter((s) => s.phase === 'history').map((s) => s.conflicts).join(',');
  return out;
}

if (args.child) {
  process.stdout.write(JSON.stringify(await child(args.dirs[0], JSON.parse(args.child))) + '\n');
} else {
  const ws = await draftWorkspace(args);
  for (let round = 0; round < args.rounds; round++) {
    for (const d of args.dirs) {
      const extra = ['--edits', String(args.edits), '--figures', String(args.figures), '--history', String(args.history), '--sessions', String(args.sessions)];
      if (args.quiet) extra.push('--quiet');
      if (args.growing) extra.push('--growing', String(args.growing));
      if (args.steps) extra.push('--steps');
      if (args.node.length) extra.push('--node', args.node.flat().join(' '));
      if (args.profile) extra.push('--profile', `${args.profile}.${round}.${args.dirs.indexOf(d)}`, '--profile-steps', args.profileSteps);
      const argv = [...shippedNodeArgs(), ...args.node.flat(), '--expose-gc', new URL(import.meta.url).pathname, '--child', JSON.stringify(ws), ...extra, d];
      // With `--node` (V8's trace flags): stdout into a file, unbuffered (stdbuf), so V8's traces and the steps' marks keep their order.
      const traced = args.node.length ? `${args.trace}.${round}.${args.dirs.indexOf(d)}.txt` : null;
      const fd = traced ? openSync(traced, 'w') : null;
      const r = traced ? spawnSync('stdbuf', ['-o0', process.execPath, ...argv], { encoding: 'utf8', stdio: ['ignore', fd, 'pipe'] }) : spawnSync(process.execPath, argv, { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (fd !== null) closeSync(fd);
      if (r.status !== 0) throw new Error(`${d}: ${r.stderr}`);
      const o = JSON.parse((traced ? readFileSync(traced, 'utf8') : r.stdout).trim().split('\n').pop());
      o.round = round + 1;
      process.stdout.write(JSON.stringify(o) + '\n');
    }
  }
}
