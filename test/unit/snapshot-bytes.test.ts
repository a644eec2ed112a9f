/**
 * The saved snapshot read a report at a time from its bytes (core/history/snapshot-bytes.ts, what
 * lsp/index-store.ts load does): the same snapshot as the whole text parsed at once, the same index
 * and findings from it; a file not in the writer's form is no snapshot; a report whose saved form
 * does not parse is read from its text, the others still restored.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { readSnapshot, type Snapshot } from '../../server/src/core/history/snapshot';
import { readSnapshotBytes, savedHash } from '../../server/src/core/history/snapshot-bytes';
import { repoRoot } from '../helpers';

const dir = path.join(repoRoot, 'examples');
const folder = pathToFileURL(dir).toString();
const files: Record<string, string> = {};
for (const f of readdirSync(dir).filter((f) => f.endsWith('.report.md'))) files[`${folder}/${f}`] = readFileSync(path.join(dir, f), 'utf8');
const reports = Object.keys(files).length;

async function indexed(snapshot: Snapshot | null) {
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en' });
  await service.reloadConfig();
  await service.reloadCatalog();
  service.restoreSnapshot(snapshot);
  await service.indexWorkspace();
  return service;
}

const bytes = (s: string) => new TextEncoder().encode(s);

function findingsOf(service: LanguageService): string[] {
  return Object.entries(files).flatMap(([uri, text]) => service.check(uri, text, 1).map((f) => JSON.stringify([uri, f.code, f.range, f.message])));
}

describe('history snapshot read from its bytes', () => {
  it('is the snapshot the whole text parses to, and restores every report with the same findings', async () => {
    const parsed = await indexed(null);
    const json = [...parsed.snapshotJson('test')].join('');
    assert.ok(reports > 2 && /[^\u0000-\u00ff]/.test(json), 'several reports, two-byte characters in their saved forms');
    const lazy = readSnapshotBytes(bytes(json), 'test');
    assert.ok(lazy);
    assert.deepStrictEqual(lazy, readSnapshot(json, 'test'));
    for (const uri of Object.keys(files)) assert.equal(savedHash(lazy, uri), JSON.parse(json).reports[uri].hash);
    const restored = await indexed(lazy);
    assert.deepEqual(restored.indexStats, { parsed: 0, restored: reports });
    assert.deepEqual(findingsOf(restored), findingsOf(parsed));
  });

  it('is null for another build, another format, or a file not in the writer form', async () => {
    const json = [...(await indexed(null)).snapshotJson('test')].join('');
    const bad = [
      json.replace('"build":"test"', '"build":"other"'),
      json.replace(/"format":\d+/, '"format":0'),
      json.slice(0, -1),
      json + ' ',
      json.slice(0, json.length / 2),
      JSON.stringify(JSON.parse(json), null, 1),
      '{"format":1',
      '',
      'null',
    ];
    for (const b of bad) assert.equal(readSnapshotBytes(bytes(b), 'test'), null, b.slice(0, 80));
    assert.deepEqual(readSnapshotBytes(bytes(json.replace(/"reports":\{.*\}\}$/s, '"reports":{}}')), 'test')?.reports, {});
  });

  it('a report whose saved form does not parse is read from its text, the others restored', async () => {
    const json = [...(await indexed(null)).snapshotJson('test')].join('');
    const uri = Object.keys(files)[1];
    const at = json.indexOf(`${JSON.stringify(uri)}:{`) + JSON.stringify(uri).length;
    const end = json.indexOf('"figures":', at);
    // The same brackets and quotes (the report's place is found), an invalid value inside.
    const broken = json.slice(0, end) + '"figures":x' + json.slice(end + '"figures":'.length);
    const lazy = readSnapshotBytes(bytes(broken), 'test');
    assert.ok(lazy);
    assert.equal(lazy.reports[uri], undefined);
    const service = await indexed(lazy);
    assert.deepEqual(service.indexStats, { parsed: 1, restored: reports - 1 });
    assert.deepEqual(findingsOf(service), findingsOf(await indexed(null)));
  });
});
