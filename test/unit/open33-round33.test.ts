/**
 * Classes of issue 13 round 33, from the audit of held37 (test/fixtures/open33-round33.yaml; docs/reading.md
 * §69), as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. "Theo X, …" opening a later sentence of its paragraph: X's estimate (markup/judge.ts sentenceFrom,
 *    other-source.ts);
 * 2. a catalog abbreviation a report defines for another index: no entry named after
 *    (markup/redefined-abbreviations.ts);
 * 3. a percentage before a rate's population, then their other deed: no value of the rate
 *    (markup/share-who.ts).
 * A positive naming `listed` [figure, reason]: `markup` lists that figure with that reason (wrap).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { assertListed, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('open33-round33.yaml');

describe("held37's classes: another source opening a later sentence, an abbreviation redefined for another index, a share of a rate's population who do another thing (fixtures/open33-round33.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///open33.report.md');
});
