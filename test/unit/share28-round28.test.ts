/**
 * A class of issue 13 round 28 (test/fixtures/share28-round28.yaml; docs/reading.md §50), as the checker
 * reads the text marked by `markup` in each mode; the history reads the same: a share told with its
 * whole after a catalog name of another measure ("kinh tế số đóng góp khoảng 14,26% GDP", the revenue's
 * alias) is the subject's share of that whole (markup/share-verb.ts shareVerbAlone); a part of the
 * subject ("kinh tế số lõi", "kinh tế số ICT") is no share of it (partOfSubject).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { partOfSubject, shareVerbAlone } from '../../server/src/core/markup/share-verb';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('share28-round28.yaml');

describe('a share told with its whole (fixtures/share28-round28.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 1, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads the ministry's share of GDP, and only it.
    if (c.kind === 'positive') assert.ok(facts.length === 1 && facts[0][0] === 'digital-economy-gdp-share-mic', `${c.rule}: ${JSON.stringify(facts)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///share28.report.md');

  it('takes the share\'s verb with its adverbs and hedge alone, and a part only right after the subject', () => {
    assert.ok(shareVerbAlone(' đã đóng góp khoảng '));
    assert.ok(shareVerbAlone(' chiếm '));
    assert.ok(!shareVerbAlone(' lõi đóng góp '));
    assert.ok(!shareVerbAlone(' của tỉnh đóng góp '));
    assert.ok(!shareVerbAlone(`${' đã'.repeat(5000)} đóng góp `));
    assert.ok(partOfSubject(' ICT đóng góp khoảng 7,18%'));
    assert.ok(partOfSubject(' lõi chiếm 7,42%'));
    assert.ok(!partOfSubject(' năm 2023 chiếm 16,5%'));
    assert.ok(!partOfSubject(' Việt Nam chiếm 16,5%'));
  });
});
