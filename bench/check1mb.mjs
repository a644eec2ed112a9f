// First checks of the big draft, in process, for a before/after of `check_1mb_ms` in one run:
//   node bench/check1mb.mjs [--sessions 50] [--draft-kb 1024] [--runs 3] [--rounds 2] [--profile FILE]
//       [--findings FILE] DIR_A [DIR_B …]
// Each DIR is a core bundle built by `node bench/build.mjs DIR` (an earlier commit's for "before").
// The builds' processes are alternated (A, B, A, B …, `--rounds` times), each on the same generated
// workspace: index in process, then `--runs` first checks of the draft (the core's content caches
// emptied before each, as the bench's `check_1mb_ms`). Prints one JSON line per process: wall and CPU
// time of each check, bytes allocated per check (V8's heap before and after each collection), the
// collections' count, live heap after the checks, the process's peak RSS, and load1 beside them.
// `--edits N`: N prose keystrokes after the checks (the live heap after them). The rules but
// `unmarked-indicator` are timed alone too (rules_cpu_ms, rules_alloc_mb).
// `--findings FILE`: each process writes its findings (JSON) to FILE.<index>, to compare builds.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { readArgs } from './args.mjs';
import { listReports } from './files.mjs';
import { load1, startProfile, typingSpot } from './profile.mjs';
import { shippedNodeArgs } from './server-options.mjs';

const args = {
  sessionKb: 50,
  ...readArgs(process.argv.slice(2), { '--sessions': 50, '--draft-kb': 1024, '--runs': 3, '--edits': 0, '--rounds': 2, '--profile': null, '--findings': null, '--child': null }, 'dirs'),
};

async function workspace() {
  const { writeWorkspace } = await import('./workspace.mjs');
  const dir = join((await import('node:os')).tmpdir(), `policy-report-bench-${args.sessions}x${args.sessionKb}`);
  const w = writeWorkspace(dir, { sessions: args.sessions, sessionKb: args.sessionKb, draftKbs: [100, args.draftKb], seed: 1 });
  const file = join(dir, `du-thao-${args.draftKb}kb.report.md`);
  writeFileSync(file, w.drafts[args.draftKb]);
  return { dir, file };
}

/** Bytes V8 allocated while `f` ran: the heap's growth plus what each collection freed. */
function allocated(f) {
  const gc = new v8.GCProfiler();
  const before = v8.getHeapStatistics().used_heap_size;
  gc.start();
  const t = performance.now();
  const cpu = process.cpuUsage();
  f();
  const c = process.cpuUsage(cpu);
  const ms = performance.now() - t;
  const after = v8.getHeapStatistics().used_heap_size;
  const { statistics } = gc.stop();
  let freed = 0;
  let gcMs = 0;
  for (const s of statistics) {
    freed += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize;
    gcMs += s.cost / 1000;
  }
  return { ms, cpuMs: (c.user + c.system) / 1000, mb: (after - before + freed) / 1048576, gcs: statistics.length, gcMs };
}

