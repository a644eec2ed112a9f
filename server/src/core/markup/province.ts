/**
 * A province's figure in a sentence about a province. Vietnamese reports give a province's value
 * in the words of the national indicator ("tỷ lệ hồ sơ trực tuyến toàn trình của Hà Tĩnh đạt 45%",
 * "Thái Nguyên có 1.200 doanh nghiệp công nghệ số"): such a figure is the province's, no value of
 * the national entry; a provincial entry ("… cấp tỉnh", one ranking or counting provinces) takes it.
 * Pure.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { FORMER_PROVINCES, PROVINCES_2025 } from '../agencies';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { work } from '../work';

/** Every provincial unit's name, as written (the 34 of today, the 63 before July 2025, common short forms). */
const NAMES = [...new Set([...PROVINCES_2025, ...Object.keys(FORMER_PROVINCES), 'Thừa Thiên Huế', 'Thừa Thiên - Huế', 'TP Hồ Chí Minh', 'TP. Hồ Chí Minh', 'TP.HCM', 'TP HCM', 'TPHCM'])]
  .map((n) => n.normalize('NFC'))
  .sort((a, b) => b.length - a.length);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A province by its name (capitals as written), or "tỉnh"/"thành phố" before a capitalised word. */
const PROVINCE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${NAMES.map(escape).join('|')}|(?:[Tt]ỉnh|[Tt]hành phố|TP\\.?) \\p{Lu}\\p{L}*)(?![\\p{L}\\p{N}])`, 'gu');
/** "tỉnh" or "địa phương" as a word, with its accents (NFC). */
export const PROVINCE_WORD = /(?<![\p{L}\p{N}])(?:tỉnh|địa phương)(?![\p{L}\p{N}])/iu;
/** Words saying the figure is the country's: the clause is about the nation. */
const NATION = /(?<![\p{L}])(?:cả nước|toàn quốc|Việt Nam)(?![\p{L}])/iu;
/** A province named as the place of an event ("Hội nghị … tại Đà Nẵng"), no owner of a figure. */
const VENUE_BEFORE = /(?:hội nghị|diễn đàn|hội thảo|tọa đàm|toạ đàm|sự kiện|lễ|phiên họp|triển lãm|tổ chức|khai mạc|diễn ra)[^,;:.]{0,40}$/iu;

/** The first province named in `text` as an owner (not an event's venue), or null. */
export function provinceIn(text: string): string | null {
  work.steps += text.length;
  if (!/\p{Lu}/u.test(text)) return null;
  for (const m of text.normalize('NFC').matchAll(PROVINCE)) {
    if (VENUE_BEFORE.test(text.slice(Math.max(0, m.index! - 60), m.index!))) continue;
    return m[0];
  }
  return null;
}

/** Whether the entry's values are a province's (or count or rank provinces): "cấp tỉnh", a unit or a denominator of provinces. */
export function provincialEntry(ind: Indicator): boolean {
  // (With its accents: folded, "tỉnh" is also "tính" of "ước tính".)
  const said = [ind.name, ...(ind.aliases ?? []), ind.unit ?? '', ind.denominatorOf ?? ''].map((s) => s.normalize('NFC').toLowerCase());
  return said.some((s) => PROVINCE_WORD.test(s));
}

/**
 * The figure's clause (`span`: the text from the clause of the name to the clause of its figure)
 * names a province, and not the nation, while the entry is national: the message listing the mark,
 * else null.
 */
export function provincialFigure(span: string, ind: Indicator, figure: string): ReturnType<typeof msg> | null {
  if (provincialEntry(ind)) return null;
  const province = provinceIn(span);
  if (!province || NATION.test(span)) return null;
  return msg(
    `Câu nói về ${province}: "${figure}" là số liệu của tỉnh, không phải của chỉ tiêu quốc gia "${ind.name}": chưa đánh dấu.`,
    `The sentence speaks of ${province}: "${figure}" is the province's figure, not one of the national indicator "${ind.name}": left unmarked.`,
  );
}

/**
 * "tỉnh" or "thành phố" standing for one province (named after it or not): opening the sentence or
 * a clause (after ",", ";", ":"), or after "toàn", "cả", "của", "trên địa bàn". Not "các tỉnh", "63
 * tỉnh", "cấp tỉnh", "là tỉnh …", and never the pair "tỉnh, thành phố" / "tỉnh thành" (the provinces).
 */
const PROVINCE_ITSELF =
  /(?:^\s*|[,;:]\s+|(?<![\p{L}])(?:toàn|cả|của|trên địa bàn)\s+)(?<!tỉnh,?\s*)(?:tỉnh|thành phố)(?![\p{L}])(?!,?\s*(?:thành|tỉnh)(?![\p{L}]))/iu;

/**
 * The message listing `f` when `sentence` (from its opening up to and with the figure's clause)
 * speaks of one province while `ind` is no entry "cấp tỉnh", else null.
 */
export function provinceSubject(sentence: string, ind: Indicator, f: Figure): ReturnType<typeof msg> | null {
  work.steps += sentence.length;
  const m = PROVINCE_ITSELF.exec(sentence);
  if (!m) return null;
  if ([ind.name, ...(ind.aliases ?? [])].some((l) => / cap tinh(?:[^a-z]|$)/.test(` ${foldKey(l)}`))) return null;
  return msg(
    `Câu nói về một tỉnh ("${m[0].replace(/^[\s,;:]+/, '')}"): "${f.raw}" là số liệu của tỉnh, không phải của chỉ tiêu quốc gia "${ind.name}": chưa đánh dấu.`,
    `The sentence speaks of one province ("${m[0].replace(/^[\s,;:]+/, '')}"): "${f.raw}" is the province's figure, not one of the national indicator "${ind.name}": left unmarked.`,
  );
}
