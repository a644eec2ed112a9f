/**
 * Runs the e2e suite in desktop VS Code via @vscode/test-electron (`npm run test:e2e:electron`).
 * It downloads VS Code, so it needs internet; on machines without it, use `npm run test:e2e`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  // The first-run suites (suite/first-run/) on an empty folder of that name (test/e2e/index.ts).
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'policy-report-e2e-'));
  const empty = path.join(tmp, 'first-run');
  mkdirSync(empty);
  try {
    for (const folder of [path.join(root, 'test', 'fixtures', 'workspace'), empty]) {
      await runTests({
        version: process.env.VSCODE_VERSION ?? '1.100.3',
        extensionDevelopmentPath: root,
        extensionTestsPath: path.join(root, 'out', 'test', 'e2e', 'index.js'),
        launchArgs: [folder, '--disable-extensions', '--disable-workspace-trust'],
      });
    }
  } catch (e) {
    console.error('e2e tests failed:', e);
    process.exitCode = 1;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

void main();
