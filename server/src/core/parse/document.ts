/**
 * The report parser: CommonMark (+ GFM tables, + YAML front matter) via markdown-it as mdast with exact
 * source offsets, YAML via `yaml`, figures via the figure reader. It never throws: whatever the
 * input, it returns a model plus problems.
 *
 * This module orchestrates: the text is read chunk by chunk (chunks.ts), each chunk's blocks walked
 * here (a table's rows one by one: table-rows.ts), masked (mask.ts), cut into sentences
 * (sentences.ts) and bound (binding.ts); the chunks' segments are then put together (assemble.ts)
 * with the front matter (front-matter.ts) and the outline (sections.ts).
 */
import { carryBelowHeadings, mayCarryBelowHeadings } from './heading-anchors';
import { lendListLeads, mayLendToLists } from './list-lead';
import { mayCarryOnward } from './paragraph-carry';
import type { Nodes, Root, RootContent, Table } from 'mdast';
import { lastAtMost, LineIndex } from '../text';
import { checkSentences } from './binding';
import { ChunkCache, mapChunks, mayDefineLinks, type Piece } from './chunks';
import { firstIndex } from './clauses';
import { readFrontMatter } from './front-matter';
import { MAX_REPORT_CHARS } from './guard';
import { unpinned } from '../caches';
import { collectComments, maskBlock, offsets } from './mask';
import type { ReportDocument } from './model';
import { buildSections, plainText, type HeadingInfo } from './sections';
import { fitPart, tableSegments, type Segment } from './table-rows';
import { placeChunk, trimPlacements } from './assemble';
import { bindTableHeaders } from './table-header';
import { chunkMayBind } from './table-shape';

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
  if (tooLarge(doc)) return doc;
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
  putTogether(doc, pieces, !options.history);
  return doc;
}

/** A text over MAX_REPORT_CHARS: one problem on `doc` saying so (true), else false. */
function tooLarge(doc: ReportDocument): boolean {
  const { text } = doc;
  if (text.length <= MAX_REPORT_CHARS) return false;
  // Checking it would stall the server for a minute or more (guard.ts): say so instead.
  const size = `${text.length.toLocaleString('en')}`;
  doc.problems.push({
    code: 'front-matter',
    message: {
      vi: `Báo cáo quá lớn để kiểm tra (${size} ký tự; giới hạn ${MAX_REPORT_CHARS.toLocaleString('en')}): không kiểm tra.`,
      en: `The report is too large to check (${size} characters; the limit is ${MAX_REPORT_CHARS.toLocaleString('en')}): it is not checked.`,
    },
    range: doc.lines.range(0, 0),
  });
  return true;
}

/** The chunks' models put together into `doc` (`keep`: their placements kept for the next version: not for the history). */
function putTogether(doc: ReportDocument, pieces: Array<Piece<ChunkModel>>, keep: boolean): void {
  piecesOf.set(doc, pieces);
  try {
    frontMatterOf(pieces[0], doc);
    const docPeriod = doc.frontMatter?.period ?? null;
    const headings: HeadingInfo[] = [];
    const firstSentences: number[] = [];
    // How many times each model is placed in this version (not kept for a report read for the history).
    const uses = keep ? new Map<object, number>() : null;
    for (const { model, base } of pieces) {
      firstSentences.push(doc.sentences.length);
      placeChunk(model, model.segments, base, doc, docPeriod, headings, uses);
    }
    if (uses) trimPlacements(uses);
    bindTableHeaders(doc, pieces); // what tables' headers, first columns and captions say (table-header.ts)
    lendListLeads(doc); // a list's lead lends its period to the items' figures (list-lead.ts)
    carryBelowHeadings(doc, !keep); // the figures a heading's, or a paragraph's, one reference carries over its section or the next paragraphs (heading-anchors.ts)
    sentencePieces.set(doc, firstSentences);
    doc.sections = buildSections(headings, doc);
  } catch (e) {
    // Never expected (the property tests look for it); what was read so far is kept.
    failed(doc, e, true);
  }
}

/**
 * The history's reading of `text` (parseReport `history`) with its chunks not put together, for a
 * reader of the saved form alone (history/saved-reading.ts): `placed` false, the document with
 * only its front matter read and each chunk's segments with where it starts (a segment's offsets
 * and lines relative to `base` plus its own, as assemble.ts places them); `placed` true, the
 * document parseReport `history` gives (the text over the size limit, a parser failure, or a
 * table header that may bind its rows, or a heading's or a paragraph's reference that may carry: table-header.ts and
 * heading-anchors.ts work on the document put together).
 */
export function historySegments(text: string, uri: string): { doc: ReportDocument; placed: true } | { doc: ReportDocument; placed: false; pieces: ReadonlyArray<{ base: number; model: { segments: readonly Segment[] } }> } {
  const doc = emptyDocument(text, uri);
  if (tooLarge(doc)) return { doc, placed: true };
  let pieces: Array<Piece<ChunkModel>>;
  try {
    pieces = mapChunks(text, historyChunks, historyChunkModel, false, false, BARE);
  } catch (e) {
    failed(doc, e, false);
    return { doc, placed: true };
  }
  if (pieces.some((piece) => chunkMayBind(doc, piece)) || mayCarryBelowHeadings(text) || mayCarryOnward(text) || mayLendToLists(text)) {
    putTogether(doc, pieces, false);
    return { doc, placed: true };
  }
  frontMatterOf(pieces[0], doc);
  return { doc, placed: false, pieces };
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
  if (!history) for (const s of segments) if (!s.model.row) fitPart(s.model.part);
  const first = tree.children[0];
  return { frontMatterNode: first?.type === 'yaml' ? first : undefined, segments };
}

/** Where visitBlock puts what it reads: the current run of blocks, or a table's rows. */
interface Sink {
  text: string;
  local: () => ReportDocument;
  table: (table: Table) => void;
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
