// The benchmark: `npm run bench [-- --sessions N --draft-kb K --big-kb K --edits N --scaling]`.
// Builds its own bundles into out-bench/, writes a synthetic workspace into a temp folder, and
// prints one JSON object per line: {"metric", "value", "unit", "peer"?, "ratio"?}. Progress goes to
// stderr. See docs/performance.md for the method and the figures.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { lint as markdownlint } from 'markdownlint/sync';
import { build, outDir, root } from './build.mjs';
import { BenchClient } from './lsp.mjs';
import { floorPass } from './floor.mjs';
import { listReports } from './files.mjs';
import { shippedEnv, shippedNodeArgs } from './server-options.mjs';
import { writeWorkspace } from './workspace.mjs';

// ---------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const a = { sessions: 200, sessionKb: 50, draftKb: 100, bigKb: 1024, edits: 200, scaling: false, keep: false, seed: 1, only: null, serverArgs: [], serverEnv: null, server: null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i];
    const v = () => Number(argv[++i]);
    if (k === '--sessions') a.sessions = v();
    else if (k === '--session-kb') a.sessionKb = v();
    else if (k === '--draft-kb') a.draftKb = v();
    else if (k === '--big-kb') a.bigKb = v();
    else if (k === '--edits') a.edits = v();
    else if (k === '--seed') a.seed = v();
    else if (k === '--scaling') a.scaling = true;
    else if (k === '--keep') a.keep = true;
    // Development: run some parts only, comma-separated (parsers, inprocess, stdio, cli).
    else if (k === '--only') a.only = argv[++i];
    // Node options for the server process added to the shipped ones (client/src/server-options.ts), e.g. "--max-semi-space-size=32" (a later one wins).
    else if (k === '--server-node-args') a.serverArgs = argv[++i].split(/\s+/).filter(Boolean);
    // The server's environment instead of the shipped SERVER_ENV (malloc's settings, client/src/server-options.ts):
    // "NAME=VALUE …", "" for none (an earlier build as it was started before SERVER_ENV).
    else if (k === '--server-env') a.serverEnv = Object.fromEntries(argv[++i].split(/\s+/).filter(Boolean).map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]));
    // Before/after: the stdio part against another build of the server (e.g. an earlier commit's
    // `node bench/build.mjs DIR`), on the same workspace.
    else if (k === '--server') a.server = argv[++i];
    else throw new Error(`unknown option ${k}`);
  }
  // The two drafts are two documents open at once: they must differ.
  if (a.draftKb === a.bigKb) throw new Error(`--draft-kb and --big-kb must differ (both ${a.draftKb})`);
  return a;
}

// ---------------------------------------------------------------------------------------------
// Output and statistics

const round = (x) => (Number.isFinite(x) ? Math.round(x * 100) / 100 : x);
/** The budgets of issue #15 (docs/performance.md): each line of these metrics says whether it is met. */
const BUDGETS = { cold_index_ms: 2000, first_diagnostics_cold_ms: 1000, server_rss_mb: 300, keystroke_p99_ms: 30, check_1mb_ms: 500 };
/**
 * One JSON line. `load1`: the machine's one-minute load average at that moment (2 cores here), to
 * read the figure against. `extra`: more fields (e.g. a note on what was measured).
 */
function emit(metric, value, unit, peer, extra = {}) {
  const o = { metric, value: round(value), unit };
  if (peer !== undefined) {
    o.peer = round(peer);
    o.ratio = round(value / peer);
  }
  if (metric in BUDGETS) {
    o.budget = BUDGETS[metric];
    o.met = value < BUDGETS[metric];
  }
  Object.assign(o, extra);
  o.load1 = round(loadavg()[0]);
  process.stdout.write(JSON.stringify(o) + '\n');
}
const log = (...m) => process.stderr.write(`[bench] ${m.join(' ')}\n`);
const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor((xs.length - 1) / 2)];
const p99 = (xs) => sorted(xs)[Math.max(0, Math.ceil(0.99 * xs.length) - 1)];

