/**
 * `policy-report catalog list|show|lint` as users run it: the built bin on a temporary workspace
 * whose .policy-report/indicators.yaml adds entries to the embedded default.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadDefaultCatalog } from '../../server/src/core/catalog';
import { lintCatalog } from '../../server/src/cli/catalog';
import { repoRoot } from '../helpers';

const bin = path.join(repoRoot, 'bin', 'policy-report.js');

function run(args: string[], cwd = repoRoot) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A workspace folder holding `catalog` as its .policy-report/indicators.yaml. */
function workspace(catalog: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-report-catalog-'));
  mkdirSync(path.join(dir, '.policy-report'));
  writeFileSync(path.join(dir, '.policy-report', 'indicators.yaml'), catalog, 'utf8');
  return dir;
}

const GOOD = `indicators:
  - id: hue-digital-tourism-revenue
    name: Doanh thu du lịch số của Huế
    aliases: [doanh thu du lịch số Huế]
    measure: flow
    unit: đồng
    unitClass: currency
    targets:
      - { value: 1000000000000, period: "2026", source: Kế hoạch của tỉnh }
    sources: [https://example.org/hue]
`;

const BAD = `indicators:
  - id: shared-alias-entry
    name: Chỉ tiêu thử nghiệm một
    aliases: [xuất khẩu phần mềm]
    measure: stock
    cumulative: true
    unit: cái
    unitClass: count
    sources: [https://example.org/a]
  - id: prefix-alias-entry
    name: Chỉ tiêu thử nghiệm hai
    aliases: [Tỷ lệ dân số trưởng thành]
    measure: ratio
    unit: "%"
    unitClass: percent
    sources: [https://example.org/b]
  - id: yearless-target-entry
    name: Chỉ tiêu thử nghiệm ba
    measure: ratio
    unit: "%"
    unitClass: percent
    targets:
      - { value: 50, period: cuối kỳ, source: Kế hoạch }
`;

