/** Masked references in a sentence's reading (a run of five spaces or more stands for each). Pure. */
import { firstIndex, type SentenceReading } from './clauses';

/**
 * True if a masked reference (a run of five spaces or more) other than the reference at
 * [refStart, refEnd) starts in [from, to) (the reference's own run may start at the space before it).
 */
export function maskedIn(reading: SentenceReading, from: number, to: number, refStart = -1, refEnd = -1): boolean {
  // (a binary search: a sentence with thousands of references must not cost references × references)
  const masked = reading.masked;
  for (let k = firstIndex(masked.length, (t) => masked[t] >= from); k < masked.length && masked[k] < to; k++) if (!(masked[k] >= refStart - 1 && masked[k] < refEnd)) return true;
  return false;
}
