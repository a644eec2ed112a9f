import { msg, type MsgRef } from '../i18n';
import { periodEnd } from '../history/history';
import type { HistoryEntry } from '../history/types';
import { defineRule } from './rule';
import { describeOrigin, EARLIER_MESSAGES, latest, levelFigures, periodPhrase, plainRaw, relatedOf } from './history-context';
import { derived, memoKey, earlierFor } from './memo';
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
 * (first half of 2024). Information: the movement may be real; a reviewer wants to see it. Not when
 * the sentence states the move with its base ("giảm từ khoảng 71.500 … xuống 50.350 …").
 */
export const largeMovement = defineRule({
  meta: {
    id: 'large-movement',
    description: msg(
      'Giá trị thay đổi lớn (mặc định hơn 20%) so với số liệu kỳ trước gần nhất của cùng chỉ tiêu.',
      'The value moves a lot (by default more than 20%) from the previous reported value of the indicator.',
    ),
    severity: 'information',
    fixable: false,
    messages: {
      rise: msg(
        '"{name}" tăng {share}%: từ "{before}" cho {beforePeriod} ({where}) lên "{now}" ({here}); hãy kiểm tra lại số liệu hoặc nêu lý do thay đổi.',
        '"{name}" rises by {share}%: from "{before}" for {beforePeriod} ({where}) to "{now}" ({here}); check the figure or say why it moved.',
      ),
      fall: msg(
        '"{name}" giảm {share}%: từ "{before}" cho {beforePeriod} ({where}) xuống "{now}" ({here}); hãy kiểm tra lại số liệu hoặc nêu lý do thay đổi.',
        '"{name}" falls by {share}%: from "{before}" for {beforePeriod} ({where}) to "{now}" ({here}); check the figure or say why it moved.',
      ),
      hereSession: msg('phiên họp thứ {session}, {period}', 'session {session}, {period}'),
      hereReport: msg('báo cáo này, {period}', 'this report, {period}'),
      ...EARLIER_MESSAGES,
    },
  },
  check(analysis, report) {
    const history = analysis.history;
    if (!history) return;
    const share = analysis.config?.largeMovementShare ?? DEFAULT_LARGE_MOVEMENT_SHARE;
    const fm = analysis.doc.frontMatter;
    const all = levelFigures(analysis);
    for (let ix = 0; ix < all.length; ix++) {
      const { r, f, indicator, period, series } = all[ix];
      // series: a province's score moves from the same province's (historySeries).
      if (!movesFreely(indicator) || !series || f.kind !== 'number' || f.unitClass === 'percent') continue;
      // "giảm từ khoảng 71.500 … xuống 50.350 …": the sentence states the move itself (its base, of
      // another period, beside the figure); the writer has told it (a base that disagrees with what
      // its period was reported as is figure-conflict's).
      if (r.also?.some((a) => a.figure.role === 'base' && a.indicator === indicator)) continue;
      if (f.role && f.role !== 'level') continue;
      const end = periodEnd(period);
      if (!end || f.value <= 0) continue;
      // Earlier entries of this kind by period end, ascending (once per history state).
      const kind = f.kind;
      const byEnd = derived(earlierFor(analysis, history, series.id), memoKey('large-movement', kind), (earlier) => {
        const groups = new Map<string, HistoryEntry[]>();
        for (const e of earlier) {
          const eEnd = periodEnd(e.period);
          if (eEnd === '' || e.kind !== kind || e.value <= 0 || e.growth) continue;
          const list = groups.get(eEnd);
          if (list) list.push(e);
          else groups.set(eEnd, [e]);
        }
        // The latest statement of each period end, once per history state rather than per figure.
        return { ends: [...groups.keys()].sort(), last: new Map([...groups].map(([k, list]) => [k, latest(list)!])) };
      });
      // The previous reported value: the latest statement of the last period ending before this one.
      let k = byEnd.ends.length - 1;
      while (k >= 0 && byEnd.ends[k] >= end) k--;
      if (k < 0) continue;
      const prev = byEnd.last.get(byEnd.ends[k])!;
      const moved = (f.value - prev.value) / prev.value;
      if (Math.abs(moved) <= share) continue;
      const here: MsgRef =
        fm?.session !== undefined
          ? { id: 'hereSession', params: { session: String(fm.session), period: periodPhrase(period) } }
          : { id: 'hereReport', params: { period: periodPhrase(period) } };
      report({
        range: f.range,
        message: {
          id: moved > 0 ? 'rise' : 'fall',
          params: {
            name: indicator.name,
            share: { num: Math.abs(moved) * 100, decimals: 0 },
            before: plainRaw(prev.raw),
            where: describeOrigin(prev),
            beforePeriod: periodPhrase(prev.period),
            now: plainRaw(f.raw),
            here,
          },
        },
        related: [relatedOf(prev)],
        data: { indicator: indicator.id, earlier: prev.raw, share: Math.abs(moved) },
      });
    }
  },
});
