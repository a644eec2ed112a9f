/**
 * Corrections to markdown-it's block rules, where it strays from CommonMark/GFM (and from micromark,
 * the parser before: test/unit/parser-equivalence.test.ts): the tests parse/markdown.ts runs
 * before a rule (a table's delimiter row, an HTML block's start) and the inline content it gives
 * a paragraph or heading, trimmed of spaces and tabs only.
 */
import type Token from 'markdown-it/lib/token.mjs';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import blockNames from 'markdown-it/lib/common/html_blocks.mjs';
import { HTML_OPEN_CLOSE_TAG_RE } from 'markdown-it/lib/common/html_re.mjs';

/**
 * Puts right the inline content markdown-it gives a paragraph or heading: it trims it with
 * String.prototype.trim, which also takes U+00A0, U+FEFF, U+3000 and other Unicode spaces off its
 * ends; CommonMark (and micromark) take only spaces and tabs.
 */
export function trimContent(state: StateBlock, open: Token | undefined, inline: Token | undefined): void {
  if (!open?.map || inline?.type !== 'inline') return;
  const [a, b] = open.map;
  let raw: string;
  if (open.type === 'paragraph_open') raw = state.getLines(a, b, state.blkIndent, false);
  else if (open.markup === '=' || open.markup === '-') raw = state.getLines(a, b - 1, state.blkIndent, false);
  else {
    // heading.mjs: the text after the opening run, its closing run (after a blank) and blanks left out.
    const pos = state.bMarks[a] + state.tShift[a] + open.markup.length;
    let max = state.skipSpacesBack(state.eMarks[a], pos);
    const tmp = state.skipCharsBack(max, 0x23, pos);
    if (tmp > pos && (state.src.charCodeAt(tmp - 1) === 32 || state.src.charCodeAt(tmp - 1) === 9)) max = tmp;
    raw = state.src.slice(pos, max);
  }
  inline.content = trimBlanks(raw);
}

/** `s` without the spaces and tabs at its ends (one pass each way: a regex's `[ \t]+$` retries from every blank of a long run inside the text, quadratic in it). */
function trimBlanks(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && (s.charCodeAt(a) === 32 || s.charCodeAt(a) === 9)) a++;
  while (b > a && (s.charCodeAt(b - 1) === 32 || s.charCodeAt(b - 1) === 9)) b--;
  return s.slice(a, b);
}

/** markdown-it's starts of HTML blocks of kinds 1 to 6 (rules_block/html_block.mjs), and of kind 7 as CommonMark has it. */
const HTML_STARTS_1_6 = [/^<(script|pre|style|textarea)(?=(\s|>|$))/i, /^<!--/, /^<\?/, /^<![A-Za-z]/, /^<!\[CDATA\[/, new RegExp('^</?(' + blockNames.join('|') + ')(?=(\\s|/?>|$))', 'i')];
const HTML_START_7 = new RegExp(HTML_OPEN_CLOSE_TAG_RE.source + '[ \\t]*$');

/**
 * False if line `line` starts an HTML block for markdown-it only: a tag alone on its line (kind 7)
 * followed by blanks other than spaces and tabs (U+00A0…), which markdown-it's `\s*$` takes and
 * CommonMark 4.6 does not ("followed only by spaces and tabs"): a paragraph there, as for micromark.
 */
export function htmlBlockStart(state: StateBlock, line: number): boolean {
  const text = state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
  if (text.charCodeAt(0) !== 0x3c || !/[^\S \t]\s*$/.test(text)) return true;
  return HTML_STARTS_1_6.some((re) => re.test(text)) || HTML_START_7.test(text);
}

/** True if line `line` (a table's delimiter row, if it is one) holds a `|` or a `:`. */
export function delimiterRowHasPipeOrColon(state: StateBlock, line: number, endLine: number): boolean {
  if (line >= endLine) return true;
  for (let i = state.bMarks[line] + state.tShift[line]; i < state.eMarks[line]; i++) {
    const c = state.src.charCodeAt(i);
    if (c === 0x7c || c === 0x3a) return true;
  }
  return false;
}
