import { msg } from '../i18n';
import type { Rule } from './rule';
import { figuresOfSentence } from './figure-context';
import { describeEntry, latest, overlaps, relatedOf, selfKey } from './history-context';
import { earlierValue, rankBefore } from '../parse/arithmetic';
import { describePeriod, resolveSamePeriod } from '../parse/periods';
import { isPeriodCode } from '../parse/period-codes';
import { periodEnd } from '../history/history';
import type { HistoryEntry } from '../history/types';
import type { PlacedFigure } from '../parse/model';

/**
 * "xếp thứ 51/63, tăng 8 bậc (năm 2020 xếp thứ 59/63)": up 8 places from 59 is 51. The earlier rank
 * is the one stated in the sentence; failing that, for a rank that is the same subject's in every
 * session (scope world, ASEAN…: not a ranking of provinces or ministries, where the history may
 * hold another unit's rank), the rank an earlier session (or figures.csv) stated for the base
 * period ("so với năm 2022"), else for the latest period before this one.
 */
export const rankChangeMismatch: Rule = {
  id: 'rank-change-mismatch',
  description: msg('Thứ hạng và số bậc tăng/giảm không khớp với thứ hạng trước.', 'A rank and its change in places disagree with the earlier rank.'),
  defaultSeverity: 'warning',
  check(analysis, report) {
    const { doc } = analysis;
    const bound = new Map<PlacedFigure, (typeof analysis.refs)[number]>();
    for (const r of analysis.refs) if (r.ref.figure) bound.set(r.ref.figure, r);
    for (const r of doc.figures) {
      if (r.kind !== 'rank' || r.change) continue;
      const same = figuresOfSentence(doc, r.sentence);
      const at = same.indexOf(r);
      // The change of this rank: after it, before the next rank of the sentence.
      let c: PlacedFigure | undefined;
      for (const g of same.slice(at + 1)) {
        if (g.kind === 'rank' && !g.change) break;
        if (g.change && g.unit === 'bậc') {
          c = g;
          break;
        }
      }
      if (!c?.change) continue;
      const dir = c.change.direction;
      const word = dir === 'up' ? { vi: 'tăng', en: 'up' } : { vi: 'giảm', en: 'down' };
      const implied = rankBefore(r.value, c.value, dir);
      const earlierInSentence = same.find((g) => g !== r && g.kind === 'rank' && !g.change && g.denominator === r.denominator);
      if (earlierInSentence) {
        const before = earlierInSentence.value;
        if (implied === before) continue;
        const now = dir === 'up' ? before - c.value : before + c.value;
        report({
          range: c.range,
          message: msg(
            `Từ hạng ${before}, ${word.vi} ${c.value} bậc là hạng ${now}, không phải ${r.value}.`,
            `From rank ${before}, ${word.en} ${c.value} places is rank ${now}, not ${r.value}.`,
          ),
          related: [{ uri: doc.uri, range: earlierInSentence.range, message: msg(`hạng trước: ${earlierInSentence.raw}`, `earlier rank: "${earlierInSentence.raw}"`) }],
        });
        continue;
      }
      // From the history: only for a bound rank of a subject that is the same in every session.
      const ref = bound.get(r);
      const history = analysis.history;
      if (!ref?.indicator || !ref.ref.period || !history || ref.indicator.scope === 'national') continue;
      const own = ref.ref.period;
      const self = selfKey(analysis);
      let stored: HistoryEntry | undefined;
      const against = c.change.against ?? (c.change.sameTimeLastYear ? resolveSamePeriod('SPLY', own) : null);
      if (against) {
        if (!isPeriodCode(against)) continue;
        stored = latest(history.atPeriod(ref.indicator, against, self).filter((e) => e.kind === 'rank'));
      } else {
        // The edition before this one: the latest period that ends before the rank's own period.
        const end = periodEnd(own);
        const before = history.earlier(ref.indicator.id, self).filter((e) => e.kind === 'rank' && periodEnd(e.period) !== '' && periodEnd(e.period) < end);
        const last = before.length ? periodEnd(before[before.length - 1].period) : '';
        stored = latest(before.filter((e) => periodEnd(e.period) === last));
      }
      if (!stored) continue;
      const base = earlierValue(r.interval, c.interval, dir, 'rank');
      if (!base || overlaps(base, stored.interval)) continue;
      const d = describeEntry(stored);
      const period = describePeriod(stored.period, 'vi');
      const periodEn = describePeriod(stored.period, 'en');
      report({
        range: c.range,
        message: msg(
          `Hạng ${r.value}, ${word.vi} ${c.value} bậc nghĩa là ${period} xếp thứ ${implied}, nhưng đã báo cáo ${d.vi}; kiểm tra thứ hạng hoặc số bậc.`,
          `Rank ${r.value}, ${word.en} ${c.value} places means rank ${implied} for ${periodEn}, but what was reported is ${d.en}; check the rank or the places.`,
        ),
        related: [relatedOf(stored)],
        data: { indicator: ref.indicator.id, impliedEarlierRank: implied, earlier: stored.raw },
      });
    }
  },
};
