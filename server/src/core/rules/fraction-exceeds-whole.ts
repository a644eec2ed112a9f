import { formatNumber, msg } from '../i18n';
import type { Rule } from './rule';

/** "54/53 dịch vụ": a part larger than its whole; a rank "64/63" past the last place. */
export const fractionExceedsWhole: Rule = {
  id: 'fraction-exceeds-whole',
  description: msg('Tử số lớn hơn mẫu số (x/y với x > y).', 'A numerator larger than its denominator (x/y with x > y).'),
  defaultSeverity: 'error',
  check(analysis, report) {
    for (const f of analysis.doc.figures) {
      if ((f.kind !== 'fraction' && f.kind !== 'rank') || f.denominator === undefined) continue;
      if (f.value <= f.denominator) continue;
      report({
        range: f.numeralRange,
        message:
          f.kind === 'rank'
            ? msg(
                `Thứ hạng ${formatNumber(f.value, 'vi')}/${formatNumber(f.denominator, 'vi')} vượt quá số đơn vị được xếp hạng.`,
                `Rank ${formatNumber(f.value, 'en')}/${formatNumber(f.denominator, 'en')} is past the number of units ranked.`,
              )
            : msg(
                `"${f.numeral}": tử số ${formatNumber(f.value, 'vi')} lớn hơn mẫu số ${formatNumber(f.denominator, 'vi')}.`,
                `"${f.numeral}": the numerator ${formatNumber(f.value, 'en')} is larger than the denominator ${formatNumber(f.denominator, 'en')}.`,
              ),
      });
    }
  },
};
