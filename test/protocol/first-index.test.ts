/**
 * The history's first index runs in a worker thread (lsp/index-worker.ts): on a workspace of many
 * sessions, the open draft's own diagnostics are published before the index ends ($/progress
 * end), and once it is in, the draft is checked again with the findings across sessions. If the
 * worker is not used (POLICY_REPORT_INDEX_WORKER=0, as when it cannot start), the index runs in the
 * server's thread, the log says so, and nothing of the history is lost.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ProgressType } from 'vscode-jsonrpc/node';
import { fixturesDir } from '../helpers';
import { TestLspClient, sessionReport, type Diagnostic } from './lsp-client';

type Progress = { kind: 'begin' | 'report' | 'end'; message?: string };

const SESSIONS = 80;
/** Prose with no reference: what most of a session's text is. */
const FILLER = '\nCông tác cải cách hành chính tiếp tục được đẩy mạnh, chất lượng phục vụ người dân và doanh nghiệp được nâng lên rõ rệt.\n'.repeat(40);

describe('the first index in a worker thread', function () {
  let dir: string;
  let draftUri: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-first-index-'));
    for (let i = 1; i <= SESSIONS; i++) {
      const date = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
      writeFileSync(path.join(dir, `phien-${String(i).padStart(3, '0')}.report.md`), sessionReport(i, date, '40%') + FILLER);
    }
    draftUri = pathToFileURL(path.join(dir, 'du-thao.report.md')).toString();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const conflicts = (d: Diagnostic[]) => d.filter((x) => x.code === 'figure-conflict').length;

  /**
   * Starts a server with work-done progress; `events` gets "diagnostics" (the draft's), the progress
   * kinds and "workers" (the log line said just before the index's worker threads start), in the
   * order the server sent them.
   */
  function start() {
    const client = new TestLspClient();
    client.capabilities = { window: { workDoneProgress: true } };
    const events: string[] = [];
    void client.waitForLog(/^policy-report: the index's worker threads start/).then(() => events.push('workers'), () => undefined);
    const ended = new Promise<void>((resolve) => {
      client.connection.onRequest('window/workDoneProgress/create', (p: { token: string | number }) => {
        client.connection.onProgress(new ProgressType<Progress>(), p.token, (v) => {
          events.push(v.kind);
          if (v.kind === 'end') resolve();
        });
        return null;
      });
    });
    const firstDiagnostics = client.waitForDiagnostics(draftUri, () => {
      events.push('diagnostics');
      return true;
    });
    return { client, events, ended, firstDiagnostics };
  }

  /** `settled`: what the draft's diagnostics after the index are waited for (by default, the conflict with the history). */
  async function run(storagePath?: string, settled = (d: Diagnostic[]) => conflicts(d) > 0): Promise<{ events: string[]; logs: string[]; first: Diagnostic[]; after: Diagnostic[] }> {
    const { client, events, ended, firstDiagnostics } = start();
    try {
      await client.initialize(pathToFileURL(dir).toString(), 'en', false, storagePath ? { storagePath } : undefined);
      // The editor restores the open draft at once (session after the last, a value that conflicts).
      await client.open(draftUri, sessionReport(SESSIONS + 1, '2024-06-10', '46%'));
      const first = await firstDiagnostics;
      await ended;
      await client.indexed();
      const after = await client.waitForDiagnostics(draftUri, settled);
      return { events, logs: client.logs, first, after };
    } finally {
      await client.stop();
    }
  }

  /** A run with one variable of the server's environment set. */
  async function runWith(name: string, value: string, storagePath?: string): ReturnType<typeof run> {
    process.env[name] = value;
    try {
      return await run(storagePath);
    } finally {
      delete process.env[name];
    }
  }

  it("publishes the draft's own diagnostics before the index ends, then the findings across sessions", async () => {
    const { events, logs, first, after } = await run();
    assert.ok(events.indexOf('diagnostics') >= 0 && events.indexOf('diagnostics') < events.indexOf('end'), `events: ${events.join(' ')}`);
    // Written before the index's worker threads start (server.ts loadShared: sync.checkOpenNow).
    assert.ok(events.indexOf('diagnostics') < events.indexOf('workers'), `events: ${events.join(' ')}`);
    // Before the index, the history has no earlier session: no conflict yet.
    assert.equal(conflicts(first), 0);
    assert.equal(conflicts(after), 1);
    assert.match(logs.find((m) => /^policy-report: history of/.test(m)) ?? '', new RegExp(`history of ${SESSIONS + 1} sessions: ${SESSIONS} reports parsed`));
    assert.ok(!logs.some((m) => /in the server's thread/.test(m)), `the worker thread was used: ${logs.join(' | ')}`);
    // The progress counted every report, from the worker's messages.
    assert.ok(events.filter((e) => e === 'report').length >= 2, `events: ${events.join(' ')}`);
  });

  it("the default catalog parsed in a worker thread or in the server's: the same first diagnostics, the same history", async () => {
    const apart = await run();
    const here = await runWith('POLICY_REPORT_CATALOG_WORKER', '0');
    assert.ok(apart.first.length > 0);
    assert.deepEqual(apart.first, here.first);
    assert.deepEqual(apart.after, here.after);
    // The catalog's worker was kept and read the history as the index's first worker; without it the index started its own.
    assert.ok(apart.logs.some((m) => /worker threads start \(\d+, the first already running/.test(m)), apart.logs.join(' | '));
    assert.ok(!here.logs.some((m) => /already running/.test(m)), here.logs.join(' | '));
  });

  it('without the worker thread, indexes in the server thread, says so and loses nothing', async () => {
    const result = await runWith('POLICY_REPORT_INDEX_WORKER', '0');
    assert.ok(result.logs.some((m) => new RegExp(`indexing ${SESSIONS} reports in the server's thread`).test(m)), result.logs.join(' | '));
    assert.equal(conflicts(result.after), 1);
    assert.match(result.logs.find((m) => /^policy-report: history of/.test(m)) ?? '', new RegExp(`history of ${SESSIONS + 1} sessions: ${SESSIONS} reports parsed`));
  });

  it('with three worker threads (each claiming the next report), the same history and progress', async () => {
    const result = await runWith('POLICY_REPORT_INDEX_WORKERS', '3');
    assert.ok(!result.logs.some((m) => /in the server's thread/.test(m)), result.logs.join(' | '));
    assert.equal(conflicts(result.first), 0);
    assert.equal(conflicts(result.after), 1);
    assert.match(result.logs.find((m) => /^policy-report: history of/.test(m)) ?? '', new RegExp(`history of ${SESSIONS + 1} sessions: ${SESSIONS} reports parsed`));
    assert.ok(result.events.filter((e) => e === 'report').length >= 2, `events: ${result.events.join(' ')}`);
  });

  it('one worker thread or three (each claiming the next report, largest first): the same saved index, report for report', async () => {
    const saved: string[] = [];
    for (const workers of ['1', '3']) {
      const storage = mkdtempSync(path.join(tmpdir(), 'policy-report-first-index-storage-'));
      try {
        const result = await runWith('POLICY_REPORT_INDEX_WORKERS', workers, storage);
        assert.ok(!result.logs.some((m) => /in the server's thread/.test(m)), result.logs.join(' | '));
        // Written after the index (lsp/index-store.ts); the server is stopped, so the write is done.
        saved.push(JSON.stringify((JSON.parse(readFileSync(path.join(storage, 'history-index.json'), 'utf8')) as { reports: unknown }).reports));
      } finally {
        rmSync(storage, { recursive: true, force: true });
      }
    }
    assert.equal(JSON.parse(saved[0]).constructor, Object);
    assert.equal(Object.keys(JSON.parse(saved[0])).length, SESSIONS);
    assert.equal(saved[1], saved[0]);
  });

  it("the default catalog's parse saved at a first start is what the next start checks with, not the YAML; another text's copy is not", async () => {
    const storage = mkdtempSync(path.join(tmpdir(), 'policy-report-first-index-catalog-'));
    const unknown = (d: Diagnostic[]) => d.filter((x) => x.code === 'unknown-indicator').length;
    try {
      const first = await run(storage);
      assert.equal(unknown(first.first), 0);
      const file = path.join(storage, 'default-catalog.json');
      const good = readFileSync(file, 'utf8');
      const saved = JSON.parse(good) as { source: string; parsed: { indicators: Array<{ name: string; aliases: string[] }> } };
      // The copy is the one read: the draft's indicator renamed in it is unknown to the next start.
      const entry = saved.parsed.indicators.find((i) => i.name === 'Tỷ lệ hồ sơ trực tuyến toàn trình');
      assert.ok(entry);
      entry.name = 'Tỷ lệ hồ sơ đã đổi tên';
      entry.aliases = [];
      writeFileSync(file, JSON.stringify(saved));
      // (The sessions' references are unknown too: no conflict with the history, only the index's end to wait for.)
      const second = await run(storage, () => true);
      assert.equal(unknown(second.first), 1);
      assert.equal(conflicts(second.after), 0);
      // The same copy said to be of another text: the YAML is parsed, the indicator known again.
      writeFileSync(file, JSON.stringify({ ...saved, source: saved.source === '0' ? '1' : '0' }));
      const third = await run(storage);
      assert.equal(unknown(third.first), 0);
      assert.equal(conflicts(third.after), 1);
    } finally {
      rmSync(storage, { recursive: true, force: true });
    }
  });
});

/**
 * The reports open in the editor when the first index starts are left out of the worker's reading:
 * their unsaved text is their history, put there by their own first check. In pull mode too, where
 * the client pulls only what it shows: an earlier session opened (edited, never pulled) at start
 * counts with its unsaved text, not the disk's.
 */
describe('the first index and the reports open at start (pull mode)', function () {
  // The figure-conflict fixture's two sessions (history.test.ts reads them too).
  const ws = path.join(fixturesDir, 'rules', 'figure-conflict', 'conflict');
  const [earlierUri, draftUri] = ['phien-02', 'phien-03'].map((n) => pathToFileURL(path.join(ws, `${n}.report.md`)).toString());
  const [earlier, draft] = ['phien-02', 'phien-03'].map((n) => readFileSync(path.join(ws, `${n}.report.md`), 'utf8'));

  it("an earlier session open and edited before the index, never pulled, is the history with its unsaved text", async () => {
    const client = new TestLspClient();
    // An editor slow to answer the settings request: the server's workspace load (which asks for
    // them) then outlasts the debounce of the check the open document schedules, which finds the
    // server not ready and checks nothing; only the load's own first checks can put it in the history.
    client.connection.onRequest('workspace/configuration', (p: { items: unknown[] }) => new Promise((resolve) => setTimeout(() => resolve(p.items.map(() => null)), 600)));
    try {
      await client.initialize(pathToFileURL(ws).toString(), 'vi', true);
      // Sent right after `initialized`: the server has it before it lists the reports to read.
      const edited = earlier.replace('khoảng 53 tỷ USD', 'khoảng 60 tỷ USD');
      assert.notEqual(edited, earlier);
      await client.open(earlierUri, edited);
      await client.indexed();
      await client.open(draftUri, draft);
      const items = (await client.request<{ items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri: draftUri } })).items;
      // The disk's text of phien-02 gives [15] (history.test.ts); the unsaved one, these.
      assert.deepEqual(items.filter((x) => x.code === 'figure-conflict').map((x) => x.range.start.line).sort((a, b) => a - b), [9, 11, 13]);
    } finally {
      await client.stop();
    }
  });
});
