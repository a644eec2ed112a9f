import { msg } from '../i18n';
import { defineRule } from './rule';
import { bindings, figuresOfSentence } from './figure-context';
import { describeEntry, EARLIER_MESSAGES, historySeries, latest, overlaps, periodPhrase, relatedOf } from './history-context';
import { earlierValue, rankBefore } from '../parse/arithmetic';
import { resolveSamePeriod } from '../parse/periods';
import { isPeriodCode } from '../parse/period-codes';
import { periodEnd } from '../history/history';
import type { HistoryEntry } from '../history/types';
import type { PlacedFigure } from '../parse/model';
import { atPeriodFor, earlierFor } from './memo';
import { rankByEntry } from '../catalog/rank-entry';

/**
 * "xếp thứ 51/63, tăng 8 bậc (năm 2020 xếp thứ 59/63)": up 8 places from 59 is 51. A change that
 * leads into another rank, or follows another subject named after a clause break, is not this
 * rank's ("thứ 11, Brazil tăng 33 bậc lên hạng 6"); an earlier rank implied below 1 is never a
 * finding. The earlier rank is the one stated in the sentence for another period; failing that, for a rank that is the same subject's in every
 * session (scope world, ASEAN…: not a ranking of provinces or ministries, where the history may
 * hold another unit's rank), the rank an earlier session (or figures.csv) stated for the base
 * period ("so với năm 2022"), else for the latest period before this one.
 */
