/**
 * Vietnamese numerals, and the text preparation shared by the figure and period readers.
 *
 * Vietnamese official text writes numbers with a dot grouping thousands and a comma as the decimal
 * sign: "40.590" is 40590, "8,47" is 8.47, "1.497.360" is 1497360, "1.234,5" is 1234.5.
 * {@link parseVietnameseNumber} reads one numeral by those rules and says when the writing looks
 * English ("1.5", "1,234.5") or is ambiguous ("50,350").
 */
import type { FigureNote } from '../types';

/** A numeral read by {@link parseVietnameseNumber}. */
export interface ParsedNumber {
  /** The value as a Vietnamese reader means it. */
  value: number;
  /** Digits written after the decimal sign (0 for an integer). */
  decimals: number;
  /** `english-decimal` / `ambiguous-comma` remarks on how the numeral is written. */
  notes: FigureNote[];
  /** The value as a plain decimal string ("1497360", "8.47"): exact scaling by a multiplier. */
  normalized: string;
}

const ENGLISH_DECIMAL = (s: string): FigureNote => ({
  code: 'english-decimal',
  message: `"${s}" is written in English style (dot as the decimal point); Vietnamese uses a comma: "${s.replace(/[.,]/g, (c) => (c === '.' ? ',' : '.'))}".`,
});
const ENGLISH_GROUPING = (s: string): FigureNote => ({
  code: 'english-decimal',
  message: `"${s}" groups thousands with commas (English style); Vietnamese groups with dots: "${s.replace(/,/g, '.')}".`,
});
const AMBIGUOUS_COMMA = (s: string): FigureNote => ({
  code: 'ambiguous-comma',
  message: `"${s}" is read as a decimal (${s.replace(',', '.')}) by the Vietnamese rule, but a comma followed by exactly three digits may be an English thousands separator (${s.replace(',', '')}).`,
});

/**
 * Reads one numeral written with digits, dots and commas (no sign, no spaces, no unit).
 * Returns null when `s` is not a well-formed numeral (empty, letters, "1..2", "1.23.456", ",5"),
 * or when its value is not a finite number.
 *
 * - Only digits: an integer; leading zeros are allowed ("06" → 6, as in "06 chỉ tiêu").
 * - Only dots: several dots must group thousands ("1.497.360"). One dot followed by exactly three
 *   digits groups thousands ("40.590"), unless the integer part is "0" or longer than three digits;
 *   otherwise the dot is an English decimal point ("1.5" → 1.5, "4.25" → 4.25) and an
 *   `english-decimal` note is added.
 * - Only commas: one comma is the decimal sign ("8,47" → 8.47); when exactly three digits follow
 *   and the integer part is 1–3 digits other than "0" ("50,350") an `ambiguous-comma` note is
 *   added. Several commas can only be English thousands groups ("1,234,567" → 1234567, with an
 *   `english-decimal` note).
 * - Both: the last separator is the decimal sign and occurs once; the other groups thousands
 *   ("1.234,5" → 1234.5). A dot as the decimal sign ("1,234.5") is English style and noted.
 */
export function parseVietnameseNumber(s: string): ParsedNumber | null {
  if (typeof s !== 'string') return null;
  // Digits only (every year, most figures): the one group as it is, no arrays or closures made.
  let d = 0;
  while (d < s.length && s.charCodeAt(d) >= 48 && s.charCodeAt(d) <= 57) d++;
  if (d === s.length) {
    const value = Number(s);
    return d > 0 && Number.isFinite(value) ? { value, decimals: 0, notes: [], normalized: s } : null;
  }
  const groups: string[] = [];
  const seps: string[] = [];
  let cur = 0;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      cur++;
    } else if (c === 46 || c === 44) {
      if (cur === 0) return null;
      groups.push(s.slice(from, i));
      seps.push(s[i]);
      from = i + 1;
      cur = 0;
    } else {
      return null;
    }
  }
  if (cur === 0) return null;
  groups.push(s.slice(from));

  const finish = (intPart: string, frac: string, notes: FigureNote[]): ParsedNumber | null => {
    const normalized = frac ? `${intPart}.${frac}` : intPart;
    const value = Number(normalized);
    if (!Number.isFinite(value)) return null;
    return { value, decimals: frac.length, notes, normalized };
  };
  const grouped = (gs: string[]): boolean =>
    gs.length > 0 && gs[0].length >= 1 && gs[0].length <= 3 && gs.slice(1).every((g) => g.length === 3);

  if (seps.length === 0) return finish(groups[0], '', []);
  const dots = seps.filter((x) => x === '.').length;
  const commas = seps.length - dots;

  if (dots > 0 && commas > 0) {
    const dec = seps[seps.length - 1];
    if (seps.slice(0, -1).some((x) => x === dec)) return null;
    const intGroups = groups.slice(0, -1);
    if (!grouped(intGroups)) return null;
    return finish(intGroups.join(''), groups[groups.length - 1], dec === '.' ? [ENGLISH_DECIMAL(s)] : []);
  }
  if (dots > 0) {
    if (seps.length > 1) return grouped(groups) ? finish(groups.join(''), '', []) : null;
    const [a, b] = groups;
    if (b.length === 3 && a.length <= 3 && a !== '0') return finish(a + b, '', []);
    return finish(a, b, [ENGLISH_DECIMAL(s)]);
  }
  // Only commas.
  if (seps.length > 1) return grouped(groups) ? finish(groups.join(''), '', [ENGLISH_GROUPING(s)]) : null;
  const [a, b] = groups;
  const notes = b.length === 3 && a.length <= 3 && !/^0+$/.test(a) ? [AMBIGUOUS_COMMA(s)] : [];
  return finish(a, b, notes);
}

