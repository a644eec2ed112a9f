/**
 * The CLI on a folder of hostile files: binary, not UTF-8, 20 MB, empty, a BOM alone, a FIFO, a
 * broken link, a folder named like a report, a file without read permission, and broken catalogs
 * and figures.csv. It never prints a stack trace, always prints valid JSON, exits 0 or 1 on a
 * folder (a file in it that cannot be read is an `unreadable-file` finding on that file, or a
 * `catalog-error` for a data file, and a line on stderr), 2 only when a path named on the command
 * line cannot be read (the contract's "unreadable input"), and still checks and prints the others.
 * Nothing stalls: a file too large to check is refused before it is read.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fixturesDir, repoRoot, HANG_MS } from '../helpers';

const bin = path.join(repoRoot, 'bin', 'policy-report.js');
const GOOD = '---\nsession: 9\ndate: 2024-07-10\nperiod: 2024-S1\ntitle: Phiên họp thứ 9\n---\n\n## Kết quả đạt được\n\n[[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt 42%.\n';

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

function run(args: string[], cwd: string): Run {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' }, timeout: HANG_MS, maxBuffer: 64 * 1024 * 1024 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms: Date.now() - t0 };
}

/** No stack trace, whatever happened. */
function assertNoStack(r: Run): void {
  assert.doesNotMatch(r.stderr, /^\s+at .+\(.+:\d+:\d+\)$/m, r.stderr);
  assert.doesNotMatch(r.stderr, /TypeError|RangeError|ReferenceError|FATAL/, r.stderr);
}

interface JsonFinding {
  file: string;
  code: string;
  severity: string;
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

describe('CLI on hostile files', function () {
  let dir: string;
  let canChmod = false;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-hostile-'));
    cpSync(path.join(fixturesDir, 'hostile', 'folder'), dir, { recursive: true });
    // What cannot be committed.
    writeFileSync(path.join(dir, 'huge.report.md'), GOOD + 'Nội dung dài. '.repeat(1_500_000)); // ~21 MB
    try {
      spawnSync('mkfifo', [path.join(dir, 'pipe.report.md')]);
    } catch {
      /* no mkfifo: the case is skipped */
    }
    symlinkSync(path.join(dir, 'nowhere.md'), path.join(dir, 'broken-link.report.md'));
    mkdirSync(path.join(dir, 'folder.report.md'));
    writeFileSync(path.join(dir, 'folder.report.md', 'inner.report.md'), GOOD);
    writeFileSync(path.join(dir, 'locked.report.md'), GOOD);
    try {
      chmodSync(path.join(dir, 'locked.report.md'), 0o000);
      canChmod = true;
    } catch {
      /* some file systems cannot */
    }
  });

