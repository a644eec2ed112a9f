import { msg } from '../i18n';
import { defineRule } from './rule';
import { describeEntry, EARLIER_MESSAGES, levelFigures, overlaps, relatedOf, siblings, siblingSeries } from './history-context';
import { atPeriodFor, findingsOfFigure, type FigureCompute } from './memo';

/**
 * A figure stated for one series that is the value of a sibling series with the same name: 18,3%
 * is the ministry's estimate of the digital economy's share of GDP, not the statistics office's.
 */
export const wrongSeries = defineRule({
  meta: {
    id: 'wrong-series',
    description: msg(
      'Số liệu thuộc một chuỗi khác cùng tên (ví dụ ước tính của bộ thay vì số của cơ quan thống kê).',
      'The figure belongs to another series of the same name (e.g. a ministry estimate instead of the statistics office value).',
    ),
    severity: 'warning',
    fixable: false,
    messages: {
      wrongSeries: msg(
        '"{raw}" là số của chuỗi {series}, đã báo cáo {entry}, nhưng tham chiếu ghi chuỗi {own}; hãy sửa tên chuỗi sau @.',
        '"{raw}" is the value of the "{series}" series, reported as {entry}, but the reference names the "{own}" series; correct the series after @.',
      ),
      ...EARLIER_MESSAGES,
    },
  },
  check(analysis, report) {
    const history = analysis.history;
    if (!history) return;
    const levels = levelFigures(analysis);
    for (let i = 0; i < levels.length; i++) {
      const level = levels[i];
      // Ministries' scores and ranks, or a province's that does not say which: a sibling's match may
      // be another unit's. A province's figure is compared with the same province's.
      // What it reports depends on the figure, its series and period, the catalog and the history only.
      if (level.series) findingsOfFigure(analysis, history, 'wrong-series', level, level.series, report, wrongSeriesOf);
    }
  },
});

/** wrong-series's findings of one level figure (findingsOfFigure). */
const wrongSeriesOf: FigureCompute<'wrongSeries' | 'earlier'> = (analysis, history, level, series, report) => {
  const { f, indicator, period } = level;
  const others = siblings(analysis, indicator);
  if (!others.length) return;
  const own = atPeriodFor(analysis, history, series, period);
  if (own.some((e) => overlaps(f.interval, e.interval))) return;
  for (const s of others) {
    const other = siblingSeries(series, s);
    if (!other) continue;
    const match = atPeriodFor(analysis, history, other, period).find((e) => overlaps(f.interval, e.interval));
    if (!match) continue;
    report({
      range: f.range,
      message: { id: 'wrongSeries', params: { raw: f.raw, series: s.compiler ?? s.id, entry: describeEntry(match), own: indicator.compiler ?? indicator.id } },
      related: [relatedOf(match), ...own.slice(0, 3).map(relatedOf)],
      data: { indicator: indicator.id, series: s.id },
    });
    break;
  }
};
