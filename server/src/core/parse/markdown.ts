/**
 * The report's Markdown tree from markdown-it (CommonMark + GFM tables; the YAML front matter read
 * here, as micromark's front matter extension reads it), shaped as mdast with every node's offsets
 * in the report's own text: what parse/, word/model.ts and markup/prose.ts read.
 *
 * The position invariant: a node's `[start.offset, end.offset)` is the source micromark and
 * mdast-util-from-markdown give it (the parser before this one; test/unit/parser-equivalence.test.ts
 * compares the two on every fixture and on random reports), in UTF-16 code units of the text as
 * given: a BOM, CRLF or CR line ends, tabs and astral characters included. markdown-it reads a
 * normalized copy (CRLF -> LF, NUL -> U+FFFD, no BOM, the front matter blanked): offsets in it are
 * mapped back. Block starts come from the block parser's own line marks (each rule wrapped to note
 * them on the tokens it pushed); a leaf block ends at the end of its last line; inline offsets come
 * from markdown-inline.ts, through the map from each inline source's lines to the text's lines.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import type { Code, Html, Root, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { Point } from 'unist';
import { inlineNodes, trackInlinePositions, type PointAt } from './markdown-inline';
import { delimiterRowHasPipeOrColon, htmlBlockStart, trimContent } from './markdown-blocks';
import { frontMatterAt, Source } from './markdown-source';
import { lazyRow } from './lazy-row';
import { firstIndex } from './clauses';
import { leanTable, plainInline } from './table-rule';
import { lastAtMost } from '../text';
import { holdShapes } from '../held-shapes';

export { frontMatterAt };

/** Where a block token starts in the normalized source: its first character, and its line's start inside its containers. */
interface BlockMark {
  first: number;
  from: number;
}

