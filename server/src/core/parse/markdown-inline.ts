/**
 * Inline positions for markdown-it: markdown-it gives block tokens line maps but inline tokens no
 * position at all. {@link trackInlinePositions} replaces the inline parser's `tokenize` by the same
 * loop (markdown-it 14, parser_inline.mjs) that also writes, on every token a rule pushes, its
 * offsets `[start, end)` in the inline source (`token.meta`): the rule's span of the source for a
 * token it pushed alone, one character per token for emphasis delimiter runs, `<`, the address and
 * `>` of an autolink, `[` and the end of a link, and the pending text's own span for a text token
 * (pending text is always a slice of the source: the text rule, literal characters and unmatched
 * backtick runs append to it, a line break trims its trailing spaces).
 *
 * {@link inlineNodes} turns the tokens of one inline source into mdast phrasing nodes with offsets
 * in the report's text, as micromark and mdast-util-from-markdown give them: adjacent text, escapes,
 * character references and soft line breaks are one text node spanning their source (container
 * prefixes of continuation lines included); a hard break, a code span, inline HTML, an image, a link
 * (or a link reference: one that ends with `]`) are nodes of their own; emphasis and strong span
 * their delimiters.
 */
import type MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type StateInline from 'markdown-it/lib/rules_inline/state_inline.mjs';
import type { Emphasis, Link, LinkReference, PhrasingContent, Strong, Text } from 'mdast';
import type { Point } from 'unist';
import { firstIndex } from './clauses';

/** A token's `[start, end)` in its inline source, once tokenize has placed it. */
type Span = [number, number];

const spanOf = (t: Token): Span | null => t.meta as Span | null;

/** Installs the position-recording tokenize on `md`'s inline parser (see the module comment). */
export function trackInlinePositions(md: MarkdownIt): void {
  const inline = md.inline;
  inline.ruler.at('backticks', backticks);
  for (const name of ['link', 'image']) {
    const rule = (inline.ruler as unknown as { __rules__: Array<{ name: string; fn: InlineRule }> }).__rules__.find((r) => r.name === name)?.fn;
    if (rule) inline.ruler.at(name, (state, silent) => mayLink(state) && rule(state, silent));
  }
  const ruleNames = (): string[] => (inline.ruler as unknown as { __rules__: Array<{ name: string; enabled: boolean }> }).__rules__.filter((r) => r.enabled).map((r) => r.name);
  let names: string[] | null = null;
  inline.tokenize = function tokenize(state: StateInline): void {
    const rules = inline.ruler.getRules('');
    names ??= ruleNames();
    const len = rules.length;
    const end = state.posMax;
    const maxNesting = (state.md.options as { maxNesting?: number }).maxNesting ?? 100;
    const tokens = state.tokens;
    let pendingStart = state.pos;
    while (state.pos < end) {
      const prevPos = state.pos;
      if (!state.pending) pendingStart = prevPos;
      const before = tokens.length;
      const pendingBefore = state.pending.length;
      let ok = false;
      let rule = -1;
      if (state.level < maxNesting) {
        for (let i = 0; i < len; i++) {
          ok = rules[i](state, false);
          if (ok) {
            if (prevPos >= state.pos) throw new Error("inline rule didn't increment state.pos");
            rule = i;
            break;
          }
        }
      }
      if (ok) {
        if (tokens.length > before) place(tokens, before, pendingBefore > 0 ? pendingStart : -1, prevPos, state.pos, names[rule]);
        if (state.pos >= end) break;
        continue;
      }
      state.pending += state.src[state.pos++];
    }
    if (state.pending) {
      const at = tokens.length;
      state.pushPending();
      tokens[at].meta = [pendingStart, pendingStart + tokens[at].content.length];
    }
  };
}

type InlineRule = (state: StateInline, silent: boolean) => boolean;

/** Where the last `](` of an inline source is (-1: none), per inline state. */
const linkCloses = new WeakMap<StateInline, number>();

/**
 * False if markdown-it's link (or image) rule cannot match at `state.pos`: such a link is inline,
 * its label closed by a `]` right before `(`, or a reference, which needs a definition in `env`.
 * The rule would read the label (every token inside it, once per `[`: a `[[Name]]` twice) to fail.
 */
