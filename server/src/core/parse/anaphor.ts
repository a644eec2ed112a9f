/**
 * A clause that names the bound figure's measure again by an anaphor: "Tỷ lệ hồ sơ trực tuyến
 * toàn trình năm 2023 đạt 40%, tỷ lệ này năm 2024 là 45%", "…, năm 2021 con số này là 13,7 tỷ USD".
 * The anaphor ("tỷ lệ này", "chỉ số này", "con số này", "tỷ lệ trên", "mức đó"…) says the same
 * quantity, so such a clause is a restatement for another period (further.ts restatement: its
 * words before the period phrase, or between the phrase and the figure, are the anaphor and a
 * linking word). Across sentences the reader's carry reads the same words (family-carry.ts, §17).
 * Pure.
 */
import type { Figure } from '../types';

/** An anaphor of a measure, with the words around it. */
const ANAPHOR = /(?<![\p{L}])(?:con số|tỷ lệ|tỷ trọng|mức|chỉ số|giá trị|số liệu)\s+(?:này|đó|trên)(?![\p{L}])/giu;

/** `words` without the anaphors they hold (each becomes a space): "tỷ lệ này " → " ". */
export function withoutAnaphor(words: string): string {
  return words.replace(ANAPHOR, ' ');
}

/** Anaphor heads, their words last first (as a backward scan reads them): "tỷ lệ", "con số", "mức"… */
const HEADS_BACK = [['lệ', 'tỷ'], ['lệ', 'tỉ'], ['trọng', 'tỷ'], ['trọng', 'tỉ'], ['số', 'con'], ['số', 'chỉ'], ['mức']];

/**
 * Whether the words before a "trên" (`words` read backwards from the numeral, `at` the word right
 * before "trên") are an anaphor's head: "tỷ lệ trên là 12,33%" says "the rate above", no qualifier
 * "above 12,33%" (figure-context.ts).
 */
export function anaphorHeadBefore(words: ReadonlyArray<{ w: string }>, at: number): boolean {
  return HEADS_BACK.some((h) => h.every((w, k) => words[at + k]?.w === w));
}

/** "con số này" or "số liệu đó", then linking words, right before a figure: "con số này là ", "con số này ước đạt ". */
export const BACK_REF_LINK = /(?<![\p{L}])(?:con số|số liệu)\s+(?:này|đó)\s+(?:(?:đã|chỉ|mới|là|lên|tăng lên|giảm còn|ước|đạt|ở mức|khoảng)\s+){1,3}$/iu;

/**
 * A bare number told of a count (docs/reading.md §46): "45.600 doanh nghiệp năm 2019 … Hết tháng
 * 6/2022, con số này ước đạt 67.300": a level with no unit, no change nor growth, right after
 * BACK_REF_LINK, counts what the count `m` counts (family-carry.ts carriedFigures; told-on.ts).
 */
export const toldBare = (m: { kind: string }, f: Figure, role: string, text: string): boolean =>
  m.kind === 'number' && role === 'level' && f.kind === 'number' && !f.unit && !f.change && !f.growth && BACK_REF_LINK.test(text.slice(0, f.start + Math.max(0, f.raw.search(/\d/))));
