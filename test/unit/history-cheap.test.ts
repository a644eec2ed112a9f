/**
 * The history's cheap path (parse/document.ts parseReport `history`, used by the service for the
 * reports it indexes without checking them) gives exactly the history of the full parse: over every
 * rule fixture workspace and the examples, the saved index (the history documents of every report,
 * history/snapshot.ts) is the same whether the reports were read by the cheap path or in full
 * (`rememberIndexed`: the CLI's full parse, kept for the check that follows). The same on random
 * reports: test/unit/property.test.ts.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { repoRoot } from '../helpers';
import { fixtureWorkspaces } from '../rule-fixtures';

/** The saved index of a folder's reports, read by the cheap path (`cheap`) or in full. */
async function savedIndex(dir: string, cheap: boolean) {
  const folder = pathToFileURL(dir).toString();
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.report.md'))) files[`${folder}/${f}`] = readFileSync(path.join(dir, f), 'utf8');
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en', rememberIndexed: !cheap });
  await service.reloadCatalog();
  await service.indexWorkspace();
  return { snapshot: service.snapshot('test'), entries: service.history.entryCount, reports: Object.keys(files).length };
}

describe("the history's cheap path", function () {
  this.timeout(0);

  it('indexes every fixture workspace and the examples into exactly the history of the full parse', async () => {
    const dirs = [...fixtureWorkspaces().map((ws) => ws.dir), path.join(repoRoot, 'examples')];
    let entries = 0;
    let reports = 0;
    for (const dir of dirs) {
      const cheap = await savedIndex(dir, true);
      const full = await savedIndex(dir, false);
      assert.deepEqual(cheap.snapshot, full.snapshot, dir);
      assert.equal(cheap.entries, full.entries, dir);
      entries += full.entries;
      reports += full.reports;
    }
    // Not a vacuous comparison: the fixtures bind figures into the history.
    assert.ok(reports > 50 && entries > 100, `${reports} reports, ${entries} history entries`);
  });
});