function mayLink(state: StateInline): boolean {
  if (state.env.references !== undefined) return true;
  let close = linkCloses.get(state);
  if (close === undefined) linkCloses.set(state, (close = state.src.lastIndexOf('](')));
  return close > state.pos;
}

/** The backtick runs of an inline source: for each run length, the starts of the runs that long, ascending. */
const runsOf = new WeakMap<StateInline, Map<number, number[]>>();

function backtickRuns(state: StateInline): Map<number, number[]> {
  let runs = runsOf.get(state);
  if (!runs) {
    runs = new Map();
    const src = state.src;
    for (let i = src.indexOf('`'); i >= 0; i = src.indexOf('`', i)) {
      let j = i + 1;
      while (src.charCodeAt(j) === 0x60) j++;
      const at = runs.get(j - i);
      if (at) at.push(i);
      else runs.set(j - i, [i]);
      i = j;
    }
    runsOf.set(state, runs);
  }
  return runs;
}

/**
 * markdown-it's code span rule (rules_inline/backticks.mjs) with a cache that holds wherever the
 * rule is asked from: a run of backticks opens a code span closed by the next run exactly as long
 * (CommonMark 6.1). markdown-it's own cache notes the end of the text as scanned once a run finds
 * no closer, and a link label read ahead (`[` `` `a`b` ``) scans from later in the line first: the
 * code span `` `a` `` before it was then read as text. Here the closer is found in the runs of
 * the whole source by length (a binary search: linear in all, as markdown-it's cache meant).
 */
function backticks(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const src = state.src;
  if (src.charCodeAt(start) !== 0x60) return false;
  const max = state.posMax;
  let pos = start + 1;
  while (pos < max && src.charCodeAt(pos) === 0x60) pos++;
  const marker = src.slice(start, pos);
  const runs = backtickRuns(state).get(marker.length);
  let closer = -1;
  if (runs) {
    // The first run this long that starts after the opener (the opener's own run starts at or before `start`).
    const k = firstIndex(runs.length, (i) => runs[i] >= pos);
    if (k < runs.length) closer = runs[k];
  }
  if (closer < 0) {
    if (!silent) state.pending += marker;
    state.pos += marker.length;
    return true;
  }
  if (!silent) {
    const token = state.push('code_inline', 'code', 0);
    token.markup = marker;
    token.content = src.slice(pos, closer).replace(/\n/g, ' ').replace(/^ (.+) $/, '$1');
  }
  state.pos = closer + marker.length;
  return true;
}

/** Places the tokens `[from, tokens.length)` one rule pushed over `[start, end)` (see the module comment). */
function place(tokens: Token[], from: number, pendingStart: number, start: number, end: number, rule: string): void {
  let k = from;
  // The pending text the rule's first push flushed.
  if (pendingStart >= 0 && tokens[k].type === 'text' && !tokens[k].meta) {
    tokens[k].meta = [pendingStart, pendingStart + tokens[k].content.length];
    k++;
  }
  const n = tokens.length;
  if (rule === 'emphasis' || rule === 'strikethrough') {
    for (let i = k; i < n; i++) tokens[i].meta = [start + i - k, start + i - k + 1];
    return;
  }
  if (rule === 'autolink' && n - k === 3) {
    tokens[k].meta = [start, start + 1];
    tokens[k + 1].meta = [start + 1, end - 1];
    tokens[k + 2].meta = [end - 1, end];
    return;
  }
  if (rule === 'link') {
    // link_open, the label's tokens (placed by the nested tokenize), link_close.
    if (tokens[k].type === 'link_open') tokens[k].meta = [start, start + 1];
    if (tokens[n - 1].type === 'link_close') tokens[n - 1].meta = [end - 1, end];
    return;
  }
  for (let i = k; i < n; i++) if (!tokens[i].meta) tokens[i].meta = [start, end];
}

/**
 * Maps an offset of the inline source to a point of the report's text; `afterBreak`, where the
 * source has line breaks, maps the offset of one (`\n`) to the point right after the line break
 * it stands for in the text (before the next line's container prefix and indentation).
 */
export type PointAt = ((offset: number) => Point) & { afterBreak?: (offset: number) => Point };

/** The inline content of an image's label, as mdast's `alt` (text, code and nested images' alt). */
function altText(tokens: Token[] | null): string {
  let s = '';
  for (const t of tokens ?? []) {
    if (t.type === 'text' || t.type === 'text_special' || t.type === 'code_inline') s += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') s += '\n';
    else if (t.type === 'image') s += altText(t.children);
  }
  return s;
}

