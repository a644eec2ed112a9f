/**
 * One index named once over a list of provinces or of ministries and agencies, each with its own
 * figure (docs/reading.md §16), in one sentence:
 * - after a colon or "như sau": "[[Thứ hạng DTI]] năm 2022 của các tỉnh trong vùng như sau: Yên
 *   Bái thứ 15, Điện Biên thứ 35, Hòa Bình thứ 42 và Sơn La thứ 44" — each item a province's name
 *   (perhaps after "tỉnh"/"thành phố") or a ministry's (ministries.ts: "Bộ TT&TT", "NHNN"), a verb
 *   or none, and its figure, or its figure in brackets ("Ninh Thuận (27)", "Bộ Y tế (thứ 15)"); a
 *   bracket after an item ("(đồng hạng với Thanh Hóa)") is skipped with the figures in it; a ";"
 *   between items ends no sentence (sentences.ts asks {@link joinsProvinceList});
 * - a "lần lượt" list after the name: "Theo [[DTI]] năm 2022, Thanh Hóa, Hà Tĩnh và Quảng Bình lần
 *   lượt đứng thứ 37, 46 và 55" — as many units of one kind right before "lần lượt" as figures after
 *   it; or right before the name: "… lần lượt xếp thứ 13, 18 và 21 về [[X]]" ({@link listBeforeName});
 * - a list that goes on from the bound figure, one unit's: "Bộ KH&ĐT đạt 0,7 điểm, tiếp theo là Bộ
 *   Tài chính và Bộ TN&MT lần lượt đạt 0,65 và 0,6 điểm" (also after ";", which then ends no sentence).
 * The reference binds the first item's figure (clauses.ts); the other items' figures are its
 * further figures (further.ts, `listed`), each of its own unit: history/subject.ts and
 * history/ministry-subject.ts ask {@link itemSubject} (the unit written right before an item's
 * figure) and {@link respectiveSubject} (the n-th unit of a "lần lượt" list). Every item's figure is
 * of the bound figure's kind and role: an item whose figure is a change ("Trà Vinh tăng 1 bậc") is
 * skipped, another kind of figure ends the list. The history keys a series of provinces by province
 * and a series of ministries by ministry (catalog/ministerial.ts), nothing else by its subject: a
 * list of countries is not taken, and analyze.ts drops a listed figure whose unit is not of its
 * series' kind (a list of ministries under the provincial DTI).
 * figure-context.ts asks {@link listedProvinceRank}: "Yên Bái thứ 15" in such a list is a rank.
 * Pure; bounded (each look is a fixed stretch of the sentence, masked references found by binary search).
 */
import { FORMER_PROVINCES, PROVINCES_2025 } from '../agencies';
import { ministriesNamed, ministryAtEnd, ministryAtStart } from '../ministries';
import { fold } from '../text';
import type { Figure } from '../types';
import { firstIndex, isLevelRole, type SentenceReading } from './clauses';
import { maskedIn } from './masked';

