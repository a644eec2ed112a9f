/**
 * An aspect opening a sentence (issue 13, round 14): "Xét về hiệu quả đổi mới sáng tạo, Việt Nam
 * xếp thứ 9", "Riêng về mặt thể chế, …", "Tính riêng X, …". The figures after it are of that aspect,
 * not of an index named before (family-carry.ts stops telling on it; markup/fronted.ts lists a
 * mark). An aspect written as an index ("Xét về Chỉ số GII, …", an acronym) is no aspect here: the
 * readers that know the index's names decide. Pure.
 */

/** "Xét về X,", "Xét theo X,", "Riêng về X,", "Về mặt X,", "Tính riêng (về) X," at the sentence's opening. */
const ASPECT_OPENING = /^\s*(?:Xét (?:về|theo)|Riêng về|Về mặt|Tính riêng(?: về)?)\s+([^,;:.]{3,80}),/iu;
/** An index or an acronym in the aspect's words: the aspect names an index. */
const INDEX_WORDS = /(?<![\p{L}])(?:chỉ số|index)(?![\p{L}])|(?<![\p{L}\p{N}])\p{Lu}{2,}/u;

/** The aspect the sentence `text` opens with (its words and the whole opening), or null. */
export function aspectOpening(text: string): { aspect: string; opening: string } | null {
  const m = ASPECT_OPENING.exec(text);
  if (!m || INDEX_WORDS.test(m[1])) return null;
  return { aspect: m[1].trim(), opening: m[0].trim() };
}
