/**
 * Classes of issue 13 round 33: a rank told across the clauses that frame or title its index, in one
 * sentence (test/fixtures/rank33-round33.yaml; docs/reading.md §74), as the checker reads the text
 * marked by `markup` in each mode; the history reads the same:
 * 1. the index itself framing the sentence ("Trong Chỉ số … năm 2014 mà ITU giới thiệu tại …, Việt Nam
 *    xếp thứ 76"; "Trong bảng xếp hạng chuyển đổi số cấp tỉnh năm 2022 do Bộ … công bố, Quảng Bình đứng
 *    thứ 46/63"): markup/report-title.ts FRAME, INDEX_NAME;
 * 2. a report's title glossed by its abbreviation, an edition of two years, the provincial index's
 *    scope after its name, ", công bố năm Y," (report-title.ts GLOSS, EDITION, PROVINCES_OF, PUBLISHED).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('rank33-round33.yaml');

describe('ranks across the clauses that frame or title their index (fixtures/rank33-round33.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///rank33.report.md');
});
