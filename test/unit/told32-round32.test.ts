/**
 * The class of issue 13 round 32 (test/fixtures/told32-round32.yaml; docs/reading.md §66), as the
 * checker reads the text marked by `markup` in each mode; the history reads the same: an index's
 * score or rank told on with no name, after a sentence naming it, where an earlier period phrase of
 * the paragraph sets no period for the sentences after it (markup/judge.ts carriedPeriod, toldAside):
 * 1. when the index's report was published, in the report's own year;
 * 2. the year of a contrast clause after a figure ("…, trong khi năm 2022 xếp thứ 55/181").
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { assertListed, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('told32-round32.yaml');

describe('figures told on after a sentence naming the index: a release date, a contrast clause\'s year (fixtures/told32-round32.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///told32.report.md');
});
