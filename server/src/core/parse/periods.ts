/**
 * The period reader: period phrases of Vietnamese reports → period codes.
 *
 * Codes (the front matter's `period` uses the same ones):
 * | phrase                                          | code          |
 * |-------------------------------------------------|---------------|
 * | năm 2023, trong năm 2023, đến năm 2030          | `2023`        |
 * | quý I/2022, quý 1/2022, quý I năm 2022          | `2022-Q1`     |
 * | 6 tháng đầu năm 2024, nửa đầu năm 2024          | `2024-S1`     |
 * | 6 tháng cuối năm 2024                           | `2024-S2`     |
 * | tháng 2/2023, tháng 02 năm 2023                 | `2023-02`     |
 * | 2 tháng đầu năm 2023, 9 tháng năm 2024          | `2023-YTD02`  | (year to date: January through month N; 3 tháng đầu năm → YTD03, 6 → S1, 12 → the year)
 * | 3 tháng cuối năm 2023                           | `2023-Q4`     |
 * | ngày 25/2/2023, đến ngày 25/2/2023, 1-1-2023    | `2023-02-25`  | (an as-of date, for stocks)
 * | ngày 25 tháng 2 năm 2023                        | `2023-02-25`  |
 * | cuối năm 2022, hết năm 2022                     | `2022-12-31`  | (the stock at the end of the year)
 * | đầu năm 2023                                    | `2023-01-01`  | (not after "dẫn", "ngôi", "đứng"…: "dẫn đầu năm 2023" is 2023)
 * | cuối quý I/2023, cuối tháng 2/2023              | `2023-03-31`, `2023-02-28` |
 * | cùng kỳ, cùng kỳ năm trước                      | `SPLY`        | (same period last year; always `comparison`)
 * | cùng kỳ năm 2023                                | `SPLY-2023`   | (the same period of 2023; always `comparison`)
 * | giai đoạn 2021-2025, năm 2021-2025              | `2021/2025`   | (only with `{ all: true }`)
 * | 6 tháng 2024, 9 tháng 2023                      | `2024-S1`, `2023-YTD09` |
 * | so với 2022 (a bare year after "so với"/"so")   | `2022`        | (always `comparison`)
 * | năm trước, năm ngoái                            | `SPLY`        | (always `comparison`)
 *
 * Phrases without a year ("6 tháng cuối năm", "ngày 27/4", "quý II", "cuối năm") are found too:
 * their code carries `XXXX` in place of the year ("XXXX-S2", "XXXX-04-27") and `yearless: true`.
 * {@link readPeriods} returns them only when asked (`{ year }` fills the year in, `{ all: true }`
 * keeps `XXXX`), so that by default every non-comparison code it returns is one the dialect's front
 * matter accepts. The figure reader always uses all of them: no numeral inside a period phrase is
 * a figure.
 *
 * `raw` includes a leading preposition of the period ("trong", "đến", "tính đến", "từ",
 * "giai đoạn") and a date word ("ngày", "sáng ngày"...), but not the comparison marker
 * "so với"/"so": that sets `comparison: true` instead.
 */
import { work } from '../work';
import type { PeriodPhrase } from '../types';
import { prepareScan, type ScanText } from './numbers';
import { daysIn, fillYear, pad } from './period-codes';

import { bracketYears, colonListedYears, editionYears } from './period-series';
export { describePeriod, fillYear, periodContains, periodRange, resolveSamePeriod } from './period-codes';

/** Options of {@link readPeriods}. */
export interface ReadPeriodsOptions {
  /** The year to assume for phrases that state none (e.g. the document period's year). */
  year?: number;
  /** Also return yearless phrases as `XXXX` codes and year ranges ("2021/2025"). */
  all?: boolean;
}

