/**
 * A Word report (its blocks, html.ts) as a dialect report: the ND 30/2020 header block, the document
 * type and title, the recipients and signature become front matter; headings (Word's heading styles,
 * or short paragraphs all in bold, as old reports write "I. KẾT QUẢ ĐẠT ĐƯỢC") become Markdown
 * headings; paragraphs, list items and tables keep their text; session, date and period come from
 * the options, else are guessed from the title, the header's date line, the body and the file name,
 * and every guess says where it came from. Then the indicators named in the prose and in table rows
 * are marked by the markup detector (core/markup: the checker's own reading), and what it left
 * ambiguous is listed. Pure; never throws.
 */
import type { Catalog } from '../catalog/catalog';
import { detectMentions, markText } from '../markup';
import { readPeriods } from '../parse/periods';
import { isPeriodCode } from '../parse/period-codes';
import { QUOC_HIEU, TIEU_NGU } from './docx';
import { runsText, type Block, type Run } from './model';
import type { DocumentFields } from './fields';
import { signerOf, takeClosingParagraphs } from './closing';
import type { StoredFields } from './properties';
import type { Range } from '../types';
import { DATE_LINE, fold, guessDate, guessPeriod, guessSession, squash, type Guess } from './guess';

export type { Guess } from './guess';

export interface ImportOptions {
  session?: number;
  date?: string;
  period?: string;
  /** The .docx file's name (without folders): a last source for the session ("phien-02.docx"). */
  fileName?: string;
  /** What an export stored in the .docx's custom properties (properties.ts): used when no option gives it. */
  stored?: StoredFields;
}

export interface ImportResult {
  /** The dialect report, front matter included. */
  text: string;
  session: Guess<number>;
  date: Guess<string>;
  period: Guess<string>;
  title: string;
  /** The front matter fields still to be checked by a person (not given, not found, or guessed from weak evidence). */
  unsure: Array<'session' | 'date' | 'period'>;
  marked: Array<{ name: string; indicator: string; figure: string | null; range: Range }>;
  ambiguous: Array<{ text: string; reason: string; message: { vi: string; en: string }; candidates: string[]; range: Range }>;
  /** Tables whose rows name indicators (their names marked). */
  indicatorTables: number;
}

/** A separator line under a header's name or the title ("-----", "___"). */
const RULE_LINE = /^[-_*=.…\s]{3,}$/;

