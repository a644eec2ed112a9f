/**
 * A rate's people counted right before its name, then their share of the population (issue 13,
 * round 31, internet31; docs/reading.md §61): "… có khoảng 68,17 triệu [[Tỷ lệ người sử dụng
 * Internet]], chiếm 70,3% dân số", "… 31 triệu …, tương đương 35,40% dân số", "…, bằng 35,4% dân số".
 * A count is never a rate's value: when the name says a rate ("tỷ lệ", "tỷ trọng" as written) and
 * the figure right before it is a count, the percent after ", chiếm", ", tương đương (với)",
 * ", tương ứng", ", bằng" (a hedge after) with "dân số" right after it is the rate's figure (clauses.ts
 * bindInSentence; the markup detector binds as the checker does: markup/bind.ts bindSpan). Another
 * whole ("dân số trưởng thành", "kế hoạch", "tổng mức bán lẻ") or no rate name: the count binds as
 * before. Pure.
 */
import type { Figure } from '../types';

/** A name as written that says a rate: "Tỷ lệ …", "tỷ trọng …". */
const RATE_NAME = /^\s*t[ỷỉ]\s+(?:lệ|trọng)\s/iu;
/** Between the name and the percent: ", chiếm ", ", tương đương (với) ", ", bằng ", a hedge after. */
const LINK = /^\s*,\s*(?:(?:đã|ước|hiện|cũng)\s+)?(?:chiếm|bằng|tương đương|tương ứng)(?:\s+với)?(?:\s+(?:khoảng|gần|hơn|trên|xấp xỉ))?\s+$/u;
/** The whole: the population, not a part of it ("dân số trưởng thành", "dân số thành thị"). */
const POPULATION = /^\s+(?:tổng\s+)?dân\s+số(?!\s+(?:trưởng|thành|nông|từ|trong|độ|nữ|nam|đô|khu|vùng)(?![\p{L}]))(?![\p{L}\p{N}])/u;

/** Whether `name` (the reference's words as written) says a rate. */
export function ratedName(name: string | undefined): boolean {
  return !!name && RATE_NAME.test(name.normalize('NFC'));
}

/**
 * The index of the percent a rate's name at [start, end) binds when the count `b` right before it
 * counts its people and the percent `a` (the first figure after it) is their share of the
 * population; else -1. `text` the sentence with names masked.
 */
export function populationShare(text: string, start: number, end: number, figures: Figure[], b: number, a: number): number {
  if (b < 0 || a >= figures.length || end - start > 200) return -1;
  const count = figures[b];
  const pct = figures[a];
  if (count.kind !== 'number' || count.change || count.unitClass === 'currency' || count.unitClass === 'percent' || !/^\s*$/.test(text.slice(count.end, start))) return -1;
  if (pct.kind !== 'percent' || pct.change || pct.start - end > 40) return -1;
  const gap = text.slice(end, pct.start).toLowerCase().normalize('NFC');
  return LINK.test(gap) && POPULATION.test(text.slice(pct.end, pct.end + 40).toLowerCase().normalize('NFC')) ? a : -1;
}
