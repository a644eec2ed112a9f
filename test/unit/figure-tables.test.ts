/**
 * The reader's lookups by word (parse/figure-words.ts byLastWord, byFirstUnit; clause-scan.ts
 * isWhiteCode; table-rows.ts headerId) find what the loops they replaced found: for every phrase
 * table, the first entry matching any sequence of words before a numeral is the same in the table
 * and in its last word's list; a measure or counted noun found at a position is the same; `/\s/` of
 * every UTF-16 unit; a table's rows read for the history give the same saved form whether their
 * header is seen for the first time or again (its rows then come from the history's row cache).
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { BACK_TABLE, byFirstUnit, byLastWord, LABEL_BEFORE, MEASURES, RANK_BEFORE, TERMS } from '../../server/src/core/parse/figure-words';
import { isWhiteCode } from '../../server/src/core/parse/clause-scan';
import { readForHistory } from '../../server/src/core/indexed';
import { clearContentCaches } from '../../server/src/core/caches';

const RUNS = Number(process.env.FC_NUM_RUNS) || 200;
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261207;

/** ScanCursor.matchBack: `phrase` read backwards from words[idx]. */
function matchBack(words: string[], idx: number, phrase: string[]): boolean {
  const n = phrase.length;
  if (idx + n > words.length) return false;
  for (let t = 0; t < n; t++) if (words[idx + t] !== phrase[n - 1 - t]) return false;
  return true;
}

describe('figure-tables: lookups by word find what the loops found', () => {
  const tables: Array<[string, Array<[string[], unknown]>]> = [
    ['RANK_BEFORE', RANK_BEFORE],
    ['LABEL_BEFORE', LABEL_BEFORE],
    ['BACK_TABLE', BACK_TABLE],
  ];
  for (const [name, table] of tables) {
    it(`${name}: the first match by last word is the table's first match`, () => {
      const vocabulary = [...new Set(table.flatMap(([p]) => p)), 'và', 'số', 'x'];
      const byLast = byLastWord(table);
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...vocabulary), { maxLength: 6 }), fc.nat(5), (words, at) => {
          const idx = Math.min(at, words.length);
          const whole = table.filter(([p]) => matchBack(words, idx, p));
          const listed = idx < words.length ? (byLast.get(words[idx]) ?? []).filter(([p]) => matchBack(words, idx, p)) : [];
          assert.deepStrictEqual(listed, whole);
        }),
        { numRuns: RUNS * 5, seed: SEED },
      );
      // every entry reached through its own words
      for (const entry of table) {
        const words = [...entry[0]].reverse();
        assert.equal(byLast.get(words[0])?.find(([p]) => matchBack(words, 0, p)), table.find(([p]) => matchBack(words, 0, p)));
      }
    });
  }

  for (const [name, words] of [['MEASURES', MEASURES], ['TERMS', TERMS]] as const) {
    it(`${name}: the first word found at a position is the list's`, () => {
      const byFirst = byFirstUnit(words);
      for (const w of words) {
        for (const tail of ['', ' ', 'x', '/năm']) {
          const s = `12 ${w}${tail}`;
          assert.equal(
            (byFirst.get(s.charCodeAt(3)) ?? []).find((x) => s.startsWith(x, 3)),
            words.find((x) => s.startsWith(x, 3)),
            s,
          );
        }
      }
    });
  }

  it('isWhiteCode is /\\s/ for every UTF-16 unit', () => {
    for (let k = 0; k < 0x10000; k++) assert.equal(isWhiteCode(k), /\s/.test(String.fromCharCode(k)), k.toString(16));
  });

  it("a table's rows read for the history: the same saved form from the row cache", () => {
    const header = '| Chỉ tiêu | Kết quả | Ghi chú |\n|---|---|---|\n';
    const rows = [
      '| [[Tỷ lệ hồ sơ trực tuyến toàn trình]] | 35,4% | tháng 3/2020 |',
      '| [[Tỷ lệ dịch vụ công trực tuyến mức độ 4]] năm 2022 | 60,0% | |',
      '| [[Thủ tục hành chính được cung cấp trực tuyến]] | 5.228/6.789 thủ tục | |',
    ];
    const other = '| Năm | [[Tỷ lệ hộ gia đình sử dụng Internet cáp quang]] |\n|---|---|\n| 2022 | 64,2% |\n';
    const report = (n: number, tables: string) => `---\nsession: ${n}\ndate: 2023-0${n}-10\nperiod: 2023-0${n}\n---\n\n# Phiên ${n}\n\n${tables}`;
    const texts = [report(1, header + rows.join('\n') + '\n'), report(2, header + [...rows].reverse().join('\n') + '\n\n' + other), report(3, other + '\n' + header + rows[1] + '\n')];
    const saved = (uri: string, text: string): string => {
      const r = readForHistory(uri, text);
      return JSON.stringify('saved' in r ? r.saved : null);
    };
    const fresh = texts.map((t, i) => {
      clearContentCaches();
      return saved(`file:///fresh${i}.report.md`, t);
    });
    // now one after the other (the rows of each seen header from the cache), twice
    clearContentCaches();
    for (let pass = 0; pass < 2; pass++) {
      texts.forEach((t, i) => assert.equal(saved(`file:///fresh${i}.report.md`, t), fresh[i], `report ${i}, pass ${pass}`));
    }
  });
});
