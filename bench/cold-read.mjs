// The first index's reading CPU in process (issue 15): a fresh process reads every session of the
// bench workspace (200 sessions of 50 KB by default) straight to its saved form
// (core/indexed.ts readForHistory, what the index's worker does per report), and prints the
// reading's CPU (process.cpuUsage around it, best of the runs), the first report's and the rest's,
// the load beside it, and a digest of the saved forms (a change to the reading must keep it).
//   node bench/cold-read.mjs [--bundle out-bench/core.js] [--sessions 200] [--runs 3] [--prof DIR]
// `--prof DIR` passes --cpu-prof to the child; `--deopt` counts --trace-deopt's lines by function.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const arg = (k, d) => (process.argv.includes(k) ? process.argv[process.argv.indexOf(k) + 1] : d);
const load1 = () => Math.round(loadavg()[0] * 10) / 10;

if (process.argv[2] === '--child') {
  const [, , , bundle, dir] = process.argv;
  const t0 = process.cpuUsage();
  const { readForHistory } = createRequire(import.meta.url)(resolve(bundle));
  const loaded = process.cpuUsage(t0);
  const files = readdirSync(join(dir, 'phien')).sort().map((f) => join(dir, 'phien', f));
  const texts = files.map((f) => readFileSync(f, 'utf8'));
  const digest = createHash('sha256');
  const cpu = (u) => (u.user + u.system) / 1000;
  let first = 0;
  const s = process.cpuUsage();
  const w = performance.now();
  texts.forEach((text, i) => {
    const c = process.cpuUsage();
    const r = readForHistory(`file://${files[i]}`, text);
    if (i === 0) first = cpu(process.cpuUsage(c));
    digest.update(JSON.stringify(r.saved));
  });
  const all = cpu(process.cpuUsage(s));
  process.stdout.write(JSON.stringify({ load_ms: cpu(loaded), read_cpu_ms: Math.round(all), first_cpu_ms: Math.round(first), rest_cpu_ms: Math.round(all - first), wall_ms: Math.round(performance.now() - w), digest: digest.digest('hex').slice(0, 16) }) + '\n');
} else {
  const { writeWorkspace } = await import('./workspace.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'cold-read-'));
  const sessions = Number(arg('--sessions', 200));
  writeWorkspace(join(dir, 'ws'), { sessions, sessionKb: 50, draftKbs: [], seed: 1 });
  const bundles = (arg('--bundle', 'out-bench/core.js')).split(',');
  const runs = Number(arg('--runs', 3));
  // As the index's worker: a young generation of 192 MB (lsp/worker-heap.ts), 64 MB semi-spaces.
  const flags = ['--max-semi-space-size=64'];
  if (arg('--prof')) flags.push('--cpu-prof', `--cpu-prof-dir=${arg('--prof')}`);
  const results = Object.fromEntries(bundles.map((b) => [b, []]));
  for (let r = 0; r < runs; r++) {
    for (const b of bundles) {
      const out = JSON.parse(execFileSync(process.execPath, [...flags, new URL(import.meta.url).pathname, '--child', b, join(dir, 'ws')], { encoding: 'utf8', maxBuffer: 1 << 26 }));
      results[b].push(out);
      console.log(JSON.stringify({ bundle: b, run: r, load1: load1(), ...out }));
    }
  }
  for (const b of bundles) {
    const best = results[b].reduce((x, y) => (y.read_cpu_ms < x.read_cpu_ms ? y : x));
    console.log(JSON.stringify({ bundle: b, best_read_cpu_ms: best.read_cpu_ms, best_first_cpu_ms: Math.min(...results[b].map((x) => x.first_cpu_ms)), best_rest_cpu_ms: Math.min(...results[b].map((x) => x.rest_cpu_ms)), digests: [...new Set(results[b].map((x) => x.digest))], load1: load1() }));
  }
  if (process.argv.includes('--deopt')) {
    for (const b of bundles) {
      const text = execFileSync(process.execPath, [...flags, '--trace-deopt', new URL(import.meta.url).pathname, '--child', b, join(dir, 'ws')], { encoding: 'utf8', maxBuffer: 1 << 30 });
      const counts = {};
      for (const m of text.matchAll(/bailout \(kind: ([\w-]+)[^)]*\): begin\. deoptimizing 0x[0-9a-f]+ <JSFunction (\S+)/g)) counts[`${m[2]}`] = (counts[`${m[2]}`] ?? 0) + 1;
      const total = Object.values(counts).reduce((a, c) => a + c, 0);
      console.log(JSON.stringify({ bundle: b, deopts: total, top: Object.entries(counts).sort((x, y) => y[1] - x[1]).slice(0, 25) }));
    }
  }
  rmSync(dir, { recursive: true, force: true });
}
