/**
 * The front matter a Word import guesses when no option (nor the .docx's stored properties) gives it:
 * the session ("Phiên họp thứ 10", "phiên họp thứ hai", "phien-02.docx"), the date (the header's
 * date line, else the body's first date) and the period (the title's, else the one the body names
 * most often, else the date's year). Every guess says where it came from. Pure.
 */
import { readPeriods } from '../parse/periods';
import { isPeriodCode } from '../parse/period-codes';

/** A front matter value and where it came from. */
export interface Guess<T> {
  value: T | null;
  /** 'option' (given), 'header' (the date line), 'title', 'body', 'file name', or null when not found. */
  source: 'option' | 'properties' | 'header' | 'title' | 'body' | 'file name' | 'date' | null;
  /** What was read ("Phiên họp thứ 10", "ngày 20 tháng 02 năm 2025"). */
  evidence?: string;
}

/** Whitespace runs as one space, trimmed; `fold` also NFC and lower case, for comparing header lines. */
export const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
export const fold = (s: string) => squash(s).normalize('NFC').toLowerCase();

/** The header's date line: "ngày 20 tháng 02 năm 2025". */
export const DATE_LINE = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/i;
const SESSION = /phiên\s+(?:họp\s+)?(?:thứ\s+)?(\d{1,3})\b/i;
/** "Phiên họp thứ hai": the ordinals a session number is written with, up to twenty. */
const ORDINAL = /phiên\s+(?:họp\s+)?thứ\s+(mười|hai mươi)?\s*(nhất|một|hai|ba|tư|bốn|năm|lăm|sáu|bảy|tám|chín)?(?=[\s,.;:)]|$)/i;
const UNITS: Record<string, number> = { nhất: 1, một: 1, hai: 2, ba: 3, tư: 4, bốn: 4, năm: 5, lăm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9 };
const NUMERIC_DATE = /ngày\s+(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})/i;

function isoDate(m: RegExpExecArray): string | null {
  const [d, mo, y] = [+m[1], +m[2], +m[3]];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function guessSession(title: string, body: string, fileName?: string): Guess<number> {
  for (const [source, text] of [['title', title], ['body', body.slice(0, 2000)]] as const) {
    const m = SESSION.exec(text);
    if (m && +m[1] > 0) return { value: +m[1], source, evidence: m[0] };
  }
  for (const [source, text] of [['title', title], ['body', body.slice(0, 2000)]] as const) {
    const m = ORDINAL.exec(text);
    const n = m && (m[1] ? (fold(m[1]) === 'mười' ? 10 : 20) : 0) + (m[2] ? UNITS[fold(m[2])] : 0);
    if (m && n && !(m[1] && fold(m[2] ?? '') === 'nhất')) return { value: n, source, evidence: m[0].trim() };
  }
  const f = fileName ? /phien[-_ ]?(\d{1,3})/i.exec(fileName) : null;
  if (f && +f[1] > 0) return { value: +f[1], source: 'file name', evidence: fileName };
  return { value: null, source: null };
}

export function guessDate(dateLine: string | undefined, body: string): Guess<string> {
  if (dateLine) {
    const m = DATE_LINE.exec(dateLine);
    const iso = m && isoDate(m);
    if (iso) return { value: iso, source: 'header', evidence: dateLine };
  }
  for (const re of [DATE_LINE, NUMERIC_DATE]) {
    const m = re.exec(body);
    const iso = m && isoDate(m);
    if (iso) return { value: iso, source: 'body', evidence: m![0] };
  }
  return { value: null, source: null };
}

export function guessPeriod(title: string, body: string, date: string | null): Guess<string> {
  const own = (text: string) => readPeriods(text).filter((p) => !p.comparison && isPeriodCode(p.code));
  const t = own(title);
  if (t.length) return { value: t[0].code, source: 'title', evidence: t[0].raw };
  // The body: the period its phrases name most often (the first on a tie).
  const count = new Map<string, { n: number; raw: string }>();
  for (const p of own(body.slice(0, 20000))) {
    const c = count.get(p.code);
    if (c) c.n++;
    else count.set(p.code, { n: 1, raw: p.raw });
  }
  let best: [string, { n: number; raw: string }] | undefined;
  for (const e of count) if (!best || e[1].n > best[1].n) best = e;
  if (best) return { value: best[0], source: 'body', evidence: best[1].raw };
  if (date) return { value: date.slice(0, 4), source: 'date', evidence: date };
  return { value: null, source: null };
}
