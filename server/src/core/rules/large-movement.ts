import { formatNumber, msg } from '../i18n';
import { periodEnd } from '../history/history';
import type { HistoryEntry } from '../history/types';
import { describePeriod } from '../parse/periods';
import type { Rule } from './rule';
import { describeOrigin, latest, levelFigures, plainRaw, relatedOf, selfKey } from './history-context';
import type { Indicator } from '../catalog/types';

/** The share a value may move between consecutive reported values before it is worth a look. */
export const DEFAULT_LARGE_MOVEMENT_SHARE = 0.2;

/**
 * Whether a share of an indicator's level is a meaningful measure of its movement: a level that
 * may fall (a stock with `cumulative: false`: businesses, platforms) and an index score. Not:
 * running totals (they only grow; a fall is `stock-decrease`), flows (a quarter's revenue against a
 * year's is no movement), growth rates (they swing by nature), percentages and ratios (they move in
 * points, not by a share of themselves), ranks and levels on a scale (a place is no quantity: a
 * rank's move is counted in places, `rank-change-mismatch`).
 */
export function movesFreely(indicator: Indicator): boolean {
  if (indicator.measure === 'stock') return indicator.cumulative === false;
  return indicator.measure === 'index';
}

/**
 * A non-cumulative indicator whose value moves by more than a share (default 20%) from the
 * previous reported value: "doanh nghiệp công nghệ số" 65.329 (end of February 2022) → 50.350
 * (first half of 2024). Information: the movement may be real; a reviewer wants to see it.
 */
export const largeMovement: Rule = {
  id: 'large-movement',
  description: msg(
    'Giá trị thay đổi lớn (mặc định hơn 20%) so với số liệu kỳ trước gần nhất của cùng chỉ tiêu.',
    'The value moves a lot (by default more than 20%) from the previous reported value of the indicator.',
  ),
  defaultSeverity: 'information',
  check(analysis, report) {
    const history = analysis.history;
    if (!history) return;
    const share = analysis.config?.largeMovementShare ?? DEFAULT_LARGE_MOVEMENT_SHARE;
    const self = selfKey(analysis);
    const fm = analysis.doc.frontMatter;
    for (const { f, indicator, period } of levelFigures(analysis)) {
      if (!movesFreely(indicator) || f.kind !== 'number' || f.unitClass === 'percent') continue;
      if (f.role && f.role !== 'level') continue;
      const end = periodEnd(period);
      if (!end || f.value <= 0) continue;
      // Earlier entries of this kind by period end, ascending (once per history state).
      const byEnd = history.cached(self, indicator.id, `large-movement\0${f.kind}`, () => {
        const groups = new Map<string, HistoryEntry[]>();
        for (const e of history.earlier(indicator.id, self)) {
          const eEnd = periodEnd(e.period);
          if (eEnd === '' || e.kind !== f.kind || e.value <= 0 || e.growth) continue;
          const list = groups.get(eEnd);
          if (list) list.push(e);
          else groups.set(eEnd, [e]);
        }
        return { ends: [...groups.keys()].sort(), groups };
      });
      // The previous reported value: the latest statement of the last period ending before this one.
      let k = byEnd.ends.length - 1;
      while (k >= 0 && byEnd.ends[k] >= end) k--;
      if (k < 0) continue;
      const prev = latest(byEnd.groups.get(byEnd.ends[k])!)!;
      const moved = (f.value - prev.value) / prev.value;
      if (Math.abs(moved) <= share) continue;
      const pct = (lang: 'vi' | 'en') => formatNumber(Math.abs(moved) * 100, lang, 0);
      const where = describeOrigin(prev);
      const here = {
        vi: [fm?.session !== undefined ? `phiên họp thứ ${fm.session}` : 'báo cáo này', describePeriod(period, 'vi')].join(', '),
        en: [fm?.session !== undefined ? `session ${fm.session}` : 'this report', describePeriod(period, 'en')].join(', '),
      };
      const up = moved > 0;
      report({
        range: f.range,
        message: msg(
          `"${indicator.name}" ${up ? 'tăng' : 'giảm'} ${pct('vi')}%: từ ${plainRaw(prev.raw)} (${where.vi}, ${describePeriod(prev.period, 'vi')}) ${up ? 'lên' : 'xuống'} ${plainRaw(f.raw)} (${here.vi}). Kiểm tra lại số liệu hoặc nêu lý do thay đổi.`,
          `"${indicator.name}" ${up ? 'rises' : 'falls'} by ${pct('en')}%: from ${plainRaw(prev.raw)} (${where.en}, ${describePeriod(prev.period, 'en')}) to ${plainRaw(f.raw)} (${here.en}). Check the figure or say why it moved.`,
        ),
        related: [relatedOf(prev)],
        data: { indicator: indicator.id, earlier: prev.raw, share: Math.abs(moved) },
      });
    }
  },
};