/** Folded province names, with the common other spellings. */
const PROVINCES = new Set(
  [...PROVINCES_2025, ...Object.keys(FORMER_PROVINCES), 'Hồ Chí Minh', 'TP.HCM', 'TP HCM', 'TPHCM', 'Thừa Thiên Huế', 'Thừa Thiên - Huế', 'Bà Rịa Vũng Tàu'].map((n) => fold(n)),
);
/** The kind written before a province's name. */
const KIND = /^(?:tỉnh|thành phố|tp\.?)\s+/iu;
/** A run of capitalized words (a province's name, "Bà Rịa - Vũng Tàu"), as the last words of a stretch. */
const NAME_AT_END = /(?:(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+)?\p{Lu}[\p{L}\p{M}.]*(?:\s+(?:-\s+)?\p{Lu}[\p{L}\p{M}]*){0,4}\s*$/u;

/** True if `name` (capitalized words, perhaps after "tỉnh"/"thành phố") is a province's. */
export function isProvinceName(name: string): boolean {
  return PROVINCES.has(fold(name.replace(KIND, '')));
}

/** The province's or ministry's name that ends `s` (before white space; ministries.ts), and where it starts; null if none. */
export function unitAtEnd(s: string): { name: string; at: number; ministry?: true } | null {
  const m = NAME_AT_END.exec(s);
  if (!m) return ministryUnitAtEnd(s);
  // The longest tail of the run that is a province ("Ngoài Lạng Sơn": "Lạng Sơn").
  for (const w of m[0].matchAll(/\S+/gu)) {
    const tail = m[0].slice(w.index).trim();
    if ((/^\p{Lu}/u.test(tail) || KIND.test(tail)) && isProvinceName(tail)) return { name: tail, at: m.index + w.index };
  }
  return ministryUnitAtEnd(s);
}

/** The ministry's name that ends `s` (ministries.ts), marked as a ministry's. */
function ministryUnitAtEnd(s: string): { name: string; at: number; ministry: true } | null {
  const m = ministryAtEnd(s);
  return m && { ...m, ministry: true };
}

/**
 * figure-context.ts: whether the "thứ" at `at` of `o` (the text as written) is a province's rank
 * in a list: a province's name right before it, and before the name the list's opening (":", "như
 * sau") or the join after another item (",", ";", "và") — "như sau: Yên Bái thứ 15, Điện Biên thứ
 * 35". Not "lần thứ", "Kỳ họp thứ 7" (no province), nor "thứ 3 liên tiếp".
 */
export function listedProvinceRank(o: string, at: number): boolean {
  const before = o.slice(Math.max(0, at - 90), at).replace(/\s*\(\s*$/u, '');
  const p = unitAtEnd(before);
  if (!p) return false;
  const lead = before.slice(0, p.at);
  if (!/(?:[:;,]|\svà|như sau)\s*$/u.test(lead)) return false;
  return !/^\s*thứ\s+\d+\s+(?:liên tiếp|lần|tuần|ngày)(?![\p{L}])/u.test(o.slice(at, at + 30));
}


/** Between an item and the next: ", ", "; ", " và ", ", và ". */
const JOIN = /^\s*(?:[,;]\s*(?:và\s+)?|và\s+)/u;
/** Between a province and its figure when the figure's text does not hold them: a verb or none, or an opening bracket ("Ninh Thuận (27)"). */
const ITEM_VERB_OR_BRACKET = /^(?:(?:\s*(?:đứng|xếp|ở|đạt|có|là|với|được|giữ|chỉ|mới|lên|còn))*\s*|\s*\(\s*)$/u;
/** The opening of a list after the name, its last: a colon, "như sau" (with its colon). */
const OPENING_AT = /(?:như sau\s*:?|:)(?![^]*(?::|như sau))/u;
const RESPECTIVELY = /(?<![\p{L}])lần lượt(?![\p{L}])/u;

/**
 * The further figures of the list the reference at [refStart, refEnd) names over (see the module
 * comment), when it binds figure `idx`, the first item's: the other items' figures, in order. Empty if none.
 */
export function subjectListFigures(idx: number, text: string, figures: Figure[], reading: SentenceReading, refStart: number, refEnd: number): number[] {
  if (refEnd < 0 || refStart < 0 || !isLevelRole(reading.figures[idx]?.role) || figures[idx].change) return [];
  const head = text.slice(refEnd, figures[idx].start);
  if (head.length > 200 || maskedIn(reading, refEnd, figures[idx].start)) return [];
  const colon = colonList(idx, text, figures, reading, head);
  if (colon.length) return colon;
  const respective = respectiveList(idx, text, figures, reading, head);
  return respective.length ? respective : continuedList(idx, text, figures, reading, refStart, refEnd);
}

/**
 * "Cũng năm 2022, Hải Dương, Vĩnh Phúc và Ninh Bình lần lượt xếp thứ 13, 18 và 21 về [[X]]": a list
 * of ranks or values right before the name (a linking word between), as many provinces right before
 * "lần lượt": the figures of the list after the bound first one. Empty if none.
 */
export function listBeforeName(idx: number, text: string, figures: Figure[], reading: SentenceReading, refStart: number): number[] {
  if (refStart < 0 || figures[idx].end > refStart || !isLevelRole(reading.figures[idx]?.role) || figures[idx].change) return [];
  const out: number[] = [];
  let j = idx + 1;
  for (; j < figures.length && figures[j].end <= refStart && out.length < 62; j++) {
    const gap = text.slice(figures[j - 1].end, figures[j].start);
    if (!JOIN.test(gap) || gap.trim().length > 4 || !alike(j, idx, figures, reading)) return [];
    out.push(j);
  }
  const last = figures[j - 1];
  if (!out.length || !/^\s*(?:về|trong|trên|ở|tại)?\s*$/u.test(text.slice(last.end, refStart)) || refStart - last.end > 20) return [];
  const before = text.slice(Math.max(0, figures[idx].start - 200), figures[idx].start);
  const lm = /(?<![\p{L}])lần lượt(?![\p{L}])(?![^]*lần lượt)/u.exec(before);
  if (!lm || before.length - (lm.index + lm[0].length) > 30 || maskedIn(reading, figures[idx].start - before.length, refStart - 1)) return [];
  // (a comma may close the units before "lần lượt": "Hải Phòng và Bắc Giang, lần lượt xếp thứ 8 và thứ 9 về …")
  return unitsBefore(before.slice(0, lm.index).replace(/\s*,\s*$/u, '')).n === out.length + 1 ? out : [];
}

/** Whether figure `j` is an item of the list figure `idx` opens: its kind and role, no change. */
function alike(j: number, idx: number, figures: Figure[], reading: SentenceReading): boolean {
  const a = figures[idx];
  const b = figures[j];
  const rank = (i: number): boolean => reading.figures[i].role === 'rank';
  if (b.change || reading.figures[j].role !== reading.figures[idx].role) return false;
  // (a list's unit may be written once, after its last figure: "lần lượt đạt 0,7024; 0,6975 điểm";
  // a whole number beside decimals is another kind of figure: "Đà Nẵng (0,8002), Quảng Ninh (3)")
  return rank(idx) ? rank(j) : a.kind === b.kind && a.unitClass === b.unitClass && (a.unit === b.unit || !a.unit || !b.unit) && a.decimals > 0 === b.decimals > 0;
}

/** "… như sau: A thứ 15, B thứ 35 và C thứ 42": the figures of B and C. */
function colonList(idx: number, text: string, figures: Figure[], reading: SentenceReading, head: string): number[] {
  const open = OPENING_AT.exec(head);
  if (!open || !itemBefore(head.slice(open.index + open[0].length))) return [];
  const out: number[] = [];
  let end = skipBracket(text, figures[idx].end);
  let j = idx + 1;
  while (j < figures.length && out.length < 62) {
    // Figures in the bracket after the last item are its, not items.
    while (j < figures.length && figures[j].start < end) j++;
    if (j >= figures.length) break;
    const gap = text.slice(end, figures[j].start);
    const join = JOIN.exec(gap);
    if (!join || gap.length > 80 || maskedIn(reading, end, figures[j].start) || !itemBefore(gap.slice(join[0].length))) break;
    // An item of the list whose figure is not the index's (a change, "Hòa Bình tăng 3 bậc") is not taken; the list goes on.
    if (alike(j, idx, figures, reading)) out.push(j);
    else if (!figures[j].change) break;
    end = skipBracket(text, figures[j].end);
    j++;
  }
  return out;
}

/** True if `s` (the text of an item before its figure) is a province's or a ministry's name and a verb or none. */
function itemBefore(s: string): boolean {
  const m = /^\s*((?:(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+)?\p{Lu}[\p{L}\p{M}.]*(?:\s+(?:-\s+)?\p{Lu}[\p{L}\p{M}]*){0,4})(.*)$/su.exec(s);
  if (m && isProvinceName(m[1])) return ITEM_VERB_OR_BRACKET.test(m[2]);
  const ministry = ministryAtStart(s);
  return !!ministry && ITEM_VERB_OR_BRACKET.test(s.slice(ministry.end));
}

/** The end of a bracket right after offset `at` ("thứ 15 (đồng hạng với Thanh Hóa)"), or of the one the figure is in ("(27)"), else `at`. */
function skipBracket(text: string, at: number): number {
  const m = /^\s*\([^()]{0,80}\)|^\s*\)/u.exec(text.slice(at, at + 90));
  return m ? at + m[0].length : at;
}

/** "[[X]] năm 2022, A, B và C lần lượt đứng thứ 37, 46 và 55": the figures after the first. */
function respectiveList(idx: number, text: string, figures: Figure[], reading: SentenceReading, head: string): number[] {
  const lm = RESPECTIVELY.exec(head);
  if (!lm || head.length - (lm.index + lm[0].length) > 30) return [];
  const units = unitsBefore(head.slice(0, lm.index)).n;
  if (units < 2) return [];
  const out: number[] = [];
  for (let j = idx + 1; j < figures.length && out.length < units - 1; j++) {
    const gap = text.slice(figures[j - 1].end, figures[j].start);
    if (!JOIN.test(gap) || gap.trim().length > 4 || !alike(j, idx, figures, reading)) return [];
    out.push(j);
  }
  // As many figures as provinces, and no more of the list after them.
  if (out.length !== units - 1) return [];
  const last = out[out.length - 1];
  if (last + 1 < figures.length && alike(last + 1, idx, figures, reading) && JOIN.test(text.slice(figures[last].end, figures[last + 1].start)) && figures[last + 1].start - figures[last].end <= 6) return [];
  return out;
}

/** How many provinces or ministries a stretch ends with, joined by "," and "và" ("A, B và C "), and where the first starts; n 0 if it does not end with one. */
export function unitsBefore(s: string): { n: number; at: number; ministry: boolean } {
  let rest = s;
  let n = 0;
  let at = s.length;
  const first = unitAtEnd(rest);
  // Units of one kind: "Theo Bộ TT&TT, Đà Nẵng và Huế" ends with two provinces, the ministry is no item.
  for (let p = first; p && !p.ministry === !first?.ministry; p = unitAtEnd(rest)) {
    n++;
    at = p.at;
    rest = rest.slice(0, p.at);
    const j = /(?:,\s*(?:và\s+)?|\s+và\s+)$/u.exec(rest);
    if (!j) break;
    rest = rest.slice(0, j.index);
  }
  return { n, at, ministry: !!first?.ministry };
}

/** Before the units of a list that goes on from the bound figure: a clause break, and "tiếp theo là", "theo sau là" … or none. */
const GOES_ON = /[,;]\s*(?:(?:tiếp theo|theo sau|tiếp đến|kế đến|sau đó)(?:\s+(?:là|lần lượt là))?\s*)?$/u;

/**
 * "[[X]] năm 2022, Bộ KH&ĐT đạt 0,7 điểm, tiếp theo là Bộ Tài chính và Bộ TN&MT lần lượt đạt 0,65
 * và 0,6 điểm": the bound figure is one unit's (a province or ministry named in its own clause,
 * before it), and after it, past a clause break (and the bound figure's changes: "tăng 1 bậc"), as
 * many units of the same kind right before "lần lượt" as figures of its kind after it: those
 * figures. Empty if not such a list.
 */
function continuedList(idx: number, text: string, figures: Figure[], reading: SentenceReading, refStart: number, refEnd: number): number[] {
  const from = figures[idx].end;
  const lm = RESPECTIVELY.exec(text.slice(from, from + 200));
  if (!lm) return [];
  const own = ownUnit(text.slice(Math.max(0, figures[idx].start - 150), figures[idx].start));
  if (own === null) return [];
  const listAt = from + lm.index;
  const units = unitsBefore(text.slice(from, listAt));
  // (no other reference between: the bound one may stand there, "thứ 11 trên [[X]] năm 2022; …")
  const other = refStart >= from && refEnd <= listAt ? maskedIn(reading, from, refStart - 1) || maskedIn(reading, refEnd, listAt) : maskedIn(reading, from, listAt);
  if (units.n < 1 || units.ministry !== own || !GOES_ON.test(text.slice(from, from + units.at)) || other) return [];
  // The first figure after "lần lượt" (what stands between is the bound figure's changes), then the rest joined to it.
  let j = idx + 1;
  while (j < figures.length && figures[j].start < listAt) if (!figures[j++].change) return [];
  if (j >= figures.length || figures[j].start - (listAt + lm[0].length) > 30 || !alike(j, idx, figures, reading)) return [];
  const out = [j];
  for (j++; j < figures.length && out.length < units.n; j++) {
    const gap = text.slice(figures[j - 1].end, figures[j].start);
    if (!JOIN.test(gap) || gap.trim().length > 4 || !alike(j, idx, figures, reading)) return [];
    out.push(j);
  }
  const last = out[out.length - 1];
  if (out.length !== units.n || (last + 1 < figures.length && alike(last + 1, idx, figures, reading) && JOIN.test(text.slice(figures[last].end, figures[last + 1].start)))) return [];
  return out;
}

/** Whether the clause that ends `s` (right before a figure) names a ministry (true) or a province (false), null if neither; a break inside a ministry's name ("Bộ Văn hóa, Thể thao …") is none. */
function ownUnit(s: string): boolean | null {
  const ministries = ministriesNamed(s);
  let at = s.length;
  while (at > 0 && !(/[,;:]/u.test(s[at - 1]) && !ministries.some((m) => m.at < at && at - 1 < m.end))) at--;
  const clause = s.slice(at);
  if (ministriesNamed(clause).length) return namesProvince(clause) ? null : true;
  return namesProvince(clause) ? false : null;
}

/** Whether `s` names a province: a run of capitalised words one of whose tails is a province's name. */
function namesProvince(s: string): boolean {
  for (const m of s.matchAll(NAME_RUN))
    for (const w of m[0].matchAll(/\S+/gu)) if (isProvinceName(m[0].slice(w.index).trim())) return true;
  return false;
}
/** A run of capitalised words, perhaps after "tỉnh"/"thành phố" (NAME_AT_END anywhere). */
const NAME_RUN = /(?:(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+)?\p{Lu}[\p{L}\p{M}.]*(?:\s+(?:-\s+)?\p{Lu}[\p{L}\p{M}]*){0,4}/gu;

/**
 * history/subject.ts: the province of the figure at offset `at` of sentence `s` (references
 * masked) when it is in a "lần lượt" list after as many provinces (`named`: the provinces the
 * sentence names, in order): the n-th province for the n-th figure. Undefined if not such a list.
 */
export function respectiveSubject(s: string, at: number, named: ReadonlyArray<{ name: string; at: number; end: number; from?: number }>): string | undefined {
  const lm = RESPECTIVELY.exec(s);
  if (!lm || at < lm.index) return undefined;
  // The provinces right before "lần lượt", joined by "," and "và".
  const units: string[] = [];
  let to = lm.index;
  for (let k = firstIndex(named.length, (t) => named[t].end > lm.index) - 1; k >= 0; k--) {
    const gap = s.slice(named[k].end, to);
    if (!(units.length ? /^\s*(?:,\s*(?:và\s+)?|và\s+)$/u : /^\s*$/u).test(gap)) break;
    units.unshift(named[k].name);
    // (from the "thành phố" of "Đà Nẵng và Thành phố Hồ Chí Minh")
    to = named[k].from ?? named[k].at;
  }
  if (units.length < 2) return undefined;
  // The list of numerals after it: the first, then each joined to the one before.
  const numerals: number[] = [];
  const NUMERAL = /\d+(?:[.,]\d+)*/gu;
  NUMERAL.lastIndex = lm.index;
  for (let m = NUMERAL.exec(s); m; m = NUMERAL.exec(s)) {
    if (numerals.length && !LIST_GAP.test(s.slice(numerals[numerals.length - 1], m.index).replace(/^\d+(?:[.,]\d+)*/u, ''))) break;
    numerals.push(m.index);
    if (numerals.length > units.length) return undefined;
  }
  if (numerals.length !== units.length) return undefined;
  const i = numerals.findIndex((n) => n >= at);
  return i >= 0 ? units[i] : undefined;
}

/** Between two numerals of a list: a unit word or none, the join, perhaps the next one's rank word. */
const LIST_GAP = /^\s*(?:[\p{L}%]+\s*)?(?:[,;]\s*(?:và\s+)?|và\s+)(?:(?:thứ|hạng)\s+)?$/u;

/** Before an item's province: the list's opening, or the item before (its figure, a unit word, a bracket) and a join. */
const ITEM_LEAD = /(?:(?::|như sau\s*:?)|\d[\d.,/]*\)?(?:\s*[\p{L}%]+)?(?:\s*\([^()]*\))?\s*(?:[,;]\s*(?:và\s+)?|\s+và\s+))\s*$/u;

/**
 * history/subject.ts: the province of the figure at offset `at` of sentence `s` when it is an item
 * of a list of provinces, each with its own figure ("… như sau: Điện Biên thứ 35, Sơn La thứ 44 và
 * Lai Châu thứ 53"): the province right before it (a verb or none between), itself right after the
 * list's opening or after the item before and a join. Undefined if the figure is no such item
 * ("Hà Nội và Huế đạt 0,82": no item before "và").
 */
export function itemSubject(s: string, at: number, named: ReadonlyArray<{ name: string; at: number; end: number; from?: number }>): string | undefined {
  const k = firstIndex(named.length, (t) => named[t].end > at) - 1;
  if (k < 0 || !ITEM_VERB_OR_BRACKET.test(s.slice(named[k].end, at))) return undefined;
  const start = named[k].from ?? named[k].at;
  if (ITEM_LEAD.test(s.slice(Math.max(0, start - 120), start))) return named[k].name;
  // The first item opening its piece, the next item right after its figure: "Thái Nguyên đứng thứ 8 và Bắc Giang thứ 9" (§34.1).
  const lead = s.slice(Math.max(0, start - 8), start);
  const next = NEXT_ITEM.exec(s.slice(at, at + 120));
  return (/[.;:]\s*$/u.test(lead) || (start <= 8 && !/\S/u.test(lead))) && next && itemAtStart(s.slice(at + next[0].length, at + next[0].length + 90)) ? named[k].name : undefined;
}

/** An item's figure (its verb and rank words first) and the join to the next item. */
const NEXT_ITEM = /^(?:\p{Ll}+\s+){0,3}\d[\d.,/]*(?:\s*[\p{L}%]+)?\s*(?:,\s*(?:và\s+|còn\s+)?|và\s+)/u;

/** An item of a list of provinces at the start of a stretch: a province, a verb or none, a figure. */
const ITEM_AT_START = /^\s*(?:(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+)?(\p{Lu}[\p{L}\p{M}.]*(?:\s+(?:-\s+)?\p{Lu}[\p{L}\p{M}]*){0,4})(?:\s+(?:đứng|xếp|ở|đạt|có|là|với|được|giữ))*\s+(?:thứ\s+|hạng\s+)?\d/u;

/**
 * sentences.ts: whether the ";" at `at` of `s` (the sentence so far from `begin`) joins the items
 * of a list of provinces after a colon or "như sau" ("Điểm DTI năm 2022: Đà Nẵng đạt 0,8002 điểm;
 * Quảng Ninh đạt 0,7024 điểm; Huế đạt 0,6975 điểm"): the stretch after the last opening is items,
 * the one before the ";" ends with a figure, and a province's item follows it.
 */
export function joinsProvinceList(s: string, begin: number, at: number): boolean {
  if (!digitWithin(s, at + 1, at + 200)) return false; // (both readings below need a figure's digit after the ";")
  if (goesOnAfter(s, begin, at)) return true;
  if (!itemAtStart(s.slice(at + 1, at + 90))) return false;
  const before = s.slice(Math.max(begin, at - 300), at);
  const open = OPENING_AT.exec(before);
  if (!open || !/\d[\d.,/]*(?:\s*[\p{L}%]+)?\s*$/u.test(before)) return false;
  return itemAtStart(before.slice(open.index + open[0].length));
}

/**
 * "…, Bộ KH&ĐT vươn lên hạng 1, tăng 1 bậc; Bộ Tài chính và Bộ TN&MT lần lượt đứng thứ 2 và 3": the
 * ";" at `at` is followed by units right before "lần lượt" and a figure, and the stretch before it
 * (from `begin`) names a unit of the same kind and ends its clause with a figure's words: the list goes on
 * (continuedList reads it).
 */
function goesOnAfter(s: string, begin: number, at: number): boolean {
  const after = s.slice(at + 1, at + 200);
  const lm = RESPECTIVELY.exec(after);
  if (!lm || !/^\s*(?:(?:đứng|xếp|ở|đạt|có|là|với|được|giữ)\s+)*(?:(?:vị trí\s+)?thứ\s+|hạng\s+)?\d/u.test(after.slice(lm.index + lm[0].length))) return false;
  const units = unitsBefore(after.slice(0, lm.index));
  if (units.n < 1 || /\S/u.test(after.slice(0, units.at))) return false;
  const before = s.slice(Math.max(begin, at - 300), at);
  return /\d/u.test(before) && (units.ministry ? ministriesNamed(before).length > 0 : namesProvince(before));
}

function digitWithin(s: string, from: number, to: number): boolean {
  for (let i = from; i < to && i < s.length; i++) if (s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) return true;
  return false;
}

/** Whether `s` opens with an item of a list: a province (ITEM_AT_START) or a ministry (ministries.ts), a verb or none, a figure. */
function itemAtStart(s: string): boolean {
  const p = ITEM_AT_START.exec(s);
  if (p && isProvinceName(p[1])) return true;
  const m = ministryAtStart(s);
  return !!m && ITEM_VERB_AND_FIGURE.test(s.slice(m.end));
}
/** After a ministry's name at an item's start: a verb or none, a figure. */
const ITEM_VERB_AND_FIGURE = /^(?:\s+(?:đứng|xếp|ở|đạt|có|là|với|được|giữ))*\s+(?:thứ\s+|hạng\s+)?\d/u;
