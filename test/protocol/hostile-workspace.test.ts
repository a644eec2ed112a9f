/**
 * A workspace written by someone hostile, served by the real server over stdio: FIFOs named like
 * every file the server reads, links from the workspace folder to itself, a link to a report
 * outside the workspace, a 450 MB (sparse) report, snippet files nested 5 000 deep and of 39 MB. The server becomes ready, checks the draft
 * against the real history only, says on each bad file why it is not read, and never quotes the
 * outside file.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sessionReport, TestLspClient } from './lsp-client';

const report = sessionReport;

describe('a hostile workspace over the protocol', function () {
  let dir: string;
  let outside: string;
  let client: TestLspClient;
  let fifos = true;
  const uri = (rel: string) => pathToFileURL(path.join(dir, rel)).toString();

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-hostile-'));
    outside = mkdtempSync(path.join(tmpdir(), 'policy-report-outside-'));
    mkdirSync(path.join(dir, '.policy-report', 'snippets'), { recursive: true });
    writeFileSync(path.join(dir, 'phien-09.report.md'), report(9, '2024-07-10', '42%'));
    // Loops: every report would be counted again through each link.
    symlinkSync('.', path.join(dir, 'a'));
    symlinkSync('.', path.join(dir, 'b'));
    // A link to a report outside the workspace, whose figure must never reach the history.
    writeFileSync(path.join(outside, 'secret.report.md'), report(8, '2024-06-01', '77,7%'));
    symlinkSync(path.join(outside, 'secret.report.md'), path.join(dir, 'leak.report.md'));
    // 450 MB on paper, nothing on the disk.
    closeSync(openSync(path.join(dir, 'huge.report.md'), 'w'));
    truncateSync(path.join(dir, 'huge.report.md'), 450 * 1024 * 1024);
    // 10 KB of JSON nested 5 000 deep: the parser's recursion would end the server on every start.
    writeFileSync(path.join(dir, '.policy-report', 'snippets', 'deep.json'), '{"a":'.repeat(2000) + '['.repeat(3000));
    // 39 MB of snippets on paper.
    closeSync(openSync(path.join(dir, '.policy-report', 'snippets', 'huge.json'), 'w'));
    truncateSync(path.join(dir, '.policy-report', 'snippets', 'huge.json'), 39 * 1024 * 1024);
    for (const f of ['pipe.report.md', '.policy-report/indicators.yaml', '.policy-report/figures.csv', '.policy-report/config.yaml', '.policy-report/snippets/s.json']) {
      fifos = fifos && spawnSync('mkfifo', [path.join(dir, f)]).status === 0;
    }
    // Written a minute ago, as a workspace is: a file this fresh is re-read by the first rescan
    // ("racy"), which would publish the refusals by the way and hide a rescan that does not.
    const past = new Date(Date.now() - 60_000);
    const fifoFiles = fifos ? ['pipe.report.md', '.policy-report/indicators.yaml', '.policy-report/figures.csv', '.policy-report/config.yaml', '.policy-report/snippets/s.json'] : [];
    for (const f of ['phien-09.report.md', 'huge.report.md', '.policy-report/snippets/deep.json', '.policy-report/snippets/huge.json', path.join(outside, 'secret.report.md'), ...fifoFiles]) {
      utimesSync(path.resolve(dir, f), past, past);
    }
    client = new TestLspClient();
    await client.initialize(pathToFileURL(dir).toString());
  });

  after(async () => {
    await client?.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  it('becomes ready and checks a draft against the real history only', async () => {
    const t0 = Date.now();
    const draft = uri('du-thao-10.report.md');
    await client.open(draft, report(10, '2024-12-20', '45%'));
    const d = await client.waitForDiagnostics(draft, (x) => x.some((y) => y.code === 'figure-conflict'));
    console.log(`      first diagnostics of the draft after ${Date.now() - t0} ms`);
    const conflicts = d.filter((y) => y.code === 'figure-conflict');
    assert.equal(conflicts.length, 1, JSON.stringify(d));
    assert.match(conflicts[0].message, /42/);
    // The session on disk is in the history once, not once per link to the folder.
    const refs = await client.request<Array<{ uri: string }>>('textDocument/references', {
      textDocument: { uri: draft },
      position: { line: 9, character: 4 },
      context: { includeDeclaration: true },
    });
    assert.deepEqual(refs.map((r) => path.basename(new URL(r.uri).pathname)).sort(), ['du-thao-10.report.md', 'phien-09.report.md']);
    const status = await client.request<{ ready: boolean; sessions: number }>('policyReport/status', { uri: draft });
    assert.equal(status.ready, true);
    assert.equal(status.sessions, 2);
  });

  it('says on each file that cannot be read why, and never quotes the outside file', async function () {
    const leak = await client.waitForDiagnostics(uri('leak.report.md'), (x) => x.length > 0);
    assert.equal(leak[0].code, 'unreadable-file');
    assert.match(leak[0].message, /ngoài thư mục workspace/);
    const huge = await client.waitForDiagnostics(uri('huge.report.md'), (x) => x.length > 0);
    assert.match(huge[0].message, /quá lớn \(450,0 MB|quá lớn \(450\.0 MB/);
    if (fifos) {
      for (const f of ['pipe.report.md', '.policy-report/indicators.yaml', '.policy-report/figures.csv', '.policy-report/config.yaml', '.policy-report/snippets/s.json']) {
        const d = await client.waitForDiagnostics(uri(f), (x) => x.length > 0);
        assert.equal(d[0].code, f.endsWith('.report.md') ? 'unreadable-file' : f.endsWith('config.yaml') ? 'config-error' : 'catalog-error', f);
        assert.match(d[0].message, /không phải tệp thông thường/, f);
      }
    }
    const deep = await client.waitForDiagnostics(uri('.policy-report/snippets/deep.json'), (x) => x.length > 0);
    assert.equal(deep[0].code, 'catalog-error');
    const hugeSnippets = await client.waitForDiagnostics(uri('.policy-report/snippets/huge.json'), (x) => x.length > 0);
    assert.match(hugeSnippets[0].message, /quá lớn \(39\.0 MB/);
    for (const [u, ds] of client.publishedDiagnostics()) {
      for (const x of ds) assert.ok(!/77/.test(x.message), `${u}: ${x.message}`);
    }
    if (!fifos) this.skip();
  });

  it('a report from outside the workspace, opened and closed by the user, gets no refusal: it simply leaves', async () => {
    writeFileSync(path.join(outside, 'mine.report.md'), report(7, '2024-03-01', '30%'));
    const mine = pathToFileURL(path.join(outside, 'mine.report.md')).toString();
    await client.open(mine, report(7, '2024-03-01', '30%'));
    await client.waitForDiagnostics(mine, (x) => x.length > 0);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: mine } });
    await client.waitForDiagnostics(mine, (x) => x.length === 0);
    // A round trip: anything the server sent about the file before answering has arrived.
    await client.request('policyReport/status', {});
    assert.deepEqual(client.publishedDiagnostics().get(mine), []);
  });

  it('a FIFO that appears later, found by a rescan (window focus), is said on the file too', async function () {
    mkdirSync(path.join(dir, 'later'));
    if (spawnSync('mkfifo', [path.join(dir, 'later', 'pipe.report.md')]).status !== 0) this.skip();
    await client.connection.sendNotification('policyReport/reconcile', {});
    const d = await client.waitForDiagnostics(uri('later/pipe.report.md'), (x) => x.length > 0);
    assert.equal(d[0].code, 'unreadable-file');
  });
});
