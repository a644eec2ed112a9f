/**
 * Two false-mark classes of issue 13 round 24, from the audit of held28 (test/fixtures/open24-round24.yaml;
 * docs/reading.md §33), as the checker reads the text marked by `markup` in each mode; the history reads
 * the same:
 * 1. a figure joined by "và" to a forecast figure is a forecast too: listed, never marked (markup/judge.ts forecast);
 * 2. a fuzzy name's first word out of the name's order, set apart by a word put in, is no word of the name
 *    (markup/match.ts): "74% người tiêu dùng sẵn sàng thanh toán không tiền mặt" names no entry;
 * 3. a capitalised name right after an organisation's head noun is part of its name ("Hiệp hội Thương mại
 *    điện tử …"): its figure is listed (markup/platform-head.ts).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, assertListed, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('open24-round24.yaml');

describe('held28\'s classes: a forecast\'s figure after "và", a fuzzy name\'s stray first word, an organisation\'s name (fixtures/open24-round24.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///open24.report.md');
});
