/**
 * A class of issue 13 round 31 (test/fixtures/internet31-round31.yaml; docs/reading.md §61), as the
 * checker reads the text marked by `markup` in each mode; the history reads the same: a count right
 * before a rate's name, then its share of the population ("68,17 triệu [[Tỷ lệ người sử dụng
 * Internet]], chiếm khoảng 70% dân số"), binds the share (parse/population-share.ts).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { populationShare, ratedName } from '../../server/src/core/parse/population-share';
import type { Figure } from '../../server/src/core/types';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, markedReport, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('internet31-round31.yaml');

describe('a rate\'s people counted before its name, then their share of the population (fixtures/internet31-round31.yaml)', () => {
  describeClassCases(cases, { classes: [1], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads the rate alone (never the count) where it reads anything.
    if (c.kind === 'positive') assert.ok(facts.every((f) => f[0] === 'internet-users-share' && f[1].endsWith('%')), `${c.rule}: ${JSON.stringify(facts)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///internet31.report.md');

  it('canonical mode reads every unmarked positive case\'s share', () => {
    for (const c of cases.filter((x) => x.kind === 'positive' && !x.text.includes('[['))) {
      const facts = entryPeriodFacts(markedReport(c.text, c.period, catalog, 'canonical'), catalog);
      assert.equal(facts.length, 1, c.rule);
    }
  });

  it('binds the share only after a count right before a rate\'s name, with "dân số" as the whole', () => {
    assert.ok(ratedName('Tỷ lệ người sử dụng Internet') && ratedName('tỷ trọng X') && !ratedName('người sử dụng Internet') && !ratedName(undefined));
    const count = { kind: 'number', unitClass: 'count', start: 0, end: 8 } as Figure;
    const text = `68 triệu ${' '.repeat(23)}, chiếm khoảng 70% dân số.`;
    const pct = { kind: 'percent', unitClass: 'percent', start: text.indexOf('70%'), end: text.indexOf('70%') + 3 } as Figure;
    assert.equal(populationShare(text, 9, 32, [count, pct], 0, 1), 1);
    const adults = text.replace('dân số.', 'dân số trưởng thành.');
    assert.equal(populationShare(adults, 9, 32, [count, pct], 0, 1), -1);
    const plan = text.replace('dân số.', 'kế hoạch.');
    assert.equal(populationShare(plan, 9, 32, [count, pct], 0, 1), -1);
    const rank = text.replace('chiếm khoảng', 'đứng thứ    ');
    assert.equal(populationShare(rank, 9, 32, [count, pct], 0, 1), -1);
    assert.equal(populationShare(text, 9, 32, [{ ...count, unitClass: 'currency' }, pct], 0, 1), -1);
  });
});
