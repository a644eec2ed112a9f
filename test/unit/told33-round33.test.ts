/**
 * The class of issue 13 round 33 (test/fixtures/told33-round33.yaml; docs/reading.md §70), as the
 * checker reads the text marked by `markup` in each mode; the history reads the same: an index's
 * score or rank of Việt Nam told on with no name (markup/unnamed.ts namedBefore, unnamedFigures):
 * 1. in a paragraph opening with it, of the index the paragraph right before names (no heading above
 *    naming one, that paragraph setting no other period);
 * 2. "nước ta" written for Việt Nam.
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { assertListed, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('told33-round33.yaml');

describe('figures told on farther back: the paragraph before, "nước ta" (fixtures/told33-round33.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///told33.report.md');
});
