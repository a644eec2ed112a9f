/**
 * The report parser: CommonMark (+ GFM tables, + YAML front matter) via micromark/mdast with exact
 * source offsets, YAML via `yaml`, figures via the figure reader. It never throws: whatever the
 * input, it returns a model plus problems.
 */
import type { Nodes, Root, RootContent, PhrasingContent, Table } from 'mdast';
import { parseDocument as parseYaml, isMap, isScalar, LineCounter } from 'yaml';
import { LineIndex } from '../text';
import type { Figure, Position, Range } from '../types';
import { readFigures } from './figures';
import { readPeriods } from './periods';
import { bindInSentence, firstIndex, levelIndex, ownPeriodBases, readSentence, type LevelIndex, type SentenceReading } from './clauses';
import { isPeriodCode } from './period-codes';
import type { FrontMatter, PlacedFigure, Reference, ReportDocument, Section } from './model';
import { MAX_FRONT_MATTER_CHARS, MAX_REPORT_CHARS, yamlTooDeep } from './guard';
import { ChunkCache, mapChunks, type Piece } from './chunks';
import { work } from '../work';

export { firstIndex };

/** A run of checkable text: a paragraph, a heading or a table cell, with markup masked out. */
interface Block {
  /** Absolute offset of `masked[0]`. */
  start: number;
  /** Source text with everything that is not prose (code, HTML, markup) replaced by spaces. */
  masked: string;
}

const REFERENCE = /\[\[([^\[\]\r\n]*)\]\]/g;

/**
 * Parses a session report. `uri` is only carried along for the caller. `whole`: parse the text as
 * one piece, not chunk by chunk (the tests compare the two; the result is the same). `remember`:
 * false for a text parsed once (the history's reports): its chunks are not cached.
 */
export function parseReport(text: string, uri: string, options: { whole?: boolean; remember?: boolean } = {}): ReportDocument {
  const doc = emptyDocument(text, uri);
  const { lines } = doc;
  if (text.length > MAX_REPORT_CHARS) {
    // Checking it would stall the server for a minute or more (guard.ts): say so instead.
    const size = `${text.length.toLocaleString('en')}`;
    doc.problems.push({
      code: 'front-matter',
      message: {
        vi: `Báo cáo quá lớn để kiểm tra (${size} ký tự; giới hạn ${MAX_REPORT_CHARS.toLocaleString('en')}): không kiểm tra.`,
        en: `The report is too large to check (${size} characters; the limit is ${MAX_REPORT_CHARS.toLocaleString('en')}): it is not checked.`,
      },
      range: lines.range(0, 0),
    });
    return doc;
  }
  let pieces: Array<Piece<ChunkModel>>;
  try {
    // Chunk by chunk, each from the cache if its text was parsed before (chunks.ts); adversarial
    // nesting made inert and BOM offsets put right in each (guard.ts).
    pieces = mapChunks(text, chunkCache, chunkModel, options.whole, options.remember ?? true);
  } catch (e) {
    // micromark is not known to throw, but a parser failure must never take the server down.
    failed(doc, e, false);
    return doc;
  }
  piecesOf.set(doc, pieces);

  try {
    const first = pieces[0]?.model.frontMatterNode;
    readFrontMatter({ type: 'root', children: first ? [first] : [] }, doc);
    const docPeriod = doc.frontMatter?.period ?? null;
    const headings: HeadingInfo[] = [];
    for (const { model, base } of pieces) assemble(model, base, doc, docPeriod, headings);
    doc.sections = buildSections(headings, doc);
  } catch (e) {
    // Never expected (the property tests look for it); what was read so far is kept.
    failed(doc, e, true);
  }
  return doc;
}

/** A parser failure, as a problem at the top of the document ("partly": what was read is kept). */
function failed(doc: ReportDocument, e: unknown, partly: boolean): void {
  doc.problems.push({
    code: 'front-matter',
    message: partly
      ? { vi: `Không phân tích hết được tài liệu: ${String(e)}`, en: `The document could not be fully parsed: ${String(e)}` }
      : { vi: `Không phân tích được tài liệu: ${String(e)}`, en: `The document could not be parsed: ${String(e)}` },
    range: doc.lines.range(0, 0),
  });
}

