/**
 * What of a report is prose the detector may mark: the same CommonMark (+ GFM tables, + YAML front
 * matter) reading and the same masking as the parser (parse/document.ts: only text nodes of
 * paragraphs, headings and table cells; code, HTML, images and the front matter never), split into
 * the same units the parser binds in: sentences of a paragraph or heading, rows of a table.
 * Existing references `[[...]]` are masked too (already marked) and listed; link texts are masked
 * (a mark inside a link label would break the link).
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import type { Nodes, Root, RootContent, PhrasingContent } from 'mdast';

/** A part of a unit: a sentence of a paragraph, or one cell of a table row. */
export interface ProsePart {
  /** Absolute offset of `text[0]`. */
  start: number;
  /** The source with everything that is not prose (and existing references) replaced by spaces. */
  text: string;
  /** Existing references in this part: absolute offsets and the text between the brackets. */
  refs: Array<{ start: number; end: number; inner: string }>;
}

/** A sentence (one part) or a table row (one part per cell): the scope of the binding rule. */
export interface ProseUnit {
  parts: ProsePart[];
  table: boolean;
  headerRow: boolean;
  /** Absolute offsets of the whole unit. */
  start: number;
  end: number;
  /** Absolute start of the block (paragraph) the unit is in: context for compiler cues. */
  blockStart: number;
}

const REFERENCE = /\[\[([^\[\]\r\n]*)\]\]/g;

export function proseUnits(text: string): ProseUnit[] {
  let tree: Root;
  try {
    tree = fromMarkdown(text, {
      extensions: [frontmatter(['yaml']), gfmTable()],
      mdastExtensions: [frontmatterFromMarkdown(['yaml']), gfmTableFromMarkdown()],
    });
  } catch {
    return [];
  }
  const units: ProseUnit[] = [];
  const visit = (node: RootContent): void => {
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        const block = maskBlock(node, text);
        if (!block) return;
        for (const [from, to] of sentenceSpans(block.masked)) {
          const part = makePart(block.start + from, block.masked.slice(from, to));
          units.push({ parts: [part], table: false, headerRow: false, start: part.start, end: part.start + part.text.length, blockStart: block.start });
        }
        return;
      }
      case 'table':
        node.children.forEach((row, i) => {
          const parts: ProsePart[] = [];
          for (const cell of row.children) {
            const block = maskBlock(cell, text);
            if (block) parts.push(makePart(block.start, block.masked));
          }
          if (!parts.length) return;
          const last = parts[parts.length - 1];
          units.push({ parts, table: true, headerRow: i === 0, start: parts[0].start, end: last.start + last.text.length, blockStart: parts[0].start });
        });
        return;
      case 'code':
      case 'html':
      case 'yaml':
        return;
      default:
        if ('children' in node && Array.isArray(node.children)) for (const c of node.children as RootContent[]) visit(c);
    }
  };
  for (const node of tree.children) visit(node);
  return units;
}

function makePart(start: number, masked: string): ProsePart {
  const refs: ProsePart['refs'] = [];
  const text = masked.replace(REFERENCE, (m: string, inner: string, at: number) => {
    refs.push({ start: start + at, end: start + at + m.length, inner });
    return ' '.repeat(m.length);
  });
  return { start, text, refs };
}

function offsets(node: Nodes): [number, number] | null {
  const s = node.position?.start.offset;
  const e = node.position?.end.offset;
  return s === undefined || e === undefined ? null : [s, e];
}

/** As parse/document.ts maskBlock, and link texts masked as well. */
function maskBlock(node: Nodes, text: string): { start: number; masked: string } | null {
  const off = offsets(node);
  if (!off) return null;
  const [start, end] = off;
  const chars = new Array<string>(end - start).fill(' ');
  const keep = (n: Nodes): void => {
    const o = offsets(n);
    if (!o) return;
    for (let i = o[0]; i < o[1]; i++) chars[i - start] = text[i];
  };
  const walk = (n: Nodes): void => {
    switch (n.type) {
      case 'text':
      case 'linkReference':
        keep(n);
        return;
      case 'link':
      case 'inlineCode':
      case 'html':
      case 'image':
      case 'imageReference':
      case 'break':
        return;
      default:
        if ('children' in n) for (const c of n.children as PhrasingContent[]) walk(c);
    }
  };
  if ('children' in node) for (const c of node.children as PhrasingContent[]) walk(c);
  return { start, masked: chars.join('') };
}

/** As parse/document.ts: at `;`, and at . ! ? … followed by white space or the end. */
export function sentenceSpans(s: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let begin = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    const boundary = c === ';' || ((c === '.' || c === '!' || c === '?' || c === '…') && (i + 1 >= s.length || /\s/.test(s[i + 1])));
    if (boundary) {
      spans.push([begin, i + 1]);
      begin = i + 1;
    }
  }
  if (begin < s.length) spans.push([begin, s.length]);
  return spans;
}
