/**
 * The open reports' first diagnostics come in two parts (lsp/sync.ts checkOpenNow): every rule's
 * findings but unmarked-indicator's first (the detector's first run, its code cold, is a fifth of
 * that check), then all of them. Pushed: two publishes of the same version; pulled: the pull that
 * waited for the workspace's load is answered with the first part, and the server asks the client
 * to pull again, which then gets every finding.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturesDir } from '../helpers';
import { TestLspClient, type Diagnostic } from './lsp-client';

const ws = path.join(fixturesDir, 'workspace');
const draftUri = pathToFileURL(path.join(ws, 'draft.report.md')).toString();
// The fixture's draft (unknown and unaccented names, a fraction over its whole) and an indicator named in prose, unmarked.
const draft = readFileSync(path.join(ws, 'draft.report.md'), 'utf8') + '\nPhát triển doanh nghiệp công nghệ số đạt 50.350 doanh nghiệp.\n';
const UNMARKED = 'unmarked-indicator';
const unmarked = (d: Diagnostic[]) => d.filter((x) => x.code === UNMARKED);

/**
 * A client whose editor is slow to answer the settings request: the draft, opened right after
 * `initialized`, is open when the workspace's load checks the open reports (server.ts loadShared).
 */
async function start(pull: boolean): Promise<TestLspClient> {
  const client = new TestLspClient();
  client.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => new Promise((resolve) => setTimeout(() => resolve(p.items.map(() => null)), 600)));
  await client.initialize(pathToFileURL(ws).toString(), 'vi', pull);
  await client.open(draftUri, draft);
  return client;
}

describe('the first diagnostics in two parts', function () {
  let client: TestLspClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  it('pushed: the figure findings first, then the same with the unmarked indicators, both of version 1', async () => {
    client = await start(false);
    const first = await client.waitForDiagnostics(draftUri);
    assert.deepEqual(unmarked(first), []);
    assert.ok(first.some((x) => x.code === 'unknown-indicator'), JSON.stringify(first.map((x) => x.code)));
    const all = await client.waitForDiagnostics(draftUri, (d) => unmarked(d).length > 0);
    assert.deepEqual(all.filter((x) => x.code !== UNMARKED), first);
    const publishes = client.published.filter((p) => p.uri === draftUri);
    assert.deepEqual(publishes.slice(0, 2).map((p) => p.version), [1, 1]);
    // What any later check of the same text gives (a request's own check, as the CLI's).
    await client.change(draftUri, 2, draft);
    assert.deepEqual(await client.waitForDiagnostics(draftUri, () => true, 2), all);
  });

  it('pulled: the waiting pull gets the first part, a refresh follows, and the next pull gets every finding', async () => {
    client = await start(true);
    const refreshed = client.nextRefresh();
    const pull = () => client!.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: draftUri } }).then((r) => r.items);
    const first = await pull();
    assert.deepEqual(unmarked(first), []);
    assert.ok(first.length > 0);
    await refreshed;
    const all = await pull();
    assert.ok(unmarked(all).length > 0, JSON.stringify(all.map((x) => x.code)));
    assert.deepEqual(all.filter((x) => x.code !== UNMARKED), first);
  });
});
