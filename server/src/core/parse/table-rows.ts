/**
 * A GFM table read row by row (issue #15, the figure keystroke's tail): a table has no blank line,
 * so it is one parse chunk (chunks.ts), and a digit typed into one cell made the whole table read
 * again (its 582 rows in the bench's draft). Here each row's reading (its cells masked, its
 * references, figures and period: binding.ts checkSentences) is a model of its own, with offsets
 * and lines relative to the start of the row's line, kept under the row's line and its table's
 * header line: an edit in one cell reads one row again, the other rows' models are the same
 * objects (so their placed figures are too: document.ts assemble), and a row written alike in many
 * reports (the history) is read once.
 *
 * Why a row's reading depends on these two lines only: the Markdown parse of the chunk is made
 * before (markdown-it); a row is one line, and its cells are what that line holds, split on its
 * pipes, as many as the header has (the delimiter row has as many or there is no table); the
 * column where the row starts is in the key too (a table in a list item or a block quote). A text
 * that may define a link (`[x]: /u`) is not read by row: a cell's `[x]` could be a link there
 * (chunks.ts mayDefineLinks; such a text is one chunk anyway). Reading a row uses nothing of the
 * rows before it (binding.ts: no carry nor ranking across rows).
 * The test: test/unit/table-rows.test.ts (a table edited cell by cell, read incrementally, equals
 * the reading with no cache; escaped pipes, code spans with pipes, ragged rows).
 */
import { hasMeasureCell } from './table-measures';
import { changeOrTarget } from './table-labels';
import type { Table, TableRow } from 'mdast';
import { registerChunkCache, unpinned } from '../caches';
import { ChunkCache } from './chunks';
import { LineIndex } from '../text';
import type { Position } from '../types';
import { checkSentences } from './binding';
import { maskBlock, offsets, type Block } from './mask';
import type { ReportDocument } from './model';
import type { HeadingInfo } from './sections';
import { holdShapes } from '../held-shapes';

/** What one row (or a run of other blocks) gives, offsets and lines relative to where it is placed. */
export interface SegmentModel {
  headings: HeadingInfo[];
  part: Pick<ReportDocument, 'references' | 'figures' | 'sentences' | 'comments' | 'ignored' | 'problems'>;
  /** A table row's shape (table-header.ts): header row or not, each cell's [start, end) relative to the line. */
  row?: RowShape;
}

/**
 * Whether a row is its table's header, and where its cells are, relative to its line's start: cell
 * c is [cells[2c], cells[2c + 1]) ([-1, -1]: no position). One flat array of small integers (kept
 * per row model: a pair array per cell cost the 1 MB draft's 5 900 rows 1.8 MB of live heap).
 */
export interface RowShape {
  header: boolean;
  cells: readonly number[];
}

/** A segment of a chunk: where it starts in the chunk (a line start) and its model. */
export interface Segment {
  base: number;
  model: SegmentModel;
}

const NO_HEADINGS: HeadingInfo[] = Object.freeze([]) as unknown as HeadingInfo[];

/**
 * Drops the rows of a chunk that is forgotten (a closed document's: caches.ts forgetChunks): every
 * entry whose row line (the key's last field) is a line of the chunk, but the lines `kept` has.
 */
export function forgetRows(cache: ChunkCache<unknown>, chunk: string, kept?: ReadonlySet<string>): void {
  if (!cache.size || chunk.indexOf('|') < 0) return;
  const lines = new Set(chunk.split(/\r\n|\r|\n/).filter((l) => l.indexOf('|') >= 0 && !kept?.has(l)));
  cache.deleteWhere((key) => lines.has(key.slice(key.lastIndexOf('\0') + 1)));
}

/**
 * Characters of row keys kept (a key is a row's line and its header's): the open drafts' tables
 * (the bench's 100 KB draft: 60 000 characters of rows) and, in the history's own cache, the rows
 * that recur from one session's report to the next.
 */
const ROW_CACHE_CHARS = 1024 * 1024;
const HISTORY_ROW_CACHE_CHARS = 256 * 1024;
/** Row models by key (a ChunkCache: least recently used first, bounded in characters of key). */
const rowCache = new ChunkCache<SegmentModel>(ROW_CACHE_CHARS);
registerChunkCache((chunk, kept) => forgetRows(rowCache, chunk, kept));
/** The history's: the first index reads report after report (a session's table restates the last ones' rows). */
const historyRowCache = new ChunkCache<SegmentModel>(HISTORY_ROW_CACHE_CHARS);

