/**
 * Classes of issue 13 round 25, from the audit of held29 (test/fixtures/open25-round25.yaml; docs/reading.md
 * §37), as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. a count born in the period ("ra đời", "gia nhập thị trường") is what the period added, no stock's
 *    value: listed (markup/added.ts);
 * 2. a fuzzy name lacking its label's last word, followed by a word of a sibling's name, names the sibling:
 *    dropped (markup/heads.ts otherTail);
 * 3. a count's rate per population, bound to its name or told after it with "(đạt) mật độ", is its
 *    per-population entry (catalog/count-members.ts; parse/further.ts);
 * 4. an index's abbreviation glossing a report's title ("Theo báo cáo … (GCI) năm 2017 của …, Việt Nam xếp
 *    thứ 101/193") owns the figure after the publisher and Việt Nam (markup/report-title.ts).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, assertListed, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('open25-round25.yaml');

describe("held29's classes: a count born in the period, a fuzzy name cut before a sibling's words, a count's rate per population, a glossed report title (fixtures/open25-round25.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///open25.report.md');
});
