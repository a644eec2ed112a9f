/**
 * Further figures of a reference: besides the level figure it binds (clauses.ts), the figures of
 * the same sentence that state the same indicator, or another series of the same index, so that
 * they enter the history too (binding.ts `also`; docs/reading.md §6.5):
 * - a base with its own period: "tăng từ 113,5 tỷ USD năm 2021 lên 117,3 tỷ USD năm 2023" → 113,5
 *   (2021), up to four figures back in the bound figure's clause; after it, "đạt 42%, tăng so với
 *   17% cuối năm 2023" → 17% (end of 2023), "tăng 8,6% so với năm 2023 (0,7326 điểm)" → 0,7326
 *   (2023), with only changes between;
 * - a restatement in the next clause, which holds only a period phrase, a linking word and one
 *   figure of the same kind: "[[X]] đạt 42%, cuối năm 2023 là 17%" → 17% (end of 2023); a rank's
 *   also with the unit named again by a common noun: "…, còn năm 2022 thành phố mới đứng thứ 14";
 * - the other measure of the index: a rank right after a level, or a level right after a rank
 *   ("đạt 0,7163 điểm, xếp thứ 2/63", "xếp thứ 71/193 với 0,7709 điểm"), only changes and a joining
 *   word between; which series it is (the rank of the score's index) the analysis decides from the
 *   catalog (analyze.ts), and drops it when no series of the name fits; a rank before the name of a
 *   bound score too ("xếp hạng 1/63, với giá trị [[DTI]] 0,8002": rank-before-name.ts), and a rank
 *   told after a score fronted in "Với" ("Với giá trị [[DTI]] đạt 0,6735, Tuyên Quang xếp hạng 38/63":
 *   fronted-score.ts);
 * - the rest of a "lần lượt" list when one name covers a list of units: "[[Điểm DTI]] của Hải Phòng
 *   và Thành phố Hồ Chí Minh lần lượt là 0,7857 và 0,7770" (as many units after "của" as figures),
 *   "Thanh Hóa, Điện Biên và Hà Tĩnh lần lượt giữ các vị trí thứ 5, 6 và 7 trong [[…]]" (as many
 *   units before "lần lượt").
 * - the other dated items of a list the bound figure opens: "12,66% năm 2020, 12,88% năm 2021 và
 *   12,63% năm 2022", "lên 58.000 năm 2020 và 64.000 năm 2021" (each figure with its own phrase);
 * - (binding.ts, {@link listedRanks}) the ranks of the next sentences when each is only a list of
 *   places, "lần lượt" and as many ranks: "… vị trí thứ 11 trên bảng [[X]] năm 2022; A, B và C lần
 *   lượt đứng thứ 17, 20 và 30."
 * - (restated-series.ts) earlier periods in the next clause: "…, trong khi năm 2020 mới là 30,85% và
 *   năm 2019 chỉ 10,76%";
 * - (rank-bases.ts) the earlier place a rank change is told from: "tăng 15 bậc so với năm 2022 (86)";
 * - (province-items.ts) provinces' figures in brackets beside their names: "cao hơn Tiền Giang (20)
 *   và Bến Tre (51)".
 * Never a change, a target, or a figure behind another reference.
 */
import type { Figure, PeriodPhrase } from '../types';
import { firstIndex, isLevelRole, type SentenceReading } from './clauses';
import { listFrom } from './lists';
import { listBeforeName, subjectListFigures } from './subject-list';
import { respectiveSeries, seriesJoin } from './period-series';
import { scopedRanks } from './scoped-ranks';
import { withoutAnaphor } from './anaphor';
import { bracketItems, NATION } from './province-items';
import { PART_WORDS } from './family-carry';
import { rankBases } from './rank-bases';
import { rankBeforeName } from './rank-before-name';
import { frontedScoreRank } from './fronted-score';
import { restatedSeries } from './restated-series';
import { pairedName, secondListed } from './second-list';
import { maskedIn } from './masked';
import { unitCount, unitList } from './unit-list';
import { resolveSamePeriod } from './period-codes';
import { earlierBases, risesTo } from './earlier-bases';
import { valueOfCount, wholeOfShare } from './share-of-whole';
import { shareOfAmount } from './share-of-amount';