/** The chunks each parsed document was read in (weakly: they go with the document). */
const piecesOf = new WeakMap<ReportDocument, ReadonlyArray<{ chunk: string; base: number }>>();

/**
 * The chunks `doc` was read in, if parseReport read it: another reader of the same text (the markup
 * detector) takes the same chunks instead of cutting the text again.
 */
export function chunksOf(doc: ReportDocument): ReadonlyArray<{ chunk: string; base: number }> | undefined {
  return piecesOf.get(doc);
}

function emptyDocument(text: string, uri: string): ReportDocument {
  return { uri, text, lines: new LineIndex(text), frontMatter: null, sections: [], references: [], figures: [], sentences: [], comments: [], problems: [], ignored: [] };
}

// ---------------------------------------------------------------------------------------------
// Chunks: what one chunk says, offsets and lines relative to the chunk (see chunks.ts)

/** A heading, as the outline needs it. */
interface HeadingInfo {
  depth: number;
  start: number;
  end: number;
  title: string;
}

/** What the parser reads from one chunk, with offsets and lines relative to the chunk. */
interface ChunkModel {
  /** The YAML front matter node, if the chunk opens with one (only the first chunk can). */
  frontMatterNode?: RootContent;
  headings: HeadingInfo[];
  /** References, figures, sentences, comments, ignored spans and problems, read with no document period. */
  part: Pick<ReportDocument, 'references' | 'figures' | 'sentences' | 'comments' | 'ignored' | 'problems'>;
}

/**
 * The derived models of recently seen chunks, up to this many characters of chunk text: the open
 * drafts' chunks (a keystroke re-reads one chunk) and the marked copies the markup detector checks.
 */
const CHUNK_CACHE_CHARS = 4 * 1024 * 1024;
const chunkCache = new ChunkCache<ChunkModel>(CHUNK_CACHE_CHARS);

function chunkModel(chunk: string, tree: Root): ChunkModel {
  const local = emptyDocument(chunk, '');
  const headings: HeadingInfo[] = [];
  try {
    for (const node of tree.children) {
      if (node.type === 'heading') {
        const off = offsets(node);
        if (off) headings.push({ depth: node.depth, start: off[0], end: off[1], title: plainText(node).replace(/\s+/g, ' ').trim() });
      }
      // The document's period is filled in when the chunks are put together.
      visitBlock(node, local, null);
    }
  } catch (e) {
    // Never expected (the property tests look for it); what was read so far is kept.
    failed(local, e, true);
  }
  const first = tree.children[0];
  return { frontMatterNode: first?.type === 'yaml' ? first : undefined, headings, part: local };
}

