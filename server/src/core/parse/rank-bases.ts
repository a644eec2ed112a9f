/**
 * The earlier places a rank change is told from (docs/reading.md §6.5 (12)): after a bound rank and
 * its change, the place of the period the change compares with, a further figure of that period
 * (further.ts), so that it enters the history as the rank of then:
 * - a bare place in brackets after the comparison's period: "tăng 15 bậc so với năm 2022 (86)", also
 *   several: "tăng 16 bậc so với năm 2009 (70) và 19 bậc so với năm 2008 (73)";
 * - "so với hạng 86 của năm 2022" after a bound place written bare ("lên 56") or as "là 71/193";
 * - "từ": "tụt 8 bậc từ vị trí 94 năm 2010"; with no change written, right after the bound place and
 *   its period: "hạng 50 năm 2025, từ hạng 53 của năm 2023" (round 23);
 * - a clause "khi …" right after the comparison, its rank of the comparison's period: "tăng 10 bậc
 *   so với năm 2018, khi Việt Nam xếp thứ 77/140", also in brackets: "tăng 26 bậc so với năm 2021
 *   (khi đó xếp thứ 53/63)".
 * Only places: never a change, a score, a figure behind another reference, nor one of the bound
 * figure's own period. Pure; bounded (a few figures after the bound one).
 */
import type { Figure, PeriodPhrase } from '../types';
import type { SentenceReading } from './clauses';

/** A rank change's earlier place: its figure, the period it is of when its reading has another (the comparison's), and whether it is a bare place to read as a rank. */
export interface RankBase {
  at: number;
  period?: string;
  rank?: true;
}

const FROM = /(?<![\p{L}])từ\s*$/u;
/** Between a bound place and an earlier one with no change written: its period at most, then ", từ". */
const FROM_PLACE = /^\s*(?:(?:năm|quý|tháng)\s+[\p{L}\d/]{1,10}\s*)?,\s*từ\s*$/u;
/** A clause of the comparison's time after it: ", khi …", or in brackets, "(khi đó …)" (class bracketed-when, round 18). */
const WHEN = /^\s*[,(]?\s*(?:khi|lúc)(?:\s+đó)?\s+/u;
const isRank = (f: Figure, role: string): boolean => f.kind === 'rank' || role === 'rank';
/** A place written bare: a whole number, no unit, no change. */
const barePlace = (f: Figure): boolean => f.kind === 'number' && !f.unit && !f.change && f.decimals === 0 && f.value >= 1 && f.value <= 250;

/** The earlier places of the bound rank `idx`'s change (see the module comment), in order. */
export function rankBases(idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading, refEnd: number): RankBase[] {
  const own = reading.figures[idx];
  const bound = figures[idx];
  // A bound place: a rank, a bare place read as one ("lên 56"), or "là 71/193" of a ranking (rank-copula.ts).
  const placeChange = (j: number): boolean => !!figures[j] && (reading.figures[j].role === 'change' || !!figures[j].change || figures[j].unit === 'bậc') && /bậc|hạng/u.test(figures[j].raw);
  // (a bare place "lên 56" is one when a change of places follows it: "lên 56, tăng 10 bậc")
  // (or the change of places itself, bound with no place beside it: "tăng 22 bậc so với hạng 100 của năm 2014")
  const alone = own.role === 'change' && placeChange(idx);
  if (!alone && !isRank(bound, own.role) && !(bound.kind === 'fraction' && own.role === 'part') && !(barePlace(bound) && placeChange(idx + 1))) return [];
  const out: RankBase[] = [];
  let changed = alone;
  let from = Math.max(bound.end, refEnd);
  for (let j = idx + 1; j < figures.length && j <= idx + 6; j++) {
    const f = figures[j];
    const rd = reading.figures[j];
    if (f.start - from > 120 || reading.masked.some((m) => m >= from && m < f.start)) break;
    from = f.end;
    // A change of places ("tăng 16 bậc", "tụt 8 bậc", "và 19 bậc"), or another change joined to one
    // by "và" ("tăng 10 bậc và 3,5 điểm"): passed over.
    if (placeChange(j) || (changed && rd.role !== 'base' && /^\s*và\s*$/u.test(text.slice(figures[j - 1].end, f.start)))) {
      changed = true;
      continue;
    }
    // (the bound place's score right after it: "xếp thứ 102 với 4,28 điểm, tụt 8 bậc …")
    if (!changed && j === idx + 1 && f.unit === 'điểm' && /^\s*,?\s*(?:với|và)\s*$/u.test(text.slice(Math.max(bound.end, refEnd), f.start))) continue;
    const p = rd.period >= 0 ? periods[rd.period] : undefined;
    const otherPeriod = !!p && rd.own && rd.period !== own.period && p.code !== (own.period >= 0 ? periods[own.period].code : '');
    // No change written, the earlier place right after the bound one's period (round 23, held27): "hạng 50 năm 2025, từ hạng 53 của năm 2023".
    if (!changed && j === idx + 1 && isRank(bound, own.role) && isRank(f, rd.role) && otherPeriod && FROM_PLACE.test(text.slice(bound.end, f.start))) {
      out.push({ at: j });
      break;
    }
    if (!changed) break;
    if (rd.role === 'base' && otherPeriod && (f.kind === 'rank' || barePlace(f))) out.push(f.kind === 'rank' ? { at: j } : { at: j, rank: true });
    else if (isRank(f, rd.role) && otherPeriod && FROM.test(text.slice(Math.max(0, f.start - 12), f.start))) out.push({ at: j });
    else if (isRank(f, rd.role) && WHEN.test(text.slice(figures[j - 1].end, f.start).replace(/^[^,(]*/u, ''))) {
      // "…, tăng 10 bậc so với năm 2018, khi Việt Nam xếp thứ 77/140": the comparison's period.
      // (the subject told of again, no other: "khi Thái Lan đứng thứ 43" is another country's)
      const cmp = periods.filter((q) => q.comparison && q.start >= figures[j - 1].end && q.end <= f.start).pop();
      const opened = Math.max(text.lastIndexOf(',', f.start), text.lastIndexOf('(', f.start));
      const clause = text.slice(opened + 1, f.start);
      const others = [...clause.matchAll(/\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*/gu)].filter((m) => !text.slice(0, opened).includes(m[0]));
      if (cmp && !others.length) out.push({ at: j, period: cmp.code });
      break;
    } else break;
  }
  return out;
}
