/**
 * The next session's draft made from the last session's report (pure: text in, text out). The draft
 * keeps the report's front matter (session number, date and period moved on), its headings in
 * their order, and every indicator reference with its figure emptied ("…") for the writer to fill;
 * the last session's value stays beside it in an HTML comment, which the checker never reads.
 * Prose is not copied: its period phrases and figures belong to the last session.
 */
import { formatDate } from './i18n';
import { parseReport } from './parse/document';
import { isPeriodCode } from './parse/period-codes';
import type { ReportDocument, Section } from './parse/model';

export interface DraftOptions {
  /** The new session's date (YYYY-MM-DD); default `today`. */
  date?: string;
  /** The new default period code; default nextPeriod(last period, date). */
  period?: string;
  /** Today's date (YYYY-MM-DD), for the default date: the caller knows the clock, the core does not. */
  today: string;
}

export interface NextDraft {
  text: string;
  session: number | null;
  date: string;
  period: string | null;
  /** A file name for the draft, made from the last report's name (its number and date moved on). */
  fileName: string;
}

/** The placeholder a figure's numeral becomes. */
export const VALUE_PLACEHOLDER = '…';

const ISO_DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** True if `s` is a date the front matter accepts (YYYY-MM-DD). */
export function isIsoDate(s: string): boolean {
  return ISO_DATE.test(s);
}

/**
 * The period a report dated `date` most likely covers, of the same kind as the last one: the latest
 * such period that has ended by `date` (a year, a quarter, a half, a month, months so far of the
 * year), or `date` itself for a point in time; if that is not later than `last`, the period after
 * `last`. An unknown code gives null (the writer is asked).
 */
export function nextPeriod(last: string | undefined, date: string): string | null {
  if (!last || !isPeriodCode(last) || !isIsoDate(date)) return null;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const pad = (n: number) => String(n).padStart(2, '0');
  let ended: string;
  let after: string;
  const ly = Number(last.slice(0, 4));
  let k: RegExpExecArray | null;
  if (/^\d{4}$/.test(last)) {
    ended = String(y - 1);
    after = String(ly + 1);
  } else if ((k = /^\d{4}-Q([1-4])$/.exec(last))) {
    const q = Math.floor((m - 1) / 3);
    ended = q ? `${y}-Q${q}` : `${y - 1}-Q4`;
    const lq = Number(k[1]);
    after = lq === 4 ? `${ly + 1}-Q1` : `${ly}-Q${lq + 1}`;
  } else if ((k = /^\d{4}-S([12])$/.exec(last))) {
    ended = m > 6 ? `${y}-S1` : `${y - 1}-S2`;
    after = k[1] === '2' ? `${ly + 1}-S1` : `${ly}-S2`;
  } else if ((k = /^\d{4}-YTD(\d\d)$/.exec(last))) {
    ended = m > 1 ? `${y}-YTD${pad(m - 1)}` : `${y - 1}-YTD12`;
    const lm = Number(k[1]);
    after = lm === 12 ? `${ly + 1}-YTD01` : `${ly}-YTD${pad(lm + 1)}`;
  } else if ((k = /^\d{4}-(\d\d)$/.exec(last))) {
    ended = m > 1 ? `${y}-${pad(m - 1)}` : `${y - 1}-12`;
    const lm = Number(k[1]);
    after = lm === 12 ? `${ly + 1}-01` : `${ly}-${pad(lm + 1)}`;
  } else {
    // A point in time: the new session's date.
    return date;
  }
  // Codes of one kind sort as strings.
  return ended > last ? ended : after;
}

/** The session number and date of a report's front matter (a cheap read, for picking the last one). */
export function sessionOf(text: string): { session: number | null; date: string | null } {
  const fm = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(text.slice(0, 64 * 1024));
  const field = (key: string) => (fm ? new RegExp(`^${key}:[ \\t]*["']?([^"'\\r\\n#]*?)["']?[ \\t]*(?:#.*)?$`, 'm').exec(fm[1])?.[1] : undefined);
  const s = field('session');
  const d = field('date');
  return { session: s && /^\d{1,6}$/.test(s) ? Number(s) : null, date: d && isIsoDate(d) ? d : null };
}

