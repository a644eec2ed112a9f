import { formatNumber, msg } from '../i18n';
import { describePeriod, resolveSamePeriod } from '../parse/periods';
import { isPeriodCode } from '../parse/period-codes';
import type { Rule } from './rule';
import { describeEntry, latest, levelFigures, overlaps, relatedOf } from './history-context';
import { figuresOfSentence } from './figure-context';

/**
 * "177 triệu … tăng 23 triệu so với cuối năm 2022" implies 154 triệu at the end of 2022; the
 * history's value for that period must agree (within rounding and qualifiers).
 */
export const impliedBaseConflict: Rule = {
  id: 'implied-base-conflict',
  description: msg(
    'Mức tăng/giảm so với kỳ trước không khớp với số đã lưu của kỳ đó.',
    'A change claimed against an earlier period implies a base that disagrees with the stored value.',
  ),
  defaultSeverity: 'warning',
  check(analysis, report) {
    const history = analysis.history;
    if (!history) return;
    const { doc } = analysis;
    for (const { f, indicator, period } of levelFigures(analysis)) {
      const fStart = doc.lines.offsetAt(f.range.start);
      const after = figuresOfSentence(doc, f.sentence).filter((g) => g.change && doc.lines.offsetAt(g.range.start) > fStart);
      const c = after[0];
      if (!c?.change) continue;
      const against = c.change.against ?? (c.change.sameTimeLastYear ? resolveSamePeriod('SPLY', period) : null);
      if (!against || !isPeriodCode(against)) continue;
      const sign = c.change.direction === 'up' ? 1 : -1;
      let base: [number, number];
      if (c.unitClass === 'percent' && indicator.unitClass !== 'percent') {
        // A relative change: level = base × (1 ± c%).
        const k = (x: number) => 1 + (sign * x) / 100;
        const ks = [k(c.interval[0]), k(c.interval[1])].filter((x) => x > 0);
        if (ks.length < 2) continue;
        const cands = [f.interval[0] / ks[0], f.interval[0] / ks[1], f.interval[1] / ks[0], f.interval[1] / ks[1]];
        base = [Math.min(...cands), Math.max(...cands)];
      } else if (c.unitClass === indicator.unitClass || (c.unitClass === 'none' && indicator.unitClass === 'count') || c.unitClass === f.unitClass) {
        base = sign > 0 ? [f.interval[0] - c.interval[1], f.interval[1] - c.interval[0]] : [f.interval[0] + c.interval[0], f.interval[1] + c.interval[1]];
      } else continue;
      if (!Number.isFinite(base[0]) && !Number.isFinite(base[1])) continue;
      const stored = latest(history.atPeriod(indicator, against).filter((e) => e.origin.uri !== doc.uri && e.kind === f.kind));
      if (!stored || overlaps(base, stored.interval)) continue;
      const mid = Number.isFinite(base[0]) && Number.isFinite(base[1]) ? (base[0] + base[1]) / 2 : Number.isFinite(base[0]) ? base[0] : base[1];
      const d = describeEntry(stored);
      report({
        range: c.range,
        message: msg(
          `"${f.raw}" và "${c.raw}" ngầm định ${describePeriod(against, 'vi')} là khoảng ${formatNumber(mid, 'vi')}, nhưng đã báo cáo — ${d.vi}.`,
          `"${f.raw}" and "${c.raw}" imply about ${formatNumber(mid, 'en')} for ${describePeriod(against, 'en')}, but the stored value is — ${d.en}.`,
        ),
        related: [relatedOf(stored)],
        data: { indicator: indicator.id, impliedBase: mid },
      });
    }
  },
};
