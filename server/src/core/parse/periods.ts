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
 * | đầu năm 2023                                    | `2023-01-01`  |
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
const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
const validYear = (y: number): boolean => y >= 1900 && y <= 2199;
const daysIn = (y: number | null, m: number): number =>
  m === 2 ? (y !== null && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
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
const MONTHS_OF_YEAR = re(`(?<![\\p{L}\\p{N}.,/])(\\d{1,2})${S}tháng${S}(?:(đầu|cuối)${S})?năm(?:${S}(\\d{4}))?(?!\\p{N})`);
const MONTH = re(`${B}tháng${S}(\\d{1,2})(?:\\s{0,2}[/\\-]\\s{0,2}(\\d{4})|${S}năm${S}(\\d{4}))?(?![\\p{N}])`);
const YEAR_END = re(`${B}(cuối|hết|đầu)${S}năm(?:${S}(\\d{4}))?(?!\\p{N})`);
const SAME_PERIOD = re(`${B}cùng${S}k[ỳì](?:${S}năm${S}(?:(\\d{4})|trước|ngoái))?${E}`);
/** "6 tháng 2024", "9 tháng 2023": months of the year to date, written without "năm". */
const MONTHS_YEAR = re(`(?<![\\p{L}\\p{N}.,/])(\\d{1,2})${S}tháng${S}(\\d{4})(?![\\p{N}]|\\s?[/.\\-]\\s?\\p{N})`);
/** "so với 2022", "so 2022": a bare year after the comparison marker is a base period. */
const COMPARED_YEAR = re(`(?<=(?:^|[^\\p{L}\\p{N}])so(?:\\s{1,3}sánh)?(?:\\s{1,3}với)?\\s{1,3})(\\d{4})(?![\\p{L}\\p{N}]|[.,/\\-]\\p{N})`);
/** "so với năm trước", "năm ngoái": the same period a year earlier. */
const PREVIOUS_YEAR = re(`${B}năm${S}(?:trước|ngoái)${E}`);
const YEAR = re(`${B}năm${S}(\\d{4})(?:\\s{0,2}[\\-–—]\\s{0,2}(\\d{4}))?(?!\\p{N})`);
const RANGE = re(`(?<![\\p{L}\\p{N}.,/\\-])(\\d{4})\\s{0,2}[\\-–—]\\s{0,2}(\\d{4})(?![\\p{N}])`);

const DATE_PREFIXES = ['sáng ngày', 'chiều ngày', 'tối ngày', 'trưa ngày', 'đêm ngày', 'hôm ngày', 'ngày', 'sáng', 'chiều', 'tối', 'hôm'];
const PREFIXES = ['tính đến hết', 'tính đến', 'tính từ', 'đến hết', 'đến', 'tới', 'trong', 'từ', 'giai đoạn', 'vào'];
const COMPARISON_BEFORE = /(?:^|[^\p{L}\p{N}])so(?:\s{1,3}sánh)?(?:\s{1,3}với)?\s{1,3}$/u;
const END_BEFORE = /(?:^|[^\p{L}\p{N}])(cuối|hết)\s{1,3}$/u;

function* matches(rx: RegExp, s: string): Generator<RegExpExecArray> {
  rx.lastIndex = 0;
  work.steps += s.length;
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
  if (digit && thang && nam) for (const m of matches(MONTHS_OF_YEAR, s)) {
    const n = Number(m[1]);
    const where = m[2];
    const year = m[3] ? Number(m[3]) : null;
    if (year !== null && !validYear(year)) continue;
    if (!where && year === null) continue; // "3 tháng năm" is not a period
    let code: string | null = null;
    if (where === 'cuối') code = n === 6 ? 'S2' : n === 3 ? 'Q4' : null;
    else if (n === 6) code = 'S1';
    else if (n === 12) code = '';
    else if (n >= 1 && n <= 11) code = `YTD${pad(n)}`;
    if (code === null) continue;
    push(m, code ? `${Y(year)}-${code}` : Y(year), year === null);
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
    const before = s.slice(Math.max(prevEnd, start - 16), start);
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

/** Replaces the `XXXX` of a yearless code by `year` ("XXXX-S2", 2024 → "2024-S2"). */
export function fillYear(code: string, year: number): string {
  return code.replace(/^XXXX/, String(year));
}

/**
 * The first and last day (ISO dates) a period code covers, or null for a code that names no fixed
 * span (`SPLY`, yearless `XXXX` codes, unknown strings). An as-of date covers that one day.
 */
export function periodRange(code: string): [string, string] | null {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(code))) return [`${m[1]}-01-01`, `${m[1]}-12-31`];
  if ((m = /^(\d{4})\/(\d{4})$/.exec(code))) return m[1] <= m[2] ? [`${m[1]}-01-01`, `${m[2]}-12-31`] : null;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(code))) return monthSpan(Number(m[1]), Number(m[2]) * 3 - 2, Number(m[2]) * 3);
  if ((m = /^(\d{4})-S([12])$/.exec(code))) return monthSpan(Number(m[1]), m[2] === '1' ? 1 : 7, m[2] === '1' ? 6 : 12);
  if ((m = /^(\d{4})-YTD(\d{2})$/.exec(code))) {
    const n = Number(m[2]);
    return n >= 1 && n <= 12 ? monthSpan(Number(m[1]), 1, n) : null;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(code))) {
    const n = Number(m[2]);
    return n >= 1 && n <= 12 ? monthSpan(Number(m[1]), n, n) : null;
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(code))) {
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    return mo >= 1 && mo <= 12 && d >= 1 && d <= daysIn(y, mo) ? [code, code] : null;
  }
  return null;
}

