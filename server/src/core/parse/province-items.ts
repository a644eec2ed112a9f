/**
 * Provinces' figures in brackets beside their names in the sentence of a provincial reference
 * (docs/reading.md §6.5 (10)): "Kon Tum (45) và Đắk Lắk (47) đứng trên Đắk Nông trong [[X]] năm
 * 2022", "Long An đứng thứ 11 về [[X]], cao hơn Tiền Giang (20) và Bến Tre (51)", "Lào Cai (hạng 38)".
 * Each bracket holds only one figure of the bound figure's kind (a rank: a whole number or "hạng/thứ
 * N"; a score: a figure of its kind and unit) right after a province's (or a ministry's) name: it is
 * that unit's figure of the same series and period, a further figure `listed` (further.ts): the
 * history keys it by the unit the bracket follows (history/subject.ts: "a figure in parentheses is
 * that of the words before them"), and analyze.ts drops it unless the series is one of provinces or
 * ministries. Never a country's ("sau Singapore (7)": no province), a change ("(tăng 3 bậc)"), a
 * bracket with more than the figure, a figure behind another reference, nor one of a pillar or
 * criterion named in its clause. Pure; bounded (a fixed look before each figure).
 */
import type { Figure } from '../types';
import { isLevelRole, type SentenceReading } from './clauses';
import { OTHER_INDEX, PART_WORDS, PLANNED } from './family-carry';
import { unitAtEnd, unitsBefore } from './subject-list';

/** Before a bracketed figure: its unit's name, an opening bracket, perhaps the rank word. */
const OPEN = /\(\s*$/u;
/** After it: the closing bracket. */
const CLOSE = /^\s*\)/u;

/** Whether figure `j` is a whole place written bare ("(45)") or a rank ("(hạng 38)"). */
function placeLike(f: Figure, role: string): boolean {
  if (role === 'rank' || f.kind === 'rank') return !f.change;
  return f.kind === 'number' && !f.unit && !f.change && f.decimals === 0 && Number.isInteger(f.value) && f.value >= 1 && f.value <= 200;
}

/**
 * The bracketed units' figures of the sentence (see the module comment) when the reference at
 * [refStart, refEnd) binds figure `idx`: their indices, in order. Empty if none.
 */