/** Adds a chunk's model, placed at `base` (a line start), to the document. */
function assemble(model: ChunkModel, base: number, doc: ReportDocument, docPeriod: string | null, headings: HeadingInfo[]): void {
  const { part } = model;
  const line = doc.lines.positionAt(base).line;
  const pos = (p: Position): Position => ({ line: p.line + line, character: p.character });
  const range = (r: Range): Range => ({ start: pos(r.start), end: pos(r.end) });
  const sentenceBase = doc.sentences.length;
  for (const h of model.headings) headings.push({ ...h, start: h.start + base, end: h.end + base });
  for (const s of part.sentences) {
    doc.sentences.push({ start: s.start + base, end: s.end + base, periods: s.periods.map((p) => ({ ...p, start: p.start + base, end: p.end + base })) });
  }
  const placed = new Map<PlacedFigure, PlacedFigure>();
  for (const f of part.figures) {
    const g: PlacedFigure = { ...f, sentence: f.sentence + sentenceBase, range: range(f.range), numeralRange: range(f.numeralRange) };
    if (f.periodSource === 'phrase' && f.periodRange) g.periodRange = range(f.periodRange);
    else {
      g.period = docPeriod;
      g.periodSource = docPeriod ? 'document' : null;
      delete g.periodRange;
    }
    placed.set(f, g);
    doc.figures.push(g);
  }
  for (const r of part.references) {
    const fromPhrase = r.periodSource === 'phrase';
    doc.references.push({
      ...r,
      range: range(r.range),
      nameRange: range(r.nameRange),
      figure: r.figure ? (placed.get(r.figure) ?? null) : null,
      ...(r.also ? { also: r.also.map((a) => ({ figure: placed.get(a.figure) ?? a.figure, period: a.period })) } : {}),
      period: fromPhrase ? r.period : docPeriod,
      periodSource: fromPhrase ? 'phrase' : docPeriod ? 'document' : null,
      periodRange: r.periodRange && range(r.periodRange),
      sentence: { start: r.sentence.start + base, end: r.sentence.end + base },
    });
  }
  for (const c of part.comments) doc.comments.push({ ...c, start: c.start + base, end: c.end + base });
  for (const [a, b] of part.ignored) doc.ignored.push([a + base, b + base]);
  for (const p of part.problems) doc.problems.push({ ...p, range: range(p.range) });
}

export function offsets(node: Nodes): [number, number] | null {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? null : [s, e];
}

// ---------------------------------------------------------------------------------------------
// Front matter

