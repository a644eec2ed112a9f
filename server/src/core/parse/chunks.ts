/**
 * Incremental parsing: a report is cut into chunks at places where CommonMark's block structure
 * starts afresh, each chunk is parsed alone, and what was derived from a chunk is cached under the
 * chunk's text. A keystroke changes one chunk: only that chunk is parsed again.
 *
 * A chunk starts at a line that begins at column 0 with a character other than white space,
 * right after a blank line. There, every container (list, block quote) and every block that a
 * blank line ends (paragraph, table, indented code, HTML of kinds 6 and 7) is closed, and a setext
 * underline or a table delimiter row cannot reach back over the blank line. Two things can still
 * run on, and both are checked on the parse itself, not guessed from the text:
 * - a fenced code block or an HTML block of kinds 1–5 (`<!--`, `<pre`, …) left open: its node then
 *   reaches into the chunk's trailing blank line, and the chunk is merged with the next one;
 * - link reference definitions (`[x]: url`) are document-wide: a text that may hold one is not cut.
 * A YAML front matter is never cut (the first chunk runs to its closing `---`; an unclosed one is
 * none, and the text is cut as any other), and no other chunk starts with `---` (alone, it could
 * read as a front matter).
 * A long run of lines with no blank line (a flat list of thousands of items) would be one chunk,
 * and the parser's memory grows with the piece it parses (micromark's, before markdown-it: 80 000
 * items, 2 GB; markdown-it's tokens and the tree, some 30 times the text): past a few kilobytes,
 * a chunk may also start at a bullet item at column 0 (isItemLine), where the item before ends;
 * the chunk before is merged back unless its parse ends in a list reaching its last line.
 * The property tests (test/unit/property.test.ts, commonmark-spec.test.ts, chunk-items.test.ts)
 * check, on random texts, on the CommonMark spec's examples and on long lists, that the chunked
 * parse gives exactly the model of the parse as one piece. (Not past the limits of guard.ts, which
 * counts per chunk: adversarial input only.)
 */
import type { Root } from 'mdast';
import { frontMatterAt, parseMarkdown } from './guard';
import { registerCache, registerChunkCache, unpinned } from '../caches';
import { work } from '../work';

/**
 * True if the text may hold a link reference definition `[label]:`. A label cannot hold an
 * unescaped bracket, so the dialect's "[[name]]: …" is none: only a `]:` whose `]` follows
 * something else than `]`, or an escaped `\]`, may close one.
 */
export function mayDefineLinks(text: string): boolean {
  for (let i = text.indexOf(']:'); i >= 0; i = text.indexOf(']:', i + 2)) {
    if (text[i - 1] !== ']' || text[i - 2] === '\\') return true;
  }
  return false;
}

const EMPTY_ITEM = /^(?:[-+*]|\d{1,9}[.)])[ \t]*$/;

/**
 * Characters a chunk runs at least before it may be cut at an item line (see chunkStarts): small
 * enough to bound the parser's memory, large enough that a list is not parsed item by item.
 */
const MIN_ITEM_CHUNK = 4096;

/**
 * A bullet list item at column 0 with text after its marker ("- a", "* [[x]] 5%"): it always starts
 * an item (it interrupts a paragraph, and the item before it, not indented, ends there), unless a
 * block that is not a list runs on into it (checked on the parse, itemCutOpen). Not a thematic
 * break or a nested marker ("- - -", "* *"), not an empty item.
 */
function isItemLine(text: string, i: number, end: number): boolean {
  const c = text.charCodeAt(i);
  if (c !== 0x2d && c !== 0x2b && c !== 0x2a) return false;
  let k = i + 1;
  const b = text.charCodeAt(k);
  if (b !== 32 && b !== 9) return false;
  while (k < end && (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9)) k++;
  if (k >= end || k - i > 4) return false; // empty, or indented code inside the item
  const d = text.charCodeAt(k);
  return d !== 0x2d && d !== 0x2b && d !== 0x2a && d !== 0x5f;
}

