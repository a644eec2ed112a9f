/**
 * Class of issue 13 round 31, from held34's last canonical false mark (test/fixtures/press34-round31.yaml;
 * docs/reading.md §60), as the checker reads the text marked by `markup` in each mode; the history reads
 * the same: a figure in a piece after ";" whose earlier piece names an index's edition of another year
 * than the report's ("… GII 2020 …; nhóm chỉ số đầu vào … xếp hạng 62" in a report of 2021) is listed, not
 * dated by the report's period (markup/piece-edition.ts).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { assertListed, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('press34-round31.yaml');

describe("held34's class: a piece after an edition of another year (fixtures/press34-round31.yaml)", () => {
  describeClassCases(cases, { classes: [1], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///press34.report.md');
});
