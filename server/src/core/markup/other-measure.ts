/**
 * False marks by class, round 17 (issue 13; held17's two false marks): a name read right, a figure
 * that measures something else than the entry, told by a head written before the name. One hook in
 * classes.ts falseByClass; each refusal is listed `figure-role` with its reason.
 *
 * - an average over places opening the sentence: "Bình quân cả nước, giá trị DTI cấp tỉnh năm 2023
 *   là 0,6783" is the mean of the provinces, no province's value (judge.ts averageOfUnits reads
 *   "bình quân" only in the few words before the name or between name and figure);
 * - a ratio's head before a growth entry's name: "Tỷ lệ thanh toán không dùng tiền mặt trong thương
 *   mại điện tử đạt 66,85%" is a share (a level), no growth rate, unless the name as written says
 *   the growth ("tỷ lệ tăng trưởng …") or the figure is a change.
 * - a count's head before a growth entry's name (round 20): "Số tài khoản giao dịch qua mã QR tăng
 *   20%" is the accounts' growth (headBeforeGrowth).
 * - the world written right after the name (round 18): "tốc độ … di động toàn cầu là 47,82 Mbps" is
 *   the world's value (worldValue).
 * - another country as the subject of the figure's clause (round 18, neg18): "Với băng rộng cố định,
 *   Singapore đạt tốc độ tải xuống 256,03 Mb/giây" is Singapore's value (countryValue).
 * - another country right after the name (round 20): "[[X]] của Malaysia đạt 97%" (countryOwner).
 * - a part of the population or of the places (round 20): "… ở khu vực nông thôn đạt 65%" (subgroup.ts).
 * - a rank set as a target (round 18, neg18): "Việt Nam đặt mục tiêu đứng thứ 40 vào năm 2025" is
 *   no place reached (targetRank).
 * - a platform's noun before the name (round 22): "doanh số trên các sàn giao dịch thương mại điện tử
 *   bán lẻ … tăng 42,29%" measures the marketplaces (platform-head.ts).
 * - one block's rate under an entry keeping no block series (round 23): "… đạt 24,11% ở bộ, ngành" (block-value.ts).
 * Pure: the figure's part as written, the sentence before it, the name's span, the entry.
 */
import { foldKey } from '../catalog/catalog';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { foreignCountry } from '../parse/family-carry';
import type { ClassInput } from './fronted';
import { otherWhole } from './other-whole';
import { regionRank, subgroupValue } from './subgroup';
import { platformHead } from './platform-head';
import { blockValue } from './block-value';

type Message = ReturnType<typeof msg>;

/**
 * A sentence opening with an average over places: "Bình quân cả nước,", "Tính trung bình các tỉnh,
 * thành phố,", "Trung bình chung toàn quốc,". The places are written: an average over time
 * ("Bình quân giai đoạn 2016–2020, … tăng 8%") is no class here.
 */
const AVERAGE_OVER_PLACES =
  /^\s*(?:tính\s+)?(?:bình quân|trung bình)\s+(?:chung\s+)?(?:của\s+)?(?:cả nước|toàn quốc|(?:các|63)\s+(?:tỉnh(?:,\s*thành(?:\s+phố)?)?|địa phương|bộ(?:,\s*ngành)?)|các nước|thế giới|toàn cầu)\s*[,:]/iu;

const AVERAGE_WORD = /(?:^|[^a-z])(?:binh quan|trung binh)(?:[^a-z]|$)/;

/** Class average-over-places: the sentence opens with an average over places, before the name. */
function averageOverPlaces(x: ClassInput, f: Figure, sentence: string): Message | null {
  const ind = x.indicator;
  if ([ind.name, ...(ind.aliases ?? [])].some((l) => AVERAGE_WORD.test(foldKey(l)))) return null;
  const m = AVERAGE_OVER_PLACES.exec(sentence);
  if (!m) return null;
  return msg(
    `"${f.raw}" là số bình quân ("${m[0].replace(/[,:]\s*$/, '').trim()}"), không phải giá trị của một đơn vị theo chỉ tiêu "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is an average ("${m[0].replace(/[,:]\s*$/, '').trim()}"), not one unit's value of "${ind.name}": left unmarked.`,
  );
}

