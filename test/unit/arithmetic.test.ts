/** Rank and change arithmetic (parse/arithmetic.ts) and the clause reader's roles, periods and binding (parse/clauses.ts). */
import * as assert from 'node:assert/strict';
import { changeModes, earlierValue, impliedEarlier, laterValue, rankAfter, rankBefore } from '../../server/src/core/parse/arithmetic';
import { readFigures } from '../../server/src/core/parse/figures';
import { parseReport } from '../../server/src/core/parse/document';

const one = (text: string) => readFigures(text)[0];

describe('rank and change arithmetic', () => {
  it('a rise of N places had the number N higher; a fall, N lower', () => {
    assert.equal(rankBefore(46, 2, 'up'), 48);
    assert.equal(rankBefore(71, 15, 'down'), 56);
    assert.equal(rankAfter(59, 8, 'up'), 51);
    assert.equal(rankAfter(56, 15, 'down'), 71);
    const rank = one('đứng thứ 46/132');
    const up = one('tăng 2 bậc');
    assert.deepEqual(changeModes(up, rank), ['rank']);
    assert.deepEqual(impliedEarlier(rank, up), [[48, 48]]);
    assert.deepEqual(impliedEarlier(one('xếp thứ 71/193'), one('giảm 15 bậc')), [[56, 56]]);
  });

  it('absolute changes subtract, within the rounding bands', () => {
    // Open at both ends ("trên … tăng trên …"): nothing is implied.
    assert.deepEqual(impliedEarlier(one('trên 177 triệu hồ sơ'), one('tăng trên 23 triệu')), []);
    const [a, b] = impliedEarlier(one('80 triệu thẻ'), one('tăng 4 triệu thẻ'))[0];
    assert.ok(a <= 76e6 && 76e6 <= b && b - a <= 2e6, `${a} ${b}`);
  });

  it('percentage points subtract; a % change of a rate is points or relative; of a level, relative', () => {
    assert.deepEqual(changeModes(one('tăng 2,5 điểm phần trăm'), one('42%')), ['points']);
    assert.deepEqual(changeModes(one('tăng 5%'), one('42%')), ['points', 'percent']);
    assert.deepEqual(changeModes(one('tăng 23%'), one('64,9 tỷ USD')), ['percent']);
    const [a, b] = earlierValue([64.85e9, 64.95e9], [22.5, 23.5], 'up', 'percent')!;
    assert.ok(a > 52.5e9 && b < 53.1e9 && a < 52.8e9 && b > 52.8e9, `${a} ${b}`);
    const later = laterValue([a, b], [22.5, 23.5], 'up', 'percent')!;
    assert.ok(later[0] <= 64.85e9 && later[1] >= 64.95e9);
    const bases = impliedEarlier(one('42%'), one('tăng 5%'));
    assert.equal(bases.length, 2);
    assert.ok(bases.some(([x, y]) => x <= 37 && 37 <= y));
    assert.ok(bases.some(([x, y]) => x <= 40 && 40 <= y));
  });

  it('times divide: 36 tỷ USD, gấp 3 lần → 12 tỷ', () => {
    const c = one('gấp 3 lần');
    assert.equal(c.change?.times, true);
    assert.deepEqual(changeModes(c, one('36 tỷ USD')), ['times']);
    const [a, b] = impliedEarlier(one('36 tỷ USD'), c)[0];
    assert.ok(a <= 12e9 && 12e9 <= b);
  });

  it('a relative fall of 100% or more implies nothing', () => {
    assert.equal(earlierValue([5, 5], [100, 100], 'down', 'percent'), null);
  });
});

const FM = '---\nsession: 9\ndate: 2024-07-10\nperiod: 2024-S1\ntitle: t\n---\n\n';
const parse = (body: string) => parseReport(FM + body + '\n', 'file:///t.report.md');

