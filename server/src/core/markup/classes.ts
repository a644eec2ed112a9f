/**
 * False marks by class (issue 13, round 11, docs/accuracy.md "False-mark classes"). Every
 * blind set so far came in at precision 0.80–0.88 because the earlier rules refused one sentence's
 * shape each; these refuse whole classes of figures that are no value of the entry a name binds them
 * to, each by the reader's role of the figure and the words written around it, never by a list of a
 * set's sentences:
 *
 * - a change as a level: a change figure given another role than a change, a multiple ("gấp 3
 *   lần") of an entry that measures no growth, a number of steps or tiers with no change word
 *   ("chia thành 5 bậc") are no level; a change that fits ("tăng 2 bậc") stays the entry's change;
 * - a tier as a rank: a bare number right after a tier word ("bậc 1", "nhóm 1", "tầng 2") is the tier,
 *   no rank or score, unless the entry's own names or unit say that tier word;
 * - a mapping list ("lần lượt", "tương ứng"): its figures go, in order, to the members listed right
 *   before the word; a name outside those members, or another member's place, takes none of them;
 * - an obligation or a deadline ("phải … chậm nhất", "hạn chót"): what must be reached, no value
 *   reached;
 * - a part abroad ("… doanh nghiệp … đang hoạt động ở nước ngoài"): a subset of what the entry counts;
 * - a rank of another scope: "Trong ASEAN, … đứng thứ 4" is no value of a world ranking;
 * - a share as a growth: "… chiếm khoảng 55% các giao dịch" is no growth rate;
 * - a bound passed by each of a count of places: "tám địa phương có trên 1.000 doanh nghiệp";
 * - a figure of the report's level-1 title (a headline restating the body's);
 * - an amount itemised after a colon from the whole written right before it (breakdown-item.ts).
 *
 * Each refusal is listed `figure-role` with its reason (detect.ts judge): markup never drops a name
 * silently. Pure: the part as written (names not blanked), the reader's figures and clauses, the entry.
 */
