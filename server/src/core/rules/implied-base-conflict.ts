import { msg } from '../i18n';
import { resolveSamePeriod } from '../parse/periods';
import { isPeriodCode } from '../parse/period-codes';
import { defineRule } from './rule';
import { describeEntry, EARLIER_MESSAGES, latest, levelFigures, overlaps, periodPhrase, relatedOf } from './history-context';
import { figuresOfSentence } from './figure-context';
import { impliedEarlier, middle } from '../parse/arithmetic';
import { atPeriodFor, derived, memoKey } from './memo';
import type { PlacedFigure } from '../parse/model';

/**
 * "177 triệu … tăng 23 triệu so với cuối năm 2022" implies 154 triệu at the end of 2022; the
 * history's value for that period must agree (within rounding and qualifiers).
 */
export const impliedBaseConflict = defineRule({
  meta: {
    id: 'implied-base-conflict',
    description: msg(
      'Mức tăng/giảm so với kỳ trước không khớp với số đã lưu của kỳ đó.',
      'A change claimed against an earlier period implies a base that disagrees with the stored value.',
    ),
    severity: 'warning',
    fixable: false,
    messages: {
      conflict: msg(
        'Từ "{level}" và "{change}" suy ra {period} là khoảng {base}, nhưng đã báo cáo {entry}; hãy kiểm tra mức hoặc mức thay đổi.',
        '"{level}" and "{change}" imply about {base} for {period}, but what was reported is {entry}; check the level or the change.',
      ),
      ...EARLIER_MESSAGES,
    },
  },
  check(analysis, report) {
    const history = analysis.history;
    if (!history) return;
    const { doc } = analysis;
    const levels = levelFigures(analysis);
    for (let ix = 0; ix < levels.length; ix++) {
      const { f, indicator, period, series } = levels[ix];
      const inSentence = figuresOfSentence(doc, f.sentence);
      // Most sentences state no change: nothing to compare, and no offset to work out.
      if (!hasChange(inSentence)) continue;
      const fStart = doc.lines.offsetAt(f.range.start);
      const after = inSentence.filter((g) => g.change && doc.lines.offsetAt(g.range.start) > fStart);
      const c = after[0];
      if (!c?.change) continue;
      const against = c.change.against ?? (c.change.sameTimeLastYear ? resolveSamePeriod('SPLY', period) : null);
      if (!against || !isPeriodCode(against)) continue;
      // Rank changes are rank-change-mismatch's (one finding per sentence, arithmetic in arithmetic.ts).
      if (f.kind === 'rank' || c.unit === 'bậc') continue;
      // Ministries' scores, or a province's that does not say which: the stored value may be another
      // unit's. A province's is compared with the same province's.
      if (!series) continue;
      const bases = impliedEarlier(f, c);
      if (!bases.length) continue;
      // The latest statement of another report, of this kind: once per history state, document and kind.
      const kind = f.kind;
      const stored = derived(atPeriodFor(analysis, history, series, against, false), memoKey('implied-base-conflict', `${kind}\0${doc.uri}`), (all) =>
        latest(all.filter((e) => e.origin.uri !== doc.uri && e.kind === kind)),
      );
      if (!stored || bases.some((b) => overlaps(b, stored.interval))) continue;
      // "about": four significant digits are enough for a message (a relative change has many).
      const mid = Number(middle(bases[0]).toPrecision(4));
      report({
        range: c.range,
        message: { id: 'conflict', params: { level: f.raw, change: c.raw, period: periodPhrase(against), base: mid, entry: describeEntry(stored) } },
        related: [relatedOf(stored)],
        data: { indicator: indicator.id, impliedBase: mid },
      });
    }
  },
});

/** True if one of the figures states a change (a loop: no closure made per level figure of the draft). */
function hasChange(figures: readonly PlacedFigure[]): boolean {
  for (let i = 0; i < figures.length; i++) if (figures[i].change) return true;
  return false;
}
