/**
 * False marks by class, round 28 (open28, held32's false marks; docs/reading.md §47). One hook in
 * classes.ts falseByClass; each refusal is listed `figure-role` with its reason.
 *
 * - a group's criterion (§47.1): "xếp Việt Nam vào nhóm 5 nước có tốc độ tăng trưởng thương mại điện
 *   tử khoảng 20% mỗi năm", "Nhóm nước có mức phát triển rất cao (EGDI trên 0,75)": the figure says
 *   what the group's members have, no value of the report's subject. Still read: a figure after a
 *   comma or a linking word ("…, với 67,99 Mb/giây", "…, đạt 79%").
 * - a count of those that have (§47.2): "hơn 1.500 doanh nghiệp công nghệ số Việt Nam có doanh thu từ
 *   thị trường nước ngoài" counts the firms with such revenue, a part of all the entry counts. Still
 *   read: "có" before a number ("120 triệu thuê bao di động có 100 triệu …": the whole), an entry
 *   whose names say "có".
 * Pure: the figure's part as written, the name's span, the entry.
 */
import { msg } from '../i18n';
import type { Figure, Qualifier } from '../types';
import type { ClassInput } from './fronted';
import { namesSay } from './entry-words';

type Message = ReturnType<typeof msg>;

/** "nhóm (5|các|những) (nước/quốc gia/nền kinh tế/tỉnh/địa phương) có": a group told by what its members have. */
const GROUP_HAVE = /(?<![\p{L}])nhóm\s+(?:(?:\d+|các|những)\s+)?(?:(?:nước|quốc gia|nền kinh tế|tỉnh|địa phương)\s+)?có(?![\p{L}])/giu;
/** Between the group and the figure: no clause break, no linking word (the figure then is the subject's). */
const TOLD = /[,;:!?]|\.(?!\d)|(?<![\p{L}])(?:với|đạt|là|ở mức)(?![\p{L}])/iu;
const BOUNDS = new Set<Qualifier>(['trên', 'dưới', 'hơn', 'tối thiểu']);

/** Class group-criterion: the figure inside "nhóm … có …", in brackets only as a bound ("(EGDI trên 0,75)"). */
export function groupCriterion(x: ClassInput, f: Figure): Message | null {
  const before = x.plain.slice(Math.max(0, f.start - 160), f.start);
  let last: RegExpExecArray | null = null;
  for (const m of before.matchAll(GROUP_HAVE)) last = m as RegExpExecArray;
  if (!last) return null;
  const gap = before.slice(last.index + last[0].length);
  if (TOLD.test(gap) || (/\([^)]*$/.test(gap) && !(f.qualifier && BOUNDS.has(f.qualifier)))) return null;
  return msg(
    `"${f.raw}" nói điều các thành viên của "${last[0]}" có, không phải giá trị của "${x.indicator.name}": chưa đánh dấu.`,
    `"${f.raw}" says what the members of "${last[0]}" have, no value of "${x.indicator.name}": left unmarked.`,
  );
}

/** After a count's name: "(Việt Nam) (đã|đều|hiện) có <words>", not "có" before a number or "có thể". */
const HAVING = /^\s*(?:(?:của\s+)?(?:Việt Nam|cả nước|trong nước)\s+)?(?:(?:đã|đều|hiện)\s+)?có\s+(?!(?:thể|khoảng|hơn|trên|gần|tới|đến|chừng|tổng cộng)(?![\p{L}])|\d)\p{L}/iu;

/** Class counted-having: "N [[X]] (Việt Nam) có <words>", the name right after the figure, counts the X that have. */
export function countedHaving(x: ClassInput, f: Figure): Message | null {
  const ind = x.indicator;
  if (ind.unitClass !== 'count' || f.change || !x.name || x.name.start < f.end || x.plain.slice(f.end, x.name.start).trim()) return null;
  const m = HAVING.exec(x.plain.slice(x.name.end, x.name.end + 60));
  if (!m || namesSay(ind, 'có')) return null;
  return msg(
    `"${f.raw}" đếm những gì "có …" (một phần), không phải tất cả những gì "${ind.name}" đếm: chưa đánh dấu.`,
    `"${f.raw}" counts the ones that "have …" (a part), not all that "${ind.name}" counts: left unmarked.`,
  );
}