/** Where the line holding `at` starts and ends (without its line break). */
function lineAround(text: string, at: number): [number, number] {
  let s = at;
  while (s > 0 && text.charCodeAt(s - 1) !== 10 && text.charCodeAt(s - 1) !== 13) s--;
  let e = at;
  while (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
  return [s, e];
}

/**
 * The row keys of the trees read last (forEachRow `shared`), by row node, each an own copy
 * (caches.ts unpinned): the parser makes a chunk's row keys, and the next reader of the same tree
 * (the markup detector reads the parser's recent trees: chunks.ts RecentTrees) takes them instead
 * of building each key again; both row caches then hold the same string. Weak: they go with the tree.
 */
const rowKeys = new WeakMap<TableRow, string>();

/**
 * The history's row keys name their header by a number of its own, not by its text: a key is then
 * about half as long (a table's header line is about as long as a row's), and every row's key is
 * hashed as a whole when the cache is asked (V8 flattens the concatenation first). A number is given
 * to one header text only, never again (`nextHeader` only grows; past HEADER_IDS texts the map starts
 * again and a header seen before gets a new number: its rows are read again), so two keys are equal
 * only where the header texts are.
 */
const headerIds = new Map<string, string>();
const HEADER_IDS = 4096;
let nextHeader = 0;
function headerId(header: string): string {
  let id = headerIds.get(header);
  if (id === undefined) {
    if (headerIds.size >= HEADER_IDS) headerIds.clear();
    headerIds.set(unpinned(header), (id = `#${nextHeader++}`));
  }
  return id;
}

/**
 * Each row of a table in order: where its line starts and ends in the chunk, and the key its
 * reading is kept under (null when not keyed: `cached` false, or a node that runs past its line,
 * never seen). A row with no position (never seen: markdown-it places every row) is given the whole
 * chunk as its line. `skip`: rows not to read at all (the history's rows with no `[[`). `shared`:
 * the keys are own copies, kept by row node for the tree's next reader (rowKeys); else a key is a
 * concatenation of slices of `chunk` (`own` false: copied if kept).
 */
export function forEachRow(
  table: Table,
  chunk: string,
  cached: boolean,
  visit: (row: TableRow, rowIndex: number, ls: number, le: number, key: string | null, own: boolean) => void,
  skip?: (row: string) => boolean,
  shared = false,
): void {
  const header = table.children[0];
  const ho = header && offsets(header);
  const [hs, he] = ho ? lineAround(chunk, ho[0]) : [0, 0];
  let headerKey: string | null = null;
  table.children.forEach((row, rowIndex) => {
    const off = offsets(row);
    if (!off) return visit(row, rowIndex, 0, chunk.length, null, false);
    if (skip?.(chunk.slice(off[0], off[1]))) return;
    const [ls, le] = lineAround(chunk, off[0]);
    if (!cached || off[1] > le) return visit(row, rowIndex, ls, le, null, false);
    let key = shared ? rowKeys.get(row) : undefined;
    if (key === undefined) {
      // (not shared, the history's: the header by its number, headerId)
      headerKey ??= ho ? (shared ? `${ho[0] - hs}\0${chunk.slice(hs, he)}` : headerId(`${ho[0] - hs}\0${chunk.slice(hs, he)}`)) : '';
      key = `${rowIndex === 0 ? 'h' : 'r'}${off[0] - ls}\0${headerKey}\0${chunk.slice(ls, le)}`;
      if (shared) rowKeys.set(row, (key = unpinned(key)));
    }
    visit(row, rowIndex, ls, le, key, shared);
  });
}

/**
 * What `read` gives for each row of a table (in order, `visit`ed one by one: a row that throws
 * leaves the rows before it visited), from `cache` when its key was read before; `read` gets the
 * row's line, where it is in the chunk, and gives a model relative to the line's start. `shared`:
 * the keys kept for (or taken from) the tree's other reader (forEachRow).
 */
export function rowModels<M>(
  table: Table,
  chunk: string,
  cache: ChunkCache<M> | null,
  read: (row: TableRow, rowIndex: number, ls: number, le: number) => M,
  visit: (model: M, ls: number) => void,
  skip?: (row: string) => boolean,
  shared = false,
): void {
  forEachRow(table, chunk, cache !== null, (row, rowIndex, ls, le, key, own) => {
    let model = key !== null ? cache!.get(key)?.model : undefined;
    if (model === undefined) {
      model = read(row, rowIndex, ls, le);
      if (key !== null) cache!.set(own ? key : unpinned(key), { model, open: false });
    }
    visit(model, ls);
  }, skip, shared);
}

/**
 * The models of a table's rows, in order, each placed at its line's start in the chunk, pushed to
 * `out`. `cached`: from (and into) the row cache; false reads every row anew (a text read once, or
 * one that may define a link). `history`: parseReport's history path (a row with no `[[` is not read).
 */
export function tableSegments(table: Table, chunk: string, history: boolean, cached: boolean, out: Segment[]): void {
  // A header that names an index binds the body rows' figures, one that names periods gives a row's
  // figures their periods (table-header.ts): the history reads those rows whole.
  const header = history ? headerText(table, chunk) : '';
  const named = header.indexOf('[[') >= 0;
  // (or one of measure cells, "| Trụ cột | Điểm | Xếp hạng |": its rows' references take the caption's period, table-measures.ts)
  // (or one with a change's or a target's column: its rows' references bind a later value cell's figure, table-header.ts bindRow)
  const whole = named || /\d/.test(header) || hasMeasureCell(header) || changeOrTarget(header);
  rowModels(
    table,
    chunk,
    cached ? (history ? historyRowCache : rowCache) : null,
    (row, rowIndex, ls, le) => readRow(row, rowIndex === 0, chunk, ls, le, history && !whole),
    (model, ls) => out.push({ base: ls, model }),
    history && !named ? (row) => row.indexOf('[[') < 0 && !(whole && row === header) : undefined,
    // (the open documents' keys, for the detector's reading of the same tree; not the history's)
    cached && !history,
  );
}

/** The source of a table's header row ('' with no position). */
function headerText(table: Table, chunk: string): string {
  const o = table.children[0] && offsets(table.children[0]);
  return o ? chunk.slice(o[0], o[1]) : '';
}

/** True if `text` is one line (a row's line, its break excluded; not a whole chunk given to a row with no position). */
const oneLine = (text: string): boolean => text.indexOf('\n') < 0 && text.indexOf('\r') < 0;

/**
 * Positions on line 0, by character, shared by every row model (ROW_POSITIONS_MAX at most): a row's
 * ranges are relative to its line, so all of them are on line 0, and a row model's ranges are read
 * only to be placed (assemble.ts) and for their characters (table-header.ts). A position is never
 * changed once made (nothing in the core writes to one), so models may share them; a figure's
 * numeral then starts at the very position its figure does (assemble.ts shares it when placed too).
 */
const rowPositions: Position[] = [];
const ROW_POSITIONS_MAX = 4096;

/** A one-line row's line index: its positions the shared ones of line 0 (rowPositions). */
class RowLines extends LineIndex {
  private readonly length: number;
  constructor(text: string) {
    super(text);
    this.length = text.length;
  }
  override positionAt(offset: number): Position {
    const character = Math.max(0, Math.min(offset, this.length));
    if (character >= ROW_POSITIONS_MAX) return { line: 0, character };
    // (grown in order: a packed array)
    while (rowPositions.length <= character) rowPositions.push({ line: 0, character: rowPositions.length });
    return rowPositions[character];
  }
}

/**
 * A kept model's lists cut to their length, before the model is handed out: grown by push, an array
 * keeps room for 17 elements (about 120 B more each; the 1 MB draft's rows and sentences had about
 * 30 000 such lists).
 */
export function fitPart(part: SegmentModel['part']): void {
  const fit = <T>(a: T[]): T[] => (a.length ? a.slice() : a);
  for (const s of part.sentences) s.periods = fit(s.periods);
  part.sentences = fit(part.sentences);
  part.references = fit(part.references);
  part.figures = fit(part.figures);
}

/** One row read alone: its line `chunk[ls, le)` is the text its offsets and lines are relative to. */
function readRow(row: TableRow, isHeaderRow: boolean, chunk: string, ls: number, le: number, history: boolean): SegmentModel {
  // The cells masked in the chunk (where the parse put them), then moved to the row's line.
  const scratch = { text: chunk, comments: [] as ReportDocument['comments'] } as ReportDocument;
  const cells: Block[] = [];
  for (const cell of row.children) {
    const block = maskBlock(cell, chunk, scratch);
    if (block) cells.push({ start: block.start - ls, masked: block.masked });
  }
  const text = le - ls > 0 ? unpinned(chunk.slice(ls, le)) : '';
  const doc: ReportDocument = { uri: '', text, lines: oneLine(text) ? new RowLines(text) : new LineIndex(text), frontMatter: null, sections: [], references: [], figures: [], sentences: [], comments: [], problems: [], ignored: [] };
  for (const c of scratch.comments) doc.comments.push({ start: c.start - ls, end: c.end - ls, text: unpinned(c.text) });
  // The header row names columns; it binds nothing but its references are still checked.
  checkSentences(cells, doc, true, isHeaderRow, history);
  const { references, figures, sentences, comments, ignored, problems } = doc;
  // (sized once: an array grown by push keeps spare room)
  const shape = new Array<number>(2 * row.children.length);
  row.children.forEach((cell, c) => {
    const o = offsets(cell);
    shape[2 * c] = o ? o[0] - ls : -1;
    shape[2 * c + 1] = o ? o[1] - ls : -1;
  });
  const part = { references, figures, sentences, comments, ignored, problems };
  if (!history) fitPart(part);
  return { headings: NO_HEADINGS, part, row: { header: isHeaderRow, cells: shape } };
}

// Its objects' maps kept through the full collections between reports (held-shapes.ts).
holdShapes(RowLines);
