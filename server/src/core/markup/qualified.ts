/**
 * Words around a bound figure that say it is not the indicator's value (issue 13, eighth round,
 * docs/accuracy.md): an addition ("lắp đặt thêm hơn 26.000 trạm"), a plan's figure the reader reads
 * as a level ("Kế hoạch đặt ra tỷ lệ … là 10,3%"), a change qualified by the other measure than the
 * entry's ("tăng 63% về số lượng và 41% về giá trị": 41% is no growth of a count's entry). Each
 * is listed `figure-role`, not marked (judge.ts whoseFigure, which also lists a bare number counting
 * the name after it: "xây dựng trên 3 trụ cột chính quyền số, …" is no rank). Ninth round (held8):
 * `notTheValue`, on the sentence as written: a milestone, a count of those without, a level of a
 * movement, a total since an event, a rate's change in per cent. Pure: the figure's part text and the entry only.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { PLANNED as PLAN_OR_TARGET } from '../parse/subject-words';
import { uploadFigure } from './upload-figure';

/** "thêm" right before the figure: the figure is what was added, no level. */
const ADDED = /(?:^|[^\p{L}])thêm\s*$/iu;
/** A plan or a goal set, earlier in the sentence: its figures are planned, not reached. */
const PLANNED = /(?:^|[^\p{L}])(?:kế hoạch(?!\s+và\s+đầu tư)|đặt ra|đề ra)(?![\p{L}])/iu; // (Bộ Kế hoạch và Đầu tư is no plan)
/** "(về) giá trị (:)" right before a figure, an adverb between ("giá trị chỉ tăng 74,16%"): the figure is the value's. */
const VALUE_BEFORE = /(?:^|[^\p{L}])giá\s+trị\s*:?\s*(?:(?:chỉ|cũng|đã|còn|vẫn|lại)\s+)?$/iu;
/** "về số lượng" / "về giá trị" right after a change: which measure the change is of. */
const MEASURE_AFTER = /^\s*về\s+(số lượng|giá trị)(?![\p{L}])/iu;

/**
 * "về số lượng" / "về giá trị" right after a change at `end` of `text` that `ind` does not measure
 * (its names say "giá trị" or not): the words and the measure said; else null. The detector lists
 * such a figure; the checker reads the family's member that measures it, else nothing
 * (markup/bound-measure.ts; docs/reading.md §27.2).
 */
export function otherMeasureAfter(text: string, end: number, ind: Indicator): RegExpExecArray | null {
  const measure = MEASURE_AFTER.exec(text.slice(end, end + 20));
  return measure && (foldKey(measure[1]) === foldKey('giá trị')) !== namesSay(ind, 'giá trị') ? measure : null;
}

function namesSay(ind: Indicator, words: string): boolean {
  const w = foldKey(words);
  return [ind.name, ...(ind.aliases ?? [])].some((n) => foldKey(n).includes(w));
}

/**
 * Why `f`, bound to `ind`'s name, is no value of it by the words around it, or null. `text`: the
 * figure's part; `before`: the start of the text before the figure that is looked at (the sentence's
 * start); `role`: the role the reader gives the figure (a target stays a target: it is marked).
 */