export const rankChangeMismatch = defineRule({
  meta: {
    id: 'rank-change-mismatch',
    description: msg('Thứ hạng và số bậc tăng/giảm không khớp với thứ hạng trước.', 'A rank and its change in places disagree with the earlier rank.'),
    severity: 'warning',
    fixable: false,
    messages: {
      inSentence: msg('Từ hạng {before}, {direction} {places} bậc là hạng {now}, không phải {rank}.', 'From rank {before}, {direction} {places} places is rank {now}, not {rank}.'),
      earlierRank: msg('hạng trước: {raw}', 'earlier rank: "{raw}"'),
      fromHistory: msg(
        'Hạng {rank}, {direction} {places} bậc nghĩa là {period} xếp thứ {implied}, nhưng đã báo cáo {entry}; kiểm tra thứ hạng hoặc số bậc.',
        'Rank {rank}, {direction} {places} places means rank {implied} for {period}, but what was reported is {entry}; check the rank or the places.',
      ),
      up: msg('tăng', 'up'),
      down: msg('giảm', 'down'),
      ...EARLIER_MESSAGES,
    },
  },
  check(analysis, report) {
    const { doc } = analysis;
    // The reference that binds each figure (the first: figure-context.ts, shared by the rules per analysis).
    const bound = bindings(analysis);
    const offset = (f: PlacedFigure, end = false): number => doc.lines.offsetAt(end ? f.range.end : f.range.start);
    const between = (a: PlacedFigure, b: PlacedFigure): string => doc.text.slice(offset(a, true), offset(b));
    const isPlaces = (g: PlacedFigure): boolean => !!g.change && g.unit === 'bậc';
    // A rank, or a fraction a rank indicator binds ("[[Xếp hạng …]] của Việt Nam là 44/133, tăng 2
    // bậc": the reader, without the indicator, reads "44/133" as a part of a whole).
    // (a bare "là 58" of a rank entry too: catalog/rank-entry.ts)
    const isRank = (g: PlacedFigure): boolean => !g.change && (g.kind === 'rank' || (g.kind === 'fraction' && bound.get(g)?.indicator?.measure === 'rank') || (g.kind === 'number' && rankByEntry(g, bound.get(g)?.indicator)));
    const all = doc.figures;
    for (let ix = 0; ix < all.length; ix++) {
      const r = all[ix];
      // (most figures are neither: no lookup of their reference)
      if (r.kind !== 'rank' && r.kind !== 'fraction' && r.kind !== 'number') continue;
      if (!isRank(r)) continue;
      const same = figuresOfSentence(doc, r.sentence);
      const at = same.indexOf(r);
      // The change of this rank: one leading into it ("tăng 9 bậc lên thứ 11"), else the first after
      // it, before the next rank of the sentence, that neither leads into another rank ("…, Brazil
      // tăng 33 bậc lên hạng 6") nor stands behind another subject named after a clause break
      // ("thứ 11, Brazil tăng 33 bậc").
      let c: PlacedFigure | undefined = at > 0 && isPlaces(same[at - 1]) && leadsInto(between(same[at - 1], r) + r.raw) ? same[at - 1] : undefined;
      for (const g of c ? [] : same.slice(at + 1)) {
        if (isRank(g)) break;
        if (!isPlaces(g)) continue;
        const next = same[same.indexOf(g) + 1];
        if ((next && isRank(next) && leadsInto(between(g, next) + next.raw)) || namesAnotherSubject(doc.text.slice(offset(r, true), offset(g)))) break;
        c = g;
        break;
      }
      if (!c?.change) continue;
      const dir = c.change.direction;
      const direction = { id: dir === 'up' ? 'up' : 'down' };
      const implied = rankBefore(r.value, c.value, dir);
      // A rank above 1 never came from a fall, nor one below 1 from a rise: the change is another's.
      if (implied < 1) continue;
      // The earlier rank stated in the sentence: a rank of the same scale and of another period
      // ("(năm 2020 xếp thứ 59/63 tỉnh)"), not another subject's rank of the same period.
      // Looked for after the rank, then before it, up to a rank of the same period (another subject's).
      const ofAnotherPeriod = (g: PlacedFigure): boolean => !!g.period && !!r.period && g.period !== r.period;
      const earlierAmong = (list: PlacedFigure[]): PlacedFigure | undefined => {
        for (const g of list) {
          if (!isRank(g)) continue;
          if (!ofAnotherPeriod(g)) return undefined;
          if (g.denominator === r.denominator) return g;
        }
        return undefined;
      };
      const earlierInSentence = earlierAmong(same.slice(at + 1)) ?? earlierAmong(same.slice(0, at).reverse());
      if (earlierInSentence) {
        const before = earlierInSentence.value;
        if (implied === before) continue;
        const now = dir === 'up' ? before - c.value : before + c.value;
        if (now < 1) continue;
        report({
          range: c.range,
          message: { id: 'inSentence', params: { before: String(before), direction, places: String(c.value), now: String(now), rank: String(r.value) } },
          related: [{ uri: doc.uri, range: earlierInSentence.range, message: { id: 'earlierRank', params: { raw: earlierInSentence.raw } } }],
        });
        continue;
      }
      // From the history: only for a bound rank of a subject that is the same in every session, or
      // of a province the text names (historySeries: that province's earlier ranks).
      const ref = bound.get(r);
      const history = analysis.history;
      if (!ref?.indicator || !ref.ref.period || !history) continue;
      const series = historySeries(analysis, ref.indicator, r, ref.ref.sentence);
      if (!series) continue;
      const own = ref.ref.period;
      let stored: HistoryEntry | undefined;
      const against = c.change.against ?? (c.change.sameTimeLastYear ? resolveSamePeriod('SPLY', own) : null);
      if (against) {
        if (!isPeriodCode(against)) continue;
        stored = latest(atPeriodFor(analysis, history, series, against).filter((e) => e.kind === 'rank'));
      } else {
        // The edition before this one: the latest period of its kind (a year's before a year, a
        // month's before a month) that ends before the rank's own period; a year's rank up 14 places
        // says nothing of a month's rank of the year before.
        const end = periodEnd(own);
        const before = earlierFor(analysis, history, series.id).filter((e) => e.kind === 'rank' && periodEnd(e.period) !== '' && periodEnd(e.period) < end && periodShape(e.period) === periodShape(own));
        const last = before.length ? periodEnd(before[before.length - 1].period) : '';
        // (a rank "tăng 15 bậc so với kỳ trước" of 2024 says nothing of a 2008 edition the history
        // holds when it lacks the ones between: the edition before is at most two years older, an
        // index published every other year; round 35, neg30, reading.md §86)
        if (last && Number(end.slice(0, 4)) - Number(last.slice(0, 4)) > 2) continue;
        stored = latest(before.filter((e) => periodEnd(e.period) === last));
      }
      if (!stored) continue;
      // A fraction's numerator has a rounding band; a rank number has none.
      const base = earlierValue(r.kind === 'rank' ? r.interval : [r.value, r.value], c.interval, dir, 'rank');
      if (!base || overlaps(base, stored.interval)) continue;
      report({
        range: c.range,
        message: {
          id: 'fromHistory',
          params: { rank: String(r.value), direction, places: String(c.value), period: periodPhrase(stored.period), implied: String(implied), entry: describeEntry(stored) },
        },
        related: [relatedOf(stored)],
        data: { indicator: ref.indicator.id, impliedEarlierRank: implied, earlier: stored.raw },
      });
    }
  },
});

/**
 * The text from the end of a change in places through the next rank (its raw included) leads into
 * that rank: "tăng 9 bậc lên thứ 11", "giảm 3 bậc, xuống vị trí thứ 20".
 */
function leadsInto(text: string): boolean {
  return /^[\s,]*(?:lên|xuống|về)(?![\p{L}\p{N}])/iu.test(text);
}

/**
 * True if, after the last clause break of the text between a rank and a change, a subject of its own
 * is named: a capitalised word outside [[…]] ("thứ 11, Brazil tăng 33 bậc"). Prose capitalises no
 * other word inside a sentence; a reference may name the rank's own indicator and is left out.
 */
function namesAnotherSubject(gap: string): boolean {
  const breaks = [...gap.matchAll(/[,;:()–—]/gu)];
  if (!breaks.length) return false;
  const tail = gap.slice(breaks[breaks.length - 1].index + 1).replace(/\[\[[^\]]*\]\]/gu, ' ');
  return /(?:^|[^\p{L}\p{N}])\p{Lu}/u.test(tail);
}

/** A period code's shape, its digits blanked ("2024" and "2023" alike, "2023-09" another kind). */
function periodShape(code: string): string {
  return code.replace(/\d/g, '9');
}
