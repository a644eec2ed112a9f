/**
 * markdown-it's GFM table rule (markdown-it 14, lib/rules_block/table.mjs) with the same lines
 * taken as a table, but only the tokens the tree builder reads (markdown.ts TreeBuilder.table):
 * table_open, thead_open, the header's tr_open and one th_open per column (its alignment),
 * tbody_open and each body row's tr_open with its line, and their closes. No cell's td_open or
 * inline token and no split of a body row into strings: the tree builder cuts every row's cells
 * again from the source (TreeBuilder.cells), so those were made and dropped (about a ninth of
 * what the first index allocates; a table is most of a session report).
 *
 * Which lines make a table, and where it ends, is the original rule's code as it is (the same
 * checks in the same order, silent mode included: a paragraph asks it whether a table starts).
 * The one change beyond the tokens: a body row's cells are counted, not split, for the limit on
 * autocompleted cells (escapedSplit's count, its empty first and last cells dropped as it drops them).
 * Also here: which cell contents markdown-it reads as plain text (`plainInline`), for the cells the
 * tree builder cuts.
 */
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';

const MAX_AUTOCOMPLETED_CELLS = 0x10000;

const isSpace = (code: number): boolean => code === 0x09 || code === 0x20;

function getLine(state: StateBlock, line: number): string {
  const pos = state.bMarks[line] + state.tShift[line];
  return state.src.slice(pos, state.eMarks[line]);
}

/** markdown-it's escapedSplit: `str` cut at each `|` not right after a backslash, an escaped pipe kept without its backslash. */
export function escapedSplit(str: string): string[] {
  const result: string[] = [];
  const max = str.length;
  let pos = 0;
  let ch = str.charCodeAt(pos);
  let isEscaped = false;
  let lastPos = 0;
  let current = '';
  while (pos < max) {
    if (ch === 0x7c) {
      if (!isEscaped) {
        result.push(current + str.substring(lastPos, pos));
        current = '';
        lastPos = pos + 1;
      } else {
        current += str.substring(lastPos, pos - 1);
        lastPos = pos;
      }
    }
    isEscaped = ch === 0x5c;
    pos++;
    ch = str.charCodeAt(pos);
  }
  result.push(current + str.substring(lastPos));
  return result;
}

/**
 * `escapedSplit(str)`'s length once an empty first and an empty last cell are dropped, as the rule
 * drops them: the pipes not right after a backslash, plus one; the first cell is empty when `str`
 * opens with a pipe, the last when it ends with a pipe not right after a backslash.
 */
export function cellCount(str: string): number {
  if (!str) return 0; // (one empty cell, dropped)
  let n = 1;
  let lastIsPipe = false;
  for (let pos = 0; pos < str.length; pos++) {
    const ch = str.charCodeAt(pos);
    lastIsPipe = ch === 0x7c && (pos === 0 || str.charCodeAt(pos - 1) !== 0x5c);
    if (lastIsPipe) n++;
  }
  if (str.charCodeAt(0) === 0x7c) n--;
  if (n > 0 && lastIsPipe) n--;
  return n;
}