/** A further figure: its index, and whether it may share the bound figure's period (another series, another unit). */
export interface Further {
  at: number;
  samePeriod: boolean;
  /** Another province's figure of a list the name is over (subject-list.ts). */
  listed?: true;
  /** A bare place read as a rank beside the bound rank ("Tiền Giang (20)": province-items.ts). */
  rank?: true;
  /** Its period when not its reading's: a rank change's comparison ("so với năm 2018, khi … thứ 77", rank-bases.ts). */
  period?: string;
}

/**
 * The further figures of the level figure `idx` that the reference at [refStart, refEnd) binds
 * (see the module comment), in text order of discovery.
 */
export function furtherFigures(idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading, refStart = -1, refEnd = -1): Further[] {
  const own = reading.figures[idx];
  // A change of places told alone ("[[Xếp hạng …]] tăng 22 bậc so với hạng 100 của năm 2014"): its earlier place only (rank-bases.ts).
  if (own?.role === 'change') return rankBases(idx, text, figures, periods, reading, refEnd).map((b) => ({ ...b, samePeriod: false }));
  if (!own || !isLevelRole(own.role)) return [];
  // "lần lượt là A và B, xếp thứ C và D": the name's rank in the second list, and nothing else (second-list.ts).
  const second = secondListed(idx, text, figures, reading, refStart, refEnd);
  if (second !== null) return second < 0 ? [] : [{ at: second, samePeriod: true, rank: true }];
  const out: Further[] = sameTimeBases(ownPeriodBases(idx, text, figures, reading, refStart, refEnd), idx, periods, reading);
  for (const b of rankBases(idx, text, figures, periods, reading, refEnd)) if (!out.some((o) => o.at === b.at)) out.push({ ...b, samePeriod: false });
  // (an earlier level a rise is told from, a "cùng kỳ" base, bases listed after a base: earlier-bases.ts)
  for (const b of earlierBases(idx, text, figures, periods, reading, out.map((o) => o.at))) if (!out.some((o) => o.at === b.at)) out.push({ ...b, samePeriod: false });
  const r = restatement(idx, text, figures, periods, reading);
  if (r >= 0) out.push({ at: r, samePeriod: false });
  const m0 = otherMeasure(idx, text, figures, periods, reading, refEnd);
  // (or the rank told after a score fronted in "Với giá trị [[DTI]] đạt 0,6735, Tuyên Quang xếp hạng 38/63": fronted-score.ts)
  const m1 = m0 >= 0 ? m0 : rankBeforeName(idx, text, figures, reading, refStart, refEnd);
  const m = m1 >= 0 ? m1 : frontedScoreRank(idx, text, figures, reading, refStart, refEnd);
  if (m >= 0) out.push({ at: m, samePeriod: true });
  // "thứ 46/132 thế giới và thứ 4 ASEAN", "thứ 71/193, tăng 15 bậc …; trong khu vực Đông Nam Á xếp thứ 5/11" (scoped-ranks.ts)
  for (const sr of scopedRanks(idx, text, figures, reading)) if (!out.some((o) => o.at === sr)) out.push({ at: sr, samePeriod: true });
  for (const j of pairedName(idx, text, figures, refStart, refEnd) ? [] : unitList(idx, text, figures, periods, reading, refStart, refEnd)) if (!out.some((o) => o.at === j)) out.push({ at: j, samePeriod: true });
  for (const j of [...datedList(idx, text, figures, periods, reading), ...respectiveSeries(idx, text, figures, periods, reading), ...restatedSeries(idx, text, figures, periods, reading)]) if (!out.some((o) => o.at === j)) out.push({ at: j, samePeriod: false });
  for (const j of [...subjectListFigures(idx, text, figures, reading, refStart, refEnd), ...listBeforeName(idx, text, figures, reading, refStart)]) if (!out.some((o) => o.at === j)) out.push({ at: j, samePeriod: true, listed: true });
  const rank = reading.figures[idx].role === 'rank';
  for (const j of bracketItems(idx, text, figures, reading, refStart, refEnd))
    if (!out.some((o) => o.at === j)) out.push(rank && reading.figures[j].role !== 'rank' ? { at: j, samePeriod: true, listed: true, rank: true } : { at: j, samePeriod: true, listed: true });
  return out;
}

/** Between two items of a list: ", ", "; ", " và ", ", và ". */
const ITEM_JOIN = /^\s*(?:[,;]\s*(?:và\s+)?|và\s+)$/u;