/** Median wall time of `f` over `runs` runs after `warmup` runs. */
function timeIt(f, runs = 5, warmup = 1) {
  for (let i = 0; i < warmup; i++) f(i);
  const t = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    f(warmup + i);
    t.push(performance.now() - s);
  }
  return median(t);
}

/** Offset → LSP position (UTF-16, which is what JS strings count). */
function positionAt(text, offset) {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

const require = createRequire(import.meta.url);

/** 10^8 additions: the machine's speed at the moment, to read the absolute figures against. */
function calibration() {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 1e8; i++) x += i % 7;
  if (x < 0) log('unreachable');
  return performance.now() - t;
}

// ---------------------------------------------------------------------------------------------
// The workspace

function makeWorkspace(args, sessions, draftKbs) {
  const dir = join(tmpdir(), `policy-report-bench-${sessions}x${args.sessionKb}`);
  const t = performance.now();
  const w = writeWorkspace(dir, { sessions, sessionKb: args.sessionKb, draftKbs, seed: args.seed });
  const drafts = {};
  for (const kb of draftKbs) {
    const file = join(dir, `du-thao-${kb}kb.report.md`);
    writeFileSync(file, w.drafts[kb]);
    drafts[kb] = { file, uri: pathToFileURL(file).toString(), text: w.drafts[kb] };
  }
  const bytes = w.files.reduce((n, f) => n + readFileSync(f).length, 0);
  log(`workspace ${dir}: ${sessions} sessions, ${(bytes / 1048576).toFixed(1)} MB, drafts ${draftKbs.join(', ')} KB (${Math.round(performance.now() - t)} ms)`);
  return { dir, uri: pathToFileURL(dir).toString(), drafts, bytes };
}

// ---------------------------------------------------------------------------------------------
// In process: the core against markdownlint on the same text, and the floor

async function loadService(core, ws) {
  const files = new core.InMemoryWorkspace();
  for (const f of listReports(ws.dir)) files.files.set(pathToFileURL(f).toString(), readFileSync(f, 'utf8'));
  files.files.set(`${ws.uri}/.policy-report/indicators.yaml`, readFileSync(join(ws.dir, '.policy-report/indicators.yaml'), 'utf8'));
  const service = new core.LanguageService({ workspace: files, folders: [ws.uri], lang: 'vi' });
  const t = performance.now();
  await service.reloadCatalog();
  await service.indexWorkspace();
  return { service, files, indexMs: performance.now() - t };
}

/**
 * Our first check of a draft (parse + resolve + every rule, history included) vs markdownlint's
 * lint. First: the core's content caches (core/caches.ts) are emptied before each run, as markdownlint
 * has none; what a re-check of a changed draft costs is the keystroke figure, over stdio.
 */
function checkVsPeer(core, service, draft, runs, withPeer = true) {
  let version = 1000;
  const ours = timeIt(() => {
    core.clearContentCaches();
    service.check(draft.uri, draft.text, ++version);
  }, runs);
  // markdownlint's time grows faster than linearly on these drafts (5 MB: tens of minutes here).
  const peer = withPeer ? timeIt(() => markdownlint({ strings: { draft: draft.text } }), runs) : undefined;
  const floor = timeIt(() => floorPass(draft.text), runs);
  // References the parser read: 0 means the draft was not checked at all (see parse/guard.ts
  // MAX_REPORT_CHARS), which makes its time meaningless.
  const references = service.analysis(draft.uri, draft.text, version).doc.references.length;
  return { ours, peer, floor, findings: service.check(draft.uri, draft.text, version).length, references };
}

