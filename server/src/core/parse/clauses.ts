/**
 * The clause reader: within one sentence, what each figure is (its role) and which period phrase
 * is its own, and which figure a reference binds to. Pure; offsets are those of the sentence text
 * the figure and period readers were given. See docs/dialect.md §6.
 *
 * Clauses: a sentence is cut at ", " (not inside a figure or a period phrase, so "tỉnh, thành phố"
 * stays whole), at brackets, at a dash between spaces, and before "trong khi", "trong đó",
 * "nhưng", "còn", "song", "đồng thời". A clause inside brackets governs only itself.
 *
 * Periods per figure, first that applies:
 * 1. a period phrase right after the figure ("113,5 tỷ USD năm 2021", also across a short "của …":
 *    "5,01% của GDP năm 2024"); after a "gấp N lần" it is
 *    the base of the change instead ("gấp 3 lần năm 2020"), and lends nothing;
 * 2. a period phrase right before it, with only white space, ":" or a linking "là"/"đạt" between
 *    ("năm 2023: 13 tỷ USD", "cuối năm 2023 là 17%");
 * 3. a free period phrase of its clause (not attached to another figure, not a comparison base, not
 *    a target's: "mục tiêu năm 2025 là 20%" lends nothing), the nearest before it, else after it;
 * 4. a free period phrase of an earlier clause outside brackets, the nearest ("Năm 2023, [[X]] đạt
 *    5%, tăng 2%": both 2023);
 * 5. the first free period phrase of the sentence outside brackets, unless of a later clause with a figure;
 * else the document's period. A target takes the period phrase of its target word ("mục tiêu năm
 * 2025 là 20%", "kế hoạch năm 2023"), else the year of the period it gets as above ("Đến cuối năm
 * 2024, … chưa đạt mục tiêu 50%": 2024).
 *
 * Roles (the figure reader gives change, rank, scale, part, rate, level): a level after "từ" with
 * a figure after "lên"/"xuống"/"đến"/"tới" (or a rank "lên/xuống thứ …") later in its clause is the `base`
 * ("tăng từ A lên B", "từ thứ 86 lên thứ 71"); a figure right after "so với", "mốc" or "ngưỡng" is a `base`; a figure after a target word ("mục tiêu", "kế hoạch",
 * "chỉ tiêu", "phấn đấu") with only a period phrase and a linking word ("là", "đạt", "đề ra", "có")
 * between is a `target` (or the causative "nâng/đưa [[X]] lên": "đặt mục tiêu nâng [[X]] lên 20%"), also when the target word opens a clause of its own before ("Mục tiêu
 * năm 2023, [[X]] đạt 84%"); a percentage followed by a target word is a `target` too ("đạt 39,6%
 * kế hoạch năm 2023", "đạt 76,5% mục tiêu": measured against the plan, not the indicator's value).
 * A percentage after "chiếm"/"đóng góp" right before a reference is a `part` of the whole it names
 * ("chiếm hơn 30% [[Giá trị tăng thêm của kinh tế số]]"). A level alone at the start of a bracket
 * right after a comparison phrase is a `base` dated by it ("so với năm 2023 (0,7326 điểm)"). A whole
 * number with no unit listed right after a rank is a `rank` ("thứ 5, 6 và 7").
 *
 * Binding: a reference binds to the level figure (level, rank, scale, part, rate) of its clause:
 * the one right before "về [[X]]" ("xếp thứ 17/63 về [[X]]", "đứng thứ 7 về [[X]] với tỷ trọng
 * 17,15%"), else the first after it, else the last before it; else a figure of any role after it in
 * its clause when the next level figure stands behind another reference ("[[X]] giảm 8,84%, [[Y]]
 * đạt …"); else a level fronted in "Với N," (fronted-with.ts); else the first level figure after it
 * in the sentence; else the first figure of any role after it (a change with no level: "[[X]] tăng
 * 11%"); else a figure written right before it.
 */
