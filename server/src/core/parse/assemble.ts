/**
 * Putting a document together (parse/document.ts parseReport): each segment's model (a chunk's run
 * of blocks, or one table row: table-rows.ts), read with offsets and lines relative to where it
 * starts, placed at its offset and line in the document, with the document's period; what was
 * placed before is reused where the segment's lines did not move.
 */
import type { Position, Range } from '../types';
import type { PlacedFigure, Reference, ReportDocument, Sentence } from './model';
import { fillYear } from './periods';
import type { HeadingInfo } from './sections';
import type { Segment, SegmentModel } from './table-rows';

/**
 * The last placements of each segment model (assemble), so that a keystroke re-places only what
 * moved: the segments before the edit keep their offsets and lines, those after it (a character
 * typed on one line) their lines. Placed objects are never changed once made (nothing writes to a
 * document's figures or references after parseReport), so two versions of a document may share
 * them. As many placements per model as it has places in the last version put together, and one
 * more (trimPlacements; at least two): the same text may stand at several places (a paragraph
 * written twice, a table row repeated); more would keep older versions' objects alive (a new line
 * typed moves every later segment: each gets a new placement, the one before it is garbage but for
 * this list). Weak: the placements go with their model (the chunk and row caches bound those).
 */
interface Placement {
  base: number;
  line: number;
  sentenceBase: number;
  docPeriod: string | null;
  /** The model's figures placed, in the model's order (`part.figures[i]` placed is `figures[i]`). */
  figures: PlacedFigure[];
  references: Reference[];
  sentences: Sentence[];
}
const placements = new WeakMap<SegmentModel, Placement[]>();
/** Past this many figures a model's placed figures are found by a map, below by a scan (most rows have one or two). */
const SCAN_FIGURES = 8;
const PLACEMENTS_PER_MODEL = 2;

/**
 * Once a version is put together: each model's placements cut to the places it has in this version
 * (a row written n times in a table: n) and one more, at least PLACEMENTS_PER_MODEL.
 */
export function trimPlacements(uses: Map<object, number>): void {
  for (const [model, n] of uses) {
    const list = placements.get(model as SegmentModel) ?? chunkPlacements.get(model);
    const keep = Math.max(PLACEMENTS_PER_MODEL, n + 1);
    if (list && list.length > keep) list.length = keep;
  }
}

/**
 * What a whole chunk's segments gave when placed (placeChunk), the document's objects of that chunk
 * in order: a keystroke above a chunk moves it by a few characters on the same lines, and then its
 * figures are the ones placed before and its references and sentences the ones placed before moved
 * by one delta, with no segment placed again (a table is one chunk of one segment per row:
 * table-rows.ts; the 1 MB draft's 8 521 rows were placed one by one on every prose keystroke above
 * them). Kept per chunk model as the segments' placements are (trimPlacements), never changed once made.
 */
interface ChunkPlacement {
  base: number;
  line: number;
  sentenceBase: number;
  docPeriod: string | null;
  headings: HeadingInfo[];
  figures: PlacedFigure[];
  references: Reference[];
  sentences: Sentence[];
  comments: ReportDocument['comments'];
  ignored: ReportDocument['ignored'];
  problems: ReportDocument['problems'];
}
const chunkPlacements = new WeakMap<object, ChunkPlacement[]>();

/**
 * Adds a chunk's segments (its model `key`'s), the chunk placed at `base` (a line start), to the
 * document: as a whole when the chunk was placed on the same lines after as many sentences with the
 * same document period before (the figures are those objects; references, sentences, comments,
 * ignored spans and headings moved by the offsets' delta, or the same objects at the same offset;
 * problems and ranges depend on lines only), else segment by segment (assemble: a table edited in
 * one row keeps the other rows' objects). `uses` null: a report read for the history (nothing kept).
 */
export function placeChunk(key: object, segments: readonly Segment[], base: number, doc: ReportDocument, docPeriod: string | null, headings: HeadingInfo[], uses: Map<object, number> | null): void {
  if (!uses) {
    for (const seg of segments) assemble(seg.model, base + seg.base, doc, docPeriod, headings, null);
    return;
  }
  const line = doc.lines.positionAt(base).line;
  const sentenceBase = doc.sentences.length;
  const list = chunkPlacements.get(key) ?? [];
  const same = list.find((p) => p.line === line && p.sentenceBase === sentenceBase && p.docPeriod === docPeriod);
  let placement: ChunkPlacement;
  if (same && same.base === base) placement = same;
  else if (same) placement = shifted(same, base, line);
  else {
    const at = { headings: headings.length, figures: doc.figures.length, references: doc.references.length, comments: doc.comments.length, ignored: doc.ignored.length, problems: doc.problems.length };
    for (const seg of segments) assemble(seg.model, base + seg.base, doc, docPeriod, headings, uses);
    placement = {
      base,
      line,
      sentenceBase,
      docPeriod,
      headings: headings.slice(at.headings),
      figures: doc.figures.slice(at.figures),
      references: doc.references.slice(at.references),
      sentences: doc.sentences.slice(sentenceBase),
      comments: doc.comments.slice(at.comments),
      ignored: doc.ignored.slice(at.ignored),
      problems: doc.problems.slice(at.problems),
    };
  }
  if (placement !== same) {
    chunkPlacements.set(key, [placement, ...list.filter((p) => p !== same)]);
    if (same) add(doc, headings, placement);
  } else {
    // At the head already, or moved there.
    if (list[0] !== same) chunkPlacements.set(key, [same, ...list.filter((p) => p !== same)]);
    add(doc, headings, same);
  }
  uses.set(key, (uses.get(key) ?? 0) + 1);
}