/** A period phrase in a {@link ScanText}: offsets into its normalized string. */
export interface ScannedPeriod {
  start: number;
  end: number;
  code: string;
  comparison: boolean;
  yearless: boolean;
  /** A span of years ("2021/2025"), not a dialect period code. */
  range: boolean;
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
const validYear = (y: number): boolean => y >= 1900 && y <= 2199;
const Y = (y: number | null): string => (y === null ? 'XXXX' : String(y));

interface Candidate {
  start: number;
  end: number;
  code: string;
  yearless: boolean;
  comparison: boolean;
  range: boolean;
  /** A calendar date (may take a date word before it). */
  date?: boolean;
  /** May be turned into an end date by a preceding "cuối"/"hết". */
  endable?: 'quarter' | 'month';
  year?: number | null;
  num?: number;
}

const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const S = '\\s{1,3}';
const re = (src: string): RegExp => new RegExp(src, 'gu');

const DATE_FULL = re(`(?<![\\p{L}\\p{N}.,/\\-])(\\d{1,2})\\s?([/.\\-])\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4})(?![\\p{N}]|[.,]\\p{N})`);
const DATE_YEARLESS = re(`${B}(ngày|sáng|chiều|tối|trưa|đêm|hôm)(?:${S}ngày)?${S}(\\d{1,2})\\s?([/\\-])\\s?(\\d{1,2})(?![\\p{N}]|\\s?[/\\-.]\\s?\\p{N})`);
const DATE_WORDS = re(`(?<![\\p{L}\\p{N}.,])(?:(ngày)${S})?(\\d{1,2})${S}tháng${S}(\\d{1,2})(?:${S}năm${S}(\\d{4}))?(?!\\p{N})`);
const QUARTER = re(`${B}quý${S}(iv|iii|ii|i|[1-4])(?:\\s{0,2}[/\\-]\\s{0,2}(\\d{4})|${S}năm${S}(\\d{4}))?${E}`);
const HALF = re(`${B}(?:sáu${S}tháng|nửa)${S}(đầu|cuối)${S}năm(?:${S}(\\d{4}))?(?!\\p{N})`);
/** "Mười tháng đầu năm 2022", "chín tháng cuối năm": the count of months in words (sáu: {@link HALF}). */
const MONTHS_IN_WORDS = re(`${B}(một|hai|ba|bốn|năm|bảy|tám|chín|mười${S}một|mười${S}hai|mười)${S}tháng${S}(đầu|cuối)${S}năm(?:${S}(\\d{4}))?(?!\\p{N})`);
const MONTH_WORDS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, bảy: 7, tám: 8, chín: 9, mười: 10 };
const MONTHS_OF_YEAR = re(`(?<![\\p{L}\\p{N}.,/])(\\d{1,2})${S}tháng${S}(?:(đầu|cuối)${S})?năm(?:${S}(\\d{4}))?(?!\\p{N})`);
const MONTH = re(`${B}tháng${S}(\\d{1,2})(?:\\s{0,2}[/\\-]\\s{0,2}(\\d{4})|${S}năm${S}(\\d{4}))?(?![\\p{N}])`);
const YEAR_END = re(`${B}(cuối|hết|đầu)${S}năm(?:${S}(\\d{4}))?(?!\\p{N})`);
/** Words before "đầu" that make it a first place ("ngôi đầu", "dẫn đầu", "đứng đầu"), not a year's start. */
const LEADING_PLACE = /(?:^|[^\p{L}\p{N}])(?:ngôi|dẫn|đứng|hàng|top|vị\s{1,3}trí|vị\s{1,3}thứ)\s{1,3}$/iu;
const SAME_PERIOD = re(`${B}cùng${S}k[ỳì](?:${S}năm${S}(?:(\\d{4})|trước|ngoái))?${E}`);
/** "6 tháng 2024", "9 tháng 2023": months of the year to date, written without "năm". */
const MONTHS_YEAR = re(`(?<![\\p{L}\\p{N}.,/])(\\d{1,2})${S}tháng${S}(\\d{4})(?![\\p{N}]|\\s?[/.\\-]\\s?\\p{N})`);
/** "so với 2022", "so 2022": a bare year after the comparison marker is a base period. */
const COMPARED_YEAR = re(`(?<=(?:^|[^\\p{L}\\p{N}])so(?:\\s{1,3}sánh)?(?:\\s{1,3}với)?\\s{1,3})(\\d{4})(?![\\p{L}\\p{N}]|[.,/\\-]\\p{N})`);
/** "so với năm trước", "năm ngoái": the same period a year earlier. */
const PREVIOUS_YEAR = re(`${B}năm${S}(?:trước|ngoái)${E}`);
const YEAR = re(`${B}năm${S}(\\d{4})(?:\\s{0,2}[\\-–—]\\s{0,2}(\\d{4}))?(?!\\p{N})`);
const RANGE = re(`(?<![\\p{L}\\p{N}.,/\\-])(\\d{4})\\s{0,2}[\\-–—]\\s{0,2}(\\d{4})(?![\\p{N}])`);
/**
 * "các năm 2020, 2021, 2022 và 2023": the bare years listed after a year phrase, up to a last one after "và", are years too;
 * so are two or more listed by commas alone ("các năm 2016, 2017, 2019"), and one after a plural head
 * when the list ends there ("trong các năm 2019, 2020.", docs/reading.md §68).
 */