function createParser(): MarkdownIt {
  const md = new MarkdownIt('commonmark', { html: true, linkify: false, typographer: false });
  // Nesting past the guard's budgets (guard.ts: 32 markers on a line, none past column 128), so that no
  // content is dropped (markdown-it drops what nests deeper), not the CommonMark preset's 20.
  md.set({ maxNesting: 256 } as object);
  md.enable('table');
  // The same tables, without the cells' tokens the tree builder never reads (table-rule.ts).
  md.block.ruler.at('table', leanTable, { alt: ['paragraph', 'reference'] });
  // The text as written: no typographic replacements, no joining of escapes into text (positions).
  md.core.ruler.disable(['normalize', 'text_join']);
  md.inline.ruler2.disable('fragments_join');
  type Rule = { name: string; enabled: boolean; fn: (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean };
  const ruler = md.block.ruler as unknown as { __rules__: Rule[]; __cache__: unknown };
  for (const rule of ruler.__rules__) {
    const fn = rule.fn;
    rule.fn = (state, startLine, endLine, silent) => {
      // A delimiter row of dashes alone (no `|`, no `:`) is a setext underline or a thematic break,
      // not a table's (GFM: micromark and cmark-gfm try those first); markdown-it tries the table first.
      if (rule.name === 'table' && !delimiterRowHasPipeOrColon(state, startLine + 1, endLine)) return false;
      if (rule.name === 'html_block' && !htmlBlockStart(state, startLine)) return false;
      const n = state.tokens.length;
      const ok = fn(state, startLine, endLine, silent);
      if (ok && !silent) {
        if (rule.name === 'paragraph' || rule.name === 'heading' || rule.name === 'lheading') trimContent(state, state.tokens[n], state.tokens[n + 1]);
        for (let i = n; i < state.tokens.length; i++) {
          const t = state.tokens[i];
          if (t.map && !t.meta && t.nesting >= 0) {
            const line = t.map[0];
            // `from`: where the container's content starts on the line (its indentation, `blkIndent`, skipped).
            let from = state.bMarks[line];
            for (let col = state.bsCount[line]; col < state.bsCount[line] + state.blkIndent && from < state.eMarks[line]; from++) {
              const c = state.src.charCodeAt(from);
              if (c !== 32 && c !== 9) break;
              col += c === 9 ? 4 - (col % 4) : 1;
            }
            // A tab the container's prefix took columns of (`>` and its blank) is the prefix's (micromark).
            if (from === state.bMarks[line] && state.src.charCodeAt(from) === 9 && from < state.bMarks[line] + state.tShift[line]) {
              const lineStart = state.src.lastIndexOf('\n', from - 1) + 1;
              if (columns(state.src, lineStart, from) < state.bsCount[line]) from++;
            }
            t.meta = { first: state.bMarks[line] + state.tShift[line], from } satisfies BlockMark;
          }
        }
      }
      return ok;
    };
  }
  ruler.__cache__ = null;
  trackInlinePositions(md);
  // A table's cells are cut again from the source and read then (TreeBuilder.cells): their inline
  // tokens are not tokenized here (a third of the 1 MB draft's parse time was its 35 000 cells).
  md.core.ruler.at('inline', (state) => {
    let table = 0;
    for (const tok of state.tokens) {
      if (tok.type === 'table_open') table++;
      else if (tok.type === 'table_close') table--;
      else if (tok.type === 'inline' && !table) state.md.inline.parse(tok.content, state.md, state.env, tok.children!);
    }
  });
  return md;
}

let parser: MarkdownIt | null = null;

/**
 * The Markdown tree of `text` (see the module comment). May throw (markdown-it is not known to):
 * the callers catch.
 */
export function markdownItTree(text: string): Root {
  const source = new Source(text);
  const md = (parser ??= createParser());
  const env: Record<string, unknown> = {};
  const tokens = md.parse(source.src, env);
  const root: Root = { type: 'root', children: [], position: { start: source.point(0), end: source.point(source.src.length) } };
  const fm = frontMatterAt(text);
  if (fm && fm.end >= 0) {
    // In the normalized text: no BOM, each CRLF one character.
    const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
    const crlf = (a: number, b: number): number => text.slice(a, b).split('\r\n').length - 1;
    const position = { start: source.point(fm.open - bom), end: source.point(fm.end - bom - crlf(0, fm.end)) };
    const value = text.slice(fm.open, fm.end).replace(/^---[ \t]*(?:\r\n|\r|\n)/, '').replace(/(?:^|\r\n|\r|\n)---[ \t]*$/, '');
    root.children.push({ type: 'yaml', value, position });
  }
  new TreeBuilder(source, md, env).build(tokens, root);
  return root;
}

type Parent = { children: unknown[]; position?: { start: Point; end: Point } };

class TreeBuilder {
  constructor(
    private readonly s: Source,
    private readonly md: MarkdownIt,
    private readonly env: Record<string, unknown>,
  ) {}

  private pos(start: number, end: number): { start: Point; end: Point } {
    return { start: this.s.point(start), end: this.s.point(end) };
  }

  build(tokens: Token[], root: Root): void {
    const stack: Array<{ node: Parent; marker: number }> = [{ node: root as Parent, marker: 0 }];
    const add = (n: RootContent): void => {
      stack[stack.length - 1].node.children.push(n);
    };
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      const mark = t.meta as BlockMark | null;
      const lastLine = t.map ? t.map[1] - 1 : 0;
      switch (t.type) {
        case 'paragraph_open':
        case 'heading_open': {
          const inline = tokens[i + 1];
          i += 2;
          if (!mark || !t.map || inline?.type !== 'inline') break;
          const setext = t.type === 'heading_open' && (t.markup === '=' || t.markup === '-');
          const at = t.type === 'heading_open' && !setext ? this.atxContent(inline.content, mark.first, t.map[0]) : this.linesContent(inline.content, t.map[0]);
          const children = inlineNodes(inline.children ?? [], inline.content, at);
          const position = this.pos(mark.first, this.s.lineEnd(lastLine));
          add(t.type === 'paragraph_open' ? { type: 'paragraph', children, position } : { type: 'heading', depth: Number(t.tag.slice(1)) as 1, children, position });
          break;
        }
        case 'blockquote_open':
        case 'bullet_list_open':
        case 'ordered_list_open':
        case 'list_item_open': {
          const start = mark?.first ?? 0;
          const node: Parent =
            t.type === 'blockquote_open'
              ? { type: 'blockquote', children: [] } as Parent
              : t.type === 'list_item_open'
                ? ({ type: 'listItem', spread: false, checked: null, children: [] } as Parent)
                : ({ type: 'list', ordered: t.type === 'ordered_list_open', start: t.type === 'ordered_list_open' ? Number(t.attrGet('start') ?? 1) : null, spread: false, children: [] } as Parent);
          node.position = this.pos(start, start);
          add(node as RootContent);
          stack.push({ node, marker: start + (t.type === 'list_item_open' ? t.info.length + t.markup.length : t.type === 'blockquote_open' ? 1 : 0) });
          break;
        }
        case 'blockquote_close':
        case 'bullet_list_close':
        case 'ordered_list_close':
        case 'list_item_close': {
          if (stack.length < 2) break;
          const { node, marker } = stack.pop()!;
          // A container ends where its last child ends (an empty item: after its marker).
          const last = node.children[node.children.length - 1] as Parent | undefined;
          node.position!.end = last?.position ? last.position.end : this.s.point(marker);
          break;
        }
        case 'fence':
        case 'code_block': {
          if (!mark || !t.map) break;
          let start = t.type === 'code_block' ? mark.from : mark.first;
          // Indented code on a list item's first line starts one column after the marker (CommonMark 5.2,
          // rule 2: the item's content starts there), past the blank that column is part of.
          if (t.type === 'code_block' && this.firstInItem(t.map[0], stack)) start = stack[stack.length - 1].marker + 1;
          let end = t.type === 'code_block' ? this.indentedCodeEnd(lastLine, start, stack) : this.s.lineEnd(lastLine);
          if (t.type === 'fence' && this.runsToEnd(lastLine, stack) && (lastLine === t.map[0] || !isClosingFence(this.s.src.slice(this.s.lineStarts[lastLine], end), t.markup))) end = this.s.src.length;
          const node: Code = { type: 'code', lang: t.info.trim().split(/\s/)[0] || null, meta: null, value: t.content.replace(/\n$/, ''), position: this.pos(start, end) };
          add(node);
          break;
        }
        case 'html_block': {
          if (!mark || !t.map) break;
          const end = this.runsToEnd(lastLine, stack) && htmlUnclosed(t.content) ? this.s.src.length : this.s.lineEnd(lastLine);
          // The block's indentation is its own (its value keeps it): it starts where its container's content
          // does (on a list item's first line, after the marker's blanks: its first character).
          const node: Html = { type: 'html', value: t.content.replace(/\n$/, ''), position: this.pos(this.firstInItem(t.map[0], stack) ? mark.first : mark.from, end) };
          add(node);
          break;
        }
        case 'hr':
          if (mark) add({ type: 'thematicBreak', position: this.pos(mark.first, this.s.lineEnd(lastLine)) });
          break;
        case 'table_open': {
          let j = i + 1;
          while (j < tokens.length && tokens[j].type !== 'table_close') j++;
          const table = this.table(tokens.slice(i + 1, j));
          if (table && mark && t.map) {
            table.position = this.pos(mark.first, this.s.lineEnd(lastLine));
            add(table);
          }
          i = j;
          break;
        }
        default:
          break;
      }
    }
  }

  /** True if a block starting on `line` is the first child of the list item open on the same line (after its marker). */
  private firstInItem(line: number, stack: Array<{ node: Parent; marker: number }>): boolean {
    const top = stack[stack.length - 1];
    return (top.node as { type?: string }).type === 'listItem' && !top.node.children.length && this.s.lineOf(top.marker) === line;
  }

  /**
   * True if a block whose last line is `lastLine` reaches the end of the text, where a final line
   * break leaves an empty last line (which markdown-it does not count): an unclosed code fence or
   * HTML block of kinds 1-5 runs into it (micromark's offsets), unless a block quote ends before it.
   */
  private runsToEnd(lastLine: number, stack: Array<{ node: Parent }>): boolean {
    return lastLine >= this.s.lastLine() && !stack.some((e) => (e.node as { type?: string }).type === 'blockquote');
  }

  /**
   * The end of an indented code block whose last line with text is `lastLine`: micromark's node
   * also runs over the blank lines right after it, to the end of the last of them indented 4
   * columns or more (more than its content's indentation; not in a block quote).
   */
  private indentedCodeEnd(lastLine: number, start: number, stack: Array<{ node: Parent }>): number {
    const { src, lineStarts } = this.s;
    let end = this.s.lineEnd(lastLine);
    if (stack.some((e) => (e.node as { type?: string }).type === 'blockquote')) return end;
    const need = columns(src, lineStarts[this.s.lineOf(start)], start) + 4;
    for (let line = lastLine + 1; line <= this.s.lastLine(); line++) {
      const e = this.s.lineEnd(line);
      let i = lineStarts[line];
      while (i < e && (src.charCodeAt(i) === 32 || src.charCodeAt(i) === 9)) i++;
      if (i < e) break;
      if (columns(src, lineStarts[line], e) >= need) end = e;
    }
    return end;
  }

  /** Offsets of an ATX heading's content (one line, trimmed, the closing sequence left out). */
  private atxContent(content: string, first: number, line: number): PointAt {
    const { src } = this.s;
    let k = first;
    while (src.charCodeAt(k) === 0x23) k++;
    const at = content ? src.indexOf(content, k) : k;
    const base = at >= 0 && at <= this.s.lineEnd(line) ? at : k;
    return (c) => this.s.point(base + c);
  }

  /**
   * Offsets of a paragraph's (or setext heading's) content: its lines are the source lines from
   * `firstLine` on, each the end of its source line (the container prefix and indentation taken
   * off; a tab partly taken off leaves virtual spaces before it), the whole trimmed of blanks.
   */
  private linesContent(content: string, firstLine: number): PointAt {
    const { src } = this.s;
    const lines = content.split('\n');
    const line = firstLine;
    const ci: number[] = [];
    const si: number[] = [];
    const vi: number[] = [];
    let c = 0;
    lines.forEach((l, k) => {
      let end = this.s.lineEnd(line + k);
      if (k === lines.length - 1) while (end > this.s.lineStarts[line + k] && (src.charCodeAt(end - 1) === 32 || src.charCodeAt(end - 1) === 9)) end--;
      let v = 0;
      while (v < l.length && l.charCodeAt(v) === 32 && !src.startsWith(l.slice(v), end - (l.length - v))) v++;
      ci.push(c);
      si.push(end - (l.length - v));
      vi.push(v);
      c += l.length + 1;
    });
    let k = 0;
    const at: PointAt = (off) => {
      // Offsets come mostly in order: walk on from the last line, search when one goes back.
      if (ci[k] > off) k = lastAtMost(ci, off, 0, k);
      while (k + 1 < ci.length && ci[k + 1] <= off) k++;
      return this.s.point(si[k] + Math.max(0, off - ci[k] - vi[k]));
    };
    // The line break ending content line j is the end of source line `line + j`.
    at.afterBreak = (off) => {
      // The last content line starting at or before `off` (the first, if none does).
      const lo = Math.max(0, firstIndex(ci.length, (i) => ci[i] > off) - 1);
      return this.s.point(this.s.lineStarts[Math.min(line + lo + 1, this.s.lineStarts.length - 1)]);
    };
    return at;
  }

  /** A table from its tokens (between table_open and table_close): rows and cells cut in the source, as GFM cuts them. */
  private table(tokens: Token[]): Table | null {
    const align: Table['align'] = [];
    const rows: TableRow[] = [];
    tokens.forEach((t) => {
      if (t.type === 'th_open') {
        const style = t.attrGet('style') ?? '';
        align.push(/left/.test(style) ? 'left' : /right/.test(style) ? 'right' : /center/.test(style) ? 'center' : null);
      }
      const mark = t.meta as BlockMark | null;
      if (t.type !== 'tr_open' || !t.map || !mark) return;
      const end = this.s.lineEnd(t.map[0]);
      rows.push(lazyRow(() => this.cells(mark.first, end), this.pos(mark.first, end))); // (cells cut when first asked)
    });
    return { type: 'table', align, children: rows };
  }

  /**
   * The cells of a row `[start, end)`: cut at each pipe not escaped by a backslash (code spans
   * too, as GFM does), each cell from its leading pipe to the next; the last one takes the row's
   * closing pipe and trailing blanks. A cell's content is its text between the pipes, blanks trimmed,
   * read by markdown-it's inline parser (its core rule left the table's cells unread: createParser),
   * or, when it is plain text to that parser (plainInline), made the one text node that parse gives.
   */
  private cells(start: number, end: number): TableCell[] {
    const { src } = this.s;
    let stop = end;
    while (stop > start && (src.charCodeAt(stop - 1) === 32 || src.charCodeAt(stop - 1) === 9)) stop--;
    const pipes: number[] = [];
    for (let i = start; i < stop; i++) {
      const c = src.charCodeAt(i);
      if (c === 0x5c) i++;
      else if (c === 0x7c) pipes.push(i);
    }
    // The closing pipe belongs to the last cell.
    const closing = pipes.length && pipes[pipes.length - 1] === stop - 1 && stop - 1 > start ? pipes.pop()! : -1;
    const bounds = pipes[0] === start ? pipes : [start, ...pipes];
    const cells: TableCell[] = [];
    bounds.forEach((b, k) => {
      const cellEnd = k + 1 < bounds.length ? bounds[k + 1] : end;
      let a = src.charCodeAt(b) === 0x7c && (b > start || pipes[0] === start) ? b + 1 : b;
      let z = k + 1 < bounds.length ? bounds[k + 1] : closing >= 0 ? closing : stop;
      while (a < z && (src.charCodeAt(a) === 32 || src.charCodeAt(a) === 9)) a++;
      while (z > a && (src.charCodeAt(z - 1) === 32 || src.charCodeAt(z - 1) === 9)) z--;
      const content = src.slice(a, z);
      let children: TableCell['children'];
      if (!content) children = [];
      else if (plainInline(content, this.env)) children = [{ type: 'text', value: content, position: this.pos(a, z) }];
      else {
        const tokens: Token[] = [];
        this.md.inline.parse(content, this.md, this.env, tokens);
        children = inlineNodes(tokens, content, (c) => this.s.point(a + c));
      }
      cells.push({ type: 'tableCell', children, position: this.pos(b, cellEnd) });
    });
    return cells;
  }
}

