/** parseVietnameseNumber: the Vietnamese numeral rules, table-driven. */
import * as assert from 'node:assert/strict';
import { nfcStable, parseVietnameseNumber, prepareScan } from '../../server/src/core/parse/numbers';

type Row = [input: string, value: number | null, decimals?: number, notes?: string[]];

const rows: Row[] = [
  // integers, leading zeros
  ['0', 0, 0],
  ['53', 53, 0],
  ['06', 6, 0],
  ['007', 7, 0],
  // dot groups thousands
  ['40.590', 40590, 0],
  ['200.000', 200000, 0],
  ['1.497.360', 1497360, 0],
  ['14.727', 14727, 0],
  ['1.000.000.000', 1e9, 0],
  // comma is the decimal sign
  ['8,47', 8.47, 2],
  ['97,3', 97.3, 1],
  ['52,33', 52.33, 2],
  ['0,5', 0.5, 1],
  ['1,5', 1.5, 1],
  ['12,1234', 12.1234, 4],
  // both: the last one is the decimal sign
  ['1.234,5', 1234.5, 1],
  ['1.497.360,25', 1497360.25, 2],
  ['1,234.5', 1234.5, 1, ['english-decimal']],
  ['1,234,567.89', 1234567.89, 2, ['english-decimal']],
  // a lone dot followed by 1–2 digits: English decimal, noted
  ['1.5', 1.5, 1, ['english-decimal']],
  ['4.25', 4.25, 2, ['english-decimal']],
  ['0.500', 0.5, 3, ['english-decimal']],
  ['1234.567', 1234.567, 3, ['english-decimal']],
  ['3.1415', 3.1415, 4, ['english-decimal']],
  // a lone comma followed by exactly 3 digits: decimal, but ambiguous
  ['50,350', 50.35, 3, ['ambiguous-comma']],
  ['1,500', 1.5, 3, ['ambiguous-comma']],
  ['0,125', 0.125, 3],
  ['1234,567', 1234.567, 3],
  // several commas: English thousands grouping, noted
  ['1,234,567', 1234567, 0, ['english-decimal']],
  // malformed
  ['', null],
  [',5', null],
  ['5,', null],
  ['5.', null],
  ['1..2', null],
  ['1.23.456', null],
  ['1.2.3', null],
  ['1,2,3', null],
  ['1.234,5,6', null],
  ['1,234.5.6', null],
  ['12a', null],
  ['-5', null],
  [' 5', null],
  ['1' + '0'.repeat(400), null], // not a finite number
];

describe('parseVietnameseNumber', () => {
  for (const [input, value, decimals, notes] of rows) {
    it(`${JSON.stringify(input.length > 20 ? input.slice(0, 20) + '…' : input)} → ${value}`, () => {
      const r = parseVietnameseNumber(input);
      if (value === null) {
        assert.equal(r, null);
        return;
      }
      assert.ok(r, 'parsed');
      assert.equal(r.value, value);
      assert.equal(r.decimals, decimals ?? 0);
      assert.deepEqual(
        r.notes.map((n) => n.code),
        notes ?? [],
      );
      for (const n of r.notes) assert.ok(n.message.length > 10);
    });
  }

  it('keeps an exact decimal string for scaling', () => {
    assert.equal(parseVietnameseNumber('16,4')?.normalized, '16.4');
    assert.equal(parseVietnameseNumber('1.497.360')?.normalized, '1497360');
    // digits only (the path that makes no groups): the whole result, leading zeros kept in `normalized`
    assert.deepEqual(parseVietnameseNumber('007'), { value: 7, decimals: 0, notes: [], normalized: '007' });
    assert.deepEqual(parseVietnameseNumber('2024'), { value: 2024, decimals: 0, notes: [], normalized: '2024' });
  });

  it('gives null for a long numeral (linear time: faults-linear-time.test.ts, "numbers: …")', () => {
    assert.equal(parseVietnameseNumber('1.'.repeat(100000) + '1'), null);
    assert.equal(parseVietnameseNumber('123.'.repeat(30000) + '123'), null); // well formed, but not finite
    assert.equal(parseVietnameseNumber('9'.repeat(100000)), null);
  });
});

describe('prepareScan', () => {
  it('maps NFC lower-case back to offsets of NFD input', () => {
    const text = 'Quý I/2022'.normalize('NFD');
    const P = prepareScan(text);
    assert.equal(P.s, 'quý i/2022');
    assert.equal(P.map[P.s.indexOf('2022')], text.indexOf('2022'));
    assert.equal(P.map[P.s.length], text.length);
  });
  it('is the identity on NFC text', () => {
    const P = prepareScan('Tỷ lệ đạt 42%');
    assert.equal(P.s, 'tỷ lệ đạt 42%');
    assert.equal(P.o, 'Tỷ lệ đạt 42%');
    assert.equal(P.map[5], 5);
  });

  it('skips NFC only for units NFC leaves as they are, alone and in every pair (prepareScan)', () => {
    const units: string[] = [];
    for (let c = 0; c < 0x10000; c++) if (nfcStable(c)) units.push(String.fromCharCode(c));
    for (const a of units) {
      assert.equal(a.normalize('NFC'), a);
      for (const b of units) if ((a + b).normalize('NFC') !== a + b) assert.fail(`U+${a.charCodeAt(0).toString(16)} U+${b.charCodeAt(0).toString(16)}`);
    }
    // (decomposed Vietnamese still composes; the two singletons of General Punctuation are read as NFC makes them)
    assert.equal(prepareScan('Tỷ le\u0302\u0323 42%').o, 'Tỷ lệ 42%');
    assert.equal(prepareScan('a\u2001b').o, 'a\u2003b');
  });
});
