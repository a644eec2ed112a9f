// The server's resident memory over a session, phase by phase, for the RSS budget of issue #15:
//   node bench/memory.mjs [--sessions 200] [--edits 30] [--edits-100kb 200] [--rounds N]
//                         [--node-args "..." [--node-args "..."]] SERVER_JS [SERVER_JS …]
// Each SERVER_JS (`node bench/build.mjs DIR` → DIR/server.js; an earlier commit's for "before") is
// started over stdio as the bench starts it (client/src/server-options.ts), on the same generated
// workspace, the builds alternated when several are given. Phases: the first index (empty storage)
// with the 100 KB draft open, the 1 MB draft opened, `--edits` prose keystrokes in it, closed, then
// `--edits` keystrokes in the 100 KB draft (`--index-only`: the first index alone). /proc's VmRSS is
// sampled every 50 ms (the server's event loop may be busy; /proc is not); at each phase's end one
// JSON line: the peak RSS of the phase, the process's peak so far (VmHWM), the CPU time the server
// has used so far (every thread: less sensitive to the machine's load than wall time), the server's
// heap figures (policyReport/memory, no collection), and load1; the index's line the server's own
// figure for it (index_ms); a typing phase also the keystrokes' latency (didChange → its
// diagnostics: p50, p99, max),
// measured as bench/run.mjs does. The last line: the live heap after a full collection. Several
// `--node-args` (each a set of the server's node options): every build runs with every set, the
// pairs alternated round after round, so that a young-generation setting is measured against
// another in the same run, its peak RSS beside its keystroke latency. `--trace FILE`: each
// session's memory timeline, thread by thread (bench/mem-trace.cjs preloaded in the server and its
// index worker), written to FILE.N.jsonl (N: the session's number), the phases' ends marked in it.
// `--history-edit`: after those phases, as bench/run.mjs: 50 figure keystrokes in the 100 KB draft,
// then the latest session opened, 20 edits of a value the draft states too, closed.
// A `--node-args` word NAME=VALUE is no node option but the server's environment (malloc's settings:
// client/src/server-options.ts SERVER_ENV); the shipped set has SERVER_ENV's.
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { readArgs } from './args.mjs';
import { listReports } from './files.mjs';
import { BenchClient } from './lsp.mjs';
import { load1, p50, p99, typingSpot } from './profile.mjs';
import { shippedEnv, shippedNodeArgs } from './server-options.mjs';
import { writeWorkspace } from './workspace.mjs';

// `--node-args` replaces the default (the server's own options, client/src/server-options.ts); repeatable.
const args = { sessionKb: 50, ...readArgs(process.argv.slice(2), { '--sessions': 200, '--edits': 30, '--edits-100kb': null, '--rounds': 1, '--node-args': [], '--trace': null, '--index-only': false, '--history-edit': false }, 'servers') };

if (!args.nodeArgs.length) args.nodeArgs.push([...shippedNodeArgs(), ...Object.entries(shippedEnv()).map(([k, v]) => `${k}=${v}`)]);
const editsSmall = args.edits100kb === null ? args.edits : Number(args.edits100kb);

/** The CPU time (user + system, every thread) the process `pid` has used so far, in seconds (Linux /proc). */
function cpuSeconds(pid) {
  try {
    // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / 100;
  } catch {
    return NaN;
  }
}

/** The process's resident set by kind (Linux smaps_rollup, MB): anonymous (heaps, malloc) and file-backed (the binary, libraries), and its thread count. */
function residentKinds(pid) {
  try {
    const roll = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
    const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(roll)?.[1] ?? NaN);
    const threads = Number(/^Threads:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
    return { anon_mb: r1(kb('Anonymous') / 1024), file_mb: r1((kb('Rss') - kb('Anonymous')) / 1024), threads };
  } catch {
    return {};
  }
}

const r1 = (x) => (typeof x === 'number' ? Math.round(x * 10) / 10 : x);

function draftFile(dir, kb, text) {
  const file = join(dir, `du-thao-${kb}kb.report.md`);
  writeFileSync(file, text);
  return { uri: pathToFileURL(file).toString(), text };
}

