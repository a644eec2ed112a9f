/**
 * The earlier place a change of places is told from, in a sentence that names no index, told on
 * after a sentence (or a heading) that does (docs/reading.md §42): "Năm 2024, Việt Nam xếp thứ 44/133
 * về [[GII]]. Việt Nam tăng 2 bậc so với vị trí 46 của năm 2023." The carry (family-carry.ts
 * carryOn, heading-carry.ts readParagraph) takes a rank of a period of its own and, beside a carried
 * rank, its earlier places (rank-bases.ts); a sentence telling only the change had none read. Here:
 * - after the change ("tăng 2 bậc so với vị trí 46 của năm 2023", "tụt 8 bậc từ vị trí 94 năm
 *   2010"): the change of places as rank-bases.ts reads it bound alone;
 * - fronted, "So với" opening the sentence, right before the place and its own period, a change of
 *   places after it ("So với vị trí 59 của năm 2016, Việt Nam đã cải thiện 15 bậc");
 * - fronted, "So với năm Y, khi <the subject> … <place>," then a change of places ("So với năm 2023,
 *   khi Việt Nam ở vị trí 46, thứ hạng tăng 2 bậc"): the place of the comparison's period, no
 *   capitalised name in the clause but the subject's ("khi Thái Lan đứng thứ 43": another's).
 * Only when the sentence carries (carriedFigures gave no end: no other subject, index or part), never
 * after a plan's or a target's words. Pure; bounded (a sentence's figures).
 */
import type { Figure, PeriodPhrase } from '../types';
import type { SentenceReading } from './clauses';
import { rankBases, type RankBase } from './rank-bases';
import { PLANNED } from './subject-words';

/** A change of places: "tăng 2 bậc", "cải thiện 15 bậc", "bước tiến 15 bậc". */
const placesChanged = (f: Figure): boolean => f.unit === 'bậc' && /bậc/u.test(f.raw);
/** "So với " opening the sentence right before a place with its own period. */
const FRONTED = /^\s*So với\s*$/iu;
/** "So với năm 2023, khi Việt Nam ở " before a place: the comparison's period, then a clause of its time. */
const FRONTED_WHEN = /^\s*So với\s+(?:năm|kỳ)\s+\d{4}\s*,\s*(?:khi|lúc)(?:\s+đó)?\s+(?:[\p{L}\p{M}]+\s+){1,6}$/iu;

/** A part of the index, or what else is ranked ("về số người dùng"): the places are not the index's. */
const PART_OR_OTHER = /(?<![\p{L}])(?:trụ cột|tiêu chí|chỉ số (?:chính|thành phần|con)|nhóm|lĩnh vực|đầu vào|đầu ra|về)(?![\p{L}])/iu;
/** Words of a comparison of places besides the carry's (family-carry.ts otherThing): "so với …, khi …", "cải thiện", "bước tiến". */
const COMPARING = new Set('so khi lúc cải thiện thăng tụt nhích bước tiến nguyên trên thế giới toàn cầu'.split(' '));

/** True if the words before a figure name another thing than the subject told of (family-carry.ts otherThing, passed in: no cycle). */
export type OtherThing = (before: string, ...also: Array<Set<string>>) => boolean;

/** The earlier places told in a carried sentence with no reference (see the module comment), in order. */
export function toldBases(text: string, figures: Figure[], reading: SentenceReading, periods: PeriodPhrase[], other: OtherThing, carriedAt: readonly number[] = []): RankBase[] {
  const change = figures.findIndex(placesChanged);
  if (change < 0 || figures.length > 8 || PLANNED.test(text) || PART_OR_OTHER.test(text) || other(text.slice(0, figures[change].start), COMPARING)) return [];
  const out: RankBase[] = [];
  // (the place opens the sentence: its first figure, before the change)
  const f = figures[0];
  const rd = reading.figures[0];
  const before = text.slice(0, f.start);
  if (change > 0 && f.kind === 'rank' && rd) {
    if (FRONTED.test(before) && rd.role === 'base' && rd.own && rd.period >= 0) out.push({ at: 0 });
    else if (FRONTED_WHEN.test(before) && rd.period < 0) {
      const cmp = periods.find((p) => p.comparison && p.end <= f.start);
      const names = before.replace(/^\s*So với/iu, '').match(/\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*/gu) ?? [];
      if (cmp && names.every((n) => n === 'Việt Nam')) out.push({ at: 0, period: cmp.code });
    }
  }
  // (a bare place, "(86)", would need its role set on the placed figure: not read here)
  // A place before the change that the carry takes (`carriedAt`; not the fronted one read above) has
  // its earlier places read there (family-carry.ts: rank-bases.ts beside a carried place, in order).
  const placeCarried = carriedAt.some((at) => at < change && figures[at].kind === 'rank' && !(out.length && at === 0));
  if (!placeCarried && reading.figures[change]?.role === 'change') out.push(...rankBases(change, text, figures, periods, reading, -1).filter((b) => !b.rank));
  return out;
}

/**
 * The carry's part (family-carry.ts carryOn): each earlier place told, placed (`figureAt`) and added
 * to the anchor's further figures (`add`, which refuses a figure or a period's place told already),
 * of its own period or the comparison's. Before the carried figures: a place after "khi" is the
 * comparison's, not the paragraph's lead's.
 */
export function addToldBases<G extends { period?: string | null }>(
  text: string,
  figures: Figure[],
  reading: SentenceReading,
  periods: PeriodPhrase[],
  figureAt: (i: number) => G,
  add: (g: G, period: string | null | undefined) => boolean,
  other: OtherThing,
  carriedAt: readonly number[],
): void {
  for (const b of toldBases(text, figures, reading, periods, other, carriedAt)) add(figureAt(b.at), b.period ?? figureAt(b.at).period);
}