/** Offsets where chunks start (0 first), in order. Linear time. */
export function chunkStarts(text: string): number[] {
  const starts = [0];
  if (mayDefineLinks(text)) return starts;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  // A front matter: the first chunk runs at least to its closing `---` line. An unclosed one (no
  // `---` line anywhere after it) is none, in the whole text or in any chunk of it (parseMarkdown
  // reads its opening line as the thematic break it is): the text is cut as any other.
  const fm = frontMatterAt(text);
  if (fm && fm.end >= 0) i = fm.end;
  work.steps += text.length;
  let prevBlank = false;
  let atLineStart = false;
  // With no CR (most texts) a line ends at the next LF, found by indexOf (native, several times
  // faster than a loop over every character: a keystroke cuts the whole text again); whether it is
  // blank is read from its first characters only.
  const lfOnly = text.indexOf('\r', i) < 0;
  // Walk line by line from i (which is a line start or the end of the front matter's last line).
  while (i < text.length) {
    // i is at a line start (or inside the front matter's closing line, atLineStart false).
    let j = i;
    let blank = true;
    if (lfOnly) {
      j = text.indexOf('\n', i);
      if (j < 0) j = text.length;
      for (let k = i; k < j; k++) {
        const c = text.charCodeAt(k);
        if (c !== 32 && c !== 9) {
          blank = false;
          break;
        }
      }
    } else {
      while (j < text.length) {
        const c = text.charCodeAt(j);
        if (c === 10 || c === 13) break;
        if (c !== 32 && c !== 9) blank = false;
        j++;
      }
    }
    if (atLineStart && prevBlank && !blank) {
      const c = text.charCodeAt(i);
      // Not at `---` (alone, a chunk that opens with it could read as a front matter), nor at a
      // U+FEFF (the parser drops it at the start of a text, as a byte order mark).
      // Nor at an empty list item ("-" alone on its line): CommonMark reads it as a paragraph
      // after an indented code block, as a list alone.
      if (c !== 32 && c !== 9 && c !== 0xfeff && !text.startsWith('---', i) && !EMPTY_ITEM.test(text.slice(i, j))) starts.push(i);
    } else if (atLineStart && !prevBlank && !blank && i - starts[starts.length - 1] >= MIN_ITEM_CHUNK && isItemLine(text, i, j)) {
      // A bullet item at column 0 inside a long run of lines with no blank line (a flat list of
      // thousands of items): the parser's memory grows with the piece it parses, so the list is cut
      // between items. Whether the text before really ends in a list is checked on its parse
      // (itemCutOpen): if not (a code block, HTML, a table runs on), the chunks are merged.
      starts.push(i);
    }
    prevBlank = atLineStart ? blank : false;
    // Past the line break.
    if (j < text.length) j += text.charCodeAt(j) === 13 && text.charCodeAt(j + 1) === 10 ? 2 : 1;
    i = j;
    atLineStart = true;
  }
  return starts;
}

/** True if a block of the tree runs into the chunk's trailing blank line: it is still open there. */
function runsOn(tree: Root, chunk: string): boolean {
  const last = tree.children[tree.children.length - 1];
  const end = last?.position?.end.offset;
  if (end === undefined) return false;
  // The content's last line ends before its line break; the trailing blank line starts after it.
  let contentEnd = chunk.length;
  while (contentEnd > 0 && /[ \t\r\n]/.test(chunk[contentEnd - 1])) contentEnd--;
  return end > contentEnd;
}

/**
 * True if a chunk that ends on a line with text (it was cut at an item line, chunkStarts) does not
 * end in a list reaching its last line: then the item line after it may not start an item (a code
 * block, an HTML block or a table runs on into it), and the chunk is merged with the next one.
 */
function itemCutOpen(tree: Root, chunk: string): boolean {
  // The last line, without its line break.
  let k = chunk.length;
  if (chunk[k - 1] === '\n') k--;
  if (chunk[k - 1] === '\r') k--;
  let lineStart = k;
  while (lineStart > 0 && chunk[lineStart - 1] !== '\n' && chunk[lineStart - 1] !== '\r') lineStart--;
  while (k > lineStart && (chunk[k - 1] === ' ' || chunk[k - 1] === '\t')) k--;
  if (k === lineStart) return false; // ends on a blank line: cut after it
  const last = tree.children[tree.children.length - 1];
  const end = last?.position?.end.offset;
  return !(last?.type === 'list' && end !== undefined && end >= k);
}

/**
 * A cache of what was derived from chunks, keyed by the chunk's text, bounded in characters. Its
 * keys are the chunks' own copies (caches.ts unpinned), never a slice of a document's text: an
 * entry keeps no version of a document alive. The closed documents' chunks are dropped (forgetChunks).
 */
