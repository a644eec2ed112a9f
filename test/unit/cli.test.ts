/**
 * The CLI as users and CI run it: exit codes, the JSON shape with 0-based ranges, SARIF 2.1.0
 * validated against the official schema, the figures table.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import { repoRoot } from '../helpers';

const bin = path.join(repoRoot, 'bin', 'policy-report.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

interface JsonFinding {
  file: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: string;
  code: string;
  message: string;
}

describe('policy-report CLI', function () {
  // Each test waits for a child process to exit (and the SARIF one compiles the 2.1.0 schema): on a
  // loaded 2-core machine that took past mocha's 20 s default once (a SARIF run at load 11-12). The
  // wait is on the process's exit, not on a clock; the limit only catches a hang.
  it('check --format json: the examples\' mistakes with 0-based ranges and rule ids, exit 1', () => {
    const r = run(['check', 'examples/', '--format', 'json']);
    assert.equal(r.status, 1, r.stderr);
    const findings = JSON.parse(r.stdout) as JsonFinding[];
    for (const f of findings) {
      assert.deepEqual(Object.keys(f).sort().filter((k) => k !== 'related'), ['code', 'file', 'message', 'range', 'severity']);
      assert.ok(['error', 'warning', 'information', 'hint'].includes(f.severity));
    }
    const draft = readFileSync(path.join(repoRoot, 'examples', 'du-thao-phien-10.report.md'), 'utf8').split('\n');
    const inDraft = findings.filter((f) => f.file === 'examples/du-thao-phien-10.report.md');
    // Each finding's range points at the text it is about.
    const unknown = inDraft.find((f) => f.code === 'unknown-indicator')!;
    const line = draft[unknown.range.start.line];
    assert.equal(line.slice(unknown.range.start.character, unknown.range.end.character), 'Số tài khoảng trên Cổng Dịch vụ công quốc gia');
    // A finding across sessions links to the earlier session's file and line.
    const conflict = inDraft.find((f) => f.code === 'figure-conflict') as JsonFinding & { related: Array<{ uri: string; range: JsonFinding['range'] }> };
    assert.equal(conflict.related[0].uri, 'examples/phien-02-2022-04-27.report.md');
    const earlier = readFileSync(path.join(repoRoot, 'examples', 'phien-02-2022-04-27.report.md'), 'utf8').split('\n');
    assert.match(earlier[conflict.related[0].range.start.line].slice(conflict.related[0].range.start.character), /^khoảng 53 tỷ USD/);
    const frac = inDraft.find((f) => f.code === 'fraction-exceeds-whole')!;
    assert.equal(draft[frac.range.start.line].slice(frac.range.start.character, frac.range.end.character), '54/53');
    assert.deepEqual(
      [...new Set(inDraft.map((f) => f.code))].sort(),
      [
        'count-decimals',
        'denominator-mismatch',
        'english-decimal',
        'figure-conflict',
        'fraction-exceeds-whole',
        'fraction-percent-mismatch',
        'implied-base-conflict',
        'non-canonical-name',
        'parts-total-mismatch',
        'percent-out-of-range',
        'rank-change-mismatch',
        'series-outlier',
        'stock-decrease',
        'target-claim',
        'unaccented-name',
        'unit-mismatch',
        'unknown-indicator',
        'unmarked-indicator',
        'wrong-series',
      ],
    );
  });

  it('check --format sarif: valid SARIF 2.1.0', () => {
    const r = run(['check', 'examples/', '--format', 'sarif']);
    assert.equal(r.status, 1, r.stderr);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: Array<{ results: unknown[]; tool: { driver: { rules: Array<{ id: string }> } } }> };
    const schema = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', '@microsoft', 'jest-sarif', 'lib', 'schemas', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The published schema has a pattern that is only valid without the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    const validate = ajv.compile(schema);
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(sarif.version, '2.1.0');
    const results = sarif.runs[0].results as Array<{ ruleId: string; ruleIndex: number; locations: Array<{ physicalLocation: { region: { startLine: number } } }> }>;
    assert.ok(results.length >= 9);
    for (const res of results) assert.equal(sarif.runs[0].tool.driver.rules[res.ruleIndex].id, res.ruleId);
    // SARIF lines are 1-based: the JSON's 0-based line + 1.
    const json = JSON.parse(run(['check', 'examples/', '--format', 'json']).stdout) as JsonFinding[];
    assert.deepEqual(
      results.map((x) => x.locations[0].physicalLocation.region.startLine),
      json.map((f) => f.range.start.line + 1),
    );
  });

  it('exit 0 on a clean file, 2 on a missing path or a bad option', () => {
    assert.equal(run(['check', 'examples/phien-09-2024-07-10.report.md']).status, 0);
    const missing = run(['check', 'no/such/file.report.md']);
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /cannot read/);
    assert.equal(run(['check', '--format', 'xml', 'examples/']).status, 2);
    assert.equal(run(['frobnicate']).status, 2);
  });

  it('text format prints file:line:col and a summary', () => {
    const r = run(['check', 'examples/du-thao-phien-10.report.md', '--lang', 'vi']);
    assert.equal(r.status, 1);
    assert.match(r.stdout, /^examples\/du-thao-phien-10\.report\.md:\d+:\d+: error unknown-indicator: Chỉ tiêu/m);
    assert.match(r.stdout, /\nĐã kiểm tra 1 tệp: \d+ lỗi, \d+ cảnh báo, \d+ thông tin, \d+ gợi ý\.\n$/);
    const en = run(['check', 'examples/du-thao-phien-10.report.md', '--lang', 'en']);
    assert.match(en.stdout, /\nChecked 1 file: \d+ errors?, \d+ warnings?, \d+ information, \d+ hints?\.\n$/);
  });

  it('figures: one record per reference with the value a Vietnamese reader means', () => {
    const r = run(['figures', 'examples/phien-02-2022-04-27.report.md', 'examples/phien-09-2024-07-10.report.md']);
    assert.equal(r.status, 0, r.stderr);
    const records = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
    const find = (id: string, file: string) => records.find((x) => x.indicator === id && String(x.file).includes(file))!;
    const revenue = find('digital-economy-revenue', 'phien-02');
    assert.equal(revenue.value, 53e9);
    assert.equal(revenue.unit, 'USD');
    assert.equal(revenue.qualifier, 'khoảng');
    assert.equal(revenue.period, '2022-Q1');
    assert.equal(revenue.session, 2);
    assert.equal(revenue.date, '2022-04-27');
    assert.equal(revenue.role, 'level');
    const e2e = find('online-e2e-dossier-rate', 'phien-09');
    assert.equal(e2e.value, 42);
    assert.equal(e2e.unit, '%');
    assert.equal(e2e.period, '2024-S1');
    const villages = find('dead-zone-villages-covered', 'phien-09');
    assert.equal(villages.value, 256);
    assert.equal(villages.denominator, 896);
    assert.equal(villages.role, 'part');
    const businesses = find('digital-tech-businesses', 'phien-09');
    assert.equal(businesses.value, 50350);
    for (const rec of records) {
      for (const k of ['file', 'range', 'indicator', 'name', 'raw', 'value', 'unit', 'qualifier', 'period', 'session', 'date', 'role']) assert.ok(k in rec, k);
    }
    const csv = run(['figures', 'examples/phien-02-2022-04-27.report.md', '--format', 'csv']);
    assert.equal(csv.status, 0);
    const [header, ...rows] = csv.stdout.trimEnd().split('\n');
    assert.equal(header, '\uFEFFfile,line,character,indicator,name,raw,value,unit,qualifier,period,session,date,role,kind,denominator,multiplier,decimals,change');
    assert.equal(rows.length, records.filter((x) => String(x.file).includes('phien-02')).length);
  });
});