import type { Figure, FigureRole, PeriodPhrase, RankScopeWritten } from '../types';
import { work } from '../work';
import { attributeAfter, coordinatedPeriods, countedByName, firstOfList, respectively, respectivePeriods } from './lists';
import { clauseIndex, coveredFor, firstIndex, flags, isWhiteCode, isWordChar, isWordCode, maskedRuns, objectsOf } from './clause-scan';
import { frontedWith } from './fronted-with';
import { bracketedBases, isLevelRole, multipleBases, pastBand, rangeEnds, ranksListed, targetItems, targetsListed } from './roles';
import { movedToPeriods, publishedAfterItsPeriod, statementDates } from './period-lends';
import { documentDates } from './document-date';
import { differenceFigures } from './difference';
import { bracketedPeriods, datedRanksListed, rankScopes, respectivePeriodsAfter } from './period-series';
import { resumedClause } from './bracket-aside';
import { targetByCopula } from './rank-copula';
import { populationShare, ratedName } from './population-share';

export { firstIndex } from './clause-scan'; // (the readers import it from here)

export { isLevelRole };

/** A figure's reading in its sentence. */
export interface FigureReading {
  role: FigureRole;
  /** Index into the periods given of the figure's own period phrase, or -1 (the document's period). */
  period: number;
  /** A "gấp N lần năm 2020": the period the change is measured against. */
  against?: string;
  scope?: RankScopeWritten;
  /** The period is a phrase of the figure's own (attached, or of its clause), not inherited. */
  own?: boolean;
  /** A target with no period phrase of the target's: the year of its period (a plan is a year's). */
  yearOf?: boolean;
}

/** What the clause reader finds in a sentence. */
export interface SentenceReading {
  figures: FigureReading[];
  /** Clause index of each figure. */
  clauseOf: number[];
  /** `group`: 0 outside brackets, else one number per bracketed passage (its clauses govern each other). */
  clauses: Array<{ start: number; end: number; paren: boolean; group: number }>;
  /** Period phrases that lend nothing: targets' and comparison bases. */
  lendsNothing: Uint8Array;
  /** The sentence's governing period phrase for a reference with no figure, or -1. */
  governing: number;
  /**
   * Starts of the runs of five or more spaces after a non-space: parse/document.ts masks every
   * `[[…]]` of the sentence with as many spaces before the readers see it, and prose has no such run.
   */
  masked: number[];
}

const CLAUSE_WORDS = ['trong khi', 'trong đó', 'nhưng', 'còn', 'song', 'đồng thời'];
const CLAUSE_WORD_FIRST = new Set(CLAUSE_WORDS.map((w) => w.charCodeAt(0))); // (their first units, asked before the six `startsWith`)
const TARGET_WORDS = /(?:mục tiêu|kế hoạch(?!\s+và\s+đầu tư)|chỉ tiêu|phấn đấu)(?![\p{L}\p{N}])/giu; // (Bộ Kế hoạch và Đầu tư is no plan)
const TARGET_LINK = /^[\s:,]*(?:(?:là|đạt|đề ra|đặt ra|đến|tới|đạt được|có|đóng góp|chiếm)\s*|(?:nâng|đưa)\s[^,;:.]{1,160}?\s(?:lên|đạt|chiếm)\s+(?:mức\s+)?)?[\s:]*$/iu; // (round 27: "mục tiêu nâng [[X]] lên 20%"; round 34: "Mục tiêu [[X]] đóng góp 20% GDP vào năm 2025", "mục tiêu đưa [[X]] chiếm 30% GDP")
/** A target word right after a figure: "đạt 39,6% kế hoạch năm", "đạt 76,5% mục tiêu". */
const TARGET_AFTER = /^\s*(?:so với\s+|của\s+)?(?:mục tiêu|kế hoạch|chỉ tiêu)(?![\p{L}\p{N}])/iu;
/** Before a percentage that is a share of what follows: "chiếm (khoảng) (hơn) 30% [[X]]". */
const SHARE_OF = /(?:^|[^\p{L}])(?:chiếm|đóng góp)(?:\s+(?:tới|khoảng|gần|hơn|trên|đến|xấp xỉ|ước))*\s*$/u;
/** Between a figure and its period phrase: "5,01% của GDP năm 2024" (a short "của …"). */
const OF_GAP = /^\s+của(?:\s+[\p{L}]+){0,3}\s+$/u;
/** "92,51 Mb/giây hồi tháng 4/2023": "hồi" (back in) ties the period to the figure before it (class back-then, issue 13 round 16). */
const BACK_THEN = /^\s+hồi\s+$/u;


