/**
 * Classes of issue 13 round 30, from the audit of held34 (test/fixtures/open30-round30.yaml; docs/reading.md
 * §55), as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. a carried rank in a clause opening on "lên/xuống" after a change takes its subject from the
 *    change's clause ("mạng cố định cũng tụt hai bậc, xuống thứ 44": not the mobile anchor's;
 *    parse/rise-clause.ts);
 * 2. a figure in a part of the sentence set in another country ("tại Mỹ, …") is listed
 *    (markup/country-place.ts);
 * 3. a rank of an ASEAN entry out of more units than ASEAN's ("thứ 10 trong 17 nền kinh tế") does not
 *    fit it (markup/judge.ts fits).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { assertListed, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('open30-round30.yaml');

describe("held34's classes: a carried rank after a change, a country's place, a wider region's rank (fixtures/open30-round30.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///open30.report.md');
});
