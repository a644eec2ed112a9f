import { formatNumber, msg } from '../i18n';
import type { Rule } from './rule';
import { bindings } from './figure-context';

/**
 * A count with decimals ("40.590,5 tổ"), and "50,350 doanh nghiệp": in Vietnamese the comma is the
 * decimal sign, so this reads 50,35 businesses; the writer almost surely meant 50.350.
 */
export const countDecimals: Rule = {
  id: 'count-decimals',
  description: msg('Số đếm có phần thập phân, hoặc dấu phẩy dùng như dấu phân cách hàng nghìn.', 'A count with decimals, or a comma used as a thousands separator.'),
  defaultSeverity: 'warning',
  check(analysis, report) {
    const bound = bindings(analysis);
    for (const f of analysis.doc.figures) {
      if (f.kind !== 'number' || f.change) continue;
      const indicator = bound.get(f)?.indicator;
      const isCount = indicator ? indicator.unitClass === 'count' && indicator.measure !== 'ratio' : f.unitClass === 'count';
      if (!isCount) continue;
      // "1,488 triệu hồ sơ": a decimal with a multiplier is a count of millions, written right.
      const ambiguous = f.notes.some((n) => n.code === 'ambiguous-comma') && !f.multiplierWord;
      if (ambiguous) {
        const fixed = f.numeral.replace(',', '.');
        report({
          range: f.numeralRange,
          message: msg(
            `"${f.numeral}" trên một số đếm: dấu phẩy là dấu thập phân (đọc là ${formatNumber(f.value, 'vi')}), nếu là hàng nghìn hãy viết "${fixed}".`,
            `"${f.numeral}" on a count: the comma is the decimal sign in Vietnamese (it reads ${formatNumber(f.value, 'en')}); for thousands write "${fixed}".`,
          ),
          fixes: [{ title: msg(`Viết "${fixed}" (dấu chấm phân cách hàng nghìn)`, `Write "${fixed}" (dot as thousands separator)`), edits: [{ range: f.numeralRange, newText: fixed }], preferred: true }],
        });
      } else if (indicator && !Number.isInteger(Math.round(f.value * 1e6) / 1e6)) {
        report({
          range: f.numeralRange,
          message: msg(
            `"${f.raw}" có phần thập phân nhưng "${indicator.name}" là số đếm (${indicator.unit}).`,
            `"${f.raw}" has decimals but "${indicator.name}" is a count (${indicator.unit}).`,
          ),
        });
      }
    }
  },
};
