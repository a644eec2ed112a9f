/**
 * Runs the e2e suite in desktop VS Code via @vscode/test-electron (`npm run test:e2e:electron`).
 * It downloads VS Code, so it needs internet; on machines without it, use `npm run test:e2e`.
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..', '..');
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? '1.100.3',
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(root, 'out', 'test', 'e2e', 'index.js'),
      launchArgs: [path.join(root, 'test', 'fixtures', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
    });
  } catch (e) {
    console.error('e2e tests failed:', e);
    process.exit(1);
  }
}

void main();
