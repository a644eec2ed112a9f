/**
 * A count of places put in a group, not a rank (issue 13, round 19, helper neg19; one hook in
 * classes.ts falseByClass): "Chỉ số an toàn, an ninh mạng toàn cầu năm 2024 xếp 46 nước vào bậc 1"
 * counts the countries the index placed in its top tier; "xếp" reads a rank only as "xếp (thứ) N"
 * of the subject. A bare "xếp N <noun>" (no "thứ", "hạng", no "/") followed by "vào"/"thuộc" and a
 * group ("nhóm", "bậc", "tốp", "danh sách", "mức") is listed `figure-role`, never marked. "xếp Việt
 * Nam thứ 17/194" and "xếp 71/193 quốc gia" stay ranks. Pure.
 */
import { msg } from '../i18n';
import type { Figure } from '../types';

/** The figure's own text: bare "xếp", a whole number, then a noun (the places counted). */
const BARE_PLACED = /^xếp\s+\d+(?:[.,]\d{3})*\s+\p{L}/iu;
/** After the figure: into a group. */
const INTO_GROUP = /^\s*(?:vào|thuộc)\s+(?:các\s+|những\s+)?(?:nhóm|bậc|tốp|top|danh\s+sách|mức)(?![\p{L}])/iu;

/** Why "xếp N nước vào bậc 1" counts places, not a rank (the message), else null. */
export function placedCount(plain: string, f: Figure, indicatorName: string): ReturnType<typeof msg> | null {
  if (!BARE_PLACED.test(f.raw) || f.raw.includes('/') || !INTO_GROUP.test(plain.slice(f.end, f.end + 40))) return null;
  return msg(
    `"${f.raw}" đếm số nơi được xếp vào một nhóm, không phải thứ hạng của "${indicatorName}": chưa đánh dấu.`,
    `"${f.raw}" counts the places put in a group, not a rank of "${indicatorName}": left unmarked.`,
  );
}
