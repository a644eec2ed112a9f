import { msg } from '../i18n';
import { defineRule } from './rule';

/**
 * A heading's (or a line's) section number, "## 3.1. Tổng quan", "3.2 Phụ lục" under "#": no decimal
 * (round 29, docs/reading.md §52: a yearbook chapter's numbered sections). The numeral opens its line
 * after the heading's "#"s only, and a dot or (in a heading) a space and a word follow it.
 */
function sectionNumber(text: string, at: number, numeral: string): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const before = text.slice(lineStart, at);
  const after = text.slice(at + numeral.length, at + numeral.length + 3);
  if (!/^\s{0,3}(#{1,6}\s+)?$/.test(before)) return false;
  return /^\.\s/.test(after) || (/#/.test(before) && /^\s\p{L}/u.test(after));
}

/** "1.5 triệu": a dot followed by one or two digits is an English decimal point; Vietnamese writes 1,5. */
export const englishDecimal = defineRule({
  meta: {
    id: 'english-decimal',
    description: msg('Dấu chấm thập phân kiểu tiếng Anh ("1.5"); tiếng Việt viết "1,5".', 'An English decimal point ("1.5"); Vietnamese writes "1,5".'),
    severity: 'warning',
    fixable: true,
    messages: {
      grouping: msg(
        '"{numeral}" phân cách hàng nghìn bằng dấu phẩy kiểu tiếng Anh; văn bản tiếng Việt viết "{fixed}".',
        '"{numeral}" groups thousands with commas, English style; Vietnamese text writes "{fixed}".',
      ),
      decimalPoint: msg(
        '"{numeral}" dùng dấu chấm thập phân kiểu tiếng Anh; văn bản tiếng Việt viết "{fixed}".',
        '"{numeral}" uses an English decimal point; Vietnamese text writes "{fixed}".',
      ),
      write: msg('Viết "{fixed}"', 'Write "{fixed}"'),
    },
  },
  check(analysis, report) {
    const all = analysis.doc.figures;
    for (let ix = 0; ix < all.length; ix++) {
      const f = all[ix];
      if (!f.notes.length || !f.notes.some((n) => n.code === 'english-decimal')) continue;
      if (sectionNumber(analysis.doc.text, analysis.doc.lines.offsetAt(f.numeralRange.start), f.numeral)) continue;
      // Swap the two signs: "1.5" → "1,5", "1,234.5" → "1.234,5", "1,234,567" → "1.234.567".
      const fixed = f.numeral.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'));
      const grouping = !f.numeral.includes('.');
      report({
        range: f.numeralRange,
        message: { id: grouping ? 'grouping' : 'decimalPoint', params: { numeral: f.numeral, fixed } },
        fixes: [{ title: { id: 'write', params: { fixed } }, edits: [{ range: f.numeralRange, newText: fixed }], preferred: true }],
      });
    }
  },
});
