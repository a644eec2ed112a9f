import { msg } from '../i18n';
import { defineRule } from './rule';
import { overlaps } from './history-context';
import type { PlacedFigure } from '../parse/model';
import type { LineIndex } from '../text';
import { figuresOfSentence } from './figure-context';
import { findingsInSentence, type SentenceCompute } from './memo';

/** Words that state a percentage for the fraction before it: "256/896 thôn, đạt tỷ lệ 28,6%", "(28,6%)". */
const STATING = /\(|(?:^|[\s,;:–-])(?:đạt|chiếm|bằng|tương đương|tương ứng|tỷ lệ|tỉ lệ|là)(?=[\s,:]|$)/iu;

/**
 * A ratio named after the fraction: "tỷ lệ" and its name's words, up to the verb or the figure
 * ("tỷ lệ hoàn thành đúng hạn đạt 67%" → "hoàn thành đúng hạn").
 */
const NAMED_RATIO = /(?:^|[^\p{L}])t[ỷỉ] lệ((?:\s+\p{L}+)+?)(?=\s+(?:đạt|lên|xuống|là|chiếm|bằng|ở|vào|khoảng|ước|gần|hơn|trên mức|tới|đến)(?![\p{L}])|\s*[\d(:]|\s*$)/iu;

/** Words that name no quantity of their own: a ratio's name made only of these adds nothing. */
const FUNCTION_WORDS = new Set(['có', 'của', 'trên', 'được', 'đã', 'các', 'những', 'và', 'trong', 'tại', 'cho', 'với', 'theo', 'về', 'này', 'đó', 'số', 'tổng']);

/**
 * The ratio named in `words` (from the fraction's end) says something the sentence up to it (`before`
 * and the words before "tỷ lệ") does not ("370/944 nhiệm vụ …, tỷ lệ hoàn thành đúng hạn đạt 67%"; "2.152/2.418 thôn lõm sóng, đưa tỷ lệ
 * thôn có sóng di động trên toàn quốc lên 99,73%"): the percentage is that other quantity's.
 */
function namesAnotherRatio(before: string, words: string): boolean {
  const m = NAMED_RATIO.exec(words);
  if (!m) return false;
  const known = new Set(`${before} ${words.slice(0, m.index)}`.toLowerCase().split(/[^\p{L}]+/u));
  return m[1]
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .some((w) => w && !FUNCTION_WORDS.has(w) && !known.has(w));
}

/**
 * The percentage is the fraction's own: the words between them state it ("đạt tỷ lệ", "chiếm", a
 * bracket), not another whole ("53/63 tỉnh … đến 100% cấp xã": the communes of each province), nor
 * a ratio whose name says more than the fraction's words (namesAnotherRatio).
 */
function statedFor(text: string, sentenceStart: number, frac: PlacedFigure, pct: PlacedFigure, lines: LineIndex): boolean {
  const fs = lines.offsetAt(frac.range.start);
  const fe = lines.offsetAt(frac.range.end);
  const ps = lines.offsetAt(pct.range.start);
  const pe = lines.offsetAt(pct.range.end);
  const between = ps >= fe ? text.slice(fe, ps) : text.slice(pe, fs);
  if (between.trim().length === 0) return true;
  // The percentage's own words count ("đạt tỷ lệ 28,6%" is read as one figure with its qualifier).
  const words = (ps >= fe ? `${between} ${text.slice(ps, pe)}` : between).normalize('NFC');
  return STATING.test(words) && !(ps >= fe && namesAnotherRatio(text.slice(sentenceStart, fe).normalize('NFC'), words));
}

/**
 * The values a percentage written without a qualifier (or with "đạt") can mean for a fraction: the
 * value rounded at its precision, or cut there (the press writes 12.518/12.693 = 98,62% as "98%"):
 * [v − h, v + 2h] where h is half a unit of its last digit. A qualifier keeps its own interval
 * ("hơn 98%", "gần 99%": parse/figures.ts).
 */
function writtenPercent(pct: PlacedFigure): [number, number] {
  if (pct.qualifier !== null && pct.qualifier !== 'đạt') return pct.interval;
  const h = 0.5 * 10 ** -pct.decimals;
  // Cut toward zero: a negative value's cut is above it.
  return pct.value >= 0 ? [pct.interval[0], pct.interval[1] + h] : [pct.interval[0] - h, pct.interval[1]];
}

/**
 * "256/896 thôn, bản … đạt tỷ lệ 28,6%": the fraction and the percentage stated for it must agree
 * at the precision the percentage is written with (28,6% covers 28,55–28,65).
 */
export const fractionPercentMismatch = defineRule({
  meta: {
    id: 'fraction-percent-mismatch',
    description: msg('Phân số và tỷ lệ phần trăm nêu cho nó trong cùng câu không khớp.', 'A fraction and the percentage stated for it in the same sentence disagree.'),
    severity: 'warning',
    fixable: false,
    messages: {
      mismatch: msg('{numeral} = {percent}%, không phải "{raw}".', '{numeral} = {percent}%, not "{raw}".'),
      fraction: msg('phân số {numeral}', 'the fraction {numeral}'),
    },
  },
  check(analysis, report) {
    const all = analysis.doc.figures;
    for (let ix = 0; ix < all.length; ix++) {
      const f = all[ix];
      // What it reports depends on the fraction's sentence only: kept per fraction.
      if (f.kind === 'fraction' && f.denominator) findingsInSentence(analysis, 'fraction-percent-mismatch', f, null, report, mismatchOf);
    }
  },
});

/** Between a percentage and a fraction bracketed after it: a few of its words at most, no figure, no break. */
const BRACKETED_AFTER = /^[^\d.,;:()]{0,40}\(\s*$/u;

/**
 * fraction-percent-mismatch's finding for one fraction (findingsInSentence: its sentence's figures
 * and text, the document's uri). Paired only when the sentence is unambiguous: one fraction, and the
 * percentage right after it, or the one it is bracketed after ("đạt 47,8% (4.954.457/10.364.973 hồ sơ)", "47,8% hồ sơ nộp trực tuyến (…)").
 */
const mismatchOf: SentenceCompute<'mismatch' | 'fraction', null> = (analysis, frac, _input, report) => {
  const { doc } = analysis;
  const same = figuresOfSentence(doc, frac.sentence);
  let percents: PlacedFigure[] | null = null;
  for (const f of same) {
    if (f !== frac && f.kind === 'fraction' && f.denominator) return;
    if (f.kind === 'percent' && f.unitClass === 'percent' && !f.change && !(f as { growth?: boolean }).growth) (percents ??= []).push(f);
  }
  if (!percents) return;
  const start = doc.lines.offsetAt(frac.range.start);
  // (round 23, held27: "… đạt 47,8% (4.954.457/10.364.973 hồ sơ), ở bộ, ngành đạt 49,4%" pairs 47,8%)
  const pct = percents.find((p) => BRACKETED_AFTER.test(doc.text.slice(doc.lines.offsetAt(p.range.end), start))) ?? percents.find((p) => doc.lines.offsetAt(p.range.start) > start) ?? percents[percents.length - 1];
  if (!statedFor(doc.text, doc.sentences[frac.sentence].start, frac, pct, doc.lines)) return;
  // "16/22 bộ … và 60 địa phương, cả 76 bộ, ngành … (chiếm 88,2%)": a count between them takes the percentage (reading.md §33).
  const fe = doc.lines.offsetAt(frac.range.end);
  const ps = doc.lines.offsetAt(pct.range.start);
  if (same.some((f) => f.kind === 'number' && doc.lines.offsetAt(f.range.start) >= fe && doc.lines.offsetAt(f.range.end) <= ps)) return;
  const lo = (frac.interval[0] / frac.denominator!) * 100;
  const hi = (frac.interval[1] / frac.denominator!) * 100;
  if (overlaps([lo, hi], writtenPercent(pct))) return;
  const exact = (frac.value / frac.denominator!) * 100;
  report({
    range: pct.range,
    message: { id: 'mismatch', params: { numeral: frac.numeral, percent: { num: exact, decimals: 2 }, raw: pct.raw } },
    related: [{ uri: doc.uri, range: frac.range, message: { id: 'fraction', params: { numeral: frac.numeral } } }],
    data: { computed: exact },
  });
};
