/**
 * Classes of issue 13 round 30, from what held33 still missed (test/fixtures/left30-round30.yaml;
 * docs/reading.md §58), as the checker reads the text marked by `markup` in each mode; the history
 * reads the same:
 * 1. the software industry's revenue under the press's names ("doanh thu phần mềm", "doanh thu công
 *    nghiệp phần mềm": catalog aliases of software-it-services-revenue);
 * 2. a figure the checker would leave undated (no period in the report, no year in the figure's
 *    paragraph) is listed `no-period` (markup/undated.ts);
 * 3. an amount itemised after a colon from the whole written right before it is listed `figure-role`
 *    (markup/breakdown-item.ts).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { assertListed, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('left30-round30.yaml');

describe("held33's left classes: software revenue's press names, undated figures, a breakdown's items (fixtures/left30-round30.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///left30.report.md');
});
