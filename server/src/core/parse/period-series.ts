/**
 * One index told over a series of periods in one sentence, and a rank's written scope (issue #13;
 * docs/reading.md §6.5 (8)). Each figure of the series gets its own period, so that each enters the
 * history under its own period (further.ts makes the rest the reference's further figures):
 * - "xếp thứ 47, 45 và 42 lần lượt vào các năm 2016, 2017 và 2019": a list of figures, then "lần
 *   lượt" (or "tương ứng") and a list of as many period phrases: the n-th figure takes the n-th phrase
 *   ({@link respectivePeriodsAfter}; lists.ts respectivePeriods reads the phrases written before);
 * - "thứ 59 (2016)", "0,51 điểm (năm 2016)": a bracket holding only a period phrase right after a
 *   figure dates that figure ({@link bracketedPeriods}); a bare year alone in brackets is a year
 *   phrase ({@link bracketYears}, periods.ts);
 * - "năm 2016 thứ 59, năm 2017 thứ 47", "từ thứ 59 (2016) lên 42 (2019)", "lên thứ 47 năm 2017 rồi
 *   45/126 năm 2018": the figure after a year phrase, after "lên/xuống" once a move started from a
 *   rank, or after "rồi" behind a dated rank, is a rank ({@link seriesRank}, figure-context.ts);
 * - "lên thứ 47 năm 2017 rồi 45/126 năm 2018": the items of a dated list may be chained by "rồi",
 *   "lên", "xuống" as well as "," and "và" ({@link seriesJoin}, further.ts datedList);
 * - "đứng thứ 43/138 thế giới và thứ 4 trong khu vực": a rank's scope is the scope word nearest to
 *   it that no other rank stands nearer to ({@link rankScopes}): the world rank is the fact of the
 *   world entry, the regional rank one of its own scope, never the world's.
 * Each rule looks at a bounded stretch around one figure or one "lần lượt": linear.
 */
import type { Figure, FigureRole, PeriodPhrase, RankScopeWritten } from '../types';
import { foreignCountry, PLANNED } from './subject-words';
import { listFrom } from './lists';
import { frontedScope } from './fronted-scope';

/** "(2016)": a year alone in brackets (the bracket's content, its offsets). */
const BRACKET_YEAR = /\(\s{0,2}((?:19|20|21)\d{2})\s{0,2}\)/gu;

/** A plain year phrase found by a rule here (periods.ts adds them to its candidates). */
export type YearPhrase = { start: number; end: number; code: string; yearless: false; comparison: false; range: false };

/** Bare years alone in brackets, as year phrases (periods.ts adds them to its candidates). */
export function bracketYears(s: string): YearPhrase[] {
  if (!s.includes('(')) return [];
  const out: YearPhrase[] = [];
  BRACKET_YEAR.lastIndex = 0;
  for (let m = BRACKET_YEAR.exec(s); m; m = BRACKET_YEAR.exec(s)) {
    const at = m.index + m[0].indexOf(m[1]);
    out.push({ start: at, end: at + 4, code: m[1], yearless: false, comparison: false, range: false });
  }
  return out;
}

/**
 * "Ở kỳ 2022", "kỳ đánh giá 2022", "kỳ xếp hạng năm 2022" (the year phrase reads the last): an edition
 * of an index or survey named by its year, read as that year (round 19, neg19). Not "nhiệm kỳ",
 * "thời kỳ", "cùng kỳ" (periods.ts SPLY), "chu kỳ", "học kỳ", "định kỳ", "các kỳ"; not a span ("kỳ
 * 2021-2025"). The lower-cased scan text.
 */
const EDITION_YEAR = /(?<!(?:nhiệm|thời|cùng|chu|học|định|trường|giai|mỗi|các|những|từng)\s{1,3})(?<![\p{L}\p{N}])kỳ(?:\s{1,3}(?:đánh giá|xếp hạng|báo cáo|khảo sát|công bố))?\s{1,3}((?:19|20|21)\d{2})(?![\p{N}]|\s{0,2}[-–—/.,]\s{0,2}\p{N})/gu;

