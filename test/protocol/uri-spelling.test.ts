/**
 * A report whose path has characters that VS Code escapes in a URI and Node's pathToFileURL does
 * not (`( ) ! , ; = @ & + $ '`): the report found on disk and the same report opened in the editor
 * are one file of the history, not two.
 */
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { sessionReport, TestLspClient } from './lsp-client';

const report = sessionReport;

describe('file URIs spelled as VS Code spells them', function () {
  let dir: string;
  let client: TestLspClient;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-uri-'));
    mkdirSync(path.join(dir, 'Báo cáo (2024) & phụ lục'));
    writeFileSync(path.join(dir, 'Báo cáo (2024) & phụ lục', "phiên 9, bản chính!.report.md"), report(9, '2024-07-10', '42%'));
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('a session on disk and the same session open in the editor are one entry of the history', async () => {
    client = new TestLspClient();
    await client.initialize(URI.file(dir).toString());
    const earlier = URI.file(path.join(dir, 'Báo cáo (2024) & phụ lục', "phiên 9, bản chính!.report.md")).toString();
    const draft = URI.file(path.join(dir, 'Báo cáo (2024) & phụ lục', 'dự thảo (10).report.md')).toString();
    await client.open(earlier, report(9, '2024-07-10', '42%'));
    await client.open(draft, report(10, '2024-12-20', '45%'));
    const d = await client.waitForDiagnostics(draft, (x) => x.some((y) => y.code === 'figure-conflict'));
    assert.equal(d.filter((y) => y.code === 'figure-conflict').length, 1, JSON.stringify(d));
    const refs = await client.request<Array<{ uri: string }>>('textDocument/references', {
      textDocument: { uri: draft },
      position: { line: 9, character: 4 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(refs.map((r) => r.uri).sort(), [draft, earlier].sort());
    const status = await client.request<{ sessions: number }>('policyReport/status', { uri: draft });
    assert.equal(status.sessions, 2);
  });
});
