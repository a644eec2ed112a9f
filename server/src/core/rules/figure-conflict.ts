import { msg } from '../i18n';
import type { Rule } from './rule';
import { describeEntry, latest, levelFigures, overlaps, relatedOf, selfKey, siblings } from './history-context';

/**
 * The same indicator and period reported earlier with another value, beyond rounding and
 * qualifiers ("53 tỷ USD", "khoảng 53 tỷ USD" and "53.000 triệu USD" agree). A series the catalog
 * marks `revised` may change; a value that matches a sibling series is `wrong-series` instead.
 */
export const figureConflict: Rule = {
  id: 'figure-conflict',
  description: msg(
    'Số liệu khác với số đã báo cáo ở phiên trước cho cùng chỉ tiêu và kỳ.',
    'The figure differs from what an earlier session reported for the same indicator and period.',
  ),
  defaultSeverity: 'warning',
  check(analysis, report) {
    const history = analysis.history;
    if (!history) return;
    const self = selfKey(analysis);
    for (const { f, indicator, period } of levelFigures(analysis)) {
      if (indicator.revised) continue;
      // A ranking of provinces or ministries: the history may hold another unit's rank.
      if (f.kind === 'rank' && indicator.scope === 'national') continue;
      // The statements of this period and kind, and the latest of them: once per history state.
      const { same, last } = history.cached(self, indicator.id, `figure-conflict\0${period}\0${f.kind}`, () => {
        const same = history.atPeriod(indicator, period, self).filter((e) => e.kind === f.kind);
        return { same, last: latest(same) };
      });
      if (!last) continue;
      if (f.kind === 'fraction' && last.denominator !== f.denominator) continue; // denominator-mismatch's business
      if (overlaps(f.interval, last.interval)) continue;
      const sibling = siblings(analysis, indicator).some((s) => history.atPeriod(s, period, self).some((e) => overlaps(f.interval, e.interval)));
      if (sibling) continue;
      const d = describeEntry(last);
      report({
        range: f.range,
        message: msg(
          `"${f.raw}" khác với số đã báo cáo cho "${indicator.name}" cùng kỳ: ${d.vi}; hãy sửa cho khớp, hoặc ghi rõ nếu số liệu đã được điều chỉnh.`,
          `"${f.raw}" differs from what was reported for "${indicator.name}" for the same period: ${d.en}; make them agree, or say that the figure was revised.`,
        ),
        related: same.filter((e) => !overlaps(f.interval, e.interval)).map(relatedOf),
        data: { indicator: indicator.id, earlier: last.raw },
      });
    }
  },
};
