/**
 * A region's rank beside the world rank of an international index, issue 13 round 35
 * (test/fixtures/intl35-round35.yaml; docs/reading.md §84), as the checker reads the text marked by
 * `markup` in each mode; the history reads the same:
 * 1. the world rank's scope written with its preposition ("trên thế giới") before the region's rank
 *    (parse/scoped-ranks.ts);
 * 2. the world rank's own move of places between it and the region's rank (parse/scoped-ranks.ts);
 * 3. a region's rank is never the world's: an Asian rank after a world rank is its family's Asian
 *    member's or none (series.ts furtherSeriesAny), and a chain of regions reads on to ASEAN.
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<string[]>>('intl35-round35.yaml');

describe('a region\'s rank beside the world rank of an international index (fixtures/intl35-round35.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///intl35.report.md');
});
