/**
 * Classes of issue 13 round 26, from the audit of held30 (test/fixtures/open26-round26.yaml; docs/reading.md
 * §40), as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. a district or a commune standing for one place ("Toàn huyện", "trên địa bàn xã", "của huyện")
 *    makes the sentence's figures that place's: listed (markup/province.ts LOCAL_ITSELF);
 * 2. households among a count's holders ("thuê bao băng rộng cố định của hộ gia đình", "Riêng hộ gia
 *    đình, …") make the figure that part's: listed (markup/subgroup.ts PART);
 * 3. "Tổng số" before the words two siblings share ("Tổng số thuê bao băng rộng") is their total, no
 *    value of either: ambiguous in both modes (markup/names.ts lackingAlike);
 * 4. "Cùng thời điểm" after an earlier period phrase that is the report's own period is read
 *    (markup/dating.ts reportPeriodBefore).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, assertListed, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('open26-round26.yaml');

describe("held30's classes: a district's or a commune's own figure, households among a count's holders, the siblings' total, 'Cùng thời điểm' after the report's own period (fixtures/open26-round26.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4, 5], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///open26.report.md');
});