/** Edition years ("kỳ 2022") as year phrases (periods.ts adds them to its candidates). */
export function editionYears(s: string): YearPhrase[] {
  if (!s.includes('kỳ')) return [];
  const out: YearPhrase[] = [];
  EDITION_YEAR.lastIndex = 0;
  for (let m = EDITION_YEAR.exec(s); m; m = EDITION_YEAR.exec(s)) out.push({ start: m.index, end: m.index + m[0].length, code: m[1], yearless: false, comparison: false, range: false });
  return out;
}

/** "qua các năm:", "trong những năm gần đây:", "theo từng năm:": a lead naming a run of years, then a colon. */
const YEARS_LEAD = /(?:^|[^\p{L}])(?:(?:các|những|từng)\s+năm|theo\s+năm)(?![\p{L}\d])[^.:;!?\d]{0,40}:/giu;
/** After such a lead: an item's head year, at the colon or after ",", ";", "và", before its linking word ("2022 là 3%", "2024: 13,5%", "2023 đạt 20"). */
const LISTED_ITEM_YEAR = /(?:^|[,;]\s*(?:và\s+|còn\s+)?|\svà\s+|\scòn\s+)\s*((?:19|20|21)\d{2})(?=\s*(?::|–|-|(?:là|đạt|ở mức|với)\s))/gu;

/**
 * "Tỷ lệ … qua các năm: 2022 là 3%, 2024 là 13,5%": after a lead naming a run of years and a colon
 * ({@link YEARS_LEAD}), each item's bare head year is a year phrase, as "năm 2022" would be (periods.ts
 * adds them to its candidates; further.ts datedList then reads the items as one series, §6.5 (5)).
 * Only up to the sentence's end or the first clause that holds no such item: linear.
 */
export function colonListedYears(s: string): YearPhrase[] {
  if (!s.includes(':')) return [];
  const out: YearPhrase[] = [];
  YEARS_LEAD.lastIndex = 0;
  for (let m = YEARS_LEAD.exec(s); m; m = YEARS_LEAD.exec(s)) {
    const from = m.index + m[0].length;
    // The lead up to the colon, from the clause's start: no plan ("phấn đấu qua các năm: 2025 đạt
    // 50%, …" are targets), no other country ("… của Thái Lan qua các năm: …" are its values).
    const lead = s.slice(Math.max(0, s.lastIndexOf('.', m.index) + 1, m.index - 160), from);
    if (PLANNED.test(lead) || otherCountryIn(lead)) continue;
    const stop = /[.!?]\s|\n/u.exec(s.slice(from));
    const run = s.slice(from, stop ? from + stop.index : s.length);
    LISTED_ITEM_YEAR.lastIndex = 0;
    for (let y = LISTED_ITEM_YEAR.exec(run); y; y = LISTED_ITEM_YEAR.exec(run)) {
      const at = from + y.index + y[0].length - y[1].length;
      out.push({ start: at, end: at + 4, code: y[1], yearless: false, comparison: false, range: false });
    }
  }
  return out.length >= 2 ? out : [];
}

/** "của Thái Lan", "ở Singapore": a unit named after "của", "ở", "tại" that is another country (the text lower-cased). */
function otherCountryIn(lead: string): boolean {
  for (const m of lead.matchAll(/(?:^|[^\p{L}])(?:của|ở|tại)\s+(\p{L}+)(?:\s+(\p{L}+))?/giu)) {
    const one = m[1].toLowerCase();
    if (foreignCountry(one) || (m[2] && foreignCountry(`${one} ${m[2].toLowerCase()}`))) return true;
  }
  return false;
}

/** What the further rules here read of a sentence (clauses.ts SentenceReading, not imported: it imports this module). */
interface SentenceReading {
  figures: Array<{ role: FigureRole; period: number; scope?: RankScopeWritten }>;
  clauseOf: number[];
  masked: number[];
}

