/**
 * The figure reader: every figure of the five seed articles (test/fixtures/seed-figures.yaml), then
 * edge cases of the Vietnamese number rules, then hostile input.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { readFigures } from '../../server/src/core/parse/figures';
import type { Figure } from '../../server/src/core/types';
import { fixturesDir } from '../helpers';

interface FixtureFigure {
  raw: string;
  numeral: string;
  value: number;
  unit: string | null;
  unitClass: string;
  multiplier: number;
  qualifier: string | null;
  decimals: number;
  kind: string;
  denominator?: number;
  target?: number;
  change?: { direction: string; against?: string; sameTimeLastYear?: boolean };
  growth?: boolean;
  interval?: [number, number];
}
interface FixtureNonFigure {
  raw: string;
  why: string;
  code?: string;
  comparison?: boolean;
}
interface Excerpt {
  seed: string;
  text: string;
  figures: FixtureFigure[];
  nonFigures: FixtureNonFigure[];
}

export function loadSeedFixture(): Excerpt[] {
  return (parse(readFileSync(path.join(fixturesDir, 'seed-figures.yaml'), 'utf8')) as { excerpts: Excerpt[] }).excerpts;
}

function close(actual: number, expected: number, what: string): void {
  if (actual === expected) return;
  assert.ok(Number.isFinite(expected) && Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected)), `${what}: ${actual} ≠ ${expected}`);
}

/** Checks the fields a fixture row (or an edge-case row) states. */
function check(f: Figure, e: Partial<FixtureFigure>, text: string): void {
  const ctx = `"${f.raw}"`;
  assert.equal(text.slice(f.start, f.end), f.raw, `${ctx}: start/end`);
  assert.equal(text.slice(f.numeralStart, f.numeralEnd), f.numeral, `${ctx}: numeral offsets`);
  assert.ok(f.start <= f.numeralStart && f.numeralEnd <= f.end, `${ctx}: numeral inside raw`);
  if (e.raw !== undefined) assert.equal(f.raw, e.raw);
  if (e.numeral !== undefined) assert.equal(f.numeral, e.numeral, `${ctx}: numeral`);
  if (e.value !== undefined) close(f.value, e.value, `${ctx}: value`);
  if (e.unit !== undefined) assert.equal(f.unit, e.unit, `${ctx}: unit`);
  if (e.unitClass !== undefined) assert.equal(f.unitClass, e.unitClass, `${ctx}: unitClass`);
  if (e.multiplier !== undefined) assert.equal(f.multiplier, e.multiplier, `${ctx}: multiplier`);
  if (e.qualifier !== undefined) assert.equal(f.qualifier, e.qualifier, `${ctx}: qualifier`);
  if (e.decimals !== undefined) assert.equal(f.decimals, e.decimals, `${ctx}: decimals`);
  if (e.kind !== undefined) assert.equal(f.kind, e.kind, `${ctx}: kind`);
  if ('denominator' in e || e.kind === 'fraction') assert.equal(f.denominator, e.denominator, `${ctx}: denominator`);
  if ('target' in e) assert.equal(f.target, e.target, `${ctx}: target`);
  if ('change' in e) assert.deepEqual(f.change, e.change, `${ctx}: change`);
  if ('growth' in e) assert.equal(f.growth ?? false, e.growth, `${ctx}: growth`);
  if (e.interval) {
    close(f.interval[0], e.interval[0], `${ctx}: interval low`);
    close(f.interval[1], e.interval[1], `${ctx}: interval high`);
  }
  assert.ok(f.interval[0] <= f.value && f.value <= f.interval[1], `${ctx}: value inside its interval`);
  close(f.value, f.mantissa * f.multiplier, `${ctx}: value = mantissa × multiplier`);
}

