import { msg } from '../i18n';
import { defineRule } from './rule';
import { bindings } from './figure-context';

/**
 * A count with decimals ("40.590,5 tổ"), and "50,350 doanh nghiệp": in Vietnamese the comma is the
 * decimal sign, so this reads 50,35 businesses; the writer almost surely meant 50.350.
 */
export const countDecimals = defineRule({
  meta: {
    id: 'count-decimals',
    description: msg('Số đếm có phần thập phân, hoặc dấu phẩy dùng như dấu phân cách hàng nghìn.', 'A count with decimals, or a comma used as a thousands separator.'),
    severity: 'warning',
    fixable: true,
    messages: {
      ambiguousComma: msg(
        '"{numeral}" là số đếm nhưng có dấu phẩy, tức dấu thập phân (đọc là {value}); nếu là hàng nghìn, hãy viết "{fixed}".',
        '"{numeral}" is a count, but its comma is the Vietnamese decimal sign (it reads {value}); for thousands write "{fixed}".',
      ),
      writeThousands: msg('Viết "{fixed}" (dấu chấm phân cách hàng nghìn)', 'Write "{fixed}" (dot as thousands separator)'),
      decimals: msg('"{raw}" có phần thập phân nhưng "{name}" là số đếm ({unit}).', '"{raw}" has decimals, but "{name}" is a count of "{unit}".'),
    },
  },
  check(analysis, report) {
    const bound = bindings(analysis);
    const all = analysis.doc.figures;
    for (let ix = 0; ix < all.length; ix++) {
      const f = all[ix];
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
          message: { id: 'ambiguousComma', params: { numeral: f.numeral, value: f.value, fixed } },
          fixes: [{ title: { id: 'writeThousands', params: { fixed } }, edits: [{ range: f.numeralRange, newText: fixed }], preferred: true }],
        });
      } else if (indicator && !Number.isInteger(Math.round(f.value * 1e6) / 1e6)) {
        report({ range: f.numeralRange, message: { id: 'decimals', params: { raw: f.raw, name: indicator.name, unit: indicator.unit } } });
      }
    }
  },
});
