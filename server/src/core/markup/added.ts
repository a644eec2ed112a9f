/**
 * What was added, not what there is (issue 13, round 17, helper neg17; one hook in classes.ts
 * falseByClass): a stock entry (catalog `measure: stock`, a count at a time: "Số trạm phát sóng 5G",
 * "Số thuê bao băng rộng cố định") takes no figure the sentence says was added in the period:
 * - a verb of putting in place with "mới" or "thêm" right before the figure ("lắp mới 20.000 trạm
 *   5G", "phát sóng mới hơn 26.000 trạm", "lắp thêm 3.500 trạm", "phát triển mới 1,2 triệu thuê
 *   bao", "có thêm 2 triệu thuê bao"), or "thêm" opening its clause (", thêm 3.422 doanh nghiệp so
 *   với tháng 12/2021", round 19);
 * - the same after the figure and the name ("26.000 trạm 5G được lắp mới", "1,2 triệu thuê bao phát
 *   triển mới", "20.000 trạm 5G mới"), or after the name before the figure ("Số doanh nghiệp … thành lập mới
 *   trong năm 2023 là 5.000", round 20).
 * - a verb that says the thing is new by itself, after the name: "13.000 doanh nghiệp công nghệ số ra
 *   đời", "gia nhập thị trường" (round 25, open25; reading.md §37.1).
 * Those count what the year or month added, a flow; the stock is the total ("tổng số trạm 5G đạt
 * 30.000", "cả nước có 35.000 trạm 5G", still marked; "70.000 doanh nghiệp … đăng ký trong năm 2022"
 * says no "mới" and stays the stock). "mới" as "only" before a verb ("mới đạt 45,8%") is no "new".
 * Listed `figure-role`. Pure.
 */
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { work } from '../work';

/** Verbs of putting in place or signing up that "mới"/"thêm" turns into an addition. */
const PUT = '(?:lắp(?:\\s+đặt)?|thành\\s+lập|phát\\s+sóng|xây(?:\\s+dựng)?|triển\\s+khai|phát\\s+triển|cấp|đăng\\s+ký|kích\\s+hoạt|bổ\\s+sung|đầu\\s+tư|hòa\\s+mạng|đưa\\s+vào\\s+(?:sử\\s+dụng|hoạt\\s+động|khai\\s+thác))';
/** Verbs that say the thing is new with no "mới" (round 25, open25): "13.000 doanh nghiệp … ra đời", "gia nhập thị trường". */
const BORN = '(?:ra\\s+đời|gia\\s+nhập\\s+thị\\s+trường)';
/** Qualifiers a figure may open with ("hơn", "khoảng"…). */
const QUAL = '(?:(?:hơn|trên|gần|khoảng|thêm|gần\\s+như|tới|đến|được|tổng\\s+cộng)\\s+)*';
/** Right before the figure: "<verb> mới|thêm [qualifiers]" or "có|tăng thêm [qualifiers]". */
const ADDED_BEFORE = new RegExp(`(?:(?<![\\p{L}])(?:${PUT}\\s+(?:mới|thêm)|(?:có|tăng|nâng)\\s+thêm)|(?:^|[,;(]\\s*)thêm)\\s+${QUAL}$`, 'iu');
/** Right after the name that follows the figure: "mới", "(được) lắp mới", "phát triển thêm". */
const ADDED_AFTER = new RegExp(`^\\s*(?:(?:được|đã\\s+được|vừa\\s+được|đã|vừa)\\s+)?(?:${PUT}\\s+(?:mới|thêm)|${BORN}|mới(?!\\s+(?:đạt|chiếm|đáp\\s+ứng|bằng|có|là|chỉ|được|ở|tăng|giảm)))(?![\\p{L}])`, 'iu');

export interface AddedInput {
  plain: string;
  name: { start: number; end: number } | null;
  indicator: Indicator;
  role: string | undefined;
}

/** Why the bound figure counts what was added, not the stock the entry keeps (the message), else null. */
export function addedNotStock(x: AddedInput, f: Figure): ReturnType<typeof msg> | null {
  // (the figure reader reads "thêm N" as a change since round 19: an addition still listed here, as
  // before; "tăng thêm N" was a change before and stays one, marked as such)
  if (x.indicator.measure !== 'stock' || (x.role && x.role !== 'level' && x.role !== 'change')) return null;
  const before = x.plain.slice(Math.max(0, f.start - 60), f.start);
  work.steps += before.length;
  // (a change's raw text holds its word, "thêm 3.500": read up to its numeral too)
  const numeral = x.role === 'change' ? Math.max(0, f.raw.search(/\d/u)) : 0;
  let said = ADDED_BEFORE.exec(before)?.[0].trim() ?? (numeral ? ADDED_BEFORE.exec(before + x.plain.slice(f.start, f.start + numeral))?.[0].trim() : undefined);
  if (!said && x.name && x.name.start >= f.end && x.name.start - f.end <= 12) {
    const after = x.plain.slice(x.name.end, x.name.end + 40);
    work.steps += after.length;
    said = ADDED_AFTER.exec(after)?.[0].trim();
  }
  // (round 20, audit25: the name before the figure, the addition's words right after it: "Số doanh
  // nghiệp công nghệ số thành lập mới trong năm 2023 là 5.000")
  if (!said && x.name && x.name.end <= f.start && f.start - x.name.end <= 60) said = ADDED_AFTER.exec(x.plain.slice(x.name.end, f.start))?.[0].trim();
  if (!said || (x.role === 'change' && /^(?:tăng|nâng)\s/iu.test(said))) return null;
  return msg(
    `"${f.raw}" đếm phần được thêm trong kỳ ("${said}"), không phải tổng số mà "${x.indicator.name}" giữ: chưa đánh dấu.`,
    `"${f.raw}" counts what the period added ("${said}"), not the total "${x.indicator.name}" keeps: left unmarked.`,
  );
}