/** A chunk placement's objects appended to the document's lists. */
function add(doc: ReportDocument, headings: HeadingInfo[], p: ChunkPlacement): void {
  for (const h of p.headings) headings.push(h);
  for (const g of p.figures) doc.figures.push(g);
  for (const r of p.references) doc.references.push(r);
  for (const s of p.sentences) doc.sentences.push(s);
  for (const c of p.comments) doc.comments.push(c);
  for (const x of p.ignored) doc.ignored.push(x);
  for (const x of p.problems) doc.problems.push(x);
}

/**
 * `p` moved to `base` on the same line: the same figures and problems (lines only), the rest with
 * every offset moved by the delta. A reference keeps its fields (figure, ranges, period, `also`)
 * but its sentence's offsets; the references of one sentence share the moved offsets.
 */
function shifted(p: ChunkPlacement, base: number, line: number): ChunkPlacement {
  const d = base - p.base;
  let from: Reference['sentence'] | null = null;
  let to: Reference['sentence'] | null = null;
  const references = p.references.map((r) => {
    if (r.sentence !== from) {
      from = r.sentence;
      to = { start: from.start + d, end: from.end + d };
    }
    // Same keys in the same order (Object.assign), only the sentence's offsets set.
    const moved: Reference = Object.assign({}, r);
    moved.sentence = to!;
    return moved;
  });
  const sentences = p.sentences.map((s) => ({
    start: s.start + d,
    end: s.end + d,
    periods: !s.periods.length ? s.periods : s.periods.map((x) => ({ ...x, start: x.start + d, end: x.end + d })),
  }));
  return {
    base,
    line,
    sentenceBase: p.sentenceBase,
    docPeriod: p.docPeriod,
    headings: p.headings.map((h) => ({ ...h, start: h.start + d, end: h.end + d })),
    figures: p.figures,
    references,
    sentences,
    comments: p.comments.map((c) => ({ ...c, start: c.start + d, end: c.end + d })),
    ignored: p.ignored.map(([a, b]) => [a + d, b + d] as [number, number]),
    problems: p.problems,
  };
}