function readFrontMatter(tree: Root, doc: ReportDocument): void {
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
  // The YAML text is the source between the opening and the closing `---` lines.
  const contentStart = lineEndOffset(text, start) + lineBreakLength(text, lineEndOffset(text, start));
  const closingLineStart = lineStartOffset(text, end - 1);
  const yamlText = contentStart <= closingLineStart ? text.slice(contentStart, closingLineStart) : '';
  const fm: FrontMatter = { range: lines.range(start, end), data: {}, fieldRanges: {} };
  doc.frontMatter = fm;
  const problem = (vi: string, en: string, s: number, e: number): void => {
    doc.problems.push({ code: 'front-matter', message: { vi, en }, range: lines.range(s, e) });
  };
  const headerRange: [number, number] = [start, lineEndOffset(text, start)];

  // Too long or too deeply nested to be a front matter: parsing it could stall or crash (guard.ts).
  const tooDeep = yamlTooDeep(yamlText);
  if (yamlText.length > MAX_FRONT_MATTER_CHARS || tooDeep) {
    const why = tooDeep ?? { vi: `dài quá ${MAX_FRONT_MATTER_CHARS} ký tự`, en: `longer than ${MAX_FRONT_MATTER_CHARS} characters` };
    problem(`Front matter ${why.vi}: không đọc.`, `The front matter is ${why.en}: it is not read.`, ...headerRange);
    return;
  }
  const counter = new LineCounter();
  // A lone CR ends a line for CommonMark but not for the YAML reader: make it LF (same length).
  const ydoc = parseYaml(yamlText.replace(/\r(?!\n)/g, '\n'), { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  for (const err of ydoc.errors) {
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
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    const value = pair.value;
    const data = isScalar(value) ? value.value : value && typeof value === 'object' && 'toJSON' in value ? (value as { toJSON(): unknown }).toJSON() : value;
    fm.data[key] = data;
    const node = (value ?? pair.key) as { range?: [number, number, number] } | null;
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
  else if (!isPeriodCode(String(period)))
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

// ---------------------------------------------------------------------------------------------
// Sections

function buildSections(headings: HeadingInfo[], doc: ReportDocument): Section[] {
  const roots: Section[] = [];
  const stack: Section[] = [];
  const docEnd = doc.text.length;
  headings.forEach((h, i) => {
    const off = [h.start, h.end];
    // The section runs to the next heading of the same or a higher level.
    let end = docEnd;
    for (let j = i + 1; j < headings.length; j++) {
      if (headings[j].depth <= h.depth) {
        end = headings[j].start;
        break;
      }
    }
    end = trimTrailingSpace(doc.text, off[0], end);
    // The heading's text as a reader sees it (chunkModel): markup, HTML comments and images left out.
    const title = h.title;
    const section: Section = {
      title: title || '(không tiêu đề)',
      level: h.depth,
      headingRange: doc.lines.range(off[0], off[1]),
      range: doc.lines.range(off[0], end),
      children: [],
    };
    while (stack.length && stack[stack.length - 1].level >= h.depth) stack.pop();
    if (stack.length) stack[stack.length - 1].children.push(section);
    else roots.push(section);
    stack.push(section);
  });
  return roots;
}

function plainText(node: Nodes): string {
  if (node.type === 'text' || node.type === 'inlineCode') return node.value;
  if (node.type === 'html' || node.type === 'image' || node.type === 'imageReference') return '';
  return 'children' in node ? (node.children as Nodes[]).map(plainText).join('') : '';
}

function trimTrailingSpace(text: string, min: number, end: number): number {
  while (end > min && /\s/.test(text[end - 1])) end--;
  return end;
}

// ---------------------------------------------------------------------------------------------
// Blocks, sentences, references

function visitBlock(node: RootContent, doc: ReportDocument, docPeriod: string | null): void {
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      const block = maskBlock(node, doc.text, doc);
      if (block) checkSentences([block], doc, docPeriod, false);
      return;
    }
    case 'table':
      visitTable(node, doc, docPeriod);
      return;
    case 'code':
    case 'html':
    case 'yaml': {
      const off = offsets(node);
      if (off) doc.ignored.push(off);
      if (off && node.type === 'html') collectComments(doc, off[0], off[1]);
      return;
    }
    default:
      if ('children' in node && Array.isArray(node.children)) {
        for (const child of node.children as RootContent[]) visitBlock(child, doc, docPeriod);
      }
  }
}

function visitTable(table: Table, doc: ReportDocument, docPeriod: string | null): void {
  table.children.forEach((row, rowIndex) => {
    const cells: Block[] = [];
    for (const cell of row.children) {
      const block = maskBlock(cell, doc.text, doc);
      if (block) cells.push(block);
    }
    // The header row names columns; it binds nothing but its references are still checked.
    checkSentences(cells, doc, docPeriod, true, rowIndex === 0);
  });
}

/** Records the HTML comments in `[start, end)` (an html node may hold several, or other tags). */
function collectComments(doc: ReportDocument, start: number, end: number): void {
  const slice = doc.text.slice(start, end);
  let at = 0;
  for (;;) {
    const open = slice.indexOf('<!--', at);
    if (open < 0) return;
    const close = slice.indexOf('-->', open + 4);
    const stop = close < 0 ? slice.length : close + 3;
    doc.comments.push({ start: start + open, end: start + stop, text: slice.slice(open + 4, close < 0 ? slice.length : close) });
    at = stop;
  }
}

/**
 * Copies the source of a block, replacing everything that is not prose by spaces (offsets are
 * kept). `maskLinks` also hides link texts (the markup detector does not mark inside links).
 */
export function maskBlock(node: Nodes, text: string, doc?: ReportDocument, maskLinks = false): Block | null {
  const off = offsets(node);
  if (!off) return null;
  const [start, end] = off;
  work.steps += end - start;
  const chars = new Array<string>(end - start).fill(' ');
  const keep = (n: Nodes): void => {
    const o = offsets(n);
    if (!o) return;
    work.steps += o[1] - o[0];
    for (let i = o[0]; i < o[1]; i++) chars[i - start] = text[i];
  };
  const walk = (n: Nodes): void => {
    switch (n.type) {
      case 'text':
        keep(n);
        return;
      case 'linkReference': {
        // Kept whole ("[[x]]" with a definition "[x]: …" is "[" + a link reference + "]"), but
        // not what inside it is not prose: "[a `[[x]]`][ref]" has a code span (CommonMark ex. 530).
        keep(n);
        const o = offsets(n);
        const stack = [...(n.children as PhrasingContent[])];
        while (o && stack.length) {
          const c = stack.pop()!;
          const co = offsets(c);
          if (co && (c.type === 'inlineCode' || c.type === 'html' || c.type === 'image' || c.type === 'imageReference' || c.type === 'break')) {
            for (let i = co[0]; i < co[1]; i++) chars[i - start] = ' ';
            if (c.type === 'html' && doc) collectComments(doc, co[0], co[1]);
          } else if ('children' in c) stack.push(...(c.children as PhrasingContent[]));
        }
        return;
      }
      case 'html': {
        const o = offsets(n);
        if (o && doc) collectComments(doc, o[0], o[1]);
        return;
      }
      case 'link':
        if (maskLinks) return;
        for (const c of n.children as PhrasingContent[]) walk(c);
        return;
      case 'break': {
        // A hard line break ("  \n", "\\\n") reads as its line end, so that LF and CRLF files read alike.
        const o = offsets(n);
        if (o) for (let i = o[0]; i < o[1]; i++) if (text[i] === '\n' || text[i] === '\r') chars[i - start] = text[i];
        return;
      }
      case 'inlineCode':
      case 'image':
      case 'imageReference':
        return;
      default:
        if ('children' in n) for (const c of n.children as PhrasingContent[]) walk(c);
    }
  };
  if ('children' in node) for (const c of node.children as PhrasingContent[]) walk(c);
  // Line breaks inside a paragraph are spaces for the prose; keep them as spaces.
  return { start, masked: chars.join('') };
}

/** Splits a block into sentences: at `;`, and at . ! ? … followed by white space or the end. */
export function sentenceSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  work.steps += s.length;
  let begin = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const boundary = c === ';' || ((c === '.' || c === '!' || c === '?' || c === '…') && (i + 1 >= s.length || /\s/.test(s[i + 1])));
    if (boundary) {
      spans.push([begin, i + 1]);
      begin = i + 1;
    }
  }
  if (begin < s.length) spans.push([begin, s.length]);
  return spans;
}

