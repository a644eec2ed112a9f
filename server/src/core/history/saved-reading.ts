/**
 * The first index's reading of a report straight to its saved form (core/indexed.ts
 * readForHistory): what `saveReport(parseReport(text, uri, { history: true }), hash)` gives, byte
 * for byte, without putting the document together. parseReport places every segment's figures
 * and references in the document (parse/assemble.ts: a copy of each with its ranges, its numeral's
 * and its period's moved to the segment's line, its name's range, its sentence's offsets) and
 * saveReport then keeps, of each reference, its text, range, figure, period, `also` and sentence,
 * and of each figure it binds its fields and range: here each reference's saved form is made
 * from its segment's model at once (its range and its figure's moved by the segment's line, its
 * periods dated as assemble dates them), about a fifth of the reading's allocation. A report whose
 * tables may bind by their headers (table-header.ts, which works on the document put together),
 * and anything unexpected, go the way of parseReport. test/unit/history-fast.test.ts compares the
 * two on every fixture report, the examples and the bench's sessions.
 */
import type { PlacedFigure, Reference } from '../parse/model';
import { historySegments, parseReport } from '../parse/document';
import { fillYear } from '../parse/periods';
import type { Range } from '../types';
import { saveFigure, saveFrontMatter, saveReport, type SavedReport } from './snapshot';

/** The saved form of `text`'s history document (see the module comment). */
export function savedReading(text: string, uri: string, hash: string): SavedReport {
  try {
    const read = historySegments(text, uri);
    if (read.placed) return saveReport(read.doc, hash);
    return direct(read.doc.frontMatter, read.doc.lines, read.pieces, hash);
  } catch {
    // Never expected: the document parseReport puts together (its failure kept as it keeps it).
    return saveReport(parseReport(text, uri, { history: true }), hash);
  }
}

type Pieces = Extract<ReturnType<typeof historySegments>, { placed: false }>['pieces'];
type FrontMatter = ReturnType<typeof historySegments>['doc']['frontMatter'];
type Lines = ReturnType<typeof historySegments>['doc']['lines'];

function direct(frontMatter: FrontMatter, lines: Lines, pieces: Pieces, hash: string): SavedReport {
  const docPeriod = frontMatter?.period ?? null;
  // As assemble dates a yearless phrase ("Sang tháng 2"): the year of the document's period, else no period.
  const year = docPeriod && /^\d{4}/.test(docPeriod) ? Number(docPeriod.slice(0, 4)) : null;
  const dated = (code: string | null | undefined): string | null => (code == null ? null : !code.startsWith('XXXX') ? code : year !== null ? fillYear(code, year) : null);
  const figures: unknown[][] = [];
  const refs: unknown[][] = [];
  // A figure of `also` that is none of its segment's figures is kept as it is (assemble's placedOf fallback): one index per object.
  const loose = new Map<PlacedFigure, number>();
  for (const piece of pieces) {
    for (const seg of piece.model.segments) {
      const { part } = seg.model;
      if (!part.references.length) continue;
      const base = piece.base + seg.base;
      const line = lines.positionAt(base).line;
      const moved = (r: Range): [number, number, number, number] => [r.start.line + line, r.start.character, r.end.line + line, r.end.character];
      // The saved index of each of the segment's figures once kept (its placed copy's, in saveReport's order).
      const kept = new Array<number>(part.figures.length).fill(-1);
      const keep = (i: number): number => {
        if (kept[i] < 0) {
          kept[i] = figures.length;
          figures.push(saveFigure(part.figures[i], moved(part.figures[i].range)));
        }
        return kept[i];
      };
      const keepLoose = (f: PlacedFigure): number => {
        let k = loose.get(f);
        if (k === undefined) {
          loose.set(f, (k = figures.length));
          figures.push(saveFigure(f));
        }
        return k;
      };
      // A placed figure's period (assemble): its own phrase's, dated, else the document's.
      const placedPeriod = (f: PlacedFigure): string | null => {
        const own = f.periodSource === 'phrase' ? dated(f.period) : null;
        return own && f.periodRange ? own : docPeriod;
      };
      for (const r of part.references) refs.push(savedReference(r, part.figures, base, moved, dated, docPeriod, keep, keepLoose, placedPeriod));
    }
  }
  return { hash, fm: saveFrontMatter(frontMatter), figures, refs };
}

/** One reference's saved form (snapshot.ts saveReport of assemble's placed reference), its figures kept in saveReport's order. */
function savedReference(
  r: Reference,
  own: readonly PlacedFigure[],
  base: number,
  moved: (r: Range) => [number, number, number, number],
  dated: (code: string | null | undefined) => string | null,
  docPeriod: string | null,
  keep: (i: number) => number,
  keepLoose: (f: PlacedFigure) => number,
  placedPeriod: (f: PlacedFigure) => string | null,
): unknown[] {
  // (a reference's figure is one of its segment's, else none: assemble's placedOf)
  const at = r.figure ? own.indexOf(r.figure) : -1;
  const figure = at >= 0 ? keep(at) : -1;
  let also: unknown[][] | null = null;
  for (const a of r.also ?? []) {
    const i = own.indexOf(a.figure);
    const period = a.period ? dated(a.period) : i >= 0 ? placedPeriod(a.figure) : a.figure.period;
    if (!period) continue;
    const k = i >= 0 ? keep(i) : keepLoose(a.figure);
    (also ??= []).push(a.carried ? [k, period, 1] : a.listed ? [k, period, 2] : [k, period]);
  }
  const period = (r.periodSource === 'phrase' ? dated(r.period) : null) ?? docPeriod;
  return [r.written, moved(r.range), figure, period, also, [r.sentence.start + base, r.sentence.end + base]];
}
