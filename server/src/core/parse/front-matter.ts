/**
 * The front matter: the YAML between the opening and closing `---` lines, read with the guards of
 * guard.ts, and checked against the report's schema (session, date, period, title); every problem
 * is a `front-matter` problem on the document.
 */
import type { Root } from 'mdast';
import { parseDocument as parseYaml, isMap, isScalar, LineCounter } from 'yaml';
import { distinctYamlErrors } from '../yaml-errors';
import { frontMatterAt, MAX_FRONT_MATTER_CHARS, yamlTooDeep } from './guard';
import { offsets } from './mask';
import type { FrontMatter, ReportDocument } from './model';
import { isPeriodCode } from './period-codes';
import { documentFieldProblems } from '../word/fields';

/** Reads the front matter node opening `tree` (if any) into `doc.frontMatter`, with its problems. */
export function readFrontMatter(tree: Root, doc: ReportDocument): void {
  const { text, lines } = doc;
  const first = tree.children[0];
  if (!first || first.type !== 'yaml') {
    const head = text.replace(/^\uFEFF/, '');
    const unclosed = /^---[ \t]*\r?\n/.test(head);
    // A comment above the front matter (a `policy-report-disable-file` put on line 1) hides it.
    const belowComment = /^(?:[ \t]*<!--[^]*?-->[ \t]*\r?\n)+(?:[ \t]*\r?\n)*---[ \t]*\r?\n/.test(head);
    const lineEnd = lineEndOffset(text, 0);
    doc.problems.push({
      code: 'front-matter',
      message: belowComment
        ? {
            vi: 'Front matter phải bắt đầu ở dòng 1: chuyển chú thích `<!-- … -->` xuống dưới dòng `---` kết thúc front matter.',
            en: 'The front matter must start on line 1: move the `<!-- … -->` comment below the front matter\'s closing `---` line.',
          }
        : unclosed
        ? { vi: 'Front matter chưa đóng: thiếu dòng `---` kết thúc.', en: 'Front matter is not closed: the closing `---` line is missing.' }
        : {
            vi: 'Thiếu front matter ở đầu báo cáo: thêm `session`, `date`, `period` và `title` giữa hai dòng `---`.',
            en: 'Front matter is missing at the top of the report: add `session`, `date`, `period` and `title` between two `---` lines.',
          },
      range: lines.range(0, lineEnd),
    });
    return;
  }
  const off = offsets(first);
  if (!off) return;
  const [start, end] = off;
  doc.ignored.push([start, end]);
  const { contentStart, yamlText } = yamlOf(text, start, end);
  const fm: FrontMatter = { range: lines.range(start, end), data: {}, fieldRanges: {} };
  doc.frontMatter = fm;
  const problem = (vi: string, en: string, s: number, e: number): void => {
    doc.problems.push({ code: 'front-matter', message: { vi, en }, range: lines.range(s, e) });
  };
  const headerRange: [number, number] = [start, lineEndOffset(text, start)];

  const ydoc = parseFrontMatterYaml(yamlText);
  if ('refused' in ydoc) {
    const why = ydoc.refused;
    problem(`Front matter ${why.vi}: không đọc.`, `The front matter is ${why.en}: it is not read.`, ...headerRange);
    return;
  }
  for (const err of distinctYamlErrors(ydoc.errors)) {
    const [es, ee] = err.pos;
    problem(`Front matter sai cú pháp YAML ở vị trí này; sửa rồi lưu lại.`, `Malformed front matter YAML: ${err.message}`, contentStart + es, contentStart + Math.max(ee, es));
  }
  if (ydoc.errors.length) return;
  const contents = ydoc.contents;
  if (contents === null) {
    problem('Front matter trống: cần session, date, period, title.', 'Front matter is empty: session, date, period and title are expected.', ...headerRange);
    return;
  }
  if (!isMap(contents)) {
    const r = contents.range ?? [0, 0];
    problem('Front matter phải là một bảng khóa: giá trị.', 'Front matter must be a mapping of keys to values.', contentStart + r[0], contentStart + r[1]);
    return;
  }
  for (const pair of contents.items) {
    const { key, data } = pairData(pair);
    fm.data[key] = data;
    const node = (pair.value ?? pair.key) as { range?: [number, number, number] } | null;
    const r = node?.range;
    if (r) fm.fieldRanges[key] = lines.range(contentStart + r[0], contentStart + r[1]);
  }
  const fieldSpan = (key: string): [number, number] => {
    const r = fm.fieldRanges[key];
    return r ? [lines.offsetAt(r.start), lines.offsetAt(r.end)] : headerRange;
  };

  const session = fm.data.session;
  if (session === undefined) problem('Front matter thiếu `session` (số thứ tự phiên họp).', 'Front matter lacks `session` (the session number).', ...headerRange);
  else if (typeof session !== 'number' || !Number.isInteger(session) || session < 1)
    problem(`\`session\` phải là số nguyên dương, không phải "${String(session)}".`, `\`session\` must be a positive integer, not "${String(session)}".`, ...fieldSpan('session'));
  else fm.session = session;

  const date = fm.data.date;
  if (date === undefined) problem('Front matter thiếu `date` (ngày họp, YYYY-MM-DD).', 'Front matter lacks `date` (the session date, YYYY-MM-DD).', ...headerRange);
  else if (typeof date !== 'string' || !isIsoDate(date))
    problem(`\`date\` phải là ngày ISO hợp lệ (YYYY-MM-DD), không phải "${String(date)}".`, `\`date\` must be a valid ISO date (YYYY-MM-DD), not "${String(date)}".`, ...fieldSpan('date'));
  else fm.date = date;

  const period = fm.data.period;
  if (period === undefined) problem('Front matter thiếu `period` (kỳ báo cáo, ví dụ 2022-Q1).', 'Front matter lacks `period` (the reporting period, e.g. 2022-Q1).', ...headerRange);
  else if (periodCode(period) === null)
    problem(
      `\`period\` "${String(period)}" không phải mã kỳ hợp lệ; ví dụ: \`2023\`, \`2022-Q1\`, \`2024-S1\`, \`2023-02\`, \`2023-02-25\`, \`2023-YTD02\`.`,
      `\`period\` "${String(period)}" is not a valid period code; for example \`2023\`, \`2022-Q1\`, \`2024-S1\`, \`2023-02\`, \`2023-02-25\`, \`2023-YTD02\`.`,
      ...fieldSpan('period'),
    );
  else fm.period = String(period);

  const title = fm.data.title;
  if (title === undefined) problem('Front matter thiếu `title` (tiêu đề báo cáo).', 'Front matter lacks `title`.', ...headerRange);
  else if (typeof title !== 'string' || !title.trim())
    problem('`title` phải là một chuỗi không rỗng.', '`title` must be a non-empty string.', ...fieldSpan('title'));
  else fm.title = title;
  // The official document's optional keys (issuer, number, place, recipients, signer…): word/fields.ts.
  for (const f of documentFieldProblems(fm.data)) problem(f.message.vi, f.message.en, ...fieldSpan(f.key));
}

