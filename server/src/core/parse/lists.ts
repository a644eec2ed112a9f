/**
 * Lists in a sentence (clauses.ts uses them; docs/dialect.md §6.2, §6.3):
 * - "[[A]] và [[B]] lần lượt xếp thứ 18 và thứ 13": the n-th name before "lần lượt" takes the n-th
 *   figure of the list after it ({@link respectively});
 * - "đứng thứ 6 và thứ 7 về [[X]]": a name after a list of figures is about the first
 *   ({@link firstOfList});
 * - "lập 76.905 [[tổ …]] với 356.914 thành viên": a count with no noun right before a name counts
 *   what the name names when "với"/"gồm" brings a figure of another noun after it
 *   ({@link countedByName}, {@link attributeAfter});
 * - "21/22 bộ, ngành và 62/63 tỉnh, thành phố … năm 2024": the phrase after the last figure of a list
 *   joined by "và" dates the figures listed before it ({@link coordinatedPeriods}).
 * - "thứ 5, 6 và 7": the list a figure is in ({@link listFrom}; parse/further.ts binds the rest of
 *   such a list to a name given once).
 * Each looks at a bounded stretch of text around one reference or figure.
 */
import type { Figure, PeriodPhrase } from '../types';

/** A count or part with no unit of its own ("76.905", "22,3 triệu", "35/35"): a name right after it is its counted noun. */
export function countedByName(f: Figure): boolean {
  return f.unit === null && (f.kind === 'number' || f.kind === 'fraction') && !f.change && (f.role === undefined || f.role === 'level' || f.role === 'part');
}

/** After a name: "với", "gồm", "bao gồm" and the figure of what the named things have; "thuộc" and what they belong to ("thuộc 12 lĩnh vực"). */
const ATTRIBUTE = /^\s*(?:với|gồm|bao gồm|thuộc)\s+(?:(?:tổng số|khoảng|hơn|trên|gần|gần như|tới|xấp xỉ)\s+)?$/u;

/**
 * "76.905 [[tổ …]] với 356.914 thành viên": the figure after the name (`next`: the first starting at
 * or after its end) counts a noun of its own and "với"/"gồm" brings it. Its noun may be another
 * reference, masked (a run of spaces right after the figure): "với 356.914 [[Số thành viên …]]",
 * and then "và" may join the two too ("22,3 triệu [[A]] và 86,6 triệu [[B]]": each counts its own
 * name), or count others ("25/25 [[A]] và 10/28 dịch vụ công khác"). A list joined by "và" of figures
 * of no noun ("30/30 [[…]] và 63/63 địa phương") is no such case.
 */
export function attributeAfter(text: string, end: number, figures: Figure[], next: number): boolean {
  const f = figures[next];
  if (f === undefined || f.start - end > 30) return false;
  const gap = text.slice(end, f.start);
  // "25/25 [[A]] và 10/28 dịch vụ công khác": a count of other things ("khác") after "và" is not A's.
  if (f.unit !== null) return ATTRIBUTE.test(gap) || (AND_GAP.test(gap) && OTHERS.test(text.slice(f.end, f.end + 8)));
  return NAME_NEXT.test(text.slice(f.end, f.end + 6)) && (ATTRIBUTE.test(gap) || AND_GAP.test(gap));
}

/** Right after a figure, a masked reference (the space after the figure and five or more of the mask). */
const NAME_NEXT = /^ {6}/;
/** Right after a count's noun: "khác" (other), what it counts is not the name before it. */
const OTHERS = /^\s*khác(?![\p{L}\p{N}])/u;
/** "[[A]] và 86,6 triệu [[B]]": only "và" between a name and the next count. */
const AND_GAP = /^\s*và\s+$/u;

/** Before a reference, the one listed before it: "[[A]] và ", "[[A]], " (a masked reference is a run of spaces). */
const LISTED_BEFORE = / {5,}\s{0,2}(?:,\s{0,2}(?:và\s{1,2})?|và\s{1,2})$/u;
/** After a reference, the next one listed: " và [[B]]", ", [[B]]". */
const LISTED_AFTER = /^\s{0,2}(?:,\s{0,2}(?:và\s{1,2})?|và\s{1,2}) {5,}/u;
/** "lần lượt", and (round 34, reading.md §76) "tương ứng": "[[A]] và [[B]] tăng tương ứng 56,6% và 61,1%". */
const RESPECTIVELY = /(?:^|[^\p{L}])(lần lượt|tương ứng)(?![\p{L}])/iu;
/** Between two figures of a list: "45% và 52%", "thứ 18, thứ 13 và thứ 9", "0,72; 0,70" (parse/sentences.ts keeps such a list in one sentence). */
const LIST_JOIN = /^\s*(?:[,;]\s*(?:và\s+)?|và\s+)\s*$/u;

