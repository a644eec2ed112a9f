/**
 * Classes of issue 13 round 31, from the audit of held35 (test/fixtures/open31-round31.yaml; docs/reading.md
 * §59), as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. a name lacking the "số" of "năng lực cạnh tranh số" is not the digital-competitiveness rank, nor
 *    told apart by the sentence's "thế giới" (markup/match.ts digitalLacking, sibling-words.ts,
 *    names.ts lackingAlike);
 * 2. an amount told as a loss in its clause ("gây thiệt hại … cho ngành phần mềm") is listed
 *    (markup/loss-figure.ts).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { assertListed, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('open31-round31.yaml');

describe("held35's classes: a competitiveness name lacking the digital 'số', a loss amount (fixtures/open31-round31.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///open31.report.md');
});