async function inProcess(core, ws) {
  const { service, files, indexMs } = await loadService(core, ws);
  const texts = [...files.files].filter(([u]) => u.endsWith('.report.md')).map(([, t]) => t);
  const strings = Object.fromEntries(texts.map((t, i) => [`f${i}`, t]));
  const peerIndex = timeIt(() => markdownlint({ strings }), 1, 0);
  emit('history_entries', service.history.entryCount, 'figures');
  // The history's cheap path (parseReport `history`, what the index uses) against the full parse,
  // on the same reports in the same run; peer = the full parse.
  const parseAll = (history) => timeIt(() => {
    core.clearContentCaches();
    for (const t of texts) core.parseReport(t, 'file:///bench.report.md', { history, remember: false });
  }, 1, 0);
  const full = parseAll(false);
  emit('history_parse_full_ms', full, 'ms');
  emit('history_parse_cheap_ms', parseAll(true), 'ms', full);
  emit('index_inprocess_ms', indexMs, 'ms', peerIndex);
  for (const [kb, draft] of Object.entries(ws.drafts)) {
    const runs = Number(kb) >= 1024 ? 3 : 5;
    const r = checkVsPeer(core, service, draft, runs);
    const name = Number(kb) === 1024 ? '1mb' : `${kb}kb`;
    emit(`check_${name}_ms`, r.ours, 'ms', r.peer);
    emit(`references_${name}`, r.references, 'references');
    if (!r.references) log(`WARNING: the ${kb} KB draft was not checked (a size limit of the parser): its check time measures nothing`);
    emit(`floor_${name}_ms`, r.floor, 'ms');
    const parse = timeIt(() => {
      core.clearContentCaches();
      core.parseReport(draft.text, draft.uri);
    }, runs);
    emit(`parse_${name}_ms`, parse, 'ms');
    log(`draft ${kb} KB: ${r.findings} findings`);
  }
  return service;
}

// ---------------------------------------------------------------------------------------------
// The candidate parsers side by side, and the floor

/** How much of the sessions' text the parsers read (whole files, from the first, up to this many bytes). */
const PARSE_SAMPLE_BYTES = 1048576;

/** The best (least) wall time of `f` over `runs` runs: a loaded machine only ever adds time. */
function best(f, runs = 3) {
  let b = Infinity;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    f();
    b = Math.min(b, performance.now() - s);
  }
  return b;
}

/**
 * `parse_mb_per_s_*`: MB of session text per second for each parser on the same files (best of 3):
 * micromark as the report parser called it before #15 (CommonMark + GFM tables + YAML front matter,
 * adversarial nesting defused), the report parser's tree now (parse/guard.ts parseMarkdown:
 * markdown-it with every node's offsets, parse/markdown.ts), our whole report parse (parseReport:
 * that tree and everything read from it), and the candidates issue #15 names, each in its default
 * configuration that reads GFM tables, when the package is installed (none is a dependency).
 */
function parserCandidates(core, ws) {
  const texts = [];
  let bytes = 0;
  for (const f of listReports(join(ws.dir, 'phien'))) {
    if (bytes >= PARSE_SAMPLE_BYTES) break;
    const t = readFileSync(f, 'utf8');
    texts.push(t);
    bytes += Buffer.byteLength(t);
  }
  const mb = bytes / 1048576;
  const note = `${texts.length} session files, ${mb.toFixed(2)} MB, best of 3`;
  const rate = (name, parse, extra = {}) => {
    const ms = best(() => {
      for (const t of texts) parse(t);
    });
    emit(`parse_mb_per_s_${name}`, mb / (ms / 1000), 'MB/s', undefined, { ms: round(ms), sample: note, ...extra });
  };
  rate('micromark', (t) => core.micromarkTree(core.defuseMarkdown(t)), { as: 'micromark + GFM tables + front matter to mdast, defused (the report parser before #15; test/unit/micromark-tree.ts)' });
  rate('ours_tree', (t) => core.parseMarkdown(t), { as: 'parse/guard.ts parseMarkdown: markdown-it + positions to mdast (parse/markdown.ts)' });
  rate('ours', (t) => {
    core.clearContentCaches();
    core.parseReport(t, 'file:///bench.report.md', { remember: false });
  }, { as: 'parse/document.ts parseReport (the dialect: references, figures, sentences)' });
  const optional = (name) => {
    try {
      return require(name);
    } catch {
      log(`${name} is not installed: parse_mb_per_s_${name.replace(/\W/g, '_')} not measured`);
      emit(`parse_mb_per_s_${name.replace(/\W/g, '_')}`, null, 'MB/s', undefined, { note: `${name} not installed (not a dependency)` });
      return null;
    }
  };
  const MarkdownIt = optional('markdown-it');
  if (MarkdownIt) {
    const md = new MarkdownIt(); // the default preset: CommonMark + GFM tables (no front matter plugin installed)
    rate('markdown_it', (t) => md.parse(t, {}), { as: `markdown-it ${require('markdown-it/package.json').version} parse() to tokens, default preset (tables; front matter read as Markdown)` });
  }
  const commonmark = optional('commonmark');
  if (commonmark) {
    const reader = new commonmark.Parser();
    rate('commonmark', (t) => reader.parse(t), { as: 'commonmark.js Parser.parse (no GFM tables)' });
  }
}

