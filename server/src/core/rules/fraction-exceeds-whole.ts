import { msg } from '../i18n';
import { defineRule } from './rule';

/** "54/53 dịch vụ": a part larger than its whole; a rank "64/63" past the last place. */
export const fractionExceedsWhole = defineRule({
  meta: {
    id: 'fraction-exceeds-whole',
    description: msg('Tử số lớn hơn mẫu số (x/y với x > y).', 'A numerator larger than its denominator (x/y with x > y).'),
    severity: 'error',
    fixable: false,
    messages: {
      rank: msg('Thứ hạng {value}/{denominator} vượt quá số đơn vị được xếp hạng.', 'Rank {value}/{denominator} is past the number of units ranked.'),
      fraction: msg('"{numeral}": tử số {value} lớn hơn mẫu số {denominator}.', '"{numeral}": the numerator {value} is larger than the denominator {denominator}.'),
    },
  },
  check(analysis, report) {
    const all = analysis.doc.figures;
    for (let ix = 0; ix < all.length; ix++) {
      const f = all[ix];
      if ((f.kind !== 'fraction' && f.kind !== 'rank') || f.denominator === undefined) continue;
      if (f.value <= f.denominator) continue;
      report({
        range: f.numeralRange,
        message: { id: f.kind === 'rank' ? 'rank' : 'fraction', params: { numeral: f.numeral, value: f.value, denominator: f.denominator } },
      });
    }
  },
});
