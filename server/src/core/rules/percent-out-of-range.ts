import { msg } from '../i18n';
import { defineRule } from './rule';
import { bindings, looksLikeChange } from './figure-context';

/**
 * A share above 100% or below 0%. Rates of change ("tăng 80%", a growth indicator) may exceed 100; so
 * may the share of a plan reached, a percentage followed by the plan's word ("4.565 tỷ đồng (103,3% kế
 * hoạch, tăng 3%)", "hoàn thành 105,8% chỉ tiêu": class plan-share, round 25, docs/reading.md §38.4).
 */
const OF_PLAN = /^\s*(?:so với\s+)?(?:kế hoạch|chỉ tiêu|dự toán|mục tiêu)(?![\p{L}])/iu;
const ofPlan = (text: string, end: number): boolean => OF_PLAN.test(text.slice(end, end + 24));
export const percentOutOfRange = defineRule({
  meta: {
    id: 'percent-out-of-range',
    description: msg('Tỷ lệ phần trăm lớn hơn 100% hoặc nhỏ hơn 0%.', 'A percentage above 100% or below 0%.'),
    severity: 'error',
    fixable: false,
    messages: {
      outOfRange: msg('Tỷ lệ "{raw}" nằm ngoài 0–100%.', 'The percentage "{raw}" is outside 0–100%.'),
      outOfRangeOf: msg('Tỷ lệ "{raw}" nằm ngoài 0–100% (chỉ tiêu "{name}").', 'The percentage "{raw}" is outside 0–100% (indicator "{name}").'),
    },
  },
  check(analysis, report) {
    const bound = bindings(analysis);
    const all = analysis.doc.figures;
    for (let ix = 0; ix < all.length; ix++) {
      const f = all[ix];
      if (f.kind !== 'percent' || f.unitClass !== 'percent') continue;
      if ((f.value >= 0 && f.value <= 100) || ofPlan(analysis.doc.text, analysis.doc.lines.offsetAt(f.range.end))) continue;
      const r = bound.get(f);
      const indicator = r?.indicator;
      if (indicator && (indicator.measure === 'growth' || indicator.unitClass !== 'percent')) continue;
      // A growth entry's name whose figure the sentence says is of another measure (markup/bound-measure.ts,
      // "[[Tăng trưởng …]] đạt 150% về giá trị"): still a rate of change.
      if (!indicator && r && 'indicator' in r.match && r.match.indicator.measure === 'growth') continue;
      if (looksLikeChange(analysis, f, (g) => bound.get(g)?.indicator?.measure === 'growth')) continue;
      report({
        range: f.range,
        message: indicator ? { id: 'outOfRangeOf', params: { raw: f.raw, name: indicator.name } } : { id: 'outOfRange', params: { raw: f.raw } },
      });
    }
  },
});
