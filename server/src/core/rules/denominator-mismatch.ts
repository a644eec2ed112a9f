import { msg } from '../i18n';
import { periodEnd } from '../history/history';
import { countsWholeOrPart, unitCountOn } from '../history/units';
import { defineRule } from './rule';
import { describeEntry, EARLIER_MESSAGES, latest, levelFigures, relatedOf } from './history-context';
import { derived, memoKey, earlierFor } from './memo';

/**
 * A fraction whose denominator is not the number of units on that date ("x/63 tỉnh" after the
 * 2025 merger into 34), or whose denominator changed since an earlier session.
 */
export const denominatorMismatch = defineRule({
  meta: {
    id: 'denominator-mismatch',
    description: msg(
      'Mẫu số không đúng số đơn vị tại thời điểm đó, hoặc khác với phiên trước.',
      'The denominator is not the number of units on that date, or changed since an earlier session.',
    ),
    severity: 'warning',
    fixable: false,
    messages: {
      unitCount: msg(
        'Mẫu số {denominator} không khớp số {units} ngày {date} là {expected}, theo "{source}"; hãy sửa mẫu số, hoặc ghi rõ nếu đếm theo tập hợp khác.',
        'The denominator {denominator} does not match the number of "{units}" on {date}, which is {expected} according to "{source}"; correct the denominator, or say which set it counts.',
      ),
      changed: msg(
        'Mẫu số đổi từ {before} thành {now} so với {entry}; nếu tập hợp đã thay đổi, hãy ghi rõ.',
        'The denominator changed from {before} to {now} since {entry}; if the set changed, say so.',
      ),
      ...EARLIER_MESSAGES,
    },
  },
  check(analysis, report) {
    const all = levelFigures(analysis);
    for (let ix = 0; ix < all.length; ix++) {
      const { f, indicator, period } = all[ix];
      if ((f.kind !== 'fraction' && f.kind !== 'rank') || f.denominator === undefined) continue;
      const date = periodEnd(period) || analysis.doc.frontMatter?.date || '';
      const expected = date ? unitCountOn(indicator.denominatorOf, date) : undefined;
      if (expected) {
        // A ranking is published after its period, and may be taken on the units of the day it is
        // reported (DTI 2024, published in October 2025, ranks the 34 provinces after the merger).
        const reported = f.kind === 'rank' && analysis.doc.frontMatter?.date ? unitCountOn(indicator.denominatorOf, analysis.doc.frontMatter.date) : undefined;
        // A denominator that counts a named part of the whole (the 22 ministries of "30 bộ, ngành") is not a mismatch.
        if (!countsWholeOrPart(expected, f.denominator, date) && !(reported && countsWholeOrPart(reported, f.denominator, analysis.doc.frontMatter!.date!))) {
          report({
            range: f.numeralRange,
            message: {
              id: 'unitCount',
              params: { denominator: f.denominator, units: indicator.denominatorOf ?? '', date: { date }, expected: expected.value, source: expected.source },
            },
            data: { indicator: indicator.id, expected: expected.value },
          });
        }
        continue;
      }
      const history = analysis.history;
      if (!history) continue;
      const kind = f.kind;
      // A ranking's set is its edition's ("44/133" in GII 2024 after "46/132" in 2023): a rank's
      // denominator is compared with the same period's statements only.
      const edition = kind === 'rank' || indicator.measure === 'rank' ? period : '';
      const prev = derived(earlierFor(analysis, history, indicator.id), memoKey('denominator-mismatch', `${kind}\0${edition}`), (earlier) =>
        latest(earlier.filter((e) => e.denominator !== undefined && e.kind === kind && (!edition || e.period === edition))),
      );
      if (!prev || prev.denominator === f.denominator) continue;
      report({
        range: f.numeralRange,
        message: { id: 'changed', params: { before: prev.denominator!, now: f.denominator, entry: describeEntry(prev) } },
        related: [relatedOf(prev)],
        data: { indicator: indicator.id },
      });
    }
  },
});