type Container = Emphasis | Strong | Link | LinkReference;

/**
 * The mdast phrasing nodes of one inline source's tokens (placed by trackInlinePositions); `source`
 * is the inline source (to tell a link from a link reference), `at` maps its offsets to points.
 */
export function inlineNodes(tokens: Token[], source: string, at: PointAt): PhrasingContent[] {
  const root: PhrasingContent[] = [];
  const stack: Array<{ node: Container | null; children: PhrasingContent[]; open: Token | null }> = [{ node: null, children: root, open: null }];
  let text: Text | null = null; // the text node a following text token extends
  let textEnd = 0;
  let endsAtBreak = false; // textEnd is a line break's offset: the text ends right after it
  const flush = (): void => {
    if (text) text.position!.end = endsAtBreak ? (at.afterBreak?.(textEnd) ?? at(textEnd + 1)) : at(textEnd);
    text = null;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const span = spanOf(t);
    const top = stack[stack.length - 1];
    switch (t.type) {
      case 'text':
      case 'text_special':
      case 'softbreak': {
        const value = t.type === 'softbreak' ? '\n' : t.content;
        if (!value || !span) break; // an emphasis delimiter made empty (its run opened or closed)
        // Blanks at the end of a line are no text of their own (micromark): a text node starts at the line end.
        if (!text && tokens[i + 1]?.type === 'softbreak' && /^[ \t]+$/.test(value)) break;
        if (text) text.value += value;
        else {
          text = { type: 'text', value, position: { start: at(span[0]), end: at(span[1]) } };
          top.children.push(text);
        }
        // A soft break's span runs on over the next line's container prefix and leading blanks,
        // which are no text (micromark): the text ends after the line break unless a text token extends it.
        const nl = t.type === 'softbreak' ? source.indexOf('\n', span[0]) : -1;
        endsAtBreak = nl >= 0 && nl < span[1];
        textEnd = endsAtBreak ? nl : span[1];
        break;
      }
      case 'hardbreak':
        flush();
        if (span) top.children.push({ type: 'break', position: { start: at(span[0]), end: at(span[1]) } });
        break;
      case 'code_inline':
        flush();
        if (span) top.children.push({ type: 'inlineCode', value: t.content, position: { start: at(span[0]), end: at(span[1]) } });
        break;
      case 'html_inline':
        flush();
        if (span) top.children.push({ type: 'html', value: t.content, position: { start: at(span[0]), end: at(span[1]) } });
        break;
      case 'image':
        flush();
        if (span) top.children.push({ type: 'image', url: t.attrGet('src') ?? '', title: t.attrGet('title'), alt: altText(t.children), position: { start: at(span[0]), end: at(span[1]) } });
        break;
      case 'link_open':
      case 'em_open':
      case 'strong_open': {
        flush();
        const node: Container =
          t.type === 'link_open'
            ? { type: 'link', url: t.attrGet('href') ?? '', title: t.attrGet('title'), children: [] }
            : { type: t.type === 'em_open' ? 'emphasis' : 'strong', children: [] };
        // A strong opener is the inner character of its run: the run starts one before.
        if (span) node.position = { start: at(span[0] - (t.type === 'strong_open' ? t.markup.length - 1 : 0)), end: at(span[1]) };
        top.children.push(node);
        stack.push({ node, children: node.children, open: t });
        break;
      }
      case 'link_close':
      case 'em_close':
      case 'strong_close': {
        flush();
        if (stack.length < 2) break;
        const { node } = stack.pop()!;
        if (!node) break;
        if (span && node.position) node.position.end = at(span[1] + (t.type === 'strong_close' ? t.markup.length - 1 : 0));
        // A link written `[text][label]`, `[text][]` or `[text]` is a reference: it ends with `]`.
        if (node.type === 'link' && t.markup !== 'autolink' && span && source.charCodeAt(span[1] - 1) === 0x5d) {
          const ref = node as unknown as LinkReference;
          ref.type = 'linkReference';
          ref.referenceType = 'full';
          ref.identifier = ref.label = '';
          delete (ref as unknown as Partial<Link>).url;
          delete (ref as unknown as Partial<Link>).title;
        }
        break;
      }
      default:
        flush();
        break;
    }
  }
  flush();
  return root;
}
