/**
 * Class moved-from (issue #13 round 35, dti35; docs/reading.md §82): a period phrase written right
 * after the figure a move starts from ("Thanh Hóa từ hạng 15 năm 2022 lên hạng 11 năm 2023"; "tăng
 * từ 0,4626 điểm năm 2021 lên 0,5872 điểm năm 2022") dates that base, not the paragraph: the
 * sentences told on after it ("Quảng Ngãi tăng 5 bậc, xếp thứ 21 cả nước") speak of the year the
 * move reaches. judge.ts carriedPeriod skips such a phrase, as it skips "từ năm 2018"; the phrase the
 * move reaches is read next (when it is not the report's own period the figure told on stays
 * unmarked, as before). Pure and bounded: 48 characters before the phrase, 80 after.
 */

/** "từ <rank noun> 15", "từ mức 12%", "từ 0,4626 điểm", "từ thứ 45/63" right before the period phrase. */
const FROM_FIGURE =
  /(?:^|[^\p{L}])từ\s+(?:(?:hạng|vị trí|mức|thứ|hạng thứ|vị trí thứ)\s+)?\d[\d.,]*(?:\/\d{1,3})?(?:\s*%|\s+điểm)?\s+(?:(?:vào|trong)\s+)?$/iu;

/** What the move reaches before its own period phrase: "lên"/"xuống"/"đến"/"tới", a figure, no sentence or clause stop. */
const MOVED_TO = /^[^.;:!?\n]{0,60}?(?:^|[^\p{L}])(?:lên|xuống|đến|tới)\s+(?:(?:hạng|vị trí|mức|thứ|hạng thứ|vị trí thứ)\s+)?\d[^.;:!?\n]{0,24}$/iu;

/**
 * Whether the period phrase `p` of `text` dates the base of a move: written right after a figure
 * that follows "từ", with the next phrase of the text (`next`, the one after `p` in reading order)
 * written after what the move reaches ("lên hạng 11 năm 2023"), at most 80 characters on.
 */
export function movedFromBase(text: string, p: { start: number; end: number }, next: { start: number } | undefined): boolean {
  if (!next || next.start < p.end || next.start - p.end > 80) return false;
  return FROM_FIGURE.test(text.slice(Math.max(0, p.start - 48), p.start)) && MOVED_TO.test(text.slice(p.end, next.start));
}
