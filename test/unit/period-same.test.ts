/**
 * A month and its last day are one period for a stock (docs/history.md §3, dialect §18; issue 13 round 12): "đến
 * hết tháng 9/2022" reads as the as-of date 2022-09-30 (dialect §8), "tháng 9/2022" as the month
 * 2022-09; the history compares a stock by the end day of its period, so a count told in one report
 * for the month and in another for its last day is one figure: two values conflict (no conflict
 * missed), one value does not, and neither is a later value that fell (no false stock-decrease).
 */
import * as assert from 'node:assert/strict';
import { onePeriod, periodGrouping } from '../../server/src/core/history/period-key';
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

// Round 13 (names13): a month and its last day are one period for a share (measure ratio,
// fraction), as for a stock (history/period-key.ts, docs/history.md §3); another day of the month,
// a year and its last day, and a flow's month and last day stay two periods. The markup evaluation
// (test/prose/markup-eval.ts) matches facts' periods by the same rule.
// A share (measure ratio): households on fibre; 76,68 % at the end of April 2023
// (https://vietnamnet.vn/doanh-thu-toan-nganh-tt-tt-dat-khoang-1-14-trieu-ty-dong-trong-4-thang-2141239.html).
const SHARE = '[[Tỷ lệ hộ gia đình sử dụng Internet cáp quang]]';
// A flow: revenue of the IT industry.
const FLOW = '[[Doanh thu công nghiệp công nghệ thông tin]]';

describe('history: a month and its last day are one period for a share', () => {
  it("groups periods by the indicator's measure", () => {
    assert.equal(periodGrouping({ measure: 'stock' }), 'end');
    assert.equal(periodGrouping({ measure: 'ratio' }), 'month');
    assert.equal(periodGrouping({ measure: 'fraction' }), 'month');
    assert.equal(periodGrouping({ measure: 'flow' }), 'code');
    assert.ok(onePeriod('2023-04', '2023-04-30', { measure: 'ratio' }));
    assert.ok(onePeriod('2024-02-29', '2024-02', { measure: 'fraction' }));
    assert.ok(!onePeriod('2023-04', '2023-04-29', { measure: 'ratio' }));
    assert.ok(!onePeriod('2023', '2023-12-31', { measure: 'ratio' }));
    assert.ok(!onePeriod('2023-S1', '2023-06-30', { measure: 'ratio' }));
    assert.ok(!onePeriod('2023-04', '2023-04-30', { measure: 'flow' }));
    assert.ok(onePeriod('2023', '2023-12-31', { measure: 'stock' }));
  });

  it('two values for the month and its last day conflict', async () => {
    const got = await codes(
      report(1, '2023-05-05', '2023-04', `Tháng 4/2023, ${SHARE} đạt 76,68%.`),
      report(2, '2023-05-20', '2023-04', `Đến hết tháng 4/2023, ${SHARE} đạt 70,5%.`),
    );
    assert.deepEqual(got, ['figure-conflict']);
  });

  it('one value for the month and its last day: no finding', async () => {
    const got = await codes(
      report(1, '2023-05-05', '2023-04', `Tháng 4/2023, ${SHARE} đạt 76,68%.`),
      report(2, '2023-05-20', '2023-04', `Đến hết tháng 4/2023, ${SHARE} đạt 76,68%.`),
    );
    assert.deepEqual(got, []);
  });

  it('another day of the month is another period of a share', async () => {
    const got = await codes(
      report(1, '2023-05-05', '2023-04', `Đến ngày 29/4/2023, ${SHARE} đạt 76,68%.`),
      report(2, '2023-05-20', '2023-04', `Đến hết tháng 4/2023, ${SHARE} đạt 70,5%.`),
    );
    assert.deepEqual(got, []);
  });

  it("a flow's month and its last day stay two periods", async () => {
    const got = await codes(
      report(1, '2023-05-05', '2023-04', `Tháng 4/2023, ${FLOW} đạt 10.000 tỷ đồng.`),
      report(2, '2023-05-20', '2023-04', `Đến hết tháng 4/2023, ${FLOW} đạt 40.000 tỷ đồng.`),
    );
    assert.deepEqual(got, []);
  });
});