/**
 * "[[A]] và [[B]] của Việt Nam lần lượt xếp thứ 18 và thứ 13", "[[A]], [[B]] đạt lần lượt 45% và
 * 52%": the n-th name of a list before "lần lượt" takes the n-th figure of the list after it, when
 * both lists are as long. -1 if the reference stands in no such list. `next`: the index of the first
 * figure starting at or after the reference's end. Looks at most 160 characters either side.
 */
export function respectively(text: string, start: number, end: number, figures: Figure[], next: number): number {
  let after = text.slice(end, Math.min(text.length, end + 160));
  const lm = RESPECTIVELY.exec(after);
  if (!lm) return -1;
  const lpos = lm.index + lm[0].length - lm[1].length;
  const at = end + lm.index + lm[0].length;
  // No figure between the reference and "lần lượt" (but the first of the list may hold it: "tăng lần
  // lượt 5% và 7%"), and the list's first figure soon after it.
  if (next >= figures.length || figures[next].end <= at || figures[next].start - at > 30) return -1;
  let nAfter = 0;
  let used = 0;
  for (let m = LISTED_AFTER.exec(after); m && used + m[0].length <= lpos; m = LISTED_AFTER.exec(after)) {
    nAfter++;
    used += m[0].length;
    after = after.slice(m[0].length);
  }
  // A few words (no figure) may follow the last name: "của Việt Nam", "trong năm 2023".
  if (lpos - used > 60) return -1;
  let before = text.slice(Math.max(0, start - 160), start);
  let nBefore = 0;
  for (let m = LISTED_BEFORE.exec(before); m; m = LISTED_BEFORE.exec(before)) {
    nBefore++;
    before = before.slice(0, m.index);
  }
  const n = nBefore + 1 + nAfter;
  if (n < 2) return -1;
  let j = next;
  // (a rank after a full list of scores starts a list of its own: "lần lượt là 0,6062 và 0,5585, xếp thứ 45/63 và 41/63", reading.md §54)
  while (j + 1 < figures.length && j - next + 1 <= n && joined(text, figures[j], figures[j + 1]) && !(j - next + 1 === n && secondList(figures[j], figures[j + 1]))) j++;
  // (no test that the figures share a kind: names of two measures take figures of two kinds, "[[Số
  // người sử dụng Internet]] và [[Tỷ lệ …]] lần lượt là 78,4 triệu và 79,1%"; a channel list asks for
  // per cents only, markup/channel-list.ts, round 34)
  return j - next + 1 === n ? next + nBefore : -1;
}

/** A rank right after a figure of another kind, both in lists "lần lượt" pairs: the rank opens the second list. */
export function secondList(a: Figure, b: Figure): boolean {
  return b.kind === 'rank' && a.kind !== 'rank' && /^(?:xếp|đứng|hạng|thứ)/iu.test(b.raw);
}

/**
 * "[[X]] các năm 2020, 2021 và 2022 lần lượt là 18%, 16% và 20%": a list of period phrases (joined
 * by "," / "và") right before "lần lượt" and a list of figures as long right after it: the n-th
 * figure takes the n-th phrase as its own (`attached`). Each "lần lượt" looks at a bounded stretch.
 */
export function respectivePeriods(text: string, figures: Figure[], readings: Array<{ period: number }>, periods: PeriodPhrase[], attached: Uint8Array): void {
  // A list pairs two periods or more with as many figures (n ≥ 2 below); and "lần lượt" holds "ợ"
  // (under /iu it matches "ợ" and "Ợ" alone): most sentences need no scan.
  if (periods.length < 2 || figures.length < 2 || !mayHoldRespectively(text)) return;
  for (let m = RESPECTIVELY_ALL.exec(text); m; m = RESPECTIVELY_ALL.exec(text)) {
    const at = m.index + m[0].length - 'lần lượt'.length;
    let k = periods.length - 1;
    while (k >= 0 && periods[k].end > at) k--;
    if (k < 0 || at - periods[k].end > 160 || !/^[\s,]*$/u.test(text.slice(periods[k].end, at))) continue;
    let first = k;
    while (first > 0 && k - first < 8 && !periods[first - 1].comparison && LIST_JOIN.test(text.slice(periods[first - 1].end, periods[first].start))) first--;
    const n = k - first + 1;
    let f = 0;
    while (f < figures.length && figures[f].start < at + 8) f++;
    if (n < 2 || f >= figures.length || figures[f].start - (at + 8) > 20) continue;
    let last = f;
    while (last + 1 < figures.length && last - f + 1 < n && joined(text, figures[last], figures[last + 1])) last++;
    if (last - f + 1 !== n || (last + 1 < figures.length && joined(text, figures[last], figures[last + 1]))) continue;
    for (let i = 0; i < n; i++) {
      readings[f + i].period = first + i;
      attached[first + i] = 1;
    }
  }
  RESPECTIVELY_ALL.lastIndex = 0;
}
const RESPECTIVELY_ALL = /(?:^|[^\p{L}])lần lượt(?![\p{L}])/giu;

