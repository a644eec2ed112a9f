import { msg } from '../i18n';
import type { Rule } from './rule';
import { bindings, looksLikeChange } from './figure-context';

/** A share above 100% or below 0%. Rates of change ("tăng 80%", a growth indicator) may exceed 100. */
export const percentOutOfRange: Rule = {
  id: 'percent-out-of-range',
  description: msg('Tỷ lệ phần trăm lớn hơn 100% hoặc nhỏ hơn 0%.', 'A percentage above 100% or below 0%.'),
  defaultSeverity: 'error',
  check(analysis, report) {
    const bound = bindings(analysis);
    for (const f of analysis.doc.figures) {
      if (f.kind !== 'percent' || f.unitClass !== 'percent') continue;
      if (f.value >= 0 && f.value <= 100) continue;
      const indicator = bound.get(f)?.indicator;
      if (indicator && (indicator.measure === 'growth' || indicator.unitClass !== 'percent')) continue;
      if (looksLikeChange(analysis, f)) continue;
      report({
        range: f.range,
        message: msg(
          `Tỷ lệ "${f.raw}" nằm ngoài 0–100%${indicator ? ` (chỉ tiêu "${indicator.name}")` : ''}.`,
          `The percentage "${f.raw}" is outside 0–100%${indicator ? ` (indicator "${indicator.name}")` : ''}.`,
        ),
      });
    }
  },
};
