/**
 * The period a piece lends the next pieces of its sentence (docs/reading.md §35.2): "Trong lần đầu
 * công bố [[…]], tỉnh xếp thứ 25 năm 2020; theo từng trụ cột, chính quyền số đứng thứ 24, …". The
 * sentence reader reads each piece between semicolons as a sentence (sentences.ts), and a piece
 * lends the next ones only a period written before its first figure (its lead, carry.ts); a year
 * written after the first figure dated that piece only, so the next piece's figures took the
 * paragraph's carry or the report's period.
 *
 * Now a piece with no lead whose figures with a period of their own all have one period (not a
 * comparison base, not a date of an event, not a target's) lends that period to the next pieces of
 * the same sentence that have no lead of their own; the lending ends with the sentence (at ".", "!",
 * "?"), and a piece with a lead (or one saying "now") between ends it too. Pure; bounded by the
 * sentence's pieces (each read once, memoized by part-reading.ts in the markup).
 */
import type { PeriodPhrase } from '../types';
import { carryOf, type Carry } from './carry';
import type { SentenceReading } from './clauses';
import type { PartReading } from './part-reading';
import { sentenceSpans } from './sentences';

/** A date ("Ngày 6/2/2025"): an event's, lending nothing. */
const DATE = /^(?:\d{4}|XXXX)-\d\d-\d\d$/;

/** The one period a piece's figures have (a piece with no lead: its phrases follow its first figure), else null. `base`: the piece's offset. */
function pieceYear(periods: PeriodPhrase[], reading: SentenceReading, base: number): Carry | null {
  let found: PeriodPhrase | null = null;
  for (const rd of reading.figures) {
    const p = rd.period >= 0 ? periods[rd.period] : undefined;
    if (!p || p.comparison || reading.lendsNothing[rd.period]) continue;
    if (DATE.test(p.code) || (found && found.code !== p.code)) return null;
    found ??= p;
  }
  return found ? { code: found.code, start: base + found.start, end: base + found.end } : null;
}

/** A piece of a sentence ending with ";", the piece before it in its sentence, and (once asked) what pieceLend gives from it. */
export interface Piece { readonly text: string; readonly base: number; readonly prev: Piece | null; lends?: Carry | null }

/**
 * The period the earlier pieces of a sentence (`last`, the nearest, then its `prev`s) lend the piece
 * after them: the nearest one's own (pieceYear), walking back over pieces with no period; null at a
 * piece with a lead or "now" (the paragraph's carry holds), or when none has one. Each piece's answer
 * is kept on it, so a sentence of N pieces is walked once in all, not once per piece.
 */
export function pieceLend(last: Piece | null, read: (text: string, isRow: boolean) => PartReading): Carry | null {
  const path: Piece[] = [];
  let answer: Carry | null = null;
  for (let p = last; p; p = p.prev) {
    if (p.lends !== undefined) {
      answer = p.lends;
      break;
    }
    path.push(p);
    const r = read(p.text, false);
    if (!r.reading || carryOf(p.text, r.figs, r.phrases, r.reading, p.base) !== undefined) break;
    const year = pieceYear(r.phrases, r.reading, p.base);
    if (year) {
      answer = year;
      break;
    }
  }
  for (const p of path) p.lends = answer;
  return answer;
}

/** The period the earlier pieces of its sentence lend the piece after `before` (a paragraph's text up to it), as the checker reads it (markup/dating.ts), else null. */
export function lentByPieces(before: string, read: (text: string, isRow: boolean) => PartReading): Carry | null {
  if (!/;\s*$/.test(before)) return null;
  const spans = sentenceSpans(before).filter(([s, e]) => /\S/.test(before.slice(s, e)));
  let k = spans.length;
  while (k > 0 && before.slice(spans[k - 1][0], spans[k - 1][1]).endsWith(';')) k--;
  let last: Piece | null = null;
  for (const [s, e] of spans.slice(k)) last = { text: before.slice(s, e), base: s, prev: last };
  return pieceLend(last, read);
}
