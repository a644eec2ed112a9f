/**
 * Input guards of the report parser: what keeps a hostile or broken file from stalling the server.
 *
 * micromark (the CommonMark parser under `parseReport` before markdown-it) is correct but not hardened
 * against adversarial nesting: some inputs of a few tens of kilobytes take minutes (measured, see
 * docs/reliability.md), for example 10 000 nested list markers on one line ("- - - … a", 20 KB:
 * 2 minutes), 10 000 nested images ("![![![…", 50 KB: 7 minutes), 10 000 nested emphasis runs,
 * 8 000 setext headings (32 KB: 20 s), or backtick runs of 1 000 different lengths. Its cost there
 * grows with the square of the count, because it splices its event list once per construct.
 * markdown-it (parse/markdown.ts) reads each of these shapes in linear time, undefused (measured
 * in CPU time, 5 000 and 20 000 repeats: docs/performance.md 3.1), and stops nesting at 100
 * levels; the defusing stays as a second line (it costs about 5 % of the parse) and keeps the
 * micromark reference of the equivalence test to the same text.
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
 * - in a block of more than 64 backtick runs, code spans are paired as CommonMark pairs them, and
 *   a run that opens nothing (no later run of its length) becomes `$`: it is literal text anyway,
 *   but micromark would scan the rest of the block for a closer, once per such run;
 * - setext underlines (`===`, `---` alone on a line) past the 200th in the document become `$`.
 * The opening run of a line that may be a code fence (```` ``` ````, `~~~`) is never touched, so code
 * blocks stay code blocks; text inside code may be changed, which changes nothing (code is not read).
 */

import type { Root } from 'mdast';
import { work } from '../work';
import { markdownItTree } from './markdown';

export { frontMatterAt } from './markdown';

/** A Markdown parser as the report parser calls it: the tree of a text, offsets into that text. */
export type MarkdownParser = (text: string) => Root;

let markdownParser: MarkdownParser = markdownItTree;

/**
 * Puts another parser in place of markdown-it (parse/markdown.ts) and returns the one it replaces:
 * the equivalence test (test/unit/parser-equivalence.test.ts) runs micromark, the parser before,
 * through the same code. The caller clears the content caches (caches.ts) around the switch.
 */
export function useMarkdownParser(parser: MarkdownParser): MarkdownParser {
  const before = markdownParser;
  markdownParser = parser;
  return before;
}

/**
 * The Markdown tree of a report (CommonMark + GFM tables + YAML front matter) with node offsets
 * into `text` itself, from markdown-it (parse/markdown.ts), adversarial nesting defused first (see
 * below). May throw: the callers catch.
 */
export function parseMarkdown(text: string): Root {
  // The parser's pass (linear once defused), and the largest text handed to it (its memory).
  work.steps += text.length;
  if (text.length > work.largestParse) work.largestParse = text.length;
  return markdownParser(defuseMarkdown(text));
}

export const MAX_CONTAINER_DEPTH = 32;
export const MAX_MARKER_COLUMN = 128;
export const ATTENTION_PER_BLOCK = 1000;
export const BRACKETS_PER_BLOCK = 2000;
export const IMAGE_OPENERS_PER_BLOCK = 200;
/** Up to this many backtick runs in a block, nothing is done about them. */
export const CODE_RUNS_UNCHECKED = 64;
export const SETEXT_UNDERLINES = 200;

/**
 * The largest report text (in UTF-16 code units) the checker parses: above it, a report is not
 * checked and the caller says so. The parse reads about 1–3 MB/s on this machine (markdown-it and
 * the dialect; micromark, before, 0.2–0.5 MB/s), so a first check of a report this size takes a
 * second or more (later ones re-read only the changed chunk, chunks.ts), and the server answers
 * nothing meanwhile. About 800 pages; real
 * reports are 5–50 KB, the benchmark checks drafts up to 1.5 MB.
 */
export const MAX_REPORT_CHARS = 2 * 1024 * 1024;

const INERT = 0x24; // '$'
const SPACE = 0x20;

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isBlank = (c: number): boolean => c === 32 || c === 9;

/** A same-length copy of `text` with adversarial Markdown constructs made inert (see the module comment). */
export function defuseMarkdown(text: string): string {
  const n = text.length;
  work.steps += n;
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
        i = j - 1;
      }
    }
  }
  if (runs.length <= CODE_RUNS_UNCHECKED) return;
  // Code spans as CommonMark pairs them: a run opens, the next run of the same length closes, what
  // is between is code. An opener with no closer is literal text, but micromark scans to the end
  // of the block to learn it: such runs become `$` (no change of meaning, no scan).
  const byLength = new Map<number, number[]>();
  runs.forEach(([s, e], k) => {
    const list = byLength.get(e - s);
    if (list) list.push(k);
    else byLength.set(e - s, [k]);
  });
  const next = new Map<number, number>(); // per length: index into its list of the next candidate
  let k = 0;
  while (k < runs.length) {
    const [s, e] = runs[k];
    const list = byLength.get(e - s)!;
    let p = next.get(e - s) ?? 0;
    while (p < list.length && list[p] <= k) p++;
    next.set(e - s, p);
    if (p < list.length) {
      k = list[p] + 1; // a code span: runs k…list[p]
    } else {
      for (let x = s; x < e; x++) put(x, INERT);
      k++;
    }
  }
}

