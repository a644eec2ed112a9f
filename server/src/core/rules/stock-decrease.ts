import { msg } from '../i18n';
import { periodEnd } from '../history/history';
import type { Rule } from './rule';
import { describeEntry, latest, levelFigures, relatedOf, selfKey } from './history-context';

/** A cumulative (stock) indicator that falls below what an earlier period reported. */
export const stockDecrease: Rule = {
  id: 'stock-decrease',
  description: msg('Chỉ tiêu lũy kế giảm so với kỳ trước.', 'A cumulative (stock) indicator falls below an earlier period.'),
  defaultSeverity: 'warning',
  check(analysis, report) {
    const history = analysis.history;
    if (!history) return;
    const self = selfKey(analysis);
    for (const { f, indicator, period } of levelFigures(analysis)) {
      if (indicator.measure !== 'stock' || indicator.cumulative === false || f.kind === 'rank') continue;
      const end = periodEnd(period);
      if (!end) continue;
      const before = history.earlier(indicator.id, self).filter((e) => {
        const eEnd = periodEnd(e.period);
        return eEnd !== '' && eEnd < end && e.kind === f.kind;
      });
      if (!before.length) continue;
      const lastEnd = before.reduce((m, e) => (periodEnd(e.period) > m ? periodEnd(e.period) : m), '');
      const prev = latest(before.filter((e) => periodEnd(e.period) === lastEnd))!;
      // Falls only if even the most generous reading of now is below the least generous of before.
      if (f.interval[1] >= prev.interval[0]) continue;
      const d = describeEntry(prev);
      report({
        range: f.range,
        message: msg(
          `"${indicator.name}" là chỉ tiêu lũy kế nhưng "${f.raw}" thấp hơn kỳ trước — ${d.vi}.`,
          `"${indicator.name}" is cumulative, yet "${f.raw}" is below an earlier period — ${d.en}.`,
        ),
        related: [relatedOf(prev)],
        data: { indicator: indicator.id },
      });
    }
  },
};
