/**
 * A class of issue 13 round 25 from the census of the misses that recur across the seen sets
 * (test/fixtures/census25-round25.yaml; docs/reading.md §39), as the checker reads the text marked by
 * `markup` in each mode; the history reads the same: a count's share of a whole of the same things,
 * written right after it ("11.591 trạm 5G, tương đương 7,72% số trạm 4G"), is the one percent entry of
 * the count's family whose name holds the whole's words (parse/share-of-whole.ts, series.ts).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { wholeOfShare } from '../../server/src/core/parse/share-of-whole';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('census25-round25.yaml');
const unitOf = (id: string): string | undefined => catalog.all().find((i) => i.id === id)?.unitClass;

describe('a count\'s share of a whole of the same things (fixtures/census25-round25.yaml)', () => {
  describeClassCases(cases, { classes: [1], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads a percent entry beside the count; a negative one the count alone.
    const shares = facts.filter(([id]) => unitOf(id) === 'percent').length;
    assert.equal(shares, c.kind === 'positive' ? 1 : 0, `${c.rule}: ${JSON.stringify(facts)}`);
    assert.ok(facts.some(([id]) => unitOf(id) === 'count'), `${c.rule}: ${JSON.stringify(facts)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///census25.report.md');

  it('takes the whole\'s words only after "tương ứng" or "tương đương", at most four, "(tổng) số" before a longer whole dropped', () => {
    assert.deepEqual(wholeOfShare(', tương ứng ', ' dân số trưởng thành.'), ['dân', 'số', 'trưởng', 'thành']);
    assert.deepEqual(wholeOfShare(', tương đương ', ' số trạm 4G, và'), ['trạm', '4G']);
    assert.deepEqual(wholeOfShare(', tương đương với ', ' tổng số hệ thống thông tin.'), ['hệ', 'thống', 'thông', 'tin']);
    assert.equal(wholeOfShare(', chiếm ', ' dân số trưởng thành.'), null);
    assert.equal(wholeOfShare(', tương ứng ', '.'), null);
    assert.equal(wholeOfShare(', tương ứng ', ` ${'từ '.repeat(5000)}`)?.length, 4);
  });
});
