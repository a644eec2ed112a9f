/** Applying edits to a text, with offset maps both ways (the detector's and the marks'). */
import { firstIndex } from '../parse/clauses';
import type { MarkupEdit } from './types';

/** Applies edits (offsets into `text`); returns the new text and offset maps both ways. */
export function applyWithMaps(
  text: string,
  edits: MarkupEdit[],
): { text: string; map: (offset: number, atEditStart: boolean) => number; unmap: (offset: number) => number } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let last = 0;
  const marks: Array<{ start: number; end: number; newStart: number; newEnd: number }> = [];
  for (const e of sorted) {
    if (e.start < last) continue; // overlapping edits: keep the first
    out += text.slice(last, e.start);
    const newStart = out.length;
    out += e.newText;
    marks.push({ start: e.start, end: e.end, newStart, newEnd: out.length });
    last = e.end;
  }
  out += text.slice(last);
  // The marks are in order and apart (old and new offsets alike): each lookup is a binary search.
  /** Offset in the new text of an old offset; at an edit's start, `atEditStart` picks the edit's start. */
  const map = (o: number, atEditStart: boolean): number => {
    const j = firstIndex(marks.length, (i) => marks[i].start > o || (marks[i].start === o && atEditStart));
    if (j === 0) return o;
    const m = marks[j - 1];
    if (m.end > o) return m.newStart; // inside a replaced span
    return o + m.newEnd - m.end;
  };
  const unmap = (n: number): number => {
    const j = firstIndex(marks.length, (i) => marks[i].newStart >= n);
    if (j === 0) return n;
    const m = marks[j - 1];
    if (m.newEnd > n) return m.start;
    return n - (m.newEnd - m.end);
  };
  return { text: out, map, unmap };
}
