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
import { holdShapes } from '../held-shapes';

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
type R = [number, number, number, number];

/** Past this many figures a segment's figures are found by a map, below by a scan (assemble.ts SCAN_FIGURES). */
const SCAN_FIGURES = 8;

function direct(frontMatter: FrontMatter, lines: Lines, pieces: Pieces, hash: string): SavedReport {
  const saver = new Saver(frontMatter?.period ?? null);
  for (const piece of pieces) {
    for (const seg of piece.model.segments) {
      const { part } = seg.model;
      if (!part.references.length) continue;
      const base = piece.base + seg.base;
      saver.segment(part.figures, base, lines.positionAt(base).line);
      for (const r of part.references) saver.refs.push(saver.reference(r));
    }
  }
  return { hash, fm: saveFrontMatter(frontMatter), figures: saver.figures, refs: saver.refs };
}

/** The saved figures and references of one report, segment by segment (no closure or map per segment: a table row is one). */
class Saver {
  readonly figures: unknown[][] = [];
  readonly refs: unknown[][] = [];
  /** A figure of `also` that is none of its segment's figures is kept as it is (assemble's placedOf fallback): one index per object. */
  private readonly loose = new Map<PlacedFigure, number>();
  private readonly year: number | null;
  // The segment's figures, where they are found (a map past SCAN_FIGURES), the saved index of each once kept (in saveReport's order), its base and line.
  private own: readonly PlacedFigure[] = [];
  private byFigure: Map<PlacedFigure, number> | null = null;
  private kept: number[] = [];
  private base = 0;
  private line = 0;

  constructor(private readonly docPeriod: string | null) {
    // As assemble dates a yearless phrase ("Sang tháng 2"): the year of the document's period, else no period.
    this.year = docPeriod && /^\d{4}/.test(docPeriod) ? Number(docPeriod.slice(0, 4)) : null;
  }

  segment(own: readonly PlacedFigure[], base: number, line: number): void {
    this.own = own;
    this.byFigure = own.length > SCAN_FIGURES ? new Map(own.map((f, i) => [f, i])) : null;
    this.kept = own.length ? new Array<number>(own.length).fill(-1) : this.kept;
    this.base = base;
    this.line = line;
  }

  /** One reference's saved form (snapshot.ts saveReport of assemble's placed reference), its figures kept in saveReport's order. */
  reference(r: Reference): unknown[] {
    // (a reference's figure is one of its segment's, else none: assemble's placedOf)
    const at = r.figure ? this.indexOf(r.figure) : -1;
    const figure = at >= 0 ? this.keep(at) : -1;
    let also: unknown[][] | null = null;
    if (r.also) {
      for (const a of r.also) {
        const i = this.indexOf(a.figure);
        const period = a.period ? this.dated(a.period) : i >= 0 ? this.placedPeriod(a.figure) : a.figure.period;
        if (!period) continue;
        const k = i >= 0 ? this.keep(i) : this.keepLoose(a.figure);
        (also ??= []).push(a.carried ? [k, period, 1] : a.listed ? [k, period, 2] : [k, period]);
      }
    }
    const period = (r.periodSource === 'phrase' ? this.dated(r.period) : null) ?? this.docPeriod;
    return [r.written, this.moved(r.range), figure, period, also, [r.sentence.start + this.base, r.sentence.end + this.base]];
  }

  private indexOf(f: PlacedFigure): number {
    return this.byFigure ? (this.byFigure.get(f) ?? -1) : this.own.indexOf(f);
  }

  private keep(i: number): number {
    if (this.kept[i] < 0) {
      this.kept[i] = this.figures.length;
      this.figures.push(saveFigure(this.own[i], this.moved(this.own[i].range)));
    }
    return this.kept[i];
  }

  private keepLoose(f: PlacedFigure): number {
    let k = this.loose.get(f);
    if (k === undefined) {
      this.loose.set(f, (k = this.figures.length));
      this.figures.push(saveFigure(f));
    }
    return k;
  }

  /** A range of the segment placed on its line (assemble's `range`), as saved. */
  private moved(r: Range): R {
    return [r.start.line + this.line, r.start.character, r.end.line + this.line, r.end.character];
  }

  private dated(code: string | null | undefined): string | null {
    return code == null ? null : !code.startsWith('XXXX') ? code : this.year !== null ? fillYear(code, this.year) : null;
  }

  /** A placed figure's period (assemble): its own phrase's, dated, else the document's. */
  private placedPeriod(f: PlacedFigure): string | null {
    const own = f.periodSource === 'phrase' ? this.dated(f.period) : null;
    return own && f.periodRange ? own : this.docPeriod;
  }
}

// Its objects' maps kept through the full collections between reports (held-shapes.ts).
holdShapes(Saver);
