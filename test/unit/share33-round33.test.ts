/**
 * Shares of a population or of a whole, issue 13 round 33 (test/fixtures/share33-round33.yaml;
 * docs/reading.md §72), as the checker reads the text marked by `markup` in each mode; the history
 * reads the same:
 * 1. a subject with its percent of a whole other than GDP ("thương mại điện tử mới chiếm 8,5% tổng
 *    mức bán lẻ …"): the "Tỷ trọng X trong W" entry (catalog/whole-share.ts, markup/subjects.ts);
 * 2. adults with a payment account told figure first ("gần 66% người trưởng thành đã có tài khoản
 *    thanh toán tại ngân hàng"): the catalog's alias, the institution after the name
 *    (markup/subject-names.ts HELD_AT, markup/subgroup.ts).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('share33-round33.yaml');

describe('shares of a population or of a whole: a subject with its whole, adults with a payment account told figure first (fixtures/share33-round33.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 3 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///share33.report.md');
});
