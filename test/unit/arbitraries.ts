/**
 * The fast-check arbitraries of report texts the property tests share (property.test.ts,
 * parser-equivalence.test.ts): reports biased toward the dialect and mixed with raw UTF-16, and
 * real fixtures edited at random.
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { loadDefaultCatalog } from '../../server/src/core/catalog/load';
import { fold } from '../../server/src/core/text';
import { repoRoot } from '../helpers';
import { fixtureWorkspaces } from '../rule-fixtures';

export const catalog = loadDefaultCatalog();
export const catalogNames = [...new Set(catalog.flatMap((i) => [i.name, ...(i.aliases ?? []), ...(i.abbreviations ?? [])]))];
export const compilerCodes = [...new Set(catalog.flatMap((i) => i.compilerCodes ?? []))];

/** One UTF-16 code unit, any of them: lone surrogates, NUL, controls included. */
export const codeUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
export const rawString = (maxLength: number) => fc.string({ unit: codeUnit, maxLength });
export const oddChar = fc.constantFrom(
  '\u0000', '\uFEFF', '\uD800', '\uDFFF', '\uD83D\uDE00', '\u0301', '\u0323', '\u00A0', '\u200B', '\u2028', '\u202F',
  '\r', '\n', '\r\n', '\t', '\u000B', '\f', '\\', '|', '`', '*', '_', '<', '>', '[', ']', '!', '#', '@', '&', '~', '$',
);

export const name = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...catalogNames) },
  { weight: 2, arbitrary: fc.constantFrom(...catalogNames).map(fold) },
  { weight: 1, arbitrary: fc.constantFrom(...catalogNames).map((s) => s.normalize('NFD')) },
  { weight: 1, arbitrary: fc.constantFrom(...catalogNames).map((s) => s.toUpperCase()) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...catalogNames), fc.constantFrom(...compilerCodes, 'XYZ', '')).map(([n, c]) => `${n} @ ${c}`) },
  { weight: 1, arbitrary: fc.string({ maxLength: 20 }) },
  { weight: 1, arbitrary: rawString(12) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '@', ' @ ', 'x @ y @ z', '[x', 'x]', '\u0301') },
);

export const reference = name.map((n) => `[[${n}]]`);

export const figure = fc.oneof(
  fc.constantFrom(
    'khoảng 53 tỷ USD', '256/896 thôn', '50,350 doanh nghiệp', '1.5 triệu', '42%', '18,3%', '40.590', '8,47%',
    '1.497.360', '35/35 nền tảng', '14.727/15.981 cửa hàng', '256/tổng số 896 thôn, bản', 'xếp thứ 51/63', 'top 10',
    'tăng 8 bậc', '3 điểm phần trăm', 'ước đạt 22,4%', 'tăng 23 triệu so với cuối năm 2022', '1,5 triệu tỷ đồng',
    '54/53 dịch vụ', '150%', '-5%', 'âm 3%', 'gần 100%', 'hơn 7 triệu', '50.350 doanh nghiệp/mục tiêu 48.000 doanh nghiệp',
    '749/QĐ-TTg', '42/2022/NĐ-CP', '4.0', '5G', '10h30', '5-7', '1,234.5', '1,234,567', '0,5', '000', '9'.repeat(400),
    '1.'.repeat(30) + '5', '12,5 nghìn tỷ', '1.000.000.000.000.000.000 tỷ', '2/3', '63/63 tỉnh', '0/0', '1/0',
  ),
  fc.tuple(fc.nat(99999), fc.nat(999), fc.constantFrom('', '%', ' tỷ USD', ' triệu', ' doanh nghiệp', ' hồ sơ', '/896 thôn', ',5%', '.5 triệu')).map(
    ([a, b, u]) => `${a}${b % 3 === 0 ? '' : `,${b}`}${u}`,
  ),
);

export const period = fc.constantFrom(
  'quý I/2022', '6 tháng đầu năm 2024', 'cuối năm 2022', 'ngày 27/4', 'tháng 2/2023', 'năm 2023', 'so với cùng kỳ',
  'cùng kỳ năm 2023', 'đến ngày 25/2/2023', '2021-2025', 'quý V/2022', 'ngày 31/2/2023', 'năm 1800',
);

export const word = fc.constantFrom(
  'Trong', 'cả nước', 'đạt', 'ước đạt', 'khoảng', 'tăng', 'giảm', 'so với', 'của', 'và', 'đã', 'thôn', 'hồ sơ', 'Kết quả',
  'Đề án 06', 'xếp thứ', 'Quyết định 06', 'số 2', 'mục tiêu', 'tổng số', 'tỷ lệ', 'chiếm', 'GDP', 'USD', 'đồng',
);

export const inline = fc.oneof(
  { weight: 4, arbitrary: word },
  { weight: 4, arbitrary: reference },
  { weight: 4, arbitrary: figure },
  { weight: 2, arbitrary: period },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('`', '``', '*', '**', '_', '<!-- ', '[', '![', '<'), inlineBody()).map(([o, b]) => wrap(o, b)) },
  { weight: 1, arbitrary: oddChar },
  { weight: 1, arbitrary: rawString(8) },
);

