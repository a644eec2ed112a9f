/**
 * Round 28 (share28; docs/reading.md §50): a share told with its whole, "<subject> (đã) đóng góp/
 * chiếm (khoảng) N% GDP". A catalog name of another measure may hold the subject and the verb (the
 * revenue's alias "kinh tế số đóng góp"); its percent of a whole does not fit it, and the subject
 * inside it ("kinh tế số") picks the entry whose whole the words after the percent say (subjects.ts
 * pickBySubject, "% GDP": the series of one name, settled as one by the compiler the sentence names,
 * subject-names.ts bySubject). Only when the verb alone stands between the subject and the figure:
 * a word after the subject makes it another thing ("kinh tế số lõi đóng góp 7,42% GDP", "kinh tế số
 * ICT đóng góp hơn 9% GDP", "kinh tế số của tỉnh đóng góp …"). Pure.
 */

/** A share's verb with its adverbs and hedges, nothing else: "đã đóng góp khoảng ", " chiếm ". */
const SHARE_VERB = /^\s*(?:(?:đã|ước|hiện|vẫn|cũng|đang)\s+)*(?:đóng góp|chiếm)(?:\s+(?:khoảng|gần|hơn|trên|tới|đến|xấp xỉ))?\s*$/iu;

/** Whether `between`, the words from a subject's end to its figure, is a share's verb alone. */
export function shareVerbAlone(between: string): boolean {
  return between.length < 40 && SHARE_VERB.test(between.normalize('NFC'));
}
