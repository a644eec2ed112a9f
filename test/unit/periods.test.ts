/** The period reader: phrases → codes, the seed periods, containment and descriptions. */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import {
  describePeriod,
  fillYear,
  periodContains,
  periodRange,
  readPeriods,
  resolveSamePeriod,
} from '../../server/src/core/parse/periods';
import { isPeriodCode } from '../../server/src/core/parse/period-codes';
import { fixturesDir } from '../helpers';

type Row = [text: string, expected: Array<[raw: string, code: string, comparison?: boolean]>];

const rows: Row[] = [
  ['quý I/2022', [['quý I/2022', '2022-Q1']]],
  ['Quý 1/2022', [['Quý 1/2022', '2022-Q1']]],
  ['quý I năm 2022', [['quý I năm 2022', '2022-Q1']]],
  ['trong quý IV/2023', [['trong quý IV/2023', '2023-Q4']]],
  ['quý III - 2023', [['quý III - 2023', '2023-Q3']]],
  ['6 tháng đầu năm 2024', [['6 tháng đầu năm 2024', '2024-S1']]],
  ['trong 6 tháng đầu năm 2024', [['trong 6 tháng đầu năm 2024', '2024-S1']]],
  ['6 tháng cuối năm 2023', [['6 tháng cuối năm 2023', '2023-S2']]],
  ['nửa đầu năm 2024', [['nửa đầu năm 2024', '2024-S1']]],
  ['năm 2023', [['năm 2023', '2023']]],
  ['trong năm 2023', [['trong năm 2023', '2023']]],
  ['Năm 2023', [['Năm 2023', '2023']]],
  ['tháng 2/2023', [['tháng 2/2023', '2023-02']]],
  ['tháng 02 năm 2023', [['tháng 02 năm 2023', '2023-02']]],
  ['tháng 12/2022', [['tháng 12/2022', '2022-12']]],
  ['2 tháng đầu năm 2023', [['2 tháng đầu năm 2023', '2023-YTD02']]],
  ['9 tháng năm 2024', [['9 tháng năm 2024', '2024-YTD09']]],
  ['3 tháng đầu năm 2023', [['3 tháng đầu năm 2023', '2023-YTD03']]],
  ['12 tháng năm 2023', [['12 tháng năm 2023', '2023']]],
  // The count of months in words (audit15; shape of "Mười tháng đầu năm 2022, NCSC ghi nhận …",
  // https://baotayninh.vn/tag-video/ghi%20nh%E1%BA%ADn%20m%E1%BB%97i%20ng%C3%A0y.html): not the year's start.
  ['Mười tháng đầu năm 2022', [['Mười tháng đầu năm 2022', '2022-YTD10']]],
  ['trong mười một tháng đầu năm 2024', [['trong mười một tháng đầu năm 2024', '2024-YTD11']]],
  ['Chín tháng đầu năm 2023', [['Chín tháng đầu năm 2023', '2023-YTD09']]],
  ['hai tháng đầu năm 2023', [['hai tháng đầu năm 2023', '2023-YTD02']]],
  ['ba tháng cuối năm 2023', [['ba tháng cuối năm 2023', '2023-Q4']]],
  ['Năm tháng đầu năm 2023', [['Năm tháng đầu năm 2023', '2023-YTD05']]],
  // Without "đầu"/"cuối" the words are no period ("ba tháng năm 2023" may be "three months, 2023").
  ['ba tháng năm 2023', [['năm 2023', '2023']]],
  ['3 tháng cuối năm 2023', [['3 tháng cuối năm 2023', '2023-Q4']]],
  ['cuối năm 2022', [['cuối năm 2022', '2022-12-31']]],
  ['hết năm 2022', [['hết năm 2022', '2022-12-31']]],
  ['đầu năm 2023', [['đầu năm 2023', '2023-01-01']]],
  // The first place in a year, not its start.
  ['Bộ Tài chính giữ ngôi đầu năm 2021', [['năm 2021', '2021']]],
  ['tỉnh dẫn đầu năm 2022', [['năm 2022', '2022']]],
  ['đứng đầu năm 2023', [['năm 2023', '2023']]],
  ['từ đầu năm 2023', [['từ đầu năm 2023', '2023-01-01']]],
  ['cuối quý I/2023', [['cuối quý I/2023', '2023-03-31']]],
  ['cuối tháng 2/2024', [['cuối tháng 2/2024', '2024-02-29']]],
  ['ngày 25/2/2023', [['ngày 25/2/2023', '2023-02-25']]],
  ['đến ngày 25/2/2023', [['đến ngày 25/2/2023', '2023-02-25']]],
  ['tính đến hết ngày 31/12/2023', [['tính đến hết ngày 31/12/2023', '2023-12-31']]],
  ['ngày 25 tháng 2 năm 2023', [['ngày 25 tháng 2 năm 2023', '2023-02-25']]],
  ['1-1-2023', [['1-1-2023', '2023-01-01']]],
  ['29/04/2022', [['29/04/2022', '2022-04-29']]],
  ['25.02.2023', [['25.02.2023', '2023-02-25']]],
  ['so với cuối năm 2022', [['cuối năm 2022', '2022-12-31', true]]],
  ['so với năm 2022', [['năm 2022', '2022', true]]],
  // A round named between the marker and the year (press on indices: UPU's 2IPD, the UN's EGDI).
  ['tăng 1 cấp độ so với kỳ đánh giá năm 2021', [['năm 2021', '2021', true]]],
  ['so với lần xếp hạng năm 2022', [['năm 2022', '2022', true]]],
  ['kỳ đánh giá năm 2021 xếp thứ 40', [['năm 2021', '2021', false]]],
  ['so cùng kỳ năm 2023', [['cùng kỳ năm 2023', 'SPLY-2023', true]]],
  ['so với cùng kỳ năm trước', [['cùng kỳ năm trước', 'SPLY', true]]],
  ['cùng kỳ', [['cùng kỳ', 'SPLY', true]]],
  [
    'trong 6 tháng đầu năm 2024 tăng 8% so cùng kỳ năm 2023',
    [
      ['trong 6 tháng đầu năm 2024', '2024-S1'],
      ['cùng kỳ năm 2023', 'SPLY-2023', true],
    ],
  ],
  // not periods
  ['30/2/2023', []],
  ['ngày 32/1/2023', []],
  ['quý 5/2022', []],
  ['tháng 13/2022', []],
  ['năm 1800', []],
  ['Bộ Nông nghiệp và Phát triển nông thôn', []],
  ['Hội Quý bà Việt Nam', []],
  ['749/QĐ-TTg, 42/2022/NĐ-CP', []],
  ['40.590 tổ', []],
  ['14.727/15.981 cửa hàng', []],
  ['', []],
];