export function leanTable(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  if (startLine + 2 > endLine) return false;
  let nextLine = startLine + 1;
  if (state.sCount[nextLine] < state.blkIndent) return false;
  if (state.sCount[nextLine] - state.blkIndent >= 4) return false;

  let pos = state.bMarks[nextLine] + state.tShift[nextLine];
  if (pos >= state.eMarks[nextLine]) return false;
  const firstCh = state.src.charCodeAt(pos++);
  if (firstCh !== 0x7c && firstCh !== 0x2d && firstCh !== 0x3a) return false;
  if (pos >= state.eMarks[nextLine]) return false;
  const secondCh = state.src.charCodeAt(pos++);
  if (secondCh !== 0x7c && secondCh !== 0x2d && secondCh !== 0x3a && !isSpace(secondCh)) return false;
  if (firstCh === 0x2d && isSpace(secondCh)) return false;
  while (pos < state.eMarks[nextLine]) {
    const ch = state.src.charCodeAt(pos);
    if (ch !== 0x7c && ch !== 0x2d && ch !== 0x3a && !isSpace(ch)) return false;
    pos++;
  }

  let lineText = getLine(state, startLine + 1);
  let columns = lineText.split('|');
  const aligns: string[] = [];
  for (let i = 0; i < columns.length; i++) {
    const t = columns[i].trim();
    if (!t) {
      if (i === 0 || i === columns.length - 1) continue;
      return false;
    }
    if (!/^:?-+:?$/.test(t)) return false;
    if (t.charCodeAt(t.length - 1) === 0x3a) aligns.push(t.charCodeAt(0) === 0x3a ? 'center' : 'right');
    else if (t.charCodeAt(0) === 0x3a) aligns.push('left');
    else aligns.push('');
  }

  lineText = getLine(state, startLine).trim();
  if (lineText.indexOf('|') === -1) return false;
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  columns = escapedSplit(lineText);
  if (columns.length && columns[0] === '') columns.shift();
  if (columns.length && columns[columns.length - 1] === '') columns.pop();
  const columnCount = columns.length;
  if (columnCount === 0 || columnCount !== aligns.length) return false;
  if (silent) return true;

  const oldParentType = state.parentType;
  state.parentType = 'table' as StateBlock['parentType'];
  const terminatorRules = state.md.block.ruler.getRules('blockquote');

  const tableOpen = state.push('table_open', 'table', 1);
  const tableLines: [number, number] = [startLine, 0];
  tableOpen.map = tableLines;
  state.push('thead_open', 'thead', 1).map = [startLine, startLine + 1];
  state.push('tr_open', 'tr', 1).map = [startLine, startLine + 1];
  for (let i = 0; i < columnCount; i++) {
    const th = state.push('th_open', 'th', 1);
    if (aligns[i]) th.attrs = [['style', 'text-align:' + aligns[i]]];
    state.push('th_close', 'th', -1);
  }
  state.push('tr_close', 'tr', -1);
  state.push('thead_close', 'thead', -1);

  let tbodyLines: [number, number] | undefined;
  let autocompletedCells = 0;
  for (nextLine = startLine + 2; nextLine < endLine; nextLine++) {
    if (state.sCount[nextLine] < state.blkIndent) break;
    let terminate = false;
    for (let i = 0, l = terminatorRules.length; i < l; i++) {
      if (terminatorRules[i](state, nextLine, endLine, true)) {
        terminate = true;
        break;
      }
    }
    if (terminate) break;
    lineText = getLine(state, nextLine).trim();
    if (!lineText) break;
    if (state.sCount[nextLine] - state.blkIndent >= 4) break;
    autocompletedCells += columnCount - cellCount(lineText);
    if (autocompletedCells > MAX_AUTOCOMPLETED_CELLS) break;
    if (nextLine === startLine + 2) state.push('tbody_open', 'tbody', 1).map = tbodyLines = [startLine + 2, 0];
    state.push('tr_open', 'tr', 1).map = [nextLine, nextLine + 1];
    state.push('tr_close', 'tr', -1);
  }
  if (tbodyLines) {
    state.push('tbody_close', 'tbody', -1);
    tbodyLines[1] = nextLine;
  }
  state.push('table_close', 'table', -1);
  tableLines[1] = nextLine;
  state.parentType = oldParentType;
  state.line = nextLine;
  return true;
}

/**
 * True if markdown-it reads `content` (one line of a table cell, trimmed) as one text token holding
 * all of it: none of the characters that start an inline rule of the parser (createParser: escape,
 * code span, emphasis, image, autolink, inline HTML, entity) and no `[` that could open a link (a
 * link reference needs a definition in `env`, an inline link a `](`: `[[Name]]` is text then).
 */
export function plainInline(content: string, env: Record<string, unknown>): boolean {
  for (let i = 0; i < content.length; i++) {
    const c = content.charCodeAt(i);
    if (c === 0x5c || c === 0x60 || c === 0x2a || c === 0x5f || c === 0x21 || c === 0x3c || c === 0x26 || c === 10) return false;
    if (c === 0x5b && (env.references !== undefined || content.indexOf('](') >= 0)) return false;
  }
  return true;
}
