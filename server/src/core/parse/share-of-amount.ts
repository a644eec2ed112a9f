/**
 * An amount's share of a whole, told right after it (issue 13, round 30, retail30; docs/reading.md
 * §57): "… ước đạt 32 tỷ USD và chiếm 12% tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng",
 * "… 10,08 tỷ USD, chiếm 4,9% tổng mức bán lẻ …", "… 6,2 tỷ USD, tương đương khoảng 3,6% tổng mức
 * bán lẻ …". The percent after "chiếm", "tương đương", "tương ứng" or "bằng" (", " or "và" before it),
 * with words of a whole right after it, is a further figure of the amount (further.ts); which entry it
 * states the analysis decides from the catalog (series.ts, catalog/whole-share.ts): the one share
 * entry named "Tỷ trọng <subject> trong <whole>" whose subject is words of the amount's entry and
 * whose whole opens the words after the percent. Any other whole states no entry ("bằng 97% kế
 * hoạch", "chiếm 30% giá trị kinh tế số"). Pure.
 */
import type { Figure } from '../types';

/** Between the amount and the percent: ", chiếm ", " và chiếm ", ", tương đương (với) ", ", bằng ", a hedge after. */
const AMOUNT_SHARE_LINK = /^[\s,]*(?:và\s+)?(?:(?:đã|ước|hiện|cũng)\s+)?(?:chiếm|bằng|tương đương|tương ứng)(?:\s+với)?(?:\s+(?:khoảng|gần|hơn|trên|xấp xỉ))?\s+$/u;

/** Whether the percent `f` after the amount `amount` is told as its share, `gap` (lower case) the words between and `after` the text after the percent. */
export function shareOfAmount(gap: string, amount: Figure, f: Figure, after: string): boolean {
  return amount.unitClass === 'currency' && f.kind === 'percent' && !f.change && AMOUNT_SHARE_LINK.test(gap.normalize('NFC')) && /^\s+\p{L}/u.test(after);
}