describe('policy-report catalog', function () {
  // Each test starts the CLI several times: seconds each on a loaded machine (23 s seen for 'show').
  const dirs: string[] = [];
  after(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('list: every indicator of the merged catalog, with id, name, measure and unit', () => {
    const dir = workspace(GOOD);
    dirs.push(dir);
    const text = run(['catalog', 'list'], dir);
    assert.equal(text.status, 0, text.stderr);
    const lines = text.stdout.trim().split('\n');
    assert.equal(lines.length, loadDefaultCatalog().length + 1);
    assert.ok(lines.includes('hue-digital-tourism-revenue\tDoanh thu du lịch số của Huế\tflow\tđồng'));
    assert.ok(lines.includes('gii-rank\tXếp hạng Chỉ số đổi mới sáng tạo toàn cầu\trank\thạng'));
    const json = run(['catalog', 'list', '--format', 'json'], dir);
    const rows = JSON.parse(json.stdout) as Array<{ id: string; defined: string }>;
    assert.equal(rows.find((r) => r.id === 'hue-digital-tourism-revenue')?.defined, '.policy-report/indicators.yaml:2');
    assert.equal(rows.find((r) => r.id === 'egdi-rank')?.defined, 'default');
  });

  it('show: one entry by id, name or alias, resolved as a reference is; unknown and shared names exit 1', () => {
    const dir = workspace(GOOD);
    dirs.push(dir);
    const byAlias = run(['catalog', 'show', 'doanh thu du lịch số Huế', '--format', 'json'], dir);
    assert.equal(byAlias.status, 0, byAlias.stderr);
    const shown = JSON.parse(byAlias.stdout) as { match: string; indicator: { id: string; sources: string[] } };
    assert.equal(shown.match, 'alias');
    assert.equal(shown.indicator.id, 'hue-digital-tourism-revenue');
    assert.deepEqual(shown.indicator.sources, ['https://example.org/hue']);
    const byAbbreviation = run(['catalog', 'show', '2IPD'], dir);
    assert.equal(byAbbreviation.status, 0);
    assert.match(byAbbreviation.stdout, /^\(abbreviation\)\npostal-2ipd-rank: Xếp hạng Chỉ số tích hợp phát triển bưu chính/);
    assert.match(byAbbreviation.stdout, /compilers: Liên minh Bưu chính Thế giới \(UPU\)/);
    const byId = run(['catalog', 'show', 'egdi-asean-rank'], dir);
    assert.match(byId.stdout, /scope: asean/);
    const unknown = run(['catalog', 'show', 'Tỷ lệ hồ sơ trực tuyến'], dir);
    assert.equal(unknown.status, 1);
    assert.match(unknown.stdout, /is not in the catalog; closest/);
    const shared = run(['catalog', 'show', 'Tỷ trọng kinh tế số trong GDP', '--format', 'json'], dir);
    assert.equal(shared.status, 1);
    assert.deepEqual((JSON.parse(shared.stdout) as { candidates: Array<{ id: string }> }).candidates.map((c) => c.id).sort(), ['digital-economy-gdp-share-gso', 'digital-economy-gdp-share-mic']);
  });

  it('lint: the embedded default and a clean workspace have no error (exit 0)', () => {
    const dir = workspace(GOOD);
    dirs.push(dir);
    const r = run(['catalog', 'lint'], dir);
    assert.equal(r.status, 0, r.stdout);
    assert.match(r.stdout, new RegExp(`^${loadDefaultCatalog().length + 1} indicators: 0 error\\(s\\), 0 warning\\(s\\)$`, 'm'));
    assert.deepEqual(lintCatalog(loadDefaultCatalog()), []);
  });

  it('lint: a shared alias, an alias that begins another name, a target without a year, no source (exit 1)', () => {
    const dir = workspace(BAD);
    dirs.push(dir);
    const r = run(['catalog', 'lint', '--format', 'json'], dir);
    assert.equal(r.status, 1, r.stderr);
    const problems = JSON.parse(r.stdout) as Array<{ severity: string; code: string; indicator: string; other?: string; defined?: string }>;
    const got = problems.map((p) => `${p.severity} ${p.code} ${p.indicator}${p.other ? ` ${p.other}` : ''}`).sort();
    assert.deepEqual(got, [
      'error alias-prefix prefix-alias-entry adults-digital-signature',
      'error alias-prefix prefix-alias-entry adults-eid-share',
      'error alias-prefix prefix-alias-entry adults-with-smartphone',
      'error alias-prefix prefix-alias-entry telehealth-users',
      'error alias-prefix shared-alias-entry software-it-services-exports',
      'error shared-alias shared-alias-entry software-it-services-exports',
      'error target-without-year yearless-target-entry',
      'warning no-source yearless-target-entry',
    ]);
    assert.equal(problems.find((p) => p.code === 'target-without-year')?.defined, '.policy-report/indicators.yaml:17');
    const text = run(['catalog', 'lint'], dir);
    assert.equal(text.status, 1);
    assert.match(text.stdout, /^error shared-alias \.policy-report\/indicators\.yaml:2 shared-alias-entry: "xuất khẩu phần mềm" names both/m);
    assert.match(text.stdout, /7 error\(s\), 1 warning\(s\)$/m);
  });

  it('lint: a catalog file that does not parse is an error at its position', () => {
    const dir = workspace('indicators:\n  - id: x\n    name: [unclosed\n');
    dirs.push(dir);
    const r = run(['catalog', 'lint'], dir);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^error \.policy-report\/indicators\.yaml:\d+:\d+: /m);
  });

  it('usage errors exit 2 with the usage; --help exits 0', () => {
    for (const args of [['catalog'], ['catalog', 'frobnicate'], ['catalog', 'show'], ['catalog', 'list', 'extra'], ['catalog', 'list', '--format', 'xml'], ['catalog', 'lint', '--colour']]) {
      const r = run(args);
      assert.equal(r.status, 2, args.join(' '));
      assert.match(r.stderr, /policy-report catalog list\|show NAME\|lint/);
    }
    const help = run(['catalog', '--help']);
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^policy-report catalog list\|show NAME\|lint/);
    assert.match(run(['--help']).stdout, /policy-report catalog list\|show NAME\|lint/);
  });
});
