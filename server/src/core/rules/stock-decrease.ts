import { msg } from '../i18n';
import { periodEnd } from '../history/history';
import type { HistoryEntry } from '../history/types';
import { defineRule } from './rule';
import { describeEntry, EARLIER_MESSAGES, latest, levelFigures, relatedOf } from './history-context';
import { derived, memoKey, earlierFor } from './memo';

/** A cumulative (stock) indicator that falls below what an earlier period reported. */
export const stockDecrease = defineRule({
  meta: {
    id: 'stock-decrease',
    description: msg('Chỉ tiêu lũy kế giảm so với kỳ trước.', 'A cumulative (stock) indicator falls below an earlier period.'),
    severity: 'warning',
    fixable: false,
    messages: {
      decrease: msg(
        '"{name}" là chỉ tiêu lũy kế nhưng "{raw}" thấp hơn kỳ trước: {entry}; kiểm tra số liệu hoặc kỳ.',
        '"{name}" is cumulative, yet "{raw}" is below an earlier period: {entry}; check the figure or its period.',
      ),
      ...EARLIER_MESSAGES,
    },
  },
  check(analysis, report) {
    const history = analysis.history;
    if (!history) return;
    const all = levelFigures(analysis);
    for (let ix = 0; ix < all.length; ix++) {
      const { f, indicator, period, series } = all[ix];
      // series: a province's total against the same province's (historySeries); none when it cannot be told.
      if (indicator.measure !== 'stock' || indicator.cumulative === false || f.kind === 'rank' || !series) continue;
      const end = periodEnd(period);
      if (!end) continue;
      // Earlier entries of this kind grouped by period end, ends ascending, and the latest of each (once per history state).
      const kind = f.kind;
      const byEnd = derived(earlierFor(analysis, history, series.id), memoKey('stock-decrease', kind), (earlier) => {
        const groups = new Map<string, HistoryEntry[]>();
        for (const e of earlier) {
          const eEnd = periodEnd(e.period);
          if (eEnd === '' || e.kind !== kind) continue;
          const list = groups.get(eEnd);
          if (list) list.push(e);
          else groups.set(eEnd, [e]);
        }
        const ends = [...groups.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        // The latest statement of each period end, once per history state rather than per figure.
        return { ends, last: new Map([...groups].map(([k, list]) => [k, latest(list)!])) };
      });
      // The last period that ends before this one.
      let lo = 0;
      let hi = byEnd.ends.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (byEnd.ends[mid] < end) lo = mid + 1;
        else hi = mid;
      }
      if (lo === 0) continue;
      const prev = byEnd.last.get(byEnd.ends[lo - 1])!;
      // Falls only if even the most generous reading of now is below the least generous of before.
      if (f.interval[1] >= prev.interval[0]) continue;
      report({
        range: f.range,
        message: { id: 'decrease', params: { name: indicator.name, raw: f.raw, entry: describeEntry(prev) } },
        related: [relatedOf(prev)],
        data: { indicator: indicator.id },
      });
    }
  },
});
