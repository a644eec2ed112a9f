/**
 * A month and its last day are one period for a stock (docs/history.md §3, dialect §18; issue 13 round 12): "đến
 * hết tháng 9/2022" reads as the as-of date 2022-09-30 (dialect §8), "tháng 9/2022" as the month
 * 2022-09; the history compares a stock by the end day of its period, so a count told in one report
 * for the month and in another for its last day is one figure: two values conflict (no conflict
 * missed), one value does not, and neither is a later value that fell (no false stock-decrease).
 */
import * as assert from 'node:assert/strict';
import { parseReport } from '../../server/src/core/parse/document';
import { indexedService } from './indexed-service';

const folder = 'file:///ws';
const report = (session: number, date: string, period: string, line: string) =>
  `---\nsession: ${session}\ndate: ${date}\nperiod: ${period}\n---\n\n## Kết quả đạt được\n\n${line}\n`;

async function codes(earlier: string, later: string): Promise<string[]> {
  const files = { [`${folder}/a.report.md`]: earlier, [`${folder}/b.report.md`]: later };
  const service = await indexedService(files, folder);
  return service.check(`${folder}/b.report.md`, later, 1).map((f) => f.code).filter((c) => c === 'figure-conflict' || c === 'stock-decrease');
}

// A stock (cumulative count): dossiers processed on the National Public Service Portal.
const STOCK = '[[Số hồ sơ xử lý trên Cổng Dịch vụ công quốc gia]]';

/** The period the reader gives the reference of `text`. */
const periodOf = (text: string) => parseReport(text, 'file:///t.report.md').references[0].period;

describe('history: a month and its last day are one period for a stock', () => {
  it('reads the month and the as-of date as two codes', () => {
    assert.equal(periodOf(report(1, '2022-10-10', '2022-09', `Tháng 9/2022, ${STOCK} đạt 150.000.000 hồ sơ.`)), '2022-09');
    assert.equal(periodOf(report(1, '2022-10-10', '2022-09', `Đến hết tháng 9/2022, ${STOCK} đạt 150.000.000 hồ sơ.`)), '2022-09-30');
  });

  it('two values for the month and its last day conflict', async () => {
    const got = await codes(
      report(1, '2022-10-10', '2022-09', `Tháng 9/2022, ${STOCK} đạt 150.000.000 hồ sơ.`),
      report(2, '2022-10-20', '2022-09', `Đến hết tháng 9/2022, ${STOCK} đạt 120.000.000 hồ sơ.`),
    );
    assert.deepEqual(got, ['figure-conflict']);
  });

  it('one value for the month and its last day: no conflict, no fall', async () => {
    const got = await codes(
      report(1, '2022-10-10', '2022-09', `Tháng 9/2022, ${STOCK} đạt 150.000.000 hồ sơ.`),
      report(2, '2022-10-20', '2022-09', `Đến hết tháng 9/2022, ${STOCK} đạt 150.000.000 hồ sơ.`),
    );
    assert.deepEqual(got, []);
  });

  it('the day before the month ends is another period: a smaller later value is a fall, not a conflict', async () => {
    const got = await codes(
      report(1, '2022-10-10', '2022-09', `Đến ngày 29/9/2022, ${STOCK} đạt 150.000.000 hồ sơ.`),
      report(2, '2022-10-20', '2022-09', `Đến hết tháng 9/2022, ${STOCK} đạt 120.000.000 hồ sơ.`),
    );
    assert.deepEqual(got, ['stock-decrease']);
  });
});
