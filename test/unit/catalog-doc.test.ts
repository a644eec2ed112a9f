/**
 * docs/catalog-defaults.md: the table of default indicators is generated from the data
 * (scripts/catalog-doc.mjs, `npm run docs:catalog`) and this test fails when it is out of date.
 * docs/catalog.md (the guide to the catalog, shipped in the .vsix) links to it.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadDefaultCatalog } from '../../server/src/core/catalog';
import { repoRoot } from '../helpers';

const script = path.join(repoRoot, 'scripts', 'catalog-doc.mjs');
const docPath = path.join(repoRoot, 'docs', 'catalog-defaults.md');
const catalogPath = path.join(repoRoot, 'server', 'src', 'core', 'catalog', 'default-catalog.yaml');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [script, ...args], { cwd: repoRoot, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('docs/catalog-defaults.md', () => {
  let tmp = '';
  before(() => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'policy-report-doc-'));
  });
  after(() => rmSync(tmp, { recursive: true, force: true }));

  it('is up to date with the default catalog (run npm run docs:catalog)', () => {
    const r = run(['--check']);
    assert.equal(r.status, 0, r.stderr);
  });

  it('lists every default indicator with its sources, between the markers', () => {
    const doc = readFileSync(docPath, 'utf8');
    const body = doc.slice(doc.indexOf('<!-- catalog:begin -->'), doc.indexOf('<!-- catalog:end -->'));
    for (const ind of loadDefaultCatalog()) {
      const row = body.split('\n').find((l) => l.startsWith(`| \`${ind.id}\` |`));
      assert.ok(row, `${ind.id} is not in the table`);
      for (const s of ind.sources ?? []) assert.ok(row.includes(`(${s})`), `${ind.id}: source ${s}`);
    }
    assert.match(body, new RegExp(`^${loadDefaultCatalog().length} indicators / chỉ tiêu:`, 'm'));
  });

  it('is what docs/catalog.md links to for the table, which it no longer carries', () => {
    const guide = readFileSync(path.join(repoRoot, 'docs', 'catalog.md'), 'utf8');
    assert.match(guide, /\]\(catalog-defaults\.md\)/);
    assert.ok(!guide.includes('<!-- catalog:begin -->'));
  });

  it('--check fails on a stale table; regenerating restores it and keeps the prose', () => {
    const doc = readFileSync(docPath, 'utf8');
    const stale = path.join(tmp, 'catalog-defaults.md');
    writeFileSync(stale, doc.replace('| `gii-rank` |', '| `gii-rank-edited-by-hand` |'), 'utf8');
    assert.equal(run(['--check', '--doc', stale]).status, 1);
    assert.equal(run(['--doc', stale]).status, 0);
    assert.equal(readFileSync(stale, 'utf8'), doc);
    // A catalog without an entry: its row goes, the text outside the markers stays.
    const yaml = readFileSync(catalogPath, 'utf8');
    const start = yaml.indexOf('  - id: gii-score\n');
    const end = yaml.indexOf('\n  - id: ', start + 1);
    const smaller = path.join(tmp, 'smaller.yaml');
    writeFileSync(smaller, yaml.slice(0, start) + yaml.slice(end + 1), 'utf8');
    assert.equal(run(['--catalog', smaller, '--doc', stale]).status, 0);
    const regenerated = readFileSync(stale, 'utf8');
    assert.ok(!regenerated.includes('| `gii-score` |'));
    assert.ok(regenerated.includes('| `gii-rank` |'));
    const prose = (t: string) => t.slice(0, t.indexOf('<!-- catalog:begin -->'));
    assert.equal(prose(regenerated), prose(doc));
  });
});