export class ChunkCache<M> {
  private readonly map = new Map<string, { key: string; value: { model: M; open: boolean } }>();
  private chars = 0;
  constructor(private readonly maxChars: number) {
    registerCache(() => this.clear());
    registerChunkCache((chunk) => this.delete(chunk));
  }
  get(chunk: string): { model: M; open: boolean } | undefined {
    return this.entry(chunk)?.value;
  }
  /** The entry of `chunk`: its model and its own copy (`key`), most recently used now. */
  entry(chunk: string): { key: string; value: { model: M; open: boolean } } | undefined {
    // (an empty cache, the history's: no lookup, which would hash the whole chunk's text)
    if (this.map.size === 0) return undefined;
    const hit = this.map.get(chunk);
    if (hit) {
      // Most recently used last (under its own key: `chunk` may be a slice of the document's text).
      this.map.delete(hit.key);
      this.map.set(hit.key, hit);
    }
    return hit;
  }
  /** `chunk` is kept as the key: its own copy (unpinned), not a slice of a document's text. */
  set(chunk: string, value: { model: M; open: boolean }): void {
    if (chunk.length > this.maxChars) return;
    if (this.map.has(chunk)) this.delete(chunk);
    this.map.set(chunk, { key: chunk, value });
    this.chars += chunk.length;
    for (const [k] of this.map) {
      if (this.chars <= this.maxChars) break;
      this.map.delete(k);
      this.chars -= k.length;
    }
  }
  delete(chunk: string): void {
    if (this.map.delete(chunk)) this.chars -= chunk.length;
  }
  /** Drops every entry whose key `drop` says so (one pass over the keys). */
  deleteWhere(drop: (key: string) => boolean): void {
    for (const key of [...this.map.keys()]) if (drop(key)) this.delete(key);
  }
  clear(): void {
    this.map.clear();
    this.chars = 0;
  }
  get size(): number {
    return this.map.size;
  }
}

/**
 * The trees of the chunks parsed last, by chunk text, so that the next reader of the same chunks
 * (the markup detector reads the prose right after the parser read the report) does not parse them
 * again. Bounded in characters of chunk text (a tree weighs some 30 times its text); not for texts
 * read once (`remember` false).
 */
class RecentTrees {
  private map = new Map<string, { own: string; tree: Root }>();
  private chars = 0;
  /** The tree of `chunk` and the chunk's own copy (unpinned) it was parsed from. */
  get(chunk: string): { own: string; tree: Root } | undefined {
    return this.map.size === 0 ? undefined : this.map.get(chunk);
  }
  /** `own`: the chunk's own copy (its next reader keys its cache by it: not copied again). */
  set(own: string, tree: Root): void {
    if (this.map.has(own) || own.length > RECENT_TREE_CHARS) return;
    if (this.chars + own.length > RECENT_TREE_CHARS) this.clear();
    this.map.set(own, { own, tree });
    this.chars += own.length;
  }
  clear(): void {
    this.map = new Map();
    this.chars = 0;
  }
}
const RECENT_TREE_CHARS = 2 * 1024 * 1024;
const recentTrees = new RecentTrees();
registerCache(() => recentTrees.clear());

/** Lets the recent trees go (their last reader is done with them). */
export function forgetRecentTrees(): void {
  recentTrees.clear();
}

/**
 * The next reader of every chunk an open document's parse reads (the markup detector's units:
 * markup/prose.ts), given each tree as soon as it is parsed, into its own cache, so that the tree
 * dies young: kept for that reader until it ran (RecentTrees), the 1 MB draft's trees (some 14 MB
 * live) outlived the whole parse and were copied by the young generation's collections and promoted
 * to the old. What it derives is what it would derive from the recent tree (derive: the same own
 * copy as key, the same `open`). None registered (a bundle without the detector), or it throws: the
 * tree is kept as before.
 */
let nextReader: { cache: ChunkCache<unknown>; build: (chunk: string, tree: Root) => unknown } | null = null;

export function readTreesAlso<M>(cache: ChunkCache<M>, build: (chunk: string, tree: Root) => M): void {
  nextReader = { cache: cache as ChunkCache<unknown>, build };
}

/** Merges with the following chunks at most this many times, then takes the rest of the text. */
const MAX_MERGES = 8;

/** A chunk of a text, where it starts in the text, and the model derived from it. */
export interface Piece<M> {
  chunk: string;
  base: number;
  model: M;
}

/**
 * The model of one chunk: from the cache, else derived from its tree (recent, or parsed now); `key`
 * the chunk's own copy when remembered (the cache's key), the piece's text.
 */
