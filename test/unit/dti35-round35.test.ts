/**
 * The classes of issue 13 round 35 (test/fixtures/dti35-round35.yaml; docs/reading.md §82), as the
 * checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. moved-from: the year of a move's base ("từ hạng 24 năm 2022 vươn lên hạng 6 năm 2023") sets no
 *    period for the sentences told on after it (markup/moved-from.ts, judge.ts carriedPeriod);
 * 2. adverb-rank: "[[X]] cũng thứ 26" is the rank X names (parse/figure-context.ts).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { movedFromBase } from '../../server/src/core/markup/moved-from';
import { readSentencePeriods } from '../../server/src/core/parse/periods';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('dti35-round35.yaml');

describe('DTI figures told on: a move\'s base year, a rank after an adverb (fixtures/dti35-round35.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodFacts(m, catalog), (c, facts) => {
    // A pillar's figure is never the main index's: each main rank read is one the text gives the index.
    for (const f of facts) if (f[0] === 'dti-province-rank') assert.ok(/(?:xếp|đứng) thứ|hạng|vị trí/u.test(f[1]), JSON.stringify(f));
    // Class 1's negatives read no pillar rank: each is told on with a period the paragraph does not surely give it.
    if (c.kind === 'negative') assert.ok(facts.every((f) => !/^dti-province-(?:government|economy|society)-rank$/.test(f[0]) || c.class === 2), JSON.stringify(facts));
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///dti35.report.md');

  it('reads a period phrase after the figure a move starts from as the base\'s', () => {
    const at = (text: string, raw: string): boolean => {
      const ps = readSentencePeriods(text);
      const i = ps.findIndex((q) => text.slice(q.start, q.end).includes(raw));
      return movedFromBase(text, ps[i], ps[i + 1]);
    };
    assert.equal(at('Hà Nội từ hạng 24 năm 2022 vươn lên hạng 6 năm 2023.', '2022'), true);
    assert.equal(at('Điểm tăng từ 0,4294 năm 2021 lên 0,6077 năm 2022.', '2021'), true);
    assert.equal(at('Thanh Hóa từ vị trí thứ 15 năm 2022 lên vị trí thứ 11.', '2022'), false);
    assert.equal(at('Tỉnh đã tăng 4 bậc kể từ vị trí thứ 15 năm 2022.', '2022'), false);
    assert.equal(at('Từ năm 2020 đến năm 2023, tỉnh tăng 10 bậc.', '2020'), false);
  });
});