/** Adds a chunk's model, placed at `base` (a line start), to the document. */
export function assemble(model: SegmentModel, base: number, doc: ReportDocument, docPeriod: string | null, headings: HeadingInfo[], uses: Map<object, number> | null): void {
  const { part } = model;
  const line = doc.lines.positionAt(base).line;
  const pos = (p: Position): Position => ({ line: p.line + line, character: p.character });
  const range = (r: Range): Range => ({ start: pos(r.start), end: pos(r.end) });
  // `r` placed, where `by` (placed as `placedBy`) has the same position object, that one.
  const rangeBeside = (r: Range, by: Range, placedBy: Range): Range => ({ start: r.start === by.start ? placedBy.start : pos(r.start), end: r.end === by.end ? placedBy.end : pos(r.end) });
  const sentenceBase = doc.sentences.length;
  for (const h of model.headings) headings.push({ ...h, start: h.start + base, end: h.end + base });
  // A yearless phrase ("Sang tháng 2") takes the year of the document's period; with none it is no period.
  const year = docPeriod && /^\d{4}/.test(docPeriod) ? Number(docPeriod.slice(0, 4)) : null;
  const dated = (code: string | null | undefined): string | null => (code == null ? null : !code.startsWith('XXXX') ? code : year !== null ? fillYear(code, year) : null);
  const list = placements.get(model) ?? [];
  // Same place: the figures placed then are the ones placed now, and so are the references at the same offset.
  const same = list.find((p) => p.line === line && p.sentenceBase === sentenceBase && p.docPeriod === docPeriod);
  // Same line: every range placed then is the one placed now (a Range depends on the line only).
  const lines = same ?? list.find((p) => p.line === line);
  const offsets = list.find((p) => p.base === base && p.docPeriod === docPeriod);
  let sentences: Sentence[];
  if (offsets) sentences = offsets.sentences;
  else {
    sentences = part.sentences.map((s) => {
      // No period phrase (most sentences): the model's own empty list, never added to once the model is made.
      const periods = !s.periods.length ? s.periods : s.periods.flatMap((p) => {
        const code = dated(p.code);
        return code ? [{ ...p, code, start: p.start + base, end: p.end + base }] : [];
      });
      return { start: s.start + base, end: s.end + base, periods };
    });
  }
  for (const s of sentences) doc.sentences.push(s);
  let figures: PlacedFigure[];
  if (same) figures = same.figures;
  else {
    figures = part.figures.map((f, i) => {
      const old = lines?.figures[i];
      // As `{ ...f, sentence, range, numeralRange }` (same keys, same order), without V8's slow path
      // for fields set on a spread copy (binding.ts place).
      const g: PlacedFigure = Object.assign({}, f);
      g.sentence = f.sentence + sentenceBase;
      g.range = old?.range ?? range(f.range);
      // (a position the model's two ranges share, the placed ones share: a row's numeral starts where its figure does, table-rows.ts)
      g.numeralRange = old?.numeralRange ?? rangeBeside(f.numeralRange, f.range, g.range);
      const own = f.periodSource === 'phrase' ? dated(f.period) : null;
      if (own && f.periodRange) {
        g.period = own;
        g.periodRange = old?.periodRange ?? range(f.periodRange);
      }
      else {
        g.period = docPeriod;
        g.periodSource = docPeriod ? 'document' : null;
        delete g.periodRange;
      }
      return g;
    });
  }
  // The placed figure of a model figure (one of `part.figures`), else undefined.
  const byModel = part.figures.length > SCAN_FIGURES ? new Map(part.figures.map((f, i) => [f, figures[i]])) : null;
  const placedOf = (f: PlacedFigure): PlacedFigure | undefined => (byModel ? byModel.get(f) : figures[part.figures.indexOf(f)]);
  for (const g of figures) doc.figures.push(g);
  let references: Reference[];
  if (same && same.base === base) references = same.references;
  else {
    references = part.references.map((r, i) => {
      const old = lines?.references[i];
      const own = r.periodSource === 'phrase' ? dated(r.period) : null;
      const also = r.also?.flatMap((a) => {
        // Its own phrase's period, else (a rank beside a score, another unit of a list) the one its
        // figure is placed with: the document's.
        const figure = placedOf(a.figure) ?? a.figure;
        const period = a.period ? dated(a.period) : figure.period;
        return period ? [a.carried ? { figure, period, carried: a.carried } : a.listed ? { figure, period, listed: a.listed } : { figure, period }] : [];
      });
      // (the chunk's own `also` never leaks: a further figure dropped here is dropped)
      // The keys of binding.ts's literal in its order, `also` last when there is one: what
      // `{ ...fields, range, …, ...(also ? { also } : {}), period, … }` made, without V8's slow
      // path for a rest pattern and spreads (two objects per reference of a first check).
      const figure = r.figure ? (placedOf(r.figure) ?? null) : null;
      const placedRef: Reference = {
        written: r.written,
        name: r.name,
        compiler: r.compiler,
        range: old?.range ?? range(r.range),
        nameRange: old?.nameRange ?? range(r.nameRange),
        figure,
        period: own ?? docPeriod,
        periodSource: own ? 'phrase' : docPeriod ? 'document' : null,
        // (its figure's own period range when the model's is the same object: binding.ts referencePeriod)
        periodRange: own && r.periodRange ? (old?.periodRange ?? (figure?.periodRange && r.periodRange === r.figure!.periodRange ? figure.periodRange : range(r.periodRange))) : undefined,
        sentence: { start: r.sentence.start + base, end: r.sentence.end + base },
        inTable: r.inTable,
      };
      if (also?.length) placedRef.also = also;
      return placedRef;
    });
  }
  for (const r of references) doc.references.push(r);
  const placement = { base, line, sentenceBase, docPeriod, figures, references, sentences };
  // (not for a report read for the history: its models are the history's row cache's, table-rows.ts)
  if (uses) {
    uses.set(model, (uses.get(model) ?? 0) + 1);
    // At the head already (the same place as the last version's): the list stays as it is.
    if (!same || list[0] !== same || same.base !== base || offsets !== same) {
      const kept = list.filter((p) => p.base !== base || p.line !== line || p.sentenceBase !== sentenceBase || p.docPeriod !== docPeriod);
      placements.set(model, [placement, ...kept]);
    }
  }
  for (const c of part.comments) doc.comments.push({ ...c, start: c.start + base, end: c.end + base });
  for (const [a, b] of part.ignored) doc.ignored.push([a + base, b + base]);
  for (const p of part.problems) doc.problems.push({ ...p, range: range(p.range) });
}
