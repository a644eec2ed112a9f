/** Text utilities shared by the core: accent folding and offset ↔ position conversion. */
import type { Position, Range } from './types';
import { holdShapes } from './held-shapes';

/**
 * Folds a Vietnamese string for accent-insensitive matching: NFD, strip combining marks,
 * đ→d, lower case, collapse whitespace. "Tỷ lệ hồ sơ" → "ty le ho so".
 */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** Lower-cases and normalizes to NFC without removing accents, collapsing whitespace. */
export function normalizeName(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Maps offsets of a text to LSP positions and back. Built once per document version. */
export class LineIndex {
  private readonly starts: number[];
  constructor(private readonly text: string) {
    const starts = [0];
    // No CR (most texts): the LF line ends by indexOf, several times faster than a loop over the characters.
    if (text.indexOf('\r') < 0) {
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.starts = starts;
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }
  get lineCount(): number {
    return this.starts.length;
  }
  /** Offset of the start of `line` (clamped). */
  lineStart(line: number): number {
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    // An offset between the \r and the \n of a CRLF is not a position of any line (micromark gives
    // one for a block right after a CRLF front matter): it is the end of the line.
    if (this.insideCrlf(offset)) offset--;
    const line = lastAtMost(this.starts, offset);
    return { line, character: offset - this.starts[line] };
  }
  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    if (pos.line >= this.starts.length) return this.text.length;
    const start = this.starts[pos.line];
    const next = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    return Math.max(start, Math.min(start + pos.character, next));
  }
  range(start: number, end: number): Range {
    // A start between \r and \n belongs to the next line; an end there, to the line it ends.
    if (this.insideCrlf(start) && start < end) start++;
    return { start: this.positionAt(start), end: this.positionAt(Math.max(start, end)) };
  }
  private insideCrlf(offset: number): boolean {
    return offset > 0 && this.text.charCodeAt(offset - 1) === 13 && this.text.charCodeAt(offset) === 10;
  }
}

/**
 * Accent folding that keeps every offset: each UTF-16 unit becomes exactly one unit ("Trong đó" →
 * "trong do"), so a match in the folded text is a match at the same offsets in the original.
 */
export function foldSameLength(s: string): string {
  let out = '';
  for (const ch of s) {
    const f = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
    out += f.length === ch.length ? f : f.length > ch.length ? f.slice(0, ch.length) : f.padEnd(ch.length, ' ');
  }
  return out;
}

/**
 * The last index i in [lo, hi] with a[i] <= n, `a` ascending (binary search); lo when none is (the
 * callers' a[lo] is a first line or piece start, at most any n they ask about).
 */
export function lastAtMost(a: ArrayLike<number>, n: number, lo = 0, hi = a.length - 1): number {
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a[mid] <= n) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// Its objects' maps kept through the full collections between reports (held-shapes.ts).
holdShapes(LineIndex);
