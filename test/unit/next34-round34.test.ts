/**
 * The class of issue 13 round 34 (test/fixtures/next34-round34.yaml; docs/reading.md §78), as the
 * checker reads the text marked by `markup` in each mode; the history reads the same: a share of a
 * whole told in the next sentence through an anaphor ("Kênh này chiếm 4,9% tổng mức bán lẻ …"), of
 * the one amount marked in the sentence before (markup/next-share.ts): `canonical` marks it, `wrap`
 * lists it (`name-elsewhere`).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import * as assert from 'node:assert/strict';
import { assertListed, listedFigures, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string]; ambiguousToo?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('next34-round34.yaml');

describe('a share told in the next sentence through an anaphor (fixtures/next34-round34.yaml)', () => {
  describeClassCases(cases, { classes: [1], positives: 3, negatives: 5 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  it('lists an anaphor after two measures (the negative cases with `ambiguousToo`)', () => {
    const ambiguous = cases.filter((c) => c.ambiguousToo);
    assert.ok(ambiguous.length >= 1);
    for (const c of ambiguous) {
      const listed = listedFigures(c.text, c.period, catalog);
      assert.ok(listed.some(([figure, reason]) => figure === c.ambiguousToo![0] && reason === c.ambiguousToo![1]), `${c.rule}: ${JSON.stringify(listed)}`);
    }
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///next34.report.md');
});