function monthSpan(y: number, from: number, to: number): [string, string] {
  return [`${y}-${pad(from)}-01`, `${y}-${pad(to)}-${pad(daysIn(y, to))}`];
}

/**
 * True if period `inner` lies within period `outer` (by the days they cover): "2022" contains
 * "2022-Q1", "2022-12-31" and "2022-YTD02"; "2023-YTD03" and "2023-Q1" contain each other. Codes
 * without a fixed span (`SPLY`, `XXXX`…) are contained only in themselves.
 */
export function periodContains(outer: string, inner: string): boolean {
  if (outer === inner) return true;
  const a = periodRange(outer);
  const b = periodRange(inner);
  if (!a || !b) return false;
  return a[0] <= b[0] && b[1] <= a[1];
}

/**
 * The period a comparison marker names, given the figure's own period: `SPLY` with "2024-S1" →
 * "2023-S1"; `SPLY-2023` with "2024-S1" → "2023-S1". Other codes are returned unchanged; null when
 * the own period has no year to shift.
 */
export function resolveSamePeriod(marker: string, own: string): string | null {
  const m = /^SPLY(?:-(\d{4}))?$/.exec(marker);
  if (!m) return marker;
  const r = /^(\d{4})(.*)$/.exec(own);
  if (!r || r[2].startsWith('/')) return null;
  const year = m[1] ? Number(m[1]) : Number(r[1]) - 1;
  let rest = r[2];
  if (rest === '-02-29' && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) rest = '-02-28';
  return `${year}${rest}`;
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const ROMAN_OUT = ['I', 'II', 'III', 'IV'];

/**
 * A period code in words, for messages: "2022-Q1" → "quý I/2022" (vi) / "2022 Q1" (en);
 * "2024-S1" → "6 tháng đầu năm 2024" / "2024 H1"; "2023-02-25" → "ngày 25/2/2023" / "25 Feb
 * 2023"; "2023-YTD02" → "2 tháng đầu năm 2023" / "2023 January–February (year to date)". Yearless
 * `XXXX` codes are described without a year; an unknown code is returned as it is.
 */
export function describePeriod(code: string, lang: 'vi' | 'en'): string {
  const vi = lang === 'vi';
  let m: RegExpExecArray | null;
  if (code === 'SPLY') return vi ? 'cùng kỳ năm trước' : 'the same period of the previous year';
  if ((m = /^SPLY-(\d{4})$/.exec(code))) return vi ? `cùng kỳ năm ${m[1]}` : `the same period of ${m[1]}`;
  const yl = code.startsWith('XXXX');
  const c = yl ? `0000${code.slice(4)}` : code;
  const yv = (y: string, sep: string): string => (yl ? '' : `${sep}${y}`);
  if ((m = /^(\d{4})$/.exec(c))) return yl ? (vi ? 'năm' : 'the year') : vi ? `năm ${m[1]}` : m[1];
  if ((m = /^(\d{4})\/(\d{4})$/.exec(c))) return vi ? `giai đoạn ${m[1]}-${m[2]}` : `${m[1]}–${m[2]}`;
  if ((m = /^(\d{4})-Q([1-4])$/.exec(c))) {
    const q = Number(m[2]);
    return vi ? `quý ${ROMAN_OUT[q - 1]}${yv(m[1], '/')}` : yl ? `Q${q}` : `${m[1]} Q${q}`;
  }
  if ((m = /^(\d{4})-S([12])$/.exec(c))) {
    const first = m[2] === '1';
    return vi ? `6 tháng ${first ? 'đầu' : 'cuối'} năm${yv(m[1], ' ')}` : yl ? `H${m[2]}` : `${m[1]} H${m[2]}`;
  }
  if ((m = /^(\d{4})-YTD(\d{2})$/.exec(c))) {
    const n = Number(m[2]);
    if (n < 1 || n > 12) return code;
    return vi
      ? `${n} tháng đầu năm${yv(m[1], ' ')}`
      : `${yl ? '' : `${m[1]} `}${n === 1 ? 'January' : `January–${MONTHS_EN[n - 1]}`} (year to date)`;
  }
  if ((m = /^(\d{4})-(\d{2})$/.exec(c))) {
    const n = Number(m[2]);
    if (n < 1 || n > 12) return code;
    return vi ? `tháng ${n}${yv(m[1], '/')}` : `${MONTHS_EN[n - 1]}${yv(m[1], ' ')}`;
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(c))) {
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (mo < 1 || mo > 12) return code;
    if (vi) return mo === 12 && d === 31 && !yl ? `cuối năm ${m[1]} (31/12/${m[1]})` : `ngày ${d}/${mo}${yv(m[1], '/')}`;
    // A day as messages write dates in English (i18n.ts formatDate): "25 Feb 2023".
    return `${d} ${MONTHS_EN[mo - 1].slice(0, 3)}${yv(m[1], ' ')}`;
  }
  return code;
}