export function inlineBody(): fc.Arbitrary<string> {
  return fc.oneof(reference, figure, word, fc.constant(''));
}

export function wrap(open: string, body: string): string {
  const close: Record<string, string> = { '`': '`', '``': '``', '*': '*', '**': '**', _: '_', '<!-- ': ' -->', '[': '](http://x/1)', '![': '](a.png)', '<': '>' };
  return open + body + close[open];
}

export const sep = fc.constantFrom(' ', ' ', ' ', ', ', '. ', '; ', '\n', '\r\n', '\r', '  \n', '\t', '\u00A0');

export const sentence = fc.array(fc.tuple(inline, sep), { maxLength: 14 }).map((parts) => parts.map(([a, b]) => a + b).join(''));

export const frontMatter = fc.oneof(
  { weight: 4, arbitrary: fc.constant('---\nsession: 9\ndate: 2024-07-10\nperiod: 2024-S1\ntitle: Phiên họp thứ 9\n---\n') },
  { weight: 1, arbitrary: fc.constant('\uFEFF---\r\nsession: 2\r\ndate: 2022-04-27\r\nperiod: 2022-Q1\r\ntitle: T\r\n---\r\n') },
  {
    weight: 2,
    arbitrary: fc
      .record({
        session: fc.oneof(fc.integer(), fc.constantFrom('"mười"', '5a', '5.0', '', '[1, 2]', '{a: 1}', '&a 1', '*a')),
        date: fc.constantFrom('2022-04-27', '2023-02-29', '"2022-4-27"', '', '2022-13-01', '!!binary AAAA'),
        period: fc.constantFrom('2022-Q1', '2024-S1', '2023-YTD02', '2023-02-25', 'Q5', '2023-YTD13', '', '2021/2025'),
        title: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('"', "'", '|', '>', '- a', '{', '}')),
        extra: fc.constantFrom('', 'author: x\n', 'session: 3\n', ': :\n', '\t- bad\n', 'a: [\n'),
      })
      .map((r) => `---\nsession: ${r.session}\ndate: ${r.date}\nperiod: ${r.period}\ntitle: ${r.title}\n${r.extra}---\n`),
  },
  { weight: 1, arbitrary: fc.constantFrom('', '---\n', '---\nsession: 1\n', '--- \n---\n', '---\n---\n', '---\n- a\n---\n', '---\n\u0000\n---\n') },
);

export const row = fc.array(fc.oneof(reference, figure, word, period, fc.constant(''), oddChar), { minLength: 1, maxLength: 4 }).map((cells) => `| ${cells.join(' | ')} |`);

export const block = fc.oneof(
  { weight: 6, arbitrary: sentence },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 1, max: 7 }), sentence).map(([l, s]) => `${'#'.repeat(l)} ${s}`) },
  { weight: 2, arbitrary: fc.array(row, { minLength: 1, maxLength: 6 }).map((rows) => [rows[0], '|---|---|', ...rows.slice(1)].join('\n')) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('```', '~~~', '````'), sentence).map(([f, s]) => `${f}\n${s}\n${f}`) },
  { weight: 1, arbitrary: sentence.map((s) => `    ${s}`) },
  { weight: 1, arbitrary: sentence.map((s) => `<!-- ${s} -->`) },
  { weight: 1, arbitrary: sentence.map((s) => `<div>\n${s}\n</div>`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('- ', '* ', '1. ', '> ', '> - ', '- > '), sentence).map(([m, s]) => m + s) },
  { weight: 1, arbitrary: sentence.map((s) => `${s}\n===`) },
  { weight: 1, arbitrary: fc.constantFrom('---', '***', '[x]: http://a', '', '\\', '<', '|', '|-|') },
);

export const blankLines = fc.constantFrom('\n\n', '\r\n\r\n', '\n', '\r\r', '\n \n', '\n\t\n');

/** A session report, plausible or broken. */
export const report = fc
  .tuple(frontMatter, fc.array(fc.tuple(block, blankLines), { maxLength: 10 }))
  .map(([fm, blocks]) => fm + blocks.map(([b, s]) => b + s).join(''));

/** Edits of a real fixture: chunks inserted, deleted or replaced at random places. */
export const fixtures = [
  ...fixtureWorkspaces().flatMap((ws) => readdirSync(ws.dir).filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join(ws.dir, f), 'utf8'))),
  ...readdirSync(path.join(repoRoot, 'examples')).filter((f) => f.endsWith('.md')).map((f) => readFileSync(path.join(repoRoot, 'examples', f), 'utf8')),
];
export const mutatedFixture = fc
  .tuple(
    fc.constantFrom(...fixtures),
    fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(40), fc.oneof(inline, oddChar, rawString(6), fc.constant(''))), { maxLength: 8 }),
  )
  .map(([text, edits]) => {
    let t = text;
    for (const [where, del, ins] of edits) {
      const at = Math.floor(where * t.length);
      t = t.slice(0, at) + ins + t.slice(Math.min(t.length, at + del));
    }
    return t;
  });


/** A report text, as the property tests generate them. */
export const reportText = report;
