/**
 * Keys of written names: the spelling-blind key for exact matches, the folded key for suggestions,
 * "name @ compiler" split, and a name taken apart into its prefix class and core (variants).
 */
import { fold } from '../text';
import type { Indicator } from './types';
import { work } from '../work';

/** Vietnamese tone marks (as combining characters after NFD); vowel-quality marks are kept. */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
/** A syllable of consonants and a final y ("tỷ", "kỹ", "lý"), spelt with i as well ("tỉ"). */
const CONSONANTS_Y = /^[bcdđghklmnpqrstvx]+y$/;

/**
 * Key for exact matching: NFC-equivalent, case-insensitive, whitespace-collapsed, and blind to the
 * two spelling conventions of Vietnamese that are not errors: tone placement ("hóa"/"hoá",
 * "thủy"/"thuỷ") and i/y after a consonant ("tỷ lệ"/"tỉ lệ").
 */
export function spellingKey(s: string): string {
  work.steps += s.length;
  return s
    .normalize('NFD')
    .toLowerCase()
    .replace(/[\p{L}\p{M}]+/gu, (word) => {
      const tones = word.match(TONE_MARKS);
      let base = word.replace(TONE_MARKS, '');
      if (CONSONANTS_Y.test(base)) base = base.slice(0, -1) + 'i';
      return tones ? base + tones.join('') : base;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

/** Key for accent-insensitive matching: spellingKey, then all marks stripped and đ → d. */
export function foldKey(s: string): string {
  return fold(spellingKey(s));
}

/** Splits "tỷ trọng kinh tế số trong GDP @ TCTK" into the name and the compiler code. */
export function splitCompiler(written: string): { name: string; compiler?: string } {
  const at = written.lastIndexOf('@');
  if (at < 0) return { name: written.trim() };
  const name = written.slice(0, at).trim();
  const compiler = written.slice(at + 1).trim();
  return compiler ? { name, compiler } : { name };
}

export function tokenize(folded: string): string[] {
  return folded.split(/[^a-z0-9%]+/).filter(Boolean);
}

export function compilerKey(s: string): string {
  return foldKey(s).replace(/[^a-z0-9]+/g, '');
}

/**
 * Words writers put into a name without changing what it names: the plural markers "các",
 * "những" and the aspect marker "đã" ("cuộc tấn công mạng gây sự cố vào các hệ thống thông tin",
 * "hệ thống thông tin đã được phê duyệt cấp độ an toàn"). Told by their accents ("đã", not the
 * "đa" of "đa dịch vụ").
 */
export const NEUTRAL_WORDS = new Set(['các', 'những', 'đã']);
const NEUTRAL = /(?<![\p{L}\p{M}\p{N}])(?:các|những|đã)(?![\p{L}\p{M}\p{N}])/gu;

/** foldKey of a name without its neutral words (NEUTRAL_WORDS); null when it has none. */
export function neutralKey(s: string): string | null {
  const nfc = s.normalize('NFC').toLowerCase();
  const stripped = nfc.replace(NEUTRAL, ' ');
  return stripped === nfc ? null : foldKey(stripped);
}

/** What a leading prefix says a name measures. */
export type NameClass = 'none' | 'rank' | 'score' | 'index' | 'share';

/** Tails that add nothing to a national series' name (folded, as token lists). */
const TAILS = [
  'cua viet nam', 'cua nuoc ta', 'cua ca nuoc', 'tren ca nuoc', 'trong ca nuoc', 'tren pham vi ca nuoc',
  'tren pham vi toan quoc', 'tren toan quoc', 'trong toan quoc', 'tren dia ban ca nuoc', 'toan quoc', 'ca nuoc',
  'o viet nam', 'tai viet nam',
].map((t) => t.split(' '));
const TAIL_AT_END = new RegExp(`[\\s,]+(?:${TAILS.map((t) => t.join(' ')).join('|')})\\s*$`);

const PREFIXES: Array<[string[], NameClass]> = [
  [['xep', 'hang'], 'rank'],
  [['thu', 'hang'], 'rank'],
  [['diem'], 'score'],
  [['chi', 'so'], 'index'],
  [['ti', 'le'], 'share'],
];

function startsWith(tokens: string[], prefix: string[], at = 0): boolean {
  if (at < 0) return false;
  return prefix.every((t, i) => tokens[at + i] === t);
}

/**
 * A folded name taken apart: `stripped` without its trailing gloss in parentheses and tails
 * (folded form, punctuation kept), `gloss` the text in parentheses, `cls` what its prefix says and
 * `core` the words after the prefix (tokens joined by spaces; "của Việt Nam" dropped anywhere).
 */
export function variantOf(folded: string): { stripped: string; gloss?: string; cls: NameClass; core: string } {
  work.steps += folded.length;
  let s = folded;
  let gloss: string | undefined;
  // A gloss and tails, in any order at the end: "… (EGDI) của Việt Nam", "… của Việt Nam (EGDI)".
  for (let changed = true; changed; ) {
    changed = false;
    const paren = /\s*\(([^()]{1,60})\)$/.exec(s);
    if (paren) {
      gloss ??= paren[1].trim();
      s = s.slice(0, paren.index);
      changed = true;
    }
    const tail = TAIL_AT_END.exec(s);
    if (tail && tail.index > 0) {
      s = s.slice(0, tail.index);
      changed = true;
    }
  }
  const stripped = s.trim();
  let tokens = tokenize(stripped);
  for (let i = 0; i + 3 <= tokens.length; i++) {
    if (startsWith(tokens, TAILS[0], i) && i > 0) tokens = [...tokens.slice(0, i), ...tokens.slice(i + 3)];
  }
  let cls: NameClass = 'none';
  for (const [prefix, c] of PREFIXES) {
    if (startsWith(tokens, prefix)) {
      cls = c;
      tokens = tokens.slice(prefix.length);
      // "Xếp hạng Chỉ số X", "Điểm Chỉ số X": the index's name after the prefix
      if ((c === 'rank' || c === 'score') && startsWith(tokens, ['chi', 'so'])) tokens = tokens.slice(2);
      break;
    }
  }
  return { stripped, gloss, cls, core: tokens.length ? tokens.join(' ') : '' };
}

/** Whether an indicator's measure fits what a name's prefix says. */
export function measureFits(cls: NameClass, ind: Indicator): boolean {
  switch (cls) {
    case 'rank':
      return ind.measure === 'rank';
    case 'score':
    case 'index':
      return ind.measure === 'index';
    case 'share':
      return ind.unitClass === 'percent' || ind.measure === 'fraction';
    default:
      return true;
  }
}
