/**
 * Two carry classes of issue 13 round 22 (test/fixtures/carry22-round22.yaml), as the checker reads the
 * text marked by `markup` in each mode; the history reads the same:
 * 1. countries the subject passed or stands behind ("vượt Thái Lan", "sau Singapore, Malaysia và
 *    Indonesia") are no subject of the sentence: the index named before goes on being told
 *    (docs/reading.md §25.1; parse/passed-countries.ts); their own bracketed ranks are never carried,
 *    and a rank with no scope written beside them is not carried;
 * 2. a rank written of Asia ("tại châu Á - Thái Bình Dương") is the index's Asia-Pacific rank, and the
 *    region's name is no subject (docs/reading.md §25.2; catalog/family.ts memberByShape).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { passedCountries } from '../../server/src/core/parse/passed-countries';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, itReadsBoundedRun, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('carry22-round22.yaml');

describe('figures of an index in a later sentence naming none (fixtures/carry22-round22.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads a figure of its second sentence (carried: no name there).
    if (c.kind === 'positive') assert.ok(facts.length >= 2, `${c.rule}: ${JSON.stringify(facts)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///carry22.report.md');

  it('blanks only other countries after a comparison word, brackets and lists included', () => {
    const t = 'Việt Nam vượt Thái Lan, đứng thứ 3, sau Singapore (hạng 7) và Malaysia (hạng 33), trên Bắc Kạn.';
    const spans = passedCountries(t).map(([s, e]) => t.slice(s, e));
    assert.deepEqual(spans, ['vượt Thái Lan', 'sau Singapore (hạng 7) và Malaysia (hạng 33)']);
    assert.deepEqual(passedCountries('Singapore xếp trên Việt Nam.'), []);
  });

  itReadsBoundedRun(passedCountries, 'Singapore', 'Singapore (hạng 7)');
});
