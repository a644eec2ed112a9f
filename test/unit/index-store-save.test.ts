/**
 * The history's index written by the server (lsp/index-store.ts save): its pieces are let go as
 * they are written (`lettingGo`: about 20 MB for 200 sessions would otherwise stay until the whole
 * file is), joined into pieces of at least a megabyte (`joined`: a block that large is mapped on its
 * own by malloc and given back when freed), and what is read back is the service's snapshot as it was.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { IndexStore, joined, lettingGo } from '../../server/src/lsp/index-store';

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

  it('joined gives the same text in order, every piece but the last at least the size asked', () => {
    const pieces = ['{', 'ab', 'c', 'défg', 'h', '', 'ij', '}'];
    for (const chars of [1, 2, 3, 5, 100]) {
      const out = [...joined(pieces, chars)];
      assert.equal(out.join(''), pieces.join(''), `chars ${chars}`);
      for (const piece of out.slice(0, -1)) assert.ok(piece.length >= chars, `chars ${chars}: ${JSON.stringify(out)}`);
    }
    assert.deepEqual([...joined(pieces, 100)], [pieces.join('')]);
    assert.deepEqual([...joined([], 4)], []);
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
