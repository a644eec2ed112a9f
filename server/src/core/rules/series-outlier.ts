import { formatNumber, msg } from '../i18n';
import type { Rule } from './rule';
import { levelFigures, relatedOf, selfKey } from './history-context';

/** How far from the series' median a value may be before it is a jump worth a second look. */
const FACTOR = 10;

/** A value far outside its series (more than 10× or less than a tenth of the median of earlier values). */
export const seriesOutlier: Rule = {
  id: 'series-outlier',
  description: msg('Giá trị chênh lệch bất thường so với chuỗi số liệu của chỉ tiêu.', 'A value far outside the series of its indicator.'),
  defaultSeverity: 'warning',
  check(analysis, report) {
    const history = analysis.history;
    if (!history) return;
    const self = selfKey(analysis);
    for (const { f, indicator } of levelFigures(analysis)) {
      if (indicator.measure === 'growth' || f.kind === 'rank' || f.value <= 0) continue;
      // The series' median and the entry nearest to it depend on the history only: once per state.
      const stats = history.cached(self, indicator.id, `series-outlier\0${f.kind}`, () => {
        const series = history.earlier(indicator.id, self).filter((e) => e.kind === f.kind && e.value > 0);
        if (series.length < 2) return null;
        const values = series.map((e) => e.value).sort((a, b) => a - b);
        const median = values[Math.floor(values.length / 2)];
        const nearest = series.reduce((a, b) => (Math.abs(b.value - median) < Math.abs(a.value - median) ? b : a));
        return { median, nearest };
      });
      if (!stats) continue;
      const { median, nearest } = stats;
      const ratio = f.value / median;
      if (ratio <= FACTOR && ratio >= 1 / FACTOR) continue;
      const times = ratio >= 1 ? { vi: `gấp ${formatNumber(ratio, 'vi', 1)} lần`, en: `${formatNumber(ratio, 'en', 1)}×` } : { vi: `chỉ bằng 1/${formatNumber(1 / ratio, 'vi', 1)}`, en: `1/${formatNumber(1 / ratio, 'en', 1)} of` };
      report({
        range: f.range,
        message: msg(
          `"${f.raw}" ${times.vi} trung vị các kỳ trước của "${indicator.name}" (${formatNumber(median, 'vi')}): kiểm tra bậc số, đơn vị hoặc kỳ.`,
          `"${f.raw}" is ${times.en} the median of earlier values of "${indicator.name}" (${formatNumber(median, 'en')}): check the multiplier, unit or period.`,
        ),
        related: [relatedOf(nearest)],
        data: { indicator: indicator.id, median },
      });
    }
  },
};