/** A ratio's head right before the name: "tỷ lệ", "tỷ trọng" (the name's first word is the next). */
const RATIO_HEAD_BEFORE = /(?:^|[^\p{L}])(tỷ lệ|tỉ lệ|tỷ trọng|tỉ trọng)\s+$/iu;
/** Words of a name as written that say growth. */
const GROWTH_SAID = /(?:^|[^a-z])(?:tang|toc do)(?:[^a-z]|$)/;

/** Class ratio-as-growth: "Tỷ lệ X đạt N%" is a share of X, no growth of X. */
function ratioAsGrowth(x: ClassInput, f: Figure): Message | null {
  if (x.indicator.measure !== 'growth' || f.change || !x.name || x.name.end <= x.name.start) return null;
  const m = RATIO_HEAD_BEFORE.exec(x.plain.slice(Math.max(0, x.name.start - 16), x.name.start));
  if (!m || GROWTH_SAID.test(foldKey(x.plain.slice(x.name.start, x.name.end)))) return null;
  return msg(
    `"${m[1]} …" viết trước tên: "${f.raw}" là một tỷ lệ, không phải tốc độ tăng "${x.indicator.name}": chưa đánh dấu.`,
    `"${m[1]} …" is written before the name: "${f.raw}" is a ratio, not the growth rate "${x.indicator.name}": left unmarked.`,
  );
}

/**
 * A count's head right before the name, the clause's opening or a determiner before it: "số tài
 * khoản", "số lượng điểm chấp nhận", "số người dùng" (a word or more after "số"), or a count of
 * people or accounts written bare ("tài khoản", "người dùng", "khách hàng").
 */
