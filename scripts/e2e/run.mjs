// `npm run test:e2e`: the extension inside a real VS Code (code-server 4.100.3 = VS Code 1.100.3,
// its server plus web workbench, driven by Debian's Chromium through playwright-core).
//
// Phases (each a group of tests in the closing "N passed, N failed" line):
//   api   the mocha suite of test/e2e/suite in the extension host (extensionDevelopmentPath +
//         extensionTestsPath), on a fresh copy of test/fixtures/workspace; then
//         test/e2e/suite/first-run (the walkthrough) on an empty folder named first-run;
//   ui    the workbench as a person uses it, on a copy of examples/: open the draft from the
//         Explorer, squiggles, the Problems panel (Ctrl+Shift+M), a screenshot;
//   vsix  the packaged extension as users get it: the production build (minified) in a copy, vsce
//         package, code-server --install-extension, a copy of examples/ opened without
//         extensionDevelopmentPath: it must activate and report.
//
// Options: --only api,ui,vsix   --screenshot FILE (env POLICY_REPORT_SCREENSHOT wins)
// Env: POLICY_REPORT_E2E_TIMEOUT_S (whole run after install, default 900),
//      POLICY_REPORT_E2E_TEST_TIMEOUT_MS (per mocha test, default 30000),
//      POLICY_REPORT_E2E_KEEP=1 (keep the state folder), POLICY_REPORT_E2E_CACHE (install cache).
// Every process it starts is in a process group it kills, and carries an environment marker it
// sweeps for at the end: also after a failure, a time-out, SIGINT or SIGTERM.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { format } from 'node:util';
import { CHROMIUM, CODE_SERVER_VERSION, ROOT, log, seconds, sweepMarked } from './common.mjs';
import { installExtension, startCodeServer, workbenchUrl } from './codeserver.mjs';
import { install } from './install.mjs';
import { packageProduction } from './package.mjs';
import { languageMode, openFromExplorer, problemsPanel, waitForExplorer, waitForSquiggles } from './ui.mjs';

const MARKER = 'POLICY_REPORT_E2E_RUN';
const DRAFT = 'du-thao-phien-10.report.md';
const VIEWPORT = { width: 1440, height: 900 };
const RUN_LIMIT_MS = (Number(process.env.POLICY_REPORT_E2E_TIMEOUT_S) || 900) * 1000;
/** Workbench chatter forwarded with the extension host's console, not worth printing. */
const NOISE = /^(Ignoring fetching additional builtin extensions|Updating additional builtin extensions cache|Resolv(ing|ed) connection token|Creating a socket|\[Service Worker\]|ChatSessionStore:)/;
const LIMITS = { api: 300_000, ui: 120_000, vsix: 180_000, step: 60_000 };

const args = process.argv.slice(2);
const argValue = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const phases = (argValue('--only') ?? 'api,ui,vsix').split(',').map((s) => s.trim());
const screenshotPath = resolve(ROOT, process.env.POLICY_REPORT_SCREENSHOT || argValue('--screenshot') || join('.e2e', 'editor.png'));
const keep = process.env.POLICY_REPORT_E2E_KEEP === '1';

/** { title, ok, ms?, error?, skipped? } per test, in order. */
const results = [];
const figures = {};
const started = Date.now();
const runId = randomBytes(6).toString('hex');
process.env[MARKER] = runId; // inherited by code-server, its extension hosts, Chromium: swept at the end

let state; // the run's fresh temp folder: code-server state, workspaces, staged extension
let browser;
const servers = new Set();
let finishing = null;

