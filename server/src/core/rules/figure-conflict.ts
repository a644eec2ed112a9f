import { msg } from '../i18n';
import { defineRule } from './rule';
import { describeEntry, EARLIER_MESSAGES, latest, levelFigures, overlaps, relatedOf, seriesSubject, siblings, siblingSeries, furtherLevelFigures } from './history-context';
import { derived, memoKey, atPeriodFor, findingsOfFigure, type FigureCompute } from './memo';
import { intervalByEntry, kindByEntry } from '../catalog/rank-entry';

/**
 * The same indicator and period reported earlier with another value, beyond rounding and
 * qualifiers ("53 tỷ USD", "khoảng 53 tỷ USD" and "53.000 triệu USD" agree). A series the catalog
 * marks `revised` may change; a value that matches a sibling series is `wrong-series` instead.
 */
export const figureConflict = defineRule({
  meta: {
    id: 'figure-conflict',
    description: msg(
      'Số liệu khác với số đã báo cáo ở phiên trước cho cùng chỉ tiêu và kỳ.',
      'The figure differs from what an earlier session reported for the same indicator and period.',
    ),
    severity: 'warning',
    fixable: false,
    messages: {
      conflict: msg(
        '"{raw}" khác với số đã báo cáo cho "{name}" cùng kỳ: {entry}; hãy sửa cho khớp, hoặc ghi rõ nếu số liệu đã được điều chỉnh.',
        '"{raw}" differs from what was reported for "{name}" for the same period: {entry}; make them agree, or say that the figure was revised.',
      ),
      ...EARLIER_MESSAGES,
    },
  },
  check(analysis, report) {
    const history = analysis.history;
    if (!history) return;
    // The bound figures, and what the sentence says of another period (a base, a restatement).
    for (const levels of [levelFigures(analysis), furtherLevelFigures(analysis)]) {
      for (let i = 0; i < levels.length; i++) {
        const level = levels[i];
        // A ranking or index of ministries, or a province's figure that does not say which province:
        // the history may hold another unit's figure. A province's is compared with that province's.
        // What it reports depends on the figure, its series and period, the catalog and the history only.
        if (level.series) findingsOfFigure(analysis, history, 'figure-conflict', level, level.series, report, conflictOf);
      }
    }
  },
});

/** figure-conflict's findings of one level figure (findingsOfFigure). */
const conflictOf: FigureCompute<'conflict' | 'earlier'> = (analysis, history, level, series, report) => {
  const { f, indicator, period } = level;
  if (indicator.revised) return;
  // The statements of this period and kind, and the latest of them: once per history state. A
  // rank indicator's fraction ("là 44/133") is its rank (the reader reads no rank word there).
  const asRank = indicator.measure === 'rank';
  const kindOf = (k: typeof f.kind) => (asRank && k === 'fraction' ? 'rank' : k);
  const kind = kindOf(kindByEntry(f, indicator)); // ("thứ 59, 47, 45", a rank entry's "là 58": as history.ts stores it)
  const { same, last } = derived(atPeriodFor(analysis, history, series, period), memoKey('figure-conflict', kind), (atPeriod) => {
    const same = atPeriod.filter((e) => kindOf(e.kind) === kind);
    return { same, last: latest(same) };
  });
  if (!last) return;
  if (f.kind === 'fraction' && !asRank && last.denominator !== f.denominator) return; // denominator-mismatch's business
  const interval = intervalByEntry(f, indicator); // (a rank entry's bare place is exact, as history.ts stores it)
  if (overlaps(interval, last.interval)) return;
  const sibling = siblings(analysis, indicator).some((s) => {
    const other = siblingSeries(series, s);
    return !!other && atPeriodFor(analysis, history, other, period).some((e) => overlaps(interval, e.interval));
  });
  if (sibling) return;
  report({
    range: f.range,
    // (a series of one province or ministry: the message names it, history-context.ts seriesSubject)
    message: { id: 'conflict', params: { raw: f.raw, name: seriesSubject(series) ? `${indicator.name} (${seriesSubject(series)})` : indicator.name, entry: describeEntry(last) } },
    related: same.filter((e) => !overlaps(interval, e.interval)).map(relatedOf),
    data: { indicator: indicator.id, earlier: last.raw },
  });
};
