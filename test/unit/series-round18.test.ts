/**
 * The earlier values of an indicator told beside its bound figure (docs/reading.md §6.5 (1), (12);
 * parse/rank-bases.ts, clauses.ts, roles.ts bracketedBases, binding.ts; test/fixtures/prose/series-round18.yaml): each case's facts — each
 * reference's bound figure and its further figures, with their periods — as the checker reads the
 * text marked by `markup` in each mode. A positive case reads the earlier value with its own period;
 * a negative one reads none. On the checker's side: the earlier value enters the history, so a later
 * session that restates it draws nothing and one that differs is a figure-conflict.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';
import { twoSessionFindings } from './indexed-service';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/series-round18.yaml');

describe('earlier values of an indicator beside its bound figure (fixtures/prose/series-round18.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) =>
    assert.equal(facts.length > 1, c.kind === 'positive', `${c.rule}: ${JSON.stringify(facts)}`),
  );
});

describe('the checker: an earlier value told beside the bound figure in the history', () => {
  const findings = (earlier: string, later: string, code: string) =>
    twoSessionFindings('file:///series18', { date: '2023-08-10', period: '2022', text: earlier }, { date: '2024-10-10', period: '2023', text: later }, code);
  // (DTI 2023: Quảng Ngãi 21/63, up 5 on 2022, when it was 26th:
  // https://baomoi.net.vn/quang-ngai-tang-5-bac-trong-danh-gia-chuyen-doi-so-c51412784.epi, https://dti.gov.vn/xep-hang-2022)
  const told = (place: string) => `Năm 2023, Quảng Ngãi đứng thứ 21/63 về [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]], tăng 5 bậc so với năm 2022 (khi đó xếp thứ ${place}).`;
  const EARLIER = 'Năm 2022, Quảng Ngãi xếp thứ 26/63 về [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]].';

  it('an earlier place that agrees with the history draws nothing, the rank-change arithmetic holds', async () => {
    assert.deepEqual(await findings(EARLIER, told('26'), 'figure-conflict'), []);
    assert.deepEqual(await findings(EARLIER, told('26'), 'rank-change-mismatch'), []);
  });

  it('an earlier place that differs from the history is a figure-conflict naming the earlier rank', async () => {
    const conflict = await findings(EARLIER, told('28'), 'figure-conflict');
    assert.equal(conflict.length, 1);
    assert.match(conflict[0].message, /26\/63/, conflict[0].message);
  });

  // (Ookla: 54,17 Mbps in September 2024, 71,23 Mbps in October 2024:
  // https://doanhnghiephoinhap.vn/toc-do-internet-di-dong-tai-viet-nam-xep-thu-43-toan-cau-90103.html)
  const SPEED_EARLIER = 'Tháng 9/2024, [[Tốc độ tải xuống trung bình băng rộng di động]] đạt 54,17 Mbps.';
  const speed = (base: string) => `Tháng 10/2024, [[Tốc độ tải xuống trung bình băng rộng di động]] đạt 71,23 Mbps, tăng 31% so với mức ${base} Mbps của tháng 9/2024.`;

  it('a base "so với mức X của tháng M/YYYY" that agrees with the history draws nothing; one that differs is a figure-conflict', async () => {
    assert.deepEqual(await findings(SPEED_EARLIER, speed('54,17'), 'figure-conflict'), []);
    const conflict = await findings(SPEED_EARLIER, speed('60,5'), 'figure-conflict');
    assert.equal(conflict.length, 1);
    assert.match(conflict[0].message, /54,17/, conflict[0].message);
  });

  // (Ookla fixed download: 153 Mbps in October 2024, up 50% on October 2023, so about 102 Mbps then:
  // https://doanhnghiephoinhap.vn/toc-do-internet-di-dong-tai-viet-nam-xep-thu-43-toan-cau-90103.html)
  const FIXED_EARLIER = 'Tháng 10/2023, [[Tốc độ tải xuống trung bình băng rộng cố định]] đạt khoảng 102 Mbps.';
  const fixed = (base: string) => `Tháng 10/2024, [[Tốc độ tải xuống trung bình băng rộng cố định]] đạt 153 Mbps, tăng 50% so với cùng kỳ năm 2023 (khoảng ${base} Mbps).`;

  it('a base in brackets after "so với cùng kỳ năm YYYY" is of the bound month a year before: agreeing, nothing; differing, a figure-conflict', async () => {
    assert.deepEqual(await findings(FIXED_EARLIER, fixed('102'), 'figure-conflict'), []);
    const conflict = await findings(FIXED_EARLIER, fixed('120'), 'figure-conflict');
    assert.equal(conflict.length, 1);
    assert.match(conflict[0].message, /102/, conflict[0].message);
  });
});