// ------------------------------------------------------------------------------------------------
// Time limits, signals, cleanup

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: time limit of ${seconds(ms)} reached`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function cleanup() {
  if (browser) {
    const b = browser;
    browser = undefined;
    await withTimeout(b.close(), 10_000, 'closing Chromium').catch((e) => log(String(e.message ?? e)));
  }
  for (const s of [...servers]) {
    servers.delete(s);
    await s.stop();
  }
  const left = await sweepMarked(MARKER, runId);
  if (left.length) log(`killed ${left.length} leftover process(es): ${left.join(' ')}`);
  if (state && !keep) rmSync(state, { recursive: true, force: true });
  else if (state) log(`state kept in ${state}`);
}

function summary() {
  const passed = results.filter((r) => r.ok && !r.skipped).length;
  const skipped = results.filter((r) => r.skipped).length;
  const failed = results.filter((r) => !r.ok).length;
  console.log('\ne2e results:');
  for (const r of results) {
    const mark = r.skipped ? '-' : r.ok ? '✓' : '✗';
    console.log(`  ${mark} ${r.title}${r.ms !== undefined ? ` (${seconds(r.ms)})` : ''}${r.skipped ? ' (skipped)' : ''}`);
    if (!r.ok && r.error) console.log(`      ${String(r.error).split('\n').slice(0, 12).join('\n      ')}`);
  }
  const figs = Object.entries(figures);
  if (figs.length) {
    console.log('\nfigures:');
    for (const [k, v] of figs) console.log(`  ${k}: ${v}`);
  }
  console.log(`\ntotal ${seconds(Date.now() - started)}`);
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return failed;
}

/** Ends the run: cleans up (once), prints the summary, exits. */
function finish(code, reason) {
  if (finishing) return finishing;
  if (reason) {
    console.error(`\n[e2e] ${reason}`);
    results.push({ title: `run: ${reason}`, ok: false });
  }
  finishing = (async () => {
    await withTimeout(cleanup(), 30_000, 'cleanup').catch((e) => console.error('[e2e]', e.message));
    const failed = summary();
    process.exit(code ?? (failed > 0 ? 1 : 0));
  })();
  return finishing;
}

for (const [sig, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
  process.on(sig, () => void finish(code, `stopped by ${sig}`));
}
process.on('uncaughtException', (e) => void finish(1, `uncaught: ${e?.stack ?? e}`));
process.on('unhandledRejection', (e) => void finish(1, `unhandled rejection: ${e?.stack ?? e}`));

// ------------------------------------------------------------------------------------------------
// Setup

/** A copy of the repository's extension files (not node_modules): a rebuild in the repo during the run cannot disturb it. */
function stageExtension() {
  const dest = join(state, 'extension');
  const skip = new Set(['node_modules', '.git', '.e2e', '.vscode-test']);
  cpSync(ROOT, dest, {
    recursive: true,
    filter: (src) => {
      const rel = relative(ROOT, src);
      return !skip.has(rel.split('/')[0]) && !rel.endsWith('.vsix');
    },
  });
  // mocha (external in the test bundles) and vsce resolve from here.
  symlinkSync(join(ROOT, 'node_modules'), join(dest, 'node_modules'), 'dir');
  for (const f of ['out/client.js', 'out/server.js', 'out/test/e2e/index.js']) {
    if (!existsSync(join(dest, f))) throw new Error(`${f} is missing: run \`npm run build\` first (npm run test:e2e does)`);
  }
  return dest;
}

/** A fresh copy of a workspace folder for one phase, under the same folder name. */
function copyWorkspace(from, phase) {
  const dest = join(state, 'workspaces', phase, basename(from));
  cpSync(from, dest, { recursive: true });
  return dest;
}

async function launchBrowser() {
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
    timeout: LIMITS.step,
  });
}

function serverLogger(name) {
  const file = join(state, `${name}.log`);
  return { file, onLine: (line) => appendFileSync(file, line + '\n') };
}

/** Logs how long each step took since the last mark. */
function stepTimer(label) {
  let last = Date.now();
  const parts = [];
  return {
    mark(step) {
      const now = Date.now();
      parts.push(`${step} ${seconds(now - last)}`);
      last = now;
    },
    print() {
      log(`${label}: ${parts.join(', ')}`);
    },
  };
}

function tail(file, n = 40) {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
  } catch {
    return '';
  }
}