/** Where a prose keystroke goes (profile.mjs typingSpot), as a position. */
function spot(text) {
  const offset = typingSpot(text);
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/** `n` prose keystrokes, each after the last one's diagnostics; their latencies (ms). */
async function type(client, doc, state, n) {
  const at = spot(doc.text);
  const times = [];
  for (let i = 0; i < n; i++) {
    const version = ++state.version;
    const got = client.next(doc.uri, (p) => p.version === version, 600000);
    const pos = { line: at.line, character: at.character + state.typed++ };
    const t = performance.now();
    await client.edit(doc.uri, version, { start: pos, end: pos }, 'x');
    times.push((await got).at - t);
  }
  return times;
}

/** As bench/run.mjs: the median and the 99th percentile. */
const latency = (xs) => (xs.length ? { keystroke_p50_ms: r1(p50(xs)), keystroke_p99_ms: r1(p99(xs)), keystroke_max_ms: r1(Math.max(...xs)) } : {});

let sessions = 0;
async function session(serverJs, nodeArgs, ws) {
  const trace = args.trace && `${args.trace}.${++sessions}.jsonl`;
  if (trace) {
    rmSync(trace, { force: true });
    process.env.MEM_TRACE_FILE = trace;
  }
  const preload = trace ? ['--require', fileURLToPath(new URL('./mem-trace.cjs', import.meta.url))] : [];
  const isEnv = (a) => /^[A-Z_][A-Z0-9_]*=/.test(a);
  const env = { ...process.env, ...Object.fromEntries(nodeArgs.filter(isEnv).map((a) => [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)])) };
  const client = new BenchClient([process.execPath, ...nodeArgs.filter((a) => !isEnv(a)), ...preload, serverJs, '--stdio'], { debounceMs: 0, language: 'vi' }, env);
  let phasePeak = 0;
  const sampler = setInterval(() => {
    const m = client.memory();
    if (m.rss > phasePeak) phasePeak = m.rss;
  }, 50);
  const t0 = performance.now();
  const phase = async (name, times = [], extra = {}) => {
    const m = client.memory();
    const h = (await client.serverMemory(false)) ?? {};
    const o = { build: serverJs, node_args: nodeArgs.join(' '), phase: name, at_s: r1((performance.now() - t0) / 1000), phase_peak_rss_mb: r1(Math.max(phasePeak, m.rss)), hwm_mb: r1(m.hwm), rss_mb: r1(m.rss), cpu_s: cpuSeconds(client.child.pid), ...residentKinds(client.child.pid) };
    for (const k of ['heapUsedMb', 'heapTotalMb', 'externalMb', 'arrayBuffersMb', 'mallocedMb', 'new_spaceSizeMb', 'old_spaceUsedMb', 'old_spaceSizeMb', 'large_object_spaceSizeMb', 'code_spaceSizeMb', 'checkCollections', 'checkCollectMs']) if (k in h) o[k] = r1(h[k]);
    Object.assign(o, extra, latency(times));
    o.load1 = load1();
    process.stdout.write(JSON.stringify(o) + '\n');
    if (trace) appendFileSync(trace, JSON.stringify({ t_ms: Math.round(performance.now() - t0), thread: 'bench', event: `end ${name}`, phase_peak_rss_mb: o.phase_peak_rss_mb }) + '\n');
    phasePeak = 0;
  };
  const storage = join(tmpdir(), `policy-report-memory-storage-${process.pid}`);
  rmSync(storage, { recursive: true, force: true });
  const indexed = client.nextLog(/^policy-report: history of \d+ sessions/);
  await client.initialize(ws.uri, { storagePath: storage });
  const first = client.next(ws.small.uri, () => true, 600000);
  await client.open(ws.small.uri, ws.small.text, 1);
  await first;
  // The server's own figure for the first index ("… in N ms").
  const indexMs = Number(/ in (\d+) ms/.exec((await indexed).message)?.[1]);
  await phase('index', [], { index_ms: indexMs });
  if (!args.indexOnly) await drafts(client, phase);
  const live = (await client.serverMemory(true)) ?? {};
  process.stdout.write(JSON.stringify({ build: serverJs, node_args: nodeArgs.join(' '), phase: 'end_live', hwm_mb: r1(client.memory().hwm), heap_live_mb: r1(live.heapUsedMb), rss_mb: r1(live.rssMb), external_mb: r1(live.externalMb), array_buffers_mb: r1(live.arrayBuffersMb), ...residentKinds(client.child.pid), load1: load1() }) + '\n');
  clearInterval(sampler);
  await client.stop();
  rmSync(storage, { recursive: true, force: true });
}

