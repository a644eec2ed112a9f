/**
 * Masking: a block's source with everything that is not prose (code, HTML, images, markup) replaced
 * by spaces, offsets kept; the HTML comments met on the way are recorded on the document.
 */
import type { Nodes, PhrasingContent } from 'mdast';
import { work } from '../work';
import { unpinned } from '../caches';
import type { ReportDocument } from './model';

/** A run of checkable text: a paragraph, a heading or a table cell, with markup masked out. */
export interface Block {
  /** Absolute offset of `masked[0]`. */
  start: number;
  /** Source text with everything that is not prose (code, HTML, markup) replaced by spaces. */
  masked: string;
}

export function offsets(node: Nodes): [number, number] | null {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? null : [s, e];
}

/** Records the HTML comments in `[start, end)` (an html node may hold several, or other tags). */
export function collectComments(doc: ReportDocument, start: number, end: number): void {
  const slice = doc.text.slice(start, end);
  let at = 0;
  for (;;) {
    const open = slice.indexOf('<!--', at);
    if (open < 0) return;
    const close = slice.indexOf('-->', open + 4);
    const stop = close < 0 ? slice.length : close + 3;
    doc.comments.push({ start: start + open, end: start + stop, text: slice.slice(open + 4, close < 0 ? slice.length : close) });
    at = stop;
  }
}

/**
 * Copies the source of a block, replacing everything that is not prose by spaces (offsets are
 * kept). `maskLinks` also hides link texts (the markup detector does not mark inside links).
 */
export function maskBlock(node: Nodes, text: string, doc?: ReportDocument, maskLinks = false): Block | null {
  const off = offsets(node);
  if (!off) return null;
  const [start, end] = off;
  work.steps += end - start;
  // Plain prose (most blocks): text nodes only, end to end over the whole block. Every unit is kept:
  // the block's source as it is, in a string of its own as before (unpinned: what the readers slice
  // of it keeps no whole text alive), without copying it unit by unit.
  if (tiledByText(node, start, end)) {
    work.steps += end - start;
    return { start, masked: unpinned(text.slice(start, end)) };
  }
  // Text nodes only, not end to end (a table cell: its text between its pipes): the same units as
  // below, without a typed array per block.
  const spaced = textOnly(node, text, start, end);
  if (spaced !== null) {
    work.steps += end - start;
    return { start, masked: spaced };
  }
  // UTF-16 code units (a lone surrogate stays as it is), spaces where nothing is kept.
  const chars = new Uint16Array(end - start).fill(SPACE);
  const keep = (n: Nodes): void => {
    const o = offsets(n);
    if (!o) return;
    work.steps += o[1] - o[0];
    for (let i = o[0]; i < o[1]; i++) chars[i - start] = text.charCodeAt(i);
  };
  const walk = (n: Nodes): void => {
    switch (n.type) {
      case 'text':
        keep(n);
        return;
      case 'linkReference': {
        // Kept whole ("[[x]]" with a definition "[x]: …" is "[" + a link reference + "]"), but
        // not what inside it is not prose: "[a `[[x]]`][ref]" has a code span (CommonMark ex. 530).
        keep(n);
        const o = offsets(n);
        const stack = [...(n.children as PhrasingContent[])];
        while (o && stack.length) {
          const c = stack.pop()!;
          const co = offsets(c);
          if (co && (c.type === 'inlineCode' || c.type === 'html' || c.type === 'image' || c.type === 'imageReference' || c.type === 'break')) {
            chars.fill(SPACE, co[0] - start, co[1] - start);
            if (c.type === 'html' && doc) collectComments(doc, co[0], co[1]);
          } else if ('children' in c) stack.push(...(c.children as PhrasingContent[]));
        }
        return;
      }
      case 'html': {
        const o = offsets(n);
        if (o && doc) collectComments(doc, o[0], o[1]);
        return;
      }
      case 'link':
        if (maskLinks) return;
        for (const c of n.children as PhrasingContent[]) walk(c);
        return;
      case 'break': {
        // A hard line break ("  \n", "\\\n") reads as its line end, so that LF and CRLF files read alike.
        const o = offsets(n);
        if (o) for (let i = o[0]; i < o[1]; i++) if (text[i] === '\n' || text[i] === '\r') chars[i - start] = text.charCodeAt(i);
        return;
      }
      case 'inlineCode':
      case 'image':
      case 'imageReference':
        return;
      default:
        if ('children' in n) for (const c of n.children as PhrasingContent[]) walk(c);
    }
  };
  if ('children' in node) for (const c of node.children as PhrasingContent[]) walk(c);
  // Line breaks inside a paragraph are spaces for the prose; keep them as spaces.
  return { start, masked: fromCodeUnits(chars) };
}

const SPACE = 0x20;

/** True if the node's children are text nodes only, each starting where the one before ends, from `start` to `end`. */
function tiledByText(node: Nodes, start: number, end: number): boolean {
  if (!('children' in node)) return false;
  let at = start;
  for (const c of node.children as PhrasingContent[]) {
    if (c.type !== 'text') return false;
    const s = c.position?.start.offset;
    const e = c.position?.end.offset;
    if (s !== at || e === undefined || e < s) return false;
    at = e;
  }
  return at === end && end > start;
}

const SPACES = ' '.repeat(256);
const spaces = (n: number): string => (n <= SPACES.length ? SPACES.slice(0, n) : ' '.repeat(n));

/**
 * The source `[start, end)` with only its text nodes kept (spaces elsewhere), if the node's
 * children are text nodes alone, in order, inside it (none: all spaces); else null. A string of its
 * own (unpinned), as fromCodeUnits's.
 */
function textOnly(node: Nodes, text: string, start: number, end: number): string | null {
  if (!('children' in node)) return null;
  let at = start;
  let out = '';
  for (const c of node.children as PhrasingContent[]) {
    if (c.type !== 'text') return null;
    const s = c.position?.start.offset;
    const e = c.position?.end.offset;
    if (s === undefined || e === undefined || s < at || e < s || e > end) return null;
    out += spaces(s - at) + text.slice(s, e);
    at = e;
  }
  return unpinned(out + spaces(end - at));
}

/** The string of these UTF-16 code units (in slices: an argument list has a limit). */
function fromCodeUnits(units: Uint16Array): string {
  const SLICE = 8192;
  if (units.length <= SLICE) return String.fromCharCode.apply(null, units as unknown as number[]);
  let out = '';
  for (let i = 0; i < units.length; i += SLICE) out += String.fromCharCode.apply(null, units.subarray(i, i + SLICE) as unknown as number[]);
  return out;
}
