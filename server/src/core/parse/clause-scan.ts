/**
 * The clause reader's scans of a sentence's UTF-16 units (clauses.ts readSentence): a unit's
 * word-ness, the units covered by figures and period phrases, the clause of each figure and phrase,
 * the runs of spaces a masked reference leaves, its flags (typed arrays); the binary search the
 * readers share (`firstIndex`).
 */
import { work } from '../work';

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * UTF-16 unit `k` is a letter or a digit (`/[\p{L}\p{N}]/u`): ASCII, Latin-1's and Latin
 * Extended-A/B's letters and Latin Extended Additional (Vietnamese's) without the regex.
 */
export function isWordCode(k: number): boolean {
  if (k < 128) return (k >= 97 && k <= 122) || (k >= 65 && k <= 90) || (k >= 48 && k <= 57);
  if ((k >= 0xc0 && k <= 0x24f && k !== 0xd7 && k !== 0xf7) || (k >= 0x1e00 && k <= 0x1eff)) return true;
  return WORD_CHAR.test(String.fromCharCode(k));
}

/** `/\s/` of one UTF-16 unit, without making it a string: ECMAScript's white space and line terminators. */
export function isWhiteCode(k: number): boolean {
  if (k < 128) return k === 0x20 || (k >= 0x09 && k <= 0x0d);
  return k === 0xa0 || k === 0x1680 || (k >= 0x2000 && k <= 0x200a) || k === 0x2028 || k === 0x2029 || k === 0x202f || k === 0x205f || k === 0x3000 || k === 0xfeff;
}

export const isWordChar = (c: string | undefined): boolean => c !== undefined && isWordCode(c.charCodeAt(0));

/** readSentence's `covered`, zeroed for `n` units: one array reused up to COVERED_SHARED units (readSentence is not re-entered). */
let coveredScratch = new Uint8Array(256);
const COVERED_SHARED = 1 << 16;
export function coveredFor(n: number): Uint8Array {
  if (n > COVERED_SHARED) return new Uint8Array(n);
  if (n > coveredScratch.length) coveredScratch = new Uint8Array(Math.min(COVERED_SHARED, Math.max(n, 2 * coveredScratch.length)));
  return coveredScratch.fill(0, 0, n);
}

/** The least i in [0, n) with pred(i) true, pred being monotone (false… then true…); n if none. */
export function firstIndex(n: number, pred: (i: number) => boolean): number {
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    work.steps++;
    const mid = (lo + hi) >> 1;
    if (pred(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * 1 where `pred` holds of an item of `xs`, else 0: readSentence's flags (a typed array has one map
 * whatever its length, where an empty array's elements kind is not a full one's: no wrong-map deopt).
 */
export function flags<T>(xs: readonly T[], pred: (x: T, i: number) => boolean): Uint8Array {
  const out = new Uint8Array(xs.length);
  for (let i = 0; i < xs.length; i++) if (pred(xs[i], i)) out[i] = 1;
  return out;
}

/**
 * `xs.map(f)` for objects, in one elements kind whatever the length: `map` gives an empty array
 * another map than a full one (wrong-map deopts of readSentence on a sentence with no figure); an
 * array begun with one element and emptied keeps the full one's kind.
 */
export function objectsOf<T, U extends object>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [undefined as unknown as U];
  out.length = 0;
  for (let i = 0; i < xs.length; i++) out.push(f(xs[i], i));
  return out;
}

/**
 * The clause each of `xs` starts in (the last clause starting at or before it, at least 0), by one
 * walk over the clauses (starts increasing) for a list in text order.
 */
export function clauseIndex(clauses: ReadonlyArray<{ start: number }>, xs: ReadonlyArray<{ start: number }>): number[] {
  const out: number[] = [];
  for (let i = 0, c = 0; i < xs.length; i++) {
    const at = xs[i].start;
    if (i > 0 && at < xs[i - 1].start) c = 0; // out of order: from the first clause again
    while (c < clauses.length && clauses[c].start <= at) {
      work.steps++;
      c++;
    }
    out.push(Math.max(0, c - 1));
  }
  return out;
}

const FIVE_SPACES = '     ';

/**
 * The starts of the runs of five spaces or more after a non-space (a run from the text's start is
 * not one): found by indexOf, each run's units read once.
 */
export function maskedRuns(text: string): number[] {
  const masked: number[] = [];
  for (let at = text.indexOf(FIVE_SPACES, 1); at >= 0; ) {
    let start = at;
    while (start > 0 && text.charCodeAt(start - 1) === 32) start--;
    let end = at + FIVE_SPACES.length;
    while (end < text.length && text.charCodeAt(end) === 32) end++;
    work.steps += end - start;
    if (start > 0) masked.push(start);
    at = text.indexOf(FIVE_SPACES, end);
  }
  return masked;
}