const LIST_JOIN = /^\s*(?:[,;]\s*(?:và\s+)?|và\s+)\s*$/u;
/** After a list of figures: "lần lượt (là|vào|trong|ở|tại) (các|những) (năm|tháng|kỳ)". */
const RESPECTIVE_AFTER = /^\s*,?\s*(?:lần lượt|tương ứng)(?:\s+(?:là|vào|trong|ở|tại|với))?(?:\s+(?:các|những))?(?:\s+(?:năm|tháng|kỳ|quý))?\s*$/u;
/** "lần lượt là 70%, 74% và 77% trong các năm 2021, 2022 và 2023": "lần lượt" before the list, "(vào|trong) các năm" after it (docs/reading.md §35.3). */
const PLURAL_AFTER = /^\s*,?\s*(?:vào|trong|ở|tại)\s+(?:các|những)(?:\s+(?:năm|tháng|kỳ|quý))?\s*$/u;
const RESPECTIVE_BEFORE = /(?:lần lượt|tương ứng)(?:\s+(?:là|đạt|ở mức))?\s*$/u;

/**
 * "xếp thứ 47, 45 và 42 lần lượt vào các năm 2016, 2017 và 2019": figures joined as a list, then
 * "lần lượt" and as many period phrases joined as a list (no comparison among them): the n-th
 * figure takes the n-th phrase as its own (`attached`), whatever rules 1 and 2 gave it.
 */
export function respectivePeriodsAfter(text: string, figures: Figure[], readings: Array<{ period: number }>, periods: PeriodPhrase[], attached: Uint8Array): void {
  for (let k = 0; k < periods.length; k++) {
    // The list's first phrase: "lần lượt …" right before it, a figure right before that.
    const j = lastFigureBefore(figures, periods[k].start);
    const plain = j >= 0 && RESPECTIVE_AFTER.test(text.slice(figures[j].end, periods[k].start));
    if (j < 0 || periods[k].start - figures[j].end > 50 || !(plain || PLURAL_AFTER.test(text.slice(figures[j].end, periods[k].start)))) continue;
    if (k > 0 && periods[k - 1].start > figures[j].end) continue;
    let last = k;
    while (last + 1 < periods.length && last - k < 8 && !periods[last + 1].comparison && LIST_JOIN.test(text.slice(periods[last].end, periods[last + 1].start))) last++;
    const n = last - k + 1;
    let first = j;
    while (first > 0 && j - first < 8 && figures[first - 1].end <= figures[first].start && j - first + 1 < n && figures[first].start - figures[first - 1].end <= 12 && LIST_JOIN.test(text.slice(figures[first - 1].end, figures[first].start))) first--;
    if (n < 2 || j - first + 1 !== n || periods.slice(k, last + 1).some((p) => p.comparison)) continue;
    if (!plain && !RESPECTIVE_BEFORE.test(text.slice(Math.max(0, figures[first].start - 24), figures[first].start)) && !oneSubjectSeries(text, figures, first, n)) continue;
    // The list is whole: no figure joined before its first.
    if (first > 0 && figures[first].start - figures[first - 1].end <= 12 && LIST_JOIN.test(text.slice(figures[first - 1].end, figures[first].start))) continue;
    for (let i = 0; i < n; i++) {
      readings[first + i].period = k + i;
      attached[k + i] = 1;
    }
    k = last;
  }
}

/** A level's verb right before the first figure of a series with no "lần lượt": "đạt", "là", "ở mức", "chiếm", "lên". */
const SERIES_VERB = /(?:^|[^\p{L}])(?:đạt|là|ở mức|chiếm|lên|lần lượt đạt)\s*$/u;
/** "và", "cùng", "với", or a comma between two capitalised names: the clause before the series names several units ("Hà Nội và Đà Nẵng đạt …", "Hà Nội, Đà Nẵng đạt …"). */
const UNIT_LIST = /(?:^|[^\p{L}])(?:và|cùng|với)(?![\p{L}])|\p{Lu}\p{Ll}*\s*,\s*\p{Lu}/u;

