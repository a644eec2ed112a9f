/**
 * Input guards of the report parser: what keeps a hostile or broken file from stalling the server.
 *
 * micromark (the CommonMark parser under `parseReport`) is correct but not hardened against
 * adversarial nesting: some inputs of a few tens of kilobytes take minutes (measured, see
 * docs/reliability.md), for example 10 000 nested list markers on one line ("- - - … a", 20 KB:
 * 2 minutes), 10 000 nested images ("![![![…", 50 KB: 7 minutes), 10 000 nested emphasis runs,
 * 8 000 setext headings (32 KB: 20 s), or backtick runs of 1 000 different lengths. Its cost there
 * grows with the square of the count, because it splices its event list once per construct.
 *
 * {@link defuseMarkdown} makes a copy of the text, of the same length, in which the constructs past
 * a generous budget are made inert: the extra markers become spaces or `$` (a character with no
 * meaning in CommonMark or GFM tables). Offsets do not move, so every range still points into the
 * original text, and the parser's prose is still copied from the original. Below the budgets (any
 * real report) the text is returned unchanged; the budgets are per block (text between blank
 * lines) or, for setext underlines, per document:
 * - container markers (`>`, `-`, `+`, `*`, `1.`, `1)`) past the 32nd on a line, or starting past
 *   column 128, become spaces (the rest of the line is then plain or code text);
 * - `*` and `_` past the 1 000th in a block, `[` and `]` past the 2 000th, `!` before `[` past the
 *   200th become `$`;
 * - in a block of more than 64 backtick runs, a run whose length no other run of the block has
 *   can neither open nor close a code span: it becomes `$` (no change of meaning); runs past the
 *   400th become `$`;
 * - setext underlines (`===`, `---` alone on a line) past the 200th in the document become `$`.
 * The opening run of a line that may be a code fence (```` ``` ````, `~~~`) is never touched, so code
 * blocks stay code blocks; text inside code may be changed, which changes nothing (code is not read).
 */

export const MAX_CONTAINER_DEPTH = 32;
export const MAX_MARKER_COLUMN = 128;
export const ATTENTION_PER_BLOCK = 1000;
export const BRACKETS_PER_BLOCK = 2000;
export const IMAGE_OPENERS_PER_BLOCK = 200;
export const CODE_RUNS_PER_BLOCK = 400;
/** Up to this many backtick runs in a block, nothing is done about them. */
export const CODE_RUNS_UNCHECKED = 64;
export const SETEXT_UNDERLINES = 200;

/**
 * The largest report text (in UTF-16 code units) the checker parses: above it, a report is not
 * checked and the caller says so (micromark runs at roughly 30–200 KB/s depending on the markup,
 * so 512 K keeps the worst case to seconds). About 200 pages of text; real reports are 5–50 KB.
 */
export const MAX_REPORT_CHARS = 512 * 1024;

const INERT = 0x24; // '$'
const SPACE = 0x20;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isBlank = (c: number): boolean => c === 32 || c === 9;