const COUNT_HEAD_BEFORE =
  /(?:^|[,;:(]\s*|(?<![\p{L}])(?:tổng|các|những|về|có|với|và|còn|riêng|trong đó)\s+)((?:số(?:\s+lượng)?|lượng)\s+(?!(?:lượng|lượt)(?![\p{L}]))(?:[\p{L}]+\s+){1,3}|(?:tài khoản|người dùng|người sử dụng|người tiêu dùng|khách hàng)\s+)$/iu;

/**
 * Class head-before-growth (round 20, audit25; docs/reading.md §18): "Số tài khoản [[giao dịch qua
 * mã QR]] tăng 20%" tells the growth of the accounts, not of the transactions the growth entry
 * counts: a count's head written right before a growth entry's name (COUNT_HEAD_BEFORE), listed.
 * Not "số lượng", "số lượt" or "số" alone before the name ("Số lượng giao dịch qua mã QR tăng 20%": the count the
 * entry's growth is of), nor an entry whose name as written holds the head.
 */
export function headBeforeGrowth(x: ClassInput, f: Pick<Figure, 'raw'>): Message | null {
  if (x.indicator.measure !== 'growth' || !x.name || x.name.end <= x.name.start) return null;
  const m = COUNT_HEAD_BEFORE.exec(x.plain.slice(Math.max(0, x.name.start - 48), x.name.start));
  if (!m) return null;
  const head = m[1].trim();
  const ind = x.indicator;
  if ([ind.name, ...(ind.aliases ?? [])].some((l) => ` ${foldKey(l)} `.includes(` ${foldKey(head)} `))) return null;
  return msg(
    `"${head}" viết trước tên: "${f.raw}" là mức tăng của ${head}, không phải "${ind.name}": chưa đánh dấu.`,
    `"${head}" is written before the name: "${f.raw}" is the growth of ${head}, not "${ind.name}": left unmarked.`,
  );
}

/**
 * The world written right after the name (round 18, wrap18): "tốc độ tải xuống trung bình của
 * Internet di động toàn cầu là 47,82 Mbps", "… của thế giới", "… trung bình thế giới" tell the
 * world's value, not the country's; so do "… trên toàn cầu", "…, mức trung bình toàn cầu" (neg18). Not a rank ("Xếp hạng … thế giới" places the country), nor an
 * entry whose own names say the world ("Chỉ số đổi mới sáng tạo toàn cầu").
 */
const WORLD_AFTER =
  /^\s*(?:,\s*(?:mức|con số)\s+(?=bình quân|trung bình))?(?:của\s+)?(?:(?:bình quân|trung bình)\s+(?:của\s+)?)?(?:(?:trên|ở|tại)\s+(?:phạm vi\s+)?)?(toàn cầu|thế giới)(?![\p{L}])/iu;
const WORLD_NAMED = /(?:^|[^a-z])(?:toan cau|the gioi)(?:[^a-z]|$)/;

/** Class world-value: the name, then "toàn cầu"/"thế giới", then a figure that is no rank. */
function worldValue(x: ClassInput, f: Figure): Message | null {
  const ind = x.indicator;
  if (ind.measure === 'rank' || f.kind === 'rank' || f.role === 'rank' || !x.name || x.name.end <= x.name.start || x.name.end > f.start) return null;
  if ([ind.name, ...(ind.aliases ?? [])].some((l) => WORLD_NAMED.test(foldKey(l)))) return null;
  const m = WORLD_AFTER.exec(x.plain.slice(x.name.end, f.start));
  if (!m) return null;
  return msg(
    `"${f.raw}" là số của ${m[1]} ("${m[0].trim()}" sau tên), không phải của Việt Nam theo chỉ tiêu "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is the value of the world ("${m[0].trim()}" after the name), not Việt Nam's "${ind.name}": left unmarked.`,
  );
}

/**
 * The figure's clause opening with a name written with capitals, then a verb of reaching: "Singapore
 * đạt", "Hàn Quốc đứng", "…, trong khi Thái Lan có". A connective or "tại/ở" may come first.
 */
const CLAUSE_SUBJECT =
  /^\s*(?:(?:còn|trong khi|riêng|nhưng|song|tại|ở)\s+)?(\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*)(?:\s+(?:(?:cũng|đã|hiện|vẫn|tiếp tục)\s+)?(?:đạt|có|xếp|đứng|dẫn đầu|là)(?![\p{L}])|\s*$)/u;
/** Việt Nam, or a mapping list's word: the figure may be Việt Nam's after all. */
const OWN_OR_LIST = /(?<![\p{L}])(?:việt nam|nước ta|cả nước|lần lượt|tương ứng)(?![\p{L}])/iu;

/**
 * Class country-value (round 18, neg18): the figure's clause (from the last comma, colon or semicolon
 * before it, or the sentence's start) opens with another country as its subject ("Với băng rộng cố
 * định, Singapore đạt tốc độ tải xuống 256,03 Mb/giây", "…, còn Hàn Quốc đứng thứ 3"): that country's
 * value, never Việt Nam's entry's. Not when Việt Nam or a mapping list ("lần lượt") is written in the
 * clause ("Speedtest xếp Việt Nam thứ 40"), nor for an entry whose names say the country.
 * (Round 20, audit25: the country right before the figure, its verb in the figure's text or none,
 * is such a subject too: "Về [[X]], Thái Lan đạt 200 Mbps", "[[X]]: Singapore 250 Mbps, …".)
 */
/** Whether a name written with capitals is another country's, one the entry's own names do not say. */
function otherCountry(written: string, ind: ClassInput['indicator']): boolean {
  const country = written.normalize('NFC').toLowerCase();
  return foreignCountry(country) && country !== 'internet' && ![ind.name, ...(ind.aliases ?? [])].some((l) => ` ${foldKey(l)} `.includes(` ${foldKey(country)} `));
}

function countryValue(x: ClassInput, f: Figure): Message | null {
  const upTo = (x.before ?? '') + x.plain.slice(0, f.start);
  let from = 0;
  for (const m of upTo.matchAll(/[.!?;:](?!\d)\s*|,(?!\d)\s*/g)) from = m.index! + m[0].length;
  const clause = upTo.slice(from);
  const m = CLAUSE_SUBJECT.exec(clause);
  if (!m || OWN_OR_LIST.test(clause)) return null;
  const ind = x.indicator;
  if (!otherCountry(m[1], ind)) return null;
  return msg(
    `"${f.raw}" là số liệu của ${m[1]} (chủ ngữ của vế câu), không phải của Việt Nam theo chỉ tiêu "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is ${m[1]}'s figure (the subject of its clause), not Việt Nam's "${ind.name}": left unmarked.`,
  );
}

/** Right after the name: "của", "ở", "tại" and a name written with capitals (a country's, then). */
const OWNER_AFTER = /^\s*(?:năm\s+\d{4}\s+)?(?:của|ở|tại)\s+(\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*)*)(?![\p{L}])/u;