/** Markdown-escapes text so that it reads back as the same text (no emphasis, link, HTML or mark made by accident). */
export function escapeInline(s: string): string {
  return s.replace(/[\\`*_<[\]]/g, (c) => `\\${c}`);
}

function inlineMarkdown(runs: Run[], inTable = false): string {
  let out = '';
  for (const r of runs) {
    if (r.breakBefore) out += inTable ? ' ' : '  \n';
    let t = escapeInline(r.text);
    if (inTable) t = t.replace(/\|/g, '\\|');
    const m = /^(\s*)(.*?)(\s*)$/s.exec(t)!;
    if (!m[2]) {
      out += t;
      continue;
    }
    const mark = r.bold && r.italic ? '***' : r.bold ? '**' : r.italic ? '*' : '';
    out += m[1] + mark + m[2] + mark + m[3];
  }
  return out.trim();
}

/** A paragraph's start that Markdown would read as block syntax (a heading, quote, list, rule, table). */
function escapeBlockStart(s: string, marker?: string): string {
  if (marker) return s;
  // "- text" and "1. text" stay lists (that is how reports write them); a year "2024. " or "+", "#", ">" do not start blocks.
  const number = /^(\d+)([.)])(\s|$)/.exec(s);
  if (number && (number[1].length >= 3 || !number[3])) return `${number[1]}\\${number[2]}${s.slice(number[1].length + 1)}`;
  if (/^([#>+=]|-{3,}\s*$|\*{3,}\s*$)/.test(s)) return `\\${s}`;
  return s;
}

const allBold = (runs: Run[]) => runs.length > 0 && runs.every((r) => r.bold || !r.text.trim());
const isRomanHeading = (t: string) => /^[IVX]+\s*[.)-]\s*\S/.test(t);
const isNumberedHeading = (t: string) => /^\d+(\.\d+)*\s*[.)]\s*\S/.test(t);

/** The header block (a table holding the Quốc hiệu), its fields: issuing body, number, place and date. */
function readHeader(b: Extract<Block, { kind: 'table' }>, fields: DocumentFields): { dateLine?: string } {
  const cells = b.rows.flat().map((c) => runsText(c).split('\n').map(squash).filter(Boolean));
  const result: { dateLine?: string } = {};
  for (const lines of cells) {
    if (lines.some((l) => fold(l) === fold(QUOC_HIEU))) {
      const dl = lines.find((l) => DATE_LINE.test(l));
      if (dl) {
        result.dateLine = dl;
        const place = /^(.*?),\s*ngày/i.exec(dl)?.[1];
        if (place && place !== '…') fields.place = place;
      }
    } else {
      const number = lines.find((l) => /^số\s*:/i.test(l));
      if (number) {
        const n = squash(number.replace(/^số\s*:/i, ''));
        if (n && !/^\/BC-…$/.test(n)) fields.number = n;
      }
      const names = lines.filter((l) => l !== number && !/^[-_…\s]+$/.test(l));
      if (names.length >= 2) {
        fields.issuerParent = names[0];
        fields.issuer = names[1];
      } else if (names.length === 1 && names[0] !== '…') fields.issuer = names[0];
    }
  }
  return result;
}

/** The closing block ("Nơi nhận:" and the signature), a table or the last paragraphs. */
function readClosing(b: Extract<Block, { kind: 'table' }>, fields: DocumentFields): void {
  for (const cell of b.rows.flat()) {
    const lines = runsText(cell).split('\n').map(squash).filter(Boolean);
    if (lines.length && /^nơi nhận\s*:?$/i.test(lines[0])) {
      const recipients = lines.slice(1).map((l) => l.replace(/^[-–•]\s*/, '')).filter(Boolean);
      if (recipients.length) fields.recipients = recipients;
    } else if (lines.length) {
      const signer = signerOf(lines);
      if (signer) fields.signer = signer;
    }
  }
}

const isClosingTable = (b: Block) => b.kind === 'table' && b.rows.flat().some((c) => /^\s*nơi nhận\s*:?/i.test(runsText(c)));
const isHeaderTable = (b: Block) => b.kind === 'table' && b.rows.flat().some((c) => fold(runsText(c)).includes(fold(QUOC_HIEU)));

function yamlString(s: string): string {
  return JSON.stringify(s);
}

/** The blocks of a Word report as a dialect report, marked by the detector. */
export function importReport(input: Block[], catalog: Catalog, options: ImportOptions = {}): ImportResult {
  const blocks = [...input];
  const fields: DocumentFields = {};
  let dateLine: string | undefined;
  // The header: a table with the Quốc hiệu, or its lines as paragraphs at the top.
  const head = blocks.findIndex(isHeaderTable);
  if (head >= 0 && head < 3) {
    const h = blocks[head];
    if (h.kind === 'table') dateLine = readHeader(h, fields).dateLine;
    blocks.splice(head, 1);
  }
  for (let i = 0; i < Math.min(blocks.length, 10); i++) {
    const b = blocks[i];
    if (b.kind !== 'paragraph' && b.kind !== 'heading') continue;
    const t = squash(runsText(b.runs));
    if ([QUOC_HIEU, TIEU_NGU].some((q) => fold(q) === fold(t)) || RULE_LINE.test(t)) {
      blocks.splice(i--, 1);
    } else if (!dateLine && DATE_LINE.test(t) && t.length < 80 && /,\s*ngày/i.test(t)) {
      dateLine = t;
      const place = /^(.*?),\s*ngày/i.exec(t)?.[1];
      if (place) fields.place = place;
      blocks.splice(i--, 1);
    } else if (/^số\s*:/i.test(t) && t.length < 60) {
      fields.number = squash(t.replace(/^số\s*:/i, ''));
      blocks.splice(i--, 1);
    }
  }
  const tail = blocks.findIndex(isClosingTable);
  if (tail >= 0) {
    const c = blocks[tail];
    if (c.kind === 'table') readClosing(c, fields);
    blocks.splice(tail, 1);
  } else {
    // "Nơi nhận:" as paragraphs: the recipients under it, the signature block after them or just before it.
    takeClosingParagraphs(blocks, fields);
  }
  // The document type ("BÁO CÁO") and the title after it; else the first heading.
  let title = '';
  const typeAt = blocks.findIndex((b, i) => i < 4 && b.kind !== 'table' && /^(báo cáo|tờ trình|thông báo|kế hoạch)$/i.test(squash(runsText(b.runs))));
  if (typeAt >= 0) {
    const t = squash(runsText((blocks[typeAt] as { runs: Run[] }).runs));
    if (fold(t) !== 'báo cáo') fields.docType = t;
    // The title: the bold paragraphs after it (a long title is often two), up to a separator line.
    let end = typeAt + 1;
    const parts: string[] = [];
    while (end < blocks.length && parts.length < 3) {
      const b = blocks[end];
      if (b.kind === 'table') break;
      const line = squash(runsText(b.runs));
      if (RULE_LINE.test(line)) {
        end++;
        break;
      }
      if (parts.length && (!allBold(b.runs) || isRomanHeading(line) || isNumberedHeading(line))) break;
      parts.push(line);
      end++;
    }
    title = parts.join(' ');
    blocks.splice(typeAt, end - typeAt);
  } else {
    const first = blocks.findIndex((b) => b.kind === 'heading');
    if (first >= 0 && first < 3 && blocks[first].kind === 'heading') {
      title = squash(runsText((blocks[first] as { runs: Run[] }).runs));
      blocks.splice(first, 1);
    }
  }
  if (!title) title = options.fileName ? options.fileName.replace(/\.docx$/i, '') : 'Báo cáo';

  // The body as Markdown.
  const romanHeadings = blocks.some((b) => b.kind !== 'table' && allBold(b.runs) && isRomanHeading(squash(runsText(b.runs))));
  const body: string[] = [];
  let indicatorTables = 0;
  const tableRows: Array<{ start: number; end: number }> = [];
  // Word's heading levels, shifted so that the highest is a section (##) under the title (#).
  const top = Math.min(7, ...blocks.map((b) => (b.kind === 'heading' ? b.level : 7)));
  for (const b of blocks) {
    if (b.kind === 'heading') body.push(`${'#'.repeat(Math.min(6, b.level - top + 2))} ${inlineMarkdown(b.runs.map((r) => ({ ...r, bold: false })))}`);
    else if (b.kind === 'paragraph') {
      const t = squash(runsText(b.runs));
      if (!t) continue;
      // A short paragraph all in bold with no full stop: a heading of an old report.
      if (!b.marker && allBold(b.runs) && t.length <= 120 && !/[.:;]$/.test(t)) {
        const level = /^[a-zđ]\)\s/.test(t) ? 4 : romanHeadings && isNumberedHeading(t) ? 3 : 2;
        body.push(`${'#'.repeat(level)} ${inlineMarkdown(b.runs.map((r) => ({ ...r, bold: false })))}`);
        continue;
      }
      const indent = b.marker ? '   '.repeat(Math.max(0, b.indent - 1)) : '';
      let line = indent + (b.marker ?? '') + escapeBlockStart(inlineMarkdown(b.runs), b.marker);
      // A list item's paragraph written as "- text" (no Word list): the items of one list stay together.
      const item = (l: string) => /^\s*(?:[-+*]|\d{1,2}[.)])\s/.test(l);
      if (item(line) && body.length && item(body[body.length - 1].split('\n').pop() ?? '') && !body[body.length - 1].startsWith('|')) {
        line = `${body.pop()}\n${line}`;
      }
      body.push(line);
    } else {
      const columns = Math.max(1, ...b.rows.map((r) => r.length));
      if (!b.rows.length) continue;
      const indicatorTable = asIndicatorTable(b.rows);
      if (indicatorTable) {
        body.push(indicatorTable);
        continue;
      }
      const row = (cells: Run[][]) => `| ${Array.from({ length: columns }, (_, i) => inlineMarkdown((cells[i] ?? []).map((r) => ({ ...r, bold: false })), true) || ' ').join(' | ')} |`;
      const lines = [row(b.rows[0]), `|${'---|'.repeat(columns)}`, ...b.rows.slice(1).map(row)];
      body.push(lines.join('\n'));
    }
  }

  // Front matter: given, else guessed.
  const bodyText = blocks.map((b) => (b.kind === 'table' ? b.rows.map((r) => r.map(runsText).join(' ')).join('\n') : runsText(b.runs))).join('\n');
  const given = <T>(option: T | undefined, stored: T | undefined): Guess<T> | null =>
    option !== undefined ? { value: option, source: 'option' } : stored !== undefined ? { value: stored, source: 'properties' } : null;
  const session: Guess<number> = given(options.session, options.stored?.session) ?? guessSession(title, bodyText, options.fileName);
  const date: Guess<string> = given(options.date, options.stored?.date) ?? guessDate(dateLine, bodyText);
  const period: Guess<string> = given(options.period, options.stored?.period) ?? guessPeriod(title, bodyText, date.value);
  const unsure: ImportResult['unsure'] = [];
  const sure = (g: Guess<unknown>, also: Guess<unknown>['source']) => g.value !== null && (g.source === 'option' || g.source === 'properties' || g.source === also);
  if (!sure(session, 'title')) unsure.push('session');
  if (!sure(date, 'header')) unsure.push('date');
  if (!sure(period, 'title')) unsure.push('period');

  const fm: string[] = ['---'];
  fm.push(session.value !== null ? `session: ${session.value}` : '# session: (không tìm thấy / not found: số phiên họp)');
  fm.push(date.value !== null ? `date: ${date.value}` : '# date: (không tìm thấy / not found: YYYY-MM-DD)');
  fm.push(period.value !== null ? `period: ${/^\d{4}$/.test(period.value) ? period.value : yamlString(period.value)}` : '# period: (không tìm thấy / not found: 2024, 2024-S1, 2024-Q3…)');
  fm.push(`title: ${yamlString(title)}`);
  if (fields.issuerParent) fm.push(`issuer-parent: ${yamlString(fields.issuerParent)}`);
  if (fields.issuer) fm.push(`issuer: ${yamlString(fields.issuer)}`);
  if (fields.number) fm.push(`number: ${yamlString(fields.number)}`);
  if (fields.place) fm.push(`place: ${yamlString(fields.place)}`);
  if (fields.docType) fm.push(`doc-type: ${yamlString(fields.docType)}`);
  if (fields.recipients) fm.push('recipients:', ...fields.recipients.map((r) => `  - ${yamlString(r)}`));
  if (fields.signer) {
    fm.push('signer:');
    for (const k of ['authority', 'title', 'name'] as const) if (fields.signer[k]) fm.push(`  ${k}: ${yamlString(fields.signer[k]!)}`);
  }
  fm.push('---');
  const unmarked = `${fm.join('\n')}\n\n# ${escapeInline(title)}\n\n${body.join('\n\n')}\n`;

  // The indicators, marked as the checker reads them.
  const result = detectMentions(unmarked, catalog, { mode: 'wrap' });
  const text = markText(unmarked, result.mentions, 'wrap');
  let offset = 0;
  for (const part of body) {
    const start = unmarked.indexOf(part, offset);
    offset = start + part.length;
    if (part.startsWith('|')) tableRows.push({ start, end: offset });
  }
  for (const t of tableRows) if (result.mentions.some((m) => m.start >= t.start && m.end <= t.end)) indicatorTables++;
  return {
    text,
    session,
    date,
    period,
    title,
    unsure,
    marked: result.mentions.map((m) => ({ name: m.text, indicator: m.indicator.id, figure: m.figure?.raw ?? null, range: m.range })),
    ambiguous: result.ambiguous.map((a) => ({ text: a.text, reason: a.reason, message: a.message, candidates: a.candidates.map((c) => c.id), range: a.range })),
    indicatorTables,
  };
}

const cellText = (c: Run[] | undefined) => squash(runsText(c ?? []));

/**
 * A table of indicators with a unit column or values by period ("STT | Chỉ tiêu | Đơn vị | Năm 2023 |
 * Năm 2024") as the dialect's indicator table: one row per indicator and period, `| name | period |
 * value unit | note |`, the value and unit joined as a figure is written ("42" and "%" → "42%"), the
 * other cells kept as the note. Null for any other table (kept as it is).
 */
function asIndicatorTable(rows: Run[][][]): string | null {
  if (rows.length < 2) return null;
  const header = rows[0].map(cellText);
  const nameCol = header.findIndex((h) => /^(chỉ tiêu|tên chỉ tiêu|nội dung|chỉ số)$/i.test(h));
  if (nameCol < 0) return null;
  const unitCol = header.findIndex((h) => /^(đơn vị( tính)?|đvt)$/i.test(h));
  const valueCols: Array<{ col: number; period: string | null }> = [];
  header.forEach((h, i) => {
    if (i === nameCol || i === unitCol) return;
    const periods = readPeriods(h).filter((x) => !x.comparison && isPeriodCode(x.code));
    if (periods.length === 1) valueCols.push({ col: i, period: periods[0].code });
    else if (/^(giá trị|kết quả|số liệu|thực hiện|kết quả thực hiện)$/i.test(h)) valueCols.push({ col: i, period: null });
  });
  // Values by period, or a unit column beside the values: else the table is left as it is.
  if (!valueCols.length || (unitCol < 0 && valueCols.every((v) => v.period === null))) return null;
  const periodCol = header.findIndex((h) => /^(kỳ|kỳ báo cáo|thời gian)$/i.test(h));
  const noteCols = header.map((_, i) => i).filter((i) => i !== nameCol && i !== unitCol && i !== periodCol && !valueCols.some((v) => v.col === i) && !/^(stt|tt)$/i.test(header[i]));
  const cell = (s: string) => escapeInline(s).replace(/\|/g, '\\|') || ' ';
  const out = ['| Chỉ tiêu | Kỳ | Giá trị | Ghi chú |', '|---|---|---|---|'];
  for (const r of rows.slice(1)) {
    const name = cellText(r[nameCol]);
    if (!name) continue;
    const unit = unitCol >= 0 ? cellText(r[unitCol]) : '';
    const note = noteCols.map((i) => cellText(r[i])).filter(Boolean).join('; ');
    for (const v of valueCols) {
      const value = cellText(r[v.col]);
      if (!value) continue;
      const period = v.period ?? (periodCol >= 0 ? cellText(r[periodCol]) : '');
      const figure = unit && !value.endsWith(unit) ? (unit === '%' ? `${value}%` : `${value} ${unit}`) : value;
      out.push(`| ${cell(name)} | ${cell(period)} | ${cell(figure)} | ${cell(note)} |`);
    }
  }
  return out.length > 2 ? out.join('\n') : null;
}
