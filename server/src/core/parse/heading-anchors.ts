/**
 * The checker's reading of §6.7 (docs/dialect.md): once the chunks are put together
 * (parse/document.ts parseReport), each heading's one reference bound to no figure takes the
 * figures the paragraphs of its section carry (heading-carry.ts carriedBelow) as further figures
 * (`also`, `carried`). A document-level pass: a heading and the paragraphs below it are chunks of
 * their own (chunks.ts), cached apart, so the carry is read from the document's text and the
 * anchor's reference is replaced by a new object (placed objects are never changed: versions and
 * the chunk cache share them). The full reading takes the placed figures at those places; the
 * history's reading (`history`: paragraphs with no reference were not read) places them itself, with
 * the fields the history keeps (history/snapshot.ts saveFigure) as the full reading has them, so both
 * give one history (test/unit/history-cheap.test.ts, carry-round19.test.ts).
 */
import type { Range } from '../types';
import { carriedBelow, kindOf, type CarriedBelow } from './heading-carry';
import { carriedOnward, mayCarryOnward, paragraphAround } from './paragraph-carry';
import type { PlacedFigure, Reference, ReportDocument } from './model';

/** A cheap first test: a heading line holding a reference. */
const HEADING_REFERENCE = /^#{1,6}[ \t][^\n]*\[\[/m;

/** True if `text` may hold a heading's reference (history/saved-reading.ts then reads it the way of parseReport). */
export function mayCarryBelowHeadings(text: string): boolean {
  return HEADING_REFERENCE.test(text);
}

/** Adds to `doc` the figures its headings' references, and its paragraphs' one references, carry (see the module comment). */
export function carryBelowHeadings(doc: ReportDocument, history: boolean): void {
  const { text } = doc;
  const headings = mayCarryBelowHeadings(text);
  if (!headings && !mayCarryOnward(text)) return;
  let placedAt: Map<string, PlacedFigure> | null = null;
  const key = (r: Range) => `${r.start.line}:${r.start.character}`;
  const docPeriod = doc.frontMatter?.period ?? null;
  for (let i = 0; i < doc.references.length; i++) {
    const r = doc.references[i];
    if (r.inTable) continue;
    const start = doc.lines.offsetAt(r.range.start);
    const end = doc.lines.offsetAt(r.range.end);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    let carried: CarriedBelow[];
    if (text[lineStart] === '#') {
      if (!headings || r.figure || r.also?.length) continue;
      const nl = text.indexOf('\n', end);
      const lineEnd = nl < 0 ? text.length : nl;
      // The heading's one reference.
      if (text.slice(lineStart, start).includes('[[') || text.slice(end, lineEnd).includes('[[')) continue;
      carried = carriedBelow(text, lineStart, lineEnd, start, end, docPeriod);
    } else carried = carriedFromParagraph(text, r, start, end, docPeriod); // (paragraph-carry.ts, §6.8)
    if (!carried.length) continue;
    if (!history) placedAt ??= new Map(doc.figures.map((f) => [key(f.range), f]));
    const also: NonNullable<Reference['also']> = [...(r.also ?? [])];
    const before = also.length;
    for (const c of carried) {
      const at = doc.lines.range(c.base + c.figure.start, c.base + c.figure.end);
      const g = history ? placeCarried(doc, c, at) : placedAt?.get(key(at));
      if (g && g.raw === c.figure.raw) also.push({ figure: g, period: c.period, carried: true });
    }
    if (also.length > before) doc.references[i] = { ...r, also };
  }
}

/** A carried figure placed as binding.ts places it (the history's reading did not read its paragraph). */
function placeCarried(doc: ReportDocument, c: CarriedBelow, range: Range): PlacedFigure {
  const g = Object.assign({}, c.figure) as PlacedFigure;
  const rd = c.reading.figures[c.at];
  g.sentence = -1;
  g.range = range;
  g.numeralRange = doc.lines.range(c.base + c.figure.numeralStart, c.base + c.figure.numeralEnd);
  if (rd) {
    g.role = rd.role;
    if (rd.scope) g.scope = rd.scope;
  }
  g.period = c.period;
  g.periodSource = 'phrase';
  doc.figures.push(g);
  return g;
}

/** The figures a paragraph's one reference carries over the next paragraphs (paragraph-carry.ts), seeded with the figures it has. */
function carriedFromParagraph(text: string, r: Reference, start: number, end: number, docPeriod: string | null): CarriedBelow[] {
  const para = paragraphAround(text, start);
  if (!para || text.slice(para.start, start).includes('[[') || text.slice(end, para.end).includes('[[')) return [];
  const told = [...(r.figure ? [{ figure: r.figure, period: r.figure.period }] : []), ...(r.also ?? [])].flatMap(({ figure, period }) =>
    period ? [{ kind: kindOf(figure, figure.role, figure.scope), value: figure.value, period }] : [],
  );
  return carriedOnward(text, para.start, para.end, start, end, docPeriod, told);
}
