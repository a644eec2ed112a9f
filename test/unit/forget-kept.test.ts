/**
 * A closed document's chunks leave the content caches (core/caches.ts forgetChunks), but not those
 * another open document still has: two drafts of one session share table rows and paragraphs (the
 * bench's 100 KB and 1 MB drafts), and closing one made the other's next keystroke derive its
 * shared chunks anew, and a digit typed into its table read every shared row again. What is kept
 * is seen by identity: an unchanged chunk's or row's placed figures are the objects placed before.
 * The findings are those of a fresh check either way.
 */
import * as assert from 'node:assert/strict';
import { clearContentCaches } from '../../server/src/core/caches';
import { indexedService } from './indexed-service';
import { sizedReport } from '../../bench/workspace.mjs';

const folder = 'file:///forget-kept';

describe('closing a document that shares chunks with an open one', function () {
  this.timeout(600000);

  it("keeps the open document's chunks and rows: its next versions place the same figures", async () => {
    const files: Record<string, string> = {};
    for (let s = 1; s <= 3; s++) files[`${folder}/phien-${s}.report.md`] = sizedReport({ s, sessions: 3, kb: 6 });
    const small = `${folder}/du-thao-16kb.report.md`;
    const big = `${folder}/du-thao-48kb.report.md`;
    files[small] = sizedReport({ s: 4, sessions: 3, kb: 16, mistakes: true });
    files[big] = sizedReport({ s: 4, sessions: 3, kb: 48, mistakes: true });
    const service = await indexedService(files, folder);
    let text = files[small];
    const first = service.analysis(small, text, 1).doc.figures;
    service.check(small, text, 1);
    service.check(big, files[big], 1);
    // The drafts share rows (and the small one's rows are the big one's too).
    const rows = text.split('\n').filter((l) => l.startsWith('| [['));
    const bigRows = new Set(files[big].split('\n'));
    assert.ok(rows.filter((l) => bigRows.has(l)).length >= 10, 'the drafts share table rows');
    service.forget(big, files[big]);
    // A digit typed into one row of the small draft's table.
    const row = text.indexOf('\n| [[', Math.floor(text.length / 2)) + 1;
    const digit = text.indexOf('% |', row) - 1;
    assert.ok(/\d/.test(text[digit]));
    text = text.slice(0, digit) + (text[digit] === '7' ? '3' : '7') + text.slice(digit + 1);
    const second = service.analysis(small, text, 2).doc.figures;
    const placed = new Set(first);
    const kept = second.filter((f) => placed.has(f)).length;
    // As many as with the big draft never closed: all but 4 of 134, the typed row's table re-placed
    // (66 of 134 when the close dropped the shared chunks and rows).
    assert.equal(second.length, first.length);
    assert.ok(kept >= second.length - 4, `${kept} of ${second.length} figures kept`);
    const findings = service.check(small, text, 2);
    clearContentCaches();
    const fresh = await indexedService({ ...files, [small]: text }, folder);
    fresh.forget(big, files[big]);
    assert.deepEqual(JSON.parse(JSON.stringify(findings)), JSON.parse(JSON.stringify(fresh.check(small, text, 2))));
  });
});
