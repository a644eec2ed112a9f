/**
 * False marks by class, round 17 (issue 13, held19; docs/accuracy.md "False-mark classes"): a count
 * whose noun phrase says it counts only a part of what a stock entry counts. One hook in classes.ts
 * falseByClass; each refusal is listed `figure-role` with its reason.
 *
 * - additions as the stock: "Riêng năm 2025 đã có hơn 26.000 trạm 5G được lắp mới", "lắp mới 5.000
 *   trạm", "phát triển mới 1,2 triệu thuê bao": the period's new items (a flow), never the number in
 *   place (the checker would compare it with the stock told before: large-movement);
 * - a selected few: "Bộ nêu 3 nền tảng số quốc gia đạt kết quả nổi bật", "10 doanh nghiệp tiêu
 *   biểu": the ones picked out for mention, not all there are.
 * An entry whose own names say the word ("… phát triển mới", "… tiêu biểu") keeps the figure. Pure:
 * the figure's part as written, the entry.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';

type Message = ReturnType<typeof msg>;

/** What these classes read of classes.ts ClassInput. */
interface ClassInput {
  plain: string;
  name: { start: number; end: number } | null;
  indicator: Indicator;
}

/** The verbs of an addition. */
const ADD_VERBS = 'lắp đặt|lắp|xây dựng|xây|phát triển|triển khai|bổ sung|thành lập|đăng ký|cấp|đưa vào sử dụng|đưa vào hoạt động';
/** After the counted noun: "(được|đã được) lắp mới", "mới được lắp đặt", "lắp đặt mới". */
const ADDED_AFTER = new RegExp(`(?<![\\p{L}])(?:(?:(?:đã|vừa|mới)\\s+)?được\\s+)?(?:${ADD_VERBS})\\s+mới(?![\\p{L}])|(?<![\\p{L}])mới\\s+(?:được\\s+)?(?:${ADD_VERBS})(?![\\p{L}])`, 'iu');
/** Right before the figure: "lắp mới", "phát triển mới thêm", "xây mới được". */
const ADDED_BEFORE = new RegExp(`(?<![\\p{L}])(?:${ADD_VERBS})\\s+mới(?:\\s+(?:thêm|được))?\\s+(?:(?:khoảng|hơn|gần|trên|ước|thêm)\\s+)?$`, 'iu');
/** Words that pick a few out of all: "đạt kết quả nổi bật", "tiêu biểu", "điển hình", "xuất sắc", "được vinh danh". */
const SELECTED = /(?<![\p{L}])(?:nổi bật|tiêu biểu|điển hình|xuất sắc|được vinh danh|được biểu dương|được khen thưởng)(?![\p{L}])/iu;
/** Words of a noun phrase read after a count, at most (the figure's own noun phrase and its verb). */
const MAX_WORDS = 10;

/** The figure's noun phrase and what it says of it: after the figure, up to the clause's end, at most ten words. */
function afterFigure(plain: string, f: Figure): string {
  const rest = /^[^,;:!?()]*/.exec(plain.slice(f.end, f.end + 160).replace(/\.(?!\d)[^]*$/, ''))![0];
  return rest.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS).join(' ');
}

/** The folded words of an entry's names, padded. */
const names = (ind: Indicator): string => ` ${[ind.name, ...(ind.aliases ?? [])].map((n) => foldKey(n).replace(/[^a-z0-9]+/g, ' ').trim()).join(' | ')} `;
const says = (ind: Indicator, words: string): boolean => names(ind).includes(` ${foldKey(words).replace(/[^a-z0-9]+/g, ' ').trim()} `);

/** A count of a stock (or of a part of a whole) that is not the period's flow, nor a change already. */
const countOfStock = (ind: Indicator, f: Figure): boolean => ind.unitClass === 'count' && (ind.measure === 'stock' || ind.measure === 'fraction') && !f.change;

/** Class additions-as-stock: the count of a period's new items, no number in place. */
export function additionsAsStock(x: ClassInput, f: Figure): Message | null {
  if (!countOfStock(x.indicator, f)) return null;
  // After the figure (its noun phrase), right before it, or between the name and it ("số trạm 5G được lắp mới đạt …").
  const between = x.name && x.name.end <= f.start && f.start - x.name.end <= 60 ? x.plain.slice(x.name.end, f.start) : '';
  const m = ADDED_AFTER.exec(afterFigure(x.plain, f)) ?? ADDED_BEFORE.exec(x.plain.slice(Math.max(0, f.start - 40), f.start)) ?? ADDED_AFTER.exec(between);
  if (!m || says(x.indicator, m[0])) return null;
  return msg(
    `"${f.raw}" đếm những gì mới có trong kỳ ("${m[0].trim()}"), không phải tổng số hiện có mà "${x.indicator.name}" đếm: chưa đánh dấu.`,
    `"${f.raw}" counts what was added in the period ("${m[0].trim()}"), not the number in place "${x.indicator.name}" counts: left unmarked.`,
  );
}

/** Class selected-few: the count of the ones picked out for mention, not of all. */
export function selectedFew(x: ClassInput, f: Figure): Message | null {
  if (!countOfStock(x.indicator, f)) return null;
  const m = SELECTED.exec(afterFigure(x.plain, f));
  if (!m || says(x.indicator, m[0])) return null;
  return msg(
    `"${f.raw}" đếm những gì được chọn nêu ("${m[0]}"), không phải tất cả những gì "${x.indicator.name}" đếm: chưa đánh dấu.`,
    `"${f.raw}" counts the ones picked out ("${m[0]}"), not all that "${x.indicator.name}" counts: left unmarked.`,
  );
}