/** False when `text` cannot hold "lần lượt" in any case (a scan for "ợ"/"Ợ" rather than the Unicode regex at every position). */
export function mayHoldRespectively(text: string): boolean {
  return text.includes('ợ') || text.includes('Ợ');
}

/** "TP Hồ Chí Minh và Hà Nội đứng thứ 6 và thứ 7 về [[X]]": the first figure of the list ending at `last`. */
export function firstOfList(text: string, figures: Figure[], last: number): number {
  let i = last;
  while (i > 0 && last - i < 8 && (sameKindAs(figures[i - 1], figures[i]) || listedAfterRank(figures, i)) && joined(text, figures[i - 1], figures[i])) i--;
  return i;
}

/**
 * The list of figures joined by "," / ";" / "và" that figure `at` is in ("0,72; 0,70 và 0,69"):
 * [first, last] (at most 8 each way); `alike`: whether two neighbours (indices) are of one kind.
 */
export function listFrom(text: string, figures: Figure[], at: number, alike: (a: number, b: number) => boolean = (a, b) => sameKindAs(figures[a], figures[b])): [number, number] {
  let first = at;
  while (first > 0 && at - first < 8 && alike(first - 1, first) && joined(text, figures[first - 1], figures[first])) first--;
  let last = at;
  while (last + 1 < figures.length && last - at < 8 && alike(last, last + 1) && joined(text, figures[last], figures[last + 1])) last++;
  return [first, last];
}

/** Only a list's joining words between two figures (a short gap). */
export function joined(text: string, a: Figure, b: Figure): boolean {
  return b.start - a.end <= 12 && LIST_JOIN.test(text.slice(a.end, b.start));
}

/** Between two coordinated figures: "21/22 bộ, ngành và 62/63", "10% và [[Y]] đạt 12%" (no digit, at most 80 characters). */
const COORDINATED = /^[^\d]{0,80}?\svà\s[^\d]{0,80}$/u;
/** "xếp thứ 13, 18 và 21": a bare number listed after a rank (roles.ts reads it as one), figure `i` after figure `i - 1` (or after such a number). */
function listedAfterRank(figures: Figure[], i: number): boolean {
  const bare = (f: Figure): boolean => f.kind === 'number' && !f.unit && !f.change;
  return bare(figures[i]) && (figures[i - 1].kind === 'rank' || (bare(figures[i - 1]) && i > 1 && listedAfterRank(figures, i - 1)));
}
const sameKindAs = (a: Figure, b: Figure): boolean => a.kind === b.kind && a.unitClass === b.unitClass && !a.change === !b.change;

/**
 * "21/22 bộ, ngành và 62/63 tỉnh, thành phố đã ban hành kế hoạch năm 2024": a period phrase right
 * after the last figure of a list joined by "và" (`period[j]` already set to it) dates the figures
 * of the same kind listed before it in its clause that have no phrase of their own; one right
 * before the first figure ("6 tháng đầu năm 2022 tăng lần lượt 17,8% và 16,4%"), those after it.
 */
export function coordinatedPeriods(text: string, figures: Figure[], readings: Array<{ period: number }>, periods: PeriodPhrase[], clauseOf: number[]): void {
  const coordinated = (i: number): boolean => figures[i + 1].start - figures[i].end <= 170 && COORDINATED.test(text.slice(figures[i].end, figures[i + 1].start));
  for (let j = figures.length - 1; j > 0; j--) {
    const k = readings[j].period;
    if (k < 0 || periods[k].start < figures[j].end) continue;
    for (let i = j - 1; i >= 0 && j - i <= 8 && readings[i].period < 0 && clauseOf[i] === clauseOf[j] && sameKindAs(figures[i], figures[j]); i--) {
      if (!coordinated(i)) break;
      readings[i].period = k;
    }
  }
  // "6 tháng đầu năm 2022 tăng lần lượt 17,8% và 16,4%": the phrase right before the first figure of
  // the list dates the figures listed after it.
  for (let j = 0; j < figures.length - 1; j++) {
    const k = readings[j].period;
    if (k < 0 || periods[k].end > figures[j].start) continue;
    for (let i = j + 1; i < figures.length && i - j <= 8 && readings[i].period < 0 && clauseOf[i] === clauseOf[j] && sameKindAs(figures[i], figures[j]); i++) {
      if (!coordinated(i - 1)) break;
      readings[i].period = k;
    }
  }
}
