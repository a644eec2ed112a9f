/**
 * The figure scanner's cursor: character classes, the normalized text with its period phrases
 * masked, and the moves over it (numerals, words before and after a position); the value helpers
 * (exact scaling, the interval a qualifier gives). figure-context.ts and figures.ts build on it.
 */
import type { Qualifier, UnitClass } from '../types';
import { parseVietnameseNumber, prepareScan, type ParsedNumber, type ScanText } from './numbers';
import { scanPeriods, type ScannedPeriod } from './periods';
import { holdShapes } from '../held-shapes';

const LETTER_RX = /[\p{L}\p{M}]/u;
export const isDigitCode = (c: number): boolean => c >= 48 && c <= 57;
export function isDigit(s: string, i: number): boolean {
  return i >= 0 && i < s.length && isDigitCode(s.charCodeAt(i));
}
export function isLetter(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  return LETTER_RX.test(s[i]);
}
export function isSpace(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 160 || c === 0x202f || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}
export const isAlnum = (s: string, i: number): boolean => isLetter(s, i) || isDigit(s, i);
/** Characters that glue a numeral to the token before it ("QĐ-5", "I/2022"). */
export const GLUE = new Set(['/', '-', '–', '_', '.', '#', '@', '&', '\\', '+']);
/** Characters that end a skipped token. */
export const TOKEN_END = new Set([',', ';', '(', ')', '[', ']', '{', '}', '"', '“', '”', '‘', '’', '«', '»', '|']);

export interface Word {
  w: string;
  start: number;
  end: number;
  cap: boolean;
  allCaps: boolean;
}

/**
 * A word read before or after a numeral: `allCaps` worked out when first read (a slice and two case
 * conversions; few words are asked: a label's first word, a unit's), not for every word read.
 */
class ScannedWord implements Word {
  private caps: boolean | undefined;
  constructor(
    private readonly o: string,
    readonly w: string,
    readonly start: number,
    readonly end: number,
    readonly cap: boolean,
  ) {}
  get allCaps(): boolean {
    if (this.caps === undefined) {
      const orig = this.o.slice(this.start, this.end);
      this.caps = this.end - this.start >= 2 && orig === orig.toUpperCase() && orig !== orig.toLowerCase();
    }
    return this.caps;
  }
}

export interface Numeral {
  start: number;
  end: number;
  parsed: ParsedNumber;
  plain: boolean;
}

export interface UnitRead {
  unit: string | null;
  cls: UnitClass;
  end: number;
}

export const MAX_WORD = 16;

/**
 * A mask with nothing masked, for a text with no period phrase: one zeroed array shared (never
 * written; longer than the text, it reads the same), not a typed array per cell and sentence.
 */
let zeros = new Uint8Array(256);
function noneMasked(n: number): Uint8Array {
  if (n > 1 << 16) return new Uint8Array(n);
  if (n > zeros.length) zeros = new Uint8Array(Math.max(n, 2 * zeros.length));
  return zeros;
}

const NO_PERIODS: ReadonlyMap<number, ScannedPeriod> = new Map();

/** The text a figure scanner reads, and the moves over it. */
export class ScanCursor {
  protected readonly P: ScanText;
  protected readonly s: string;
  protected readonly o: string;
  protected readonly mask: Uint8Array;
  protected readonly periodStart: ReadonlyMap<number, ScannedPeriod>;
  protected readonly periodEnd: ReadonlyMap<number, ScannedPeriod>;

  constructor(text: string) {
    this.P = prepareScan(text);
    this.s = this.P.s;
    this.o = this.P.o;
    const periods = scanPeriods(this.P);
    this.mask = periods.length ? new Uint8Array(this.s.length) : noneMasked(this.s.length);
    // (most cells and many sentences hold no period phrase: one empty map shared, never written)
    if (!periods.length) {
      this.periodStart = this.periodEnd = NO_PERIODS;
      return;
    }
    const periodStart = (this.periodStart = new Map<number, ScannedPeriod>());
    const periodEnd = (this.periodEnd = new Map<number, ScannedPeriod>());
    for (const p of periods) {
      this.mask.fill(1, p.start, p.end);
      periodStart.set(p.start, p);
      periodEnd.set(p.end, p);
    }
  }

  /** End of a token to skip: up to whitespace or bracketing punctuation. */
  protected tokenEnd(i: number): number {
    const s = this.s;
    while (i < s.length && !isSpace(s, i) && !TOKEN_END.has(s[i])) i++;
    return i;
  }

  /** End of a digit run with separators ("1-1-2023", "5-7", "10:30"). */
  protected chainEnd(i: number): number {
    const s = this.s;
    while (i < s.length && (isDigit(s, i) || ('/-–.,:'.includes(s[i]) && isDigit(s, i + 1)))) i++;
    return isLetter(s, i) ? this.tokenEnd(i) : i;
  }

