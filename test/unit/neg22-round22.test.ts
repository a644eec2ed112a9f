/**
 * Precision by class, round 22 (issue 13, helper neg22; test/fixtures/neg22-round22.yaml, docs/reading.md
 * §24): the false marks of the seen trap set press-unmarked-neg22, each a class, as the checker reads
 * the text marked by `markup` in each mode; the history reads the same.
 * 1. targetRank (markup/other-measure.ts): a target word, a year and "đưa <name> lên/vào" before a rank;
 * 2. share-of-named-whole (markup/other-whole.ts): "chiếm N%" right before the entry's name;
 * 3. income-group-rank (other-whole.ts): a place within a group of countries by income;
 * 4. country-before-rank (other-whole.ts): another country right before a rank;
 * 5. holders (markup/subgroup.ts): "cá nhân", "của tổ chức" right after a count's name;
 * 6. aside-lead (markup/aside-lead.ts): a period told after a semicolon, beside a figure of the report's
 *    own period, lends none to a later sentence's figure without a period phrase: listed.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, listedFigures, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('neg22-round22.yaml');

describe('precision by class, round 22 (fixtures/neg22-round22.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4, 5, 6], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c) => {
    // A positive case lists the trap figure with its reason (a refusal, not a figure missed).
    if (c.kind === 'positive') {
      const listed = listedFigures(c.text, c.period, catalog);
      assert.ok(listed.some(([, reason]) => reason === (c.class === 6 ? 'period-of-another-sentence' : 'figure-role')), `${c.rule}: ${JSON.stringify(listed)}`);
    }
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///neg22-round22.report.md');

  it('reads a long run of capitalised words and semicolons in bounded time', () => {
    const text = `${'Xếp trên Việt Nam là '.repeat(200)}${'A '.repeat(5000)}hạng 11; ${'năm 2023 đứng thứ 5; '.repeat(300)}Điểm EGDI đạt 0,7709.`;
    const t0 = Date.now();
    listedFigures(text, '2024', catalog);
    assert.ok(Date.now() - t0 < 20000);
  });
});
