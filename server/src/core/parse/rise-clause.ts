/**
 * The clause that says whose a carried rank is (family-carry.ts carriedFigures; docs/reading.md
 * §55.1). A place reached after a change is written as a clause of its own opening on "lên" or
 * "xuống" ("mạng cố định cũng tiến một bậc, lên vị trí 45/179"; "Việt Nam tăng 8 bậc, lên thứ
 * 43/138"): its subject stands in the clause of the change before it, so that clause is read for
 * words naming another thing too (the words of the anchor's name aside: "tốc độ này tụt hai bậc,
 * xuống thứ 50" is the anchor's). Pure.
 */
import type { SentenceReading } from './clauses';

/** A clause opening on the place reached: ", lên", ", xuống", ", vươn lên", ", tụt xuống". */
const REACHED = /^[\s,]*(?:(?:vươn|leo|tụt|lùi|rơi)\s+)?(?:lên|xuống)(?![\p{L}])/iu;

/** The change's own words: its verb and its steps written out ("tụt hai bậc", "tiến thêm một hạng"). */
const CHANGE_WORDS = new Set('tăng giảm tụt lùi tiến nhích vươn leo rơi thêm bậc hạng nấc một hai ba bốn năm sáu bảy tám chín mười'.split(' '));

/**
 * Whether figure `i`'s clause opens on "lên/xuống" after a change whose clause names another thing
 * (`otherThing`, family-carry.ts; `nameWords`: the anchor's name's words, allowed there).
 */
export function changeOfOther(text: string, reading: SentenceReading, i: number, otherThing: (before: string, ...also: Array<Set<string>>) => boolean, nameWords: Set<string> | undefined): boolean {
  const k = reading.clauseOf[i];
  const clause = reading.clauses[k];
  const prev = reading.clauses[k - 1];
  if (!clause || !prev || prev.paren || clause.paren || !REACHED.test(text.slice(clause.start, clause.end))) return false;
  return otherThing(text.slice(prev.start, prev.end), CHANGE_WORDS, ...(nameWords ? [nameWords] : []));
}
