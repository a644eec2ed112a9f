/** Team workflow over the protocol: snippets from the workspace, settings, status and re-index. */
import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturesDir } from '../helpers';
import { TestLspClient, type Diagnostic } from './lsp-client';

describe('team workflow over the protocol', function () {
  let client: TestLspClient;
  let dir: string;
  let draftUri: string;
  let draft: string;

  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'policy-report-team-'));
    cpSync(path.join(fixturesDir, 'team'), dir, { recursive: true });
    draftUri = pathToFileURL(path.join(dir, 'draft.report.md')).toString();
    draft = readFileSync(path.join(dir, 'draft.report.md'), 'utf8');
    client = new TestLspClient();
    await client.initialize(pathToFileURL(dir).toString());
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const complete = async (line: number, character: number) =>
    (await client.request<{ items: Array<{ label: string; insertTextFormat?: number; insertText?: string }> }>('textDocument/completion', {
      textDocument: { uri: draftUri },
      position: { line, character },
    })).items;

  it('offers the team snippets outside a reference, as snippets', async () => {
    await client.open(draftUri, draft + '\nho');
    await client.waitForDiagnostics(draftUri, (d) => d.length > 0);
    const items = await complete(draft.split('\n').length, 2);
    const hoso = items.find((i) => i.label === 'hoso');
    assert.ok(hoso, items.map((i) => i.label).join(','));
    assert.equal(hoso.insertTextFormat, 2);
    assert.match(hoso.insertText!, /\$\{1:42\}/);
  });

  it('reports the broken snippet file on that file', async () => {
    const uri = pathToFileURL(path.join(dir, '.policy-report', 'snippets', 'hong.json')).toString();
    const d = await client.waitForDiagnostics(uri, (x) => x.length > 0);
    assert.ok(d.every((x) => x.code === 'catalog-error'));
  });

  it('picks up a new snippet file without a reload', async () => {
    const file = path.join(dir, '.policy-report', 'snippets', 'moi.json');
    writeFileSync(file, '{ "Mới": { "prefix": "moi-them", "body": "mới" } }');
    const uri = pathToFileURL(file).toString();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type: 1 }] });
    // The server reads the file, then publishes the file's (empty) diagnostics: wait for that.
    assert.deepEqual(await client.waitForDiagnostics(uri), []);
    const items = await complete(draft.split('\n').length, 2);
    assert.ok(items.some((i) => i.label === 'moi-them'));
  });

  it('marks every unmarked indicator of the file with one code action, adding only the brackets', async () => {
    const uri = pathToFileURL(path.join(dir, 'prose.report.md')).toString();
    const text = draft + '\nPhát triển doanh nghiệp công nghệ số đạt 50.350 doanh nghiệp.\n';
    await client.open(uri, text);
    const d = await client.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'unmarked-indicator'));
    const unmarked = d.find((y) => y.code === 'unmarked-indicator')!;
    const actions = await client.request<Array<{ title: string; kind: string; data?: unknown; edit?: unknown }>>('textDocument/codeAction', {
      textDocument: { uri },
      range: unmarked.range,
      context: { diagnostics: [unmarked] },
    });
    const all = actions.find((a) => a.kind === 'refactor.rewrite');
    assert.ok(all, actions.map((a) => a.title).join(' | '));
    const resolved = await client.request<{ edit: { changes: Record<string, Array<{ range: Diagnostic['range']; newText: string }>> } }>('codeAction/resolve', all);
    const edits = resolved.edit.changes[uri];
    assert.ok(edits.length >= 2);
    assert.ok(edits.every((e) => e.newText === '[[' || e.newText === ']]'), JSON.stringify(edits));
    const quick = actions.find((a) => a.kind === 'quickfix' && /\[\[/.test(a.title));
    assert.ok(quick, 'a quick fix marks this one mention');
  });

  it('applies the editor\'s settings over config.yaml, and reports status', async () => {
    const codes = (d: Diagnostic[]) => d.map((x) => x.code);
    let d = await client.waitForDiagnostics(draftUri, (x) => x.length > 0);
    assert.ok(codes(d).includes('unit-mismatch'));
    assert.ok(!codes(d).includes('english-decimal'), 'off in config.yaml');
    client.settings = { rules: { 'unit-mismatch': 'off', 'english-decimal': 'warning' } };
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    d = await client.waitForDiagnostics(draftUri, (x) => !codes(x).includes('unit-mismatch') && codes(x).includes('english-decimal'));
    const status = await client.request<{ catalogSize: number; sessions: number; findings: number }>('policyReport/status', { uri: draftUri });
    assert.ok(status.catalogSize >= 45);
    assert.equal(status.sessions, 1);
    assert.equal(status.findings, d.length);
    const r = await client.request<{ catalogSize: number }>('policyReport/reindex', {});
    assert.equal(r.catalogSize, status.catalogSize);
  });

  it('reads the shared catalog the settings name (catalogPath), and drops it when unset', async () => {
    const sharedFile = path.join(dir, '..', `${path.basename(dir)}-shared.yaml`);
    writeFileSync(sharedFile, 'indicators:\n  - id: shared-only\n    name: Số đề án dùng chung\n    measure: stock\n    unit: đề án\n    unitClass: count\n    description: Chỉ tiêu dùng chung.\n');
    try {
      const uri = pathToFileURL(path.join(dir, 'shared-probe.report.md')).toString();
      const unknown = (d: Diagnostic[]) => d.some((x) => x.code === 'unknown-indicator');
      await client.open(uri, '---\nsession: 9\ndate: 2024-07-10\nperiod: 2024\ntitle: T\n---\n\n[[Số đề án dùng chung]] đạt 5 đề án.\n');
      await client.waitForDiagnostics(uri, unknown);
      client.settings = { catalogPath: sharedFile };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitForDiagnostics(uri, (d) => !unknown(d));
      client.settings = { catalogPath: '' };
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      await client.waitForDiagnostics(uri, unknown);
    } finally {
      client.settings = null;
      rmSync(sharedFile, { force: true });
    }
  });

  it('a document opened while settings change twice in a row still gets its diagnostics', async () => {
    const sharedFile = path.join(dir, '..', `${path.basename(dir)}-shared2.yaml`);
    writeFileSync(sharedFile, 'indicators:\n  - id: shared-two\n    name: Số điểm phát wifi công cộng\n    measure: stock\n    unit: điểm\n    unitClass: count\n    description: Chỉ tiêu dùng chung.\n');
    try {
      client.settings = { catalogPath: sharedFile };
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      client.settings = { catalogPath: '' };
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      const uri = pathToFileURL(path.join(dir, 'race-probe.report.md')).toString();
      await client.open(uri, '---\nsession: 9\ndate: 2024-07-10\nperiod: 2024\ntitle: T\n---\n\n[[Chỉ tiêu không có]] đạt 5 đề án.\n');
      await client.waitForDiagnostics(uri, (d) => d.some((x) => x.code === 'unknown-indicator'));
    } finally {
      client.settings = null;
      rmSync(sharedFile, { force: true });
    }
  });
});
