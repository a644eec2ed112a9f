/**
 * Checks across sessions over the protocol: a draft's diagnostics follow the unsaved text of an
 * earlier session, in push mode (publishDiagnostics) and pull mode (textDocument/diagnostic with
 * interFileDependencies and workspace/diagnostic/refresh).
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturesDir } from '../helpers';
import { TestLspClient, type Diagnostic } from './lsp-client';

const ws = path.join(fixturesDir, 'history', 'conflict');
const wsUri = pathToFileURL(ws).toString();
const earlierUri = `${wsUri}/phien-02.report.md`;
const draftUri = `${wsUri}/phien-03.report.md`;
const earlier = readFileSync(path.join(ws, 'phien-02.report.md'), 'utf8');
const draft = readFileSync(path.join(ws, 'phien-03.report.md'), 'utf8');
const conflicts = (d: Diagnostic[]) => d.filter((x) => x.code === 'figure-conflict').map((x) => x.range.start.line).sort((a, b) => a - b);

describe('history over the protocol (push)', function () {
  this.timeout(30000);
  let client: TestLspClient;
  before(async () => {
    client = new TestLspClient();
    await client.initialize(wsUri);
  });
  after(() => client.stop());

  it('finds a conflict with the earlier session on disk, linked to its line', async () => {
    await client.open(draftUri, draft);
    const d = await client.waitForDiagnostics(draftUri, (x) => conflicts(x).length > 0);
    assert.deepEqual(conflicts(d), [15]);
    const related = (d.find((x) => x.code === 'figure-conflict') as Diagnostic & { relatedInformation: Array<{ location: { uri: string; range: Diagnostic['range'] } }> })
      .relatedInformation;
    assert.equal(related[0].location.uri, earlierUri);
    assert.equal(related[0].location.range.start.line, 9);
  });

  it('go to definition opens the catalog entry; references list every session; inlay hints show the previous value', async () => {
    const pos = { line: 9, character: 22 };
    const def = await client.request<{ uri: string; range: Diagnostic['range'] }>('textDocument/definition', { textDocument: { uri: draftUri }, position: pos });
    assert.match(def.uri, /default-catalog\.yaml$/);
    const catalog = readFileSync(new URL(def.uri), 'utf8').split('\n');
    assert.match(catalog[def.range.start.line] + catalog[def.range.start.line + 1], /digital-economy-revenue/);
    const refs = await client.request<Array<{ uri: string }>>('textDocument/references', {
      textDocument: { uri: draftUri },
      position: pos,
      context: { includeDeclaration: true },
    });
    assert.ok(refs.some((r) => r.uri === earlierUri) && refs.some((r) => r.uri === draftUri));
    const hints = await client.request<Array<{ label: string; position: Diagnostic['range']['start'] }>>('textDocument/inlayHint', {
      textDocument: { uri: draftUri },
      range: { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } },
    });
    assert.ok(hints.some((h) => h.position.line === 9 && /phiên 2: khoảng 53 tỷ USD/.test(h.label)), JSON.stringify(hints));
    const hover = await client.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri: draftUri }, position: pos });
    assert.match(hover.contents.value, /Qua các phiên/);
  });

  it('follows the unsaved edit of the earlier session without a reload', async () => {
    await client.open(earlierUri, earlier);
    await client.change(earlierUri, 2, earlier.replace('khoảng 53 tỷ USD', 'khoảng 60 tỷ USD'));
    const d = await client.waitForDiagnostics(draftUri, (x) => conflicts(x).length === 3);
    assert.deepEqual(conflicts(d), [9, 11, 13]);
  });
});

describe('history over the protocol (pull, interFileDependencies)', function () {
  this.timeout(30000);
  let client: TestLspClient;
  before(async () => {
    client = new TestLspClient();
    const init = await client.initialize(wsUri, 'vi', true);
    assert.deepEqual(init.capabilities.diagnosticProvider, { identifier: 'policy-report', interFileDependencies: true, workspaceDiagnostics: false });
  });
  after(() => client.stop());

  const pull = () =>
    client.request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: draftUri } }).then((r) => r.items);

  it('answers textDocument/diagnostic and asks for a refresh when an earlier session changes', async () => {
    await client.open(draftUri, draft);
    await client.open(earlierUri, earlier);
    assert.deepEqual(conflicts(await pull()), [15]);
    const refreshed = client.nextRefresh();
    await client.change(earlierUri, 2, earlier.replace('khoảng 53 tỷ USD', 'khoảng 60 tỷ USD'));
    // No pull of the earlier file is needed: the server checks an edited report on its own.
    await refreshed;
    assert.deepEqual(conflicts(await pull()), [9, 11, 13]);
  });
});