  protected numeralAt(i: number): Numeral | null {
    const s = this.s;
    let j = i;
    let plain = true;
    while (isDigit(s, j)) j++;
    while ((s[j] === '.' || s[j] === ',') && isDigit(s, j + 1)) {
      plain = false;
      j++;
      while (isDigit(s, j)) j++;
    }
    const parsed = parseVietnameseNumber(s.slice(i, j));
    return parsed ? { start: i, end: j, parsed, plain } : null;
  }

  protected numeralEnd(i: number): number {
    const s = this.s;
    let j = i;
    while (isDigit(s, j)) j++;
    while ((s[j] === '.' || s[j] === ',') && isDigit(s, j + 1)) {
      j++;
      while (isDigit(s, j)) j++;
    }
    return j;
  }

  protected skipSpaces(i: number, max = 3): number {
    let k = 0;
    while (k < max && isSpace(this.s, i)) {
      i++;
      k++;
    }
    return i;
  }

  /** `word` at `i` (lower case), followed by a non-letter/digit. */
  protected wordAt(i: number, word: string): boolean {
    return this.s.startsWith(word, i) && !isAlnum(this.s, i + word.length) && !this.mask[i];
  }

  protected wordsBefore(pos: number, max: number): Word[] {
    const s = this.s;
    const out: Word[] = [];
    let i = pos;
    while (out.length < max) {
      let j = i;
      let sp = 0;
      while (sp < 4 && isSpace(s, j - 1)) {
        j--;
        sp++;
      }
      if (sp === 0) break;
      let k = j;
      while (k > 0 && isLetter(s, k - 1) && j - k < MAX_WORD) k--;
      if (k === j || isLetter(s, k - 1) || this.mask[k]) break;
      out.push(this.word(k, j));
      i = k;
    }
    return out;
  }

  /** Words after `pos`, separated by single spaces (or ", " when `commas`). */
  protected wordsAfter(pos: number, max: number): Word[] {
    const s = this.s;
    const out: Word[] = [];
    let i = pos;
    while (out.length < max) {
      let k = i;
      if (out.length > 0) {
        if (!isSpace(s, k)) break;
        k++;
      }
      if (this.mask[k]) break;
      let j = k;
      while (isLetter(s, j) && j - k < MAX_WORD) j++;
      if (j === k || isLetter(s, j) || isDigit(s, j)) break;
      out.push(this.word(k, j));
      i = j;
    }
    return out;
  }

  protected word(k: number, j: number): Word {
    return new ScannedWord(this.o, this.s.slice(k, j), k, j, this.o[k] !== this.s[k]);
  }

  protected static matchBack(words: Word[], idx: number, phrase: string[]): boolean {
    const n = phrase.length;
    if (idx + n > words.length) return false;
    for (let t = 0; t < n; t++) if (words[idx + t].w !== phrase[n - 1 - t]) return false;
    return true;
  }
}

/** mantissa × multiplier, exactly from the decimal string ("16,4 triệu" → 16400000). */
export function scaled(p: ParsedNumber, mult: number): number {
  if (mult === 1) return p.value;
  const v = Number(`${p.normalized}e${Math.round(Math.log10(mult))}`);
  return Number.isFinite(v) ? v : p.value * mult;
}

/**
 * The power of ten a whole numeral ending in two zeros or more is rounded at (history.md §4): its
 * last non-zero digit, never coarser than its second significant digit ("58.000" → 3, "67.300" → 2,
 * "200.000" → 4, "1.000.000" → 5); 0 for a numeral under 1.000, with decimals, or ending in a
 * non-zero digit or in one zero ("3.678", "40.590": one count in ten ends so), which is as written.
 */
export function roundedAt(p: ParsedNumber): number {
  if (p.decimals !== 0 || !(p.value >= 1000)) return 0;
  const d = p.normalized;
  let z = 0;
  while (z < d.length && d.charCodeAt(d.length - 1 - z) === 48) z++;
  return z < 2 ? 0 : Math.min(z, d.length - 2);
}

export function intervalOf(v: number, h: number, q: Qualifier | null): [number, number] {
  const a = Math.abs(v);
  switch (q) {
    case 'trên':
    case 'hơn':
    case 'tối thiểu':
      return [v, Infinity];
    case 'dưới':
    case 'tối đa':
      return [v >= 0 ? 0 : -Infinity, v];
    case 'gần':
      return [v - Math.max(0.1 * a, h), v];
    case 'tiến sát':
      return [v - Math.max(0.05 * a, h), v];
    case 'khoảng':
    case 'ước':
    case 'ước đạt':
    case 'ước tính': {
      const w = Math.max(0.05 * a, h);
      return [v - w, v + w];
    }
    default:
      return [v - h, v + h];
  }
}

// Its objects' maps kept through the full collections between reports (held-shapes.ts).
holdShapes(ScannedWord, ScanCursor);
