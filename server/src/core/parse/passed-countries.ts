/**
 * Other countries named as the ones a subject passed or stands behind (docs/reading.md §25.1):
 * "Trong ASEAN, Việt Nam đã vượt Thái Lan, đứng thứ 4/11, sau Singapore, Malaysia và Indonesia";
 * "Việt Nam đứng thứ 3, sau Singapore (hạng 7) và Malaysia (hạng 33), trên Thái Lan (hạng 55)".
 * Such a country is the object of a comparison, not the subject the sentence tells of: the carry of
 * an index's figures (family-carry.ts carriedFigures) reads the sentence's subjects with these
 * stretches blanked, and never carries a figure inside one (a passed country's own rank in brackets).
 *
 * A stretch: a comparison word ("vượt", "vượt qua", "sau", "chỉ sau", "xếp sau", "đứng sau",
 * "trên", "xếp trên", "đứng trên", "trước"), then one or more names each of another country (a name
 * with a foreign word or a country's Vietnamese name: subject-words.ts foreignCountry), each maybe
 * followed by a bracket of at most 40 characters, joined by ", " or " và ". A province ("chỉ trên
 * Bắc Kạn") or Việt Nam ("Singapore xếp trên Việt Nam") is never blanked: the subject check sees it.
 * Pure; bounded (one anchored regex per comparison word, names of at most four words).
 */
import { foreignCountry } from './subject-words';

/** A capitalized name of one to four words, maybe a bracket after it. */
const NAME = String.raw`(\p{Lu}[\p{L}\p{M}]*(?:[ \t]+\p{Lu}[\p{L}\p{M}]*){0,3})(?:[ \t]*\([^()\n]{0,40}\))?`;
/** A comparison word right before the first name. */
const COMPARED = /(?<![\p{L}])(?:vượt(?:[ \t]+qua)?|(?:chỉ[ \t]+)?(?:xếp[ \t]+|đứng[ \t]+)?(?:sau|trên)|trước)[ \t]+(?=\p{Lu})/giu;
const FIRST = new RegExp(`^${NAME}`, 'u');
const NEXT = new RegExp(`^(?:,[ \\t]*|[ \\t]+và[ \\t]+)${NAME}`, 'u');

/** The [start, end) stretches of `text` naming other countries compared with the subject. */
export function passedCountries(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (!/vượt|sau|trên|trước/iu.test(text)) return out;
  for (const m of text.matchAll(COMPARED)) {
    let at = m.index + m[0].length;
    let end = -1;
    let first = FIRST.exec(text.slice(at, at + 120));
    for (let k = 0; first && k < 12; k++) {
      if (!foreignCountry(first[1].normalize('NFC').toLowerCase())) break;
      at += first[0].length;
      end = at;
      first = NEXT.exec(text.slice(at, at + 120));
    }
    if (end > 0) out.push([m.index, end]);
  }
  return out;
}

/** `text` with the passed countries' stretches blanked (same length), and a test for an offset inside one. */
export function withoutPassed(text: string): { text: string; any: boolean; inside: (at: number) => boolean } {
  const spans = passedCountries(text);
  if (!spans.length) return { text, any: false, inside: () => false };
  let t = text;
  for (const [s, e] of spans) t = t.slice(0, s) + ' '.repeat(e - s) + t.slice(e);
  return { text: t, any: true, inside: (at) => spans.some(([s, e]) => at >= s && at < e) };
}
