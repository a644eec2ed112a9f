/**
 * The e2e test entry VS Code loads in the extension host: `run()` runs the mocha suite.
 * Used by both runners: scripts/e2e/run.mjs (code-server + Chromium) and runElectron.ts.
 * - POLICY_REPORT_E2E_TEST_TIMEOUT_MS: time limit per test (default 30000): the only clock of the
 *   suite. Its waits end on their events (vscode-helpers.ts); a test whose event never comes fails at
 *   this limit, its error naming what it still awaited, and the wait's listener is dropped after it.
 * - POLICY_REPORT_E2E_GREP: run only the tests whose full title matches this regular expression.
 * - POLICY_REPORT_E2E_RESULT: if set, a JSON file with every test's outcome is written there
 *   (the extension host inherits the environment of the VS Code server that runs it).
 * The suites in suite/ run on the fixture workspace; a workspace folder named like a folder of
 * suite/ runs that folder's suites instead (suite/first-run/ on an empty folder named first-run).
 */
import * as path from 'node:path';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { endPendingWaits, pendingWaits } from './vscode-helpers';

interface TestOutcome {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export function run(): Promise<void> {
  const timeout = Number(process.env.POLICY_REPORT_E2E_TEST_TIMEOUT_MS) || 30000;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout, reporter: 'spec' });
  if (process.env.POLICY_REPORT_E2E_GREP) mocha.grep(new RegExp(process.env.POLICY_REPORT_E2E_GREP));
  const folder = vscode.workspace.workspaceFolders?.[0];
  const own = folder ? path.join(__dirname, 'suite', path.posix.basename(folder.uri.path)) : '';
  const dir = own && existsSync(own) ? own : path.join(__dirname, 'suite');
  mocha.suite.afterEach('drop the listeners of waits a test left', endPendingWaits);
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  const outcomes: TestOutcome[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const resultFile = process.env.POLICY_REPORT_E2E_RESULT;
      if (resultFile) writeFileSync(resultFile, JSON.stringify({ failures, tests: outcomes }, null, 2));
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => outcomes.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('pending', (t) => outcomes.push({ title: t.fullTitle(), state: 'pending' }));
    runner.on('fail', (t, err: Error) => {
      // Mocha's time limit, or a failure while a wait was still pending: say what it awaited (the
      // spec reporter prints the message at the end of the run).
      const waits = pendingWaits();
      const note = waits.length > 0 ? `\n    still waiting for: ${waits.join('\n    and for: ')}` : '';
      if (err && note) err.message += note;
      outcomes.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: `${err?.stack ?? String(err)}${note}` });
    });
  });
}
