/**
 * Role rules of the clause reader (clauses.ts readSentence) that look at a figure's neighbours
 * only (docs/dialect.md §6.4, §6.5):
 * - "giữ các vị trí thứ 5, 6 và 7": a whole number with no unit listed right after a rank is a rank
 *   ({@link ranksListed});
 * - "tăng 8,6% so với năm 2023 (0,7326 điểm)": a level alone at the start of a bracket right after a
 *   comparison phrase is the value at that base, dated by it ({@link bracketedBases}).
 * - "lọt vào tốp 10 với vị trí thứ 8/63": a rank band ("top N", "tốp N") is not the rank when a
 *   rank of its own follows in its clause ({@link pastBand}).
 * - "Kế hoạch năm 2022 đặt các mục tiêu: tỷ lệ A 85%; tỷ lệ B 75%": the figures of a list after a
 *   target word and a colon are targets ({@link targetsListed}).
 * - "với giá trị DTI từ khoảng 0,5 đến gần 0,6": the two ends of a range, no movement, are no value
 *   ({@link rangeEnds}).
 * - "đạt 136,21 Mbps, gấp hơn 2,6 lần con số 50,88 Mbps của tháng 4/2024": the level a multiple is
 *   told against, right after it, is a base ({@link multipleBases}).
 * - "[[X]] phấn đấu năm 2025 đạt 50%, năm 2030 đạt 70%": a plan's next item, its period and a
 *   linking word only, is a target too ({@link targetItems}).
 * Each is one pass over the figures (and the period phrases, in step): linear.
 */
import type { Figure, FigureRole, PeriodPhrase } from '../types';
import { joined } from './lists';

const LEVELISH: ReadonlySet<FigureRole> = new Set(['level', 'rank', 'scale', 'part', 'rate']);

/** True if a figure of this role can be the indicator's value. */
export function isLevelRole(role: FigureRole | undefined): boolean {
  return role === undefined || LEVELISH.has(role);
}

/** "thứ 5, 6 và 7": each whole number with no unit listed right after a rank becomes a rank. */
export function ranksListed(text: string, figures: Figure[], readings: Array<{ role: FigureRole }>): void {
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i];
    if (readings[i - 1].role !== 'rank' || readings[i].role !== 'level' || f.kind !== 'number' || f.unit !== null || f.decimals !== 0 || f.change) continue;
    if (joined(text, figures[i - 1], f)) readings[i].role = 'rank';
  }
}

/**
 * "so với năm 2023 (0,7326 điểm)": a level with no period of its own, alone in its clause, the
 * clause a bracket's, right after a comparison phrase of a year, or of the same period of a year
 * ("so với cùng kỳ năm 2023 (75,5%)", class bracketed-same-period, round 18): a `base` dated by that phrase.
 */