describe('readPeriods', () => {
  for (const [text, expected] of rows) {
    it(JSON.stringify(text), () => {
      const got = readPeriods(text);
      assert.deepEqual(
        got.map((p) => [p.raw, p.code, p.comparison]),
        expected.map(([raw, code, cmp]) => [raw, code, cmp ?? false]),
      );
      for (const p of got) assert.equal(text.slice(p.start, p.end), p.raw);
    });
  }

  it('returns only dialect period codes by default (plus the comparison markers)', () => {
    const text = 'ngày 27/4, 6 tháng cuối năm, giai đoạn 2021-2025, năm 2022, cùng kỳ năm trước';
    const got = readPeriods(text);
    assert.deepEqual(
      got.map((p) => p.code),
      ['2022', 'SPLY'],
    );
    for (const p of got) assert.ok(p.comparison || isPeriodCode(p.code), p.code);
  });

  it('fills in the year of yearless phrases when asked', () => {
    const got = readPeriods('6 tháng cuối năm và ngày 27/4', { year: 2024 });
    assert.deepEqual(
      got.map((p) => [p.raw, p.code, p.yearless]),
      [
        ['6 tháng cuối năm', '2024-S2', true],
        ['ngày 27/4', '2024-04-27', true],
      ],
    );
  });

  it('returns yearless codes and year ranges with { all: true }', () => {
    const got = readPeriods('6 tháng cuối năm, Sáng 26/11, quý II, cuối năm, giai đoạn 2021-2025, Kế hoạch 5 năm 2021-2025', { all: true });
    assert.deepEqual(
      got.map((p) => [p.raw, p.code]),
      [
        ['6 tháng cuối năm', 'XXXX-S2'],
        ['Sáng 26/11', 'XXXX-11-26'],
        ['quý II', 'XXXX-Q2'],
        ['cuối năm', 'XXXX-12-31'],
        ['giai đoạn 2021-2025', '2021/2025'],
        ['năm 2021-2025', '2021/2025'],
      ],
    );
  });

  it('gives offsets into decomposed (NFD) input', () => {
    const text = 'Trong quý I/2022, đạt 42%'.normalize('NFD');
    const [p] = readPeriods(text);
    assert.equal(p.code, '2022-Q1');
    assert.equal(p.raw, 'Trong quý I/2022'.normalize('NFD'));
  });

  it('finishes on hostile input, every period inside the text (linear time: faults-linear-time.test.ts, "periods: …")', () => {
    for (const text of ['quý '.repeat(25000), 'năm '.repeat(25000) + '2022', '1/'.repeat(50000), '1-1-'.repeat(25000), 'cùng kỳ '.repeat(12000), ' '.repeat(100000)]) {
      for (const p of readPeriods(text, { all: true })) assert.equal(text.slice(p.start, p.end), p.raw);
    }
  });
});

