import { msg } from '../i18n';
import { defineRule } from './rule';
import { EARLIER_MESSAGES, levelFigures, relatedOf } from './history-context';
import { derived, memoKey, earlierFor, findingsOfFigure, type FigureCompute } from './memo';

/** How far from the series' median a value may be before it is a jump worth a second look. */
const FACTOR = 10;

/** A value far outside its series (more than 10× or less than a tenth of the median of earlier values). */
export const seriesOutlier = defineRule({
  meta: {
    id: 'series-outlier',
    description: msg('Giá trị chênh lệch bất thường so với chuỗi số liệu của chỉ tiêu.', 'A value far outside the series of its indicator.'),
    severity: 'warning',
    fixable: false,
    messages: {
      above: msg(
        '"{raw}" gấp {ratio} lần trung vị các kỳ trước của "{name}" ({median}): kiểm tra bậc số, đơn vị hoặc kỳ.',
        '"{raw}" is {ratio}× the median of earlier values of "{name}" ({median}): check the multiplier, unit or period.',
      ),
      below: msg(
        '"{raw}" chỉ bằng 1/{ratio} trung vị các kỳ trước của "{name}" ({median}): kiểm tra bậc số, đơn vị hoặc kỳ.',
        '"{raw}" is 1/{ratio} of the median of earlier values of "{name}" ({median}): check the multiplier, unit or period.',
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
      // What it reports depends on the figure, its indicator and period, the catalog and the history only.
      findingsOfFigure(analysis, history, 'series-outlier', level, level.indicator, report, outlierOf);
    }
  },
});

/** series-outlier's findings of one level figure (findingsOfFigure). */
const outlierOf: FigureCompute<'above' | 'below' | 'earlier'> = (analysis, history, level, _series, report) => {
  const { f, indicator } = level;
  if (indicator.measure === 'growth' || f.kind === 'rank' || f.value <= 0) return;
  // The series' median and the entry nearest to it depend on the history only: once per state.
  const kind = f.kind;
  const stats = derived(earlierFor(analysis, history, indicator.id), memoKey('series-outlier', kind), (earlier) => {
    const series = earlier.filter((e) => e.kind === kind && e.value > 0);
    if (series.length < 2) return null;
    const values = series.map((e) => e.value).sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)];
    const nearest = series.reduce((a, b) => (Math.abs(b.value - median) < Math.abs(a.value - median) ? b : a));
    return { median, nearest };
  });
  if (!stats) return;
  const { median, nearest } = stats;
  const ratio = f.value / median;
  if (ratio <= FACTOR && ratio >= 1 / FACTOR) return;
  report({
    range: f.range,
    message: {
      id: ratio >= 1 ? 'above' : 'below',
      params: { raw: f.raw, ratio: { num: ratio >= 1 ? ratio : 1 / ratio, decimals: 1 }, name: indicator.name, median },
    },
    related: [relatedOf(nearest)],
    data: { indicator: indicator.id, median },
  });
};
