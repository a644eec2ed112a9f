/**
 * False marks by class, round 30 (open30, held34's false marks; docs/reading.md §55.2). One hook in
 * classes.ts falseByClass; the refusal is listed `figure-role` with its reason.
 *
 * A country set as the place of a sentence's part: "Để so sánh, tại Mỹ, GDP tăng bình quân 1,9% mỗi
 * năm nhưng kinh tế số tăng 6,3%; ở Trung Quốc, …". A place phrase "tại/ở <another country>," opens
 * a clause before the figure in the same part (from the sentence's start or its last ";"), and
 * neither Việt Nam nor a word of the country's own ("nước ta", "trong nước", "cả nước") is written
 * between it and the figure: every figure of the part is that country's, never the entry's national
 * value. The country's clause subject (other-measure.ts countryValue) and the country after the name
 * (countryOwner) are earlier classes; this one reads the place written before the subject. An entry
 * whose own names say the country keeps it. Round 34 (gdp34): a country then ", nơi" opening its
 * clause ("tương đương Thái Lan, nơi kinh tế số chiếm 12,66% GDP") sets the place the same way. Pure.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import { foreignCountry } from '../parse/subject-words';
import type { Figure } from '../types';

type Message = ReturnType<typeof msg>;

/** "tại Mỹ,", "ở Trung Quốc,", "Tại Hàn Quốc,": a place phrase of capitalised words, then a comma. */
const PLACE = /(?<![\p{L}])(?:[tT]ại|[ởỞ])\s+(\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){0,3})\s*,/gu;
/** "Thái Lan, nơi kinh tế số chiếm …" (round 34): a country, then a clause of it opened by ", nơi". */
const WHERE = /(?<![\p{L}])(\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){0,3})\s*,\s*nơi(?![\p{L}])/gu;
/** Việt Nam, or the country's own words: the figure may be Việt Nam's after all. */
const OWN = /(?<![\p{L}])(?:việt nam|nước ta|trong nước|cả nước|toàn quốc)(?![\p{L}])/iu;

/**
 * Regions of the world Việt Nam is not in (round 33, share33, §72: "Ở Trung Đông, chỉ 14% người
 * trưởng thành có tài khoản thanh toán"), set as a place the same way as a country.
 */
const WORLD_REGIONS = new Set(['trung đông', 'châu phi', 'châu âu', 'châu mỹ', 'bắc mỹ', 'nam mỹ', 'mỹ latinh', 'mỹ la tinh', 'nam á', 'tây á', 'trung á', 'bắc âu', 'tây âu', 'đông âu', 'châu đại dương']);

/** Class country-place: `upTo` is the sentence's text up to the figure (its part's opening included). */
export function countryPlace(upTo: string, f: Pick<Figure, 'raw'>, ind: Indicator): Message | null {
  const part = upTo.slice(Math.max(0, ...[...upTo.matchAll(/[;!?]|\.(?!\d)/g)].map((m) => m.index! + 1)));
  let last: RegExpExecArray | null = null;
  for (const m of part.matchAll(PLACE)) last = m as RegExpExecArray;
  for (const m of part.matchAll(WHERE)) if (!last || m.index! > last.index) last = m as RegExpExecArray;
  if (!last) return null;
  const country = last[1].normalize('NFC').toLowerCase();
  if (!(foreignCountry(country) || WORLD_REGIONS.has(country)) || OWN.test(part.slice(last.index + last[0].length))) return null;
  if ([ind.name, ...(ind.aliases ?? [])].some((l) => ` ${foldKey(l)} `.includes(` ${foldKey(country)} `))) return null;
  return msg(
    `"${f.raw}" ở trong vế câu về ${last[1]} ("${last[0].trim()}" viết trước): số liệu của nước ấy, không phải của Việt Nam theo chỉ tiêu "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is in a part of the sentence set in ${last[1]} ("${last[0].trim()}" written before it): that country's figure, not Việt Nam's "${ind.name}": left unmarked.`,
  );
}
