// The first figure keystroke after prose typing (issue #15: round 26 saw ~88 ms of main-thread CPU
// there), in process: the 100 KB draft indexed and checked, `--prose` prose keystrokes where
// bench/run.mjs types, then `--figures` keystrokes of a bound table value's digit, typed and typed
// back (as bench/run.mjs typeFigure). One JSON line per build: each figure keystroke's wall ms, the
// process's CPU ms (V8's compiler and marking threads included) and the main thread's, its collections,
// load1. `--profile F`: CPU profiles of the first two figure keystrokes (F.<k>.cpuprofile.<i>).
//   node --expose-gc bench/first-figure.mjs [--sessions 200] [--prose 50] [--figures 6] [--profile F] DIR …
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { readArgs } from './args.mjs';
import { indexedService, load1, startProfile, typingSpot } from './profile.mjs';
import { shippedNodeArgs } from './server-options.mjs';

const args = readArgs(process.argv.slice(2), { '--sessions': 200, '--prose': 50, '--figures': 6, '--profile': null, '--child': null }, 'dirs');
const r1 = (x) => Math.round(x * 10) / 10;
/** The main thread's CPU so far (ms): process.cpuUsage counts V8's helper threads too. */
const mainCpu = () => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
const TYPED = ' trong toàn hệ thống chính trị, từ trung ương đến cơ sở';

async function child(dir, wsDir) {
  const { service } = await indexedService(dir, wsDir);
  const file = join(wsDir, 'du-thao-100kb.report.md');
  const uri = pathToFileURL(file).toString();
  let text = readFileSync(file, 'utf8');
  let v = 1;
  service.check(uri, text, v++);
  const at = typingSpot(text);
  for (let i = 0; i < args.prose; i++) {
    text = text.slice(0, at + i) + TYPED[i % TYPED.length] + text.slice(at + i);
    service.check(uri, text, v++);
  }
  const rows = [...text.matchAll(/^\| \[\[Tỷ lệ [^\]]*\]\] \| [^|]+ \| \d+,\d%/gm)];
  const row = rows[Math.floor(rows.length / 2)];
  const spot = row.index + row[0].length - 2;
  const original = text[spot];
  const out = { build: dir, load1: [load1()], cpu_ms: [], wall_ms: [] };
  global.gc?.();
  for (let i = 0; i < args.figures; i++) {
    text = text.slice(0, spot) + (i % 2 === 0 ? String((Number(original) + 5) % 10) : original) + text.slice(spot + 1);
    const prof = i < 2 && args.profile ? await startProfile({ intervalUs: 100 }) : null;
    const g = new v8.GCProfiler();
    g.start();
    const m0 = mainCpu();
    const c0 = process.cpuUsage();
    const t = performance.now();
    service.check(uri, text, v++);
    const c = process.cpuUsage(c0);
    (out.main_cpu_ms ??= []).push(r1(mainCpu() - m0));
    (out.gc ??= []).push(g.stop().statistics.map((x) => `${x.gcType}:${r1(x.cost / 1000)}`).join(','));
    out.wall_ms.push(r1(performance.now() - t));
    out.cpu_ms.push(r1((c.user + c.system) / 1000));
    if (prof) await prof.stop(`${args.profile}.${i}`);
  }
  out.load1.push(load1());
  return out;
}

if (args.child) process.stdout.write(JSON.stringify(await child(args.dirs[0], args.child)) + '\n');
else {
  const { writeWorkspace } = await import('./workspace.mjs');
  const wsDir = join(tmpdir(), `policy-report-bench-${args.sessions}x50`);
  const w = writeWorkspace(wsDir, { sessions: args.sessions, sessionKb: 50, draftKbs: [100], seed: 1 });
  writeFileSync(join(wsDir, 'du-thao-100kb.report.md'), w.drafts[100]);
  for (const [k, dir] of args.dirs.entries()) {
    const extra = args.profile ? ['--profile', `${args.profile}.${k}.cpuprofile`] : [];
    const r = spawnSync(process.execPath, [...shippedNodeArgs(), '--expose-gc', new URL(import.meta.url).pathname, '--child', wsDir, '--sessions', String(args.sessions), '--prose', String(args.prose), '--figures', String(args.figures), ...extra, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`${dir}: ${r.stderr}`);
    process.stdout.write(r.stdout);
  }
}
