/**
 * Round 28 (share28; docs/reading.md §50): a share told with its whole, "<subject> (đã) đóng góp/
 * chiếm (khoảng) N% GDP". A catalog name of another measure may hold the subject and the verb (the
 * revenue's alias "kinh tế số đóng góp"); its percent of a whole does not fit it, and the subject
 * inside it ("kinh tế số") picks the entry whose whole the words after the percent say (subjects.ts
 * pickBySubject, "% GDP": the series of one name, settled as one by the compiler the sentence names,
 * subject-names.ts bySubject). Only when the verb alone stands between the subject and the figure:
 * a word after the subject makes it another thing ("kinh tế số lõi đóng góp 7,42% GDP", "kinh tế số
 * ICT đóng góp hơn 9% GDP", "kinh tế số của tỉnh đóng góp …"). The subject itself, a catalog subject
 * right before its percent of GDP, is a part of it when "lõi" or an abbreviation follows it ("kinh tế
 * số lõi chiếm 7,42% GDP", "kinh tế số ICT đóng góp 7,18% GDP": the core, a sector), no share of the
 * whole subject (subjects.ts pickBySubject). Pure.
 */

/** A share's verb with its adverbs and hedges, nothing else: "đã đóng góp khoảng ", " chiếm ". */
const SHARE_VERB = /^\s*(?:(?:đã|ước|hiện|vẫn|cũng|đang)\s+)*(?:đóng góp|chiếm)(?:\s+(?:khoảng|gần|hơn|trên|tới|đến|xấp xỉ))?\s*$/iu;

/** Whether `between`, the words from a subject's end to its figure, is a share's verb alone. */
export function shareVerbAlone(between: string): boolean {
  return between.length < 40 && SHARE_VERB.test(between.normalize('NFC'));
}

/** "lõi" or an abbreviation right after a subject: a part of it ("kinh tế số lõi", "kinh tế số ICT"). */
const PART_AFTER = /^\s*(?:lõi|\p{Lu}{2,}[\p{L}\p{N}]*)(?![\p{L}\p{N}])/u;

/** Whether the words right after a subject (`between`, up to its figure) make it a part of the subject. */
export function partOfSubject(between: string): boolean {
  return PART_AFTER.test(between.normalize('NFC'));
}

/**
 * Round 33 (share33; docs/reading.md §72): between a subject and its percent of a whole other than
 * GDP (catalog/gdp-share.ts: "thương mại điện tử mới chiếm 8,5% tổng mức bán lẻ …"), only the
 * nation, a period, adverbs, the share's verb and a hedge: any other word makes the share another
 * thing's ("thương mại điện tử xuyên biên giới chiếm …": a part; "… tăng 16% và chiếm …": the
 * verb of another figure first; "… của Trung Quốc chiếm …": another country's). `between` runs from
 * the subject's end to its figure's end (the figure's words included).
 */
const WHOLE_VERB =
  /^\s*(?:(?:của\s+)?(?:Việt Nam|cả nước|nước ta)\s+)?(?:(?:trong\s+|vào\s+)?(?:năm|quý|tháng)\s+[\dIVX/]+\s+)?(?:(?:đã|ước|hiện|vẫn|cũng|đang|mới|chỉ|đều|tiếp tục)\s+)*(?:đóng góp|chiếm|đạt|là|bằng|tương đương(?:\s+với)?|ở mức|lên mức|lên)\s+(?:(?:khoảng|gần|hơn|trên|tới|đến|xấp xỉ|ước|chừng)\s+)?\d[\d.,]*\s*%\s*$/iu;

/** Whether `between` (a subject's end to its figure's end) is a share's verb alone, as WHOLE_VERB reads it. */
export function wholeVerbAlone(between: string): boolean {
  return between.length < 90 && WHOLE_VERB.test(between.normalize('NFC'));
}
