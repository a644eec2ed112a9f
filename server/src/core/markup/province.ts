/**
 * A province's figure in a sentence about a province. Vietnamese reports give a province's value
 * in the words of the national indicator ("tỷ lệ hồ sơ trực tuyến toàn trình của Hà Tĩnh đạt 45%",
 * "Thái Nguyên có 1.200 doanh nghiệp công nghệ số"): such a figure is the province's, no value of
 * the national entry; a provincial entry ("… cấp tỉnh", one ranking or counting provinces) takes it.
 * Province names are read by provinces.ts, what an entry says of provinces is catalog/provincial.ts's.
 * Pure.
 */
import { isMinistrySeries } from '../catalog/ministerial';
import { provinceFacts } from '../catalog/provincial';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import { ministryFigure } from './ministry-figure';
import { NATION_WORDS as NATION, ownerProvince, VENUE_BEFORE } from '../provinces';
import type { Figure } from '../types';
import { work } from '../work';
export { provinceSection } from './province-section';

/**
 * The figure's clause (`span`: the text from the clause of the name to the clause of its figure)
 * names a province, and not the nation, while the entry is national: the message listing the mark,
 * else null.
 */
export function provincialFigure(span: string, ind: Indicator, figure: string): ReturnType<typeof msg> | null {
  const ministry = ministryFigure(span, ind, figure); // (a ministry's under a series of provinces)
  if (ministry || provinceFacts(ind).local) return ministry;
  const province = ownerProvince(span);
  if (!province || NATION.test(span)) return null;
  return msg(
    `Câu nói về ${province}: "${figure}" là số liệu của tỉnh, không phải của chỉ tiêu quốc gia "${ind.name}": chưa đánh dấu.`,
    `The sentence speaks of ${province}: "${figure}" is the province's figure, not one of the national indicator "${ind.name}": left unmarked.`,
  );
}

/**
 * "tỉnh" or "thành phố" standing for one province (named after it or not): opening the sentence or
 * a clause (after ",", ";", ":"), or after "toàn", "cả", "của", "trong" ("hộ gia đình trong tỉnh": class in-the-province, round 16), "trên địa bàn". Not "các tỉnh", "63
 * tỉnh", "cấp tỉnh", "là tỉnh …", and never the pair "tỉnh, thành phố" / "tỉnh thành" (the provinces).
 */
const PROVINCE_ITSELF =
  /(?:^\s*|[,;:]\s+|(?<![\p{L}])(?:toàn|cả|của|trong|trên địa bàn)\s+)(?<!tỉnh,?\s*)(?:tỉnh|thành phố)(?![\p{L}])(?!,?\s*(?:thành|tỉnh)(?![\p{L}]))/iu;

/**
 * Class local-unit (round 26, open26; reading.md §40.1): a district or a commune standing for one
 * place after "toàn", "của", "trong", "trên địa bàn" ("Toàn huyện hiện có 10 tổ công nghệ số cộng
 * đồng"): the place's figure, as a province's. Not a list of the kinds ("của các xã, phường"; "xã,
 * phường" has a comma after), nor "xã hội".
 */
const LOCAL_ITSELF = /(?<![\p{L}])(?:toàn|của|trong|trên địa bàn)\s+(?:huyện|quận|thị xã|thị trấn|xã|phường)(?![\p{L}])(?!\s*,|\s+hội(?![\p{L}]))/iu;

/**
 * The message listing `f` when `sentence` (from its opening up to and with the figure's clause)
 * speaks of one province while `ind` is no entry "cấp tỉnh", else null (`at`: where the figure
 * starts in `sentence`).
 */
export function provinceSubject(sentence: string, ind: Indicator, f: Figure, at = sentence.length): ReturnType<typeof msg> | null {
  work.steps += sentence.length;
  const m = PROVINCE_ITSELF.exec(sentence) ?? LOCAL_ITSELF.exec(sentence);
  if (!m) return null;
  // Class province-as-venue (round 17): "Tại hội nghị tổ chức trong tỉnh Thái Nguyên, Bộ cho biết
  // tỷ lệ … cả nước đạt 78,1%": a province that is an event's place, or the nation named between
  // it and the figure, says no province's figure (a nation word after the figure, "đứng thứ 5 cả
  // nước", is the province's place among all).
  if (VENUE_BEFORE.test(sentence.slice(Math.max(0, m.index - 60), m.index + m[0].length)) || NATION.test(sentence.slice(m.index + m[0].length, at))) return null;
  if (provinceFacts(ind).level || isMinistrySeries(ind)) return null; // ("bộ, tỉnh" says the two kinds, no province)
  return msg(
    `Câu nói về một địa phương ("${m[0].replace(/^[\s,;:]+/, '')}"): "${f.raw}" là số liệu của địa phương, không phải của chỉ tiêu quốc gia "${ind.name}": chưa đánh dấu.`,
    `The sentence speaks of one place ("${m[0].replace(/^[\s,;:]+/, '')}"): "${f.raw}" is that place's figure, not one of the national indicator "${ind.name}": left unmarked.`,
  );
}

/** "trong tỉnh", "của tỉnh", "toàn tỉnh" put inside a name's words as written (not "tỉnh, thành phố"). */
const PROVINCE_IN_NAME = /(?<![\p{L}])(?:trong|của|toàn)\s+(?:tỉnh|thành phố)(?![\p{L}])(?!,?\s*(?:thành|tỉnh)(?![\p{L}]))/iu;

/**
 * Class province-in-name (round 16): the writer put the province into the name's words ("tỷ lệ hộ
 * gia đình trong tỉnh có đường Internet cáp quang đạt 88,9%"): the figure is the province's, while
 * `ind` is no entry "cấp tỉnh" (the detector reads the sentence with the names blanked, so
 * provinceSubject does not see these words). The message listing `f`, else null.
 */
export function provinceInName(words: string, ind: Indicator, f: Figure): ReturnType<typeof msg> | null {
  const m = PROVINCE_IN_NAME.exec(words);
  if (!m || provinceFacts(ind).level || isMinistrySeries(ind) || PROVINCE_IN_NAME.test(ind.name)) return null;
  return msg(
    `Tên viết kèm "${m[0]}": "${f.raw}" là số liệu của tỉnh, không phải của chỉ tiêu quốc gia "${ind.name}": chưa đánh dấu.`,
    `The name is written with "${m[0]}": "${f.raw}" is the province's figure, not one of the national indicator "${ind.name}": left unmarked.`,
  );
}

/** Folded counted nouns of the provinces: "36/63 địa phương" counts what "tỉnh, thành phố" counts. */
const PROVINCE_NOUNS = new Set(['dia phuong', 'tinh', 'tinh thanh', 'tinh thanh pho', 'tinh thanh pho truc thuoc trung uong']);

/**
 * Whether two folded counted nouns (words joined by single spaces) both count the provinces, for a
 * figure out of the 63 provinces ("36/63 địa phương"): "45 địa phương" alone may be districts.
 */
export function provinceNouns(a: string, b: string, f?: { denominator?: number }): boolean {
  return f?.denominator === 63 && PROVINCE_NOUNS.has(a) && PROVINCE_NOUNS.has(b);
}
