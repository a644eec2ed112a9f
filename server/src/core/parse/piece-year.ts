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

/**
 * The period the earlier pieces of a sentence (`pieces`, in order, each ending with ";") lend the
 * piece after them: the nearest one's own (pieceYear), walking back over pieces with no period;
 * null at a piece with a lead or "now" (the paragraph's carry holds), or when none has one.
 */
export function pieceLend(pieces: ReadonlyArray<{ text: string; base: number }>, read: (text: string, isRow: boolean) => PartReading): Carry | null {
  for (let i = pieces.length - 1; i >= 0; i--) {
    const { text, base } = pieces[i];
    const r = read(text, false);
    if (!r.reading || carryOf(text, r.figs, r.phrases, r.reading, base) !== undefined) return null;
    const year = pieceYear(r.phrases, r.reading, base);
    if (year) return year;
  }
  return null;
}

/** The period the earlier pieces of its sentence lend the piece after `before` (a paragraph's text up to it), as the checker reads it (markup/dating.ts), else null. */
export function lentByPieces(before: string, read: (text: string, isRow: boolean) => PartReading): Carry | null {
  if (!/;\s*$/.test(before)) return null;
  const spans = sentenceSpans(before).filter(([s, e]) => /\S/.test(before.slice(s, e)));
  let k = spans.length;
  while (k > 0 && before.slice(spans[k - 1][0], spans[k - 1][1]).endsWith(';')) k--;
  return pieceLend(spans.slice(k).map(([s, e]) => ({ text: before.slice(s, e), base: s })), read);
}