async function newPage(name) {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.setDefaultTimeout(LIMITS.step);
  const pageLog = join(state, `${name}-page.log`);
  page.on('pageerror', (e) => appendFileSync(pageLog, `pageerror: ${e.stack ?? e}\n`));
  page.on('console', (m) => appendFileSync(pageLog, `${m.type()}: ${m.text()}\n`));
  return { context, page, pageLog };
}

async function failureShot(page, name) {
  const file = join(ROOT, '.e2e', `failure-${name}.png`);
  try {
    mkdirSync(dirname(file), { recursive: true });
    await withTimeout(page.screenshot({ path: file }), 10_000, 'screenshot');
    return ` (screenshot: ${relative(ROOT, file)})`;
  } catch {
    return '';
  }
}

/** The findings the CLI reports for a file that the Problems panel shows (hints are not listed there). */
function cliFindings(file) {
  const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'policy-report.js'), 'check', file, '--format', 'json', '--lang', 'en'], { encoding: 'utf8', timeout: 60_000 });
  let json = [];
  try {
    json = JSON.parse(r.stdout);
  } catch {
    throw new Error(`policy-report check ${file} printed no JSON (exit ${r.status}): ${r.stderr}`);
  }
  return json.filter((f) => f.severity !== 'hint');
}

// ------------------------------------------------------------------------------------------------
// Phases

async function devServer(ext) {
  const { file, onLine } = serverLogger('code-server-dev');
  const server = await startCodeServer(join(state, 'vscode-dev'), {
    onLine,
    env: {
      POLICY_REPORT_E2E_RESULT: join(state, 'api-result.json'),
      POLICY_REPORT_E2E_TEST_TIMEOUT_MS: process.env.POLICY_REPORT_E2E_TEST_TIMEOUT_MS ?? '30000',
    },
  });
  server.logFile = file;
  servers.add(server);
  return server;
}

/**
 * The mocha suite inside the extension host, on the fixture workspace, then on an empty folder
 * named first-run (test/e2e/suite/first-run: the walkthrough); one result per mocha test.
 */
async function phaseApi(server, ext) {
  console.log('\n== vscode API suite in the extension host (test/e2e/suite, mocha)');
  await apiSuite(server, ext, copyWorkspace(join(ROOT, 'test', 'fixtures', 'workspace'), 'api'), 'api');
  console.log('\n== the walkthrough on an empty folder (test/e2e/suite/first-run, mocha)');
  const empty = join(state, 'workspaces', 'first-run', 'first-run');
  mkdirSync(empty, { recursive: true });
  await apiSuite(server, ext, empty, 'first-run');
}

async function apiSuite(server, ext, ws, name) {
  const resultFile = join(state, 'api-result.json');
  rmSync(resultFile, { force: true });
  const { context, page, pageLog } = await newPage(name);
  const t0 = Date.now();
  try {
    let onExit;
    const exited = new Promise((r) => (onExit = r));
    await page.exposeFunction('codeAutomationExit', (code) => onExit(code));
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const line = format(...(Array.isArray(logArgs) ? logArgs : [logArgs]));
      if (NOISE.test(line)) return;
      process.stdout.write(line.endsWith('\n') ? line : line + '\n');
    });
    await page.goto(workbenchUrl(server, ws, { extensionDevelopmentPath: ext, extensionTestsPath: join(ext, 'out', 'test', 'e2e', 'index.js') }));
    const code = await withTimeout(exited, LIMITS.api, 'the vscode API suite');
    figures[`${name} suite (workbench start + mocha)`] = seconds(Date.now() - t0);
    if (!existsSync(resultFile)) {
      results.push({ title: `${name}: the suite ran`, ok: false, error: `no result file; codeAutomationExit(${code})\n${tail(server.logFile)}` });
      return;
    }
    const { tests } = JSON.parse(readFileSync(resultFile, 'utf8'));
    for (const t of tests) {
      results.push({ title: `${name}: ${t.title}`, ok: t.state !== 'failed', skipped: t.state === 'pending', ms: t.durationMs, error: t.error });
    }
    if (code !== 0 && !tests.some((t) => t.state === 'failed')) {
      results.push({ title: `${name}: the suite ended cleanly`, ok: false, error: `codeAutomationExit(${code})` });
    }
  } catch (e) {
    results.push({ title: `${name}: the suite ran`, ok: false, error: `${e.message}${await failureShot(page, name)}\n-- code-server log:\n${tail(server.logFile)}\n-- page log:\n${tail(pageLog, 20)}` });
  } finally {
    await context.close().catch(() => {});
  }
}

