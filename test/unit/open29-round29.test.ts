/**
 * Classes of issue 13 round 29, from the audit of held33 (test/fixtures/open29-round29.yaml; docs/reading.md
 * §51), as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. a change in per cent bound, alone in its clause, to an entry keeping a count or an amount and no
 *    growth ("số cuộc tấn công mạng … giảm hơn 57%") is a growth no entry of the name keeps: listed
 *    (markup/relative-change.ts).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { assertListed, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('open29-round29.yaml');

describe("held33's class: a relative change of a count or an amount (fixtures/open29-round29.yaml)", () => {
  describeClassCases(cases, { classes: [1], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///open29.report.md');
});
