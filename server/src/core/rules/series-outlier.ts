import { msg } from '../i18n';
import { defineRule } from './rule';
import { EARLIER_MESSAGES, levelFigures, relatedOf } from './history-context';
import { derived, memoKey, earlierFor, findingsOfFigure, type FigureCompute } from './memo';

/** How far from the series' median a value may be before it is a jump worth a second look. */
const FACTOR = 10;

/**
 * The months a flow's period covers (a year 12, a half 6, a quarter 3, the first N months N, a month
 * 1); null for a day or an unknown code. A flow's values of periods of different lengths (a month's
 * revenue, the first eight months', a year's) are compared per month of their period.
 */
function monthsOf(period: string): number | null {
  if (/^\d{4}$/.test(period)) return 12;
  if (/^\d{4}-S[12]$/.test(period)) return 6;
  if (/^\d{4}-Q[1-4]$/.test(period)) return 3;
  const ytd = /^\d{4}-YTD(\d{2})$/.exec(period);
  if (ytd) return Number(ytd[1]) || null;
  return /^\d{4}-\d{2}$/.test(period) ? 1 : null;
}

/**
 * How many times longer one flow's period may be than another's for their values to be compared per
 * month: a month beside a quarter, a quarter beside a year, never a month beside a half-year or a year.
 * A month's count of a flow is one point of a seasonal series, and it is a monthly bulletin's, often
 * another compiler's or another measure's under the same name, beside a yearly report's (NCSC's 491
 * attacks of March 2021 beside VNCERT's 134.375 incidents of 2016: reading.md §56).
 */
const SPAN = 4;

/** A value far outside its series (more than 10× or less than a tenth of the median of earlier values; a flow's per month of its period). */
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
  const flow = indicator.measure === 'flow';
  // (a flow's value per month of its period: monthsOf)
  const perMonth = (value: number, period: string): number | null => {
    if (!flow) return value;
    const months = monthsOf(period);
    return months ? value / months : null;
  };
  // (a flow's values of periods at most SPAN times longer or shorter than the figure's: a month's beside months and quarters)
  const ownMonths = flow ? monthsOf(level.period) : null;
  if (flow && ownMonths === null) return;
  const comparable = (period: string): boolean => {
    if (!flow) return true;
    const months = monthsOf(period);
    return months !== null && months <= ownMonths! * SPAN && months * SPAN >= ownMonths!;
  };
  const stats = derived(earlierFor(analysis, history, indicator.id), memoKey('series-outlier', flow ? `${kind}/month/${ownMonths}` : kind), (earlier) => {
    const series = earlier.filter((e) => e.kind === kind && e.value > 0 && comparable(e.period));
    if (series.length < 2) return null;
    const values = series.map((e) => perMonth(e.value, e.period)!).sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)];
    const nearest = series.reduce((a, b) => (Math.abs(perMonth(b.value, b.period)! - median) < Math.abs(perMonth(a.value, a.period)! - median) ? b : a));
    return { median, nearest };
  });
  if (!stats) return;
  const own = perMonth(f.value, level.period);
  if (own === null) return;
  const { nearest } = stats;
  const ratio = own / stats.median;
  // (a flow's median per month, told for a period as long as the figure's)
  const median = flow ? stats.median * monthsOf(level.period)! : stats.median;
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
