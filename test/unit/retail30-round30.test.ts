/**
 * A class of issue 13 round 30 (test/fixtures/retail30-round30.yaml; docs/reading.md §57), as the
 * checker reads the text marked by `markup` in each mode; the history reads the same: a percent told
 * right after an amount with its whole ("… 32 tỷ USD và chiếm 12% tổng mức bán lẻ hàng hóa và doanh
 * thu dịch vụ tiêu dùng") is the share entry whose subject is the amount's and whose whole opens the
 * words after it (parse/share-of-amount.ts shareOfAmount, catalog/whole-share.ts wholeShareEntry).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { wholeShareEntry } from '../../server/src/core/catalog/whole-share';
import { shareOfAmount } from '../../server/src/core/parse/share-of-amount';
import type { Figure } from '../../server/src/core/types';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('retail30-round30.yaml');

describe('an amount\'s share of a whole told right after it (fixtures/retail30-round30.yaml)', () => {
  describeClassCases(cases, { classes: [1], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads the revenue and its share of retail, of one period.
    if (c.kind === 'positive') assert.ok(facts.length === 2 && facts[1][0] === 'ecommerce-retail-share' && facts[1][2] === facts[0][2], `${c.rule}: ${JSON.stringify(facts)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///retail30.report.md');

  it('links the percent by the share verb alone and names the entry by its subject and whole', () => {
    const amount = { kind: 'number', unitClass: 'currency' } as Figure;
    const pct = { kind: 'percent', unitClass: 'percent' } as Figure;
    assert.ok(shareOfAmount(' và chiếm ', amount, pct, ' tổng mức bán lẻ'));
    assert.ok(shareOfAmount(', tương đương khoảng ', amount, pct, ' tổng mức bán lẻ'));
    assert.ok(!shareOfAmount(', tăng ', amount, pct, ' so với'));
    assert.ok(!shareOfAmount(', chiếm ', amount, pct, '.'));
    assert.ok(!shareOfAmount(', chiếm ', { kind: 'number', unitClass: 'count' } as Figure, pct, ' dân số'));
    assert.ok(!shareOfAmount(`${', và'.repeat(5000)} chiếm `, amount, pct, ' tổng mức bán lẻ'));
    const revenue = catalog.byId('ecommerce-revenue')!;
    assert.equal(wholeShareEntry(catalog, revenue, ' tổng mức bán lẻ hàng hóa và dịch vụ tiêu dùng cả nước.')?.id, 'ecommerce-retail-share');
    assert.equal(wholeShareEntry(catalog, revenue, ' tổng doanh thu bán lẻ hàng hóa.'), null);
    assert.equal(wholeShareEntry(catalog, revenue, ' GDP.'), null);
    assert.equal(wholeShareEntry(catalog, catalog.byId('hardware-electronics-exports')!, ' tổng mức bán lẻ hàng hóa'), null);
  });
});