export function qualifiedFigure(text: string, before: number, f: Figure, ind: Indicator, role: string): ReturnType<typeof msg> | null {
  const head = text.slice(before, f.start);
  if (ADDED.test(head))
    return msg(
      `Số liệu "${f.raw}" viết sau "thêm" là phần tăng thêm, không phải giá trị của chỉ tiêu: chưa đánh dấu.`,
      `The figure "${f.raw}" written after "thêm" is what was added, not the indicator's value: left unmarked.`,
    );
  const plan = PLANNED.exec(head);
  if (role !== 'target' && plan && !namesSay(ind, plan[0].replace(/^[^\p{L}]/u, '')))
    return msg(
      `Số liệu "${f.raw}" là con số của một kế hoạch, chưa phải giá trị đã đạt của chỉ tiêu: chưa đánh dấu.`,
      `The figure "${f.raw}" is a plan's figure, not a value the indicator has reached: left unmarked.`,
    );
  // (round 33, reading.md §73) A change after a plan or target word of its sentence ("Ngân hàng Nhà nước
  // đặt mục tiêu năm 2026 thanh toán qua mã QR tăng 50%"): the reader makes no change a target, so the
  // planned growth would stand as one reached; the channel reader asks the same (channel-words.ts plannedBefore).
  const target = f.change ? PLAN_OR_TARGET.exec(head.replace(/\([^()]*\)/g, ' ')) : null;
  if (target && !namesSay(ind, target[0]))
    return msg(
      `Thay đổi "${f.raw}" viết sau "${target[0]}" là con số của một kế hoạch hay mục tiêu, chưa phải mức đã đạt của chỉ tiêu: chưa đánh dấu.`,
      `The change "${f.raw}" written after "${target[0]}" is a plan's or a target's figure, not a movement the indicator has made: left unmarked.`,
    );
  // (round 33) "giá trị" told right before a per cent ("… tăng mạnh nhất về giá trị: 74,16%", "…: giá
  // trị tăng 74,16%") of an entry whose names do not say "giá trị": the value's figure.
  if (f.kind === 'percent' && VALUE_BEFORE.test(head) && !namesSay(ind, 'giá trị'))
    return msg(
      `Số liệu "${f.raw}" viết ngay sau "giá trị" là của giá trị, còn chỉ tiêu "${ind.name}" không đo giá trị: chưa đánh dấu.`,
      `The figure "${f.raw}" written right after "giá trị" is the value's, which "${ind.name}" does not measure: left unmarked.`,
    );
  const measure = otherMeasureAfter(text, f.end, ind);
  if (measure)
    return msg(
      `Số liệu "${f.raw}" là thay đổi ${measure[0].trim()}, còn chỉ tiêu "${ind.name}" không đo ${measure[1]}: chưa đánh dấu.`,
      `The figure "${f.raw}" is a change ${measure[0].trim()}, which "${ind.name}" does not measure: left unmarked.`,
    );
  return null;
}

/**
 * "vượt mốc 90", "ngưỡng 5 Mbps", "lần đầu vượt 500 Mbps" (a round mark first crossed: speed reports, issue 13
 * round 15, test/unit/speed-round15.test.ts): a milestone or threshold the value is set against, not the value.
 */
const THRESHOLD_BEFORE = /(?:^|[^\p{L}])(?:mốc|ngưỡng|lần đầu(?: tiên)? vượt(?: qua)?)\s*$/iu;
/** "(từ) 0,5 điểm trở lên", "80% trở xuống": a bound things are counted by (at most two unit words between). */
const BOUND_AFTER = /^(?:\s+[\p{L}\p{M}]+){0,2}\s+trở\s+(?:lên|xuống)(?![\p{L}])/iu;
/** "tăng từ 6,53% … lên 6,65%": the two levels of a movement, the first or the second. */
const LEVELS_BEFORE = /(?:^|[^\p{L}])(?:tăng|giảm)\s+từ(?:\s*|\s(?:[^,;:.]|[,.](?=\d))*?[^\p{L}](?:lên|xuống)\s*)$/iu;
/** Words that say the indicator's name is a growth ("tăng trưởng", "tốc độ tăng"). */
const GROWTH_WORDS = /(?:^|[^a-z])(?:tang truong|toc do tang)(?:[^a-z]|$)/;
/** A total since an event ("cộng dồn từ khi khai trương", "kể từ khi đưa vào vận hành"): no period's flow. */
const SINCE_EVENT = /(?:^|[^\p{L}])(?:kể |tính )?từ khi\s+(?:chính thức\s+)?(?:khai trương|đưa vào|vận hành|triển khai|ra mắt|hoạt động|thành lập)(?![\p{L}])/iu;
/** A negation after the figure: it counts those without ("11 triệu thuê bao … chưa tiếp cận Internet …"). */
const WITHOUT_AFTER = /(?:^|[^\p{L}])(?:chưa|không|chẳng)\s+(?:tiếp cận|sử dụng|dùng|có|kết nối|được)(?![\p{L}])/iu;

