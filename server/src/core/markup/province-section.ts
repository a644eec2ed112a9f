/**
 * Class province-section (round 18): a section whose heading speaks of one province ("## Kết quả trên
 * địa bàn tỉnh", "## Chuyển đổi số của tỉnh Long An") lists that province's own figures in the words
 * of national indicators ("- Tỷ lệ hộ gia đình có kết nối Internet băng rộng cáp quang đạt 61%."):
 * the sentence names no province itself (province.ts provinceSubject reads the sentence only), the
 * heading does. Such a figure is the province's, no value of a national entry; an entry "cấp tỉnh"
 * (or a ministry's series) takes it as before, and a sentence naming the nation ("cả nước", "toàn
 * quốc", "Việt Nam") is the nation's. Only the nearest heading above the sentence is read: the
 * report's title naming its province does not make every section the province's. Pure but for the
 * parser's outline, read once per text (context.ts).
 */
import { isMinistrySeries } from '../catalog/ministerial';
import { provinceFacts } from '../catalog/provincial';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import { NATION_WORDS as NATION, ownerProvince } from '../provinces';
import type { Figure } from '../types';
import { work } from '../work';
import { headingChain } from './context';
import { NATIONAL_LEVEL } from './ministry-abbreviation';

/**
 * "tỉnh" or "thành phố" standing for one province in a heading, after "toàn", "của", "trong", "trên
 * địa bàn" (not "các tỉnh", "cấp tỉnh", "tỉnh, thành phố"; a heading opening "Thành phố …" may be a
 * topic, "thành phố thông minh": a named province is ownerProvince's).
 */
const PROVINCE_HEADING = /(?<![\p{L}])(?:toàn|của|trong|trên địa bàn)\s+(?:tỉnh|thành phố)(?![\p{L}])(?!,?\s*(?:thành|tỉnh)(?![\p{L}]))/iu;

/** The province a heading speaks of, as written ("trên địa bàn tỉnh", "Hậu Giang"), else null. */
export function headingProvince(heading: string): string | null {
  if (NATION.test(heading)) return null;
  const m = PROVINCE_HEADING.exec(heading);
  if (m) return m[0];
  return ownerProvince(heading);
}

/**
 * The message listing `f` when the nearest heading above `at` (the sentence's start in `text`)
 * speaks of one province, `sentence` names not the nation, and `ind` is a national entry (no entry
 * "cấp tỉnh", no ministry's series), else null.
 */
export function provinceSection(text: string, at: number, sentence: string, ind: Indicator, f: Figure): ReturnType<typeof msg> | null {
  const heading = headingChain(text, at)[0];
  if (!heading) return null;
  work.steps += heading.text.length;
  const province = headingProvince(heading.text);
  // (the national level named, "Ở cấp quốc gia, DTI năm 2024 đạt 0,7955": the nation's, docs/reading.md §71)
  if (!province || NATION.test(sentence) || NATIONAL_LEVEL.test(sentence)) return null;
  if (provinceFacts(ind).level || provinceFacts(ind).local || isMinistrySeries(ind)) return null;
  return msg(
    `Mục "${heading.text}" nói về một tỉnh ("${province}"): "${f.raw}" là số liệu của tỉnh, không phải của chỉ tiêu quốc gia "${ind.name}": chưa đánh dấu.`,
    `The section "${heading.text}" speaks of one province ("${province}"): "${f.raw}" is the province's figure, not one of the national indicator "${ind.name}": left unmarked.`,
  );
}