/** The column (tabs to multiples of 4) at `at` of a line starting at `from`. */
function columns(src: string, from: number, at: number): number {
  let col = 0;
  for (let i = from; i < at; i++) col += src.charCodeAt(i) === 9 ? 4 - (col % 4) : 1;
  return col;
}

/** True if an HTML block of the kinds that only their end condition ends (1-5) has none. */
function htmlUnclosed(content: string): boolean {
  const m = /^ {0,3}<(?:(script|pre|style|textarea)(?=[\s>]|$)|(!--)|(\?)|(![A-Za-z])|(!\[CDATA\[))/i.exec(content);
  if (!m) return false;
  const close = m[1] ? new RegExp(`</${m[1]}>`, 'i') : m[2] ? /-->/ : m[3] ? /\?>/ : m[4] ? />/ : /\]\]>/;
  return !close.test(content.slice(m[0].length));
}

/** True if `line` closes a fence opened by `markup` (at most 3 spaces in, a run at least as long, blanks after). */
function isClosingFence(line: string, markup: string): boolean {
  const m = /^ {0,3}([`~]+)[ \t]*$/.exec(line);
  return !!m && m[1][0] === markup[0] && m[1].length >= markup.length;
}

// Its objects' maps kept through the full collections between reports (held-shapes.ts).
holdShapes(TreeBuilder);