/**
 * A text prepared for scanning: composed (NFC) and lower-cased, one UTF-16 unit per entry, with a
 * map back to offsets in the original text. Input in NFD (decomposed accents) or with odd case
 * mappings still yields exact original offsets.
 */
export interface ScanText {
  /** The original text. */
  text: string;
  /** NFC, case kept. */
  o: string;
  /** NFC, lower case; same length as `o`. */
  s: string;
  /** `map[i]` is the offset in `text` of `s[i]`; `map[s.length] === text.length` (entries after it: read none). */
  map: Int32Array;
}

/**
 * Units NFC leaves as they are, alone and beside each other (each a starter that composes with
 * nothing before it; checked for every unit and every pair): below U+0300, Latin Extended
 * Additional (Vietnamese's precomposed letters), General Punctuation but its two singletons.
 */
export function nfcStable(c: number): boolean {
  return c < 0x300 || (c >= 0x1e00 && c <= 0x1eff) || (c >= 0x2002 && c <= 0x206f);
}

function isCombining(c: number): boolean {
  return (c >= 0x300 && c <= 0x36f) || (c >= 0x1dc0 && c <= 0x1dff) || (c >= 0x20d0 && c <= 0x20ff) || (c >= 0xfe20 && c <= 0xfe2f);
}

// The period and figure readers prepare the same sentence one after the other: keep the last one
// (a ScanText is only read).
let lastPrepared: ScanText | null = null;

/** Prepares `text` for the readers (linear time). */
export function prepareScan(text: string): ScanText {
  if (lastPrepared !== null && lastPrepared.text === text) return lastPrepared;
  return (lastPrepared = prepareScanOf(text));
}

/**
 * `map[i] === i` for i in [0, n]: one array shared by the texts up to IDENTITY_SHARED long (a
 * typed array of its own for each sentence and cell cost more in the collector than the reading;
 * longer than needed, it maps the same), a new one for a longer text.
 */
let identity = new Int32Array(0);
const IDENTITY_SHARED = 1 << 16;

function identityMap(n: number): Int32Array {
  if (n >= identity.length) {
    const map = new Int32Array(n < IDENTITY_SHARED ? Math.min(IDENTITY_SHARED, Math.max(2 * identity.length, n + 1, 256)) : n + 1);
    for (let i = 0; i < map.length; i++) map[i] = i;
    if (n < IDENTITY_SHARED) identity = map;
    return map;
  }
  return identity;
}

function prepareScanOf(text: string): ScanText {
  const n = text.length;
  let simple = true;
  let stable = true;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    // A CRLF is read as one line break ("\n", mapped to the CR), as LF and CR are: a line end
    // inside a sentence counts as one space whatever the file's line ends.
    if (isCombining(c) || (c === 13 && text.charCodeAt(i + 1) === 10)) {
      simple = false;
      break;
    }
    if (stable && !nfcStable(c)) stable = false;
  }
  if (simple) {
    // (a text of such units alone is its own NFC: no call into ICU for most sentences and cells)
    const o = stable ? text : text.normalize('NFC');
    if (o.length === n) {
      const s = o.toLowerCase();
      if (s.length === n) {
        return { text, o, s, map: identityMap(n) };
      }
    }
  }
  const oParts: string[] = [];
  const sParts: string[] = [];
  const mapArr: number[] = [];
  let i = 0;
  while (i < n) {
    if (text.charCodeAt(i) === 13 && text.charCodeAt(i + 1) === 10) {
      oParts.push('\n');
      sParts.push('\n');
      mapArr.push(i);
      i += 2;
      continue;
    }
    let j = i + 1;
    while (j < n && isCombining(text.charCodeAt(j))) j++;
    const nfc = text.slice(i, j).normalize('NFC');
    for (let k = 0; k < nfc.length; k++) {
      const ch = nfc[k];
      const lo = ch.toLowerCase();
      oParts.push(ch);
      sParts.push(lo.length === 1 ? lo : ch);
      mapArr.push(i);
    }
    i = j;
  }
  mapArr.push(n);
  return { text, o: oParts.join(''), s: sParts.join(''), map: Int32Array.from(mapArr) };
}
