/**
 * The history rules' findings kept per figure (rules/memo.ts findingsOfFigure) are worked out again
 * when an input changes: a history entry of the indicator asked about (an earlier session's figure
 * edited), a figure of the same indicator in another sentence (added to an earlier session; edited
 * in an open report that a later open report compares with), and nothing else keeps them stale:
 * after each edit the findings of every open report equal a fresh check's (a new service, every
 * content cache emptied), and they did change where the edit changed what they compare with.
 * Scenario: test/fixtures/rules/figure-conflict/conflict (53 tỷ USD reported for 2022-Q1; the
 * draft's "khoảng 60 tỷ USD" for the same quarter conflicts), and a later session's report of ours.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { clearContentCaches } from '../../server/src/core/caches';
import type { Finding } from '../../server/src/core/types';
import { loadWorkspace, ruleFixturesDir } from '../rule-fixtures';
import { indexedService } from './indexed-service';

const HISTORY_RULES = new Set(['figure-conflict', 'wrong-series', 'series-outlier']);
const historyFindings = (findings: Finding[]) => findings.filter((f) => HISTORY_RULES.has(f.code)).map((f) => `${f.range.start.line}:${f.code}`);

describe("a history rule's kept findings follow their inputs", function () {
  this.timeout(600000);

  it('an earlier entry edited, a sentence of the same indicator added, an open report edited: a fresh check\'s findings each time', async () => {
    const { files, folder } = await loadWorkspace({ rule: 'figure-conflict', dir: path.join(ruleFixturesDir, 'figure-conflict/conflict') });
    const earlier = `${folder}/phien-02.report.md`;
    const draft = `${folder}/phien-03.report.md`;
    // A later session, open too, that states the quarter again: it compares with the draft's figures.
    const later = `${folder}/phien-04.report.md`;
    files[later] = '---\nsession: 4\ndate: 2022-10-20\nperiod: 2022-Q3\ntitle: Phiên họp thứ 4\n---\n\n## Kết quả đạt được\n\nTrong quý II/2022, [[Doanh thu kinh tế số]] đạt 60 tỷ USD.\n';
    const warm = await indexedService(files, folder);
    const texts = { ...files };
    let version = 1;
    const check = () => {
      version++;
      // The earlier session is open while edited (the history gets its new version), then the two reports.
      warm.check(earlier, texts[earlier], version);
      return { draft: warm.check(draft, texts[draft], version), later: warm.check(later, texts[later], version) };
    };
    const fresh = async () => {
      clearContentCaches();
      const service = await indexedService(texts, folder);
      service.check(earlier, texts[earlier], 1);
      return { draft: service.check(draft, texts[draft], 1), later: service.check(later, texts[later], 1) };
    };
    let before = check();
    assert.deepEqual(historyFindings(before.draft), ['15:figure-conflict'], 'the fixture: the draft\'s 60 tỷ USD conflicts with the 53 reported');
    assert.deepEqual(historyFindings(before.later), []);
    const steps: Array<[string, () => void, (b: string[], a: string[]) => boolean]> = [
      // A history entry: the earlier session's figure edited to agree with the draft's 60.
      ['the earlier entry edited', () => (texts[earlier] = files[earlier].replace('khoảng 53 tỷ USD', 'khoảng 60 tỷ USD')), (b, a) => !a.includes('15:figure-conflict') && a.length > b.length - 1],
      // Back, and another sentence of the same indicator and quarter added to the earlier session.
      ['a sentence of the same indicator added', () => (texts[earlier] = `${files[earlier]}\nCuối quý I/2022, [[Doanh thu kinh tế số]] đạt 60 tỷ USD.\n`), () => true],
      ['the earlier session as it was', () => (texts[earlier] = files[earlier]), (_b, a) => a.includes('15:figure-conflict')],
      // The draft's figure of the second quarter edited: the later report's 60 tỷ USD now conflicts with it.
      ['the open draft edited', () => (texts[draft] = files[draft].replace('Trong quý II/2022, [[Doanh thu kinh tế số]] khoảng 60 tỷ USD.', 'Trong quý II/2022, [[Doanh thu kinh tế số]] khoảng 75 tỷ USD.')), () => true],
    ];
    let changedLater = false;
    for (const [what, edit, changed] of steps) {
      edit();
      const after = check();
      const expected = await fresh();
      assert.deepEqual(after.draft, expected.draft, `the draft after: ${what}`);
      assert.deepEqual(after.later, expected.later, `the later report after: ${what}`);
      assert.ok(changed(historyFindings(before.draft), historyFindings(after.draft)), `the draft's findings did not follow: ${what}`);
      if (historyFindings(after.later).join() !== historyFindings(before.later).join()) changedLater = true;
      before = after;
    }
    assert.ok(changedLater, "the later report's findings never followed the draft's edit");
  });
});
