/**
 * The rules' folded sentences (rules/figure-context.ts): `foldSlice` is `foldSameLength` of the
 * slice, a table lookup per unit instead of a string per character; `foldedSentence` keeps one fold
 * per sentence of a document, for as long as the document lives (never keyed by a slice of the
 * text, which would keep that version's whole text alive).
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { foldSlice, foldedSentence } from '../../server/src/core/rules/figure-context';
import { parseReport } from '../../server/src/core/parse/document';
import { foldSameLength } from '../../server/src/core/text';

const RUNS = Number(process.env.FC_NUM_RUNS) || 300;
// A fixed seed, so that CI is reproducible; FC_SEED explores others.
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261204;

/** Vietnamese letters in both cases and both normal forms, đ, astral characters, lone surrogates. */
const PIECES = ['a', 'Ă', 'ắ', 'Ữ', 'đ', 'Đ', 'e\u0301', 'ﬁ', 'İ', 'ß', '\u0000', ' ', '\n', '5', '%', '𝐀', '𐐀', '😀', '\ud800', '\udc00', 'Tỷ lệ', 'TRONG ĐÓ', 'bao gồm'];
const text = fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'binary', maxLength: 4 })), { maxLength: 40 }).map((a) => a.join(''));

describe('folded sentences (rules/figure-context.ts)', () => {
  it('foldSlice equals foldSameLength of the slice, whatever the slice cuts', () => {
    fc.assert(
      fc.property(text, fc.nat(), fc.nat(), (s, a, b) => {
        const start = s.length ? a % (s.length + 1) : 0;
        const end = start + (s.length - start ? b % (s.length - start + 1) : 0);
        assert.equal(foldSlice(s, start, end), foldSameLength(s.slice(start, end)));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  });

  it('a slice longer than one call of String.fromCharCode takes', () => {
    const long = 'Trong đó có 31 nền tảng 𝐀 '.repeat(2000);
    assert.equal(foldSlice(long, 3, long.length - 2), foldSameLength(long.slice(3, -2)));
  });

  it('foldedSentence is the fold of each sentence, made once per document', () => {
    const doc = parseReport('# Kết quả\n\nTổng số 35 nền tảng, TRONG ĐÓ 31 nền tảng chính thức. Đạt mục tiêu 𝐀 đề ra.\n\n| A | Bao gồm 4 |\n|---|---|\n| Đã ĐẠT | 5 |\n', 'file:///a.report.md');
    assert.ok(doc.sentences.length >= 3);
    doc.sentences.forEach((s, i) => {
      const folded = foldedSentence(doc, i);
      assert.equal(folded, foldSameLength(doc.text.slice(s.start, s.end)));
      assert.equal(foldedSentence(doc, i), folded);
    });
  });
  it('foldedSentence, cut from its chunk\'s fold, is the fold of the sentence in every chunk and version', () => {
    // Paragraphs (chunks) of random words, astral characters and lone surrogates, then one edited:
    // the second version shares the other chunks' models, and their folds.
    const paragraph = fc.array(fc.oneof(fc.constantFrom(...PIECES, '. ', '. Trong đó 3 ', ' 42%'), fc.string({ unit: 'binary', maxLength: 3 })), { minLength: 1, maxLength: 12 }).map((a) => `Số ${a.join('').replace(/[\r\n]/g, ' ')} 5.`);
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), fc.nat(), fc.constantFrom('x', '𝐀', '\ud800', ' ĐÓ. '), (paragraphs, k, typed) => {
        const first = `---\nsession: 1\n---\n\n${paragraphs.join('\n\n')}\n`;
        const i = k % paragraphs.length;
        const edited = paragraphs.map((p, j) => (j === i ? p.slice(0, p.length >> 1) + typed + p.slice(p.length >> 1) : p));
        const second = `---\nsession: 1\n---\n\n${edited.join('\n\n')}\n`;
        for (const text of [first, second]) {
          const doc = parseReport(text, 'file:///a.report.md');
          doc.sentences.forEach((s, n) => assert.equal(foldedSentence(doc, n), foldSameLength(text.slice(s.start, s.end)), `sentence ${n} of ${JSON.stringify(text)}`));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
