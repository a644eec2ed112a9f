/**
 * The protocol tests' client waits on events with no clock of its own (lsp-client.ts): a wait the
 * server can no longer answer must fail when the server process exits, not hang until mocha's limit.
 */
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { TestLspClient } from './lsp-client';

describe('the protocol tests\' client', () => {
  it('a wait fails as soon as the server exits first, saying what it waited for; stop() then returns', async () => {
    const c = new TestLspClient();
    await c.initialize(null);
    const uri = 'file:///never.report.md';
    await c.open(uri, '# no front matter\n');
    const diagnostics = c.waitForDiagnostics(uri, () => false);
    const log = c.waitForLog(/^never said$/);
    (c as unknown as { child: ChildProcess }).child.kill('SIGKILL');
    await assert.rejects(diagnostics, /the server exited \(SIGKILL\) while the test waited for diagnostics of file:\/\/\/never\.report\.md/);
    await assert.rejects(log, /the server exited \(SIGKILL\) while the test waited for a log message \/\^never said\$\//);
    await assert.rejects(c.nextRefresh(), /the server had exited before the test waited for a workspace\/diagnostic\/refresh/);
    await c.stop();
  });
});