const YEARS_LISTED = re(`${B}năm${S}\\d{4}((?:\\s{0,2},\\s{0,2}\\d{4})*\\s{0,2},?${S}và${S}\\d{4}|(?:\\s{0,2},\\s{0,2}\\d{4}){2,}|(?<=(?:các|những)${S}năm${S}\\d{4})\\s{0,2},\\s{0,2}\\d{4}(?=\\s{0,2}(?:[.;,:)!?]|$)))(?![\\p{N}]|[.,]\\p{N}|\\s?%)`);

const DATE_PREFIXES = ['sáng ngày', 'chiều ngày', 'tối ngày', 'trưa ngày', 'đêm ngày', 'hôm ngày', 'ngày', 'sáng', 'chiều', 'tối', 'hôm'];
const PREFIXES = ['tính đến hết', 'tính đến', 'tính từ', 'đến hết', 'đến', 'tới', 'trong', 'từ', 'giai đoạn', 'vào'];
// "so với kỳ đánh giá năm 2021", "so với lần xếp hạng năm 2022": the round named before the year is
// still the comparison's; after "cao hơn", "nhiều hơn" ("nhiều hơn năm 2020 (124,678 tỷ USD)") too.
const COMPARISON_BEFORE = /(?:^|[^\p{L}\p{N}])(?:so(?:\s{1,3}sánh)?(?:\s{1,3}với)?|(?:cao|thấp|nhiều|ít)\s{1,3}hơn)(?:\s{1,3}(?:kỳ|lần|đợt)(?:\s{1,3}(?:đánh giá|xếp hạng|báo cáo|công bố))?)?\s{1,3}$/u;
const END_BEFORE = /(?:^|[^\p{L}\p{N}])(cuối|hết)\s{1,3}$/u;

/**
 * A cheap necessary condition of each pattern: the pattern without its look-arounds and optional
 * tails, no Unicode property classes. A text the gate does not match holds no match of the pattern,
 * whose own scan (a look-behind tested at every position) is skipped. The same matches
 * (test/unit/period-gates.test.ts compares every reading with the gates and without).
 */
const gate = (src: string): RegExp => new RegExp(src);
const GATES = new Map<RegExp, RegExp>([
  [DATE_FULL, gate(`\\d\\s?[/.\\-]\\s?\\d\\d?\\s?[/.\\-]\\s?\\d{4}`)],
  [DATE_YEARLESS, gate(`(?:ngày|sáng|chiều|tối|trưa|đêm|hôm)(?:${S}ngày)?${S}\\d\\d?\\s?[/\\-]\\s?\\d`)],
  [DATE_WORDS, gate(`\\d${S}tháng${S}\\d`)],
  [QUARTER, gate(`quý${S}[iv1-4]`)],
  [HALF, gate(`(?:sáu${S}tháng|nửa)${S}(?:đầu|cuối)${S}năm`)],
  [MONTHS_IN_WORDS, gate(`tháng${S}(?:đầu|cuối)${S}năm`)],
  [MONTHS_OF_YEAR, gate(`\\d${S}tháng${S}(?:(?:đầu|cuối)${S})?năm`)],
  [MONTH, gate(`tháng${S}\\d`)],
  [YEAR_END, gate(`(?:cuối|hết|đầu)${S}năm`)],
  [SAME_PERIOD, gate(`cùng${S}k[ỳì]`)],
  [MONTHS_YEAR, gate(`\\d${S}tháng${S}\\d{4}`)],
  [COMPARED_YEAR, gate(`so(?:\\s{1,3}sánh)?(?:\\s{1,3}với)?\\s{1,3}\\d{4}`)],
  [PREVIOUS_YEAR, gate(`năm${S}(?:trước|ngoái)`)],
  [YEAR, gate(`năm${S}\\d{4}`)],
  [RANGE, gate(`\\d{4}\\s{0,2}[\\-–—]\\s{0,2}\\d{4}`)],
  [YEARS_LISTED, gate(`năm${S}\\d{4}[\\s,\\d]*(?:và${S}|,\\s{0,2})\\d{4}`)],
]);
let gatesOn = true;

