// The history's reading of the bench's sessions (core/indexed.ts readForHistory, the index worker's
// work per report), several core bundles in ONE process, alternated report by report (the load of a
// shared machine falls on every build alike):
//   node bench/read-alternated.mjs [--sessions 200] [--passes 6] DIR_A DIR_B …
// Each DIR is a core bundle (bench/build.mjs). Each pass reads every report once with every build, in
// a rotating order, the readings memo forgotten after the pass (as after an index). Per build: the
// main thread's CPU of each pass (ms; Linux: /proc's schedstat, in nanoseconds; V8's helper threads
// left out), and the sum over reports of each report's cheapest read over the passes after the first
// ("floor": a warm reading's cost with the noise of a loaded machine mostly filtered out), with load1. The first pass is a fresh isolate's, JIT warm-up included, but its builds
// share one process and warm each other's common code (markdown-it's): cold-read.mjs for a cold figure.
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readArgs } from './args.mjs';
import { listReports } from './files.mjs';
import { load1 } from './profile.mjs';
import { writeWorkspace } from './workspace.mjs';

const args = readArgs(process.argv.slice(2), { '--sessions': 200, '--passes': 6 }, 'dirs');
const ws = join(tmpdir(), `policy-report-bench-${args.sessions}x50`);
writeWorkspace(ws, { sessions: args.sessions, sessionKb: 50, draftKbs: [100], seed: 1 });
const files = listReports(ws)
  .filter((f) => !/du-thao-/.test(f))
  .sort((a, b) => statSync(b).size - statSync(a).size);
const texts = files.map((f) => [pathToFileURL(f).toString(), readFileSync(f, 'utf8')]);
const require = createRequire(import.meta.url);
const builds = args.dirs.map((dir) => ({ dir, core: require(join(dir, 'core.js')), passes: [], best: new Array(texts.length).fill(Infinity) }));
const loads = [load1()];
// The main thread's CPU time (ms), to the nanosecond: schedstat's first field.
const stat = `/proc/self/task/${process.pid}/schedstat`;
const cpuMs = () => Number(readFileSync(stat, 'latin1').split(' ')[0]) / 1e6;
for (let p = 0; p < args.passes; p++) {
  const spent = builds.map(() => 0);
  for (let i = 0; i < texts.length; i++) {
    for (let j = 0; j < builds.length; j++) {
      const b = (i + p + j) % builds.length;
      const t0 = cpuMs();
      builds[b].core.readForHistory(texts[i][0], texts[i][1]);
      const ms = cpuMs() - t0;
      spent[b] += ms;
      if (p > 0 && ms < builds[b].best[i]) builds[b].best[i] = ms;
    }
  }
  builds.forEach((b, k) => {
    b.core.forgetHistoryReadings();
    b.passes.push(Math.round(spent[k]));
  });
  loads.push(load1());
}
for (const b of builds) {
  const floor = args.passes > 1 ? Math.round(b.best.reduce((s, x) => s + x, 0)) : null;
  process.stdout.write(JSON.stringify({ dir: b.dir, reports: texts.length, passes: b.passes, floor, load1: loads }) + '\n');
}
