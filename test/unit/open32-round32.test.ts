/**
 * Classes of issue 13 round 32, from the audit of held36 (test/fixtures/open32-round32.yaml; docs/reading.md
 * §63), as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. a survey's span of work ("từ … đến …") then its publication year: the year dates the edition
 *    (parse/period-lends.ts closesSpan);
 * 2. another index written before Việt Nam's figure in a sentence naming no entry: no figure of the
 *    index named before (markup/unnamed.ts OTHER_INDEX_BEFORE);
 * 3. "Chỉ số <topic> (ABBR)" with no index entry of the topic: no definition of ABBR
 *    (markup/defined-abbreviations.ts INDEX_HEAD).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('open32-round32.yaml');

describe("held36's classes: a survey's span then its publication year, another index before an unnamed figure, an index's abbreviation of a topic (fixtures/open32-round32.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///open32.report.md');
});
