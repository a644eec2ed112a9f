/**
 * Two classes of issue 13 round 23, from the audit of held27 (test/fixtures/open23-round23.yaml;
 * docs/reading.md §28), as the checker reads the text marked by `markup` in each mode; the history reads
 * the same:
 * 1. one block's rate under an entry keeping no series of that block is listed, never marked
 *    (markup/block-value.ts);
 * 2. a rank's earlier place after "từ", with its own period and no change written, is read as the rank
 *    of that period (parse/rank-bases.ts);
 * 3. a rank before the name whose score the reference binds is that index's rank (parse/rank-before-name.ts);
 * 4. a name titling its item before ":" owns the item's first figure however far (markup/placement.ts).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, listedFigures, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('open23-round23.yaml');

describe('held27\'s classes: a block\'s rate, an earlier place after "từ", a rank before the name, an item\'s title (fixtures/open23-round23.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    if (c.kind !== 'positive' || c.class !== 1) return;
    const want = c.listed!;
    assert.ok(!facts.some(([, figure]) => figure.includes(want[0])), `${c.rule}: ${JSON.stringify(facts)}`);
    const listed = listedFigures(c.text, c.period, catalog);
    assert.ok(listed.some(([figure, reason]) => figure.includes(want[0]) && reason === want[1]), `${c.rule}: ${JSON.stringify(listed)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///open23.report.md');
});
