/**
 * The clause that says whose a carried rank is (family-carry.ts carriedFigures; docs/reading.md
 * §55.1). A place reached after a change is written as a clause of its own opening on "lên" or
 * "xuống" ("mạng cố định cũng tiến một bậc, lên vị trí 45/179"; "Việt Nam tăng 8 bậc, lên thứ
 * 43/138"): its subject stands in the clause of the change before it, so the words that may name
 * another thing are read from that clause's start. Pure.
 */
import type { SentenceReading } from './clauses';

/** A clause opening on the place reached: ", lên", ", xuống", ", vươn lên", ", tụt xuống". */
const REACHED = /^[\s,]*(?:(?:vươn|leo|tụt|lùi|rơi)\s+)?(?:lên|xuống)(?![\p{L}])/iu;

/** The start of the words before figure `i` that say whose it is: its clause's, or the change's before a "lên/xuống" clause. */
export function ownerClauseStart(text: string, reading: SentenceReading, i: number): number {
  const k = reading.clauseOf[i];
  const clause = reading.clauses[k];
  if (!clause) return 0;
  const prev = reading.clauses[k - 1];
  return prev && !prev.paren && !clause.paren && REACHED.test(text.slice(clause.start, clause.end)) ? prev.start : clause.start;
}
