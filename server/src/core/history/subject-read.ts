/**
 * What the reading of a figure's subject (subject.ts figureKey) reads of a report's text, so that a
 * keystroke's new version can take the previous version's answer for a figure it shares (a placed
 * figure of an unchanged chunk, parse/assemble.ts) when every character read is the same: compared
 * in place, no copy of the text made (a key of up to 3 000 characters per figure was copied every
 * keystroke, analyze.ts sameForHistory). Pure.
 */
import type { PlacedFigure } from '../parse/model';
import type { Position } from '../types';

/** How far back a sentence that names no province reads for the one it speaks of (subject.ts fromContext). */
export const LOOKBACK = 3000;

/** How far past a figure the end of the sentence going on at it is looked for (subject.ts sentenceEnd). */
export const SENTENCE_REACH = 300;

/** Where the front matter ends (0 if none): it names the report's own province (reportProvince), not a sentence's. */
export function bodyStart(text: string): number {
  return /^\uFEFF?---\r?\n[^]*?\n---[ \t]*(?:\r?\n|$)/.exec(text.slice(0, 20_000))?.[0].length ?? 0;
}

/** A version of a report as the reading sees it. */
export interface ReadText {
  text: string;
  lines: { offsetAt(p: Position): number };
}

/**
 * True if the subject of figure `f` reads the same in `now` as in `before`: `span` and [at, to) are
 * its sentence and place in `now`. The reading (subject.ts subjectOf, readSubject, fromContext,
 * columnProvince, table-caption.ts captionAbove) reads from LOOKBACK characters before the
 * sentence (a table caption up to three lines above that), the table's lines above the figure (at most
 * 60, and the header), to SENTENCE_REACH characters past the figure, and where the front matter ends:
 * all of it must be the same characters at the same distances from the figure.
 */
export function readsAlike(before: ReadText, now: ReadText, f: PlacedFigure, span: { start: number; end: number }, at: number, to: number): boolean {
  const a = before.text;
  const b = now.text;
  const atA = before.lines.offsetAt(f.range.start);
  if (before.lines.offsetAt(f.range.end) - atA !== to - at) return false;
  const d = atA - at;
  const lo = Math.max(0, span.start - LOOKBACK);
  if (Math.max(0, span.start + d - LOOKBACK) - d !== lo) return false;
  const fromB = Math.min(linesUp(b, lo, 3), tableTop(b, at));
  const fromA = Math.min(linesUp(a, lo + d, 3), tableTop(a, atA));
  if (fromA - d !== fromB) return false;
  const end = Math.min(b.length, Math.max(span.end, to + SENTENCE_REACH));
  if (Math.min(a.length, Math.max(span.end + d, to + d + SENTENCE_REACH)) - d !== end) return false;
  // (the front matter's end bounds the window only when it is inside it: it is at most 20 000 characters in)
  if (lo < 20_000 && (bodyStart(a) > lo + d || bodyStart(b) > lo) && bodyStart(a) - d !== bodyStart(b)) return false;
  // (two slices of flat strings copy nothing and compare as one block, a character at a time cost 4 % of a keystroke's CPU; fromB + d and end + d are within `a`)
  return a.slice(fromB + d, end + d) === b.slice(fromB, end);
}

/** The start of the line `n` lines above the one holding offset `at` (0 at the text's start). */
function linesUp(text: string, at: number, n: number): number {
  let s = text.lastIndexOf('\n', at - 1) + 1;
  for (let k = 0; k < n && s > 0; k++) s = s < 2 ? 0 : text.lastIndexOf('\n', s - 2) + 1;
  return s;
}

/** For a figure in a table row, the start of the line 61 lines above it (columnProvince reads the header up to 60 lines up); else `at`. */
function tableTop(text: string, at: number): number {
  const s = text.lastIndexOf('\n', at - 1) + 1;
  return /^[ \t]*\|/.test(text.slice(s, s + 8)) ? linesUp(text, at, 61) : at;
}