/** A sentence of prose as the clause reader saw it (offsets local to `text`, which starts at `from` in its block). */
interface ProseReading {
  text: string;
  from: number;
  figures: Figure[];
  reading: SentenceReading;
  index: LevelIndex;
}

interface FoundRef {
  cell: number;
  start: number; // local to the cell's masked text
  end: number;
  inner: string;
}

/**
 * Finds references and figures in a list of blocks that form one unit: a paragraph (one block)
 * or a table row (one block per cell). In a paragraph each sentence is a unit; in a row the row is.
 */
function checkSentences(blocks: Block[], doc: ReportDocument, docPeriod: string | null, isRow: boolean, isHeaderRow = false): void {
  const units: Array<Array<{ cell: number; from: number; to: number }>> = [];
  if (isRow) units.push(blocks.map((b, i) => ({ cell: i, from: 0, to: b.masked.length })));
  else for (const [from, to] of sentenceSpans(blocks[0].masked)) units.push([{ cell: 0, from, to }]);

  for (const unit of units) {
    const refs: FoundRef[] = [];
    // Mask the references before reading figures: a name such as "nền tảng số trên 10 triệu
    // người dùng" holds digits that are not a figure.
    const texts = unit.map(({ cell, from, to }) => {
      const src = blocks[cell].masked.slice(from, to);
      return src.replace(REFERENCE, (m: string, inner: string, at: number) => {
        refs.push({ cell, start: from + at, end: from + at + m.length, inner });
        return ' '.repeat(m.length);
      });
    });
    const figuresPerPart: PlacedFigure[][] = [];
    // A sentence of prose: its clause reading (roles, periods per figure, binding).
    let prose = null as ProseReading | null;
    let governing: { code: string; start: number; end: number } | undefined;
    const periods: Array<{ code: string; start: number; end: number }> = [];
    const sentenceIndex = doc.sentences.length;
    const sentence = {
      start: blocks[unit[0].cell].start + unit[0].from,
      end: blocks[unit[unit.length - 1].cell].start + unit[unit.length - 1].to,
      periods: [] as Array<{ code: string; comparison: boolean; start: number; end: number }>,
    };
    doc.sentences.push(sentence);
    unit.forEach(({ cell, from }, k) => {
      const base = blocks[cell].start + from;
      const text = texts[k];
      if (isRow && isPeriodCode(text.trim())) {
        const lead = text.length - text.trimStart().length;
        const p = { code: text.trim(), start: base + lead, end: base + lead + text.trim().length };
        periods.push(p);
        sentence.periods.push({ ...p, comparison: false });
        figuresPerPart.push([]);
        return;
      }
      const phrases = safe(() => readPeriods(text), []);
      for (const p of phrases) {
        sentence.periods.push({ code: p.code, comparison: p.comparison, start: base + p.start, end: base + p.end });
        if (!p.comparison) periods.push({ code: p.code, start: base + p.start, end: base + p.end });
      }
      const figs = safe(() => readFigures(text), []);
      const reading = isRow ? null : safe(() => readSentence(text, figs, phrases), null);
      const placed = figs.map((f, i) => {
        const g = place(f, base, doc, sentenceIndex);
        const rd = reading?.figures[i];
        if (rd) {
          g.role = rd.role;
          if (rd.scope) g.scope = rd.scope;
          if (rd.against && g.change && !g.change.against) g.change = { ...g.change, against: rd.against };
        }
        // The figure's own period: its phrase (prose), the row's period phrase or code (tables).
        const own = reading ? (rd && rd.period >= 0 ? phrases[rd.period] : undefined) : undefined;
        if (own) {
          g.period = own.code;
          g.periodSource = 'phrase';
          g.periodRange = doc.lines.range(base + own.start, base + own.end);
        } else {
          g.period = null;
          g.periodSource = null;
        }
        return g;
      });
      if (reading) {
        prose = { text, from, figures: figs, reading, index: levelIndex(reading, figs) };
        const gp = reading.governing >= 0 ? phrases[reading.governing] : undefined;
        if (gp) governing = { code: gp.code, start: base + gp.start, end: base + gp.end };
      }
      figuresPerPart.push(placed);
      doc.figures.push(...placed);
    });
    // Table rows: every figure takes the row's period (its first period phrase or code).
    if (isRow && periods[0]) {
      const rp = periods[0];
      for (const part of figuresPerPart) for (const g of part) {
        g.period = rp.code;
        g.periodSource = 'phrase';
        g.periodRange = doc.lines.range(rp.start, rp.end);
      }
    }
    if (!refs.length) continue;
    const period = periods[0];
    const partStarts = figuresPerPart.map((fs) => fs.map((f) => doc.lines.offsetAt(f.range.start)));
    const partEnds = figuresPerPart.map((fs) => fs.map((f) => doc.lines.offsetAt(f.range.end)));
    // nextFigure[j]: the first figure of parts j, j+1, … (the cells after a reference's cell).
    const nextFigure: Array<PlacedFigure | null> = new Array(figuresPerPart.length + 1).fill(null);
    for (let j = figuresPerPart.length - 1; j >= 0; j--) nextFigure[j] = figuresPerPart[j][0] ?? nextFigure[j + 1];
    // The part of each cell (a row of thousands of cells and references must not cost cells × references).
    const partOfCell = new Map<number, number>();
    unit.forEach((u, k) => {
      if (!partOfCell.has(u.cell)) partOfCell.set(u.cell, k);
    });
    for (const r of refs) {
      work.steps++;
      const k = partOfCell.get(r.cell) ?? -1;
      const absStart = blocks[r.cell].start + r.start;
      const absEnd = blocks[r.cell].start + r.end;
      let figure: PlacedFigure | null = null;
      let also: Reference['also'];
      if (prose) {
        // Prose: the level figure of the reference's clause (clauses.ts).
        const idx = bindInSentence(prose.text, r.start - prose.from, r.end - prose.from, prose.figures, prose.reading, prose.index);
        figure = idx >= 0 ? figuresPerPart[k][idx] : null;
        // "từ A năm X lên B năm Y": A is the indicator's value for X.
        for (const j of idx >= 0 ? ownPeriodBases(idx, prose.figures, prose.reading) : []) {
          const g = figuresPerPart[k][j];
          if (g.period) (also ??= []).push({ figure: g, period: g.period });
        }
      } else if (!isHeaderRow) {
        // The first figure after the reference in its sentence (or in the cells after it)…
        // (binary searches over the part's figures, in order: a unit with thousands of figures and
        // references must not cost figures × references; see docs/reliability.md)
        const own = figuresPerPart[k];
        const starts = partStarts[k];
        const after = firstIndex(starts.length, (i) => starts[i] >= absEnd);
        figure = own[after] ?? nextFigure[k + 1] ?? null;
        // …or, failing that, a figure written right before it ("35/35 [[nền tảng số quốc gia]]"):
        // the last figure that ends before it, with only white space between.
        if (!figure) {
          const ends = partEnds[k];
          const last = firstIndex(ends.length, (i) => ends[i] > absStart) - 1;
          if (last >= 0 && onlySpaceBetween(doc.text, ends[last], absStart)) figure = own[last];
        }
      }
      const { name, compiler, nameStart, nameEnd } = splitReference(r.inner);
      const innerStart = absStart + 2;
      doc.references.push({
        written: r.inner,
        name,
        compiler,
        range: doc.lines.range(absStart, absEnd),
        nameRange: doc.lines.range(innerStart + nameStart, innerStart + nameEnd),
        figure,
        ...(also ? { also } : {}),
        ...referencePeriod(figure, prose ? governing : period, doc, docPeriod),
        sentence: { start: sentence.start, end: sentence.end },
        inTable: isRow,
      });
    }
  }
}

