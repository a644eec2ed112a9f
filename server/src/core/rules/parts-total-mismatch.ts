import { msg } from '../i18n';
import { fold } from '../text';
import type { PlacedFigure } from '../parse/model';
import { defineRule } from './rule';
import { overlaps } from './history-context';
import { figuresOfSentence, foldedSentence } from './figure-context';
import { findingsInSentence, type SentenceCompute } from './memo';

/** Words that open the list of parts of a total ("trong đó", "bao gồm", "gồm"). */
const PARTS = /(^|[^\p{L}])(trong do|bao gom|gom co|gom)([^\p{L}]|$)/u;

function headNoun(f: PlacedFigure): string {
  return f.unit ? fold(f.unit).split(/[ ,]/)[0] : '';
}

/**
 * "35/35 nền tảng …, trong đó có 31 nền tảng … chính thức, 4 nền tảng … thử nghiệm": the parts
 * after "trong đó" must add up to the total before it.
 */
export const partsTotalMismatch = defineRule({
  meta: {
    id: 'parts-total-mismatch',
    description: msg('Các thành phần không cộng lại bằng tổng nêu trong cùng câu.', 'The parts do not add up to the total stated in the same sentence.'),
    severity: 'warning',
    fixable: false,
    messages: {
      mismatch: msg('Tổng các thành phần ({parts} = {sum}) khác với tổng "{total}".', 'The parts ({parts} = {sum}) do not add up to the total "{total}".'),
      part: msg('thành phần {raw}', 'part "{raw}"'),
    },
  },
  check(analysis, report) {
    // Each sentence with figures once (one with none has no total), by its first figure: a sentence's
    // figures stand together in doc.figures, in order (parse/binding.ts). What it reports depends on
    // that sentence only: kept per sentence (rules/memo.ts findingsInSentence).
    const all = analysis.doc.figures;
    for (let ix = 0; ix < all.length; ix++) {
      if (ix === 0 || all[ix].sentence !== all[ix - 1].sentence) findingsInSentence(analysis, 'parts-total-mismatch', all[ix], null, report, partsOf);
    }
  },
});

/**
 * The document offsets [from, to) of a nested list of parts: a second key ("trong đó", "gồm") after the
 * first, with a part before it, runs to the next comma or semicolon after its own first part. Undefined
 * when there is none.
 */
function nestedParts(folded: string, after: number, sentenceStart: number, partStarts: number[]): [number, number] | undefined {
  const rest = PARTS.exec(folded.slice(after));
  if (!rest) return undefined;
  const key = after + rest.index + rest[1].length;
  const from = sentenceStart + key;
  if (!partStarts.some((at) => at < from)) return undefined;
  const first = partStarts.find((at) => at >= from);
  if (first === undefined) return undefined;
  const tail = folded.slice(first - sentenceStart);
  const end = tail.search(/[,;]/);
  return [from, end < 0 ? sentenceStart + folded.length : first + end];
}

/**
 * True if `gap` is one digit's worth, d × 10^k (d 1…9): what one part written with one digit wrong
 * leaves ("35/35 …, trong đó có 30 …, 4 …": 1). A list after "trong đó" that names some parts only
 * leaves a remainder of another shape (13.382 − 11.471 = 1.911; reading.md §56).
 */
function oneDigit(gap: number): boolean {
  if (!(gap > 0)) return false;
  const place = 10 ** Math.floor(Math.log10(gap) + 1e-9);
  const digit = gap / place;
  return Math.abs(digit - Math.round(digit)) < 1e-6 && Math.round(digit) >= 1 && Math.round(digit) <= 9;
}

/** parts-total-mismatch's finding for the sentence of `first`, its first figure (findingsInSentence). */
const partsOf: SentenceCompute<'mismatch' | 'part', null> = (analysis, first, _input, report) => {
  const { doc } = analysis;
  const index = first.sentence;
  const sentence = doc.sentences[index];
  const folded = foldedSentence(doc, index);
  // Every word PARTS opens with holds "gom" or is "trong do": most sentences hold neither, and
  // the regex (Unicode classes, four alternatives at each position) is not run on them.
  const m = folded.includes('gom') || folded.includes('trong do') ? PARTS.exec(folded) : null;
  if (!m) return;
  const figures = figuresOfSentence(doc, index);
  const keyAt = sentence.start + m.index + m[1].length;
  // "ba nhóm: 96 nước … (trong đó có Việt Nam), 77 nước … và 21 nước …": a "trong đó" inside a bracket
  // opens the bracket's parts only; the figures after it close are the list's members (reading.md §33).
  const open = folded.lastIndexOf('(', m.index);
  const inAside = open >= 0 && folded.lastIndexOf(')', m.index) < open;
  const close = inAside ? folded.indexOf(')', m.index) : -1;
  const partsEnd = !inAside ? Infinity : sentence.start + (close < 0 ? folded.length : close);
  const before = figures.filter((f) => doc.lines.offsetAt(f.range.end) <= keyAt && !f.change && f.kind !== 'percent' && f.kind !== 'rank');
  const total = before[before.length - 1];
  if (!total) return;
  let parts = figures.filter(
    (f) =>
      doc.lines.offsetAt(f.range.start) > keyAt &&
      doc.lines.offsetAt(f.range.end) <= partsEnd &&
      f.kind === 'number' &&
      !f.change &&
      (f.unitClass === 'count' || f.unitClass === 'none') &&
      (!total.unit || !f.unit || headNoun(f) === headNoun(total)),
  );
  // "31.585 sự cố, gồm 5.898 …, 8.850 sự cố deface, trong đó 252 sự cố … gov.vn, và 16.837 …": a second
  // key after a part opens that part's own parts, up to the list's next comma or semicolon; they are no
  // parts of the total (reading.md §51).
  const nested = nestedParts(folded, m.index + m[0].length, sentence.start, parts.map((p) => doc.lines.offsetAt(p.range.start)));
  if (nested) parts = parts.filter((p) => { const at = doc.lines.offsetAt(p.range.start); return at < nested[0] || at >= nested[1]; });
  if (parts.length < 2) return;
  if (parts.some((p) => p.qualifier === 'trên' || p.qualifier === 'hơn' || p.qualifier === 'gần' || p.qualifier === 'dưới')) return;
  const sum: [number, number] = [parts.reduce((s, p) => s + p.interval[0], 0), parts.reduce((s, p) => s + p.interval[1], 0)];
  if (overlaps(sum, total.interval)) return;
  const exact = parts.reduce((s, p) => s + p.value, 0);
  // "13.382 sự cố …, trong đó 5.215 …, 4.155 … và 2.101 …": "trong đó" may name the main parts only;
  // parts short of the total are a slip there only when one mistyped digit would leave the gap.
  if (m[2] === 'trong do' && sum[1] < total.interval[0] && !oneDigit(total.value - exact)) return;
  report({
    range: total.range,
    message: { id: 'mismatch', params: { parts: parts.map((p) => p.numeral).join(' + '), sum: exact, total: total.raw } },
    related: parts.map((p) => ({ uri: doc.uri, range: p.range, message: { id: 'part', params: { raw: p.raw } } })),
    data: { sum: exact },
  });
};
