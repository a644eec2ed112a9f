/**
 * Classes of issue 13 round 27, from the audit of held31 (test/fixtures/open27-round27.yaml; docs/reading.md
 * §44), as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. a bare number, a dash and a figure ("15 – 20 thuê bao/100 dân") are a range's ends, no value:
 *    listed (parse/roles.ts rangeEnds);
 * 2. a target word, then "nâng/đưa [[X]] lên N": N is a target (parse/clauses.ts TARGET_LINK);
 * 3. "giá trị"/"GMV" then "của (nền)" right before a name: another measure than an entry not saying
 *    "giá trị", listed (markup/other-whole.ts valueHeadOfName);
 * 4. a figure with no unit right before "về <topic>" is that topic's place, not a name's written
 *    before it: listed (markup/other-whole.ts topicAfterFigure).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { assertListed, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('open27-round27.yaml');

describe("held31's classes: a dash range's ends, a target's 'nâng/đưa [[X]] lên', 'giá trị/GMV của' before a name, a place before 'về <topic>' (fixtures/open27-round27.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///open27.report.md');
});