/**
 * Reads roles and periods of the figures of one sentence (`figures` and `periods` in text order,
 * not overlapping). Linear in the sentence's length plus figures and periods (times a log).
 */
export function readSentence(text: string, figures: Figure[], periods: PeriodPhrase[]): SentenceReading {
  work.steps += text.length + figures.length + periods.length;
  const lower = text.toLowerCase();
  const covered = coveredFor(text.length + 1);
  for (const f of figures) covered.fill(1, f.start, f.end);
  for (const p of periods) covered.fill(1, p.start, p.end);

  // Clauses.
  const clauses: SentenceReading['clauses'] = [];
  let from = 0;
  let depth = 0;
  let groups = 0;
  let group = 0;
  const cut = (at: number, skip: number, change: number): void => {
    if (at > from || clauses.length === 0) clauses.push({ start: from, end: at, paren: depth > 0, group });
    if (change > 0 && depth === 0) group = ++groups;
    depth = Math.max(0, depth + change);
    if (depth === 0) group = 0;
    from = at + skip;
  };
  // (by UTF-16 unit: a letter's word-ness is asked once, not again as the next one's "before")
  for (let i = 0, lastWord = false; i < text.length; i++) {
    const k = text.charCodeAt(i);
    const word = isWordCode(k);
    const prevWord = lastWord;
    lastWord = word;
    if (k === 0x2c /* , */ && (i + 1 >= text.length || isWhiteCode(text.charCodeAt(i + 1))) && !covered[i]) cut(i, 1, 0);
    else if (k === 0x28 /* ( */ || k === 0x5b /* [ */) cut(i, 1, 1);
    else if (k === 0x29 /* ) */ || k === 0x5d /* ] */) cut(i, 1, -1);
    else if ((k === 0x2013 /* – */ || k === 0x2014 /* — */ || k === 0x2d /* - */) && /\s/.test(text[i - 1] ?? '') && /\s/.test(text[i + 1] ?? '')) cut(i, 1, 0);
    else if (word && !prevWord && i > 0 && CLAUSE_WORD_FIRST.has(lower.charCodeAt(i)) && !covered[i]) {
      for (const w of CLAUSE_WORDS) {
        if (lower.startsWith(w, i) && !isWordChar(text[i + w.length])) {
          cut(i, 0, 0);
          break;
        }
      }
    }
  }
  clauses.push({ start: from, end: text.length, paren: depth > 0, group });
  const clauseOf = clauseIndex(clauses, figures);
  const periodClause = clauseIndex(clauses, periods);

  // Target words: "mục tiêu", "kế hoạch", "chỉ tiêu", "phấn đấu" (their ends, in order).
  const targetEnds: number[] = [];
  TARGET_WORDS.lastIndex = 0;
  for (let m = TARGET_WORDS.exec(lower); m !== null; m = TARGET_WORDS.exec(lower)) {
    work.steps++;
    targetEnds.push(m.index + m[0].length);
  }
  /** The last target word ending in [lo, hi], or -1. */
  const lastTarget = (lo: number, hi: number): number => {
    const k = firstIndex(targetEnds.length, (t) => targetEnds[t] > hi) - 1;
    return k >= 0 && targetEnds[k] >= lo ? targetEnds[k] : -1;
  };
  /** The end of the last figure ending at or before `at`, or -1. */
  const figureEndBefore = (at: number): number => {
    const k = firstIndex(figures.length, (t) => figures[t].end > at) - 1;
    return k >= 0 ? figures[k].end : -1;
  };

  // Period phrases of targets lend nothing ("mục tiêu năm 2025 là 20%"); comparison bases neither.
  const lendsNothing = flags(periods, (p, k) => {
    // "từ năm 2018 đến nay": the start of a span, not a figure's period.
    if (p.comparison || /^từ\s/iu.test(p.raw)) return true;
    if (publishedAfterItsPeriod(lower, periods, k, clauses[periodClause[k]].start)) return true; // "… năm 2022 công bố tháng 7/2023" (period-lends.ts)
    const t = lastTarget(clauses[periodClause[k]].start, p.start);
    return t >= 0 && figureEndBefore(p.start) < t;
  });

  // Roles.
  const readings: FigureReading[] = objectsOf(figures, (f) => ({ role: f.role ?? 'level', period: -1 }));
  // (a rank's own "lên/xuống thứ 71" counts too: "từ thứ 86 năm 2022 lên thứ 71")
  const toWord = flags(figures, (f, i) => /(?:^|[^\p{L}])(?:lên|xuống|đến|tới)\s*(?:mức\s*)?$/u.test(lower.slice(Math.max(i > 0 ? figures[i - 1].end : 0, f.start - 12), f.start)) || (f.kind === 'rank' && /^(?:lên|xuống)\s/u.test(lower.slice(f.start, f.end))));
  // laterTo[i]: a figure after "lên/đến/tới" follows figure i in its clause.
  const laterTo = new Uint8Array(figures.length);
  for (let i = figures.length - 2; i >= 0; i--) {
    laterTo[i] = clauseOf[i + 1] === clauseOf[i] && (toWord[i + 1] || laterTo[i + 1]) ? 1 : 0;
  }
  let p0 = 0;
  figures.forEach((f, i) => {
    const r = readings[i];
    if (!isLevelRole(r.role)) return;
    const cl = clauses[clauseOf[i]];
    const prevEnd = Math.max(cl.start, i > 0 ? figures[i - 1].end : 0);
    if (f.kind === 'percent' && TARGET_AFTER.test(lower.slice(f.end, Math.min(cl.end, f.end + 24)))) {
      r.role = 'target';
      return;
    }
    // "chiếm khoảng hơn 30% [[X]]", "đóng góp tới 90% [[X]]": a share of the whole the reference
    // (masked by spaces) names, not its value.
    if (f.kind === 'percent' && /^ {6}/.test(text.slice(f.end, f.end + 6)) && SHARE_OF.test(lower.slice(Math.max(prevEnd, f.start - 30), f.start))) {
      r.role = 'part';
      return;
    }
    // "Mục tiêu năm 2023, [[X]] đạt 84%": a clause of its own that only names the target.
    const pc = clauseOf[i] - 1;
    const lookFrom = pc >= 0 && prevEnd === cl.start && (i === 0 || figures[i - 1].end <= clauses[pc].start) && !clauses[pc].paren ? clauses[pc].start : prevEnd;
    const t = lastTarget(lookFrom, f.start);
    if (t >= 0) {
      // Only a period phrase and a linking word between the target word and the figure.
      let rest = '';
      let at = t;
      while (p0 < periods.length && periods[p0].end <= t) p0++;
      for (let k = p0; k < periods.length && periods[k].start < f.start; k++) {
        work.steps++;
        rest += lower.slice(at, periods[k].start) + ' ';
        at = periods[k].end;
      }
      rest += lower.slice(at, f.start);
      if (TARGET_LINK.test(rest)) {
        r.role = 'target';
        return;
      }
    }
    // "Chỉ tiêu năm 2023 về [[X]] là 80%": a target word opening the clause, its name, "là" (rank-copula.ts).
    if (targetByCopula(lower.slice(cl.start, f.start))) return void (r.role = 'target');
    const before = lower.slice(Math.max(prevEnd, f.start - 12), f.start);
    if (/(?:^|[^\p{L}])(?:so(?:\s+sánh)?\s+với|so|mốc|ngưỡng)\s*$/u.test(before) || (/(?:^|[^\p{L}])so(?:\s+sánh)?\s+với\s+mức\s*$/u.test(before) && readings.some((q, j) => j < i && q.role === 'level' && !figures[j].change))) r.role = 'base'; // ("vượt mốc 90": the milestone; "đạt 71,23 Mbps, tăng 31% so với mức 54,17 Mbps": after a level only)
    else if (/(?:^|[^\p{L}])từ\s*$/u.test(before) && laterTo[i]) r.role = 'base';
  });

  ranksListed(text, figures, readings), targetsListed(lower, figures, readings), targetItems(lower, figures, readings, periods), multipleBases(lower, figures, readings), datedRanksListed(text, figures, readings, periods), rangeEnds(lower, figures, readings, clauseOf); // roles.ts: "thứ 5, 6 và 7"; "đặt các mục tiêu: A 85%; …"; "phấn đấu năm 2025 đạt 50%, năm 2030 đạt 70%"; "gấp 2,6 lần con số 50,88 Mbps"; period-series.ts: "vị trí 99 năm 2014, 89 năm 2016"; roles.ts: "từ 0,5 đến 0,6"

  rankScopes(lower, figures, clauses, clauseOf, readings); // "thứ 43/138 thế giới và thứ 4 trong khu vực" (period-series.ts)

  // Periods 1 and 2: attached right after, else right before.
  const attached = new Uint8Array(periods.length);
  figures.forEach((f, i) => {
    const k = firstIndex(periods.length, (t) => periods[t].start >= f.end);
    if (k >= periods.length) return;
    const gap = text.slice(f.end, periods[k].start);
    if (!/^\s*$/.test(gap) && !(gap.length <= 30 && OF_GAP.test(gap)) && !BACK_THEN.test(gap)) return;
    if (f.change?.times && !periods[k].comparison) {
      readings[i].against = periods[k].code;
      lendsNothing[k] = 1;
      attached[k] = 1;
      return;
    }
    if (lendsNothing[k]) return;
    readings[i].period = k;
    attached[k] = 1;
  });
  figures.forEach((f, i) => {
    if (readings[i].period >= 0) return;
    const k = firstIndex(periods.length, (t) => periods[t].end > f.start) - 1;
    if (k < 0 || attached[k] || lendsNothing[k] || !/^[\s:]*(?:(?:là|đạt)\s+)?$/u.test(text.slice(periods[k].end, f.start))) return;
    readings[i].period = k;
    attached[k] = 1;
  });
  respectivePeriods(text, figures, readings, periods, attached); // "các năm 2020 và 2021 lần lượt là 18% và 16%" (lists.ts)
  respectivePeriodsAfter(text, figures, readings, periods, attached), bracketedPeriods(text, figures, readings, periods, attached, lendsNothing); // "thứ 47 và 45 lần lượt vào các năm 2016 và 2017", "thứ 59 (2016)" (period-series.ts)
  bracketedBases(text, figures, readings, periods, clauseOf, clauses); // "so với năm 2023 (0,7326)" (roles.ts)
  coordinatedPeriods(text, figures, readings, periods, clauseOf);

  // Periods 3 to 5: free phrases of the clause, of earlier clauses, of the sentence.
  const free = (k: number): boolean => !attached[k] && !lendsNothing[k];
  let governing = -1;
  for (let k = 0; k < periods.length && governing < 0; k++) if (free(k) && !clauses[periodClause[k]].paren) governing = k;
  // lastFreeUpTo[c]: the last free phrase in the clauses before c of the same group (outside
  // brackets, or the same bracketed passage).
  const lastFreeUpTo = new Array<number>(clauses.length).fill(-1);
  const freeIn: number[][] = [];
  for (let c = 0; c < clauses.length; c++) freeIn.push([]);
  for (let k = 0; k < periods.length; k++) if (free(k)) freeIn[periodClause[k]].push(k);
  const lastOfGroup = new Map<number, number>();
  for (let c = 0; c < clauses.length; c++) {
    lastFreeUpTo[c] = lastOfGroup.get(clauses[c].group) ?? -1;
    const own = freeIn[c];
    if (own.length) lastOfGroup.set(clauses[c].group, own[own.length - 1]);
  }
  // A phrase of the figure's own (attached, or of its clause), as against one inherited.
  const ownPhrase = flags(readings, (r) => r.period >= 0);
  const figureClause = new Set(clauseOf); // (a later clause's phrase with a figure of its own governs no earlier figure)
  figures.forEach((f, i) => {
    if (readings[i].period >= 0) return;
    const c = clauseOf[i];
    const list = freeIn[c];
    const after = firstIndex(list.length, (t) => periods[list[t]].start >= f.end);
    let best = after > 0 ? list[after - 1] : after < list.length ? list[after] : -1;
    if (best >= 0) ownPhrase[i] = 1;
    if (best < 0) best = lastFreeUpTo[c] >= 0 ? lastFreeUpTo[c] : clauses[c].paren || (governing >= 0 && periodClause[governing] > c && figureClause.has(periodClause[governing])) ? -1 : governing;
    readings[i].period = best;
  });
  readings.forEach((r, i) => {
    if (ownPhrase[i]) r.own = true;
  });
  // A target takes the target's phrase of its clause ("mục tiêu năm 2025 là 20%": 2025), else the
  // year of the period it inherits (`yearOf`); a change or base with no phrase of its own, the
  // period of the level before it ("đứng thứ 46/132 năm 2023, tăng 2 bậc so với 2022": 2023).
  let lastLevel = -1;
  figures.forEach((f, i) => {
    const r = readings[i];
    if (r.role === 'target') {
      const after = TARGET_AFTER.exec(lower.slice(f.end, f.end + 24));
      if (after) {
        // "đạt 39,6% kế hoạch năm 2023": the plan's period phrase follows its word.
        const k = firstIndex(periods.length, (t) => periods[t].start >= f.end + after[0].length);
        if (k < periods.length && /^\s*$/.test(text.slice(f.end + after[0].length, periods[k].start))) r.period = k;
        else if (r.period >= 0) r.yearOf = true; // "đạt 39,6% kế hoạch năm"
        return;
      }
      const k = firstIndex(periods.length, (t) => periods[t].start >= f.start) - 1;
      if (k >= 0 && lendsNothing[k] && !periods[k].comparison && (periodClause[k] === clauseOf[i] || periodClause[k] === clauseOf[i] - 1)) r.period = k;
      else if (r.period >= 0) r.yearOf = true; // "Đến cuối năm 2024, … chưa đạt mục tiêu 50%"
    } else if ((r.role === 'change' || r.role === 'base') && lastLevel >= 0 && !ownPhrase[i]) r.period = readings[lastLevel].period;
    if (isLevelRole(r.role)) lastLevel = i;
  });
  movedToPeriods(lower, figures, readings, clauseOf, ownPhrase), statementDates(lower, periods, figures, readings); // "tháng 3/2022 giảm 6 bậc, xuống thứ 56"; "chiều 29/12/2025, … cho biết … 90%" (period-lends.ts)
  differenceFigures(lower, figures, readings), documentDates(lower, periods, readings); // "ít hơn 2.684 cuộc so với cùng kỳ" (difference.ts); "công bố ngày 26/4: … 31%" (document-date.ts)
  const masked = maskedRuns(text);
  return { figures: readings, clauseOf, clauses, lendsNothing, governing, masked };
}

