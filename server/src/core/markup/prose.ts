/**
 * What of a report is prose the detector may mark: the same CommonMark (+ GFM tables, + YAML front
 * matter) reading and the same masking as the parser (parse/document.ts: only text nodes of
 * paragraphs, headings and table cells; code, HTML, images and the front matter never), split into
 * the same units the parser binds in: sentences of a paragraph or heading, rows of a table.
 * Existing references `[[...]]` are masked too (already marked) and listed; link texts are masked
 * (a mark inside a link label would break the link).
 */
import type { Root, RootContent, TableRow } from 'mdast';
import { maskBlock as maskDocBlock } from '../parse/mask';
import { sentenceSpans } from '../parse/sentences';
import { ChunkCache, forgetRecentTrees, mapChunks, mapPieces, mayDefineLinks, readTreesAlso } from '../parse/chunks';
import { forgetRows, rowModels } from '../parse/table-rows';
import { registerChunkCache, unpinned } from '../caches';
import { MAX_REPORT_CHARS } from '../parse/guard';
import { pieceLead } from './piece-lead';

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
  /** The cached unit this one was shifted from (same words, same chunk text): a cache key. */
  origin?: ProseUnit;
  /** A sentence piece after ";": the text of its sentence before it (piece-lead.ts). */
  lead?: string;
  /** A table body row under a change or target column: each header cell's kind (bind.ts valueCell). */
  columns?: ReadonlyArray<'value' | 'change' | 'target'>;
}

const REFERENCE = /\[\[([^\[\]\r\n]*)\]\]/g;

/** The units of recently seen chunks (see parse/chunks.ts): a keystroke re-reads one chunk. */
const unitCache = new ChunkCache<ChunkUnits>(4 * 1024 * 1024);
// Each chunk an open document's parse reads is read here too, its tree still young (parse/chunks.ts readTreesAlso).
readTreesAlso(unitCache, chunkUnits);

/**
 * The prose units of a report, chunk by chunk as the parser reads it (parse/chunks.ts: the same
 * tree, with the same guard against adversarial nesting), each chunk's from the cache if seen.
 * `chunks`: the chunks the parser read `text` in (document.ts chunksOf), if it did: not cut again.
 */
export function proseUnits(text: string, chunks?: ReadonlyArray<{ chunk: string; base: number }>): ProseUnit[] {
  const units: ProseUnit[] = [];
  for (const { model, base } of proseUnitPieces(text, chunks)) {
    model.units.forEach((u, i) => units.push(base + model.at[i] ? shiftUnit(u, base + model.at[i]) : u));
  }
  return units;
}

/**
 * A chunk's units, each relative to `at[i]` in the chunk (a table row's: its line's start, the row
 * cache's unit itself, the same object wherever the row is written; a sentence's: 0). A unit is put
 * in place (shiftUnit by the chunk's base plus `at[i]`) only when read: the 1 MB draft's 8 500 rows
 * were each copied into their chunk on a first check, though the detector reads 9 % of its units.
 */
export interface ChunkUnits {
  units: ProseUnit[];
  at: number[];
}

/**
 * proseUnits before the units are put in place: each chunk's cached units (offsets relative to
 * `base`; do not modify them) and its base. A caller that skips most units (the detector: those
 * known to name nothing) shifts only the ones it reads (shiftUnit), not every unit on each keystroke.
 */
export function proseUnitPieces(text: string, chunks?: ReadonlyArray<{ chunk: string; base: number }>): ReadonlyArray<{ model: Readonly<ChunkUnits>; base: number }> {
  // Too large to check: the parser reads nothing of it either (it says so, document.ts).
  if (text.length > MAX_REPORT_CHARS) return [];
  try {
    return chunks ? mapPieces(chunks, unitCache, chunkUnits) : mapChunks(text, unitCache, chunkUnits);
  } catch {
    return [];
  } finally {
    // The parser's trees of these chunks were read here (or are in unitCache already).
    forgetRecentTrees();
  }
}

/** A cached unit `by` characters further (its chunk's base): the unit in place, `origin` the cached one. */
export function shiftUnit(u: ProseUnit, by: number): ProseUnit {
  return {
    ...u,
    origin: u.origin ?? u,
    start: u.start + by,
    end: u.end + by,
    blockStart: u.blockStart + by,
    parts: u.parts.map((p) => ({ start: p.start + by, text: p.text, refs: p.refs.map((r) => ({ ...r, start: r.start + by, end: r.end + by })) })),
  };
}

/** The units of one chunk (offsets relative to it). */
function chunkUnits(text: string, tree: Root): ChunkUnits {
  const units: ProseUnit[] = [];
  const at: number[] = [];
  // A text that may define a link: a cell's `[x]` may be one (masked), its rows are not kept.
  const rows = mayDefineLinks(text) ? null : rowUnits;
  const visit = (node: RootContent): void => {
    switch (node.type) {
      case 'paragraph':
      case 'heading': {
        const block = maskDocBlock(node, text, undefined, true);
        if (!block) return;
        for (const [from, to] of sentenceSpans(block.masked)) {
          const part = makePart(block.start + from, block.masked.slice(from, to));
          const lead = pieceLead(block.masked, from);
          units.push({ parts: [part], table: false, headerRow: false, start: part.start, end: part.start + part.text.length, blockStart: block.start, ...(lead ? { lead } : {}) });
          at.push(0);
        }
        return;
      }
      case 'table':
        // Row by row, each row's unit kept under its line and its header's (parse/table-rows.ts):
        // a keystroke in one cell reads one row; the others are their cached units, relative to
        // their line (`at`: the detector's memos are keyed by the cached unit).
        // (the row keys the parser made of the same tree: parse/table-rows.ts forEachRow `shared`)
        rowModels(node, text, rows, (row, i, ls) => rowUnit(row, i === 0, text, ls), (u, ls) => {
          if (u) {
            units.push(u);
            at.push(ls);
          }
        }, undefined, rows !== null);
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
  return { units, at };
}

/** A table row's unit, offsets relative to `ls` (its line's start in the chunk); null: no cell. */
function rowUnit(row: TableRow, headerRow: boolean, text: string, ls: number): ProseUnit | null {
  const parts: ProsePart[] = [];
  for (const cell of row.children) {
    const block = maskDocBlock(cell, text, undefined, true);
    if (block) parts.push(makePart(block.start - ls, unpinned(block.masked)));
  }
  if (!parts.length) return null;
  const last = parts[parts.length - 1];
  return { parts, table: true, headerRow, start: parts[0].start, end: last.start + last.text.length, blockStart: parts[0].start };
}

/** Row units by row key (parse/table-rows.ts forEachRow); a closed document's rows forgotten. */
const rowUnits = new ChunkCache<ProseUnit | null>(1024 * 1024);
registerChunkCache((chunk, kept) => forgetRows(rowUnits, chunk, kept));

function makePart(start: number, masked: string): ProsePart {
  if (masked.indexOf('[[') < 0) return { start, text: masked, refs: [] }; // (no reference: most cells and sentences)
  const refs: ProsePart['refs'] = [];
  const text = masked.replace(REFERENCE, (m: string, inner: string, at: number) => {
    refs.push({ start: start + at, end: start + at + m.length, inner });
    return ' '.repeat(m.length);
  });
  return { start, text, refs };
}

export { sentenceSpans };