/** The extent of figure `i` with its own period phrase when that phrase is right after it or right before it (":" between), else null. */
function datedItem(i: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading): [number, number] | null {
  const k = reading.figures[i].period;
  const p = k >= 0 ? periods[k] : undefined;
  const f = figures[i];
  if (!p || p.comparison || !reading.figures[i].own) return null;
  if (p.start >= f.end && /^\s*\(?\s*$/.test(text.slice(f.end, p.start))) return [f.start, p.end]; // ("thứ 59 (2016)": period-series.ts)
  if (p.end <= f.start && /^\s*(?::|là|đạt)?\s*$/u.test(text.slice(p.end, f.start))) return [p.start, f.end];
  return null;
}

/**
 * "[[X]] …: 12,66% năm 2020, 12,88% năm 2021, 12,63% năm 2022 và 12,33% năm 2023", "tăng từ 45.600
 * năm 2019 lên 58.000 năm 2020 và 64.000 năm 2021": the bound figure `idx` with its own period
 * phrase beside it, and after it, joined by ",", ";" or "và", figures of its kind and role each with
 * a phrase of another period beside it: those figures (at most 8). Empty if none.
 */
function datedList(idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading): number[] {
  let item = datedItem(idx, text, figures, periods, reading);
  if (!item) return [];
  const out: number[] = [];
  const codes = new Set([periods[reading.figures[idx].period].code]);
  for (let j = idx + 1; j < figures.length && j <= idx + 8; j++) {
    const next = datedItem(j, text, figures, periods, reading);
    const rd = reading.figures[j];
    // (or the earlier period's figure alone in brackets right after: "hạng 37 năm 2025 (năm 2024 đứng thứ 36)", §34.3)
    const bracketed = /^\s*\(\s*$/u.test(text.slice(item[1], next?.[0] ?? item[1])) && /^\s*\)/u.test(text.slice(next?.[1] ?? 0));
    if (!next || next[0] < item[1] || next[0] - item[1] > 24 || !(bracketed || ITEM_JOIN.test(text.slice(item[1], next[0])) || seriesJoin(text.slice(item[1], next[0]), figures[j].raw))) break;
    if (rd.role !== reading.figures[idx].role || figures[j].change || !(sameKind(figures[j], figures[idx]) || countAndBare(figures[j], figures[idx]) || rd.role === 'rank')) break;
    const code = periods[rd.period].code;
    if (codes.has(code) || maskedIn(reading, item[1], next[0])) break;
    codes.add(code);
    out.push(j);
    if (bracketed) break;
    item = next;
  }
  return out;
}

export { NATION };

/**
 * "Hậu Giang, Tiền Giang và Vĩnh Long lần lượt đứng thứ 17, 20 và 30.": a sentence whose figures
 * are only a list of ranks right after "lần lượt", the units opening the sentence as many (joined
 * by "," and "và"): the indices of those ranks; null if the sentence is not such a list.
 */
export function listedRanks(text: string, figures: Figure[], reading: SentenceReading): number[] | null {
  const n = ranksBeforeScores(text, figures, reading);
  if (n < 2 || n > 12 || reading.masked.length) return null;
  if (!reading.figures.slice(0, n).every((r, i) => r.role === 'rank' && !figures[i].change && r.period === reading.figures[0].period)) return null;
  const [first, last] = listFrom(text, figures, 0, () => true);
  if (first !== 0 || last !== n - 1) return null;
  const before = text.slice(0, figures[0].start).toLowerCase();
  const at = before.lastIndexOf('lần lượt');
  if (at < 0 || /\p{L}/u.test(before[at - 1] ?? '') || /\p{L}/u.test(before[at + 8] ?? '') || figures[0].start - (at + 8) > 30) return null;
  const units = before.slice(0, at);
  // (class parts-respectively, round 20: "Các trụ cột chính quyền số, kinh tế số, xã hội số lần lượt đứng thứ 25, 40, 33" after
  // a province's rank lists its parts' ranks, not other units' places: docs/reading.md §18)
  if (NATION.test(units) || PART_WORDS.test(units) || unitCount(units.slice(units.lastIndexOf(':') + 1)) !== n) return null;
  return figures.map((_, i) => i);
}

/** Between the ranks and their scores: "với số điểm tương ứng là", "với điểm số tương ứng", ", tương ứng". */
const SCORES_AFTER = /^\s*,?\s*(?:(?:với|đạt)\s+)?(?:(?:số\s+)?điểm(?:\s+số)?\s+)?tương ứng(?:\s+(?:là|đạt|với))?\s*$/iu;

/**
 * Class listed-ranks-with-scores (round 18): "Thừa Thiên Huế và Cần Thơ lần lượt xếp thứ 4 và thứ 5,
 * với số điểm tương ứng là 0,6975 và 0,6924": a list of ranks, then "tương ứng" and as many scores
 * of one kind (a number with no unit but "điểm", no change). The count of ranks when the sentence's
 * figures are such two lists; else all its figures (listedRanks then asks them all to be ranks).
 */
function ranksBeforeScores(text: string, figures: Figure[], reading: SentenceReading): number {
  const all = figures.length;
  const n = all / 2;
  if (all < 4 || !Number.isInteger(n) || reading.figures[n - 1]?.role !== 'rank' || !SCORES_AFTER.test(text.slice(figures[n - 1].end, figures[n].start))) return all;
  const score = (f: Figure): boolean => f.kind === 'number' && !f.change && (!f.unit || f.unit.normalize('NFC').toLowerCase() === 'điểm');
  const [first, last] = listFrom(text, figures, n, () => true);
  return first === n && last === all - 1 && figures.slice(n).every(score) ? n : all;
}

/**
 * The bases as further figures; a base dated by "cùng kỳ năm 2023" (`SPLY-2023`: "đạt 80,1%, tăng 4,6%
 * so với cùng kỳ năm 2023 (75,5%)", roles.ts bracketedBases) is of the bound figure's own period
 * moved to that year (2024-02 → 2023-02); with no own period of the bound figure to move, none.
 */
function sameTimeBases(bases: number[], idx: number, periods: PeriodPhrase[], reading: SentenceReading): Further[] {
  const own = reading.figures[idx].period >= 0 ? periods[reading.figures[idx].period]?.code : undefined;
  const out: Further[] = [];
  for (const at of bases) {
    const code = periods[reading.figures[at].period]?.code ?? '';
    if (!code.startsWith('SPLY')) out.push({ at, samePeriod: false });
    else {
      const period = own && !own.startsWith('SPLY') ? resolveSamePeriod(code, own) : null;
      if (period) out.push({ at, samePeriod: false, period });
    }
  }
  return out;
}

function ownPeriodBases(idx: number, text: string, figures: Figure[], reading: SentenceReading, refStart: number, refEnd: number): number[] {
  const out: number[] = [];
  const own = reading.figures[idx];
  const isBase = (j: number): boolean => {
    const b = reading.figures[j];
    return b.role === 'base' && !!b.own && b.period >= 0 && b.period !== own.period && (sameKind(figures[j], figures[idx]) || countAndBare(figures[j], figures[idx]));
  };
  for (let j = idx - 1; j >= 0 && j >= idx - 4 && reading.clauseOf[j] === reading.clauseOf[idx]; j--) if (isBase(j)) out.push(j);
  // After it: "đạt 42%, tăng so với 17% cuối năm 2023"; only changes between, no other reference,
  // within the sentence's next clauses outside other brackets.
  for (let j = idx + 1; j < figures.length && j <= idx + 3 && figures[j].start - figures[idx].end <= 120; j++) {
    if (maskedIn(reading, figures[idx].end, figures[j].start, refStart, refEnd)) break;
    if (isBase(j)) {
      if (!risesTo(j, text, figures, reading)) out.push(j); // (not "từ A lên B": A is B's, earlier-bases.ts)
      break;
    }
    if (reading.figures[j].role !== 'change') break;
  }
  return out;
}

/**
 * Between a figure and the other measure of its index (or a change on the way): punctuation and a joining word ("đạt 0,7163 điểm, xếp thứ 2/63");
 * the country moved by the figure ("đạt 47,66 Mb/giây, đưa nước ta lên vị trí thứ 59": speed rankings, issue 13 round 15, test/unit/speed-round15.test.ts).
 */
const MEASURE_GAP = /^[\s,(]*(?:(?:và|với|qua đó|nhờ đó|theo đó|cùng với|đồng thời)\s+)?(?:(?:đưa|giúp)\s+(?:việt nam|nước ta)\s+(?=lên|xuống))?(?:(?:vươn lên|lên|xuống|đứng ở|ở|giữ nguyên|giữ vững|giữ)\s+)?$/u;
const isRank = (f: Figure, role: string): boolean => f.kind === 'rank' || role === 'rank';

/**
 * The other measure of the bound figure's index right after it: a rank after a level, a level
 * after a rank, with only changes and joining words between and no other reference. -1 if none.
 */
function otherMeasure(idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading, refEnd: number): number {
  const rank = isRank(figures[idx], reading.figures[idx].role);
  let from = Math.max(figures[idx].end, refEnd);
  let afterChange = false;
  for (let j = idx + 1; j < figures.length && j <= idx + 3; j++) {
    const f = figures[j];
    const rd = reading.figures[j];
    if (f.start < from || f.start - from > 60 || maskedIn(reading, from, f.start)) return -1;
    // A period phrase between counts as nothing ("xếp thứ 71/193 về [[X]] năm 2024 với 0,7709 điểm");
    // after a change, nor does its comparison base ("tăng 2 bậc so với năm 2020, với 0,5064 điểm").
    let gap = text.slice(from, f.start).toLowerCase();
    let compared = false;
    for (let k = firstIndex(periods.length, (t) => periods[t].start >= from); k < periods.length && periods[k].end <= f.start; k++) {
      const p = periods[k];
      compared ||= !!p.comparison;
      gap = gap.slice(0, p.start - from) + ' '.repeat(p.end - p.start) + gap.slice(p.end - from);
    }
    if (afterChange && compared) gap = gap.replace(CHANGE_BASE, '');
    if (gap.trim().length > 30) return -1;
    if (rd.role === 'change' || f.change) {
      if (!MEASURE_GAP.test(gap)) return -1;
      from = f.end;
      afterChange = true;
      continue;
    }
    // "mang về 8 tỷ USD doanh thu, với tốc độ tăng trưởng 28%": an amount's or a count's growth rate.
    if (!rank && !afterChange && f.growth && f.kind === 'percent' && figures[idx].kind === 'number' && isLevelRole(rd.role) && GROWTH_GAP.test(gap)) return j;
    // "đạt 21,77 triệu, tương ứng 21,9 thuê bao/100 dân", "84,36 triệu (84,8 thuê bao/100 dân)": a count's rate per population; "11.591 trạm 5G, tương đương 7,72% số trạm 4G": its share of a whole, "…, với tổng giá trị 197,23 triệu tỷ đồng" its value (share-of-whole.ts); "32 tỷ USD và chiếm 12% tổng mức bán lẻ" an amount's share (share-of-amount.ts).
    if (!rank && !afterChange && reading.figures[idx].role !== 'rate' && figures[idx].kind === 'number' && (rd.role === 'rate' ? RATE_GAP.test(gap) : isLevelRole(rd.role) && (f.kind === 'percent' ? !!wholeOfShare(gap, text.slice(f.end, f.end + 60)) || shareOfAmount(gap, figures[idx], f, text.slice(f.end, f.end + 60)) : valueOfCount(gap, figures[idx], f)))) return j;
    if (!isLevelRole(rd.role) || isRank(f, rd.role) === rank || !MEASURE_GAP.test(gap)) return -1;
    return j;
  }
  return measureBefore(idx, text, figures, reading, refEnd);
}

/** Between a count and its rate per population: ", tương ứng ", ", tức ", " (" (round 15); ", (đạt) mật độ " (round 25, reading.md §37.3). */
const RATE_GAP = /^[\s,(]*(?:(?:tương ứng|tức là|tức|hay|tương đương)\s+(?:với\s+)?|(?:(?:đạt|với|có)\s+)?mật độ\s+(?:(?:là|đạt)\s+)?)?$/u;
/** Between an amount and its growth rate: ", với tốc độ ", ", " (the rate's "tăng trưởng" is its figure's). */
const GROWTH_GAP = /^[\s,]*(?:(?:với|và)\s+)?(?:(?:tốc độ|mức)\s+)?$/u;
/** A change's comparison word before its (masked) base phrase: "tăng 2 bậc so với (kỳ đánh giá) năm 2020". */
const CHANGE_BASE = /^\s*so(?:\s+với)?(?:\s+(?:kỳ|lần|đợt)(?:\s+(?:đánh giá|xếp hạng|báo cáo|công bố))?)?(?=\s)/u;

/**
 * "đạt 0,7164 điểm và xếp thứ 15 cả nước về [[X]]": a bound rank (or level) written before its
 * name, and right before it the index's other measure, only a joining word between and no other
 * reference before it in its clause. -1 if none.
 */
function measureBefore(idx: number, text: string, figures: Figure[], reading: SentenceReading, refEnd: number): number {
  const j = idx - 1;
  if (j < 0 || refEnd < figures[idx].end || reading.clauseOf[j] !== reading.clauseOf[idx]) return -1;
  const f = figures[j];
  const rd = reading.figures[j];
  if (rd.role === 'change' || f.change || !isLevelRole(rd.role) || isRank(f, rd.role) === isRank(figures[idx], reading.figures[idx].role)) return -1;
  if (maskedIn(reading, reading.clauses[reading.clauseOf[j]].start, figures[idx].start)) return -1;
  const gap = text.slice(f.end, figures[idx].start).toLowerCase();
  return gap.length <= 12 && MEASURE_GAP.test(gap) ? j : -1;
}

/**
 * Words that may stand between the period phrase and the figure of a restatement: adverbs ("chỉ",
 * "mới"), then a linking word ("trong khi năm 2022 chỉ là 0,5878", class restated-contrast, round 17).
 */
const LINK = /^\s*(?:(?:mới|chỉ|đã|vẫn|cũng|mới chỉ)\s+)*(?::|là|đạt|ở mức|còn)?\s*$/u;
/**
 * Before a rank's own verb ("đứng thứ 14"), the unit spoken of again by a common noun and an adverb,
 * no name of another: "còn năm 2022 thành phố mới đứng thứ 14" (lower-case words only).
 */
const SAME_SUBJECT = /^\s*(?:\p{Ll}+\s+){1,4}$/u;
/** What may stand before the period phrase at the clause's start (a contrast "trong khi" too, as in restated-series.ts). */
const LEAD = /^\s*(?:và|còn|so với|trong khi|trong lúc|khi đó)?\s*$/u;

/**
 * The figure of the clause after the bound figure's when that clause restates the same quantity for
 * another period and says nothing else: "<period phrase> là|đạt|: <figure>". -1 if none.
 */
function restatement(idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading): number {
  const c0 = reading.clauseOf[idx];
  // (", còn …": the comma and "còn" both cut, a blank clause between)
  const c = c0 + 1 < reading.clauses.length && !text.slice(reading.clauses[c0 + 1].start, reading.clauses[c0 + 1].end).trim() ? c0 + 1 : c0;
  const j = idx + 1;
  if (j >= figures.length || reading.clauseOf[j] !== c + 1) return -1;
  if (j + 1 < figures.length && reading.clauseOf[j + 1] === c + 1) return -1;
  const clause = reading.clauses[c + 1];
  if (!clause || clause.paren !== reading.clauses[c].paren) return -1;
  const fr = reading.figures[j];
  const own = reading.figures[idx];
  if (fr.role !== own.role || !fr.own || fr.period < 0 || fr.period === own.period) return -1;
  const p = periods[fr.period];
  const f = figures[j];
  if (!p || p.comparison || !sameKind(f, figures[idx]) || f.change || p.start < clause.start || p.end > f.start) return -1;
  // Nothing but the period phrase and a linking word; no other reference (masked) in between.
  // ("tỷ lệ này năm 2024 là 45%", "năm 2024 con số này là …": an anaphor of the measure, anaphor.ts)
  const link = withoutAnaphor(text.slice(p.end, f.start));
  if (!LEAD.test(withoutAnaphor(text.slice(clause.start, p.start))) || !(LINK.test(link) || (isRank(f, fr.role) && SAME_SUBJECT.test(link)))) return -1;
  if (reading.masked.some((m) => m >= clause.start && m < f.start)) return -1;
  return j;
}

function sameKind(a: Figure, b: Figure): boolean {
  return a.unitClass === b.unitClass && a.kind === b.kind;
}

/** "915 [[cuộc tấn công mạng …]], tăng 9,3% so với tháng 11/2022 (837 cuộc)": a bare count and one with its noun (class counted-base, round 16). */
function countAndBare(a: Figure, b: Figure): boolean {
  return a.kind === 'number' && b.kind === 'number' && [a, b].some((x) => x.unitClass === 'count') && [a, b].some((x) => x.unitClass === 'none' && !x.unit);
}