/** Runs `f` with every pattern's own scan, no gate (for the tests that hold the gates to it). */
export function withoutPeriodGates<T>(f: () => T): T {
  gatesOn = false;
  lastScan = null;
  try {
    return f();
  } finally {
    gatesOn = true;
    lastScan = null;
  }
}

function* matches(rx: RegExp, s: string): Generator<RegExpExecArray> {
  rx.lastIndex = 0;
  work.steps += s.length;
  if (gatesOn && GATES.get(rx)?.test(s) === false) return;
  let m: RegExpExecArray | null;
  while ((m = rx.exec(s)) !== null) {
    work.steps++;
    yield m;
    if (m[0].length === 0) rx.lastIndex++;
  }
}

function candidates(s: string): Candidate[] {
  const out: Candidate[] = [];
  const push = (m: RegExpExecArray, code: string, yearless: boolean, extra: Partial<Candidate> = {}): void => {
    out.push({ start: m.index, end: m.index + m[0].length, code, yearless, comparison: false, range: false, ...extra });
  };
  const date = (m: RegExpExecArray, y: number | null, mo: number, d: number): void => {
    if (y !== null && !validYear(y)) return;
    if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return;
    push(m, `${Y(y)}-${pad(mo)}-${pad(d)}`, y === null, { date: true });
  };
  // Each pattern needs a word or a digit: skip the ones whose word is not in the text (a table
  // cell, most sentences). The same matches, fewer passes.
  const digit = /\d/.test(s);
  const nam = s.includes('năm');
  const thang = s.includes('tháng');
  if (digit) for (const m of matches(DATE_FULL, s)) date(m, Number(m[4]), Number(m[3]), Number(m[1]));
  if (digit) for (const m of matches(DATE_YEARLESS, s)) date(m, null, Number(m[4]), Number(m[2]));
  if (digit && thang) for (const m of matches(DATE_WORDS, s)) {
    if (!m[1] && !m[4]) continue; // "5 tháng 2" alone is not clearly a date
    date(m, m[4] ? Number(m[4]) : null, Number(m[3]), Number(m[2]));
  }
  if (s.includes('quý')) for (const m of matches(QUARTER, s)) {
    const q = ROMAN[m[1]] ?? Number(m[1]);
    const y = m[2] ?? m[3];
    const year = y ? Number(y) : null;
    if (year !== null && !validYear(year)) continue;
    push(m, `${Y(year)}-Q${q}`, year === null, { endable: 'quarter', year, num: q });
  }
  if (nam) for (const m of matches(HALF, s)) {
    const year = m[2] ? Number(m[2]) : null;
    if (year !== null && !validYear(year)) continue;
    push(m, `${Y(year)}-S${m[1] === 'đầu' ? 1 : 2}`, year === null);
  }
  // "9 tháng đầu năm 2024", "Mười tháng đầu năm 2022": months of the year to date (or its last ones).
  const monthsOfYear = (m: RegExpExecArray, n: number): void => {
    const where = m[2];
    const year = m[3] ? Number(m[3]) : null;
    if (year !== null && !validYear(year)) return;
    if (!where && year === null) return; // "3 tháng năm" is not a period
    let code: string | null = null;
    if (where === 'cuối') code = n === 6 ? 'S2' : n === 3 ? 'Q4' : null;
    else if (n === 6) code = 'S1';
    else if (n === 12) code = '';
    else if (n >= 1 && n <= 11) code = `YTD${pad(n)}`;
    if (code !== null) push(m, code ? `${Y(year)}-${code}` : Y(year), year === null);
  };
  if (digit && thang && nam) for (const m of matches(MONTHS_OF_YEAR, s)) monthsOfYear(m, Number(m[1]));
  if (thang && nam) for (const m of matches(MONTHS_IN_WORDS, s)) {
    const w = m[1].split(/\s+/u);
    monthsOfYear(m, w.length === 2 ? 10 + (MONTH_WORDS[w[1]] ?? 0) : MONTH_WORDS[w[0]]);
  }
  if (digit && thang) for (const m of matches(MONTH, s)) {
    const mo = Number(m[1]);
    const y = m[2] ?? m[3];
    const year = y ? Number(y) : null;
    if (mo < 1 || mo > 12 || (year !== null && !validYear(year))) continue;
    push(m, `${Y(year)}-${pad(mo)}`, year === null, { endable: 'month', year, num: mo });
  }
  if (nam) for (const m of matches(YEAR_END, s)) {
    const year = m[2] ? Number(m[2]) : null;
    if (year !== null && !validYear(year)) continue;
    if (m[1] === 'đầu') {
      if (year === null) continue; // "đầu năm" alone is too vague
      // "dẫn đầu năm 2021", "giữ ngôi đầu năm 2021": the first place in that year, not its start
      // (the year alone is then read by the year pattern).
      if (LEADING_PLACE.test(s.slice(Math.max(0, m.index - 14), m.index))) continue;
      push(m, `${year}-01-01`, false);
    } else push(m, `${Y(year)}-12-31`, year === null);
  }
  if (s.includes('cùng')) for (const m of matches(SAME_PERIOD, s)) {
    const year = m[1] ? Number(m[1]) : null;
    push(m, year !== null && validYear(year) ? `SPLY-${year}` : 'SPLY', false, { comparison: true });
  }
  if (digit && thang) for (const m of matches(MONTHS_YEAR, s)) {
    const n = Number(m[1]);
    const year = Number(m[2]);
    if (!validYear(year) || n < 1 || n > 12) continue;
    push(m, n === 12 ? String(year) : n === 6 ? `${year}-S1` : `${year}-YTD${pad(n)}`, false);
  }
  if (digit && s.includes('so')) for (const m of matches(COMPARED_YEAR, s)) {
    const year = Number(m[1]);
    if (validYear(year)) push(m, String(year), false, { comparison: true });
  }
  if (nam) for (const m of matches(PREVIOUS_YEAR, s)) push(m, 'SPLY', false, { comparison: true });
  if (digit && nam) for (const m of matches(YEAR, s)) {
    const a = Number(m[1]);
    if (!validYear(a)) continue;
    if (m[2]) {
      const b = Number(m[2]);
      if (validYear(b) && b > a) push(m, `${a}/${b}`, false, { range: true });
      continue;
    }
    push(m, String(a), false);
  }
  if (digit && nam) for (const m of matches(YEARS_LISTED, s)) {
    const from = m.index + m[0].length - m[1].length;
    for (const y of m[1].matchAll(/\d{4}/g)) {
      const at = from + (y.index ?? 0);
      if (validYear(Number(y[0]))) out.push({ start: at, end: at + 4, code: y[0], yearless: false, comparison: false, range: false });
    }
  }
  if (digit) out.push(...bracketYears(s), ...editionYears(s)); // "thứ 59 (2016)", "kỳ 2022" (period-series.ts)
  if (digit && nam) out.push(...colonListedYears(s)); // "qua các năm: 2022 là 3%, 2024 là 13,5%" (period-series.ts)
  if (digit) for (const m of matches(RANGE, s)) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    if (validYear(a) && validYear(b) && b > a) push(m, `${a}/${b}`, false, { range: true });
  }
  return out;
}