/** The floor of an index: reading every report of the workspace and one regular-expression pass (median of 3). */
function floorIndex(ws) {
  const files = listReports(ws.dir);
  return timeIt(() => {
    for (const f of files) floorPass(readFileSync(f, 'utf8'));
  }, 3, 1);
}

// ---------------------------------------------------------------------------------------------
// Over stdio: the built server as an editor drives it

let serverArgs = [];
/** The server's environment: this process's and the shipped SERVER_ENV (or `--server-env`'s). */
let serverEnv = { ...process.env, ...shippedEnv() };
let serverJs = null;
/** The server's log line once the workspace is indexed (lsp/server.ts loadWorkspace). */
const INDEXED = /^policy-report: history of \d+ sessions/;
/** Milliseconds from the server's start to its index being ready, as its log line says. */
const readyAt = (log) => Number(/ready at (\d+) ms/.exec(log.message)?.[1] ?? NaN);
/** As the client starts it (client/src/server-options.ts, read from there), over stdio. */
const SERVER_NODE_OPTIONS = shippedNodeArgs();
const SERVER = () => [process.execPath, ...SERVER_NODE_OPTIONS, ...serverArgs, serverJs ?? join(outDir, 'server.js'), '--stdio'];

/** Where to type: inside a prose sentence (no figure) near the middle of the text. */
function typingSpot(text) {
  const needle = 'được nâng lên rõ rệt.';
  let best = -1;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
    if (best < 0 || Math.abs(i - text.length / 2) < Math.abs(best - text.length / 2)) best = i;
  }
  if (best < 0) throw new Error('no prose sentence to type into');
  return best + needle.length - 1; // before the full stop
}

const TYPED = ' trong toàn hệ thống chính trị, từ trung ương đến cơ sở, với sự tham gia tích cực của người dân và doanh nghiệp, bảo đảm thực chất, hiệu quả, lấy người dân làm trung tâm, lấy sự hài lòng của người dân làm thước đo';

/** `edits` keystrokes, one after the other's diagnostics; returns the latencies (ms). */
async function typeInto(client, draft, state, edits) {
  const offset = typingSpot(state.text);
  const pos = positionAt(state.text, offset);
  const times = [];
  for (let i = 0; i < edits; i++) {
    const ch = TYPED[i % TYPED.length];
    const at = { line: pos.line, character: pos.character + i };
    const version = ++state.version;
    const got = client.next(draft.uri, (p) => p.version === version);
    const t = performance.now();
    await client.edit(draft.uri, version, { start: at, end: at }, ch);
    const p = await got;
    times.push(p.at - t);
  }
  state.text = state.text.slice(0, offset) + Array.from({ length: edits }, (_, i) => TYPED[i % TYPED.length]).join('') + state.text.slice(offset);
  return times;
}

/** Keystrokes that change a bound figure (a digit of a table value): the history changes each time. */
async function typeFigure(client, draft, state, edits) {
  const lines = state.text.split('\n');
  const rows = lines.map((l, i) => [l, i]).filter(([l]) => /^\| \[\[Tỷ lệ [^\]]*\]\] \| [^|]+ \| \d+,\d%/.test(l));
  const [line, lineNo] = rows[Math.floor(rows.length / 2)];
  const character = line.indexOf('%') - 1; // the last digit
  const original = line[character];
  const times = [];
  for (let i = 0; i < edits; i++) {
    const digit = i % 2 === 0 ? String((Number(original) + 5) % 10) : original;
    const version = ++state.version;
    const got = client.next(draft.uri, (p) => p.version === version);
    const t = performance.now();
    await client.edit(draft.uri, version, { start: { line: lineNo, character }, end: { line: lineNo, character: character + 1 } }, digit);
    times.push((await got).at - t);
  }
  return times;
}

