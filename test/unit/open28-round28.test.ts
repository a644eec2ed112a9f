/**
 * Classes of issue 13 round 28, from the audit of held32 (test/fixtures/open28-round28.yaml; docs/reading.md
 * §47), as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. a figure inside "nhóm (N) nước có …" is the group's criterion, no value of the subject: listed
 *    (markup/group-figure.ts groupCriterion);
 * 2. "N [[X]] (đã) có <words>" counts the X that have, a part: listed (markup/group-figure.ts countedHaving);
 * 3. no fuzzy name opens on a typo of the label's figure word ("Sách trắng" is no "Tăng trưởng"; markup/match.ts).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { assertListed, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('open28-round28.yaml');

describe("held32's classes: a group's criterion, a count of those that have, no fuzzy name opening on a typo of a figure word (fixtures/open28-round28.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///open28.report.md');
});
