import { msg } from '../i18n';
import { defineRule } from './rule';

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