/**
 * An earlier session, open and edited (unsaved): one of its table values is changed to a value that
 * conflicts with the draft, and back. Returns the latencies to the draft's updated diagnostics.
 */
async function editHistory(core, client, ws, draft, edits) {
  const files = listReports(join(ws.dir, 'phien'));
  const file = files[files.length - 1]; // the latest session before the draft: what figure-conflict compares with
  const text = readFileSync(file, 'utf8');
  const uri = pathToFileURL(file).toString();
  const lines = text.split('\n');
  // figure-conflict compares with the latest statement: the row's indicator and period must be
  // stated only once in that session.
  const probe = new core.LanguageService({ workspace: new core.InMemoryWorkspace({ [uri]: text }), folders: [] });
  await probe.reloadCatalog();
  const count = new Map();
  for (const r of probe.analysis(uri, text).refs) {
    const k = `${r.indicator?.id}|${r.ref.period}`;
    count.set(k, (count.get(k) ?? 0) + 1);
  }
  const byName = new Map(probe.analysis(uri, text).refs.map((r) => [r.ref.name, r.indicator?.id]));
  // A ratio row that the draft's table states too (same indicator, same period), not a revised series.
  let target = null;
  for (let i = 0; i < lines.length && !target; i++) {
    const m = /^(\| \[\[(Tỷ lệ [^\]@]*)\]\] \| ([^|]+?) \| )(\d+,\d%)/.exec(lines[i]);
    if (m && draft.text.includes(m[1]) && count.get(`${byName.get(m[2])}|${m[3]}`) === 1) target = { line: i, character: m[1].length, value: m[4] };
  }
  if (!target) throw new Error('no shared row between the latest session and the draft');
  let version = 1;
  const opened = client.next(uri);
  await client.open(uri, text, version);
  await opened;
  const conflicts = (p) => p.diagnostics.filter((d) => d.code === 'figure-conflict').length;
  const base = conflicts(client.last.get(draft.uri));
  const times = [];
  let verified = 0;
  let value = target.value;
  for (let i = 0; i < edits; i++) {
    const next = i % 2 === 0 ? '1,0%' : target.value;
    const got = client.next(draft.uri);
    const t = performance.now();
    await client.edit(uri, ++version, { start: { line: target.line, character: target.character }, end: { line: target.line, character: target.character + value.length } }, next);
    const p = await got;
    times.push(p.at - t);
    value = next;
    // The draft may state that figure more than once: each statement conflicts.
    if (i % 2 === 0 ? conflicts(p) > base : conflicts(p) === base) verified++;
    else if (process.env.BENCH_DEBUG) log(`history edit ${i}: ${conflicts(p)} figure-conflict findings, base ${base}`);
  }
  client.close(uri);
  log(`history edits: ${verified}/${edits} gave the expected figure-conflict change in the draft`);
  return times;
}

/**
 * The server as VS Code starts it after the first time: with the index saved by the previous
 * session (initializationOptions.storagePath), which `storage` holds.
 */
async function warmStart(ws, args, storage) {
  const client = new BenchClient(SERVER(), { debounceMs: 0, language: 'vi' }, serverEnv);
  const small = ws.drafts[args.draftKb];
  const t0 = performance.now();
  const indexed = client.nextLog(INDEXED);
  await client.initialize(ws.uri, { storagePath: storage });
  const first = client.next(small.uri, () => true, 600000);
  await client.open(small.uri, small.text, 1);
  const index = readyAt(await indexed);
  const ms = (await first).at - t0;
  const mem = client.memory();
  await client.stop();
  return { index, ms, rss: mem.hwm };
}

/**
 * Start → the open draft's first diagnostics when the extension has run before (on another
 * workspace): the server started as the editor starts it, through boot.js, with its code cache and
 * the default catalog's parse in the extension's global storage (a first start, measured apart,
 * fills both once its index is in); the workspace itself never indexed. Nothing for a build
 * without boot.js.
 */
