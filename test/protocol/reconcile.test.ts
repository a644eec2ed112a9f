/**
 * The history reconciles with the disk over the protocol: a folder of sessions that appears on
 * disk without a didChangeWatchedFiles event for its files (as VS Code's watcher often loses the
 * first file written into a new folder, or as a `git pull` brings it) reaches the draft's checks
 * across sessions: through the folder's own event, through `policyReport/reconcile` (the client
 * sends it on window focus), or through the periodic rescan (initializationOptions
 * .reconcileIntervalMs) with no event at all. Deleted and renamed folders likewise (VS Code
 * reports a deleted folder as one event, none for its files).
 */
import * as assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturesDir } from '../helpers';
import { TestLspClient, type Diagnostic } from './lsp-client';

const fixture = path.join(fixturesDir, 'rules', 'figure-conflict', 'conflict');
const earlier = readFileSync(path.join(fixture, 'phien-02.report.md'), 'utf8');
const draft = readFileSync(path.join(fixture, 'phien-03.report.md'), 'utf8');
const CREATED = 1;
const DELETED = 3;

type Related = Array<{ location: { uri: string; range: Diagnostic['range'] } }>;
const conflicts = (d: Diagnostic[]) => d.filter((x) => x.code === 'figure-conflict');
const relatedUris = (d: Diagnostic[]) => conflicts(d).flatMap((x) => ((x as Diagnostic & { relatedInformation?: Related }).relatedInformation ?? []).map((r) => r.location.uri));

/** A workspace holding only the draft (and the fixture's .policy-report): the earlier session comes later. */
function workspace(): { dir: string; uri: string; draftUri: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'policy-report-reconcile-'));
  cpSync(path.join(fixture, '.policy-report'), path.join(dir, '.policy-report'), { recursive: true });
  writeFileSync(path.join(dir, 'phien-03.report.md'), draft);
  const uri = pathToFileURL(dir).toString();
  return { dir, uri, draftUri: `${uri}/phien-03.report.md` };
}

/** The earlier session written into a folder that did not exist: no event is sent for the file. */
function newFolderOfSessions(dir: string, name: string): { folderUri: string; earlierUri: string } {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, 'phien-02.report.md'), earlier);
  const folderUri = pathToFileURL(path.join(dir, name)).toString();
  return { folderUri, earlierUri: `${folderUri}/phien-02.report.md` };
}

async function start(ws: { uri: string; draftUri: string }, reconcileIntervalMs: number): Promise<TestLspClient> {
  const client = new TestLspClient();
  await client.initialize(ws.uri, 'vi', false, { reconcileIntervalMs });
  await client.open(ws.draftUri, draft);
  // Checked once the history is loaded: nothing earlier to disagree with yet.
  const first = await client.waitForDiagnostics(ws.draftUri);
  assert.deepEqual(conflicts(first), []);
  return client;
}

const folderEvent = (client: TestLspClient, uri: string, type: number) => client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri, type }] });

