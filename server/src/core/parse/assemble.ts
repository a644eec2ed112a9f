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
import type { SegmentModel } from './table-rows';

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
  figures: PlacedFigure[];
  placed: Map<PlacedFigure, PlacedFigure>;
  references: Reference[];
  sentences: Sentence[];
}
const placements = new WeakMap<SegmentModel, Placement[]>();
const PLACEMENTS_PER_MODEL = 2;

/**
 * Once a version is put together: each model's placements cut to the places it has in this version
 * (a row written n times in a table: n) and one more, at least PLACEMENTS_PER_MODEL.
 */
export function trimPlacements(uses: Map<SegmentModel, number>): void {
  for (const [model, n] of uses) {
    const list = placements.get(model);
    const keep = Math.max(PLACEMENTS_PER_MODEL, n + 1);
    if (list && list.length > keep) list.length = keep;
  }
}

/** Adds a chunk's model, placed at `base` (a line start), to the document. */
export function assemble(model: SegmentModel, base: number, doc: ReportDocument, docPeriod: string | null, headings: HeadingInfo[], uses: Map<SegmentModel, number> | null): void {
  const { part } = model;
  const line = doc.lines.positionAt(base).line;
  const pos = (p: Position): Position => ({ line: p.line + line, character: p.character });
  const range = (r: Range): Range => ({ start: pos(r.start), end: pos(r.end) });
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
  let placed: Map<PlacedFigure, PlacedFigure>;
  if (same) ({ figures, placed } = same);
  else {
    figures = [];
    placed = new Map();
    part.figures.forEach((f, i) => {
      const old = lines?.figures[i];
      // As `{ ...f, sentence, range, numeralRange }` (same keys, same order), without V8's slow path
      // for fields set on a spread copy (binding.ts place).
      const g: PlacedFigure = Object.assign({}, f);
      g.sentence = f.sentence + sentenceBase;
      g.range = old?.range ?? range(f.range);
      g.numeralRange = old?.numeralRange ?? range(f.numeralRange);
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
      placed.set(f, g);
      figures.push(g);
    });
  }
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
        const figure = placed.get(a.figure) ?? a.figure;
        const period = a.period ? dated(a.period) : figure.period;
        return period ? [a.carried ? { figure, period, carried: a.carried } : a.listed ? { figure, period, listed: a.listed } : { figure, period }] : [];
      });
      // (the chunk's own `also` never leaks: a further figure dropped here is dropped)
      const { also: _chunkAlso, ...fields } = r;
      return {
        ...fields,
        range: old?.range ?? range(r.range),
        nameRange: old?.nameRange ?? range(r.nameRange),
        figure: r.figure ? (placed.get(r.figure) ?? null) : null,
        ...(also?.length ? { also } : {}),
        period: own ?? docPeriod,
        periodSource: own ? 'phrase' : docPeriod ? 'document' : null,
        periodRange: own && r.periodRange ? (old?.periodRange ?? range(r.periodRange)) : undefined,
        sentence: { start: r.sentence.start + base, end: r.sentence.end + base },
      };
    });
  }
  for (const r of references) doc.references.push(r);
  const placement = { base, line, sentenceBase, docPeriod, figures, placed, references, sentences };
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