/** A same-length copy of `text` with adversarial Markdown constructs made inert (see the module comment). */
export function defuseMarkdown(text: string): string {
  const n = text.length;
  // Replacements: the character code to put at each position (0: none); made when first needed.
  let edits: Uint8Array | null = null;
  const put = (at: number, code: number): void => {
    (edits ??= new Uint8Array(n))[at] = code;
  };

  let setext = 0;
  // The current block: the content (after the container prefix) of each of its lines.
  let block: Array<[number, number]> = [];

  const flush = (): void => {
    if (block.length) defuseBlock(text, block, put);
    block = [];
  };

  let lineStart = 0;
  while (lineStart <= n) {
    let lineEnd = lineStart;
    while (lineEnd < n) {
      const c = text.charCodeAt(lineEnd);
      if (c === 10 || c === 13) break;
      lineEnd++;
    }
    // Container prefix: blanks and markers.
    let i = lineStart;
    let col = 0;
    let depth = 0;
    for (;;) {
      while (i < lineEnd && isBlank(text.charCodeAt(i))) {
        col += text.charCodeAt(i) === 9 ? 4 - (col % 4) : 1;
        i++;
      }
      if (i >= lineEnd) break;
      const c = text.charCodeAt(i);
      let len = 0;
      const blankAfter = (k: number): boolean => k >= lineEnd || isBlank(text.charCodeAt(k));
      if (c === 0x3e /* > */) len = 1;
      else if ((c === 0x2d || c === 0x2b || c === 0x2a) /* - + * */ && blankAfter(i + 1)) len = 1;
      else if (isDigit(c)) {
        let j = i;
        while (j < lineEnd && j - i < 9 && isDigit(text.charCodeAt(j))) j++;
        const d = text.charCodeAt(j);
        if (j < lineEnd && (d === 0x2e || d === 0x29) /* . ) */ && blankAfter(j + 1)) len = j + 1 - i;
      }
      if (!len) break;
      depth++;
      if (depth > MAX_CONTAINER_DEPTH || col > MAX_MARKER_COLUMN) for (let k = i; k < i + len; k++) put(k, SPACE);
      i += len;
      col += len;
    }
    let contentStart = i;
    if (contentStart >= lineEnd) {
      flush();
    } else {
      // A setext underline candidate: only `=` or only `-` (and trailing blanks), at most 3 spaces in.
      const u = setextRun(text, contentStart, lineEnd);
      if (u) {
        if (++setext > SETEXT_UNDERLINES) for (let k = u[0]; k < u[1]; k++) put(k, INERT);
      } else {
        // A possible code fence (``` or ~~~ at the start of the content) is never touched.
        const c = text.charCodeAt(contentStart);
        if (c === 0x60 || c === 0x7e) {
          let j = contentStart;
          while (j < lineEnd && text.charCodeAt(j) === c) j++;
          if (j - contentStart >= 3) contentStart = j;
        }
        block.push([contentStart, lineEnd]);
      }
    }
    if (lineEnd >= n) break;
    lineStart = lineEnd + (text.charCodeAt(lineEnd) === 13 && text.charCodeAt(lineEnd + 1) === 10 ? 2 : 1);
  }
  flush();
  if (!edits) return text;
  const parts: string[] = [];
  let from = 0;
  for (let at = 0; at < n; at++) {
    if (!edits[at]) continue;
    parts.push(text.slice(from, at), String.fromCharCode(edits[at]));
    from = at + 1;
  }
  parts.push(text.slice(from));
  return parts.join('');
}

function setextRun(text: string, start: number, end: number): [number, number] | null {
  const i = start;
  const c = text.charCodeAt(i);
  if (c !== 0x3d && c !== 0x2d) return null;
  let j = i;
  while (j < end && text.charCodeAt(j) === c) j++;
  let k = j;
  while (k < end && isBlank(text.charCodeAt(k))) k++;
  return k >= end ? [i, j] : null;
}

/** Budgets of one block (its lines' content ranges). */
function defuseBlock(text: string, lines: Array<[number, number]>, put: (at: number, code: number) => void): void {
  let attention = 0;
  let open = 0;
  let close = 0;
  let images = 0;
  const runs: Array<[number, number]> = [];
  const runLengths = new Map<number, number>();
  for (const [start, end] of lines) {
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x2a || c === 0x5f) {
        if (++attention > ATTENTION_PER_BLOCK) put(i, INERT);
      } else if (c === 0x5b) {
        if (++open > BRACKETS_PER_BLOCK) put(i, INERT);
      } else if (c === 0x5d) {
        if (++close > BRACKETS_PER_BLOCK) put(i, INERT);
      } else if (c === 0x21 && text.charCodeAt(i + 1) === 0x5b) {
        if (++images > IMAGE_OPENERS_PER_BLOCK) put(i, INERT);
      } else if (c === 0x60) {
        let j = i;
        while (j < end && text.charCodeAt(j) === 0x60) j++;
        runs.push([i, j]);
        runLengths.set(j - i, (runLengths.get(j - i) ?? 0) + 1);
        i = j - 1;
      }
    }
  }
  if (runs.length <= CODE_RUNS_UNCHECKED) return;
  let kept = 0;
  for (const [s, e] of runs) {
    if (runLengths.get(e - s) === 1 || ++kept > CODE_RUNS_PER_BLOCK) for (let k = s; k < e; k++) put(k, INERT);
  }
}
