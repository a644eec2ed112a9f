/**
 * Class breakdown-item (round 30, left30; docs/reading.md §58): an amount told as an item of a
 * breakdown after a colon, the whole's amount written right before the colon ("doanh thu ngành ICT
 * khoảng 120 tỷ USD: phần cứng trên 107 tỷ USD, công nghiệp phần mềm trên 5 tỷ USD, nội dung số
 * trên 900 triệu USD") is the share of that whole the breakdown gives, counted by the whole's
 * compiler and rounded to it, not a value of the item's own series: listed `figure-role` (one hook
 * in classes.ts falseByClass). Only when the name is written after the colon, the figure is an
 * amount in the whole's currency and no larger than the whole. Pure.
 */
import { msg } from '../i18n';
import type { Figure } from '../types';

/** `plain`: the figure's part as written; `figs`: its figures; `f`: the bound one; `name`: the name's span in the part, if there. */
export function breakdownItem(plain: string, figs: Figure[], f: Figure, name: { start: number; end: number } | null): ReturnType<typeof msg> | null {
  if (!name || f.unitClass !== 'currency' || name.start > f.start) return null;
  const colon = plain.lastIndexOf(':', name.start);
  if (colon < 0) return null;
  const whole = figs.find((g) => g !== f && g.end <= colon && /^\s*$/.test(plain.slice(g.end, colon)));
  if (!whole || whole.unitClass !== 'currency' || whole.unit !== f.unit || f.value > whole.value) return null;
  return msg(
    `"${f.raw}" là một mục trong phần chia nhỏ sau dấu hai chấm của tổng "${whole.raw}" viết ngay trước: phần của tổng ấy, chưa chắc là số liệu của chuỗi riêng: chưa đánh dấu.`,
    `"${f.raw}" is an item of the breakdown after a colon of the whole "${whole.raw}" written right before it: that whole's part, not surely a value of its own series: left unmarked.`,
  );
}
