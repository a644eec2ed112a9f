/**
 * Faults over the protocol: broken, huge, binary, deleted and half-edited workspace files, a binary
 * report, a 7 M-character report, a draft of 10 000 references, edits faster than checks, and a server
 * killed mid-session. After each fault the server still serves: a normal report gets its
 * diagnostics. Each fault gets a diagnostic or a message that says what is wrong.
 */
import * as assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { fixturesDir } from '../helpers';
import { TestLspClient, type Diagnostic } from './lsp-client';

const FM = '---\nsession: 10\ndate: 2024-12-20\nperiod: 2024\ntitle: Phiên họp thứ 10\n---\n\n## Kết quả đạt được\n\n';
/** A normal report with one finding of each of two rules; the workspace indicator resolves. */
const PROBE = FM + '[[Chỉ tiêu không có]] đạt 5%.\n\n[[Số đề án đô thị thông minh]] đạt 12 đề án.\n';
const CHANGE = 2; // FileChangeType.Changed
const DELETED = 3;

describe('faults over the protocol', function () {
  let dir: string;
  let wsUri: string;
  let client: TestLspClient;
  let probes = 0;
  const catalogPath = () => path.join(dir, '.policy-report', 'indicators.yaml');
  const catalogUri = () => pathToFileURL(catalogPath()).toString();

  /** The server still serves: a normal report, newly opened, gets its diagnostics (then is closed). */
  async function assertServing(c = client, expectWorkspaceIndicator = true): Promise<Diagnostic[]> {
    const uri = `${wsUri}/probe-${++probes}.report.md`;
    await c.open(uri, PROBE);
    // A catalog change just before may still be loading: wait for the diagnostics that reflect it
    // (the server re-checks open documents when the catalog changes).
    const unknownAt = (x: Diagnostic[], line: number) => x.some((y) => y.code === 'unknown-indicator' && y.range.start.line === line);
    const d = await c.waitForDiagnostics(uri, (x) => unknownAt(x, 9) && unknownAt(x, 11) !== expectWorkspaceIndicator);
    await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    const unknownLines = d.filter((x) => x.code === 'unknown-indicator').map((x) => x.range.start.line);
    assert.ok(unknownLines.includes(9), JSON.stringify(d));
    if (expectWorkspaceIndicator) assert.ok(!unknownLines.includes(11), `the workspace indicator should resolve: ${JSON.stringify(d)}`);
    return d;
  }

  /** A test of its own server, so that a stall or a crash there cannot spill into the others. */
  async function ownServer(f: (c: TestLspClient) => Promise<void>): Promise<void> {
    const c = new TestLspClient();
    try {
      await c.initialize(wsUri);
      await f(c);
    } finally {
      await c.stop();
    }
  }

  before(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-faults-'));
    cpSync(path.join(fixturesDir, 'workspace'), dir, { recursive: true });
    wsUri = pathToFileURL(dir).toString();
    client = new TestLspClient();
    await client.initialize(wsUri);
    await assertServing();
  });

  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('the workspace catalog', () => {
    const good = () => cpSync(path.join(fixturesDir, 'workspace', '.policy-report', 'indicators.yaml'), catalogPath());
    const onDisk = async (text: string | Buffer | null): Promise<void> => {
      if (text === null) unlinkSync(catalogPath());
      else writeFileSync(catalogPath(), text);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: catalogUri(), type: text === null ? DELETED : CHANGE }] });
    };
    afterEach(async () => {
      good();
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: catalogUri(), type: CHANGE }] });
    });

    it('malformed: a catalog-error on the file, the last good version stays in use', async () => {
      await onDisk('indicators:\n  - id: smart-city-projects\n    name: [unclosed\n');
      const d = await client.waitForDiagnostics(catalogUri(), (x) => x.some((y) => y.code === 'catalog-error'));
      assert.ok(d[0].message.length > 10);
      await assertServing();
    });

    it('binary: a catalog-error that says so', async () => {
      await onDisk(Buffer.from([0, 1, 2, 0xff, 0xfe, 10, 0, 0]));
      const d = await client.waitForDiagnostics(catalogUri(), (x) => x.some((y) => /binary|nhị phân/.test(y.message)));
      assert.equal(d[0].code, 'catalog-error');
      await assertServing();
    });

    it('huge (50 MB): a catalog-error that says so, no stall', async () => {
      // "No stall" is the size check itself: refused before any parse (the error says too large), and the
      // server serves the next report. No clock: a loaded machine may take its time to write 50 MB.
      const t0 = Date.now();
      await onDisk('indicators:\n' + '  - id: x\n    name: Chỉ tiêu x\n    measure: stock\n    unit: hồ sơ\n    unitClass: count\n'.repeat(600_000));
      await client.waitForDiagnostics(catalogUri(), (x) => x.some((y) => /too large|quá lớn/.test(y.message)));
      await assertServing();
      console.log(`      50 MB catalog refused, server serving again after ${Date.now() - t0} ms`);
    });

    it('nested 10 000 levels deep: a catalog-error, and the process survives (the yaml package would end it)', async () => {
      await onDisk('indicators: ' + '['.repeat(10_000));
      await client.waitForDiagnostics(catalogUri(), (x) => x.some((y) => /lồng nhau quá|nested more than/.test(y.message)));
      await assertServing();
    });

    it('deleted while open in the editor, then closed: back to the default catalog', async () => {
      await client.open(catalogUri(), '# open in the editor\n' + '', 'yaml', 1);
      unlinkSync(catalogPath());
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: catalogUri(), type: DELETED }] });
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: catalogUri() } });
      // The workspace indicator is gone: the probe's line 11 is now unknown too.
      const d = await assertServing(client, false);
      assert.equal(d.filter((y) => y.code === 'unknown-indicator').length, 2);
    });

    it('replaced mid-edit: every half-typed version in a burst, the last one wins', async () => {
      const full = 'indicators:\n  - id: smart-city-projects\n    name: Số đề án đô thị thông minh\n    measure: stock\n    unit: đề án\n    unitClass: count\n';
      await client.open(catalogUri(), '', 'yaml', 1);
      for (let i = 1; i <= full.length; i += 3) await client.change(catalogUri(), i + 1, full.slice(0, i));
      await client.change(catalogUri(), full.length + 10, full);
      await client.waitForDiagnostics(catalogUri(), (x) => x.length === 0);
      await assertServing();
      await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: catalogUri() } });
    });
  });

  describe('figures.csv', () => {
    const csvPath = () => path.join(dir, '.policy-report', 'figures.csv');
    const onDisk = async (text: string | Buffer | null): Promise<void> => {
      if (text === null) unlinkSync(csvPath());
      else writeFileSync(csvPath(), text);
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(csvPath()).toString(), type: text === null ? DELETED : CHANGE }] });
    };

    it('malformed, binary, deleted: the server keeps serving', async () => {
      await onDisk('indicator,period,value\n"unclosed,2024,5\n');
      await assertServing();
      await onDisk(Buffer.from([0, 0, 1, 2, 3, 0xff]));
      await assertServing();
      await onDisk(null);
      await assertServing();
    });

    it('huge (3 M characters of rows): one problem that says so, no stall', async () => {
      const csvUri = pathToFileURL(csvPath()).toString();
      await onDisk('indicator,period,value\n' + 'chỉ tiêu lạ số 1,2024,5\n'.repeat(130_000));
      await client.waitForDiagnostics(csvUri, (x) => x.some((y) => /too large|quá lớn/.test(y.message)));
      await assertServing();
      await onDisk(null);
    });
  });

  describe('config.yaml', () => {
    const configPath = () => path.join(dir, '.policy-report', 'config.yaml');
    const configUri = () => pathToFileURL(configPath()).toString();
    it('nested 10 000 levels deep, then binary: a config-error each time, and the server keeps serving', async () => {
      writeFileSync(configPath(), 'rules: ' + '['.repeat(10_000));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri(), type: CHANGE }] });
      await client.waitForDiagnostics(configUri(), (x) => x.some((y) => y.code === 'config-error' && /lồng nhau quá|nested more than/.test(y.message)));
      await assertServing();
      writeFileSync(configPath(), Buffer.from([0, 1, 2, 0, 10]));
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri(), type: CHANGE }] });
      await client.waitForDiagnostics(configUri(), (x) => x.some((y) => /binary|nhị phân/.test(y.message)));
      await assertServing();
      unlinkSync(configPath());
      await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: configUri(), type: DELETED }] });
      await client.waitForDiagnostics(configUri(), (x) => x.length === 0);
    });
  });

  describe('reports', () => {
    it('a binary report (NUL, lone surrogates, control characters): diagnostics, no crash', async () => {
      const uri = `${wsUri}/binary.report.md`;
      await client.open(uri, '\u0000\u0001\uD800[[\uDFFF]]\u0000 42%\r\r\n\u0007'.repeat(200));
      const d = await client.waitForDiagnostics(uri, (x) => x.length > 0);
      assert.ok(d.some((x) => x.code === 'front-matter'));
      await assertServing();
    });

    it('a report over the size limit (7 M characters): one clear diagnostic, quickly', () =>
      ownServer(async (c) => {
        const uri = `${wsUri}/big.report.md`;
        const t0 = Date.now();
        await c.open(uri, FM + '[[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 42%. '.repeat(150_000));
        // Generous: on a loaded machine a 9 MB message alone takes a while. Checking it would take minutes.
        // In the server's language (Vietnamese unless the settings say otherwise).
        const d = await c.waitForDiagnostics(uri, (x) => x.some((y) => /too large|quá lớn/.test(y.message)));
        const ms = Date.now() - t0;
        assert.ok(d.length <= 3, `a too-large report should not be checked: ${d.length} diagnostics`);
        await assertServing(c);
        console.log(`      7 M-character report refused in ${ms} ms`);
      }));

    it('a draft of 10 000 references: diagnostics, and the server answers after it', () =>
      ownServer(async (c) => {
        const uri = `${wsUri}/many.report.md`;
        const body = Array.from({ length: 10_000 }, (_, i) => (i % 10 === 0 ? `[[Chỉ tiêu lạ ${i % 50}]] đạt ${i % 100}%.` : `[[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt ${i % 100}%.`)).join(' ');
        const t0 = Date.now();
        await c.open(uri, FM + body);
        const d = await c.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'unknown-indicator'));
        assert.ok(d.filter((x) => x.code === 'unknown-indicator').length >= 1000);
        const ms = Date.now() - t0;
        await c.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
        await assertServing(c);
        console.log(`      10 000 references: ${d.length} diagnostics in ${ms} ms`);
      }));

    it('edits faster than checks: 200 versions in a burst, the last version is the one published', () =>
      ownServer(async (c) => {
        const uri = `${wsUri}/burst.report.md`;
        const text = (i: number) => FM + `[[Chỉ tiêu ${i}]] đạt 5%. `.repeat(200);
        const t0 = Date.now();
        await c.open(uri, text(0), 'policy-report', 1);
        for (let v = 2; v <= 200; v++) void c.change(uri, v, text(v));
        const d = await c.waitForDiagnostics(uri, (x) => x.length > 0, 200);
        assert.ok(d.every((x) => !/Chỉ tiêu (\d+)/.test(x.message) || x.message.includes('Chỉ tiêu 200')), d[0]?.message);
        await assertServing(c);
        console.log(`      200 edits in a burst: the last version's diagnostics after ${Date.now() - t0} ms`);
      }));
  });

  describe('a killed server', () => {
    it('a fresh server started after a kill -9 serves again', async () => {
      const victim = new TestLspClient();
      await victim.initialize(wsUri);
      const uri = `${wsUri}/victim.report.md`;
      await victim.open(uri, PROBE);
      await victim.waitForDiagnostics(uri, (x) => x.length > 0);
      const child = (victim as unknown as { child: ChildProcess }).child;
      const exited = new Promise<number | null>((r) => child.once('exit', (_code, signal) => r(signal === 'SIGKILL' ? 9 : null)));
      child.kill('SIGKILL');
      assert.equal(await exited, 9);
      victim.connection.dispose();
      const fresh = new TestLspClient();
      try {
        await fresh.initialize(wsUri);
        await fresh.open(uri, PROBE);
        const d = await fresh.waitForDiagnostics(uri, (x) => x.some((y) => y.code === 'unknown-indicator'));
        assert.ok(d.length > 0);
      } finally {
        await fresh.stop();
      }
    });
  });
});
