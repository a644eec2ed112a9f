/**
 * Construction classes shared by the seen sets of lowest recall (issue #13, round 17, helper low17;
 * test/fixtures/prose/low-round17.yaml, docs/reading.md §6.5 (12), §7, §19): each case's facts — each
 * reference's bound figure and its further figures, with the entry and the period — as the checker
 * reads the text (marked by `markup` in each mode when written unmarked). A positive case reads the
 * class's figure or period; a negative one keeps the reading the class leaves alone.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';
import { twoSessionFindings } from './indexed-service';

/** [entry, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/low-round17.yaml');

/** The facts the checker reads in `marked` (marked-cases.ts entryPeriodFacts). */
const facts = (marked: string): Fact[] => entryPeriodFacts(marked, catalog);

describe('construction classes of the lowest-recall sets (fixtures/prose/low-round17.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 3, negatives: 2 }, catalog, facts, (c, read) => {
    // A positive case reads a period other than the file's (1), a further figure (2), a fact (3).
    const promised = c.class === 1 ? read.some((f) => f[2] !== c.period) : c.class === 2 ? read.length > 1 : read.length > 0;
    if (c.kind === 'positive') assert.ok(promised, `${c.rule}: ${JSON.stringify(read)}`);
  });
});

describe('the checker: a rank change against the edition before it of its own kind of period', () => {
  const findings = (earlier: string, later: string, period: string) =>
    twoSessionFindings('file:///low17', { date: '2023-10-20', period: '2023-09', text: earlier }, { date: '2025-01-20', period, text: later }, 'rank-change-mismatch');
  // (Speedtest, September 2023: Việt Nam's mobile speed 58th: https://www.24h.com.vn/cong-nghe-thong-tin/speedtestnet-viet-nam-tut-toi-9-hang-ve-toc-do-internet-di-dong-c55a1511738.html)
  const EARLIER = 'Tháng 9/2023, Việt Nam đứng thứ 58 thế giới về [[Xếp hạng tốc độ băng rộng di động]].';

  it('a year\'s rank and its change are not checked against a month\'s rank of the year before', async () => {
    assert.deepEqual(await findings(EARLIER, 'Năm 2024, [[Xếp hạng tốc độ băng rộng di động]] tăng 14 bậc, lên hạng 37/110.', '2024'), []);
  });

  it('a month\'s rank and its change are checked against the month before', async () => {
    const found = await findings(EARLIER, 'Tháng 10/2023, [[Xếp hạng tốc độ băng rộng di động]] tăng 3 bậc, lên thứ 50.', '2023-10');
    assert.equal(found.length, 1);
  });
});