export function bracketedBases(
  text: string,
  figures: Figure[],
  readings: Array<{ role: FigureRole; period: number }>,
  periods: PeriodPhrase[],
  clauseOf: number[],
  clauses: Array<{ paren: boolean }>,
): void {
  let k = -1; // the last period phrase ending at or before the figure
  figures.forEach((f, i) => {
    while (k + 1 < periods.length && periods[k + 1].end <= f.start) k++;
    const r = readings[i];
    if (r.period >= 0 || !isLevelRole(r.role) || f.change || !clauses[clauseOf[i]].paren || clauseOf[i + 1] === clauseOf[i]) return;
    // (also "so với cùng kỳ năm 2023 (75,5%)": the same period of that year, further.ts resolves it)
    if (k < 0 || !periods[k].comparison || !/^(?:\d{4}|SPLY(?:-\d{4})?$)/.test(periods[k].code) || !/^\s*\(\s*$/.test(text.slice(periods[k].end, f.start))) return;
    r.role = 'base';
    r.period = k;
  });
}

/** "từ" right before a figure, and no movement word right before "từ" ("tăng từ … đến …" is a movement). */
const RANGE_FROM = /(?:^|[^\p{L}])từ\s*$/u;
const MOVED_FROM = /(?:^|[^\p{L}])(?:tăng|giảm|trưởng|nâng|hạ|tụt|leo|vươn|lên|xuống|cải thiện|thu hẹp|rút ngắn|mở rộng|chuyển|đi|đổi)\s+từ\s*$/u;
/** Only "đến" or "tới" between the two ends: no period phrase of the first's own ("từ 45.600 năm 2019 đến …"). */
const RANGE_TO = /^\s*(?:đến|tới)\s+$/u;
/** A dash alone between a bare number and a figure: "15 – 20 thuê bao/100 dân", "45 - 50%" (round 27). */
const RANGE_DASH = /^\s*[–—-]\s*$/u;

/**
 * "Ba địa phương … với giá trị DTI từ khoảng 0,5 đến gần 0,6", "dao động từ 0,45 đến 0,82": two
 * levels of one clause joined by "từ … đến/tới" with nothing else between, no movement word ("tăng",
 * "giảm", "nâng", …) right before "từ" and no period phrase of the first's own: the ends of a range
 * (the values of several units, or an estimate's bounds), neither a value of the indicator. Both
 * become `base` (class range-ends, issue 13 round 19; "tăng từ 70% đến 79%" and "từ 70% năm 2020
 * đến 79% năm 2024" are movements, read as before). Round 27 (held31, class dash-range): a bare
 * number, a dash and a figure ("nâng mật độ … lên 15 – 20 thuê bao/100 dân", "tăng khoảng 37 – 86%")
 * are a range's ends too, whatever word comes before.
 */
export function rangeEnds(lower: string, figures: Figure[], readings: Array<{ role: FigureRole }>, clauseOf: number[]): void {
  for (let i = 0; i + 1 < figures.length; i++) {
    const [a, b] = [figures[i], figures[i + 1]];
    if (a.kind === 'number' && a.unit === null && a.multiplierWord === null && RANGE_DASH.test(lower.slice(a.end, b.start))) {
      readings[i].role = readings[i + 1].role = 'base';
      continue;
    }
    if (clauseOf[i] !== clauseOf[i + 1] || a.change || b.change || !isLevelRole(readings[i + 1].role) || !RANGE_TO.test(lower.slice(a.end, b.start))) continue;
    const head = lower.slice(Math.max(0, a.start - 24), a.start);
    if (!RANGE_FROM.test(head) || MOVED_FROM.test(head)) continue;
    readings[i].role = 'base';
    readings[i + 1].role = 'base';
  }
}

/** "top 10", "tốp 10": a rank band (rank at most N, figures.ts), not one place. */
function isBand(f: Figure): boolean {
  return f.kind === 'rank' && f.value > 1 && f.interval[0] === 1 && f.interval[1] === f.value;
}

/**
 * "lọt vào tốp 10 với vị trí thứ 8/63": the level figure `a` a reference would bind, or, when `a`
 * is a rank band and the next level figure of its clause is a rank of one place, that rank.
 */
export function pastBand(figures: Figure[], clauseOf: number[], nextLevel: number[], a: number): number {
  if (a >= figures.length || !isBand(figures[a])) return a;
  const n = nextLevel[a + 1];
  return n < figures.length && clauseOf[n] === clauseOf[a] && figures[n].kind === 'rank' && !isBand(figures[n]) ? n : a;
}

/**
 * A target word, then a colon opening a list: "đặt các mục tiêu: …", "mục tiêu đến năm 2025:", "đề
 * ra các chỉ tiêu: …" ("chỉ tiêu" alone also names indicators: only after a verb setting it, or opening
 * the sentence as its subject: "Chỉ tiêu … của nhiệm kỳ trước được nhắc lại: …", reading.md §48). Not
 * when the words before the colon say results ("kết quả thực hiện các mục tiêu:", "đã đạt").
 */
const TARGET_LIST = /(?:^\s*(?:các\s+)?chỉ tiêu(?![\p{L}])[^.:;!?]{0,100}?|(?<![\p{L}])(?:mục tiêu|(?:đặt|đề ra|giao|xác định)\s+(?:các\s+|những\s+)?chỉ tiêu)(?![\p{L}])[^.:;!?]{0,60}?):/giu;
const RESULT_WORDS = /(?<![\p{L}])(?:kết quả|đạt được|đã đạt|thực hiện|hoàn thành)(?![\p{L}])/iu;

/** Where the list of targets a text opens begins (after its colon, TARGET_LIST), or -1. */
function targetListStart(text: string): number {
  if (!text.includes(':')) return -1; // (every match ends with its colon)
  TARGET_LIST.lastIndex = 0;
  for (let m = TARGET_LIST.exec(text); m !== null; m = TARGET_LIST.exec(text)) {
    if (!RESULT_WORDS.test(text.slice(Math.max(0, m.index - 30), m.index + m[0].length))) return m.index + m[0].length;
  }
  return -1;
}

/** True if `text` opens a list of targets (sentences.ts joins its items across ";"). */
export function opensTargetList(text: string): boolean {
  return targetListStart(text) >= 0;
}

/** The level figures of a list after a target word and a colon (TARGET_LIST), to the sentence's end, become targets. */
export function targetsListed(lower: string, figures: Figure[], readings: Array<{ role: FigureRole }>): void {
  const colon = targetListStart(lower);
  if (colon < 0) return;
  figures.forEach((f, i) => {
    if (f.start >= colon && isLevelRole(readings[i].role) && readings[i].role !== 'rank') readings[i].role = 'target';
  });
}

/** Between a multiple ("gấp 2,6 lần") and the level it is told against: nothing, "con số", "mức", "so với (mức)". */
const MULTIPLE_OF = /^\s*(?:(?:con số|mức|so với(?:\s+(?:con số|mức))?)\s*)?$/u;

/**
 * Class base-of-a-multiple (round 19, audit24; docs/reading.md §6.5 (1)): "[[X]] đạt 136,21 Mbps,
 * gấp hơn 2,6 lần con số 50,88 Mbps của tháng 4/2024": a level right after a multiple ("gấp N lần",
 * a change with `times`), nothing but "con số", "mức" or "so với" between, of the kind and unit of a
 * level before the multiple, is the base the multiple is told against (`base`; further.ts reads it
 * as the bound figure's further figure when it has a period of its own). Not a level of another
 * kind ("gấp 3 lần, đạt 5.000 trạm" after a speed), nor with no level before.
 */
export function multipleBases(lower: string, figures: Figure[], readings: Array<{ role: FigureRole }>): void {
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i];
    const m = figures[i - 1];
    if (!m.change?.times || f.change || readings[i].role !== 'level' || !MULTIPLE_OF.test(lower.slice(m.end, f.start))) continue;
    if (figures.slice(0, i - 1).some((g, j) => readings[j].role === 'level' && !g.change && g.kind === f.kind && g.unit === f.unit)) readings[i].role = 'base';
  }
}