async function editorStart(ws, args) {
  const boot = join(serverJs ? dirname(serverJs) : outDir, 'boot.js');
  if (!existsSync(boot)) return;
  const global = join(tmpdir(), `policy-report-bench-global-${process.pid}`);
  rmSync(global, { recursive: true, force: true });
  const env = { ...serverEnv, POLICY_REPORT_CODE_CACHE: join(global, 'code-cache') };
  const small = ws.drafts[args.draftKb];
  const start = async (fill) => {
    const storage = join(tmpdir(), `policy-report-bench-storage-${process.pid}`);
    rmSync(storage, { recursive: true, force: true });
    const client = new BenchClient([process.execPath, ...SERVER_NODE_OPTIONS, ...serverArgs, boot, 'lsp', '--stdio'], { debounceMs: 0, language: 'vi' }, env);
    const t0 = performance.now();
    const loaded = client.nextLog(/^policy-report: the bundle was loaded/);
    const saved = fill ? client.nextLog(/^policy-report: (code cache saved|could not save the code cache)/) : undefined;
    const indexed = client.nextLog(INDEXED);
    await client.initialize(ws.uri, { storagePath: storage, globalStoragePath: global });
    const first = client.next(small.uri, () => true, 600000);
    await client.open(small.uri, small.text, 1);
    const at = (await first).at - t0;
    await indexed;
    const how = (await loaded).message;
    if (saved) log(`warm start: ${(await saved).message}`);
    await client.stop();
    return { at, how };
  };
  const filled = await start(true);
  const warm = await start(false);
  if (!/through its code cache/.test(warm.how)) throw new Error(`the second start did not use the code cache: ${warm.how}`);
  emit('first_diagnostics_first_start_ms', filled.at, 'ms');
  emit('first_diagnostics_warm_start_ms', warm.at, 'ms');
}