describe('readPeriods: the seed periods', () => {
  const excerpts = (parse(readFileSync(path.join(fixturesDir, 'seed-figures.yaml'), 'utf8')) as {
    excerpts: Array<{ text: string; nonFigures: Array<{ raw: string; why: string; code?: string; comparison?: boolean }> }>;
  }).excerpts;
  for (const ex of excerpts) {
    for (const nf of ex.nonFigures.filter((n) => n.code)) {
      it(`${nf.raw} → ${nf.code}`, () => {
        const at = ex.text.indexOf(nf.raw);
        const p = readPeriods(ex.text, { all: true }).find((q) => q.start === at);
        assert.ok(p, `a period at "${nf.raw}"`);
        assert.equal(p.raw, nf.raw);
        assert.equal(p.code, nf.code);
        assert.equal(p.comparison, nf.comparison ?? false);
      });
    }
  }
});

describe('period codes', () => {
  const contains: Array<[string, string, boolean]> = [
    ['2022', '2022-Q1', true],
    ['2022', '2022-12-31', true],
    ['2022', '2022-YTD02', true],
    ['2022', '2022-02', true],
    ['2022-S1', '2022-Q2', true],
    ['2022-S1', '2022-Q3', false],
    ['2022-Q1', '2022', false],
    ['2023-YTD03', '2023-Q1', true],
    ['2023-Q1', '2023-YTD03', true],
    ['2023-YTD02', '2023-02-25', true],
    ['2023-YTD02', '2023-03-01', false],
    ['2021/2025', '2023-S1', true],
    ['2023', '2023', true],
    ['SPLY', 'SPLY', true],
    ['SPLY', '2023', false],
    ['2023', 'XXXX-S1', false],
  ];
  for (const [outer, inner, want] of contains) {
    it(`periodContains(${outer}, ${inner}) = ${want}`, () => assert.equal(periodContains(outer, inner), want));
  }

  it('periodRange', () => {
    assert.deepEqual(periodRange('2024-Q1'), ['2024-01-01', '2024-03-31']);
    assert.deepEqual(periodRange('2024-S2'), ['2024-07-01', '2024-12-31']);
    assert.deepEqual(periodRange('2024-02'), ['2024-02-01', '2024-02-29']);
    assert.deepEqual(periodRange('2023-YTD02'), ['2023-01-01', '2023-02-28']);
    assert.equal(periodRange('2023-02-30'), null);
    assert.equal(periodRange('nonsense'), null);
  });

  it('resolveSamePeriod and fillYear', () => {
    assert.equal(resolveSamePeriod('SPLY', '2024-S1'), '2023-S1');
    assert.equal(resolveSamePeriod('SPLY-2023', '2024-S1'), '2023-S1');
    assert.equal(resolveSamePeriod('SPLY', '2024-02-29'), '2023-02-28');
    assert.equal(resolveSamePeriod('2022-12-31', '2023-02-25'), '2022-12-31');
    assert.equal(fillYear('XXXX-S2', 2024), '2024-S2');
  });

  const described: Array<[string, string, string]> = [
    ['2022-Q1', 'quý I/2022', '2022 Q1'],
    ['2024-S1', '6 tháng đầu năm 2024', '2024 H1'],
    ['2024-S2', '6 tháng cuối năm 2024', '2024 H2'],
    ['2023', 'năm 2023', '2023'],
    ['2023-02', 'tháng 2/2023', 'February 2023'],
    ['2023-02-25', 'ngày 25/2/2023', '25 Feb 2023'],
    ['2022-12-31', 'cuối năm 2022 (31/12/2022)', '31 Dec 2022'],
    ['2023-YTD02', '2 tháng đầu năm 2023', '2023 January–February (year to date)'],
    ['2021/2025', 'giai đoạn 2021-2025', '2021–2025'],
    ['SPLY', 'cùng kỳ năm trước', 'the same period of the previous year'],
    ['SPLY-2023', 'cùng kỳ năm 2023', 'the same period of 2023'],
    ['XXXX-S2', '6 tháng cuối năm', 'H2'],
    ['whatever', 'whatever', 'whatever'],
  ];
  for (const [code, vi, en] of described) {
    it(`describePeriod(${code})`, () => {
      assert.equal(describePeriod(code, 'vi'), vi);
      assert.equal(describePeriod(code, 'en'), en);
    });
  }
});
