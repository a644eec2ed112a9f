/**
 * A figure typed into one row of a table (issue #15, the figure keystroke): the row is read again
 * (parse/table-rows.ts), the history is handed the draft's one changed entry, and the history rules
 * work out again the findings of the figures whose indicators' entries changed only
 * (rules/memo.ts findingsOfFigure, HistoryIndex.changedSince): the findings of the other indicators'
 * figures are the same objects as before. Whatever is kept, the findings are those of a fresh check
 * (every content cache emptied, a new service), after each digit typed, in the draft and in a later
 * session's open report that compares with it.
 */
import * as assert from 'node:assert/strict';
import { clearContentCaches } from '../../server/src/core/caches';
import type { LanguageService } from '../../server/src/core/service';
import { indexedService } from './indexed-service';
import { sizedReport } from '../../bench/workspace.mjs';

const folder = 'file:///figure-keystroke';
const HISTORY_RULES = new Set(['figure-conflict', 'series-outlier', 'wrong-series']);

const serviceOf = (files: Record<string, string>): Promise<LanguageService> => indexedService(files, folder);

/** Offsets of the last digit of each bound value of the text's tables: `| [[name]] | period | 12,3% |`. */
function boundDigits(text: string): Array<{ at: number; name: string }> {
  const out: Array<{ at: number; name: string }> = [];
  const re = /^\| \[\[([^\]]+)\]\] \| [^|]+ \| [^|\n]*?(\d)[^\d|\n]*\|/gm;
  for (let m; (m = re.exec(text)); ) out.push({ at: m.index + m[0].lastIndexOf(m[2]), name: m[1] });
  return out;
}

describe('a figure typed into a table row', function () {
  this.timeout(600000);

  it("keeps the history rules' findings of the other indicators' figures, and gives a fresh check's findings", async () => {
    const sessions = 4;
    const files: Record<string, string> = {};
    for (let s = 1; s <= sessions; s++) files[`${folder}/phien-${s}.report.md`] = sizedReport({ s, sessions, kb: 6 });
    const draft = `${folder}/du-thao.report.md`;
    files[draft] = sizedReport({ s: sessions + 1, sessions, kb: 16, mistakes: true });
    // A later session's report, open too: it compares with the draft's figures.
    const later = `${folder}/phien-sau.report.md`;
    files[later] = sizedReport({ s: sessions + 2, sessions, kb: 16, mistakes: true });
    const warm = await serviceOf(files);
    let text = files[draft];
    const laterText = files[later];
    let before = warm.check(draft, text, 1);
    warm.check(later, laterText, 1);
    const spots = boundDigits(text);
    assert.ok(spots.length >= 20, `bound table values to type into: ${spots.length}`);
    let kept = 0;
    let version = 1;
    for (const { at, name } of spots.filter((_, i) => i % Math.floor(spots.length / 6) === 0).slice(0, 6)) {
      text = text.slice(0, at) + (text[at] === '7' ? '3' : '7') + text.slice(at + 1);
      const after = warm.check(draft, text, ++version);
      const laterAfter = warm.check(later, laterText, version);
      // Kept: a history rule's finding about another indicator, at the same place, is the object reported before.
      const old = new Set(before);
      const typed = warm.catalogs.catalog.all().find((i) => i.name === name || i.aliases?.includes(name))?.id;
      for (const f of after) {
        if (!HISTORY_RULES.has(f.code) || (f.data as { indicator?: string } | undefined)?.indicator === typed) continue;
        if (old.has(f)) kept++;
      }
      clearContentCaches();
      const fresh = await serviceOf({ ...files, [draft]: text });
      assert.deepEqual(after, fresh.check(draft, text, 1), `the draft after typing into ${name}`);
      fresh.check(draft, text, 1);
      assert.deepEqual(laterAfter, fresh.check(later, laterText, 1), `the later session after typing into ${name}`);
      before = after;
    }
    assert.ok(kept > 0, "no history rule's finding of another indicator was kept");
  });
});