describe('clause reader', () => {
  it('binds the level of the clause, before or after the name, never the change', () => {
    assert.equal(parse('Việt Nam xếp thứ 71/193 về [[X]], tăng 15 bậc.').references[0].figure?.raw, 'xếp thứ 71/193');
    assert.equal(parse('[[X]] đạt cấp độ 6/10, tăng 1 cấp độ.').references[0].figure?.raw, 'cấp độ 6/10');
    assert.equal(parse('[[X]] 6 tháng 2024 đạt gần 3 tỷ USD.').references[0].figure?.raw, 'đạt gần 3 tỷ USD');
    assert.equal(parse('Có 50.350 [[X]], tăng 10% so với cùng kỳ.').references[0].figure?.raw, '50.350');
    assert.equal(parse('[[X]] tăng 11%.').references[0].figure?.role, 'change');
  });

  it('gives each figure its own period', () => {
    const doc = parse('[[X]] tăng từ 113,5 tỷ USD năm 2021 lên 117,3 tỷ USD năm 2023.');
    assert.deepEqual(doc.figures.map((f) => [f.raw, f.role, f.period]), [['113,5 tỷ USD', 'base', '2021'], ['117,3 tỷ USD', 'level', '2023']]);
    assert.deepEqual(doc.references[0].also?.map((a) => [a.figure.raw, a.period]), [['113,5 tỷ USD', '2021']]);
    const target = parse('[[X]] đạt khoảng 18,3%, trong khi mục tiêu năm 2025 là 20%.');
    assert.deepEqual(target.figures.map((f) => [f.role, f.period]), [['level', '2024-S1'], ['target', '2025']]);
    const paren = parse('[[X]] tăng khá (năm 2023: 13 tỷ USD, 6 tháng 2024: 6 tỷ USD).');
    assert.deepEqual(paren.figures.map((f) => f.period), ['2023', '2024-S1']);
    const times = parse('[[X]] đạt 36 tỷ USD, gấp 3 lần năm 2020.');
    assert.deepEqual(times.figures.map((f) => f.period), ['2024-S1', '2024-S1']);
    assert.equal(times.figures[1].change?.against, '2020');
    // A bracketed passage: its clauses govern each other, and nothing outside it.
    const aside = parse('[[X]] xếp thứ 51/63 tỉnh, tăng 8 bậc (năm 2020, Bắc Kạn xếp thứ 59/63 tỉnh).');
    assert.deepEqual(aside.figures.map((f) => [f.raw, f.period]), [['xếp thứ 51/63 tỉnh', '2024-S1'], ['tăng 8 bậc', '2024-S1'], ['xếp thứ 59/63 tỉnh', '2020']]);
  });

  it('keeps a restatement for another period in the next clause as a further figure of the reference', () => {
    const doc = parse('[[X]] đạt 42%, cuối năm 2023 là 17%.');
    assert.equal(doc.references[0].figure?.raw, 'đạt 42%');
    assert.deepEqual(doc.references[0].also?.map((a) => [a.figure.raw, a.period]), [['17%', '2023-12-31']]);
    // Not when the clause says more, names another indicator, states a change or the same period.
    for (const text of [
      '[[X]] đạt 42%, cuối năm 2023 [[Y]] là 17%.',
      '[[X]] đạt 42%, năm 2023 tăng 17%.',
      '[[X]] đạt 42%, cuối năm 2023 là 17% và 20 tỉnh đạt trên 50%.',
      '[[X]] đạt 42%, cuối năm 2023 có 17 địa phương.',
      '[[X]] đạt 42% (cuối năm 2023 là 17%).',
    ])
      assert.equal(parse(text).references[0].also, undefined, text);
  });

  it('reads parts of a whole, rates per population and rank scopes', () => {
    const part = one('76 trong số 106 nhiệm vụ');
    assert.deepEqual([part.kind, part.value, part.denominator, part.role], ['fraction', 76, 106, 'part']);
    const rate = one('0,69 doanh nghiệp trên 1.000 dân');
    assert.deepEqual([rate.value, rate.per, rate.role], [0.69, 1000, 'rate']);
    assert.equal(parse('Việt Nam đứng thứ 5/11 tại Đông Nam Á về [[X]].').references[0].figure?.scope, 'asean');
    assert.equal(one('tăng gấp hơn 1,7 lần').change?.times, true);
  });
});
