// Prose keystrokes in the 100 KB draft, in process, for a before/after of `keystroke_p99_ms` in one run:
//   node bench/keystroke.mjs [--sessions 200] [--draft-kb 100] [--edits 200] [--rounds 2]
//       [--profile FILE] [--findings] [--figure] [--times] [--node-args "..." [--node-args "..."]] DIR_A [DIR_B …]
// Each DIR is a core bundle built by `node bench/build.mjs DIR` (an earlier commit's for "before").
// The builds' processes are alternated (A, B, A, B …, `--rounds` times), each on the same generated
// workspace, each with the server's node options (client/src/server-options.ts SERVER_NODE_OPTIONS): the
// index in process, the draft checked, then `--edits` prose keystrokes where the bench types
// (bench/run.mjs typingSpot), each a new version checked. One JSON line per process: the
// keystrokes' p50 / p99 / max (wall), their CPU time, bytes allocated per keystroke, the collections
// during them (scavenges, Mark-Compacts and their time), the live heap after, and load1.
// `--profile F`: a CPU profile of the keystrokes only (F ending in `heap`: a sampling allocation
// profile, garbage included). `--findings`: the findings after each keystroke, hashed, to compare builds.
// `--figure`: each keystroke a digit of a bound table value, typed and typed back (as bench/run.mjs
// typeFigure: the history changes each time) instead of prose; with `--fresh`, the last digit of one
// of 20 bound values in turn, each time to a digit it had not had, so that no version of the table
// repeats (the table is one chunk: typed and typed back, the second version is the chunk cache's). `--times`: every keystroke's wall time.
// `--node-args` (repeatable): node options in place of the shipped ones; every build runs with every set.
// `--per-rule`: each rule's check timed over the keystrokes (CPU ms per keystroke, rules_cpu_ms, the
// largest first; the checks' own timing adds a little to cpu_per_keystroke_ms).
// `--collect N`: the server's full collection (lsp/collect.ts collectGarbage, the held shapes passed) after
// every Nth keystroke, untimed; `--collect-slack MB`: instead, as lsp/sync.ts, one when the old generation
// grew by MB (48: a draft under 256 KB; 16: larger), following V8's own; V8's heap growing factor set as the
// server sets it after the index. Their count in `collections`; with `--node-args "... --log-deopt
// --logfile=v8.log"`, `typing_ms` (the keystrokes' span since the process's start) and `pid` find the
// deopts they cause in V8's log (docs/performance.md §3.7).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { readArgs } from './args.mjs';
import { draftWorkspace, indexedService, load1, p50, p99, startProfile, typingSpot } from './profile.mjs';
import { shippedNodeArgs } from './server-options.mjs';

const args = {
  sessionKb: 50,
  ...readArgs(process.argv.slice(2), { '--sessions': 200, '--draft-kb': 100, '--edits': 200, '--rounds': 2, '--profile': null, '--findings': false, '--figure': false, '--fresh': false, '--times': false, '--per-rule': false, '--collect': 0, '--collect-slack': 0, '--child': null, '--node-args': [] }, 'dirs'),
};

const r1 = (x) => Math.round(x * 10) / 10;

/**
 * The last digit of a bound ratio's table value near the middle of the draft (as bench/run.mjs
 * typeFigure), then of the 19 such values after it (fewer if the draft has fewer).
 */
function figureSpots(text) {
  const rows = [];
  const re = /^\| \[\[Tỷ lệ [^\]]*\]\] \| [^|]+ \| \d+,\d%/gm;
  for (let m; (m = re.exec(text)); ) rows.push(m.index + m[0].length - 2);
  if (!rows.length) throw new Error('no bound table value to type into');
  return rows.slice(Math.floor(rows.length / 2), Math.floor(rows.length / 2) + 20);
}

const TYPED = ' trong toàn hệ thống chính trị, từ trung ương đến cơ sở, với sự tham gia tích cực của người dân';

