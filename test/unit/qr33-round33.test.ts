/**
 * Payment channels, issue 13 round 33 (test/fixtures/qr33-round33.yaml; docs/reading.md §73), as the
 * checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. the channel as its sentence's subject, its change after a predicate of growth ("ghi nhận mức
 *    tăng", "bứt phá với mức tăng", "là kênh tăng trưởng mạnh nhất: N%"; markup/channel-words.ts
 *    TOLD_GROWTH, FASTEST_COLON), a sentence's start opening a channel (opensClause);
 * 2. a change after a plan or target word, by the full name's route: listed `figure-role`
 *    (markup/qualified.ts);
 * 3. a channel listed after another is not read alone (channel-words.ts LISTED_AFTER);
 * 4. a fuzzy full name stops before the writer's verb "tăng" after it (markup/match.ts);
 * 5. "giá trị" right before a per cent: the value's, listed `figure-role` (qualified.ts VALUE_BEFORE).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { assertListed, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('qr33-round33.yaml');

describe('payment channels: the channel as the subject of a growth predicate, a plan\'s change, a channel listed after another, the verb after a full name, the value before a per cent (fixtures/qr33-round33.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4, 5], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///qr33.report.md');
});
