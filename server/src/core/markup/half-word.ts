/**
 * Class half-word (round 35, reading.md §81.3): a two-syllable word of a name written by its first
 * syllable alone, where that syllable alone is another word. "nền" alone is the classifier of a
 * whole ("nền kinh tế", "nền hành chính"), never the "nền" of "nền tảng" (platform): "Doanh thu nền
 * kinh tế Internet" is no "doanh thu kinh tế nền tảng" (the platform digital economy's revenue). A
 * fuzzy window of a label holding such a word, that takes its first syllable and lacks its second,
 * is no name (match.ts findNames, beside the "số" of a digital whole). Pure.
 */

/** Folded first syllables and the second syllable that makes the label's word: "nền" → "tảng". */
const HALF: ReadonlyMap<string, string> = new Map([['nen', 'tang']]);

/** Whether `label`'s words hold such a word whose first syllable is written and its second not (`written(p)`: the label's word p is). */
export function halfWordOnly(label: { tokens: readonly string[] }, written: (p: number) => boolean): boolean {
  for (let p = 0; p + 1 < label.tokens.length; p++) {
    const second = HALF.get(label.tokens[p]);
    if (second !== undefined && label.tokens[p + 1] === second && written(p) && !written(p + 1)) return true;
  }
  return false;
}