export function bracketItems(idx: number, text: string, figures: Figure[], reading: SentenceReading, refStart: number, refEnd: number): number[] {
  const own = reading.figures[idx];
  if (refEnd < 0 || !own || !isLevelRole(own.role) || figures[idx].change) return [];
  const rank = own.role === 'rank' || figures[idx].kind === 'rank';
  const a = figures[idx];
  const out: number[] = [];
  for (let j = 0; j < figures.length && out.length < 62; j++) {
    if (j === idx) continue;
    const f = figures[j];
    const role = reading.figures[j].role;
    if (rank ? !placeLike(f, role) : !(isLevelRole(role) && !f.change && f.kind === a.kind && f.unitClass === a.unitClass && f.decimals > 0 === a.decimals > 0)) continue;
    const before = text.slice(Math.max(0, f.start - 90), f.start);
    if (!OPEN.test(before) || !CLOSE.test(text.slice(f.end, f.end + 4))) continue;
    const unit = unitAtEnd(before.replace(/\s*\(\s*$/u, ''));
    if (!unit) continue;
    // No other reference between the name and the bracket; no pillar or criterion in its clause.
    const from = Math.min(f.start, refStart);
    const to = Math.max(f.end, refEnd);
    if (reading.masked.some((m) => m >= from && m < to && !(m >= refStart - 1 && m < refEnd))) continue;
    // (what stands between the name and the bracket: "…, ở trụ cột chính quyền số, Hà Nội (40)" is a pillar's)
    if (PART_WORDS.test(f.start < refStart ? text.slice(f.end, refStart) : text.slice(Math.max(refEnd, a.end), f.start))) continue;
    out.push(j);
  }
  return out;
}

/** Between a list of units and its ranks: verbs, the rank's words, "lần lượt" (any of them, in any order). */
const UNIT_VERBS = /(?:\s+(?:đứng|xếp|ở|đạt|là|được|giữ|chỉ|mới|lên|xuống|lùi|vươn|còn|vị trí|các vị trí|hạng|thứ|lần lượt|tương ứng))*\s*$/u;
/** Between two ranks of one group: ", ", " và ", perhaps the next one's rank word. */
const RANK_JOIN = /^\s*(?:,\s*(?:và\s+)?|và\s+)(?:(?:thứ|hạng)\s+)?$/u;
/** Between an item and the next unit: a few lower-case words ("theo sát"), a clause break, a linking word. */
const BETWEEN = /^\s*(?:\p{Ll}+\s+){0,3}?(?:\p{Ll}+)?\s*(?:[,;]\s*)?(?:(?:còn|trong khi|và|riêng|tiếp theo là|tiếp đến là|theo sau là|kế đến là)\s+)?$/u;
/** Before the sentence's first unit: a lead clause ("Trong vùng, ", "Cũng năm 2022, ", "Đà Nẵng vẫn dẫn đầu; ": no figure) or none, a linking word. */
const OPENING = /^\s*(?:[^,:;]*[,:;]\s*)?(?:(?:còn|trong khi|riêng|tiếp theo là|tiếp đến là|theo sau là|kế đến là)\s+)?$/iu;

/** Words that name the country: its own series are not the places of a ranking of units. */
export const NATION = /(?:^|[^\p{L}])(?:việt nam|nước ta|cả nước)(?![\p{L}])/iu;

/**
 * "Hà Tĩnh xếp thứ 37.", "Quảng Bình, Quảng Trị đứng thứ 46 và 55.", "Kiên Giang (32) và Sóc Trăng
 * (36) theo sát, còn An Giang chỉ đứng thứ 54.": a sentence whose figures are only provinces' (or
 * ministries') ranks, each unit named right before its rank (a verb between) or before a group of as
 * many ranks, or in brackets after its name, changes aside ("tăng 3 bậc"); none named in `told` (the
 * sentence of the ranking's reference: its own unit's further ranks are the carry's, family-carry.ts).
 * The ranks' indices; null if the sentence is no such list (a country's, another index's, a
 * pillar's, a plan's).
 */
export function provinceRanks(text: string, figures: Figure[], reading: SentenceReading, told: string): number[] | null {
  const n = figures.length;
  if (n < 1 || n > 62 || reading.masked.length || NATION.test(text) || OTHER_INDEX.test(text) || PART_WORDS.test(text) || PLANNED.test(text)) return null;
  const out: number[] = [];
  let from = 0;
  for (let j = 0; j < n; ) {
    const f = figures[j];
    const role = reading.figures[j].role;
    if (f.change || role === 'change') {
      from = f.end;
      j++;
      continue;
    }
    const stretch = text.slice(from, f.start);
    const bracket = OPEN.test(stretch);
    if (!placeLike(f, role) || (!bracket && role !== 'rank' && f.kind !== 'rank')) return null;
    // The units and what leads to them: after the previous item, or the sentence's opening.
    const head = bracket ? stretch.replace(/\s*\(\s*$/u, '') : stretch.replace(UNIT_VERBS, '');
    const units = bracket ? { n: unitAtEnd(head) ? 1 : 0, at: unitAtEnd(head)?.at ?? 0 } : unitsBefore(head);
    if (units.n < 1 || !(from === 0 ? OPENING : BETWEEN).test(head.slice(0, units.at))) return null;
    if (unitNames(head.slice(units.at)).some((u) => named(told, u))) return null;
    const group = [j];
    for (let k = j + 1; group.length < units.n && k < n && RANK_JOIN.test(text.slice(figures[k - 1].end, figures[k].start)) && placeLike(figures[k], reading.figures[k].role); k++) group.push(k);
    if (group.length !== units.n) return null;
    const close = bracket ? CLOSE.exec(text.slice(f.end)) : null;
    if (bracket && !close) return null;
    out.push(...group);
    from = figures[group[group.length - 1]].end + (close ? close[0].length : 0);
    j = group[group.length - 1] + 1;
  }
  return out.length ? out : null;
}

/** The units of a stretch "A, B và C" (subject-list.ts unitAtEnd, one by one from its end). */
function unitNames(s: string): string[] {
  const out: string[] = [];
  let rest = s;
  for (let u = unitAtEnd(rest); u; u = unitAtEnd(rest)) {
    out.push(u.name);
    rest = rest.slice(0, u.at).replace(/(?:,\s*(?:và\s+)?|\s+và\s+)$/u, '');
  }
  return out;
}

/** Whether `s` names the unit `name` (as a word, case as written). */
const named = (s: string, name: string): boolean => new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(s);

/** Between a group's last province and its first rank: verbs and the rank's word ("đứng thứ", "xếp hạng", "ở các vị trí"). */
const GROUP_VERBS = /^\s*(?:(?:đứng|xếp|ở|đạt|là|được|giữ|chỉ|mới|lên|xuống|lùi|vươn|còn|các)\s+)*(?:thứ|hạng|vị trí)\s*$/u;
/** Between two ranks of a group: a join, perhaps the next one's rank word. */
const GROUP_JOIN = /^\s*(?:,\s*(?:và\s+)?|và\s+)(?:(?:thứ|hạng)\s+)?$/u;

/**
 * history/subject.ts: the province of the figure at offset `at` of `s` when it is in a group of as
 * many ranks right after as many provinces, a verb and the rank's word between, no "lần lượt"
 * ("Quảng Bình, Quảng Trị đứng thứ 46 và 55"; subject-list.ts respectiveSubject reads the lists with
 * it): the n-th province for the n-th rank. Undefined if the figure is in no such group of two or more.
 */
export function groupSubject(s: string, at: number, named: ReadonlyArray<{ name: string; at: number; end: number; from?: number }>): string | undefined {
  let k = named.length - 1;
  while (k >= 0 && named[k].end > at) k--;
  if (k < 0) return undefined;
  // The ranks after the last province: the first after its verbs, then each joined to the one before.
  const numerals: Array<[number, number]> = [];
  const NUMERAL = /\d+/gu;
  NUMERAL.lastIndex = named[k].end;
  for (let m = NUMERAL.exec(s); m; m = NUMERAL.exec(s)) {
    const gap = s.slice(numerals.length ? numerals[numerals.length - 1][1] : named[k].end, m.index);
    if (!(numerals.length ? GROUP_JOIN : GROUP_VERBS).test(gap)) break;
    numerals.push([m.index, m.index + m[0].length]);
    if (numerals.length > 12) return undefined;
  }
  const i = numerals.findIndex(([a, b]) => a >= at || (a <= at && at < b));
  if (numerals.length < 2 || i < 0 || numerals[numerals.length - 1][1] < at) return undefined;
  // As many provinces right before, joined by "," and "và".
  const units = [named[k].name];
  for (let j = k - 1; j >= 0 && units.length < numerals.length; j--) {
    if (!/^\s*(?:,\s*(?:và\s+)?|và\s+)$/u.test(s.slice(named[j].end, named[j + 1].from ?? named[j + 1].at))) break;
    units.unshift(named[j].name);
  }
  return units.length === numerals.length ? units[i] : undefined;
}
