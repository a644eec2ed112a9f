import { msg } from '../i18n';
import type { Rule } from './rule';
import { describeEntry, levelFigures, overlaps, relatedOf, selfKey, siblings } from './history-context';

/**
 * A figure stated for one series that is the value of a sibling series with the same name: 18,3%
 * is the ministry's estimate of the digital economy's share of GDP, not the statistics office's.
 */
export const wrongSeries: Rule = {
  id: 'wrong-series',
  description: msg(
    'Số liệu thuộc một chuỗi khác cùng tên (ví dụ ước tính của bộ thay vì số của cơ quan thống kê).',
    'The figure belongs to another series of the same name (e.g. a ministry estimate instead of the statistics office value).',
  ),
  defaultSeverity: 'warning',
  check(analysis, report) {
    const history = analysis.history;
    if (!history) return;
    const self = selfKey(analysis);
    for (const { f, indicator, period } of levelFigures(analysis)) {
      const others = siblings(analysis, indicator);
      if (!others.length) continue;
      const own = history.atPeriod(indicator, period, self);
      if (own.some((e) => overlaps(f.interval, e.interval))) continue;
      for (const s of others) {
        const match = history.atPeriod(s, period, self).find((e) => overlaps(f.interval, e.interval));
        if (!match) continue;
        const d = describeEntry(match);
        report({
          range: f.range,
          message: msg(
            `"${f.raw}" là số của chuỗi ${s.compiler ?? s.id}, đã báo cáo ${d.vi}, nhưng tham chiếu ghi chuỗi ${indicator.compiler ?? indicator.id}; hãy sửa tên chuỗi sau @.`,
            `"${f.raw}" is the value of the "${s.compiler ?? s.id}" series, reported as ${d.en}, but the reference names the "${indicator.compiler ?? indicator.id}" series; correct the series after @.`,
          ),
          related: [relatedOf(match), ...own.slice(0, 3).map(relatedOf)],
          data: { indicator: indicator.id, series: s.id },
        });
        break;
      }
    }
  },
};
