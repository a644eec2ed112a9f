/**
 * Payment growth by channel, issue 13 round 32 (test/fixtures/qr32-round32.yaml; docs/reading.md §65),
 * as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. "thanh toán bằng <channel>" read as "qua <channel>" (markup/channel-words.ts paidBy);
 * 2. the count told between the channel and its change ("…, với số giao dịch tăng N%"), never the
 *    value; a channel the binder gives another figure is listed (channel-names.ts channelBindsOther);
 * 3. the head named in a heading above the section (channel-words.ts channelOfWords).
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { assertListed, describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('qr32-round32.yaml');

describe('payment growth by channel: "bằng", a count measure before the change, a heading naming the head (fixtures/qr32-round32.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 1, negatives: 1 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => assertListed(c, catalog));
  itHistoryReadsAsChecker(cases, catalog, 'file:///qr32.report.md');
});