async function overStdio(core, ws, args, { full = true } = {}) {
  const client = new BenchClient(SERVER(), { debounceMs: 0, language: 'vi' }, serverEnv);
  // The server's peak RSS so far (VmHWM) and its RSS now, after a part of the session: where server_rss_mb's peak comes.
  const hwm = (part) => {
    const m = client.memory();
    emit(`server_hwm_after_${part}_mb`, m.hwm, 'MB', undefined, { rss_now_mb: round(m.rss) });
  };
  const small = ws.drafts[args.draftKb];
  // The editor's storage for the workspace, empty: the first time the workspace is opened.
  const storage = join(tmpdir(), `policy-report-bench-storage-${process.pid}`);
  rmSync(storage, { recursive: true, force: true });
  const t0 = performance.now();
  const indexed = client.nextLog(INDEXED);
  await client.initialize(ws.uri, { storagePath: storage });
  const tInit = performance.now() - t0;
  // The editor restores the open draft at once: its own diagnostics come first (the index runs in a
  // worker thread), then those with the history (an earlier build: only after the index, which a
  // loaded machine may take minutes over).
  const first = client.next(small.uri, () => true, 600000);
  await client.open(small.uri, small.text, 1);
  const indexedLog = await indexed;
  const cold = readyAt(indexedLog);
  // The draft checked again with the history in (its findings across sessions).
  const recheck = client.last.get(small.uri)?.at > indexedLog.at ? client.last.get(small.uri) : await client.next(small.uri, () => true, 600000);
  const afterIndex = client.memory();
  const heapAfterIndex = await client.serverMemory(false);
  // When the draft's first diagnostics arrived (before the index is in, since the worker thread).
  const firstDiagnostics = (await first).at - t0;
  emit('server_rss_after_index_mb', afterIndex.hwm, 'MB');
  if (heapAfterIndex) emit('server_heap_after_index_mb', heapAfterIndex.heapUsedMb, 'MB');
  emit('server_init_ms', tInit, 'ms');
  // Start → the history of every session is indexed (the server's log line says so).
  emit('cold_index_ms', cold, 'ms');
  // The same work's floor (read the bytes, one regex pass; in this process, after the server's run).
  const floor = floorIndex(ws);
  emit('floor_index_ms', floor, 'ms');
  emit('floor_ratio', cold / floor, 'ratio');
  // Start → the open draft's first diagnostics, and → its diagnostics with the whole history, on a
  // workspace never indexed (the editor's storage for it is empty).
  emit('first_diagnostics_cold_ms', firstDiagnostics, 'ms');
  emit('history_diagnostics_cold_ms', recheck.at - t0, 'ms');
  const result = { cold };

  if (full) {
    // didOpen → first diagnostics, on the 100 KB and the 1 MB drafts.
    const closed = client.nextClosed(small.uri);
    await client.close(small.uri);
    await closed;
    let p = client.next(small.uri, (r) => r.version === 1);
    let t = performance.now();
    await client.open(small.uri, small.text, 1);
    await p;
    emit(`didopen_${args.draftKb}kb_ms`, performance.now() - t, 'ms');
    const big = ws.drafts[args.bigKb];
    if (big) {
      p = client.next(big.uri, (r) => r.version === 1);
      t = performance.now();
      await client.open(big.uri, big.text, 1);
      await p;
      emit('didopen_1mb_ms', performance.now() - t, 'ms');
      const times = await typeInto(client, big, { text: big.text, version: 1 }, 10);
      emit('keystroke_1mb_p50_ms', median(times), 'ms');
      hwm('keystroke_1mb');
      // V8's heap as it is with the 1 MB draft open (garbage included: no collection forced here).
      const heap1mb = await client.serverMemory(false);
      if (heap1mb) emit('server_heap_1mb_open_mb', heap1mb.heapUsedMb, 'MB', undefined, { rss_now_mb: round(heap1mb.rssMb) });
      const closedBig = client.nextClosed(big.uri);
      await client.close(big.uri);
      await closedBig;
    }
  }

  const state = { text: small.text, version: 1 };
  const times = await typeInto(client, small, state, args.edits);
  result.p50 = median(times);
  result.p99 = p99(times);
  emit('keystroke_p50_ms', result.p50, 'ms');
  emit('keystroke_p99_ms', result.p99, 'ms');
  if (full) {
    hwm('keystroke');
    const ft = await typeFigure(client, small, state, 50);
    emit('keystroke_figure_p50_ms', median(ft), 'ms');
    emit('keystroke_figure_p99_ms', p99(ft), 'ms');
    hwm('keystroke_figure');
    const ht = await editHistory(core, client, ws, small, 20);
    emit('history_edit_ms', median(ht), 'ms');
    emit('history_edit_p99_ms', p99(ht), 'ms');
    hwm('history_edit');
  }
  const mem = client.memory();
  emit('server_rss_mb', mem.hwm, 'MB');
  result.rss = mem.hwm;
  // The live heap (after a full collection) at the end: the history and the open draft.
  const live = await client.serverMemory(true);
  if (live?.collected) emit('server_heap_used_mb', live.heapUsedMb, 'MB', undefined, { rss_now_mb: round(live.rssMb) });
  await client.stop();
  // The next start: the history from the index saved at the end of this session.
  const warm = await warmStart(ws, args, storage);
  emit('warm_index_ms', warm.index, 'ms');
  emit('warm_first_diagnostics_ms', warm.ms, 'ms');
  emit('warm_server_rss_mb', warm.rss, 'MB');
  result.warm = warm.ms;
  rmSync(storage, { recursive: true, force: true });
  return result;
}

// ---------------------------------------------------------------------------------------------
// The CLI over the whole workspace, each tool as a child process

function runChild(argv, cwd) {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const child = spawn(argv[0], argv.slice(1), { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('exit', (code) => {
      // 2 with "too large to check": the CLI skipped a draft over the parser's size limit.
      if (code === 2 && /too large to check/.test(err) && !/cannot read (?!.*too large)/.test(err)) log(`CLI: ${err.trim().split('\n').join('; ')}`);
      else if (code === null || code > 1) return reject(new Error(`${argv.join(' ')} exited ${code}: ${err}`));
      resolve(performance.now() - t);
    });
  });
}