// The parser reads the periods, then the figures of the same sentence, and both scan its periods:
// the last result is kept for the second reader (callers only read it).
let lastScan: { s: string; out: ScannedPeriod[] } | null = null;

/** Every period phrase of a prepared text, yearless ones and ranges included (offsets into `P.s`). */
export function scanPeriods(P: ScanText): ScannedPeriod[] {
  const s = P.s;
  if (lastScan !== null && lastScan.s === s) return lastScan.out;
  const out = scanPeriodsOf(s);
  lastScan = { s, out };
  return out;
}

function scanPeriodsOf(s: string): ScannedPeriod[] {
  const cands = candidates(s);
  cands.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  const chosen: Candidate[] = [];
  let lastEnd = 0;
  for (const c of cands) {
    if (c.start < lastEnd) continue;
    chosen.push(c);
    lastEnd = c.end;
  }
  const out: ScannedPeriod[] = [];
  let prevEnd = 0;
  for (const c of chosen) {
    let start = c.start;
    // "cuối quý I/2023", "cuối tháng 2/2023": the end of that quarter or month.
    if (c.endable) {
      const before = s.slice(Math.max(prevEnd, start - 8), start);
      const m = END_BEFORE.exec(before);
      if (m) {
        start = start - before.length + m.index + m[0].lastIndexOf(m[1]);
        const lastMonth = c.endable === 'quarter' ? (c.num as number) * 3 : (c.num as number);
        const year = c.year ?? null;
        c.code = `${Y(year)}-${pad(lastMonth)}-${pad(daysIn(year, lastMonth))}`;
      }
    }
    // A date word before a date: "ngày 4/4/2022", "sáng ngày 27/4/2022".
    if (c.date) {
      for (const p of DATE_PREFIXES) {
        const from = start - p.length - 1;
        if (from < prevEnd) continue;
        if (s.startsWith(p, from) && /\s/.test(s[start - 1]) && (from === 0 || !/[\p{L}\p{N}]/u.test(s[from - 1]))) {
          start = from;
          break;
        }
      }
    }
    // Leading prepositions: "trong", "đến", "tính đến hết", "giai đoạn"...
    for (const p of PREFIXES) {
      const from = start - p.length - 1;
      if (from < prevEnd) continue;
      if (s.startsWith(p, from) && /\s/.test(s[start - 1]) && (from === 0 || !/[\p{L}\p{N}]/u.test(s[from - 1]))) {
        start = from;
        break;
      }
    }
    const before = s.slice(Math.max(prevEnd, start - 40), start);
    const comparison = c.comparison || COMPARISON_BEFORE.test(before);
    out.push({ start, end: c.end, code: c.code, comparison, yearless: c.yearless, range: c.range });
    prevEnd = c.end;
  }
  return out;
}

