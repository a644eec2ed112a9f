/**
 * What is read of a part of a unit alone (a sentence of prose or a cell of a table row, its
 * references blanked; binding.ts): its period phrases, its figures and (prose) its clause reading;
 * and the memos of those readings: a table cell's in the full reading, a part's and a reference's
 * name in the history's. Each reading depends on the text alone and is never changed after.
 */
import type { Figure, PeriodPhrase } from '../types';
import { registerCache, unpinned } from '../caches';
import { readSentence, type SentenceReading } from './clauses';
import { readFigures } from './figures';
import { readSentencePeriods } from './periods';

/** What is read of a part's text alone: its period phrases, its figures, its clause reading (prose only). */
export interface PartReading {
  phrases: PeriodPhrase[];
  figs: Figure[];
  reading: SentenceReading | null;
}

export function readPart(text: string, isRow: boolean): PartReading {
  const phrases = safe(() => readSentencePeriods(text), []);
  const figs = safe(() => readFigures(text), []);
  return { phrases, figs, reading: isRow ? null : safe(() => readSentence(text, figs, phrases), null) };
}

/**
 * A table cell's reading (no clause reading), remembered by its text when short: the cells of a
 * table repeat (period codes, values, units, empty notes, a reference blanked to as many spaces).
 * The reading depends on the text alone and is never changed (as the history's, below). Bounded:
 * cells of at most ROW_CELL_CHARS characters, at most ROW_CELLS of them, each key a copy of its own.
 */
const cellReadings = new Map<string, PartReading>();
const ROW_CELL_CHARS = 128;
const ROW_CELLS = 4096;
registerCache(() => cellReadings.clear());

export function readCell(text: string): PartReading {
  if (text.length > ROW_CELL_CHARS) return readPart(text, true);
  let r = cellReadings.get(text);
  if (r === undefined) {
    if (cellReadings.size >= ROW_CELLS) cellReadings.clear();
    cellReadings.set(unpinned(text), (r = readPart(text, true)));
  }
  return r;
}

/**
 * The history's reading of a part, remembered by its text (a cell or a sentence, references
 * blanked): the reports of a workspace repeat their cells (period codes, units, empty notes, a
 * figure stated again in each session) and many sentences. The reading depends on the text alone;
 * the objects are shared between the reports that read them and never changed (placeFigure copies
 * a figure before it sets anything). Bounded by the characters of the texts it keys: 1 M against
 * 4 M, the index worker's heap at the index's end (the session's peak while the first index runs,
 * the server's heap beside it) 18 MB lower for the same CPU time (200 sessions, 2026-12-05, load1
 * 19-20: peak RSS 399 / 395 → 380 / 379 MB, CPU 16.8 / 16.7 → 16.6 / 16.7 s; without the memo
 * 369 / 363 MB for 1.6-2.7 s more). The history's binder (binding.ts checkSentences) keeps only its
 * rows here and reads its sentences anew: on the bench's 200 sessions 55 % of them were read once,
 * and each kept reading was promoted, then marked by the index worker's full collections
 * (lsp/collect.ts GrowthCollector): the worker's process CPU 5.0-5.5 -> 3.5-3.7 s, its heap 96 -> 72 MB
 * (2026-12-06, load1 23-25). The carry's readers (paragraph-carry.ts, heading-carry.ts, markup/) still
 * read sentences through it.
 */
const partReadings = { rows: new Map<string, PartReading>(), prose: new Map<string, PartReading>(), chars: 0 };
const PART_READINGS_CHARS = 1024 * 1024;
registerCache(() => forgetHistoryReadings());

/** Empties the history's remembered readings (the first index is done: they are garbage now). */
export function forgetHistoryReadings(): void {
  partReadings.rows.clear();
  partReadings.prose.clear();
  partReadings.chars = 0;
  splitReadings.clear();
}

/** The history's splitReference, remembered by the reference's text (names recur in every session); bounded. */
const splitReadings = new Map<string, ReturnType<typeof splitReference>>();

export function splitReferenceOnce(inner: string): ReturnType<typeof splitReference> {
  let r = splitReadings.get(inner);
  if (r === undefined) {
    if (splitReadings.size >= 20_000) splitReadings.clear();
    splitReadings.set(inner, (r = splitReference(inner)));
  }
  return r;
}

export function readPartOnce(text: string, isRow: boolean): PartReading {
  const memo = isRow ? partReadings.rows : partReadings.prose;
  let r = memo.get(text);
  if (!r) {
    r = readPart(text, isRow);
    if (partReadings.chars + text.length > PART_READINGS_CHARS) forgetHistoryReadings();
    partReadings.chars += text.length;
    memo.set(text, r);
  }
  return r;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** White space that `replace(/\s+/g, ' ')` changes: any but a space, or two in a row. */
const MORE_THAN_A_SPACE = /[^\S ]|\s\s/;

/** "tỷ trọng kinh tế số trong GDP @ TCTK" → name, compiler, and the name's offsets in `inner`. */
export function splitReference(inner: string): { name: string; compiler?: string; nameStart: number; nameEnd: number } {
  const at = inner.lastIndexOf('@');
  const namePart = at >= 0 ? inner.slice(0, at) : inner;
  const lead = namePart.length - namePart.trimStart().length;
  const nameStart = lead;
  const trimmed = namePart.trim();
  const nameEnd = lead + trimmed.length;
  const compiler = at >= 0 ? inner.slice(at + 1).trim() || undefined : undefined;
  // Runs of white space made one space; a name with none but single spaces is kept as it is.
  return { name: MORE_THAN_A_SPACE.test(trimmed) ? trimmed.replace(/\s+/g, ' ') : trimmed, compiler, nameStart, nameEnd };
}