/**
 * A reference's period: its figure's own (prose: the phrase attached to or governing the figure;
 * tables: the row's), else the sentence's governing phrase, else the document's period.
 */
function referencePeriod(
  figure: PlacedFigure | null,
  phrase: { code: string; start: number; end: number } | undefined,
  doc: ReportDocument,
  docPeriod: string | null,
): Pick<Reference, 'period' | 'periodSource' | 'periodRange'> {
  if (figure?.periodSource === 'phrase' && figure.period) return { period: figure.period, periodSource: 'phrase', periodRange: figure.periodRange };
  if (!figure && phrase) return { period: phrase.code, periodSource: 'phrase', periodRange: doc.lines.range(phrase.start, phrase.end) };
  return { period: docPeriod, periodSource: docPeriod ? 'document' : null, periodRange: undefined };
}

/** True if text[from, to) is only white space (scanned backwards: stops at the first other char). */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) if (!/\s/.test(text[i])) return false;
  return true;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

function place(f: Figure, base: number, doc: ReportDocument, sentence: number): PlacedFigure {
  return {
    ...f,
    sentence,
    range: doc.lines.range(base + f.start, base + f.end),
    numeralRange: doc.lines.range(base + f.numeralStart, base + f.numeralEnd),
  };
}

/** "tỷ trọng kinh tế số trong GDP @ TCTK" → name, compiler, and the name's offsets in `inner`. */
export function splitReference(inner: string): { name: string; compiler?: string; nameStart: number; nameEnd: number } {
  const at = inner.lastIndexOf('@');
  const namePart = at >= 0 ? inner.slice(0, at) : inner;
  const lead = namePart.length - namePart.trimStart().length;
  const nameStart = lead;
  const nameEnd = lead + namePart.trim().length;
  const compiler = at >= 0 ? inner.slice(at + 1).trim() || undefined : undefined;
  return { name: namePart.trim().replace(/\s+/g, ' '), compiler, nameStart, nameEnd };
}