/** The phases after the first index: the 1 MB draft opened, typed in, closed; typing in the 100 KB draft. */
async function drafts(client, phase) {
  const small = { version: 1, typed: 0 };
  const big = { version: 1, typed: 0 };
  const opened = client.next(ws.big.uri, (p) => p.version === 1, 600000);
  await client.open(ws.big.uri, ws.big.text, 1);
  await opened;
  await phase('open_1mb');
  await phase('keystrokes_1mb', await type(client, ws.big, big, args.edits));
  const closed = client.nextClosed(ws.big.uri, 600000);
  await client.close(ws.big.uri);
  await closed;
  await phase('close_1mb');
  await phase('keystrokes_100kb', await type(client, ws.small, small, editsSmall));
  if (args.historyEdit) {
    await phase('keystrokes_figure', await typeFigure(client, ws.small, small, 50));
    await phase('history_edit', await editHistory(client, 20));
    await new Promise((r) => setTimeout(r, 1000));
    await phase('history_closed');
  }
}

/** As bench/run.mjs typeFigure: the last digit of a ratio row's value, changed and back. */
async function typeFigure(client, doc, state, n) {
  const lines = doc.text.split('\n');
  const lineNo = lines.map((l, i) => [l, i]).filter(([l]) => /^\| \[\[Tỷ lệ [^\]]*\]\] \| [^|]+ \| \d+,\d%/.test(l));
  const [line, at] = lineNo[Math.floor(lineNo.length / 2)];
  const character = line.indexOf('%') - 1;
  const original = line[character];
  const times = [];
  for (let i = 0; i < n; i++) {
    const digit = i % 2 === 0 ? String((Number(original) + 5) % 10) : original;
    const version = ++state.version;
    const got = client.next(doc.uri, (p) => p.version === version, 600000);
    const t = performance.now();
    await client.edit(doc.uri, version, { start: { line: at, character }, end: { line: at, character: character + 1 } }, digit);
    times.push((await got).at - t);
  }
  return times;
}

/** As bench/run.mjs editHistory (without its check of the findings): the latest session open, a ratio row the draft states too changed and back, `n` times; then closed. */
async function editHistory(client, n) {
  const files = listReports(join(dir, 'phien'));
  const file = files[files.length - 1];
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).toString();
  const lines = text.split('\n');
  let target = null;
  for (let i = 0; i < lines.length && !target; i++) {
    const m = /^(\| \[\[(Tỷ lệ [^\]@]*)\]\] \| ([^|]+?) \| )(\d+,\d%)/.exec(lines[i]);
    if (m && ws.small.text.includes(m[1])) target = { line: i, character: m[1].length, value: m[4] };
  }
  if (!target) throw new Error('no shared row between the latest session and the draft');
  let version = 1;
  const opened = client.next(uri, () => true, 600000);
  await client.open(uri, text, version);
  await opened;
  const times = [];
  let value = target.value;
  for (let i = 0; i < n; i++) {
    const next = i % 2 === 0 ? '1,0%' : target.value;
    const got = client.next(ws.small.uri, () => true, 600000);
    const t = performance.now();
    await client.edit(uri, ++version, { start: { line: target.line, character: target.character }, end: { line: target.line, character: target.character + value.length } }, next);
    times.push((await got).at - t);
    value = next;
  }
  client.close(uri);
  return times;
}

const dir = join(tmpdir(), `policy-report-bench-${args.sessions}x${args.sessionKb}`);
const w = writeWorkspace(dir, { sessions: args.sessions, sessionKb: args.sessionKb, draftKbs: [100, 1024], seed: 1 });
const ws = { uri: pathToFileURL(dir).toString(), small: draftFile(dir, 100, w.drafts[100]), big: draftFile(dir, 1024, w.drafts[1024]) };
for (let round = 0; round < args.rounds; round++) for (const s of args.servers) for (const a of args.nodeArgs) await session(s, a, ws);
