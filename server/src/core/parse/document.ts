/**
 * The report parser: CommonMark (+ GFM tables, + YAML front matter) via markdown-it as mdast with exact
 * source offsets, YAML via `yaml`, figures via the figure reader. It never throws: whatever the
 * input, it returns a model plus problems.
 *
 * This module orchestrates: the text is read chunk by chunk (chunks.ts), each chunk's blocks walked
 * here, masked (mask.ts), cut into sentences (sentences.ts) and bound (binding.ts); the chunks are
 * then put together with the front matter (front-matter.ts) and the outline (sections.ts).
 */
import type { Nodes, Root, RootContent, Table } from 'mdast';
import { lastAtMost, LineIndex } from '../text';
import type { Position, Range } from '../types';
import { checkSentences } from './binding';
import { ChunkCache, mapChunks, mayDefineLinks, type Piece } from './chunks';
import { firstIndex } from './clauses';
import { readFrontMatter } from './front-matter';
import { MAX_REPORT_CHARS } from './guard';
import { unpinned } from '../caches';
import { collectComments, maskBlock, offsets } from './mask';
import type { PlacedFigure, Reference, ReportDocument, Sentence } from './model';
import { fillYear } from './periods';
import { buildSections, plainText, type HeadingInfo } from './sections';
import { tableSegments, type Segment, type SegmentModel } from './table-rows';

export { firstIndex };

/**
 * Parses a session report. `uri` is only carried along for the caller. `whole`: parse the text as
 * one piece, not chunk by chunk (the tests compare the two; the result is the same). `remember`:
 * false for a text parsed once (the history's reports): its chunks are not cached.
 *
 * `history`: read only what the history keeps of a report that is not open (history/snapshot.ts
 * historyDocument: the front matter, the references and the figures they bind): a chunk that
 * holds no `[[` is not parsed (chunks.ts holdsNoReference), and a paragraph, heading or table row
 * that holds none is not read for figures. The references, their figures and the front matter are
 * those of the full parse (test/unit/history-cheap.test.ts); the rest (sentences, unbound figures,
 * outline, comments, problems) is partial. Nothing is cached (`remember` is ignored).
 */