describe('readFigures: the seed articles', () => {
  const excerpts = loadSeedFixture();

  it('the fixture covers the seeds (60–90 figures)', () => {
    const n = excerpts.reduce((a, e) => a + e.figures.length, 0);
    assert.ok(n >= 60 && n <= 90, `${n} figures`);
    assert.ok(excerpts.reduce((a, e) => a + e.nonFigures.length, 0) >= 40);
  });

  for (const ex of excerpts) {
    const title = `${ex.seed}: ${ex.text.length > 70 ? ex.text.slice(0, 70) + '…' : ex.text}`;
    it(title, () => {
      const figures = readFigures(ex.text);
      assert.deepEqual(
        figures.map((f) => f.raw),
        ex.figures.map((f) => f.raw),
        'exactly the figures of the excerpt, in order',
      );
      figures.forEach((f, i) => check(f, ex.figures[i], ex.text));
      // No numeral of a non-figure is read as a figure. (A figure's raw text may run across a
      // comparison period: "tăng so với cùng kỳ năm trước là 8,47%".)
      for (const nf of ex.nonFigures) {
        const at = ex.text.indexOf(nf.raw);
        assert.ok(at >= 0, `non-figure "${nf.raw}" is in the text`);
        for (const f of figures) {
          assert.ok(f.numeralEnd <= at || f.numeralStart >= at + nf.raw.length, `"${nf.raw}" (${nf.why}) is not a figure, but "${f.raw}" was read`);
        }
      }
    });
  }
});

type Edge = [text: string, expected: Array<Partial<FixtureFigure>>];