/**
 * The index of the figure a reference at [start, end) binds to, or -1. `figures` in text order,
 * `reading` from {@link readSentence}. Binary searches: a sentence with thousands of figures and
 * references costs (figures + references) × log. `name`: the reference's words as written (a rate's, population-share.ts).
 */
export function bindInSentence(text: string, start: number, end: number, figures: Figure[], reading: SentenceReading, next: LevelIndex, name?: string): number {
  const cs = reading.clauses;
  const c = Math.max(0, firstIndex(cs.length, (k) => cs[k].start > start) - 1);
  const i0 = firstIndex(figures.length, (i) => figures[i].start >= end);
  const i1 = firstIndex(figures.length, (i) => figures[i].end > start) - 1;
  const listed = respectively(text, start, end, figures, i0);
  if (listed >= 0) return listed;
  const a = pastBand(figures, reading.clauseOf, next.nextLevel, next.nextLevel[i0]); // "tốp 10 với vị trí thứ 8/63": 8/63 (roles.ts)
  const b = i1 >= 0 ? next.prevLevel[i1] : -1;
  if (b >= 0 && b === i1 && ratedName(name) && populationShare(text, start, end, figures, b, i0) >= 0) return i0; // "68,17 triệu [[Tỷ lệ …]], chiếm 70,3% dân số" (population-share.ts)
  // "xếp thứ 17/63 về [[X]]", "đứng thứ 7 về [[X]] với tỷ trọng 17,15%": the figure before it, whatever follows.
  if (b >= 0 && b === i1 && reading.clauseOf[b] === c && start - figures[b].end <= 40 && /(?:^|\s)về\s*$/u.test(text.slice(figures[b].end, start))) return firstOfList(text, figures, b);
  // "lập 76.905 [[tổ công nghệ số cộng đồng]] với 356.914 thành viên": a count with no noun of its
  // own right before the name counts what the name names; the figure "với" brings after it counts
  // something the named things have; so does the next level when another reference stands before
  // it ("22,3 triệu [[A]] và [[B]] đạt 86,6 triệu": B's).
  if (b >= 0 && b === i1 && countedByName(figures[b]) && /^\s*$/.test(text.slice(figures[b].end, start)) && (attributeAfter(text, end, figures, i0) || (a < figures.length && maskedBetween(reading.masked, end, figures[a].start)))) return b;
  if (a < figures.length && reading.clauseOf[a] === c) return a;
  if (b >= 0 && reading.clauseOf[b] === c) return b;
  const r = resumedClause(text, end, cs), ra = r < 0 ? figures.length : next.nextLevel[firstIndex(figures.length, (i) => figures[i].start >= cs[r].start)]; // "[[X]] (theo Ookla) đạt 47,31 Mbps" (bracket-aside.ts)
  if (ra < figures.length && reading.clauseOf[ra] === r) return ra;
  if (b === 0 && i1 === 0 && frontedWith(text, start, figures, reading.masked)) return 0; // "Với 78,59%, [[X]] đã vượt kế hoạch" (fronted-with.ts)
  // "[[X]] giảm 8,84%, [[Y]] đạt 2,6 triệu tỷ đồng": a level of a later clause that another
  // reference stands before is that reference's; a figure of this clause (a change) comes first.
  const d0 = next.nextAny[i0];
  if (a < figures.length && d0 < figures.length && reading.clauseOf[d0] === c && maskedBetween(reading.masked, end, figures[a].start)) return d0;
  if (a < figures.length) return a;
  if (d0 < figures.length) return d0;
  if (i1 >= 0 && /^\s*$/.test(text.slice(figures[i1].end, start))) return i1;
  return -1;
}