export function parseReport(text: string, uri: string, options: { whole?: boolean; remember?: boolean; history?: boolean } = {}): ReportDocument {
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
    pieces = options.history
      ? mapChunks(text, historyChunks, historyChunkModel, options.whole, false, BARE)
      : mapChunks(text, chunkCache, options.remember === false ? onceChunkModel : chunkModel, options.whole, options.remember ?? true);
  } catch (e) {
    // markdown-it is not known to throw, but a parser failure must never take the server down.
    failed(doc, e, false);
    return doc;
  }
  piecesOf.set(doc, pieces);

  try {
    frontMatterOf(pieces[0], doc);
    const docPeriod = doc.frontMatter?.period ?? null;
    const headings: HeadingInfo[] = [];
    const firstSentences: number[] = [];
    for (const { model, base } of pieces) {
      firstSentences.push(doc.sentences.length);
      for (const seg of model.segments) assemble(seg.model, base + seg.base, doc, docPeriod, headings);
    }
    sentencePieces.set(doc, firstSentences);
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

/**
 * The front matter as read from the first chunk's model (its YAML, its problems, its ignored span),
 * once per model: a keystroke below the front matter does not parse its YAML again. What
 * readFrontMatter reads of a front matter node is the text from the start to the node's end, all
 * inside the first chunk (its base is 0, and a chunk ends at a line start), so the chunk's text alone
 * gives the same positions; it is read from the chunk's own copy, so that nothing kept (the YAML's
 * strings) is a slice of a document's version. Nothing reads a front matter, a problem or an
 * ignored span to change it: versions share them.
 */
const frontMatters = new WeakMap<ChunkModel, Pick<ReportDocument, 'frontMatter' | 'problems' | 'ignored'>>();

function frontMatterOf(first: Piece<ChunkModel> | undefined, doc: ReportDocument): void {
  const node = first?.model.frontMatterNode;
  if (!first || !node || first.base !== 0) {
    readFrontMatter({ type: 'root', children: node ? [node] : [] }, doc);
    return;
  }
  let read = frontMatters.get(first.model);
  if (!read) {
    const local = emptyDocument(unpinned(first.chunk), '');
    readFrontMatter({ type: 'root', children: [node] }, local);
    read = { frontMatter: local.frontMatter, problems: local.problems, ignored: local.ignored };
    frontMatters.set(first.model, read);
  }
  doc.frontMatter = read.frontMatter;
  for (const p of read.problems) doc.problems.push(p);
  for (const span of read.ignored) doc.ignored.push(span);
}

/** Per document, the index of the first sentence of each of its pieces (weakly: they go with the document). */
const sentencePieces = new WeakMap<ReportDocument, number[]>();

/**
 * The chunk the sentence `index` of `doc` was read from, where it starts in the text, and its model
 * (the same object for the same chunk text while the chunk cache keeps it: a key for what a reader
 * derives from the chunk alone), if parseReport read `doc` chunk by chunk. The sentence lies inside
 * the chunk.
 */
export function sentencePiece(doc: ReportDocument, index: number): { chunk: string; base: number; model: object } | undefined {
  const firsts = sentencePieces.get(doc);
  const pieces = piecesOf.get(doc) as ReadonlyArray<Piece<ChunkModel>> | undefined;
  if (!firsts || !pieces || index < 0 || index >= doc.sentences.length) return undefined;
  return pieces[lastAtMost(firsts, index)];
}

/** The chunks each parsed document was read in (weakly: they go with the document). */
const piecesOf = new WeakMap<ReportDocument, ReadonlyArray<Piece<ChunkModel>>>();

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

// Chunks: what one chunk says, offsets and lines relative to the chunk (see chunks.ts)

/**
 * What the parser reads from one chunk: its segments in order, each a table row (table-rows.ts: a
 * model kept by the row's text) or a run of the other blocks (base 0: offsets and lines relative to
 * the chunk), with the references, figures, sentences, comments, ignored spans and problems read
 * with no document period.
 */
interface ChunkModel {
  /** The YAML front matter node, if the chunk opens with one (only the first chunk can). */
  frontMatterNode?: RootContent;
  segments: Segment[];
}

/**
 * The derived models of recently seen chunks, up to this many characters of chunk text: the open
 * drafts' chunks (a keystroke re-reads one chunk) and the marked copies the markup detector checks.
 */
const CHUNK_CACHE_CHARS = 4 * 1024 * 1024;
const chunkCache = new ChunkCache<ChunkModel>(CHUNK_CACHE_CHARS);

/** Never filled (history models are not remembered): mapChunks takes a cache. */
const historyChunks = new ChunkCache<ChunkModel>(0);
/** The model of a chunk that holds no reference (history only): nothing the history keeps. */
const BARE: ChunkModel = Object.freeze({ segments: [] });
const historyChunkModel = (chunk: string, tree: Root): ChunkModel => chunkModel(chunk, tree, true);
/** A text read once (`remember` false): its tables' rows read anew, not from (nor into) the row cache. */
const onceChunkModel = (chunk: string, tree: Root): ChunkModel => chunkModel(chunk, tree, false, false);

/**
 * The blocks of a chunk read in order into segments: a run of blocks other than tables, then each
 * row of a table (table-rows.ts), and so on. `history`: blocks that hold no `[[` are not read (see
 * parseReport). `rows`: a table's rows from the row cache (not for a text that may define a link).
 */
function chunkModel(chunk: string, tree: Root, history = false, rows = true): ChunkModel {
  const segments: Segment[] = [];
  let run: { local: ReportDocument; headings: HeadingInfo[] } | null = null;
  const open = (): { local: ReportDocument; headings: HeadingInfo[] } => {
    if (!run) {
      run = { local: emptyDocument(chunk, ''), headings: [] };
      segments.push({ base: 0, model: { headings: run.headings, part: run.local } });
    }
    return run;
  };
  const sink: Sink = {
    text: chunk,
    local: () => open().local,
    table: (table) => {
      run = null;
      tableSegments(table, chunk, history, rows && !mayDefineLinks(chunk), segments);
    },
  };
  try {
    for (const node of tree.children) {
      if (node.type === 'heading') {
        const off = offsets(node);
        if (off) open().headings.push({ depth: node.depth, start: off[0], end: off[1], title: plainText(node).replace(/\s+/g, ' ').trim() });
      }
      // The document's period is filled in when the chunks are put together.
      visitBlock(node, sink, history);
    }
  } catch (e) {
    // Never expected (the property tests look for it); what was read so far is kept (the problem last).
    run = null;
    failed(open().local, e, true);
  }
  const first = tree.children[0];
  return { frontMatterNode: first?.type === 'yaml' ? first : undefined, segments };
}

/** Where visitBlock puts what it reads: the current run of blocks, or a table's rows. */
interface Sink {
  text: string;
  local: () => ReportDocument;
  table: (table: Table) => void;
}

/**
 * The last placement of each chunk model (assemble), so that a keystroke re-places only what moved:
 * the chunks before the edit keep their offsets and lines, those after it (a character typed on one
 * line) their lines. Placed objects are never changed once made (nothing writes to a document's
 * figures or references after parseReport), so two versions of a document may share them. Two
 * placements per model: the same chunk text may stand at two places (a paragraph written twice);
 * more would keep older versions' objects alive (a new line typed moves every later chunk: each
 * gets a new placement, the one before it is garbage but for this list). Weak: the placements go
 * with their model (chunks.ts ChunkCache bounds those).
 */
interface Placement {
  base: number;
  line: number;
  sentenceBase: number;
  docPeriod: string | null;
  figures: PlacedFigure[];
  placed: Map<PlacedFigure, PlacedFigure>;
  references: Reference[];
  sentences: Sentence[];
}
const placements = new WeakMap<SegmentModel, Placement[]>();
const PLACEMENTS_PER_MODEL = 2;

/** Adds a chunk's model, placed at `base` (a line start), to the document. */
function assemble(model: SegmentModel, base: number, doc: ReportDocument, docPeriod: string | null, headings: HeadingInfo[]): void {
  const { part } = model;
  const line = doc.lines.positionAt(base).line;
  const pos = (p: Position): Position => ({ line: p.line + line, character: p.character });
  const range = (r: Range): Range => ({ start: pos(r.start), end: pos(r.end) });
  const sentenceBase = doc.sentences.length;
  for (const h of model.headings) headings.push({ ...h, start: h.start + base, end: h.end + base });
  // A yearless phrase ("Sang tháng 2") takes the year of the document's period; with none it is no period.
  const year = docPeriod && /^\d{4}/.test(docPeriod) ? Number(docPeriod.slice(0, 4)) : null;
  const dated = (code: string | null | undefined): string | null => (code == null ? null : !code.startsWith('XXXX') ? code : year !== null ? fillYear(code, year) : null);
  const list = placements.get(model) ?? [];
  // Same place: the figures placed then are the ones placed now, and so are the references at the same offset.
  const same = list.find((p) => p.line === line && p.sentenceBase === sentenceBase && p.docPeriod === docPeriod);
  // Same line: every range placed then is the one placed now (a Range depends on the line only).
  const lines = same ?? list.find((p) => p.line === line);
  const offsets = list.find((p) => p.base === base && p.docPeriod === docPeriod);
  let sentences: Sentence[];
  if (offsets) sentences = offsets.sentences;
  else {
    sentences = part.sentences.map((s) => {
      // No period phrase (most sentences): the model's own empty list, never added to once the model is made.
      const periods = !s.periods.length ? s.periods : s.periods.flatMap((p) => {
        const code = dated(p.code);
        return code ? [{ ...p, code, start: p.start + base, end: p.end + base }] : [];
      });
      return { start: s.start + base, end: s.end + base, periods };
    });
  }
  for (const s of sentences) doc.sentences.push(s);
  let figures: PlacedFigure[];
  let placed: Map<PlacedFigure, PlacedFigure>;
  if (same) ({ figures, placed } = same);
  else {
    figures = [];
    placed = new Map();
    part.figures.forEach((f, i) => {
      const old = lines?.figures[i];
      // As `{ ...f, sentence, range, numeralRange }` (same keys, same order), without V8's slow path
      // for fields set on a spread copy (binding.ts place).
      const g: PlacedFigure = Object.assign({}, f);
      g.sentence = f.sentence + sentenceBase;
      g.range = old?.range ?? range(f.range);
      g.numeralRange = old?.numeralRange ?? range(f.numeralRange);
      const own = f.periodSource === 'phrase' ? dated(f.period) : null;
      if (own && f.periodRange) {
        g.period = own;
        g.periodRange = old?.periodRange ?? range(f.periodRange);
      }
      else {
        g.period = docPeriod;
        g.periodSource = docPeriod ? 'document' : null;
        delete g.periodRange;
      }
      placed.set(f, g);
      figures.push(g);
    });
  }
  for (const g of figures) doc.figures.push(g);
  let references: Reference[];
  if (same && same.base === base) references = same.references;
  else {
    references = part.references.map((r, i) => {
      const old = lines?.references[i];
      const own = r.periodSource === 'phrase' ? dated(r.period) : null;
      const also = r.also?.flatMap((a) => {
        // Its own phrase's period, else (a rank beside a score, another unit of a list) the one its
        // figure is placed with: the document's.
        const figure = placed.get(a.figure) ?? a.figure;
        const period = a.period ? dated(a.period) : figure.period;
        return period ? [{ figure, period }] : [];
      });
      // (the chunk's own `also` never leaks: a further figure dropped here is dropped)
      const { also: _chunkAlso, ...fields } = r;
      return {
        ...fields,
        range: old?.range ?? range(r.range),
        nameRange: old?.nameRange ?? range(r.nameRange),
        figure: r.figure ? (placed.get(r.figure) ?? null) : null,
        ...(also?.length ? { also } : {}),
        period: own ?? docPeriod,
        periodSource: own ? 'phrase' : docPeriod ? 'document' : null,
        periodRange: own && r.periodRange ? (old?.periodRange ?? range(r.periodRange)) : undefined,
        sentence: { start: r.sentence.start + base, end: r.sentence.end + base },
      };
    });
  }
  for (const r of references) doc.references.push(r);
  const placement = { base, line, sentenceBase, docPeriod, figures, placed, references, sentences };
  const kept = list.filter((p) => p.base !== base || p.line !== line || p.sentenceBase !== sentenceBase || p.docPeriod !== docPeriod);
  placements.set(model, [placement, ...kept.slice(0, PLACEMENTS_PER_MODEL - 1)]);
  for (const c of part.comments) doc.comments.push({ ...c, start: c.start + base, end: c.end + base });
  for (const [a, b] of part.ignored) doc.ignored.push([a + base, b + base]);
  for (const p of part.problems) doc.problems.push({ ...p, range: range(p.range) });
}


// Blocks

/** True if the node's source holds no `[[`: no reference can be read from it (binding.ts REFERENCE). */
function holdsNoReference(node: Nodes, text: string): boolean {
  const off = offsets(node);
  return off !== null && text.slice(off[0], off[1]).indexOf('[[') < 0;
}

function visitBlock(node: RootContent, sink: Sink, history: boolean): void {
  switch (node.type) {
    case 'paragraph':
    case 'heading': {
      if (history && holdsNoReference(node, sink.text)) return;
      const doc = sink.local();
      const block = maskBlock(node, doc.text, doc);
      if (block) checkSentences([block], doc, false, false, history);
      return;
    }
    case 'table':
      sink.table(node);
      return;
    case 'code':
    case 'html':
    case 'yaml': {
      const doc = sink.local();
      const off = offsets(node);
      if (off) doc.ignored.push(off);
      if (off && node.type === 'html') collectComments(doc, off[0], off[1]);
      return;
    }
    default:
      if ('children' in node && Array.isArray(node.children)) {
        for (const child of node.children as RootContent[]) visitBlock(child, sink, history);
      }
  }
}