const edges: Array<[string, Edge[]]> = [
  [
    'number formats',
    [
      ['1.5 triệu người', [{ raw: '1.5 triệu người', value: 1.5e6, mantissa: 1.5, decimals: 1, unit: 'người' } as Partial<FixtureFigure>]],
      ['đạt 50,350 doanh nghiệp', [{ value: 50.35, decimals: 3, unit: 'doanh nghiệp', unitClass: 'count' }]],
      ['1.234,5 tỷ đồng', [{ value: 1234.5e9, multiplier: 1e9, unit: 'đồng', unitClass: 'currency', decimals: 1 }]],
      ['1,234.5 USD', [{ value: 1234.5, unit: 'USD' }]],
      // A numeral glued to a measure (press writes "46,72Mbps"): the measure is its unit.
      ['tốc độ đạt 46,72Mbps', [{ raw: 'đạt 46,72Mbps', value: 46.72, unit: 'mbps', unitClass: 'none' }]],
      ['quy hoạch 20ha và 100MW', [{ raw: '20ha', value: 20, unit: 'ha' }, { raw: '100MW', value: 100, unit: 'mw' }]],
      ['tốc độ đạt 104,08 Mbit/s', [{ raw: 'đạt 104,08 Mbit/s', value: 104.08, unit: 'mbit/s', unitClass: 'none' }]],
      ['1,5 triệu tỷ đồng', [{ raw: '1,5 triệu tỷ đồng', value: 1.5e15, multiplier: 1e15, unit: 'đồng', unitClass: 'currency' }]],
      ['2 nghìn tỷ đồng', [{ value: 2e12, multiplier: 1e12 }]],
      ['3 ngàn tỉ VNĐ', [{ value: 3e12, multiplier: 1e12, unit: 'VND' }]],
      ['16,4 triệu tài khoản', [{ value: 16400000, unit: 'tài khoản', decimals: 1 }]],
      ['40 nghìn thuê bao', [{ value: 40000, multiplier: 1e3, unit: 'thuê bao' }]],
      ['5 tỉ đô la Mỹ', [{ value: 5e9, unit: 'USD', unitClass: 'currency' }]],
      ['06 chỉ tiêu', [{ numeral: '06', value: 6, unit: 'chỉ tiêu' }]],
      ['1.000 tỷ đồng/năm', [{ value: 1e12, unit: 'đồng/năm', unitClass: 'currency' }]],
      ['4.543/6.325 thủ tục hành chính', [{ kind: 'fraction', value: 4543, denominator: 6325, unit: 'thủ tục hành chính' }]],
      ['5/3 bộ', [{ kind: 'fraction', value: 5, denominator: 3 }]],
      ['tỷ lệ 42 %', [{ raw: '42 %', value: 42, kind: 'percent' }]],
      ['tăng 5 phần trăm', [{ value: 5, unit: '%', kind: 'percent', change: { direction: 'up' } }]],
    ],
  ],
  [
    'percentages are read as written',
    [
      ['tăng trưởng 180%', [{ value: 180, kind: 'percent', growth: true }]],
      ['đạt 120% kế hoạch', [{ value: 120, qualifier: 'đạt' }]],
      ['-3,5%', [{ raw: '-3,5%', numeral: '-3,5', value: -3.5, kind: 'percent' }]],
      ['tăng trưởng âm 2%', [{ raw: 'tăng trưởng âm 2%', value: -2, growth: true }]],
    ],
  ],
  [
    'qualifiers',
    [
      ['Khoảng 5 triệu người', [{ qualifier: 'khoảng', value: 5e6, interval: [4.5e6, 5.5e6] }]], // the rounding (± 0,5 triệu) is wider than 5 %
      ['khoảng 50 triệu người', [{ interval: [47.5e6, 52.5e6] }]],
      ['Ước đạt 18,3%', [{ raw: 'Ước đạt 18,3%', qualifier: 'ước đạt' }]],
      ['ước tính 3 tỷ USD', [{ qualifier: 'ước tính', value: 3e9 }]],
      ['ước 12 triệu', [{ qualifier: 'ước' }]],
      ['Tiến sát 100%', [{ qualifier: 'tiến sát', interval: [95, 100] }]],
      ['gần 97%', [{ qualifier: 'gần', interval: [87.3, 97] }]],
      ['hơn 97%', [{ qualifier: 'hơn', interval: [97, Infinity] }]],
      ['TRÊN 10 triệu', [{ qualifier: 'trên', interval: [1e7, Infinity] }]],
      ['dưới 5%', [{ qualifier: 'dưới', interval: [0, 5] }]],
      ['tối thiểu 80%', [{ qualifier: 'tối thiểu', interval: [80, Infinity] }]],
      ['ít nhất 80%', [{ qualifier: 'tối thiểu' }]],
      ['không quá 10%', [{ qualifier: 'tối đa', interval: [0, 10] }]],
      ['đạt khoảng 53 tỷ USD', [{ raw: 'đạt khoảng 53 tỷ USD', qualifier: 'khoảng' }]],
      ['khoảng 0,5%', [{ interval: [0.45, 0.55] }]],
      ['53,1%', [{ interval: [53.05, 53.15], decimals: 1 }]],
      ['53 tỷ USD', [{ interval: [52.5e9, 53.5e9], qualifier: null }]],
    ],
  ],
  [
    'changes',
    [
      ['giảm 5%', [{ raw: 'giảm 5%', value: 5, change: { direction: 'down' } }]],
      ['giảm 2,5 điểm phần trăm', [{ value: 2.5, unit: 'điểm phần trăm', unitClass: 'points', kind: 'number', change: { direction: 'down' } }]],
      ['tăng 3 điểm %', [{ unit: 'điểm phần trăm', unitClass: 'points', change: { direction: 'up' } }]],
      ['tăng 5 triệu so với đầu năm 2023', [{ change: { direction: 'up', against: '2023-01-01' } }]],
      ['tăng 10% so với năm 2022', [{ raw: 'tăng 10%', change: { direction: 'up', against: '2022' } }]],
      ['tăng 5% so với cùng kỳ', [{ change: { direction: 'up', sameTimeLastYear: true } }]],
      ['giảm 3 bậc so với năm 2022', [{ unit: 'bậc', unitClass: 'rank', change: { direction: 'down', against: '2022' } }]],
      ['tăng thêm 2 triệu thẻ', [{ raw: 'tăng thêm 2 triệu thẻ', change: { direction: 'up' } }]],
      ['tăng từ 17% lên 42%', [{ raw: '17%', change: undefined }, { raw: '42%', change: undefined }]],
      ['giảm còn 5%', [{ raw: '5%', change: undefined }]],
      ['tăng trưởng 22,4%', [{ growth: true, change: undefined }]],
    ],
  ],
  [
    'ranks and targets',
    [
      ['xếp hạng 71/193 quốc gia', [{ kind: 'rank', value: 71, denominator: 193, unitClass: 'rank' }]],
      ['đứng thứ 3', [{ raw: 'đứng thứ 3', kind: 'rank', value: 3, denominator: undefined }]],
      ['tăng 8 bậc lên thứ 51', [{ raw: 'tăng 8 bậc', unit: 'bậc' }, { raw: 'lên thứ 51', kind: 'rank', value: 51 }]],
      // "từ thứ N" is the rank a move starts from when a rank it moves to follows ("lên/xuống thứ").
      ['tăng từ thứ 86 năm 2022 lên thứ 71 năm 2024', [{ raw: 'thứ 86', kind: 'rank', value: 86 }, { raw: 'lên thứ 71', kind: 'rank', value: 71 }]],
      ['lùi từ thứ 1 xuống vị trí thứ 6', [{ raw: 'thứ 1', kind: 'rank', value: 1 }, { raw: 'vị trí thứ 6', kind: 'rank', value: 6 }]],
      ['nằm trong top 70', [{ kind: 'rank', value: 70, interval: [1, 70] }]],
      ['42%/kế hoạch 50%', [{ raw: '42%/kế hoạch 50%', value: 42, target: 50 }]],
      ['đạt 16 triệu/mục tiêu 20 triệu tài khoản', [{ value: 16e6, target: 20e6 }]],
    ],
  ],
  [
    'never figures',
    [
      ['theo Quyết định 749/QĐ-TTg ngày 3/6/2020', []],
      ['Nghị định 42/2022/NĐ-CP', []],
      ['Nghị quyết 57-NQ/TW', []],
      ['Quyết định 06/QĐ-TTg', []],
      ['Kế hoạch số 93/KH-UBND', []],
      ['ngày 27/4', []],
      ['ngày 27/4/2022, 1-1-2023 và 29/04/2022', []],
      ['Ngày 10/10 hằng năm', []],
      ['10/10', []],
      ['tháng 5/2023', []],
      ['quý I/2022, quý 1/2022, quý I năm 2022', []],
      ['năm 2022 và 6 tháng đầu năm 2024, giai đoạn 2021-2025', []],
      ['Phiên họp thứ 2, lần thứ 9, Đại hội XIII', []],
      ['Đề án 06 và Khu Công viên phần mềm số 2', []],
      ['mạng 5G, Cách mạng công nghiệp 4.0, COVID-19', []],
      ['mạng 4G, 10h30, 2IPD, Top10x', []],
      ['lúc 10:30', []],
      ['Chỉ số DTI 2021', []],
      ['Điều 5, khoản 2, mức độ 4, cấp độ 3', []],
      ['mỗi 6 tháng', []],
      ['từ 5-7%', []],
      ['làm việc từ thứ 2 đến thứ 6, nghỉ thứ 7', []],
    ],
  ],
  [
    'unclosed and odd input',
    [
      ['[[tỷ lệ hồ sơ 42%', [{ raw: '42%' }]],
      ['(khoảng 5 triệu', [{ raw: 'khoảng 5 triệu', value: 5e6 }]],
      ['“trên 10', [{ raw: 'trên 10', value: 10 }]],
      ['42/', [{ raw: '42', value: 42 }]],
      ['42/ ', [{ raw: '42' }]],
      ['/42 hồ sơ', [{ raw: '42 hồ sơ' }]],
      ['tăng', []],
      ['khoảng', []],
      ['5,', [{ raw: '5' }]],
      ['5.', [{ raw: '5' }]],
      ['', []],
      ['1..2', [{ raw: '1' }, { raw: '2' }]],
      ['1.23.456 hồ sơ', []],
    ],
  ],
];

