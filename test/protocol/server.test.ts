/**
 * Protocol tests: the built server, started as `policy-report lsp --stdio` the way another editor
 * would start it, driven over JSON-RPC. Waits on published diagnostics, never on sleeps.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturesDir, repoRoot } from '../helpers';
import { TestLspClient, type Diagnostic } from './lsp-client';

const ws = path.join(fixturesDir, 'workspace');
const wsUri = pathToFileURL(ws).toString();
const draftPath = path.join(ws, 'draft.report.md');
const draftUri = pathToFileURL(draftPath).toString();
const draft = readFileSync(draftPath, 'utf8');

const summary = (d: Array<{ code?: string | number; range: Diagnostic['range'] }>) =>
  d.map((x) => `${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character} ${x.code}`).sort();

describe('language server over stdio', function () {
  let client: TestLspClient;

  before(async () => {
    client = new TestLspClient();
    const init = await client.initialize(wsUri);
    assert.ok(init.capabilities.completionProvider, 'completion');
    assert.ok(init.capabilities.hoverProvider, 'hover');
    assert.ok(init.capabilities.codeActionProvider, 'code actions');
    assert.ok(init.capabilities.documentSymbolProvider, 'outline');
  });

  after(async () => {
    await client.stop();
  });

  it('publishes the same findings as the CLI for the same file', async () => {
    await client.open(draftUri, draft);
    const diags = await client.waitForDiagnostics(draftUri, (d) => d.length > 0);
    const run = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'policy-report.js'), 'check', draftPath, '--format', 'json'], {
      encoding: 'utf8',
      env: { ...process.env, LANG: 'vi_VN.UTF-8' },
    });
    assert.equal(run.status, 1, run.stderr);
    const cli = JSON.parse(run.stdout) as Array<{ code: string; range: Diagnostic['range']; message: string }>;
    assert.deepEqual(summary(diags), summary(cli));
    assert.deepEqual(diags.map((d) => d.message).sort(), cli.map((d) => d.message).sort());
    const codes = diags.map((d) => d.code);
    assert.ok(codes.includes('unknown-indicator'));
    assert.ok(codes.includes('unaccented-name'));
    assert.ok(codes.includes('fraction-exceeds-whole'));
    // The workspace catalog's own indicator resolves.
    assert.ok(!diags.some((d) => d.range.start.line === 13), 'workspace indicator should resolve');
  });

  it('completes catalog names after [[, accent-insensitively', async () => {
    const text = draft + '\n[[ty le ho so';
    await client.change(draftUri, 2, text);
    const lastLine = text.split('\n').length - 1;
    const result = await client.request<{ items: Array<{ label: string; textEdit: { newText: string; range: Diagnostic['range'] } }> }>(
      'textDocument/completion',
      { textDocument: { uri: draftUri }, position: { line: lastLine, character: '[[ty le ho so'.length } },
    );
    const labels = result.items.map((i) => i.label);
    assert.ok(labels.includes('Tỷ lệ hồ sơ trực tuyến toàn trình'), labels.slice(0, 10).join(' | '));
    const item = result.items.find((i) => i.label === 'Tỷ lệ hồ sơ trực tuyến toàn trình')!;
    assert.equal(item.textEdit.newText, 'Tỷ lệ hồ sơ trực tuyến toàn trình]]');
    assert.deepEqual(item.textEdit.range.start, { line: lastLine, character: 2 });
  });

  it('updates diagnostics as the text changes, and clears a fixed name', async () => {
    const fixed = draft.replace('trọn trình', 'toàn trình').replace('Ty le ho so truc tuyen toan trinh', 'Tỷ lệ hồ sơ trực tuyến toàn trình');
    await client.change(draftUri, 3, fixed);
    const diags = await client.waitForDiagnostics(draftUri, (d) => !d.some((x) => x.code === 'unknown-indicator'), 3);
    assert.ok(!diags.some((d) => d.code === 'unaccented-name'));
    assert.ok(diags.some((d) => d.code === 'fraction-exceeds-whole'));
  });

  it('offers a quick fix that edits the name', async () => {
    await client.change(draftUri, 4, draft);
    const diags = await client.waitForDiagnostics(draftUri, (d) => d.some((x) => x.code === 'unaccented-name'), 4);
    const d = diags.find((x) => x.code === 'unaccented-name')!;
    const actions = await client.request<Array<{ title: string; edit: { changes: Record<string, Array<{ newText: string }>> }; diagnostics: Diagnostic[] }>>(
      'textDocument/codeAction',
      { textDocument: { uri: draftUri }, range: d.range, context: { diagnostics: [d] } },
    );
    const action = actions.find((a) => a.diagnostics.some((x) => x.code === 'unaccented-name'));
    assert.ok(action, JSON.stringify(actions));
    assert.equal(action.edit.changes[draftUri][0].newText, 'Tỷ lệ hồ sơ trực tuyến toàn trình');
  });

  it('shows the definition on hover and the sections in the outline', async () => {
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', {
      textDocument: { uri: draftUri },
      position: { line: 11, character: 5 },
    });
    assert.match(hover.contents.value, /Tỷ lệ hồ sơ trực tuyến toàn trình/);
    assert.match(hover.contents.value, /42%/);
    const symbols = await client.request<Array<{ name: string; children: Array<{ name: string }> }>>('textDocument/documentSymbol', {
      textDocument: { uri: draftUri },
    });
    assert.equal(symbols[0].name, 'Báo cáo phiên họp thứ 10');
    assert.deepEqual(
      symbols[0].children.map((c) => c.name),
      ['Kết quả đạt được', 'Tồn tại, hạn chế'],
    );
  });

  it('reports a broken workspace catalog on that file and keeps the last good one', async () => {
    const catalogUri = pathToFileURL(path.join(ws, '.policy-report', 'indicators.yaml')).toString();
    await client.open(catalogUri, 'indicators:\n  - id: smart-city-projects\n    name: [unclosed\n', 'yaml');
    const errors = await client.waitForDiagnostics(catalogUri, (d) => d.length > 0);
    assert.equal(errors[0].code, 'catalog-error');
    // The draft still resolves the workspace indicator from the last good version.
    await client.change(draftUri, 5, draft + '\n');
    const diags = await client.waitForDiagnostics(draftUri, (d) => d.length > 0, 5);
    assert.ok(!diags.some((d) => d.range.start.line === 13), JSON.stringify(diags));
  });

  it('a report closed and opened again at once keeps the reopened buffer and its diagnostics', async () => {
    // An editor replacing a preview tab, or a close then open, sends both at once: the close reads the
    // file's disk text (asynchronously) while the open is already checked. The close must not then
    // forget the reopened buffer and publish empty diagnostics over its own.
    const from = client.published.length;
    await client.notifyTogether([
      { method: 'textDocument/didClose', params: { textDocument: { uri: draftUri } } },
      { method: 'textDocument/didOpen', params: { textDocument: { uri: draftUri, languageId: 'policy-report', version: 1, text: draft } } },
    ]);
    // An edit after it (a version above any this suite's earlier tests gave the draft), checked
    // after the debounce: by then the close's disk read has long settled.
    await client.change(draftUri, 100, draft + ' ');
    await client.waitForDiagnostics(draftUri, (d) => d.length > 0, 100);
    // A round trip: anything the server sent about the file before answering has arrived.
    await client.request('policyReport/status', {});
    const after = client.published.slice(from).filter((p) => p.uri === draftUri);
    const reopened = after.findIndex((p) => p.version === 1 && p.count > 0);
    assert.ok(reopened >= 0, JSON.stringify(after));
    assert.deepEqual(after.slice(reopened).filter((p) => p.count === 0), [], JSON.stringify(after));
    assert.ok(client.publishedDiagnostics().get(draftUri)!.length > 0);
  });
});
