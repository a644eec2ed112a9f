import { formatDate, formatNumber, msg } from '../i18n';
import { periodEnd } from '../history/history';
import { unitCountOn } from '../history/units';
import type { Rule } from './rule';
import { describeEntry, latest, levelFigures, relatedOf, selfKey } from './history-context';

/**
 * A fraction whose denominator is not the number of units on that date ("x/63 tỉnh" after the
 * 2025 merger into 34), or whose denominator changed since an earlier session.
 */
export const denominatorMismatch: Rule = {
  id: 'denominator-mismatch',
  description: msg(
    'Mẫu số không đúng số đơn vị tại thời điểm đó, hoặc khác với phiên trước.',
    'The denominator is not the number of units on that date, or changed since an earlier session.',
  ),
  defaultSeverity: 'warning',
  check(analysis, report) {
    const self = selfKey(analysis);
    for (const { f, indicator, period } of levelFigures(analysis)) {
      if ((f.kind !== 'fraction' && f.kind !== 'rank') || f.denominator === undefined) continue;
      const date = periodEnd(period) || analysis.doc.frontMatter?.date || '';
      const expected = date ? unitCountOn(indicator.denominatorOf, date) : undefined;
      if (expected) {
        // A ranking is published after its period, and may be taken on the units of the day it is
        // reported (DTI 2024, published in October 2025, ranks the 34 provinces after the merger).
        const reported = f.kind === 'rank' && analysis.doc.frontMatter?.date ? unitCountOn(indicator.denominatorOf, analysis.doc.frontMatter.date) : undefined;
        if (expected.value !== f.denominator && reported?.value !== f.denominator) {
          report({
            range: f.numeralRange,
            message: msg(
              `Mẫu số ${formatNumber(f.denominator, 'vi')} không khớp số ${indicator.denominatorOf} ngày ${formatDate(date, 'vi')} là ${formatNumber(expected.value, 'vi')}, theo ${expected.source}.`,
              `The denominator ${formatNumber(f.denominator, 'en')} does not match the number of ${indicator.denominatorOf} on ${formatDate(date, 'en')}, which is ${formatNumber(expected.value, 'en')} according to "${expected.source}".`,
            ),
            data: { indicator: indicator.id, expected: expected.value },
          });
        }
        continue;
      }
      const history = analysis.history;
      if (!history) continue;
      const prev = history.cached(self, indicator.id, `denominator-mismatch\0${f.kind}`, () =>
        latest(history.earlier(indicator.id, self).filter((e) => e.denominator !== undefined && e.kind === f.kind)),
      );
      if (!prev || prev.denominator === f.denominator) continue;
      const d = describeEntry(prev);
      report({
        range: f.numeralRange,
        message: msg(
          `Mẫu số đổi từ ${formatNumber(prev.denominator!, 'vi')} thành ${formatNumber(f.denominator, 'vi')} so với ${d.vi}; nếu tập hợp đã thay đổi, hãy ghi rõ.`,
          `The denominator changed from ${formatNumber(prev.denominator!, 'en')} to ${formatNumber(f.denominator, 'en')} since ${d.en}; if the set changed, say so.`,
        ),
        related: [relatedOf(prev)],
        data: { indicator: indicator.id },
      });
    }
  },
};