/**
 * The last session among `reports`: the highest session number, then the latest date; reports
 * without either come last. Undefined when none has a session number or a date.
 */
export function lastSession<T extends { text: string }>(reports: T[]): T | undefined {
  let best: { r: T; session: number; date: string } | undefined;
  for (const r of reports) {
    const { session, date } = sessionOf(r.text);
    if (session === null && date === null) continue;
    const s = session ?? -1;
    const d = date ?? '';
    if (!best || s > best.session || (s === best.session && d > best.date)) best = { r, session: s, date: d };
  }
  return best?.r;
}

/** The last report's file name with its session number and date moved on. */
export function nextFileName(name: string, last: { session: number | null; date: string | null }, next: { session: number | null; date: string }): string {
  let out = name;
  if (last.date && out.includes(last.date)) out = out.split(last.date).join(next.date);
  if (last.session !== null && next.session !== null) {
    // The number as a whole token ("phien-09-…", "session9"), its zero padding kept.
    out = out.replace(/(^|[^\d])(0*)(\d+)(?=[^\d]|$)/, (whole, pre: string, zeros: string, n: string) =>
      Number(n) === last.session && !(last.date && whole.endsWith(last.date.slice(0, 4))) ? `${pre}${String(next.session).padStart(zeros.length + n.length, '0')}` : whole,
    );
  }
  if (out === name) out = `phien-${String(next.session ?? '').padStart(2, '0') || 'moi'}-${next.date}.report.md`;
  return out;
}

/** Every section, depth first, in document order. */
function flatten(sections: Section[], out: Section[] = []): Section[] {
  for (const s of sections) {
    out.push(s);
    flatten(s.children, out);
  }
  return out;
}

/** `text` with its number `from` (as a whole number) replaced by `to`, the first time only. */
function renumber(text: string, from: number, to: number): string {
  return text.replace(new RegExp(`(^|[^\\d.,/])${from}(?=$|[^\\d.,/])`), (_w, pre: string) => `${pre}${to}`);
}

/** Makes the next session's draft from the last session's report text. */
export function nextDraft(lastText: string, options: DraftOptions, uri = 'untitled:last.report.md'): NextDraft {
  const doc = parseReport(lastText, uri);
  const fm = doc.frontMatter;
  const lastSessionNo = fm?.session ?? null;
  const session = lastSessionNo === null ? null : lastSessionNo + 1;
  const date = options.date ?? options.today;
  const period = options.period ?? nextPeriod(fm?.period, date) ?? fm?.period ?? null;
  const lines = lastText.split(/\r?\n/);
  const out: string[] = [];

  // Front matter: the last one's lines, with session, date, period and the title's number moved on.
  const fmLines = fm ? lines.slice(fm.range.start.line + 1, fm.range.end.line) : [];
  const set = (key: string, value: string | null) => {
    if (value === null) return;
    const i = fmLines.findIndex((l) => l.startsWith(`${key}:`));
    if (i >= 0) fmLines[i] = `${key}: ${value}`;
    else fmLines.push(`${key}: ${value}`);
  };
  set('session', session === null ? null : String(session));
  set('date', date);
  set('period', period);
  const ti = fmLines.findIndex((l) => l.startsWith('title:'));
  if (ti >= 0 && lastSessionNo !== null && session !== null) fmLines[ti] = renumber(fmLines[ti], lastSessionNo, session);
  out.push('---', ...fmLines, '---', '');

  const when = [lastSessionNo !== null ? `phiên ${lastSessionNo}` : '', fm?.date ? formatDate(fm.date, 'vi') : ''].filter(Boolean).join(', ');
  const whenEn = [lastSessionNo !== null ? `session ${lastSessionNo}` : '', fm?.date ? formatDate(fm.date, 'en') : ''].filter(Boolean).join(', ');
  const headings = flatten(doc.sections);
  const contentEnd = lines.length;
  let noteWritten = false;
  const note = () => {
    if (noteWritten) return;
    noteWritten = true;
    out.push(
      `<!-- Dự thảo lập từ báo cáo ${when || 'phiên trước'}: điền các giá trị "${VALUE_PLACEHOLDER}"; chú thích sau mỗi chỉ tiêu là giá trị phiên trước. -->`,
      `<!-- Draft made from the report of ${whenEn || 'the last session'}: fill in each "${VALUE_PLACEHOLDER}"; the comment after each indicator is the last session's value. -->`,
      '',
    );
  };
  if (!headings.length) note();
  headings.forEach((h, i) => {
    const first = h.headingRange.start.line;
    const end = i + 1 < headings.length ? headings[i + 1].headingRange.start.line : contentEnd;
    let heading = lines[first];
    if (h.level === 1 && lastSessionNo !== null && session !== null) heading = renumber(heading, lastSessionNo, session);
    out.push(heading, '');
    if (h.level === 1) {
      note();
      return;
    }
    const body = sectionBody(doc, lines, first + 1, end, fm?.period, period, when);
    if (body.length) out.push(...body, '');
  });
  while (out.length && out[out.length - 1] === '') out.pop();
  const name = uri.slice(uri.lastIndexOf('/') + 1);
  return { text: out.join('\n') + '\n', session, date, period, fileName: nextFileName(name, { session: lastSessionNo, date: fm?.date ?? null }, { session, date }) };
}