/** Between a plan's target and its next item's period phrase: a comma or ";", perhaps "và", "đến", "cuối". */
const ITEM_BEFORE = /^\s*(?:[,;]\s*)?(?:và\s+)?(?:(?:đến|tới|vào)\s+)?(?:cuối\s+)?$/u;
/** Between the next item's period phrase and its figure: a linking word or none. */
const ITEM_AFTER = /^\s*(?:(?:là|đạt|đạt được|đạt mức|ở mức|lên|chiếm)\s+)?(?:khoảng\s+|trên\s+|tối thiểu\s+)?$/u;
/** Between an item's figure and its own period phrase after it: "vào", "đến", "trong" or nothing. */
const PERIOD_AFTER = /^\s*(?:(?:vào|đến|tới|trong)\s+)?$/u;

/** The period phrase `q` is the one of `f`, written right after it (no comparison). */
function periodAfter(lower: string, f: Figure, q: PeriodPhrase | undefined): boolean {
  return !!q && !q.comparison && q.start >= f.end && PERIOD_AFTER.test(lower.slice(f.end, q.start));
}

/** A target word before a figure (clauses.ts TARGET_WORDS, "định hướng" too). */
const PLAN_WORD = /(?<![\p{L}])(?:mục tiêu|kế hoạch(?!\s+và\s+đầu tư)|chỉ tiêu|phấn đấu|định hướng)(?![\p{L}])/iu;

/**
 * Class plan-items (round 20, audit25; docs/reading.md §18): "[[X]] phấn đấu năm 2025 đạt 50%, năm
 * 2030 đạt 70%", "… mục tiêu đến năm 2025 là 80% và đến năm 2030 là 100%": a figure of the kind of a
 * target right before it, with a target word before that one, and between them only a comma or "và",
 * one period phrase and a linking word, is the plan's next item (a `target`), not a value of the
 * later period. Not a target told as a share of the plan ("đạt 95% kế hoạch năm, năm 2022 đạt 90%":
 * the plan's words stand between), nor a figure with words of its own ("năm 2023 thực hiện đạt 75%").
 * Round 22: the items' periods may follow their figures ("đạt 50% vào năm 2025 và 70% vào năm 2030").
 */
export function targetItems(lower: string, figures: Figure[], readings: Array<{ role: FigureRole }>, periods: PeriodPhrase[]): void {
  let k = 0;
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i];
    const prev = figures[i - 1];
    while (k < periods.length && periods[k].start < prev.end) k++;
    if (readings[i - 1].role !== 'target' || !isLevelRole(readings[i].role) || f.change || f.kind !== prev.kind) continue;
    const p = periods[k];
    if (!p || p.end > f.start || (periods[k + 1] && periods[k + 1].start < f.start) || p.comparison || !PLAN_WORD.test(lower.slice(0, prev.start))) continue;
    if (ITEM_BEFORE.test(lower.slice(prev.end, p.start)) && ITEM_AFTER.test(lower.slice(p.end, f.start))) readings[i].role = 'target';
    // "phấn đấu đạt 50% vào năm 2025 và 70% vào năm 2030": each item's period written after its figure (reading.md §27.6).
    else if (PERIOD_AFTER.test(lower.slice(prev.end, p.start)) && ITEM_BEFORE.test(lower.slice(p.end, f.start)) && periodAfter(lower, f, periods[k + 1])) readings[i].role = 'target';
  }
}
