/**
 * Class nation-base (round 35, reading.md §81.2): the nation named as a comparison base, not as a
 * figure's owner. A province's report writes its figures against the national average: "nhiều chỉ
 * số … của tỉnh cao hơn bình quân cả nước: tỷ lệ … đạt 76,85%", "thấp hơn điểm trung bình cả nước",
 * "trên mức trung bình của cả nước", "gấp đôi bình quân cả nước". "cả nước" there is what the
 * province's figures are measured against; the figures are still the province's (own-report.ts).
 * "trên cả nước", "tỷ lệ … bình quân cả nước đạt 45%" (the nation's own average) still name the
 * nation. Linear: every blank run of the pattern is bounded.
 */
import { NATION_WORDS } from '../provinces';

/**
 * A comparative ("cao hơn", "thấp hơn", "hơn", "vượt", "gấp …", "trên/dưới/bằng (mức)", "so với"), then
 * the nation's average ("(mức|điểm|tỷ lệ) bình quân/trung bình (chung) (của) cả nước/toàn quốc").
 */
const BASE =
  /(?<![\p{L}])(?:hơn|vượt|gấp(?:\s{1,4}(?:đôi|rưỡi|\d+(?:,\d+)?\s{1,4}lần))?|(?:trên|dưới|bằng)(?:\s{1,4}mức)?|so với)\s{1,4}(?:(?:mức|điểm|tỷ lệ|con số)\s{1,4})?(?:bình quân|trung bình)(?:\s{1,4}chung)?(?:\s{1,4}của)?\s{1,4}(?:cả nước|toàn quốc)(?![\p{L}])/giu;

/** Whether `text` names the nation other than as the average its figures are compared with. */
export function namesNation(text: string): boolean {
  if (!NATION_WORDS.test(text)) return false;
  return NATION_WORDS.test(text.replace(BASE, ' '));
}
