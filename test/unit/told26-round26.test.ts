/**
 * A class of issue 13 round 26 (test/fixtures/told26-round26.yaml; docs/reading.md §42), as the checker
 * reads the text marked by `markup` in each mode; the history reads the same: the earlier place a
 * change of places is told from, in a sentence that names no index told on after one that does
 * ("Việt Nam tăng 15 bậc so với vị trí 86 của năm 2022", "So với vị trí 48 của năm 2022, Việt Nam đã
 * cải thiện 2 bậc"), is the named rank's further figure of its own period (parse/told-bases.ts).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { readPartOnce } from '../../server/src/core/parse/part-reading';
import { otherThing } from '../../server/src/core/parse/family-carry';
import { toldBases } from '../../server/src/core/parse/told-bases';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('told26-round26.yaml');
const bases = (t: string): string[] => {
  const { figs, phrases, reading } = readPartOnce(t, false);
  return toldBases(t, figs, reading!, phrases, otherThing).map((b) => `${figs[b.at].raw} ${b.period ?? phrases[reading!.figures[b.at].period]?.code}`);
};

describe('the earlier place a change of places is told from, told on (fixtures/told26-round26.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads the earlier place beside the named rank, of an earlier period; a negative one the named rank alone.
    // (a part named in its own words reads its own figures, round 34: the named rank's entry alone is counted)
    const own = facts.filter((f) => f[0] === facts[0]?.[0]);
    assert.equal(own.length, c.kind === 'positive' ? 2 : 1, `${c.rule}: ${JSON.stringify(facts)}`);
    if (c.kind === 'positive') assert.ok(own[1][2] < own[0][2], `${c.rule}: ${JSON.stringify(facts)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///told26.report.md');

  it('reads the place after the change, fronted by "So với", or after "khi" with the comparison\'s period', () => {
    assert.deepEqual(bases('Việt Nam tăng 2 bậc so với vị trí 46 của năm 2023.'), ['vị trí 46 2023']);
    assert.deepEqual(bases('So với vị trí 59 của năm 2016, Việt Nam đã cải thiện 15 bậc.'), ['vị trí 59 2016']);
    assert.deepEqual(bases('So với năm 2023, khi Việt Nam ở vị trí 46, thứ hạng tăng 2 bậc.'), ['vị trí 46 2023']);
    assert.deepEqual(bases('So với năm 2023, khi Thái Lan ở vị trí 43, Việt Nam tăng 2 bậc.'), []);
    assert.deepEqual(bases('Mục tiêu là tăng 10 bậc so với vị trí 46 của năm 2023.'), []);
    assert.deepEqual(bases('So với vị trí 59 của năm 2016, điểm số cao hơn 3 điểm.'), []);
    assert.deepEqual(bases(`So với vị trí 59 của năm 2016, ${'Việt Nam tăng 1 bậc, '.repeat(2000)}.`), []);
  });
});