/** The draft opened from the Explorer: squiggles, the Problems panel, a screenshot. */
async function phaseUi(server, ext) {
  console.log('\n== UI: the example draft in the workbench, as a person sees it');
  const title = `ui: ${DRAFT} opened from the Explorer shows squiggles and its findings in the Problems panel`;
  const ws = copyWorkspace(join(ROOT, 'examples'), 'ui');
  const { context, page, pageLog } = await newPage('ui');
  const t0 = Date.now();
  try {
    await withTimeout(
      (async () => {
        const expected = cliFindings(join(ws, DRAFT));
        const codes = [...new Set(expected.map((f) => f.code))];
        if (!codes.includes('unknown-indicator')) throw new Error(`the CLI no longer finds unknown-indicator in ${DRAFT}: ${codes}`);
        const steps = stepTimer('ui steps');
        await page.goto(workbenchUrl(server, ws, { extensionDevelopmentPath: ext }));
        steps.mark('page loaded');
        await waitForExplorer(page, DRAFT, LIMITS.step);
        steps.mark('Explorer shown');
        await openFromExplorer(page, DRAFT, LIMITS.step);
        steps.mark('draft opened');
        const squiggles = await waitForSquiggles(page, LIMITS.step);
        steps.mark('squiggles');
        const mode = await languageMode(page, LIMITS.step);
        if (mode !== 'Policy Report') throw new Error(`the status bar shows the language "${mode}", not "Policy Report"`);
        // Every rule id the CLI finds, and the misspelt name from the unknown-indicator message.
        const misspelt = /"([^"]+)"/.exec(expected.find((f) => f.code === 'unknown-indicator').message)[1];
        const text = await problemsPanel(page, [...codes, misspelt], LIMITS.step);
        steps.mark('Problems panel');
        steps.print();
        log(`squiggles in view: ${squiggles}; Problems panel lists ${codes.length} rule ids: ${codes.join(', ')}`);
        if (!/policy-report/.test(text)) throw new Error('the Problems panel does not name the source "policy-report"');
        mkdirSync(dirname(screenshotPath), { recursive: true });
        await page.screenshot({ path: screenshotPath });
        log(`screenshot: ${relative(ROOT, screenshotPath)}`);
      })(),
      LIMITS.ui,
      'the UI test',
    );
    results.push({ title, ok: true, ms: Date.now() - t0 });
  } catch (e) {
    results.push({ title, ok: false, ms: Date.now() - t0, error: `${e.message}${await failureShot(page, 'ui')}\n-- page log:\n${tail(pageLog, 20)}` });
  } finally {
    await context.close().catch(() => {});
  }
}