/**
 * "[[X]] đạt 70%, 74% và 77% trong các năm 2021, 2022, 2023" (docs/reading.md §68): a series with no
 * "lần lượt", read as one subject's figures over the years when the n figures all have one unit, a
 * level's verb stands right before the first, and its clause (back to ".", ";", ":" or the
 * previous figure, at most 160 characters) names no list of units ("và", "cùng", "với", "Hà Nội, Đà Nẵng") nor a plan or
 * another country.
 */
function oneSubjectSeries(text: string, figures: Figure[], first: number, n: number): boolean {
  const list = figures.slice(first, first + n);
  if (list.some((f) => f.unit !== list[0].unit || f.kind !== list[0].kind)) return false;
  const at = figures[first].numeralStart;
  const back = Math.max(0, first > 0 ? figures[first - 1].end : 0, at - 160);
  const before = text.slice(back, at);
  const cut = Math.max(before.lastIndexOf('.'), before.lastIndexOf(';'), before.lastIndexOf(':'));
  const clause = before.slice(cut + 1).replace(/\[\[[^\]]*\]\]/gu, ' ');
  if (!SERIES_VERB.test(clause) || UNIT_LIST.test(clause) || PLANNED.test(clause)) return false;
  const words = clause.toLowerCase().split(/[^\p{L}]+/u).filter(Boolean);
  return !words.some((w, i) => foreignCountry(w) || (i + 1 < words.length && foreignCountry(`${w} ${words[i + 1]}`)));
}

