/**
 * The text markdown-it reads (parse/markdown.ts) and the map of its offsets back to the report's
 * text: the BOM taken off, the front matter blanked (its line ends kept), CRLF made LF, CR made
 * LF, NUL made U+FFFD (what markdown-it's own normalize step does, here so that the offsets it
 * removes are known).
 */
import type { Point } from 'unist';
import { lastAtMost } from '../text';
import { holdShapes } from '../held-shapes';

/**
 * Where a YAML front matter opens (`---` alone on the first line, after a BOM if any): the offset
 * of its `---` and the end of its closing `---` line (before the line break), or -1 if no `---`
 * line closes it; null if the text opens none. The same test as micromark's front matter extension.
 */
export function frontMatterAt(text: string): { open: number; end: number } | null {
  const i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const open = /---[ \t]*(?:\r\n|\r|\n)/y;
  open.lastIndex = i;
  if (!open.test(text)) return null;
  const close = /(?:\r\n|\r|\n)---[ \t]*(?=\r\n|\r|\n|$)/g;
  close.lastIndex = open.lastIndex - 1;
  const m = close.exec(text);
  return { open: i, end: m ? m.index + m[0].length : -1 };
}

/** The text markdown-it reads and the map of its offsets back to the report's text. */
export class Source {
  /** The normalized text. */
  readonly src: string;
  /** Start offset of each line of `src`. */
  readonly lineStarts: Int32Array;
  /** Offsets in `src` of the LF of each CRLF (its CR removed), ascending; null if none. */
  private readonly crlf: Int32Array | null;
  private readonly bom: number;

  constructor(text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    let src = this.bom ? text.slice(1) : text;
    const fm = frontMatterAt(text);
    if (fm && fm.end >= 0) {
      // Blank the front matter (read as a node of its own), keeping its line ends.
      const [a, b] = [fm.open - this.bom, fm.end - this.bom];
      src = src.slice(0, a) + src.slice(a, b).replace(/[^\r\n]/g, ' ') + src.slice(b);
    }
    let crlf: number[] | null = null;
    if (src.includes('\r')) {
      const parts: string[] = [];
      let from = 0;
      let removed = 0;
      for (let i = src.indexOf('\r'); i >= 0; i = src.indexOf('\r', i + 1)) {
        if (src.charCodeAt(i + 1) === 10) {
          parts.push(src.slice(from, i));
          (crlf ??= []).push(i - removed);
          removed++;
          from = i + 1;
        } else {
          parts.push(src.slice(from, i), '\n');
          from = i + 1;
        }
      }
      parts.push(src.slice(from));
      src = parts.join('');
    }
    if (src.includes('\0')) src = src.replace(/\0/g, '\uFFFD');
    this.src = src;
    this.crlf = crlf ? Int32Array.from(crlf) : null;
    const starts = [0];
    for (let i = src.indexOf('\n'); i >= 0; i = src.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = Int32Array.from(starts);
  }

  /** The line of `src` offset `n` is on. */
  lineOf(n: number): number {
    return lastAtMost(this.lineStarts, n);
  }

  /** The last line markdown-it reads (after a final line break there is none). */
  lastLine(): number {
    return this.lineStarts.length - (this.src.endsWith('\n') ? 2 : 1);
  }

  /** End of line `line` of `src` (before its line break). */
  lineEnd(line: number): number {
    return line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] - 1 : this.src.length;
  }

  /** The offset in the report's text of offset `n` of `src`. */
  offset(n: number): number {
    const c = this.crlf;
    if (!c) return n + this.bom;
    let lo = 0;
    let hi = c.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (c[mid] < n) lo = mid + 1;
      else hi = mid;
    }
    return n + lo + this.bom;
  }

  /** The mdast point (1-based line and column, offset) of offset `n` of `src`. */
  point(n: number): Point {
    const line = this.lineOf(n);
    const offset = this.offset(n);
    const lineStart = line === 0 ? 0 : this.offset(this.lineStarts[line]);
    return { line: line + 1, column: offset - lineStart + 1, offset };
  }
}

// Its objects' maps kept through the full collections between reports (held-shapes.ts).
holdShapes(Source);
