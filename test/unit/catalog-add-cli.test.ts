/**
 * `policy-report catalog add NAME` as users run it (issue 14, item 3): the built bin on a temporary
 * workspace; the entry it writes is what the next `check` uses.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseCatalogYaml } from '../../server/src/core/catalog';
import { repoRoot } from '../helpers';

const bin = path.join(repoRoot, 'bin', 'policy-report.js');

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DRAFT = `---
session: 12
date: 2025-09-30
period: 2025
---

# Dự thảo

Năm 2025, [[Số trạm sạc xe điện]] đạt 1.250 trạm.
`;

describe('policy-report catalog add', function () {
  let dir: string;
  const catalogFile = () => path.join(dir, '.policy-report', 'indicators.yaml');
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'policy-report-catalog-add-'));
    writeFileSync(path.join(dir, 'du-thao.report.md'), DRAFT);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const unknownNames = () => {
    const r = run(['check', 'du-thao.report.md', '--format', 'json'], dir);
    const findings = JSON.parse(r.stdout) as Array<{ code: string; message: string }>;
    return findings.filter((f) => f.code === 'unknown-indicator').map((f) => f.message);
  };

  it('creates the workspace catalog; the next check knows the name', () => {
    assert.equal(unknownNames().length, 1);
    const r = run(['catalog', 'add', 'Số trạm sạc xe điện', '--unit', 'trạm', '--compiler', 'Bộ Công Thương'], dir);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Created \.policy-report\/indicators\.yaml:3: added so-tram-sac-xe-dien/);
    const text = readFileSync(catalogFile(), 'utf8');
    assert.match(text, /^# yaml-language-server: \$schema=.*schemas\/indicators\.schema\.json\nindicators:\n {2}- id: so-tram-sac-xe-dien\n/);
    const { indicators, errors } = parseCatalogYaml(text, 'file:///x');
    assert.deepEqual(errors, []);
    assert.deepEqual([indicators[0].measure, indicators[0].unit, indicators[0].unitClass, indicators[0].compiler], ['stock', 'trạm', 'count', 'Bộ Công Thương']);
    assert.deepEqual(unknownNames(), []);
  });

  it('appends the next entry, keeping the bytes already there, and infers a share from the name', () => {
    const before = readFileSync(catalogFile(), 'utf8') + '# ghi chú của nhóm\n';
    writeFileSync(catalogFile(), before);
    const r = run(['catalog', 'add', 'Tỷ lệ xã có điểm bưu chính số', '--format', 'json'], dir);
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { added: { id: string; measure: string; unit: string }; created: boolean };
    assert.deepEqual([out.added.id, out.added.measure, out.added.unit, out.created], ['ti-le-xa-co-diem-buu-chinh-so', 'ratio', '%', false]);
    const after = readFileSync(catalogFile(), 'utf8');
    const { indicators, errors } = parseCatalogYaml(after, 'file:///x');
    assert.deepEqual(errors, []);
    assert.deepEqual(indicators.map((i) => i.id), ['so-tram-sac-xe-dien', 'ti-le-xa-co-diem-buu-chinh-so']);
    // Only inserted: removing the inserted text gives the file back.
    const inserted = after.length - before.length;
    const at = [...before].findIndex((_, k) => before[k] !== after[k]);
    assert.equal(after.slice(0, at) + after.slice(at + inserted), before);
  });

  it('refuses a name that already resolves, one it cannot infer a unit for, and a broken catalog', () => {
    const known = run(['catalog', 'add', 'Tỷ lệ hồ sơ trực tuyến toàn trình'], dir);
    assert.equal(known.status, 1);
    assert.match(known.stderr, /already resolves to online-e2e-dossier-rate/);
    const again = run(['catalog', 'add', 'số trạm sạc xe điện'], dir);
    assert.equal(again.status, 1);
    const noUnit = run(['catalog', 'add', 'Hệ thống giám sát mới'], dir);
    assert.equal(noUnit.status, 1);
    assert.match(noUnit.stderr, /--unit/);
    const badMeasure = run(['catalog', 'add', 'Hệ thống giám sát mới', '--unit', 'hệ thống', '--measure', 'speed'], dir);
    assert.equal(badMeasure.status, 1);
    const usage = run(['catalog', 'add'], dir);
    assert.equal(usage.status, 2);
    const other = mkdtempSync(path.join(os.tmpdir(), 'policy-report-catalog-add-broken-'));
    try {
      mkdirSync(path.join(other, '.policy-report'));
      writeFileSync(path.join(other, '.policy-report', 'indicators.yaml'), 'indicators: [\n');
      const broken = run(['catalog', 'add', 'Số trạm sạc xe điện', '--unit', 'trạm'], other);
      assert.equal(broken.status, 1);
      assert.equal(readFileSync(path.join(other, '.policy-report', 'indicators.yaml'), 'utf8'), 'indicators: [\n', 'the broken file is untouched');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
    assert.ok(existsSync(catalogFile()));
  });
});