  after(() => {
    try {
      chmodSync(path.join(dir, 'locked.report.md'), 0o644);
    } catch {
      /* gone */
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('check --format json on the folder: valid JSON, each unreadable file a finding with its reason, exit 1, no stall', () => {
    const r = run(['check', '.', '--format', 'json'], dir);
    assertNoStack(r);
    assert.equal(r.status, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    const files = new Set(findings.map((f) => f.file));
    for (const f of ['empty.report.md', 'bom-only.report.md', 'mixed-line-ends.report.md', 'folder.report.md/inner.report.md']) assert.ok(files.has(f), `${f} checked: ${[...files]}`);
    // The empty file and the BOM alone: a clear front-matter finding, at 0:0.
    for (const f of ['empty.report.md', 'bom-only.report.md']) {
      const fm = findings.find((x) => x.file === f && x.code === 'front-matter');
      assert.ok(fm, `${f}: front-matter finding`);
      assert.deepEqual(fm.range.start, { line: 0, character: 0 });
    }
    // Each refused file, with why.
    assert.match(r.stderr, /cannot read binary\.report\.md: a binary file/);
    assert.match(r.stderr, /cannot read latin1\.report\.md: not valid UTF-8/);
    assert.match(r.stderr, /cannot read huge\.report\.md: too large \(2\d\.\d MB; the limit is 8\.0 MB\)/);
    assert.match(r.stderr, /cannot read broken-link\.report\.md: no such file/);
    if (process.platform !== 'win32') assert.match(r.stderr, /cannot read pipe\.report\.md: not a regular file/);
    for (const refused of ['binary', 'latin1', 'huge', 'broken-link', ...(process.platform !== 'win32' ? ['pipe'] : [])]) {
      const mine = findings.filter((f) => f.file === `${refused}.report.md`);
      assert.deepEqual(
        mine.map((f) => [f.code, f.severity, f.range.start.line, f.range.start.character]),
        [['unreadable-file', 'error', 0, 0]],
        refused,
      );
      assert.match(mine[0].message, /cannot be read|không đọc được/);
    }
    // Run as root (CI containers), chmod 000 is still readable: then it is checked; else refused.
    const lockedRefused = /cannot read locked\.report\.md: permission denied/.test(r.stderr);
    const lockedChecked = findings.some((f) => f.file === 'locked.report.md' && f.code !== 'unreadable-file');
    assert.ok(lockedRefused !== lockedChecked, `locked.report.md is either checked or refused: ${r.stderr}`);
    if (canChmod && process.getuid?.() !== 0) assert.ok(lockedRefused, 'a non-root run cannot read a chmod 000 file');
    assert.ok(r.ms < 60000, `took ${r.ms} ms`);
  });

  it('check --format sarif and text, and figures: the same, in their formats', () => {
    const sarif = run(['check', '.', '--format', 'sarif'], dir);
    assertNoStack(sarif);
    assert.equal(sarif.status, 1);
    assert.equal((JSON.parse(sarif.stdout) as { version: string }).version, '2.1.0');
    const text = run(['check', '.'], dir);
    assertNoStack(text);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /^Checked \d+ files?: /m);
    const figures = run(['figures', '.'], dir);
    assertNoStack(figures);
    assert.equal(figures.status, 0);
    assert.ok(Array.isArray(JSON.parse(figures.stdout)));
    const csv = run(['figures', '.', '--format', 'csv'], dir);
    assertNoStack(csv);
    assert.match(csv.stdout, /^\uFEFFfile,line,character/);
  });

  it('a file named on the command line: exit 0 or 1 when it could be read, however odd; 2 when not, the JSON still valid', () => {
    for (const f of ['good.report.md', 'empty.report.md', 'bom-only.report.md', 'mixed-line-ends.report.md']) {
      const r = run(['check', f, '--format', 'json'], dir);
      assertNoStack(r);
      assert.ok(r.status === 0 || r.status === 1, `${f}: exit ${r.status} ${r.stderr}`);
      const findings = JSON.parse(r.stdout) as JsonFinding[];
      // The broken reports beside it are earlier sessions for the history: each named, not used.
      for (const line of r.stderr.split('\n').filter(Boolean)) assert.match(line, /^policy-report: cannot read \S+: /);
      assert.ok(findings.some((x) => x.file === 'binary.report.md' && x.code === 'unreadable-file'));
    }
    for (const f of ['binary.report.md', 'latin1.report.md', 'missing.report.md']) {
      const r = run(['check', f, '--format', 'json'], dir);
      assertNoStack(r);
      assert.equal(r.status, 2, `${f}: exit ${r.status} ${r.stderr}`);
      assert.ok(Array.isArray(JSON.parse(r.stdout)));
      assert.match(r.stderr, new RegExp(`cannot read ${f.replace('.', '\\.')}: `));
    }
  });

  it('export refuses a FIFO, a binary file and a huge file with a message', () => {
    for (const f of ['binary.report.md', 'huge.report.md', ...(process.platform !== 'win32' ? ['pipe.report.md'] : [])]) {
      const r = run(['export', f], dir);
      assertNoStack(r);
      assert.equal(r.status, 2, f);
      assert.match(r.stderr, new RegExp(`cannot read ${f.replace('.', '\\.')}: `));
    }
  });

  describe('broken workspace files', () => {
    let ws: string;
    const catalog = () => path.join(ws, '.policy-report', 'indicators.yaml');
    beforeEach(() => {
      ws = mkdtempSync(path.join(tmpdir(), 'policy-report-ws-'));
      mkdirSync(path.join(ws, '.policy-report'));
      writeFileSync(path.join(ws, 'draft.report.md'), GOOD);
    });
    afterEach(() => rmSync(ws, { recursive: true, force: true }));

    const checkWs = (): { r: Run; findings: JsonFinding[] } => {
      const r = run(['check', '.', '--format', 'json'], ws);
      assertNoStack(r);
      return { r, findings: JSON.parse(r.stdout) as JsonFinding[] };
    };

    it('a malformed catalog: a catalog-error on it, the report still checked', () => {
      writeFileSync(catalog(), 'indicators:\n  - id: x\n    name: [unclosed\n');
      const { r, findings } = checkWs();
      assert.equal(r.status, 1, r.stderr);
      assert.ok(findings.some((f) => f.file === '.policy-report/indicators.yaml' && f.code === 'catalog-error'));
      assert.ok(!findings.some((f) => f.file === 'draft.report.md' && f.code === 'unknown-indicator'), 'default catalog still in use');
    });

    it('a binary catalog: a catalog-error on it and a line on stderr, exit 1, the report checked with the default catalog', () => {
      writeFileSync(catalog(), Buffer.from([0, 1, 2, 255, 0, 10, 105, 110, 100]));
      const { r, findings } = checkWs();
      assert.equal(r.status, 1);
      assert.ok(findings.some((f) => f.file === '.policy-report/indicators.yaml' && f.code === 'catalog-error' && /binary/.test(f.message)));
      assert.match(r.stderr, /cannot read \.policy-report\/indicators\.yaml: a binary file/);
      assert.ok(findings.some((f) => f.file === 'draft.report.md'));
    });

    it('a 50 MB catalog: refused before it is read, quickly', () => {
      writeFileSync(catalog(), 'indicators:\n' + '  - id: x\n    name: Chỉ tiêu x\n    measure: stock\n    unit: hồ sơ\n    unitClass: count\n'.repeat(600_000));
      const { r } = checkWs();
      assert.equal(r.status, 1);
      assert.match(r.stderr, /cannot read \.policy-report\/indicators\.yaml: too large \(\d+\.\d MB; the limit is 8\.0 MB\)/);
      assert.ok(r.ms < 30000, `took ${r.ms} ms`);
    });

    it('a catalog just under the read limit but too large to be a catalog: a catalog-error', () => {
      writeFileSync(catalog(), 'indicators:\n' + '  - id: x\n    name: Chỉ tiêu x\n    measure: stock\n    unit: hồ sơ\n    unitClass: count\n'.repeat(60_000));
      const { r, findings } = checkWs();
      assert.equal(r.status, 1, r.stderr);
      const e = findings.find((f) => f.code === 'catalog-error');
      assert.match(e?.message ?? '', /too large/);
    });

    it('a catalog nested 10 000 levels deep: a catalog-error, no crash (the yaml package would end the process)', () => {
      writeFileSync(catalog(), 'indicators: ' + '['.repeat(10_000));
      const { r, findings } = checkWs();
      assert.equal(r.status, 1, r.stderr);
      assert.match(findings.find((f) => f.code === 'catalog-error')?.message ?? '', /nested more than 64 levels/);
    });

    it('a config.yaml nested 10 000 levels deep: a config-error on it, no crash (the yaml package would end the process)', () => {
      writeFileSync(path.join(ws, '.policy-report', 'config.yaml'), 'rules: ' + '['.repeat(10_000));
      const { r, findings } = checkWs();
      assert.equal(r.status, 1, r.stderr);
      assert.match(findings.find((f) => f.file === '.policy-report/config.yaml' && f.code === 'config-error')?.message ?? '', /nested more than 64 levels/);
      assert.ok(findings.some((f) => f.file === 'draft.report.md'));
    });

    it('a report whose front matter is nested 10 000 levels deep: a front-matter finding, no crash', () => {
      writeFileSync(path.join(ws, 'deep.report.md'), '---\nsession: ' + '['.repeat(10_000) + '\n---\n\nText.\n');
      const { r, findings } = checkWs();
      assert.equal(r.status, 1, r.stderr);
      assert.match(findings.find((f) => f.file === 'deep.report.md' && f.code === 'front-matter')?.message ?? '', /nested more than 64 levels/);
    });

    it('a binary or huge figures.csv: a catalog-error on it, exit 1, the report checked', () => {
      writeFileSync(path.join(ws, '.policy-report', 'figures.csv'), Buffer.from([0, 0, 0, 1, 2, 3]));
      let { r, findings } = checkWs();
      assert.equal(r.status, 1);
      assert.ok(findings.some((f) => f.file === '.policy-report/figures.csv' && f.code === 'catalog-error'));
      assert.match(r.stderr, /cannot read \.policy-report\/figures\.csv: a binary file/);
      assert.ok(findings.some((f) => f.file === 'draft.report.md'));
      writeFileSync(path.join(ws, '.policy-report', 'figures.csv'), 'indicator,period,value\n' + 'chỉ tiêu lạ,2024,5\n'.repeat(200_000));
      ({ r, findings } = checkWs());
      assert.equal(r.status, 1);
      assert.match(r.stderr, /cannot read \.policy-report\/figures\.csv: too large/);
      assert.ok(r.ms < 30000, `took ${r.ms} ms`);
    });

    it('a 20 MB report among the prior sessions: refused, not parsed for the history', () => {
      writeFileSync(path.join(ws, 'old.report.md'), GOOD.replace('session: 9', 'session: 8') + 'Nội dung. '.repeat(2_000_000));
      const { r, findings } = checkWs();
      assert.equal(r.status, 1);
      assert.match(r.stderr, /cannot read old\.report\.md: too large/);
      assert.ok(findings.some((f) => f.file === 'old.report.md' && f.code === 'unreadable-file'));
      assert.ok(findings.some((f) => f.file === 'draft.report.md'));
      assert.ok(r.ms < 30000, `took ${r.ms} ms`);
    });
  });
});
