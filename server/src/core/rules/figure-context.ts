/** Shared helpers for the rules that look at figures. */
import type { Analysis, ResolvedReference } from '../analyze';
import { formatNumber, type Lang } from '../i18n';
import type { PlacedFigure, ReportDocument } from '../parse/model';
import { foldSameLength } from '../text';
import { sentencePiece } from '../parse/document';
import { cellContext } from './table-cells';

const bySentence = new WeakMap<ReportDocument, Map<number, PlacedFigure[]>>();

/** The figures of one sentence (or table row) of a document, in document order; grouped once per document. */
export function figuresOfSentence(doc: ReportDocument, sentence: number): PlacedFigure[] {
  let map = bySentence.get(doc);
  if (!map) {
    map = new Map();
    for (const f of doc.figures) {
      const list = map.get(f.sentence);
      if (list) list.push(f);
      else map.set(f.sentence, [f]);
    }
    bySentence.set(doc, map);
  }
  return map.get(sentence) ?? [];
}

/**
 * Per UTF-16 unit (not a surrogate), its fold (`foldSameLength` of that one character), found once:
 * 0 until then (the fold of NUL is NUL, found again each time).
 */
const FOLDED_UNITS = new Uint16Array(0x10000);

function foldUnit(c: number): number {
  let f = FOLDED_UNITS[c];
  if (f === 0 && c !== 0) FOLDED_UNITS[c] = f = foldSameLength(String.fromCharCode(c)).charCodeAt(0);
  return f;
}

/** The folds' code units, reused (a sentence at a time, grown to the longest). */
let foldBuffer = new Uint16Array(1024);
const FROM_CHAR_CODES = 8192;

/**
 * `foldSameLength(text.slice(start, end))`, a unit at a time from a table: the same string (a pair
 * of surrogates, or one alone, is folded as foldSameLength folds it), without a string per character.
 */
export function foldSlice(text: string, start: number, end: number): string {
  const n = end - start;
  if (foldBuffer.length < n) foldBuffer = new Uint16Array(Math.max(n, foldBuffer.length * 2));
  const out = foldBuffer;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) {
      out[i - start] = foldUnit(c);
      continue;
    }
    // A surrogate: the code point (a pair within the slice) or the unit alone, as `for … of` reads it.
    const pair = c <= 0xdbff && i + 1 < end && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const folded = foldSameLength(text.slice(i, pair ? i + 2 : i + 1));
    out[i - start] = folded.charCodeAt(0);
    if (pair) out[++i - start] = folded.charCodeAt(1);
  }
  let folded = '';
  for (let i = 0; i < n; i += FROM_CHAR_CODES) folded += String.fromCharCode.apply(null, out.subarray(i, Math.min(n, i + FROM_CHAR_CODES)) as unknown as number[]);
  return folded;
}

/**
 * Folded sentences, per document (by the sentence's index): gone with the document. Not kept by
 * the sentence's text: the key (a slice) would keep that version's whole text alive as long as it is
 * cached. A sentence is cut from the fold of its chunk instead (foldedChunk), kept with the chunk's
 * model: a keystroke folds the one chunk it changed, not the whole document again.
 */
const foldedSentences = new WeakMap<ReportDocument, Array<string | undefined>>();

/**
 * `foldSlice` of a whole chunk, per chunk model (parse/document.ts sentencePiece): the model is the
 * same object for the same chunk text, so the fold is never stale; it goes with the model. Folded
 * from the model's piece `chunk` at the first asking: made of its own characters (fromCharCode), it
 * keeps no document's text alive.
 */
const foldedChunks = new WeakMap<object, string>();