/**
 * Every period phrase in `text`, in order, with offsets into `text`. See the module comment for
 * the codes. By default only phrases with a stated year are returned (plus the `SPLY` comparison
 * markers); `options.year` fills in the year of yearless phrases (they keep `yearless: true`);
 * `options.all` also returns yearless `XXXX` codes and year ranges. Never throws.
 */
export function readPeriods(text: string, options: ReadPeriodsOptions = {}): PeriodPhrase[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  try {
    const P = prepareScan(text);
    const out: PeriodPhrase[] = [];
    for (const p of scanPeriods(P)) {
      let code = p.code;
      if (p.yearless) {
        if (options.year !== undefined && validYear(options.year)) code = fillYear(code, options.year);
        else if (!options.all) continue;
      }
      if (p.range && !options.all) continue;
      const start = P.map[p.start];
      const end = P.map[p.end];
      const phrase: PeriodPhrase = { raw: text.slice(start, end), start, end, code, comparison: p.comparison };
      if (p.yearless) phrase.yearless = true;
      out.push(phrase);
    }
    return out;
  } catch {
    return [];
  }
}

/**
 * The period phrases of a sentence as the binder reads them (binding.ts, markup/bind.ts): yearless
 * phrases kept with `XXXX` for the year (the document lends its year when the chunks are put
 * together), spans of years left out. Never throws.
 */
export function readSentencePeriods(text: string): PeriodPhrase[] {
  return readPeriods(text, { all: true }).filter((p) => !p.code.includes('/'));
}