/** True if a masked reference (see {@link SentenceReading.masked}) starts in [from, to). */
function maskedBetween(masked: number[], from: number, to: number): boolean {
  const k = firstIndex(masked.length, (t) => masked[t] >= from);
  return k < masked.length && masked[k] < to;
}

/** For each figure index: the next (at or after) and previous (at or before) level figure. */
export interface LevelIndex {
  nextLevel: number[];
  prevLevel: number[];
  /** The next figure (at or after) that is not a duration. */
  nextAny: number[];
}

/** "trong 2 năm liên tiếp", "6 tháng": a span of time, never an indicator's value. */
const DURATIONS = new Set(['năm', 'tháng', 'tuần', 'ngày', 'giờ', 'phút', 'giây']);
function isDuration(f: Figure): boolean {
  return f.unit !== null && DURATIONS.has(f.unit) && !f.change;
}

export function levelIndex(reading: SentenceReading, figures: Figure[]): LevelIndex {
  const n = reading.figures.length;
  const nextLevel = new Array<number>(n + 1).fill(n);
  const nextAny = new Array<number>(n + 1).fill(n);
  const prevLevel = new Array<number>(n).fill(-1);
  const level = (i: number): boolean => isLevelRole(reading.figures[i].role) && !isDuration(figures[i]);
  for (let i = n - 1; i >= 0; i--) {
    nextLevel[i] = level(i) ? i : nextLevel[i + 1];
    nextAny[i] = isDuration(figures[i]) ? nextAny[i + 1] : i;
  }
  for (let i = 0; i < n; i++) prevLevel[i] = level(i) ? i : i > 0 ? prevLevel[i - 1] : -1;
  return { nextLevel, prevLevel, nextAny };
}