/**
 * The `period` of the text's front matter as parseReport reads it (`doc.frontMatter.period`), from
 * the front matter alone: the same lines (markdown-source.ts frontMatterAt), the same guards and
 * YAML parse; null when there is none, or it is malformed, refused or has no valid period. Never throws.
 */
export function frontMatterPeriod(text: string): string | null {
  const period = frontMatterField(text, 'period');
  return period === undefined ? null : periodCode(period);
}

/** The front matter's `date` as the parse reads it (an ISO date, YYYY-MM-DD), else null; never throws. */
export function frontMatterDate(text: string): string | null {
  const date = frontMatterField(text, 'date');
  return typeof date === 'string' && isIsoDate(date) ? date : null;
}

/**
 * One field of a text's front matter, read as parseReport reads it (the same lines, guards and YAML
 * parse; the last of repeated keys), without parsing the report: undefined when the front matter is
 * missing, malformed or refused, or lacks the key.
 */
export function frontMatterField(text: string, name: string): unknown {
  try {
    const at = frontMatterAt(text);
    if (!at || at.end < 0) return undefined;
    const ydoc = parseFrontMatterYaml(yamlOf(text, at.open, at.end).yamlText);
    if ('refused' in ydoc || ydoc.errors.length || !isMap(ydoc.contents)) return undefined;
    let value: unknown;
    for (const pair of ydoc.contents.items) {
      const { key, data } = pairData(pair);
      if (key === name) value = data;
    }
    return value;
  } catch {
    return undefined;
  }
}

/** The YAML text of the front matter at [start, end) of `text`: the source between its opening and closing `---` lines. */
function yamlOf(text: string, start: number, end: number): { contentStart: number; yamlText: string } {
  const contentStart = lineEndOffset(text, start) + lineBreakLength(text, lineEndOffset(text, start));
  const closingLineStart = lineStartOffset(text, end - 1);
  return { contentStart, yamlText: contentStart <= closingLineStart ? text.slice(contentStart, closingLineStart) : '' };
}

/** The front matter's YAML parsed, or why it is refused: too long or too deeply nested, parsing it could stall or crash (guard.ts). */
function parseFrontMatterYaml(yamlText: string): ReturnType<typeof parseYaml> | { refused: { vi: string; en: string } } {
  const tooDeep = yamlTooDeep(yamlText);
  if (yamlText.length > MAX_FRONT_MATTER_CHARS || tooDeep)
    return { refused: tooDeep ?? { vi: `dài quá ${MAX_FRONT_MATTER_CHARS} ký tự`, en: `longer than ${MAX_FRONT_MATTER_CHARS} characters` } };
  // A lone CR ends a line for CommonMark but not for the YAML reader: make it LF (same length).
  return parseYaml(yamlText.replace(/\r(?!\n)/g, '\n'), { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
}

/** A pair of the front matter's mapping: its key as a string, its value as plain data. */
function pairData(pair: { key: unknown; value: unknown }): { key: string; data: unknown } {
  const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
  const value = pair.value;
  const data = isScalar(value) ? value.value : value && typeof value === 'object' && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : value;
  return { key, data };
}

/** A front matter `period` value as a period code, or null when it is none. */
function periodCode(period: unknown): string | null {
  return isPeriodCode(String(period)) ? String(period) : null;
}

function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

function lineEndOffset(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

function lineBreakLength(text: string, offset: number): number {
  if (text[offset] === '\r' && text[offset + 1] === '\n') return 2;
  return offset < text.length ? 1 : 0;
}

function lineStartOffset(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}