/**
 * A section's lines for the draft: each reference outside tables as one bullet (its name, its
 * figure with the numeral emptied, the last value in a comment); table rows with a reference kept
 * with their numerals emptied and the last period's cells moved to the new one.
 */
function sectionBody(doc: ReportDocument, lines: string[], from: number, to: number, lastPeriod: string | undefined, period: string | null, when: string): string[] {
  const out: string[] = [];
  const refs = doc.references.filter((r) => r.range.start.line >= from && r.range.start.line < to);
  let tableHead: string[] = [];
  let inTable = false;
  for (let l = from; l < to; l++) {
    const line = lines[l];
    const isRow = /^\s*\|/.test(line);
    if (!isRow) {
      if (inTable) out.push('');
      inTable = false;
      tableHead = [];
    }
    const here = refs.filter((r) => r.range.start.line === l);
    if (isRow) {
      if (!here.length) {
        // The header and the delimiter row, kept once a row with a reference follows.
        if (!inTable) tableHead.push(line);
        continue;
      }
      if (!inTable) out.push(...tableHead);
      inTable = true;
      out.push(emptyRow(doc, line, l, lastPeriod, period));
      continue;
    }
    for (const r of here) {
      const f = r.figure;
      const value = f ? f.raw.slice(0, f.numeralStart - f.start) + VALUE_PLACEHOLDER + f.raw.slice(f.numeralEnd - f.start) : VALUE_PLACEHOLDER;
      const before = f ? ` <!-- ${when ? `${when}: ` : ''}${f.raw} -->` : '';
      out.push(`- [[${r.written}]]: ${value}${before}`);
    }
  }
  return out;
}

/** A table row with each figure's numeral emptied and cells equal to the last period moved on. */
function emptyRow(doc: ReportDocument, line: string, l: number, lastPeriod: string | undefined, period: string | null): string {
  let row = line;
  const figures = doc.figures.filter((f) => f.numeralRange.start.line === l && f.numeralRange.end.line === l).sort((a, b) => b.numeralRange.start.character - a.numeralRange.start.character);
  for (const f of figures) row = row.slice(0, f.numeralRange.start.character) + VALUE_PLACEHOLDER + row.slice(f.numeralRange.end.character);
  if (lastPeriod && period) row = row.split('|').map((c) => (c.trim() === lastPeriod ? c.replace(lastPeriod, period) : c)).join('|');
  return row;
}