async function child(dir, ws) {
  const { core, service } = await indexedService(dir, ws.dir);
  const uri = pathToFileURL(ws.file).toString();
  let text = readFileSync(ws.file, 'utf8');
  service.check(uri, text, 1);
  const out = { build: dir, load1: [load1()] };
  const profiler = args.profile ? await startProfile({ heap: args.profile.endsWith('heap'), intervalUs: 250 }) : null;
  const spots = args.figure ? figureSpots(text) : [typingSpot(text)];
  const at = spots[0];
  const original = text[at];
  const ms = [];
  const hash = createHash('sha256');
  // `--per-rule`: each rule's check wrapped in a CPU counter (the bundle's rule objects: the service's own).
  const perRule = {};
  if (args.perRule) {
    for (const rule of core.rules) {
      const check = rule.check;
      const id = rule.meta.id;
      perRule[id] = 0;
      rule.check = function (...a) {
        const c0 = process.cpuUsage();
        try {
          return check.apply(this, a);
        } finally {
          const c = process.cpuUsage(c0);
          perRule[id] += (c.user + c.system) / 1000;
        }
      };
    }
  }
  const collector = args.collect || args.collectSlack ? new core.GrowthCollector(args.collectSlack, undefined, undefined, true) : null;
  if (collector) v8.setFlagsFromString('--heap-growing-percent=100');
  const gc = new v8.GCProfiler();
  const heap0 = v8.getHeapStatistics().used_heap_size;
  gc.start();
  const cpu0 = process.cpuUsage();
  const typing0 = performance.now();
  for (let i = 0; i < args.edits; i++) {
    if (args.figure && args.fresh) {
      const spot = spots[i % spots.length];
      const digit = String((Number(text[spot]) + 1) % 10);
      text = text.slice(0, spot) + digit + text.slice(spot + 1);
    } else if (args.figure) text = text.slice(0, at) + (i % 2 === 0 ? String((Number(original) + 5) % 10) : original) + text.slice(at + 1);
    else text = text.slice(0, at + i) + TYPED[i % TYPED.length] + text.slice(at + i);
    const t = performance.now();
    const findings = service.check(uri, text, 2 + i);
    ms.push(performance.now() - t);
    if (collector && (!args.collect || (i + 1) % args.collect === 0)) collector.between();
    if (args.findings) hash.update(JSON.stringify(findings));
  }
  const cpu = process.cpuUsage(cpu0);
  const heap1 = v8.getHeapStatistics().used_heap_size;
  const { statistics } = gc.stop();
  if (profiler) await profiler.stop(args.profile);
  let freed = 0;
  const kinds = {};
  for (const s of statistics) {
    freed += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize;
    const k = (kinds[s.gcType] ??= { n: 0, ms: 0 });
    k.n++;
    k.ms = r1(k.ms + s.cost / 1000);
  }
  out.load1.push(load1());
  Object.assign(out, {
    keystroke_p50_ms: r1(p50(ms)),
    keystroke_p99_ms: r1(p99(ms)),
    keystroke_max_ms: r1(Math.max(...ms)),
    cpu_per_keystroke_ms: r1((cpu.user + cpu.system) / 1000 / args.edits),
    alloc_per_keystroke_mb: r1((heap1 - heap0 + freed) / 1048576 / args.edits),
    gcs: kinds,
  });
  if (args.times) out.times_ms = ms.map(r1);
  if (collector) Object.assign(out, { collections: collector.collections, typing_ms: [Math.round(typing0), Math.round(performance.now())], pid: process.pid });
  if (args.perRule) {
    out.rules_cpu_ms = Object.fromEntries(
      Object.entries(perRule)
        .sort((a, b) => b[1] - a[1])
        .map(([id, c]) => [id, Math.round((c / args.edits) * 100) / 100]),
    );
  }
  if (args.findings) out.findings_sha256 = hash.digest('hex').slice(0, 16);
  if (global.gc) {
    global.gc();
    out.live_mb = r1(v8.getHeapStatistics().used_heap_size / 1048576);
  }
  out.max_rss_mb = r1(process.resourceUsage().maxRSS / 1024);
  return out;
}

if (args.child) {
  process.stdout.write(JSON.stringify(await child(args.dirs[0], JSON.parse(args.child))) + '\n');
} else {
  const ws = await draftWorkspace(args);
  const sets = args.nodeArgs.length ? args.nodeArgs : [shippedNodeArgs()];
  for (let round = 0; round < args.rounds; round++) {
    for (const [k, dir] of args.dirs.entries()) {
      for (const [j, node] of sets.entries()) {
        const extra = [];
        if (args.findings) extra.push('--findings');
        if (args.figure) extra.push('--figure');
        if (args.fresh) extra.push('--fresh');
        if (args.times) extra.push('--times');
        if (args.perRule) extra.push('--per-rule');
        if (args.collect) extra.push('--collect', String(args.collect));
        if (args.collectSlack) extra.push('--collect-slack', String(args.collectSlack));
        if (args.profile) extra.push('--profile', `${args.profile}.${k}.${j}.${round}.${args.profile.endsWith('heap') ? 'heap' : 'cpuprofile'}`);
        const r = spawnSync(process.execPath, [...node, '--expose-gc', new URL(import.meta.url).pathname, '--child', JSON.stringify(ws), '--sessions', String(args.sessions), '--edits', String(args.edits), ...extra, dir], { encoding: 'utf8', maxBuffer: 1 << 26 });
        if (r.status !== 0) throw new Error(`${dir}: ${r.stderr}`);
        const o = JSON.parse(r.stdout.trim().split('\n').pop());
        o.round = round + 1;
        o.node_args = node.join(' ');
        process.stdout.write(JSON.stringify(o) + '\n');
      }
    }
  }
}