async function cliRuns(ws) {
  const runs = ws.bytes > 4 * 1048576 ? 1 : 3;
  const time = async (argv) => {
    const t = [];
    for (let i = 0; i < runs; i++) t.push(await runChild(argv, ws.dir));
    return median(t);
  };
  const ours = await time([process.execPath, join(outDir, 'policy-report.js'), 'check', '.', '--format', 'json']);
  const peer = await time([process.execPath, join(root, 'bench', 'peer-markdownlint.mjs'), '.']);
  const floor = await time([process.execPath, join(root, 'bench', 'peer-floor.mjs'), '.']);
  emit('cli_workspace_ms', ours, 'ms', peer);
  emit('floor_workspace_ms', floor, 'ms');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const args = parseArgs(process.argv.slice(2));
  serverArgs = args.serverArgs;
  if (args.serverEnv) serverEnv = { ...process.env, ...args.serverEnv };
  serverJs = args.server;
  const part = (name) => !args.only || args.only.split(',').includes(name);
  // How loaded this machine is: a fixed loop (about 100 ms on an idle 2020s laptop core).
  emit('calibration_loop_ms', calibration(), 'ms');
  log('building out-bench/ …');
  await build();
  const core = require(join(outDir, 'core.js'));
  const dirs = [];

  if (!args.scaling) {
    const ws = makeWorkspace(args, args.sessions, [...new Set([args.draftKb, args.bigKb])]);
    dirs.push(ws.dir);
    emit('workspace_mb', ws.bytes / 1048576, 'MB');
    if (part('parsers')) parserCandidates(core, ws);
    if (part('inprocess')) await inProcess(core, ws);
    if (part('stdio')) {
      await overStdio(core, ws, args);
      await editorStart(ws, args);
    }
    if (part('cli')) await cliRuns(ws);
  } else {
    // 1. A keystroke's cost against the size of the history.
    const per = {};
    for (const n of [50, 200, 800]) {
      const ws = makeWorkspace(args, n, [args.draftKb]);
      dirs.push(ws.dir);
      const { service } = await loadService(core, ws);
      emit(`history_entries_sessions_${n}`, service.history.entryCount, 'figures');
      const draft = ws.drafts[args.draftKb];
      let version = 1000;
      emit(
        `check_${args.draftKb}kb_ms_sessions_${n}`,
        timeIt(() => {
          core.clearContentCaches();
          service.check(draft.uri, draft.text, ++version);
        }, 10),
        'ms',
      );
      const r = await overStdio(core, ws, args, { full: false });
      emit(`keystroke_p50_ms_sessions_${n}`, r.p50, 'ms');
      emit(`keystroke_p99_ms_sessions_${n}`, r.p99, 'ms');
      emit(`cold_index_ms_sessions_${n}`, r.cold, 'ms');
      per[n] = r;
      if (!args.keep) rmSync(ws.dir, { recursive: true, force: true });
    }
    emit('keystroke_growth_800_vs_50', per[800].p50 / per[50].p50, 'ratio');
    // 2. A check's cost against the draft's size (all under the parser's size limit, parse/guard.ts).
    const sizes = [100, 250, 500, 1024, 1536];
    const ws = makeWorkspace(args, args.sessions, sizes);
    dirs.push(ws.dir);
    const { service } = await loadService(core, ws);
    const perMb = {};
    for (const kb of sizes) {
      const draft = ws.drafts[kb];
      const r = checkVsPeer(core, service, draft, kb > 2048 ? 2 : kb >= 1024 ? 3 : 5, kb <= 1024);
      const mb = Buffer.byteLength(draft.text) / 1048576;
      emit(`check_ms_draft_${kb}kb`, r.ours, 'ms', r.peer);
      emit(`references_draft_${kb}kb`, r.references, 'references');
      if (!r.references) log(`WARNING: the ${kb} KB draft was not checked (a size limit of the parser)`);
      perMb[kb] = r.ours / mb;
      emit(`check_ms_per_mb_draft_${kb}kb`, perMb[kb], 'ms/MB');
    }
    emit('check_per_mb_growth_500kb_vs_100kb', perMb[500] / perMb[100], 'ratio');
    emit('check_per_mb_growth_1536kb_vs_100kb', perMb[1536] / perMb[100], 'ratio');
  }
  emit('calibration_loop_end_ms', calibration(), 'ms');
  if (!args.keep) for (const d of dirs) rmSync(d, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`[bench] failed: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exit(1);
});