describe('the history reconciles with the disk', function () {
  let ws: ReturnType<typeof workspace>;
  let client: TestLspClient | undefined;
  beforeEach(() => (ws = workspace()));
  afterEach(async () => {
    await client?.stop();
    client = undefined;
    rmSync(ws.dir, { recursive: true, force: true });
  });

  it('a new folder of sessions with only the folder event: the draft finds the conflict; renamed and deleted folders follow', async () => {
    // No periodic rescan: only the folder events can bring the sessions in.
    client = await start(ws, 0);
    const { folderUri, earlierUri } = newFolderOfSessions(ws.dir, 'phien-cu');
    await folderEvent(client, folderUri, CREATED);
    const d = await client.waitForDiagnostics(ws.draftUri, (x) => conflicts(x).length > 0);
    assert.equal(conflicts(d)[0].range.start.line, 15);
    assert.deepEqual(relatedUris(d), [earlierUri]);

    // Renamed: VS Code reports the old folder deleted and the new one created, nothing for the file.
    renameSync(path.join(ws.dir, 'phien-cu'), path.join(ws.dir, 'luu-tru'));
    const renamedUri = pathToFileURL(path.join(ws.dir, 'luu-tru')).toString();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: folderUri, type: DELETED },
        { uri: renamedUri, type: CREATED },
      ],
    });
    const moved = await client.waitForDiagnostics(ws.draftUri, (x) => relatedUris(x).length > 0 && relatedUris(x).every((u) => u.startsWith(renamedUri + '/')));
    assert.deepEqual(relatedUris(moved), [`${renamedUri}/phien-02.report.md`]);

    // Deleted: one event for the folder.
    rmSync(path.join(ws.dir, 'luu-tru'), { recursive: true });
    await folderEvent(client, renamedUri, DELETED);
    await client.waitForDiagnostics(ws.draftUri, (x) => conflicts(x).length === 0);
    const status = await client.request<{ sessions: number }>('policyReport/status', { uri: ws.draftUri });
    assert.equal(status.sessions, 1, 'only the open draft is left in the history');
  });

  it('no event at all, then policyReport/reconcile (window focus): the draft finds the conflict', async () => {
    client = await start(ws, 0);
    const { earlierUri } = newFolderOfSessions(ws.dir, 'keo-ve');
    await client.connection.sendNotification('policyReport/reconcile');
    const d = await client.waitForDiagnostics(ws.draftUri, (x) => conflicts(x).length > 0);
    assert.deepEqual(relatedUris(d), [earlierUri]);
    // Gone again without an event: the next focus drops it.
    rmSync(path.join(ws.dir, 'keo-ve'), { recursive: true });
    await client.connection.sendNotification('policyReport/reconcile');
    await client.waitForDiagnostics(ws.draftUri, (x) => conflicts(x).length === 0);
  });

  it('workspace data changed with no event (a git pull): the catalog is read again by policyReport/reconcile', async () => {
    client = await start(ws, 0);
    const probe = `${ws.uri}/probe.report.md`;
    await client.open(probe, '---\nsession: 4\ndate: 2024-01-10\nperiod: 2023\ntitle: T\n---\n\n[[Số đề án thử nghiệm kéo về]] đạt 3 đề án.\n');
    await client.waitForDiagnostics(probe, (x) => x.some((y) => y.code === 'unknown-indicator'));
    const catalog = path.join(ws.dir, '.policy-report', 'indicators.yaml');
    const entry =
      '  - id: pulled-pilot-projects\n    name: Số đề án thử nghiệm kéo về\n    measure: stock\n    unit: đề án\n    unitClass: count\n    description: Chỉ tiêu thử.\n';
    let before = '';
    try {
      before = readFileSync(catalog, 'utf8');
    } catch {
      /* none yet */
    }
    writeFileSync(catalog, before.includes('indicators:') ? before.replace(/\n?$/, '\n') + entry : 'indicators:\n' + entry);
    await client.connection.sendNotification('policyReport/reconcile');
    await client.waitForDiagnostics(probe, (x) => !x.some((y) => y.code === 'unknown-indicator'));
  });

  it('no event and no notification: the periodic rescan (reconcileIntervalMs) brings the sessions in and drops them', async () => {
    client = await start(ws, 150);
    const { earlierUri } = newFolderOfSessions(ws.dir, 'dinh-ky');
    const d = await client.waitForDiagnostics(ws.draftUri, (x) => conflicts(x).length > 0);
    assert.deepEqual(relatedUris(d), [earlierUri]);
    // Changed on disk to agree with the draft, still without an event: the conflict goes.
    writeFileSync(path.join(ws.dir, 'dinh-ky', 'phien-02.report.md'), earlier.replace('khoảng 53 tỷ USD', 'khoảng 60 tỷ USD'));
    const changed = await client.waitForDiagnostics(ws.draftUri, (x) => conflicts(x).length !== 1);
    assert.ok(conflicts(changed).length > 1, 'the changed figure disagrees with other lines of the draft instead');
    rmSync(path.join(ws.dir, 'dinh-ky'), { recursive: true });
    await client.waitForDiagnostics(ws.draftUri, (x) => conflicts(x).length === 0);
  });

  it('pull mode: the rescan asks the client to pull again, and the pull has the conflict', async () => {
    client = new TestLspClient();
    await client.initialize(ws.uri, 'vi', true, { reconcileIntervalMs: 0 });
    await client.open(ws.draftUri, draft);
    const pull = () => client!.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: ws.draftUri } }).then((r) => r.items);
    assert.deepEqual(conflicts(await pull()), []);
    const { earlierUri } = newFolderOfSessions(ws.dir, 'keo-ve');
    let refreshed = client.nextRefresh();
    await client.connection.sendNotification('policyReport/reconcile');
    // A refresh of the draft's own first check may come first: pull at each refresh until one has it.
    let items: Diagnostic[] = [];
    for (let i = 0; i < 5 && !conflicts(items).length; i++) {
      await refreshed;
      refreshed = client.nextRefresh();
      items = await pull();
    }
    assert.deepEqual(relatedUris(items), [earlierUri]);
  });
});