describe('readFigures: edge cases', () => {
  for (const [group, rows] of edges) {
    describe(group, () => {
      for (const [text, expected] of rows) {
        it(JSON.stringify(text), () => {
          const figures = readFigures(text);
          assert.equal(figures.length, expected.length, `figures: ${JSON.stringify(figures.map((f) => f.raw))}`);
          figures.forEach((f, i) => {
            const e = expected[i] as Partial<FixtureFigure> & { mantissa?: number };
            check(f, e, text);
            if (e.mantissa !== undefined) assert.equal(f.mantissa, e.mantissa);
          });
        });
      }
    });
  }

  it('notes the English decimal and the ambiguous comma', () => {
    assert.deepEqual(readFigures('1.5 triệu')[0].notes.map((n) => n.code), ['english-decimal']);
    assert.deepEqual(readFigures('50,350 doanh nghiệp')[0].notes.map((n) => n.code), ['ambiguous-comma']);
    assert.deepEqual(readFigures('50.350 doanh nghiệp')[0].notes, []);
  });

  it('gives offsets into the original text, also for decomposed (NFD) input', () => {
    const text = 'Kinh tế số đóng góp khoảng 53 tỷ USD.'.normalize('NFD');
    const [f] = readFigures(text);
    assert.equal(f.raw, 'khoảng 53 tỷ USD'.normalize('NFD'));
    assert.equal(f.numeral, '53');
    assert.equal(f.qualifier, 'khoảng');
    assert.equal(f.value, 53e9);
    assert.equal(f.multiplierWord, 'tỷ');
  });

  it('keeps the multiplier word as written', () => {
    assert.equal(readFigures('1,5 Triệu tỷ đồng')[0].multiplierWord, 'Triệu tỷ');
  });
});

