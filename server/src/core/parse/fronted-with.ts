/**
 * A figure fronted in "Với …," (docs/dialect.md §6, rule (0)): "Với 78,59%, [[Tỷ lệ người sử dụng
 * Internet]] đã vượt kế hoạch cả năm (76%)", "Với 50.350 doanh nghiệp đang hoạt động, [[Số doanh
 * nghiệp công nghệ số]] tăng 8%": the sentence opens with "Với", at most three words, its one figure
 * (a level), a few words with no figure, a comma, and right after it the name. The figure is the
 * name's value when the clause the name opens has no level figure of its own ("Với 63 tỉnh, [[X]]
 * trung bình đạt 0,52": 0,52). Never when the fronted phrase holds another reference, or the name is
 * not the first words after the comma ("Với 34 tỉnh, thành phố sau sắp xếp, Bộ công bố [[X]] …").
 * Used by clauses.ts bindInSentence (the checker and markup alike) and markup's distance
 * (markup/detect.ts farFigure). Pure.
 */
import type { Figure } from '../types';

/** "Với", then at most three words ("Với hơn", "Với tỷ lệ", "Với tổng số"), then the figure. */
const OPENING = /^\s*với\s+(?:[\p{L}]+\s+){0,3}$/iu;
/** After the figure: a few words (its noun), no figure, no other punctuation, then a comma; the name right after it. */
const TAIL = /^[^\p{N},;:.()[\]\r\n]{0,48},\s*$/u;

/**
 * Whether figure 0 of the sentence `text` is fronted in "Với …," right before the name at `start`
 * (`masked`: offsets of the other references, none may stand before the name).
 */
export function frontedWith(text: string, start: number, figures: Figure[], masked: number[]): boolean {
  const f = figures[0];
  if (!f || f.end > start || f.change || (figures[1] && figures[1].start < start)) return false;
  // (a masked run is a reference blanked out; its own begins at the blank before its name)
  if (masked.some((m) => m < start && text.slice(m, start).trim() !== '')) return false;
  return OPENING.test(text.slice(0, f.start)) && TAIL.test(text.slice(f.end, start));
}