function lastFigureBefore(figures: Figure[], at: number): number {
  let lo = 0;
  let hi = figures.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (figures[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * "thứ 59 (2016)", "0,51 điểm (năm 2016)": a period phrase alone in a bracket right after a figure
 * with no period yet is that figure's own (not a comparison base's, not one that lends nothing).
 */
export function bracketedPeriods(text: string, figures: Figure[], readings: Array<{ period: number }>, periods: PeriodPhrase[], attached: Uint8Array, lendsNothing: Uint8Array): void {
  let k = 0;
  figures.forEach((f, i) => {
    while (k < periods.length && periods[k].start < f.end) k++;
    if (k >= periods.length || readings[i].period >= 0 || attached[k] || lendsNothing[k] || periods[k].comparison) return;
    const p = periods[k];
    if (p.start - f.end > 6 || !/^\s*\(\s*$/u.test(text.slice(f.end, p.start)) || !/^\s*\)/u.test(text.slice(p.end, p.end + 3))) return;
    readings[i].period = k;
    attached[k] = 1;
  });
}

/** After "thứ": a weekday (2 to 7) and its date ("thứ 3, ngày 17/9", "thứ 2 (17/9)"). */
const WEEKDAY_DATE = /^[2-7](?![\d/])\s*(?:,\s*|\(\s*)?(?:ngày\s+)?\d{1,2}\s?\/\s?\d{1,2}/u;
/** A year or a month of a year right before "thứ": "năm 2016 (là) thứ 59", "tháng 1/2022 là thứ 45". */
const DATED_BEFORE = /(?:^|[^\p{L}])(?:năm\s+(?:19|20|21)\d{2}|tháng\s+\d{1,2}\s?\/\s?(?:19|20|21)\d{2})\s*(?::\s*|,?\s*là\s+|,?\s*đứng\s+)?$/iu;
/** "thứ 86/193 thế giới", "thứ 45/126": a place of many (never a weekday's date: no second "/", at least 13 ranked). */
function ofMany(after: string): boolean {
  const m = /^(\d{1,3})\s?\/\s?(\d{2,3})(?![\d/])/u.exec(after);
  return !!m && Number(m[2]) >= 13 && Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]);
}
/** After "thứ": a list of ranks, then "lần lượt" and a list of periods ("thứ 47, 45, 42 lần lượt vào các năm …"). */
const RESPECTIVE_RANKS = /^\d+(?:\s*,\s*\d+)*\s*,?\s*(?:và\s+)?\d+\s*,?\s*(?:lần lượt|tương ứng)(?:\s+(?:là|vào|trong|ở))?(?:\s+(?:các|những))?\s+(?:năm|tháng|quý)(?![\p{L}])/iu;
/** After "từ thứ 59": its period, then the number it moved to ("từ thứ 59 (2016) lên 42 (2019)"). */
const MOVED_TO = /^\d+(?:\/\d+)?\s*(?:\(\s?(?:năm\s+)?\d{4}\s?\)|năm\s+\d{4})?\s*,?\s*(?:lên|xuống)\s+(?:(?:thứ|vị trí|hạng)\s+)?\d/iu;
/** A move that started from a rank, earlier in the sentence: "từ thứ 59 (2016) lên", "từ vị trí 59 năm 2016 xuống". */
const MOVE_FROM_RANK = /(?:^|[^\p{L}])từ\s+(?:(?:vị trí|hạng)(?:\s+thứ)?|thứ)\s+\d+(?:\/\d+)?(?:\s+(?:năm\s+\d{4}|\(\s?(?:năm\s+)?\d{4}\s?\)))?\s*,?\s+(?:\p{L}+\s+){0,3}?(?:lên|xuống)\s+$/iu;
/** A period phrase of a series item: "năm 2017", "(2016)", "trong tháng 1/2022", "vào tháng 3". */
const ITEM_PERIOD = String.raw`(?:(?:trong|vào|ở)\s+)?(?:năm\s+\d{4}|tháng\s+\d{1,2}(?:\s?\/\s?\d{4})?|\(\s?(?:năm\s+)?\d{4}\s?\))`;
/** A dated rank, then "rồi" (or "và", ","), then the next: "lên thứ 47 năm 2017 rồi 45/126", "thứ 45 trong tháng 1/2022, thứ 50". */
const AFTER_DATED_RANK = new RegExp(String.raw`(?:^|[^\p{L}])(?:thứ|vị trí|hạng)\s+\d+(?:\/\d+)?\s+${ITEM_PERIOD}\s*(?:,\s*(?:(?:và|rồi)\s+)?|(?:rồi|và)\s+)(?:(?:lên|xuống|tụt xuống|vươn lên)\s+)?$`, 'iu');
/** After "thứ": its number, its period, a join and the next rank ("là thứ 45 trong tháng 1/2022 và thứ 50 …"). */
const BEFORE_DATED_RANK = new RegExp(String.raw`^\d+(?:\/\d+)?\s+${ITEM_PERIOD}\s*(?:,\s*(?:và\s+)?|(?:rồi|và)\s+)(?:thứ|vị trí|hạng)\s+\d`, 'iu');
/** A dated rank earlier in the sentence, then a move: "thứ 50 trong tháng 2/2022, trước khi tụt xuống". */
const MOVE_AFTER_DATED_RANK = new RegExp(String.raw`(?:^|[^\p{L}])(?:thứ|vị trí|hạng)\s+\d+(?:\/\d+)?\s+${ITEM_PERIOD}[^.;!?\d]{0,40}?(?:lên|xuống)\s+$`, 'iu');
/** A bare place number: no unit, no decimal ("56", not "5%", "5,2 điểm"). */
const BARE_PLACE = /^\d{1,3}(?![\d.,\/%])(?!\s*(?:%|điểm|tỷ|triệu|nghìn|mb|gb|usd|đồng|lần|bậc))/iu;

/**
 * Whether the numeral of a series is a rank, and where its raw text starts (-1: it is none of
 * these): `o` the sentence as written, `at` the numeral's start, `word` the start of the word
 * before it ("thứ", "lên", "rồi").
 */
export function seriesRank(o: string, at: number, wordStart: number, word: string): number {
  const before = o.slice(Math.max(0, wordStart - 80), wordStart);
  if (word === 'thứ') {
    const after = o.slice(at, at + 90);
    // "năm 2024 là thứ 3, ngày 17/9/2024": a weekday with its date, no rank.
    if (WEEKDAY_DATE.test(after)) return -1;
    return DATED_BEFORE.test(before) || RESPECTIVE_RANKS.test(after) || ofMany(after) || BEFORE_DATED_RANK.test(after) || AFTER_DATED_RANK.test(before) || (/(?:^|[^\p{L}])từ\s+$/u.test(before) && MOVED_TO.test(after)) ? wordStart : -1;
  }
  const upto = o.slice(Math.max(0, at - 90), at);
  if (word === 'lên' || word === 'xuống') return MOVE_FROM_RANK.test(upto) || (MOVE_AFTER_DATED_RANK.test(upto) && BARE_PLACE.test(o.slice(at, at + 12))) ? wordStart : -1;
  if (word === 'rồi' || word === 'và') return AFTER_DATED_RANK.test(upto) ? at : -1;
  return -1;
}

/**
 * Between two dated items of a series (further.ts datedList): ", ", "; ", " và ", and the chains of
 * a movement, "rồi", "lên", "rồi lên", "và đến", ", trước khi tụt xuống" (the closing bracket of the last item's period
 * phrase may come first).
 */
const SERIES_JOIN = /^\)?\s*(?:[,;]\s*(?:(?:và|rồi|sau đó|trước khi|sau khi)\s+)?|(?:và|rồi|trước khi)\s+)?(?:(?:tụt|vươn|tiếp tục)\s+)?(?:(?:lên|xuống|đến|tới)\s+)?$/u;
/** ", Việt Nam lên ": the subject named again before the movement's verb. */
const SUBJECT_MOVED = /^\)?\s*,\s*(?:(?:và|rồi|sau đó)\s+)?(?:Việt Nam|nước ta|\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){0,2})\s+(?:(?:đã|tiếp tục)\s+)?(?:lên|xuống|tụt xuống|vươn lên)\s+$/u;
export function seriesJoin(gap: string, nextRaw: string): boolean {
  // (the next figure's raw may hold the verb: "lên thứ 47")
  const verb = /^(?:lên|xuống)\s/u.exec(nextRaw)?.[0] ?? '';
  return gap.trim().length > 0 && (SERIES_JOIN.test(gap) || SUBJECT_MOVED.test(gap + verb));
}