async function child(dir, ws) {
  const core = createRequire(import.meta.url)(join(dir, 'core.js'));
  const files = new core.InMemoryWorkspace();
  // As the bench's loadService: every report of the folder, the drafts too.
  for (const f of listReports(ws.dir)) files.files.set(pathToFileURL(f).toString(), readFileSync(f, 'utf8'));
  const uri = pathToFileURL(join(ws.dir, '.policy-report/indicators.yaml')).toString();
  files.files.set(uri, readFileSync(join(ws.dir, '.policy-report/indicators.yaml'), 'utf8'));
  const service = new core.LanguageService({ workspace: files, folders: [pathToFileURL(ws.dir).toString()], lang: 'vi' });
  await service.reloadCatalog();
  await service.indexWorkspace();
  const live = () => {
    if (!global.gc) return NaN;
    global.gc();
    global.gc();
    return v8.getHeapStatistics().used_heap_size / 1048576;
  };
  const liveAfterIndexMb = live();
  const draftUri = pathToFileURL(ws.file).toString();
  const text = readFileSync(ws.file, 'utf8');
  const out = { build: dir, load1: [load1()], checks: [] };
  // (a heap profile: every allocation sampled, the garbage too: what the checks allocate, not what they keep)
  const heap = args.profile?.endsWith('heap');
  const profiler = args.profile ? await startProfile({ heap, intervalUs: 500 }) : null;
  let findings;
  for (let i = 0; i < args.runs; i++) {
    core.clearContentCaches();
    out.checks.push(allocated(() => (findings = service.check(draftUri, text, 1000 + i))));
  }
  if (profiler) await profiler.stop(heap ? `${args.profile}profile` : args.profile);
  // The rules alone but the detector's (`unmarked-indicator`), on the last check's analysis: CPU
  // time and bytes allocated, median of 5, the content caches emptied before each.
  const analysis = service.analysis(draftUri, text, 1000 + args.runs - 1);
  const rulesOnly = [];
  for (let i = 0; i < 5; i++) {
    core.clearContentCaches();
    rulesOnly.push(allocated(() => {
      for (const rule of core.rules) if (rule.meta.id !== 'unmarked-indicator') rule.check(analysis, () => {});
    }));
  }
  const mid = (xs) => xs.sort((a, b) => a - b)[xs.length >> 1];
  out.rules = { cpuMs: mid(rulesOnly.map((r) => r.cpuMs)), allocMb: mid(rulesOnly.map((r) => r.mb)) };
  out.load1.push(load1());
  out.findings = findings.length;
  if (args.findings) writeFileSync(`${args.findings}`, JSON.stringify(findings));
  // `--edits`: keystrokes in a prose sentence near the middle (each a new version, checked), as an
  // editor's; then the live heap says what the versions before left behind.
  const live0 = live();
  let current = text;
  const at = typingSpot(current);
  const editMs = [];
  for (let i = 0; i < args.edits; i++) {
    current = current.slice(0, at + i) + 'x' + current.slice(at + i);
    const t = performance.now();
    findings = service.check(draftUri, current, 2000 + i);
    editMs.push(performance.now() - t);
  }
  if (args.edits) {
    out.editMs = editMs;
    out.liveMb = { index: liveAfterIndexMb, checked: live0, edited: live() };
  }
  // The live heap: after the index; after the checks (the draft's analysis and findings, the content
  // caches); with the content caches emptied; with the draft forgotten too (its history document stays).
  out.liveMb ??= { index: liveAfterIndexMb, checked: live0 };
  core.clearContentCaches();
  out.liveMb.noCaches = live();
  service.forget(draftUri, current);
  out.liveMb.forgotten = live();
  out.maxRssMb = process.resourceUsage().maxRSS / 1024;
  return out;
}

const r2 = (x) => Math.round(x * 10) / 10;

if (args.child) {
  const ws = JSON.parse(args.child);
  const out = await child(args.dirs[0], ws);
  process.stdout.write(JSON.stringify(out) + '\n');
} else {
  const ws = await workspace();
  for (let round = 0; round < args.rounds; round++) {
    for (const [k, dir] of args.dirs.entries()) {
      const extra = [];
      if (args.findings) extra.push('--findings', `${args.findings}.${k}`);
      if (args.profile) extra.push('--profile', `${args.profile}.${k}.${round}.${args.profile.endsWith('heap') ? 'heap' : 'cpuprofile'}`);
      // The server's node options, as the extension starts it (client/src/server-options.ts).
      const r = spawnSync(process.execPath, [...shippedNodeArgs(), '--expose-gc', new URL(import.meta.url).pathname, '--child', JSON.stringify(ws), '--runs', String(args.runs), '--edits', String(args.edits), ...extra, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) {
        process.stderr.write(r.stderr);
        process.exit(1);
      }
      const o = JSON.parse(r.stdout.trim().split('\n').pop());
      const ms = o.checks.map((c) => c.ms).sort((a, b) => a - b);
      process.stdout.write(JSON.stringify({
        round, build: k, dir, check_ms_median: r2(ms[ms.length >> 1]), checks: o.checks.map((c) => ({ ms: r2(c.ms), cpuMs: r2(c.cpuMs), allocMb: r2(c.mb), gcs: c.gcs, gcMs: r2(c.gcMs) })),
        ...(o.editMs ? { edit_ms_median: r2(o.editMs.sort((a, b) => a - b)[o.editMs.length >> 1]) } : {}),
        rules_cpu_ms: r2(o.rules.cpuMs), rules_alloc_mb: r2(o.rules.allocMb),
        findings: o.findings, liveMb: Object.fromEntries(Object.entries(o.liveMb).map(([k, v]) => [k, r2(v)])), maxRssMb: r2(o.maxRssMb), load1: o.load1,
      }) + '\n');
    }
  }
}
