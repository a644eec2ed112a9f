/**
 * Classes of issue 13 round 34: ranks told after a fronted score of their index
 * (test/fixtures/fronted34-round34.yaml; docs/reading.md §77), as the checker reads the text marked by
 * `markup` in each mode; the history reads the same:
 * 1. "Với giá trị [[DTI]] đạt 0,6077, Trà Vinh xếp hạng 25/63": the score's name governs the rank told
 *    after the subject (parse/fronted-score.ts, further.ts); never an aspect's rank, another unit's
 *    after a clause of its own, or a score not fronted in "Với".
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('fronted34-round34.yaml');

describe('ranks after a fronted score of their index (fixtures/fronted34-round34.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///fronted34.report.md');
});
