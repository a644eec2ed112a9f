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
 *
 * Provinces compared (docs/reading.md §29.2: "Năm 2023, Lạng Sơn đứng thứ 4 cả nước, sau Đà Nẵng,
 * Thành phố Hồ Chí Minh và Thừa Thiên Huế", "tỉnh lùi xuống vị trí 58, cùng nhóm cuối với Phú Yên,
 * Bạc Liêu và Bắc Kạn"): {@link comparedUnits}, read apart (family-carry.ts carries only a rank
 * beside them).
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
  if (!/vượt|sau|trên|trước/iu.test(text)) return [];
  return stretches(text, COMPARED, FIRST, NEXT, foreignCountry);
}

/** A province's name, maybe with its kind ("Thành phố Hồ Chí Minh", "Bà Rịa - Vũng Tàu"), maybe a bracket after it. */
const UNIT = String.raw`((?:(?:[Tt]hành phố|[Tt]ỉnh)[ 	]+)?\p{Lu}[\p{L}\p{M}]*(?:[ 	]+(?:-[ 	]+)?\p{Lu}[\p{L}\p{M}]*){0,3})(?:[ 	]*\([^()
]{0,40}\))?`;
/** Before provinces compared: "sau", "xếp/đứng/chỉ sau", "xếp/đứng/chỉ trên", "vượt (qua)", "cùng nhóm (cuối/đầu) với" (no bare "trên", "trước"). */
const COMPARED_UNITS = /(?<![\p{L}])(?:vượt(?:[ 	]+qua)?|(?:chỉ[ 	]+|xếp[ 	]+|đứng[ 	]+){0,2}sau|(?:chỉ|xếp|đứng)[ 	]+trên|cùng[ 	]+nhóm(?:[ 	]+(?:cuối|đầu|dẫn đầu))?[ 	]+với)[ 	]+(?=\p{Lu})/giu;
const FIRST_UNIT = new RegExp(`^${UNIT}`, 'u');
const NEXT_UNIT = new RegExp(`^(?:,[ \t]*|,?[ \t]+và[ \t]+)${UNIT}`, 'u');

/**
 * The [start, end) stretches of `text` naming provinces (capitalized names, no other country, not
 * Việt Nam) compared with the subject after a comparison word (§29.2). The caller decides what a
 * figure beside them may be.
 */
export function comparedUnits(text: string): Array<[number, number]> {
  if (!/vượt|sau|trên|với/iu.test(text)) return [];
  return stretches(text, COMPARED_UNITS, FIRST_UNIT, NEXT_UNIT, (n) => !foreignCountry(n) && n !== 'việt nam');
}

/** After each comparison word, the names joined by "," or "và" that `fits` (twelve at most), as one stretch each. */
function stretches(text: string, compared: RegExp, first: RegExp, next: RegExp, fits: (name: string) => boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(compared)) {
    let at = m.index + m[0].length;
    let end = -1;
    let name = first.exec(text.slice(at, at + 120));
    for (let k = 0; name && k < 12; k++) {
      if (!fits(name[1].normalize('NFC').toLowerCase())) break;
      at += name[0].length;
      end = at;
      name = next.exec(text.slice(at, at + 120));
    }
    if (end > 0) out.push([m.index, end]);
  }
  return out;
}

/** `text` with the passed countries' stretches (or `spans`) blanked (same length), and a test for an offset inside one. */
export function withoutPassed(text: string, spans = passedCountries(text)): { text: string; any: boolean; inside: (at: number) => boolean } {
  if (!spans.length) return { text, any: false, inside: () => false };
  let t = text;
  for (const [s, e] of spans) t = t.slice(0, s) + ' '.repeat(e - s) + t.slice(e);
  return { text: t, any: true, inside: (at) => spans.some(([s, e]) => at >= s && at < e) };
}

/**
 * The ranking told on is the region's: the anchor's bound figure is a rank of ASEAN or a region
 * ("Trong ASEAN, Việt Nam … lên thứ 4/11 về [[…]]"); a rank after it with no scope written, beside
 * the countries it passed or stands behind, is of that ranking too (docs/reading.md §35.1).
 */
export function regionalTold(anchor: object): boolean {
  const scope = (anchor as { ref?: { figure?: { scope?: string } | null } }).ref?.figure?.scope;
  return scope === 'asean' || scope === 'region';
}
