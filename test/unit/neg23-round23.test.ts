/**
 * Precision by class, round 23 (issue 13, helper neg23; test/fixtures/neg23-round23.yaml, docs/reading.md
 * §32): the false marks of the seen trap set press-unmarked-neg23, each a class, as the checker reads
 * the text marked by `markup` in each mode; the history reads the same.
 * 1. province-opening (markup/province-opening.ts): a province opening the sentence as its subject owns
 *    the figures of its later clauses;
 * 2. firm-after-count (markup/firm-after.ts): "của"/"thuộc" and a firm right after a count's name.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, listedFigures, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('neg23-round23.yaml');

describe('precision by class, round 23 (fixtures/neg23-round23.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c) => {
    // A positive case lists the trap figure with its reason (a refusal, not a figure missed).
    if (c.kind === 'positive') {
      const listed = listedFigures(c.text, c.period, catalog);
      assert.ok(listed.some(([, reason]) => reason === (c.class === 1 ? 'figure-does-not-fit' : 'figure-role')), `${c.rule}: ${JSON.stringify(listed)}`);
    }
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///neg23-round23.report.md');

  it('reads long runs of capitalised words and owners in bounded time', () => {
    const text = `${'Quảng Ninh đón khách, '.repeat(200)}tổng thu du lịch đạt 46.000 tỷ đồng. ${'12 trung tâm dữ liệu của '.repeat(100)}${'Viettel '.repeat(2000)}.`;
    const t0 = Date.now();
    listedFigures(text, '2024', catalog);
    assert.ok(Date.now() - t0 < 20000);
  });
});
