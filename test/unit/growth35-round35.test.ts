/**
 * The class of issue 13 round 35 (test/fixtures/growth35-round35.yaml; docs/reading.md §85), as the
 * checker reads the text marked by `markup` in each mode; the history reads the same: a growth told
 * beside a share in one clause chain ("kinh tế số chiếm 18,3% GDP, tốc độ tăng trưởng khoảng 20%"),
 * the growth entry of the share's subject (markup/share-growth.ts): `canonical` marks it, `wrap`
 * lists it (`name-elsewhere`).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { assertListed, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('growth35-round35.yaml');

describe('a growth told beside a share in one clause chain (fixtures/growth35-round35.yaml)', () => {
  describeClassCases(cases, { classes: [1], positives: 4, negatives: 6 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///growth35.report.md');
});