function isHigh(c: number): boolean {
  return c >= 0xd800 && c <= 0xdbff;
}
function isLow(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** `foldSameLength` of the sentence `index` of `doc` (the folding keeps every offset). */
export function foldedSentence(doc: ReportDocument, index: number): string {
  let folds = foldedSentences.get(doc);
  if (!folds) foldedSentences.set(doc, (folds = []));
  let folded = folds[index];
  if (folded === undefined) {
    const s = doc.sentences[index];
    const piece = sentencePiece(doc, index);
    const from = piece ? s.start - piece.base : -1;
    const to = piece ? s.end - piece.base : -1;
    // The chunk's fold folds each unit as the sentence's would, but a surrogate pair the sentence
    // cuts in two (folded as a pair in the chunk, as two lone units in the sentence): read alone then.
    if (piece && from >= 0 && to <= piece.chunk.length && from <= to && !splitsPair(piece.chunk, from) && !splitsPair(piece.chunk, to)) {
      let chunkFold = foldedChunks.get(piece.model);
      if (chunkFold === undefined) foldedChunks.set(piece.model, (chunkFold = foldSlice(piece.chunk, 0, piece.chunk.length)));
      folded = chunkFold.slice(from, to);
    } else folded = foldSlice(doc.text, s.start, s.end);
    folds[index] = folded;
  }
  return folded;
}

/** True if offset `i` of `text` falls between the two units of a surrogate pair. */
function splitsPair(text: string, i: number): boolean {
  return i > 0 && i < text.length && isHigh(text.charCodeAt(i - 1)) && isLow(text.charCodeAt(i));
}

/** bindings of each analysis's references (an analysis and its copies with settings share them; never changed). */
const bindingsOf = new WeakMap<readonly ResolvedReference[], ReadonlyMap<PlacedFigure, ResolvedReference>>();

/** Each figure that a reference binds, with that reference (first binding wins). Once per check: do not modify. */
export function bindings(analysis: Analysis): ReadonlyMap<PlacedFigure, ResolvedReference> {
  let map = bindingsOf.get(analysis.refs);
  if (!map) {
    const made = new Map<PlacedFigure, ResolvedReference>();
    for (const r of analysis.refs) if (r.ref.figure && !made.has(r.ref.figure)) made.set(r.ref.figure, r);
    bindingsOf.set(analysis.refs, (map = made));
  }
  return map;
}

/** "53 tỷ USD" → "53.000.000.000 USD" (vi) / "53,000,000,000 USD" (en). */
export function describeValue(f: PlacedFigure, lang: Lang): string {
  const unit = f.unit ? (f.unit === '%' ? '%' : ` ${f.unit}`) : '';
  if (f.denominator !== undefined) return `${formatNumber(f.value, lang)}/${formatNumber(f.denominator, lang)}${unit}`;
  return `${formatNumber(f.value, lang)}${unit}`;
}

/** Words right before a percentage that make it a rate of change, which may exceed 100. */
const CHANGE_WORDS = /(tăng|giảm|trưởng|gấp|vượt|so với|bằng)\s*[^\s]*\s*[^\s]*\s*$/iu;

/**
 * Between a change and a figure joined to it: the change's own measure ("về số lượng") at most, then
 * "và" or a comma, and nothing else ("tăng gần 893% về số lượng và hơn 1.000% về giá trị").
 */
const JOINED_TO_CHANGE = /^\s*(?:về(?:\s+\p{L}+){1,3}\s*)?(?:,\s*(?:và\s+)?|và\s+)$/iu;

/**
 * A change told first, its figures listed after "lần lượt" / "tương ứng" ("respectively") in the
 * same clause: "còn tăng nhanh hơn, lần lượt 95,7% và 181,5%", "giảm tương ứng 12% và 20%". No
 * level word (đạt, chiếm, ở mức) between the change word and the list, nor a clause's end.
 */
const CHANGE_THEN_RESPECTIVELY =
  /(?:^|[^\p{L}])(?:tăng|giảm|tăng trưởng)(?![\p{L}])(?:(?![.;:!?]|(?:^|[^\p{L}])(?:đạt|chiếm|ở mức)(?![\p{L}]))[^\d])*?(?:^|[^\p{L}])(?:lần lượt|tương ứng)(?:\s+(?:là|với|ở))?\s*$/iu;

/**
 * The two measures of one movement told as a contrast, the change word with the second only (reading.md
 * §60): "151,14% về số giao dịch, trong khi giá trị chỉ nhích thêm 30,41%". Between the figures: the
 * first one's measure ("về số lượng/số giao dịch/giá trị"), a comma, a contrast word, the other
 * measure, up to four words (the second figure's own, its change word among them).
 */
const MEASURE = '(?:số lượng|số giao dịch|lượng giao dịch|giá trị|doanh số)';
const PAIRED_WITH_CHANGE = new RegExp(
  `^\\s*về\\s+${MEASURE}(?:\\s+\\p{L}+)?\\s*,\\s*(?:trong khi|còn|nhưng|song)\\s+(?:về\\s+)?${MEASURE}(?:\\s+\\p{L}+){0,4}\\s*$`,
  'iu',
);

/** How far back, in characters, a change told before its "lần lượt" list is looked for. */
const RESPECTIVELY_REACH = 80;

/** A table header or row label that says its cells are changes ("So với cùng kỳ", "Tăng/giảm", "±"). */
const CHANGE_LABEL = /(?:^|[^\p{L}])(?:tăng|giảm|so với|so cùng kỳ|thay đổi|biến động|chênh lệch)(?![\p{L}])|±|\+\s*\/\s*[-−]/iu;

/**
 * True if the figure states a change rather than a level: its own words (`f.change`), the text
 * before it (same line), or the words its raw text opens with ("tăng trưởng âm 5%": a growth of
 * −5%); a list after a change word and "lần lượt" ("tăng nhanh hơn, lần lượt 95,7% và 181,5%");
 * the header of its table column or its row's label ("| So với cùng kỳ |"); or the figure is joined
 * to a change right before it in its sentence by "và" or a comma (the second measure of the same
 * change: "… và hơn 1.000% về giá trị"), or it is the first measure of a change whose other measure
 * follows after a contrast ("151,14% về số giao dịch, trong khi giá trị chỉ nhích thêm 30,41%"). `isChange` says whether an earlier figure of the sentence
 * is a change for another reason (bound to a growth indicator).
 */
export function looksLikeChange(analysis: Analysis, f: PlacedFigure, isChange?: (prev: PlacedFigure) => boolean): boolean {
  const { doc } = analysis;
  const same = figuresOfSentence(doc, f.sentence);
  // The first figure of the run joined by "và" / commas decides for the run (the list is one role).
  const at = same.indexOf(f);
  // The first measure of a movement whose second, after a contrast, is a change ("151,14% về số giao dịch, trong khi giá trị chỉ nhích thêm 30,41%").
  const next = same[at + 1];
  if (next && PAIRED_WITH_CHANGE.test(doc.text.slice(doc.lines.offsetAt(f.range.end), doc.lines.offsetAt(next.range.start))) && (changeByOwnWords(doc, next) || !!isChange?.(next))) return true;
  for (let i = at; ; i--) {
    const g = same[i];
    if (changeByOwnWords(doc, g) || (i !== at && isChange?.(g))) return true;
    const prev = same[i - 1];
    if (!prev || !JOINED_TO_CHANGE.test(doc.text.slice(doc.lines.offsetAt(prev.range.end), doc.lines.offsetAt(g.range.start)))) return false;
  }
}

function changeByOwnWords(doc: ReportDocument, f: PlacedFigure): boolean {
  if (f.change) return true;
  const start = doc.lines.offsetAt(f.range.start);
  const before = doc.text.slice(Math.max(0, start - 24), start);
  const digit = f.raw.search(/\d/u);
  const opening = digit > 0 ? f.raw.slice(0, digit) : '';
  if (CHANGE_WORDS.test(before + opening)) return true;
  // The figure's own opening words count: "lần lượt đạt 98%" is a level.
  const sentenceStart = doc.sentences[f.sentence]?.start ?? 0;
  if (CHANGE_THEN_RESPECTIVELY.test(doc.text.slice(Math.max(sentenceStart, start - RESPECTIVELY_REACH), start) + opening)) return true;
  const cell = cellContext(doc, start);
  return !!cell && (CHANGE_LABEL.test(cell.header) || CHANGE_LABEL.test(cell.rowLabel));
}
