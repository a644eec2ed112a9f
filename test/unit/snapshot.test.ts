/**
 * The history's snapshot (core/history/snapshot.ts): a workspace indexed from the snapshot of an
 * earlier session gives exactly the findings of one indexed by parsing, reads only the reports
 * whose text changed, and ignores a snapshot from another build or a broken one.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { readSnapshot } from '../../server/src/core/history/snapshot';
import { repoRoot } from '../helpers';
import { fixtureWorkspaces } from '../rule-fixtures';

function filesOf(dir: string): { folder: string; files: Record<string, string> } {
  const folder = pathToFileURL(dir).toString();
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.report.md'))) files[`${folder}/${f}`] = readFileSync(path.join(dir, f), 'utf8');
  for (const name of ['figures.csv', 'config.yaml', 'indicators.yaml']) {
    try {
      files[`${folder}/.policy-report/${name}`] = readFileSync(path.join(dir, '.policy-report', name), 'utf8');
    } catch {
      /* not in this folder */
    }
  }
  return { folder, files };
}

async function indexed(folder: string, files: Record<string, string>, snapshot?: string, build = 'test') {
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en' });
  await service.reloadConfig();
  await service.reloadCatalog();
  if (snapshot !== undefined) service.restoreSnapshot(readSnapshot(snapshot, build));
  await service.indexWorkspace();
  return service;
}

/** Each report checked against the history of the others: what a reviewer sees. */
function findingsOf(service: LanguageService, files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [uri, text] of Object.entries(files)) {
    if (!uri.endsWith('.report.md')) continue;
    for (const f of service.check(uri, text, 1)) out.push(JSON.stringify([path.basename(uri), f.code, f.range, f.message, f.related]));
    service.forget(uri, text);
  }
  return out.sort();
}

const workspaces = [path.join(repoRoot, 'examples'), ...fixtureWorkspaces().map((ws) => ws.dir)];

describe('history snapshot', () => {
  for (const dir of workspaces) {
    it(`${path.relative(repoRoot, dir)}: the same findings from the snapshot, nothing parsed`, async () => {
      const { folder, files } = filesOf(dir);
      const reports = Object.keys(files).filter((u) => u.endsWith('.report.md')).length;
      const parsed = await indexed(folder, files);
      assert.deepEqual(parsed.indexStats, { parsed: reports, restored: 0 });
      const json = JSON.stringify(parsed.snapshot('test'));
      // What the server writes: the same text, one report at a time.
      assert.equal([...parsed.snapshotJson('test')].join(''), json);
      const restored = await indexed(folder, files, json);
      assert.deepEqual(restored.indexStats, { parsed: 0, restored: reports });
      assert.equal(restored.history.entryCount, parsed.history.entryCount);
      const expected = findingsOf(parsed, files);
      assert.deepEqual(findingsOf(restored, files), expected);
      if (dir.endsWith('examples')) assert.ok(expected.length > 10, 'the examples have findings to compare');
    });
  }

  it('parses only the reports whose text changed', async () => {
    const { folder, files } = filesOf(path.join(repoRoot, 'examples'));
    const json = JSON.stringify((await indexed(folder, files)).snapshot('test'));
    const changedUri = Object.keys(files).find((u) => u.endsWith('phien-05-2023-02-25.report.md'))!;
    const changed = { ...files, [changedUri]: files[changedUri] + '\n[[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt 99,9%.\n' };
    const service = await indexed(folder, changed, json);
    assert.equal(service.indexStats.parsed, 1);
    const fresh = await indexed(folder, changed);
    assert.deepEqual(findingsOf(service, changed), findingsOf(fresh, changed));
  });

  it('ignores a snapshot of another build, of another format, or not JSON', async () => {
    const { folder, files } = filesOf(path.join(repoRoot, 'examples'));
    const reports = Object.keys(files).filter((u) => u.endsWith('.report.md')).length;
    const json = JSON.stringify((await indexed(folder, files)).snapshot('old build'));
    for (const bad of [json, json.replace('"format":1', '"format":0'), '{"format":1', '\u0000\u0001', 'null', '[]']) {
      assert.equal(readSnapshot(bad, 'test'), null);
      const service = await indexed(folder, files, bad);
      assert.deepEqual(service.indexStats, { parsed: reports, restored: 0 });
    }
  });
});