/**
 * YAML (front matter, catalog, config) nested deeper than this is refused without being parsed:
 * the `yaml` package recurses once per level, and a few thousand levels ("a: [[[[…", 6 KB) end
 * the whole process with a fatal V8 error that no try/catch sees. Real files nest 3–5 levels.
 */
export const MAX_YAML_DEPTH = 64;
/** Leading spaces of a YAML line above which the file is refused (block nesting by indentation). */
export const MAX_YAML_INDENT = 256;
/**
 * The largest front matter read (UTF-16 code units); a real one is under 1 K. The `yaml` package
 * checks duplicate keys in quadratic time: 16 K keeps that to milliseconds.
 */
export const MAX_FRONT_MATTER_CHARS = 16 * 1024;

/**
 * Why a YAML text is too deeply nested to parse safely, or null. Counts `[`/`{` nesting (naively:
 * brackets inside quotes count too, which only errs on the side of refusing), leading spaces, and
 * block indicators (`- `, `? `, `: `) at the start of a line. Linear time.
 */
export function yamlTooDeep(text: string): { vi: string; en: string } | null {
  let depth = 0;
  let lineStart = true;
  let indent = 0;
  let markers = 0;
  const deep = {
    vi: `lồng nhau quá ${MAX_YAML_DEPTH} cấp`,
    en: `nested more than ${MAX_YAML_DEPTH} levels deep`,
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      indent = 0;
      markers = 0;
      continue;
    }
    if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_YAML_DEPTH) return deep;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
    if (!lineStart) continue;
    if (c === 32 || c === 9) {
      if (++indent > MAX_YAML_INDENT) return { vi: `thụt lề quá ${MAX_YAML_INDENT} ký tự`, en: `indented more than ${MAX_YAML_INDENT} characters` };
      continue;
    }
    const next = text.charCodeAt(i + 1);
    if ((c === 0x2d || c === 0x3f || c === 0x3a) && (i + 1 >= text.length || next === 32 || next === 9 || next === 10 || next === 13)) {
      if (++markers > MAX_YAML_DEPTH) return deep;
      continue;
    }
    lineStart = false;
  }
  return null;
}

/**
 * Why a YAML file (catalog, config.yaml) is not read, in both languages, or null: larger than
 * `maxChars`, nested too deep for the `yaml` package (yamlTooDeep), or binary (a NUL character).
 * Linear time; the file is then not parsed at all.
 */
export function yamlRefusal(text: string, maxChars: number): { vi: string; en: string } | null {
  if (text.length > maxChars) {
    const mb = (n: number): string => (n / (1024 * 1024)).toFixed(1);
    return { vi: `quá lớn (${mb(text.length)} triệu ký tự; giới hạn ${mb(maxChars)} triệu)`, en: `too large (${mb(text.length)} M characters; the limit is ${mb(maxChars)} M)` };
  }
  const deep = yamlTooDeep(text);
  if (deep) return deep;
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { vi: `là tệp nhị phân, không phải văn bản YAML (ký tự NUL ở vị trí ${nul})`, en: `binary, not YAML text (a NUL character at offset ${nul})` };
  return null;
}

/**
 * JSON (with comments: team snippet files) nested deeper than this is refused without being
 * parsed: jsonc-parser recurses once per level, and a few thousand levels (10 KB of `[`) overflow
 * the stack of the server, on every start. Real snippet files nest 3 levels.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Why a JSON text (comments allowed, as VS Code reads snippet files) is nested too deep to parse
 * safely, with the offset where it becomes too deep, or null. Counts `[` and `{` outside strings and
 * comments. Linear time.
 */
export function jsonTooDeep(text: string): { vi: string; en: string; offset: number } | null {
  let depth = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // A string: to its closing quote (escapes skipped) or the end of the line (unterminated).
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i++;
        else if (d === 0x22 || d === 10 || d === 13) break;
      }
    } else if (c === 0x2f /* / */ && text.charCodeAt(i + 1) === 0x2f) {
      while (i < n && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else if (c === 0x2f && text.charCodeAt(i + 1) === 0x2a /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > MAX_JSON_DEPTH) return { vi: `lồng nhau quá ${MAX_JSON_DEPTH} cấp`, en: `nested more than ${MAX_JSON_DEPTH} levels deep`, offset: i };
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  work.steps += n;
  return null;
}