/** The .vsix, installed into a clean VS Code, opened without extensionDevelopmentPath. */
async function phaseVsix() {
  console.log('\n== the packaged extension (.vsix) installed into VS Code');
  const title = 'vsix: the installed package activates and reports on the example draft';
  let page;
  let context;
  let pageLog = '';
  const t0 = Date.now();
  try {
    await withTimeout(
      (async () => {
        const tp = Date.now();
        // What users install: the release build (minified bundles, as `npm run package`), from a copy.
        const build = join(state, 'vsix-build');
        mkdirSync(build);
        const vsix = packageProduction(build, join(state, 'policy-report.vsix'));
        figures['vsix size'] = `${(vsix.bytes / 1024).toFixed(0)} KiB (${vsix.bytes} bytes, ${vsix.entries.length} entries)`;
        figures['production build + vsce package'] = seconds(Date.now() - tp);
        log(`packaged ${basename(vsix.file)}: ${figures['vsix size']}`);
        for (const need of ['extension/package.json', 'extension/out/client.js', 'extension/out/cli.js']) {
          if (!vsix.entries.includes(need)) throw new Error(`${need} is not in the .vsix`);
        }
        if (!vsix.entries.some((e) => /^extension\/licen[cs]e/i.test(e))) log('warning: the .vsix holds no LICENSE file');
        const dir = join(state, 'vscode-vsix');
        const ti = Date.now();
        installExtension(dir, vsix.file);
        figures['--install-extension'] = seconds(Date.now() - ti);
        const { onLine } = serverLogger('code-server-vsix');
        const server = await startCodeServer(dir, { onLine });
        servers.add(server);
        const ws = copyWorkspace(join(ROOT, 'examples'), 'vsix');
        ({ context, page, pageLog } = await newPage('vsix'));
        const open = Date.now();
        await page.goto(workbenchUrl(server, ws));
        await waitForExplorer(page, DRAFT, LIMITS.step);
        const click = Date.now();
        await openFromExplorer(page, DRAFT, LIMITS.step);
        await waitForSquiggles(page, LIMITS.step);
        const seen = Date.now();
        figures['activation: workbench opened -> first squiggle'] = seconds(seen - open);
        figures['activation: draft clicked -> first squiggle'] = seconds(seen - click);
        await problemsPanel(page, ['unknown-indicator'], LIMITS.step);
        const mode = await languageMode(page, LIMITS.step);
        if (mode !== 'Policy Report') throw new Error(`the status bar shows the language "${mode}", not "Policy Report"`);
      })(),
      LIMITS.vsix,
      'the .vsix test',
    );
    results.push({ title, ok: true, ms: Date.now() - t0 });
  } catch (e) {
    const shot = page ? await failureShot(page, 'vsix') : '';
    results.push({ title, ok: false, ms: Date.now() - t0, error: `${e.message}${shot}${pageLog ? `\n-- page log:\n${tail(pageLog, 20)}` : ''}` });
  } finally {
    await context?.close().catch(() => {});
  }
}

// ------------------------------------------------------------------------------------------------

async function main() {
  const ti = Date.now();
  const spent = install();
  figures['install'] = spent.apt || spent.codeServer ? `apt ${seconds(spent.apt)}, code-server ${seconds(spent.codeServer)}` : `cached (checked in ${seconds(Date.now() - ti)})`;

  const runTimer = setTimeout(() => void finish(1, `whole-run time limit of ${seconds(RUN_LIMIT_MS)} reached`), RUN_LIMIT_MS);
  runTimer.unref();

  state = mkdtempSync(join(tmpdir(), 'policy-report-e2e-'));
  // Chromium's profile and every temp file of this process go into the state folder too.
  mkdirSync(join(state, 'tmp'));
  process.env.TMPDIR = join(state, 'tmp');
  log(`VS Code ${CODE_SERVER_VERSION.replace(/^4\./, '1.')} via code-server ${CODE_SERVER_VERSION}; state in ${state}`);
  const ext = stageExtension();
  browser = await launchBrowser();

  if (phases.includes('api') || phases.includes('ui')) {
    const server = await devServer(ext);
    if (phases.includes('api')) await phaseApi(server, ext);
    if (phases.includes('ui')) await phaseUi(server, ext);
    servers.delete(server);
    await server.stop();
  }
  if (phases.includes('vsix')) await phaseVsix();
  figures['run (after install)'] = seconds(Date.now() - ti - (spent.apt + spent.codeServer));
  await finish();
}

main().catch((e) => void finish(1, `the harness failed: ${e?.stack ?? e}`));