/**
 * Class country-owner (round 20, audit25; docs/reading.md §18): the name, then "của/ở/tại" and
 * another country ("[[X]] của Malaysia đạt 97%", "[[X]] ở Thái Lan là 88%, ở Việt Nam là 79%",
 * "[[X]] của Thái Lan đạt 60 Mbps, Việt Nam 47 Mbps"): the figure right after is that country's,
 * never Việt Nam's entry's; listed. Not when Việt Nam is written between the country and the figure,
 * nor for an entry whose names say the country.
 */
export function countryOwner(x: ClassInput, f: Pick<Figure, 'start' | 'raw'>): Message | null {
  if (!x.name || x.name.end <= x.name.start || x.name.end > f.start) return null;
  const between = x.plain.slice(x.name.end, f.start);
  const m = OWNER_AFTER.exec(between);
  if (!m || OWN_OR_LIST.test(between)) return null;
  const ind = x.indicator;
  if (!otherCountry(m[1], ind)) return null;
  return msg(
    `"${f.raw}" là số liệu của ${m[1]} ("${m[0].trim()}" sau tên), không phải của Việt Nam theo chỉ tiêu "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is ${m[1]}'s figure ("${m[0].trim()}" after the name), not Việt Nam's "${ind.name}": left unmarked.`,
  );
}

/**
 * A target word right before a rank, a period phrase and a linking word at most between: "đặt mục
 * tiêu đứng thứ 40", "phấn đấu đến năm 2030 đứng thứ 30", "mục tiêu là xếp thứ 40"; round 22
 * (neg22), the causative "đưa <a name> lên/vào": "phấn đấu đến năm 2025 đưa Việt Nam lên thứ 40".
 */
const TARGET_BEFORE_RANK =
  /(?<![\p{L}])(mục tiêu|phấn đấu|kế hoạch(?!\s+và\s+đầu tư)|chỉ tiêu|định hướng)(?:\s+(?:đến|tới|vào|trong)?\s*(?:cuối\s+)?năm\s+\d{4})?[\s,:]*(?:(?:là|sẽ|để)\s+)?(?:đưa\s+\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){0,3}\s+)?(?:(?:vươn lên|lọt vào|nằm trong|vào|lên)\s+)?$/iu;

/**
 * Class target-rank (round 18, neg18): a rank written right after a target word ("Về Chỉ số Đổi mới
 * sáng tạo toàn cầu, Việt Nam đặt mục tiêu đứng thứ 40 vào năm 2025") is a place to reach, never a
 * place reached: listed, whatever role the reader gives it.
 */
function targetRank(x: ClassInput, f: Figure): Message | null {
  if (f.kind !== 'rank' && x.indicator.measure !== 'rank' && x.indicator.unitClass !== 'rank') return null;
  const m = TARGET_BEFORE_RANK.exec(x.plain.slice(Math.max(0, f.start - 48), f.start));
  if (!m) return null;
  return msg(
    `"${f.raw}" là thứ hạng đặt làm mục tiêu ("${m[1]}"), chưa phải thứ hạng đã đạt của "${x.indicator.name}": chưa đánh dấu.`,
    `"${f.raw}" is a rank set as a target ("${m[1]}"), not a place "${x.indicator.name}" has reached: left unmarked.`,
  );
}

/** Why the bound figure measures, by one of this round's classes, something else than the entry, else null. */
export function otherMeasure(x: ClassInput, f: Figure): Message | null {
  const upTo = (x.before ?? '') + x.plain.slice(0, Math.min(f.start, x.name?.start ?? f.start));
  let from = 0;
  for (const m of upTo.matchAll(/[.!?](?!\d)\s+/g)) from = m.index! + m[0].length;
  return averageOverPlaces(x, f, upTo.slice(from)) ?? ratioAsGrowth(x, f) ?? headBeforeGrowth(x, f) ?? platformHead(x, f) ?? worldValue(x, f) ?? countryValue(x, f) ?? countryOwner(x, f) ?? targetRank(x, f) ?? subgroupValue(x, f, upTo.slice(from)) ?? regionRank(x, f) ?? otherWhole(x, f, upTo.slice(from)) ?? blockValue(x, f);
}
