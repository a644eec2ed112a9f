import { formatNumber, msg } from '../i18n';
import { fold } from '../text';
import type { Rule } from './rule';
import { bindings } from './figure-context';

const CURRENCY_WORDS = new Set(['usd', 'dong', 'vnd', 'vnđ', 'eur', 'do la', 'do la my']);

/**
 * A figure whose unit or multiplier does not fit its indicator: money on a percentage indicator,
 * a percentage on a count, "USD" where the series is in đồng, or a value outside the plausible range
 * (typically a wrong multiplier: "50.350 tỷ doanh nghiệp").
 */
export const unitMismatch: Rule = {
  id: 'unit-mismatch',
  description: msg('Đơn vị hoặc bậc số (nghìn, triệu, tỷ) không phù hợp với chỉ tiêu.', 'The unit or multiplier (nghìn, triệu, tỷ) does not fit the indicator.'),
  defaultSeverity: 'warning',
  check(analysis, report) {
    for (const [f, { indicator }] of bindings(analysis)) {
      if (!indicator) continue;
      const iu = indicator.unitClass;
      const fu = f.unitClass;
      const isChange = !!f.change;
      let problem: { vi: string; en: string } | null = null;
      const expected = indicator.unit;
      if (iu === 'percent' && f.kind !== 'fraction') {
        if (fu === 'currency' || (fu === 'count' && f.multiplier > 1)) problem = msg(`chỉ tiêu tính bằng %`, `the indicator is a percentage`);
        else if (fu === 'none' && f.kind === 'number' && !isChange) problem = msg(`thiếu dấu % (chỉ tiêu tính bằng %)`, `the % sign is missing (the indicator is a percentage)`);
      } else if (iu === 'currency') {
        if (fu === 'percent' && !isChange && indicator.measure !== 'growth') problem = msg(`chỉ tiêu tính bằng ${expected}, không phải %`, `the indicator is in ${expected}, not %`);
        else if (fu === 'currency' && f.unit && fold(f.unit) !== fold(expected) && CURRENCY_WORDS.has(fold(expected)))
          problem = msg(`chỉ tiêu tính bằng ${expected}, không phải ${f.unit}`, `the indicator is in ${expected}, not ${f.unit}`);
      } else if (iu === 'count') {
        if (fu === 'currency') problem = msg(`chỉ tiêu là số đếm (${expected}), không phải tiền`, `the indicator is a count (${expected}), not money`);
        else if (fu === 'percent' && !isChange && indicator.measure !== 'growth') problem = msg(`chỉ tiêu là số đếm (${expected}), không phải %`, `the indicator is a count (${expected}), not a percentage`);
      } else if (iu === 'rank') {
        if (fu === 'currency' || fu === 'percent') problem = msg(`chỉ tiêu là thứ hạng`, `the indicator is a rank`);
      }
      // Percentages outside 0–100 belong to percent-out-of-range; fractions bound their parts.
      if (!problem && indicator.range && !isChange && f.kind !== 'fraction' && f.kind !== 'rank' && f.unitClass !== 'percent') {
        const [lo, hi] = indicator.range;
        if (f.value < lo || f.value > hi) {
          problem = msg(
            `giá trị ${formatNumber(f.value, 'vi')} nằm ngoài khoảng hợp lý ${formatNumber(lo, 'vi')}–${formatNumber(hi, 'vi')}${f.multiplierWord ? ` (kiểm tra bậc số "${f.multiplierWord}")` : ''}`,
            `the value ${formatNumber(f.value, 'en')} is outside the plausible range ${formatNumber(lo, 'en')}–${formatNumber(hi, 'en')}${f.multiplierWord ? ` (check the multiplier "${f.multiplierWord}")` : ''}`,
          );
        }
      }
      if (!problem) continue;
      report({
        range: f.range,
        message: msg(`"${f.raw}" không phù hợp với "${indicator.name}": ${problem.vi}.`, `"${f.raw}" does not fit "${indicator.name}": ${problem.en}.`),
        data: { indicator: indicator.id },
      });
    }
  },
};
