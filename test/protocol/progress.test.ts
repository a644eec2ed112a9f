/**
 * Work-done progress of the first index ($/progress): a client that supports it gets a token
 * (window/workDoneProgress/create), then begin, reports up to 100% with the count of reports, and
 * end; a client that does not gets none of it.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ProgressType } from 'vscode-jsonrpc/node';
import { TestLspClient, sessionReport } from './lsp-client';

type Progress = { kind: 'begin' | 'report' | 'end'; title?: string; message?: string; percentage?: number };

describe('work-done progress of the index ($/progress)', function () {
  const SESSIONS = 5;
  let dir: string;
  let draftUri: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-progress-'));
    for (let i = 1; i <= SESSIONS; i++) writeFileSync(path.join(dir, `phien-0${i}.report.md`), sessionReport(i, `2024-0${i}-10`, `${40 + i}%`));
    draftUri = pathToFileURL(path.join(dir, 'phien-06.report.md')).toString();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  /** Starts a server on the folder; returns the client, the tokens it was asked to create and the progress of the first. */
  function start(workDoneProgress: boolean) {
    const client = new TestLspClient();
    if (workDoneProgress) client.capabilities = { window: { workDoneProgress: true } };
    const tokens: Array<string | number> = [];
    const values: Progress[] = [];
    const ended = new Promise<void>((resolve) => {
      client.connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
        tokens.push(p.token);
        client.connection.onProgress(new ProgressType<Progress>(), p.token, (v) => {
          values.push(v);
          if (v.kind === 'end') resolve();
        });
        return null;
      });
    });
    return { client, tokens, values, ended };
  }

  it('begins, reports each report up to 100% and ends, when the client supports it', async () => {
    const { client, tokens, values, ended } = start(true);
    try {
      await client.initialize(pathToFileURL(dir).toString(), 'en');
      await ended;
      assert.equal(tokens.length, 1);
      assert.equal(values[0].kind, 'begin');
      assert.match(values[0].title ?? '', /indexing the history/);
      const reports = values.filter((v) => v.kind === 'report');
      assert.deepEqual(
        reports.map((v) => [v.percentage, v.message]),
        Array.from({ length: SESSIONS }, (_, i) => [Math.floor(((i + 1) * 100) / SESSIONS), `${i + 1}/${SESSIONS} reports`]),
      );
      assert.equal(values[values.length - 1].kind, 'end');
      // The server goes on after the index: the open draft gets its diagnostics.
      await client.open(draftUri, sessionReport(6, '2024-06-10', '46%'));
      await client.waitForDiagnostics(draftUri);
    } finally {
      await client.stop();
    }
  });

  it('sends none to a client that does not support it', async () => {
    const { client, tokens, values } = start(false);
    try {
      await client.initialize(pathToFileURL(dir).toString(), 'vi');
      await client.open(draftUri, sessionReport(6, '2024-06-10', '46%'));
      await client.waitForDiagnostics(draftUri);
      await client.indexed();
      assert.deepEqual(tokens, []);
      assert.deepEqual(values, []);
    } finally {
      await client.stop();
    }
  });
});
