/**
 * Words that say whose figures a clause tells and in what mode, shared by the paragraph carry
 * (family-carry.ts, province-items.ts) and the series readings (period-series.ts), a leaf so that
 * neither imports the other: another country's name, and a plan's or a forecast's words.
 */

/** A word of more than one syllable (two vowel groups or more): no Vietnamese word, a foreign name ("Indonesia", "Singapore"). */
export function foreignWord(word: string): boolean {
  return (word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').match(/[aeiouy]+/giu)?.length ?? 0) >= 2;
}

/**
 * Other countries written in Vietnamese syllables (a name of foreign words is one too: foreignWord),
 * their short forms and the abbreviations the press writes ("UAE", "EU": a bloc of other countries;
 * docs/reading.md §31). Whole names only: "Chủ Nhật" is no "Nhật".
 */
const COUNTRIES = new Set(
  ['thái lan', 'hàn quốc', 'nhật bản', 'nhật', 'trung quốc', 'ấn độ', 'hoa kỳ', 'mỹ', 'lào', 'anh', 'pháp', 'đức', 'nga', 'úc', 'thụy sĩ', 'thụy điển', 'phần lan', 'đan mạch', 'hà lan', 'na uy', 'đài loan', 'hồng kông', 'triều tiên', 'thổ nhĩ kỳ',
    'ả rập xê út', 'tây ban nha', 'bồ đào nha', 'ba lan', 'hy lạp', 'ai cập', 'nam phi', 'mông cổ', 'uae', 'eu', 'uk', 'usa'],
);

/** A subject that is another country: a name with a foreign word ("singapore"), or a country's Vietnamese name. */
export function foreignCountry(name: string): boolean {
  return COUNTRIES.has(name) || name.split(' ').some(foreignWord);
}

/** Before a value in its sentence: a plan or a forecast (the carry ends). */
export const PLANNED = /(?<![\p{L}])(?:dự kiến|dự báo|kỳ vọng|mục tiêu|kế hoạch(?!\s+và\s+đầu tư)|chỉ tiêu|phấn đấu|sẽ|có thể)(?![\p{L}])/iu;