/**
 * Why `f` is no value of `ind` by the plain words around it (`plain`: the figure's part as written,
 * names not blanked; `written`: the name as written), or null: a
 * milestone or threshold ("vượt mốc 90", "từ 0,5 điểm trở lên"), a level of "tăng từ … lên …" bound by a name that does not
 * say growth ("kinh tế số tăng từ 6,53% lên 6,65%" is no growth of 6,65%), a count of those without
 * what the name counts ("… chưa tiếp cận Internet băng rộng di động"). Listed `figure-role`.
 */
export function notTheValue(plain: string, f: Figure, ind: Indicator, written: string): ReturnType<typeof msg> | null {
  const head = plain.slice(Math.max(0, f.start - 80), f.start);
  if (THRESHOLD_BEFORE.test(head))
    return msg(`"${f.raw}" sau "mốc/ngưỡng/lần đầu vượt" là một mốc so sánh, không phải giá trị đo được: chưa đánh dấu.`, `"${f.raw}" after "mốc/ngưỡng/lần đầu vượt" is a milestone or threshold, not a measured value: left unmarked.`);
  if (BOUND_AFTER.test(plain.slice(f.end, f.end + 40)))
    return msg(`"${f.raw} … trở lên/trở xuống" là một ngưỡng để đếm, không phải giá trị đo được: chưa đánh dấu.`, `"${f.raw} … trở lên/trở xuống" (or more / or less) is a bound things are counted by, not a measured value: left unmarked.`);
  if (ind.measure === 'growth' && LEVELS_BEFORE.test(head) && !GROWTH_WORDS.test(foldKey(written)))
    return msg(
      `"${f.raw}" là một mức của "tăng/giảm từ … lên/xuống …", không phải tốc độ tăng trưởng "${ind.name}": chưa đánh dấu.`,
      `"${f.raw}" is a level of "rose/fell from … to …", not the growth "${ind.name}": left unmarked.`,
    );
  // The figure's sentence up to it: a flow summed since an event is no value of a period.
  const sentence = plain.slice(0, f.start).split(/[.;!?](?:\s|$)/).pop()!;
  if (ind.measure === 'flow' && SINCE_EVENT.test(sentence))
    return msg(
      `"${f.raw}" là tổng cộng dồn từ một sự kiện, không phải giá trị của một kỳ của "${ind.name}": chưa đánh dấu.`,
      `"${f.raw}" is a total summed since an event, not one period's value of "${ind.name}": left unmarked.`,
    );
  // A change in per cent of an entry in per cent ("tỷ lệ … tăng 13,9% so với cùng kỳ"): relative or in points, unsaid.
  if (ind.unitClass === 'percent' && ind.measure !== 'growth' && f.change && f.kind === 'percent' && !f.change.times)
    return msg(
      `"${f.raw}" là thay đổi tính bằng % của một tỷ lệ: không rõ là % tương đối hay điểm phần trăm, chưa đánh dấu.`,
      `"${f.raw}" is a change in per cent of a rate: relative or in percentage points is not said, left unmarked.`,
    );
  // (an upload told between a download speed's name and the figure: upload-figure.ts, §83)
  const upload = uploadFigure(plain, f, ind);
  if (upload) return upload;
  const tail = /^[^.;]{0,80}/.exec(plain.slice(f.end))![0];
  const without = WITHOUT_AFTER.exec(tail);
  if (without && !namesSay(ind, without[0].replace(/^[^\p{L}]/u, '')))
    return msg(
      `"${f.raw}" đếm những gì "${without[0].trim()}", không phải giá trị của "${ind.name}": chưa đánh dấu.`,
      `"${f.raw}" counts what is "${without[0].trim()}" (without), not a value of "${ind.name}": left unmarked.`,
    );
  return null;
}
