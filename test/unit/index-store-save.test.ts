/**
 * The history's index written by the server (lsp/index-store.ts save): its pieces are let go as
 * they are written (`lettingGo`: about 20 MB for 200 sessions would otherwise stay until the whole
 * file is), and what is read back is the service's snapshot as it was.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { IndexStore, lettingGo } from '../../server/src/lsp/index-store';

describe('the saved history index (index-store save)', function () {
  it('lettingGo gives every item in order and keeps none it has given', () => {
    const list: Array<string | undefined> = ['a', 'b', 'c'];
    const seen: string[] = [];
    for (const item of lettingGo(list)) {
      seen.push(item);
      assert.equal(list[seen.length - 1], undefined, 'the slot of the item just taken is empty');
      assert.deepEqual(list.slice(seen.length), ['a', 'b', 'c'].slice(seen.length), 'the later slots are kept');
    }
    assert.deepEqual(seen, ['a', 'b', 'c']);
    assert.deepEqual(list, [undefined, undefined, undefined]);
  });

  it('reads back as the snapshot the service had when it was saved', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'policy-report-index-save-'));
    try {
      const files = new InMemoryWorkspace();
      for (let s = 1; s <= 3; s++) {
        files.files.set(
          `file:///ws/phien-${s}.report.md`,
          `---\nsession: ${s}\ndate: 2024-0${s}-10\nperiod: 2024-Q${s}\n---\n\n# Phiên ${s}\n\n[[tỷ trọng kinh tế số trong GDP]] đạt ${10 + s},5% trong quý ${s}/2024.\n`,
        );
      }
      const service = new LanguageService({ workspace: files, folders: ['file:///ws'], lang: 'vi' });
      await service.reloadCatalog();
      await service.indexWorkspace();
      const store = new IndexStore(dir);
      const warnings: string[] = [];
      await store.save(service, (m) => warnings.push(m));
      assert.deepEqual(warnings, []);
      const back = await new IndexStore(dir).load();
      assert.ok(back);
      const now = service.snapshot(back.build);
      assert.equal(Object.keys(now.reports).length, 3);
      assert.deepStrictEqual(back, now);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
