// The first index's reading alone, in process: the CPU a fresh isolate spends reading the bench's
// sessions for the history (core/indexed.ts readForHistory, the index worker's work per report),
// several core bundles alternated run by run, each run a fresh node process (the JIT's warm-up
// included, as in the worker):
//   node bench/cold-read.mjs [--sessions 200] [--runs 5] [--passes 1] [--prof DIR] DIR_A [DIR_B …]
// Each DIR is a core bundle (bench/build.mjs). Each run reads the reports largest first (the
// worker's order), with the worker's young generation (16 MB semi-spaces) and its full collection
// every 24 MB of old-generation growth (lsp/collect.ts GrowthCollector; env COLD_READ_SLACK_MB
// another slack). The process's RSS at its highest (read after every 10th report) is printed too. One JSON line per run:
// the build, the process's CPU (ms, V8's threads included), the main thread's alone and wall time of each pass, a hash of
// every record's saved form with --hash (an untimed pass after: the same for builds that read
// alike) and load1. --prof DIR: a
// --cpu-prof of each run's whole process written into DIR.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readArgs } from './args.mjs';
import { listReports } from './files.mjs';
import { load1 } from './profile.mjs';

const child = process.env.COLD_READ_CHILD;
if (child) {
  const { dir, files, passes, hash: hashing } = JSON.parse(child);
  const texts = files.map((f) => [pathToFileURL(f).toString(), readFileSync(f, 'utf8')]);
  const core = createRequire(import.meta.url)(join(dir, 'core.js'));
  const out = { cpu: [], main: [], wall: [] };
  // The main thread's own CPU (ms; Linux: /proc, in clock ticks of 10 ms), without V8's helper threads (concurrent marking, compiling).
  const mainCpu = () => {
    try {
      const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(f[11]) + Number(f[12])) * 10;
    } catch {
      return NaN;
    }
  };
  for (let p = 0; p < passes; p++) {
    const heap = new core.GrowthCollector(Number(process.env.COLD_READ_SLACK_MB) || 24);
    const c0 = process.cpuUsage();
    const m0 = mainCpu();
    const t0 = performance.now();
    let peak = 0;
    for (let i = 0; i < texts.length; i++) {
      core.readForHistory(texts[i][0], texts[i][1]);
      // (RSS every 10th report, before its collection: each read costs a read of /proc)
      if (i % 10 === 0) peak = Math.max(peak, process.memoryUsage.rss());
      heap.between();
    }
    out.rssPeakMb = Math.round(peak / 1048576);
    core.forgetHistoryReadings();
    const c = process.cpuUsage(c0);
    out.wall.push(Math.round(performance.now() - t0));
    out.cpu.push(Math.round((c.user + c.system) / 1000));
    out.main.push(mainCpu() - m0);
    out.collections = heap.collections;
  }
  // Each thread's CPU (ms, largest first; the main thread's first): where the process's CPU went.
  try {
    const of = (t) => {
      const f = readFileSync(`/proc/self/task/${t}/stat`, 'utf8').split(') ')[1].split(' ');
      return (Number(f[11]) + Number(f[12])) * 10;
    };
    out.threads = readdirSync('/proc/self/task').filter((t) => t !== String(process.pid)).map(of).filter((ms) => ms > 0).sort((a, b) => b - a);
    out.threads.unshift(of(process.pid));
  } catch {}
  if (hashing) {
    // (after the timed passes: the records' saved forms, hashed)
    const hash = createHash('sha256');
    for (const [uri, text] of texts) hash.update(JSON.stringify(core.readForHistory(uri, text).saved));
    out.hash = hash.digest('hex').slice(0, 16);
  }
  process.stdout.write(JSON.stringify(out) + '\n');
} else {
  const args = readArgs(process.argv.slice(2), { '--sessions': 200, '--runs': 5, '--passes': 1, '--prof': '', '--hash': false }, 'dirs');
  const { writeWorkspace } = await import('./workspace.mjs');
  const ws = join(tmpdir(), `policy-report-bench-${args.sessions}x50`);
  writeWorkspace(ws, { sessions: args.sessions, sessionKb: 50, draftKbs: [100], seed: 1 });
  const files = listReports(ws)
    .filter((f) => !/du-thao-/.test(f))
    .sort((a, b) => statSync(b).size - statSync(a).size);
  for (let run = 0; run < args.runs; run++) {
    for (let j = 0; j < args.dirs.length; j++) {
      const dir = args.dirs[(run + j) % args.dirs.length];
      const flags = ['--max-semi-space-size=16', '--expose-gc'];
      if (args.prof) flags.push('--cpu-prof', `--cpu-prof-dir=${args.prof}`, `--cpu-prof-name=${dir.replace(/\W+/g, '_')}-${run}.cpuprofile`, '--cpu-prof-interval=200');
      const before = load1();
      const o = JSON.parse(execFileSync(process.execPath, [...flags, new URL(import.meta.url).pathname], { env: { ...process.env, COLD_READ_CHILD: JSON.stringify({ dir, files, passes: args.passes, hash: args.hash }) }, maxBuffer: 1 << 24 }).toString());
      process.stdout.write(JSON.stringify({ run, dir, reports: files.length, ...o, load1: [before, load1()] }) + '\n');
    }
  }
}