const SCOPES: Array<[RegExp, RankScopeWritten]> = [
  [/khu vực (?:asean|đông nam á)|asean|đông nam á/gu, 'asean'],
  [/thế giới|toàn cầu/gu, 'world'],
  [/châu á/gu, 'asia'],
  [/khu vực/gu, 'region'],
];

/**
 * Each rank's written scope: the scope word of its clause (within 40 characters) nearest to it,
 * after it before the next rank, else before it after the previous rank ("thứ 43/138 thế giới
 * và thứ 4 trong khu vực": world, then region; "Trong ASEAN, … là thứ 3": ASEAN).
 */
export function rankScopes(lower: string, figures: Figure[], clauses: Array<{ start: number; end: number }>, clauseOf: number[], readings: Array<{ scope?: RankScopeWritten }>): void {
  figures.forEach((f, i) => {
    if (f.kind !== 'rank') return;
    const cl = clauses[clauseOf[i]];
    const lo = Math.max(cl.start, f.start - 40);
    const hi = Math.min(cl.end, f.end + 40);
    let n = i + 1;
    while (n < figures.length && figures[n].start < hi && figures[n].kind !== 'rank') n++;
    let p = i - 1;
    while (p >= 0 && figures[p].end > lo && figures[p].kind !== 'rank') p--;
    const nextStart = n < figures.length ? Math.min(hi, figures[n].start) : hi;
    const prevEnd = p >= 0 ? Math.max(lo, figures[p].end) : lo;
    const found = (from: number, to: number, last: boolean): RankScopeWritten | undefined => {
      let best: [number, RankScopeWritten] | undefined;
      const s = lower.slice(from, to);
      for (const [rx, scope] of SCOPES) {
        rx.lastIndex = 0;
        for (let m = rx.exec(s); m; m = rx.exec(s)) if (!best || (last ? m.index > best[0] : m.index < best[0])) best = [m.index, scope];
      }
      return best?.[1];
    };
    // (the raw may hold the scope: "đứng thứ 43/138 thế giới")
    const scope = found(f.start, Math.max(f.end, nextStart), false) ?? found(Math.min(prevEnd, f.start), f.start, true);
    if (scope) readings[i].scope = scope;
  });
  // "lần lượt xếp thứ 18 và thứ 13 thế giới": a rank listed before a world rank shares its scope.
  for (let i = figures.length - 2; i >= 0; i--) {
    if (figures[i].kind === 'rank' && !readings[i].scope && readings[i + 1].scope === 'world' && figures[i + 1].kind === 'rank' && figures[i + 1].start - figures[i].end <= 12 && LIST_JOIN.test(text(lower, figures[i].end, figures[i + 1].start))) readings[i].scope = 'world';
  }
  // "Trong khu vực ASEAN, Việt Nam đứng thứ 4/11": a fronted scope places the sentence's other ranks (fronted-scope.ts).
  const fronted = figures.some((f, i) => f.kind === 'rank' && !readings[i].scope) ? frontedScope(lower) : undefined;
  if (fronted) figures.forEach((f, i) => void (f.kind === 'rank' && !readings[i].scope && (readings[i].scope = fronted)));
}
const text = (s: string, a: number, b: number): string => s.slice(a, b);
/**
 * "[[X]] xếp thứ 47, 45 và 42 lần lượt vào các năm 2016, 2017 và 2019": the other figures of the
 * list the bound figure `idx` is in, when each took its own phrase of the list of periods written
 * after the figures ({@link respectivePeriodsAfter}): the n-th figure the n-th phrase, all of one
 * role. Empty if none.
 */