// Linear time: the same shapes timed by CPU-time ratio in faults-linear-time.test.ts (linear-shapes.ts), not by a wall clock here.
describe('readFigures: hostile input finishes in linear time', () => {
  const big = 100_000;
  let seed = 42;
  const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const alphabet = '0123456789.,/-–: %()[]“”khoảngtrêntăngtỷtriệuquýInămthứ';
  const cases: Array<[string, () => string]> = [
    ['digits', () => '1'.repeat(big)],
    ['digits and slashes', () => '1/'.repeat(big / 2)],
    ['digits and dots', () => '1.'.repeat(big / 2)],
    ['digits and commas', () => '12,'.repeat(big / 3)],
    ['digits and hyphens', () => '1-'.repeat(big / 2)],
    ['slashes only', () => '/'.repeat(big)],
    ['qualifiers then a number', () => 'khoảng '.repeat(big / 7) + '5%'],
    ['quý quý quý', () => 'quý '.repeat(big / 4) + 'I/2022'],
    ['năm năm năm', () => 'năm 2022 '.repeat(big / 9)],
    ['spaces then a number', () => ' '.repeat(big) + '5%'],
    ['a long word after a number', () => '5 ' + 'x'.repeat(big)],
    ['letters then a number', () => 'a'.repeat(big) + '5'],
    ['many figures', () => 'tăng trên 5 triệu hồ sơ so với cuối năm 2022, '.repeat(2200)],
    ['random', () => Array.from({ length: big }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('')],
  ];
  for (const [name, make] of cases) {
    it(name, () => {
      const text = make();
      const figures = readFigures(text);
      for (const f of figures) assert.equal(text.slice(f.start, f.end), f.raw);
      if (name === 'many figures') assert.equal(figures.length, 2200);
    });
  }
});
