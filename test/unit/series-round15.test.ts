/**
 * A name's further figures of other units (docs/reading.md §6.5 (10)-(11); parse/province-items.ts,
 * further.ts, binding.ts continueRanking; history/subject.ts; test/fixtures/prose/series-round15.yaml):
 * each case's facts — each reference's bound figure and its further figures, with the entry, the
 * period and the province the history files it under — as the checker reads the text (marked by
 * `markup` in each mode when written unmarked). A positive case reads a further figure (of another
 * province, or an earlier place of a rank change); a negative one reads none. On the checker's side:
 * the figures read enter the history under their own province and period, so a later session that
 * restates them draws nothing and one that differs is a figure-conflict; a rank change's base does
 * not confuse the rank-change arithmetic.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryProvinceFacts, loadCases, type ClassCase } from '../marked-cases';
import { twoSessionFindings } from './indexed-service';

/** [entry, figure, period, province or "-"]. */
type Fact = [string, string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/series-round15.yaml');

/** The facts the checker reads in `marked` (marked-cases.ts entryProvinceFacts). */
const unitFacts = (marked: string): Fact[] => entryProvinceFacts(marked, catalog, 'file:///series15.report.md');

describe('further figures of other units (fixtures/prose/series-round15.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4], positives: 3, negatives: 3 }, catalog, unitFacts, (c, facts) =>
    assert.equal(facts.length > 1, c.kind === 'positive', `${c.rule}: ${JSON.stringify(facts)}`),
  );
});

describe('the checker: further figures of other units and periods in the history', () => {
  const findings = (earlier: string, later: string, code: string) =>
    twoSessionFindings('file:///series15', { date: '2023-07-20', period: '2022', text: earlier }, { date: '2025-03-20', period: '2024', text: later }, code);
  // (DTI 2022: Vĩnh Phúc 18, Bình Dương 19: https://dti.gov.vn/xep-hang-2022)
  const PROVINCES = 'Thanh Hóa đứng thứ 15 về [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]] năm 2022. Hậu Giang xếp thứ 17; Vĩnh Phúc, Bình Dương đứng thứ 18 và 19.';

  it('a group\'s ranks are each its own province\'s: restated, nothing; given to the other province, a figure-conflict', async () => {
    assert.deepEqual(await findings(PROVINCES, 'Năm 2022, Vĩnh Phúc đứng thứ 18 về [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]].', 'figure-conflict'), []);
    const wrong = await findings(PROVINCES, 'Năm 2022, Bình Dương đứng thứ 18 về [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]].', 'figure-conflict');
    assert.equal(wrong.length, 1);
    assert.match(wrong[0].message, /19/, wrong[0].message);
  });

  // (EGDI: 86th in 2022, 71st of 193 in 2024, up 15: https://bnews.vn/viet-nam-tang-15-bac-trong-bang-xep-hang-chinh-phu-dien-tu-toan-cau-nam-2024/347623.html)
  const EARLIER = 'Năm 2022, Việt Nam xếp thứ 86/193 về [[Xếp hạng Chỉ số phát triển Chính phủ điện tử của Liên Hợp Quốc]].';
  const told = (base: string) => `Năm 2024, Việt Nam xếp thứ 71/193 về [[Xếp hạng Chỉ số phát triển Chính phủ điện tử của Liên Hợp Quốc]], tăng 15 bậc so với năm 2022 (${base}).`;

  it('a rank change\'s base that agrees with the history draws nothing, the arithmetic holds', async () => {
    assert.deepEqual(await findings(EARLIER, told('86'), 'figure-conflict'), []);
    assert.deepEqual(await findings(EARLIER, told('86'), 'rank-change-mismatch'), []);
  });

  it('a rank change\'s base that differs from the history is a figure-conflict naming the earlier rank', async () => {
    const conflict = await findings(EARLIER, told('88'), 'figure-conflict');
    assert.equal(conflict.length, 1);
    assert.match(conflict[0].message, /86\/193/, conflict[0].message);
  });
});
