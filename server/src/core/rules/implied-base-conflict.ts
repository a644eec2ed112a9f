import { formatNumber, msg } from '../i18n';
import { describePeriod, resolveSamePeriod } from '../parse/periods';
import { isPeriodCode } from '../parse/period-codes';
import type { Rule } from './rule';
import { describeEntry, latest, levelFigures, overlaps, relatedOf } from './history-context';
import { figuresOfSentence } from './figure-context';
import { impliedEarlier, middle } from '../parse/arithmetic';

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
      // Rank changes are rank-change-mismatch's (one finding per sentence, arithmetic in arithmetic.ts).
      if (f.kind === 'rank' || c.unit === 'bậc') continue;
      const bases = impliedEarlier(f, c);
      if (!bases.length) continue;
      const stored = latest(history.atPeriod(indicator, against).filter((e) => e.origin.uri !== doc.uri && e.kind === f.kind));
      if (!stored || bases.some((b) => overlaps(b, stored.interval))) continue;
      // "about": four significant digits are enough for a message (a relative change has many).
      const mid = Number(middle(bases[0]).toPrecision(4));
      const d = describeEntry(stored);
      report({
        range: c.range,
        message: msg(
          `"${f.raw}" và "${c.raw}" ngầm định ${describePeriod(against, 'vi')} là khoảng ${formatNumber(mid, 'vi')}, nhưng đã báo cáo ${d.vi}; kiểm tra mức hoặc mức thay đổi.`,
          `"${f.raw}" and "${c.raw}" imply about ${formatNumber(mid, 'en')} for ${describePeriod(against, 'en')}, but what was reported is ${d.en}; check the level or the change.`,
        ),
        related: [relatedOf(stored)],
        data: { indicator: indicator.id, impliedBase: mid },
      });
    }
  },
};
