/**
 * Recall by class, round 29 (issue 13, helper told29; test/fixtures/told29-round29.yaml,
 * docs/reading.md §54): an index's pillars told by their short words, with their scores and ranks,
 * as the checker reads the text marked by `markup` in each mode; the history reads the same.
 * 1. out-of-provinces (markup/subjects.ts pickBySubject): "chính quyền số …: đạt 0,6674, đứng thứ 30/63";
 * 2. second-list (parse/lists.ts respectively, parse/second-list.ts): "lần lượt đạt a và b, xếp thứ c và d";
 * 3. paired-after (markup/member-lists.ts memberFar): "…, với giá trị lần lượt là a và b".
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('told29-round29.yaml');

describe('recall by class, round 29 (fixtures/told29-round29.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///told29-round29.report.md');
});
