/**
 * Checks across sessions over the protocol: a draft's diagnostics follow the unsaved text of an
 * earlier session, in push mode (publishDiagnostics) and pull mode (textDocument/diagnostic with
 * interFileDependencies and workspace/diagnostic/refresh).
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturesDir } from '../helpers';
import { TestLspClient, type Diagnostic } from './lsp-client';

const ws = path.join(fixturesDir, 'rules', 'figure-conflict', 'conflict');
const wsUri = pathToFileURL(ws).toString();
const earlierUri = `${wsUri}/phien-02.report.md`;
const draftUri = `${wsUri}/phien-03.report.md`;
const earlier = readFileSync(path.join(ws, 'phien-02.report.md'), 'utf8');
const draft = readFileSync(path.join(ws, 'phien-03.report.md'), 'utf8');
const conflicts = (d: Diagnostic[]) => d.filter((x) => x.code === 'figure-conflict').map((x) => x.range.start.line).sort((a, b) => a - b);

describe('history over the protocol (push)', function () {
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
  let client: TestLspClient;
  before(async () => {
    client = new TestLspClient();
    const init = await client.initialize(wsUri, 'vi', true);
    assert.deepEqual(init.capabilities.diagnosticProvider, { identifier: 'policy-report', interFileDependencies: true, workspaceDiagnostics: false });
    // A pull before the index is in answers the draft's own findings (the refresh after it asks again).
    await client.indexed();
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

  it('a pull overtaken by an edit is cancelled by the server with "ask again", not answered empty', async () => {
    // Version 3 of the draft, then a pull that waits out the debounce, and version 4 meanwhile.
    await client.change(draftUri, 3, draft + '\n');
    const stale = pull().then(
      () => 'answered',
      (e: { code?: number; data?: { retriggerRequest?: boolean } }) => e,
    );
    await client.change(draftUri, 4, draft);
    const outcome = await stale;
    assert.notEqual(outcome, 'answered', 'a stale pull must not be answered (an empty report would blank the editor)');
    assert.equal((outcome as { code?: number }).code, -32802, 'ServerCancelled');
    assert.deepEqual((outcome as { data?: unknown }).data, { retriggerRequest: true });
    assert.deepEqual(conflicts(await pull()), [9, 11, 13], 'the pull for the current version answers (the earlier session still edited)');
  });
});

describe('the history index saved between sessions (initializationOptions.storagePath)', function () {
  let storage: string;
  before(() => (storage = mkdtempSync(path.join(tmpdir(), 'policy-report-storage-'))));
  after(() => rmSync(storage, { recursive: true, force: true }));

  interface Status {
    reportsParsed: number;
    reportsRestored: number;
  }

  async function session(): Promise<{ status: Status; conflicts: number[] }> {
    const client = new TestLspClient();
    try {
      await client.initialize(wsUri, 'vi', false, { storagePath: storage });
      await client.open(draftUri, draft);
      const d = await client.waitForDiagnostics(draftUri, (x) => conflicts(x).length > 0);
      const status = await client.request<Status>('policyReport/status', { uri: draftUri });
      return { status, conflicts: conflicts(d) };
    } finally {
      await client.stop();
    }
  }

  it('the first session parses the reports and saves the index; the next one reads it and parses none', async () => {
    const first = await session();
    assert.ok(first.status.reportsParsed >= 1, JSON.stringify(first.status));
    assert.equal(first.status.reportsRestored, 0);
    assert.ok(existsSync(path.join(storage, 'history-index.json')), 'saved at shutdown at the latest');
    const second = await session();
    assert.equal(second.status.reportsParsed, 0, JSON.stringify(second.status));
    assert.ok(second.status.reportsRestored >= 1, JSON.stringify(second.status));
    assert.deepEqual(second.conflicts, first.conflicts);
  });
});
