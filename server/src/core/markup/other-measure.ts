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
 * - the world written right after the name (round 18): "tốc độ … di động toàn cầu là 47,82 Mbps" is
 *   the world's value (worldValue).
 * Pure: the figure's part as written, the sentence before it, the name's span, the entry.
 */
import { foldKey } from '../catalog/catalog';
import { msg } from '../i18n';
import type { Figure } from '../types';
import type { ClassInput } from './fronted';

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
 * The world written right after the name (round 18, wrap18): "tốc độ tải xuống trung bình của
 * Internet di động toàn cầu là 47,82 Mbps", "… của thế giới", "… trung bình thế giới" tell the
 * world's value, not the country's. Not a rank ("Xếp hạng … thế giới" places the country), nor an
 * entry whose own names say the world ("Chỉ số đổi mới sáng tạo toàn cầu").
 */
const WORLD_AFTER = /^\s*(?:của\s+)?(?:(?:bình quân|trung bình)\s+(?:của\s+)?)?(toàn cầu|thế giới)(?![\p{L}])/iu;
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

/** Why the bound figure measures, by one of this round's classes, something else than the entry, else null. */
export function otherMeasure(x: ClassInput, f: Figure): Message | null {
  const upTo = (x.before ?? '') + x.plain.slice(0, Math.min(f.start, x.name?.start ?? f.start));
  let from = 0;
  for (const m of upTo.matchAll(/[.!?](?!\d)\s+/g)) from = m.index! + m[0].length;
  return averageOverPlaces(x, f, upTo.slice(from)) ?? ratioAsGrowth(x, f) ?? worldValue(x, f);
}
