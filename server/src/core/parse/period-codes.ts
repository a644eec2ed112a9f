/**
 * Period codes: the dialect's codes (2023, 2022-Q1, 2024-S1, 2023-02, 2023-02-25, 2023-YTD02), the
 * days a code covers, containment, the same period a year earlier, and a code in words. periods.ts
 * reads the phrases that give these codes.
 */

/** Two digits ("5" → "05"). */
export const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
/** Days in month `m` of year `y` (a yearless February has 28). */
export const daysIn = (y: number | null, m: number): number =>
  m === 2 ? (y !== null && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;

const PERIOD_CODE = /^(\d{4})(?:-(?:Q[1-4]|S[12]|YTD(?:0[1-9]|1[0-2])|(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?))?$/;

/** True if `s` is a period code the dialect accepts. */
export function isPeriodCode(s: string): boolean {
  return PERIOD_CODE.test(s);
}

/** A table cell that is a period code, alone or after "Thực hiện"/"Ước thực hiện"/"Kết quả" (a column of results, docs/reading.md §45): the code and its offset in `text`, else null. */
export function cellPeriodCode(text: string): { code: string; at: number } | null {
  const t = text.trimEnd();
  const at = /^\s*(?:(?:ước\s+)?thực\s+hiện\s+|kết\s+quả\s+)?/iu.exec(t)![0].length;
  return PERIOD_CODE.test(t.slice(at)) ? { code: t.slice(at), at } : null;
}

/** The year of a period code ("2024-12-31" → "2024", "XXXX-S1" → "XXXX"); other codes unchanged. */
export function yearOfPeriod(code: string): string {
  return /^(?:\d{4}|XXXX)(?:-|$)/.test(code) ? code.slice(0, 4) : code;
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