export function respectiveSeries(idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading): number[] {
  const role = reading.figures[idx].role;
  const [first, last] = listFrom(text, figures, idx, (a, b) => reading.figures[a].role === role && reading.figures[b].role === role && !figures[a].change === !figures[b].change);
  if (last === first) return [];
  const k0 = reading.figures[first].period;
  if (k0 < 0 || periods[k0].start < figures[last].end) return [];
  for (let j = first; j <= last; j++) if (reading.figures[j].period !== k0 + j - first || figures[j].change) return [];
  return Array.from({ length: last - first + 1 }, (_, k) => first + k).filter((j) => j !== idx);
}

/**
 * "vị trí 99 năm 2014, 89 năm 2016 và 88 năm 2018": a whole number with no unit after a rank with
 * its own period phrase, joined by "," / "và" / "rồi", with a period phrase of its own right after
 * it, is a rank of the series too (roles.ts ranksListed reads "thứ 5, 6 và 7" with nothing between).
 */
export function datedRanksListed(text: string, figures: Figure[], readings: Array<{ role: FigureRole }>, periods: PeriodPhrase[]): void {
  let k = 0;
  for (let i = 1; i < figures.length; i++) {
    const f = figures[i];
    if (readings[i - 1].role !== 'rank' || readings[i].role !== 'level' || f.kind !== 'number' || f.unit !== null || f.decimals !== 0 || f.change) continue;
    while (k < periods.length && periods[k].start < figures[i - 1].end) k++;
    const p = periods[k];
    const q = periods[k + 1];
    if (!p || !q || p.end > f.start || q.start < f.end || p.comparison || q.comparison) continue;
    if (!/^\s*\(?\s*$/u.test(text.slice(figures[i - 1].end, p.start)) || !/^\s*\(?\s*$/u.test(text.slice(f.end, q.start))) continue;
    if (/^\)?\s*(?:[,;]\s*(?:và\s+|rồi\s+)?|(?:và|rồi)\s+)$/u.test(text.slice(p.end, f.start))) readings[i].role = 'rank';
  }
}
