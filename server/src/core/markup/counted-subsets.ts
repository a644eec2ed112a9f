/**
 * False marks by class, round 17 (issue 13, held19; docs/accuracy.md "False-mark classes"): a count
 * whose noun phrase says it counts only a part of what a stock entry counts. One hook in classes.ts
 * falseByClass; each refusal is listed `figure-role` with its reason. (What the period added, "lắp
 * mới N trạm", is markup/added.ts.)
 *
 * - a selected few: "Bộ nêu 3 nền tảng số quốc gia đạt kết quả nổi bật", "10 doanh nghiệp tiêu
 *   biểu": the ones picked out for mention, not all there are.
 * An entry whose own names say the word ("… phát triển mới", "… tiêu biểu") keeps the figure. Pure:
 * the figure's part as written, the entry.
 */
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { namesSay } from './entry-words';

type Message = ReturnType<typeof msg>;

/** What these classes read of classes.ts ClassInput. */
interface ClassInput {
  plain: string;
  name: { start: number; end: number } | null;
  indicator: Indicator;
}

/** Words that pick a few out of all: "đạt kết quả nổi bật", "tiêu biểu", "điển hình", "xuất sắc", "được vinh danh". */
const SELECTED = /(?<![\p{L}])(?:nổi bật|tiêu biểu|điển hình|xuất sắc|được vinh danh|được biểu dương|được khen thưởng)(?![\p{L}])/iu;
/** Words of a noun phrase read after a count, at most (the figure's own noun phrase and its verb). */
const MAX_WORDS = 10;

/** The figure's noun phrase and what it says of it: after the figure, up to the clause's end, at most ten words. */
function afterFigure(plain: string, f: Figure): string {
  const rest = /^[^,;:!?()]*/.exec(plain.slice(f.end, f.end + 160).replace(/\.(?!\d)[^]*$/, ''))![0];
  return rest.split(/\s+/).filter(Boolean).slice(0, MAX_WORDS).join(' ');
}

/** A count of a stock (or of a part of a whole) that is not the period's flow, nor a change already. */
const countOfStock = (ind: Indicator, f: Figure): boolean => ind.unitClass === 'count' && (ind.measure === 'stock' || ind.measure === 'fraction') && !f.change;

/** Class selected-few: the count of the ones picked out for mention, not of all. */
export function selectedFew(x: ClassInput, f: Figure): Message | null {
  if (!countOfStock(x.indicator, f)) return null;
  const m = SELECTED.exec(afterFigure(x.plain, f));
  if (!m || namesSay(x.indicator, m[0])) return null;
  return msg(
    `"${f.raw}" đếm những gì được chọn nêu ("${m[0]}"), không phải tất cả những gì "${x.indicator.name}" đếm: chưa đánh dấu.`,
    `"${f.raw}" counts the ones picked out ("${m[0]}"), not all that "${x.indicator.name}" counts: left unmarked.`,
  );
}