import { foldKey } from '../catalog/catalog';
import { beforeSeries, type Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { Figure, Qualifier, RankScopeWritten } from '../types';
import { work } from '../work';
import { firmAfterName } from './firm-after';
import { firmSubject } from './firms';
import { withinCount } from './within-count';
import { frontedClass } from './fronted';
import { otherMeasure } from './other-measure';
import { entrySays } from './entry-words';
import { selectedFew } from './counted-subsets';
import { addedNotStock } from './added';
import { weightNotValue } from './weight-figure';
import { placedCount } from './placed-count';
import { withdrawnFigure } from './withdrawn';
import { datelineDay } from './dateline';
import { countedHaving, groupCriterion } from './group-figure';
import { relativeChange } from './relative-change';
import { breakdownItem } from './breakdown-item';
import { countryPlace } from './country-place';
import { lossAmount } from './loss-figure';

export { blockNamed } from './blocks';
import { scopeFits, SCOPE_EN, SCOPE_VI } from './placement';

export interface ClassInput {
  /** The figure's part as written (names not blanked; same offsets as the reader's). */
  plain: string;
  /** The reader's figures of that part, and the bound one's index. */
  figs: Figure[];
  fig: number;
  /** The role the reader gives the bound figure ("level", "change", "base", …). */
  role: string | undefined;
  /** The name's span, when it is in the figure's part; else null. */
  name: { start: number; end: number } | null;
  indicator: Indicator;
  /** The scope the reader gives a rank in its own clause ("đứng thứ 4 Đông Nam Á"), if any. */
  scope?: RankScopeWritten;
  /** The sentence's text before the figure's part (a part after ";" keeps its sentence's opening). */
  before?: string;
  /** The period code the figure would be dated by (its phrase, else the report's), if any. */
  period?: string;
  /** The figure is in the report's level-1 title (`# …`). */
  title?: boolean;
}

/** A level-1 ATX heading's opening (the report's title, docs/dialect.md §4). */
export const TITLE = /^ {0,3}#[ \t]/;

/**
 * Class title (round 15): the report's level-1 title is a headline ("# Thanh toán qua mã QR tăng hơn
 * 150%") restating, rounded, a figure its body gives: listed, never marked (the body's figure is the fact).
 */
function titleFigure(x: ClassInput, f: Figure): Message | null {
  if (!x.title) return null;
  return msg(
    `"${f.raw}" ở tiêu đề cấp 1 của báo cáo là dòng tít nhắc lại số liệu của phần thân: chưa đánh dấu.`,
    `"${f.raw}" in the report's level-1 title is a headline restating a figure of the body: left unmarked.`,
  );
}

type Message = ReturnType<typeof msg>;

/** Whether the entry's names or unit say the (folded) words (entry-words.ts). */
const says = entrySays;

const isRankEntry = (ind: Indicator): boolean => ind.unitClass === 'rank' || ind.measure === 'rank';

/** Step words written after a number: "5 bậc", "3 hạng", "2 nấc", "4 vị trí" (a number of steps, never a position). */
const STEP_UNITS = new Set(['bac', 'hang', 'nac', 'buoc', 'vi tri', 'cap', 'cap do', 'thu hang']);

/**
 * Class 1: a change as a level. A change the reader reads as a change of a unit the entry fits
 * ("[[X]] tăng 1.200 doanh nghiệp", "tăng 2 bậc") stays the entry's change: the checker records it
 * and checks it against the history. But a change is never the entry's level: a change figure the
 * reader gives another role (a level, a part), a multiple ("gấp 3 lần") of an entry that measures no
 * growth (no base written beside it to check it against), and a number of steps or tiers written
 * before its step word with no change word ("chia thành 5 bậc": no position).
 */
function changeAsLevel(x: ClassInput, f: Figure): Message | null {
  const ind = x.indicator;
  if (ind.measure === 'growth') return null;
  if ((f.change && x.role !== 'change' && x.role !== 'base') || f.change?.times)
    return msg(
      `"${f.raw}" là một thay đổi (tăng/giảm, gấp … lần), không phải mức của chỉ tiêu "${ind.name}", vốn không đo tốc độ tăng: chưa đánh dấu.`,
      `"${f.raw}" is a change (a rise, a fall, "… times"), not a level of "${ind.name}", which measures no growth: left unmarked.`,
    );
  if (isRankEntry(ind) && !f.change && f.kind !== 'rank' && f.unit && STEP_UNITS.has(foldKey(f.unit).trim()))
    return msg(
      `"${f.raw}" đếm số bậc (số đứng trước "${f.unit}"), không phải vị trí xếp hạng của "${ind.name}": chưa đánh dấu.`,
      `"${f.raw}" counts steps or tiers (the number before "${f.unit}"), no position of "${ind.name}": left unmarked.`,
    );
  return null;
}

/** "chiếm khoảng 55%", "chiếm tỷ trọng 30%": a share of a whole written right before the figure. */
const SHARE_BEFORE = /(?:^|[^\p{L}])chiếm(?:\s+(?:tỷ trọng|tỷ lệ))?\s*$/iu;

/**
 * Class share-as-growth (round 15): "thanh toán qua mã QR chiếm khoảng 55% các giao dịch" is a share
 * of a whole, never a growth rate, whatever growth entry the words before it name.
 */
function shareAsGrowth(x: ClassInput, f: Figure): Message | null {
  if (x.indicator.measure !== 'growth' || f.change || !SHARE_BEFORE.test(x.plain.slice(Math.max(0, f.start - 24), f.start))) return null;
  return msg(
    `"chiếm ${f.raw}" là phần của một tổng, không phải tốc độ tăng "${x.indicator.name}": chưa đánh dấu.`,
    `"chiếm ${f.raw}" is a share of a whole, not the growth rate "${x.indicator.name}": left unmarked.`,
  );
}

/** "tám địa phương có", "15 tỉnh đều có", "nhiều doanh nghiệp đạt": a count of places or bodies that have, before a bound ("trên 1.000"). */
const PLACES_HAVE = /(?:^|[^\p{L}\p{N}])(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nhiều|một số|các)\s+(?:địa phương|tỉnh, thành phố|tỉnh, thành|tỉnh|thành phố|bộ, ngành|bộ|huyện|xã|quốc gia|nước|doanh nghiệp|trường|bệnh viện)\s+(?:(?:đã|đều|cùng|hiện)\s+)?(?:có|đạt|sở hữu|thu hút)\s*$/iu;
const BOUNDS = new Set<Qualifier>(['trên', 'hơn', 'tối thiểu']);

/**
 * Class threshold-per-place (round 15): "tám địa phương có trên 1.000 doanh nghiệp công nghệ thông
 * tin" counts places (tám) that pass a bound: "trên 1.000" is the bound each place passes, no value.
 * Only a round bound (one significant digit): "34 tỉnh có hơn 27.000 tổ" is the places' total.
 */
function thresholdPerPlace(x: ClassInput, f: Figure): Message | null {
  // A bound is a round number ("trên 1.000", "hơn 10 nghìn", "trên 500"); a total over places is not ("hơn 27.218").
  if (f.qualifier === null || !BOUNDS.has(f.qualifier) || f.change || !/^[1-9]0*$/.test(String(f.value))) return null;
  const m = PLACES_HAVE.exec(x.plain.slice(Math.max(0, f.start - 48), f.start));
  if (!m) return null;
  return msg(
    `"${m[0].trim()} ${f.raw}": "${f.raw}" là ngưỡng mỗi nơi vượt qua, không phải giá trị của "${x.indicator.name}": chưa đánh dấu.`,
    `"${m[0].trim()} ${f.raw}": "${f.raw}" is the bound each place passes, no value of "${x.indicator.name}": left unmarked.`,
  );
}

/** A tier word right before a bare number: "bậc 1", "nhóm 1", "tầng 2", "cấp độ 3", "tier 1". */
const TIER_BEFORE = /(?:^|[^\p{L}])(bậc|nhóm|tầng|cấp độ|cấp|mức độ|loại|tier)\s*$/iu;

/** Class 2: a tier or a group as a rank or a score. */
function tierAsRank(x: ClassInput, f: Figure): Message | null {
  if (f.kind !== 'number' || f.unit || f.change) return null;
  const m = TIER_BEFORE.exec(x.plain.slice(Math.max(0, f.start - 20), f.start));
  if (!m) return null;
  // An entry whose names or unit say the tier word measures that tier ("Cấp độ … 2IPD", unit "cấp độ").
  if (says(x.indicator, foldKey(m[1]))) return null;
  return msg(
    `"${m[1]} ${f.raw}" là một bậc, nhóm hay cấp, không phải thứ hạng hay điểm của "${x.indicator.name}": chưa đánh dấu.`,
    `"${m[1]} ${f.raw}" is a tier, group or level, not a rank or score of "${x.indicator.name}": left unmarked.`,
  );
}

const MAPPING = /(?<![\p{L}])(lần lượt|tương ứng)(?![\p{L}])/giu;
/** The end of a sentence or clause between a list's figures (not a thousands point: "6.500"). */
const BREAK = /[;:!?]|\.(?!\d)/;
/** Between two figures of a list: a comma or "và" (units, "thứ", "là" beside). */
const LIST_GAP = /,|(?<![\p{L}])và(?![\p{L}])/iu;
/** A change or a comparison between two figures: the second is no member of the list. */
const CHANGE_WORD = /(?<![\p{L}])(?:tăng|giảm|gấp|so với|cao hơn|thấp hơn|chiếm)(?![\p{L}])/iu;
/** What separates members of a list: a comma, "và", "cùng", "hoặc". */
const MEMBER_SPLITS = /,|(?<![\p{L}])(?:và|cùng|hoặc)(?![\p{L}])/giu;

/**
 * Class 3: a figure of a list after "lần lượt" / "tương ứng" maps to the member at its place among
 * those listed right before the word (from the previous figure, or the sentence's start); a name
 * that is not that member takes none of the list's figures.
 */
function mappedElsewhere(x: ClassInput, f: Figure): Message | null {
  const { plain, figs } = x;
  // (the word may be inside the figure as read: "tăng tương ứng 97,65%" is one change figure)
  let word: RegExpExecArray | null = null;
  for (const m of plain.slice(0, f.end).matchAll(MAPPING)) word = m as RegExpExecArray;
  if (!word) return null;
  const listFrom = word.index + word[0].length;
  if (BREAK.test(plain.slice(listFrom, Math.max(listFrom, f.start)))) return null;
  // The list: the figures after the word, each after a comma or "và" (the last after "và"), no
  // change word between ("tương ứng 85,46 thuê bao trên 100 dân, tăng 4,81%" is one figure).
  const list: number[] = [];
  for (let i = 0; i < figs.length; i++) {
    if (figs[i].end <= listFrom) continue;
    if (BREAK.test(plain.slice(listFrom, Math.max(listFrom, figs[i].start)))) break;
    if (list.length) {
      const gap = plain.slice(figs[list[list.length - 1]].end, figs[i].start);
      if (gap.length > 40 || !LIST_GAP.test(gap) || CHANGE_WORD.test(gap)) break;
      list.push(i);
      if (/(?<![\p{L}])và(?![\p{L}])/iu.test(gap)) break;
    } else list.push(i);
  }
  const k = list.indexOf(x.fig);
  if (k < 0 || list.length < 2) return null;
  // The members: the text before the word, from the previous figure (or the sentence's start), split.
  const prev = figs.filter((g) => g.end <= word!.index).pop();
  const from = Math.max(prev ? prev.end : 0, ...[...plain.slice(0, word.index).matchAll(/[;:!?]|\.(?!\d)/g)].map((b) => b.index + 1));
  const region = plain.slice(from, word.index);
  work.steps += region.length + (f.start - listFrom);
  // The members, each with the separator written before it ("," or "và").
  const members: Array<{ start: number; end: number; joined: boolean }> = [];
  let at = from;
  let joined = false;
  for (const m of [...region.matchAll(MEMBER_SPLITS), null]) {
    const end = m ? from + m.index! : word.index;
    if (/[\p{L}\p{N}]/u.test(plain.slice(at, end))) members.push({ start: at, end, joined });
    if (m) {
      at = end + m[0].length;
      joined = m[0] !== ',';
    }
  }
  // A name written after the list ("thứ 5, 6 và 7 trong xếp hạng …") or in its first member ("Điểm
  // DTI của Hải Phòng và Thành phố Hồ Chí Minh lần lượt là …") is said of every member; so is a
  // subject right before the word that is no member joined by "và" ("…, còn thanh toán qua mã QR
  // tăng tương ứng 56,52% và 111,62%"). Another member takes the figure at its own place only.
  if (!x.name || x.name.start >= f.end) return null;
  const j = members.findIndex((m) => x.name!.start < m.end && x.name!.end > m.start);
  if (j === 0 || (j >= 0 && j === members.length - 1 && !members[j].joined)) return null;
  if (j > 0 && j - k >= 0 && j - k + list.length <= members.length) return null;
  return msg(
    `"${f.raw}" thuộc danh sách "${word[0]}": số thứ ${k + 1} đi với vế thứ ${k + 1} liệt kê ngay trước "${word[0]}", không phải với tên này của "${x.indicator.name}": chưa đánh dấu.`,
    `"${f.raw}" is in a "${word[0]}" list: its ${k + 1}. figure goes with the ${k + 1}. member listed right before "${word[0]}", not with this name of "${x.indicator.name}": left unmarked.`,
  );
}

/** An obligation or a deadline in the figure's clause: what must be reached, not what was. */
const OBLIGATION =
  /(?<![\p{L}])(phải|hạn chót|cần (?:đạt|được|phải)|bắt buộc|(?:chậm|muộn) nhất(?=\s+(?:(?:là|vào|trong|đến)\s+)?(?:ngày|tuần|tháng|quý|năm|cuối|đầu|giữa|trước)(?![\p{L}])))(?![\p{L}])/iu;

/** The figure's clause as written: from the last break or comma-clause start before it to the next break. */
function clauseOf(plain: string, f: Figure): string {
  const before = plain.slice(0, f.start);
  let from = 0;
  for (const m of before.matchAll(/[;:!?]|\.(?!\d)|,\s+(?=còn|trong khi|nhưng|song|riêng)/g)) from = m.index + m[0].length;
  const after = plain.slice(f.end);
  const stop = after.search(/[;!?]|\.(?!\d)|,\s+(?:còn|trong khi|nhưng|song|riêng)(?![\p{L}])/u);
  return plain.slice(from, f.end + (stop < 0 ? after.length : stop));
}

/** Class 4: an obligation or a deadline (targets, thresholds and averages have rules of their own). */
function obligation(x: ClassInput, f: Figure): Message | null {
  if (x.role === 'target') return null;
  const m = OBLIGATION.exec(clauseOf(x.plain, f));
  if (!m || says(x.indicator, foldKey(m[1]))) return null;
  return msg(
    `"${f.raw}" ở trong một yêu cầu hay thời hạn ("${m[1]}"): điều phải đạt, chưa phải giá trị đã đạt của "${x.indicator.name}": chưa đánh dấu.`,
    `"${f.raw}" is in an obligation or a deadline ("${m[1]}"): what must be reached, not a value "${x.indicator.name}" has reached: left unmarked.`,
  );
}

/** A place that makes a count a part of the whole the entry counts: abroad. */
const ABROAD = /(?<![\p{L}])(ở nước ngoài|tại nước ngoài|ra nước ngoài|ngoài nước|ở ngoài nước|ở nước sở tại)(?![\p{L}])/iu;

/** Class 5: a count of a subset, the part abroad. */
function partAbroad(x: ClassInput, f: Figure): Message | null {
  if (x.indicator.unitClass !== 'count') return null;
  // Within the figure's noun phrase: after it, before the next comma or break.
  const m = ABROAD.exec(/^[^,;:!?]*/.exec(x.plain.slice(f.end, f.end + 100).replace(/\.(?!\d)[^]*$/, ''))![0]);
  if (!m || says(x.indicator, foldKey(m[1]))) return null;
  return msg(
    `"${f.raw}" đếm phần "${m[1]}", một phần của tổng mà "${x.indicator.name}" đếm: chưa đánh dấu.`,
    `"${f.raw}" counts the part "${m[1]}" (abroad), a part of the whole "${x.indicator.name}" counts: left unmarked.`,
  );
}

/** A scope phrase opening a clause: "Trong ASEAN,", "Tại khu vực Đông Nam Á,", "Trên thế giới,", "Ở châu Á". */
const SCOPE_PHRASE = /(?<![\p{L}])(?:trong|tại|ở|trên)\s+(?:(?:khu vực|phạm vi|nhóm)\s+)?(asean|đông nam á|châu á(?: - thái bình dương)?|đông á|châu đại dương|thế giới|toàn cầu)(?![\p{L}])/giu;
const SCOPE_OF: Record<string, RankScopeWritten> = { asean: 'asean', 'đông nam á': 'asean', 'châu á': 'asia', 'châu á - thái bình dương': 'asia', 'đông á': 'asia', 'châu đại dương': 'asia', 'thế giới': 'world', 'toàn cầu': 'world' };

/**
 * Class 6: a rank of another scope. A rank whose own clause says no scope takes the scope its
 * sentence set before it ("Trong ASEAN, bưu chính Việt Nam năm 2022 vẫn đứng thứ 4"): a rank within
 * ASEAN is no value of a world ranking (catalog `scope`), nor the reverse.
 */
function otherScope(x: ClassInput, f: Figure): Message | null {
  const ind = x.indicator;
  if (x.scope || !ind.scope || ind.scope === 'national' || (f.kind !== 'rank' && !isRankEntry(ind))) return null;
  const text = (x.before ?? '') + x.plain.slice(0, f.start);
  work.steps += text.length;
  let last: RegExpExecArray | null = null;
  for (const m of text.matchAll(SCOPE_PHRASE)) last = m as RegExpExecArray;
  if (!last) return null;
  const written = SCOPE_OF[last[1].toLowerCase()];
  if (!written || scopeFits(written, ind.scope)) return null;
  return msg(
    `"${f.raw}" là thứ hạng ${SCOPE_VI[written]} (câu viết "${last[0].trim()}"), còn "${ind.name}" xếp hạng ${SCOPE_VI[ind.scope] ?? ind.scope}: chưa đánh dấu.`,
    `"${f.raw}" is a rank ${SCOPE_EN[written]} (the sentence says "${last[0].trim()}"), while "${ind.name}" ranks ${SCOPE_EN[ind.scope] ?? ind.scope}: left unmarked.`,
  );
}

/**
 * Class 7: a predecessor's figure. A figure of a period before the entry's series began (catalog
 * `since`: the provincial DTI was first assessed for 2020) is a value of another ranking ("xếp hạng
 * ứng dụng công nghệ thông tin … năm 2017", the Vietnam ICT Index), never this entry's.
 */
function predecessor(x: ClassInput, f: Figure): Message | null {
  if (!beforeSeries(x.indicator, x.period)) return null;
  return msg(
    `"${f.raw}" thuộc kỳ ${x.period}, trước năm đầu tiên của "${x.indicator.name}" (${x.indicator.since}): số liệu của một bảng xếp hạng khác hay tiền thân, chưa đánh dấu.`,
    `"${f.raw}" is of ${x.period}, before the first year of "${x.indicator.name}" (${x.indicator.since}): another ranking's or a predecessor's figure, left unmarked.`,
  );
}

/**
 * Class 8: a firm's figure. A figure whose subject is a named firm ("Viettel … có 3 triệu thuê bao
 * 5G", "số người dùng 5G của VNPT là 4 triệu") is that firm's, not the entry's national value, as a
 * province's is (firms.ts); an entry whose own names say the firm keeps it.
 */
function firmFigure(x: ClassInput, f: Figure): Message | null {
  const own = (w: string): boolean => says(x.indicator, foldKey(w));
  const firm = firmSubject((x.before ?? '') + x.plain.slice(0, f.start), own) ?? firmAfterName(x.plain, x.name, f, own);
  if (!firm) return null;
  return msg(
    `"${f.raw}" là số liệu của ${firm}, một doanh nghiệp, không phải của cả nước cho "${x.indicator.name}": chưa đánh dấu.`,
    `"${f.raw}" is ${firm}'s figure, a firm's, not the country's value of "${x.indicator.name}": left unmarked.`,
  );
}

/**
 * Why the bound figure is, by its class, no value of the entry (the message listing it), else null.
 * Called by detect.ts judge after the sentence-level rules (judge.ts whoseFigure).
 */
export function falseByClass(x: ClassInput): Message | null {
  const f = x.figs[x.fig];
  if (!f) return null;
  return titleFigure(x, f) ?? changeAsLevel(x, f) ?? shareAsGrowth(x, f) ?? thresholdPerPlace(x, f) ?? tierAsRank(x, f) ?? mappedElsewhere(x, f) ?? obligation(x, f) ?? partAbroad(x, f) ?? otherScope(x, f) ?? predecessor(x, f) ?? firmFigure(x, f) ?? withinCount((x.before ?? '').slice(-120) + x.plain.slice(Math.max(0, f.start - 120), f.start), x.plain.slice(f.numeralEnd, f.numeralEnd + 40), f, x.indicator) ?? frontedClass(x, f) ?? otherMeasure(x, f) ?? selectedFew(x, f) ?? countedHaving(x, f) ?? groupCriterion(x, f) ?? addedNotStock(x, f) ?? weightNotValue({ plain: x.plain, before: x.before, indicatorName: x.indicator.name }, f) ?? placedCount(x.plain, f, x.indicator.name) ?? withdrawnFigure(x.before ?? '', x.plain.slice(Math.max(0, f.start - 240), f.start), f) ?? datelineDay(x.before ?? '', x.plain, x.period, x.indicator, f) ?? relativeChange(x.role, f, x.indicator) ?? breakdownItem(x.plain, x.figs, f, x.name) ?? countryPlace((x.before ?? '') + x.plain.slice(0, f.start), f, x.indicator) ?? lossAmount(x.plain, f, x.indicator);
}