function derive<M>(chunk: string, cache: ChunkCache<M>, build: (chunk: string, tree: Root) => M, remember: boolean): { key: string; value: { model: M; open: boolean } } {
  const hit = cache.entry(chunk);
  if (hit) return hit;
  // A remembered model and its key are made from the chunk's own copy: the texts the model slices
  // keep that copy alive, not the whole version of the document the chunk was cut from.
  // (the parser's copy when it read the chunk just before: the detector's cache shares its key)
  const recent = recentTrees.get(chunk);
  const own = recent ? recent.own : remember ? unpinned(chunk) : chunk;
  const tree = recent ? recent.tree : parseMarkdown(own);
  const value = { model: build(own, tree), open: runsOn(tree, own) || itemCutOpen(tree, own) };
  if (remember) cache.set(own, value);
  if (remember && !recent && !(nextReader && nextReader.cache !== cache && readNext(nextReader, own, tree, value.open))) recentTrees.set(own, tree);
  return { key: own, value };
}

/** The next reader's model of a chunk just parsed, into its cache; false if it threw (never expected: the tree is then kept). */
function readNext(reader: NonNullable<typeof nextReader>, own: string, tree: Root, open: boolean): boolean {
  try {
    reader.cache.set(own, { model: reader.build(own, tree), open });
    return true;
  } catch {
    return false;
  }
}

/**
 * True if a chunk, parsed, would give no reference and leave no block open, so that a reader of
 * references only (the history, `bare` of mapChunks) need not parse it: it holds no `[[` (a
 * reference is found in the block's source, masked but never moved: parse/binding.ts REFERENCE);
 * it is not the first chunk (the front matter); it holds no character that opens a code fence or an
 * HTML block (`` ` ``, `~`, `<`: the blocks that run on over a blank line, runsOn); and it ends on a
 * blank line, or is the text's last chunk (not cut at an item line, itemCutOpen). The history's
 * equivalence test (test/unit/history-cheap.test.ts) checks that this path gives the same history.
 */
export function holdsNoReference(chunk: string, k: number, last: boolean): boolean {
  if (k === 0 || chunk.includes('[[') || /[`~<]/.test(chunk)) return false;
  return last || /(?:^|\n|\r)[ \t]*(?:\r\n|\r|\n)$/.test(chunk);
}

/**
 * Cuts `text` into chunks and derives a model from each (`build` gets the chunk's text and its
 * Markdown tree, offsets relative to the chunk), from the cache where the chunk was seen before.
 * Returns the models with the offset of their chunk. May throw where the Markdown parser throws. `remember`:
 * false for a text read once (an earlier session for the history), which would only push the
 * chunks of the open drafts out of the cache. `bare`: the model of a chunk that holds no reference,
 * for a reader of references only: such chunks (holdsNoReference) are not parsed.
 */
export function mapChunks<M>(
  text: string,
  cache: ChunkCache<M>,
  build: (chunk: string, tree: Root) => M,
  whole = false,
  remember = true,
  bare?: M,
): Array<Piece<M>> {
  const starts = whole ? [0] : chunkStarts(text);
  const bound = (k: number): number => (k < starts.length ? starts[k] : text.length);
  const value = (chunk: string, k: number, end: number) =>
    bare !== undefined && holdsNoReference(chunk, k, end >= starts.length) ? { key: chunk, value: { model: bare, open: false } } : derive(chunk, cache, build, remember);
  const out: Array<Piece<M>> = [];
  let k = 0;
  while (k < starts.length) {
    let end = k + 1;
    let chunk = text.slice(bound(k), bound(end));
    let v = value(chunk, k, end);
    let merges = 0;
    while (v.value.open && end < starts.length) { // (the last chunk has nothing to run on into)
      end = ++merges > MAX_MERGES ? starts.length : end + 1;
      chunk = text.slice(bound(k), bound(end));
      v = value(chunk, k, end);
    }
    // The chunk's own copy when remembered, not a slice of `text`: a piece (an open document's
    // analysis, the previous version's kept for the next) would keep that whole version alive, and
    // every version of a 100 KB draft reached the old generation (about 160 KB per keystroke).
    out.push({ chunk: v.key, base: bound(k), model: v.value.model });
    k = end;
  }
  return out;
}

/**
 * Another model of chunks already cut (the pieces `mapChunks` returned for the same text): the same
 * chunks, without cutting the text again.
 */
export function mapPieces<M>(pieces: ReadonlyArray<{ chunk: string; base: number }>, cache: ChunkCache<M>, build: (chunk: string, tree: Root) => M): Array<Piece<M>> {
  return pieces.map(({ chunk, base }) => ({ chunk, base, model: derive(chunk, cache, build, true).value.model }));
}
