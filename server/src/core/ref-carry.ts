/**
 * A reference's answer carried from one check to the next (analyze.ts; issue #15, round 25): the
 * match, entry and series of a name the catalog resolves by itself (canonical, alias, unaccented),
 * when every input it was worked out from is the same. Those inputs: the catalog (its object); the
 * written words (`resolve`: inside the window below); the bound figure's fields (rankOfIndexName, currencyMember,
 * countMember, regionalRankEntry and rankOfName read nothing else), by the placed figure, never
 * changed once placed and the same object while its chunk or row is placed on the same lines
 * (parse/assemble.ts); and the text otherMeasure reads (valueHead: the 16 characters before the
 * name; boundMeasure: inside the sentence), compared as a window from the lower of the sentence's
 * start and 16 characters before the name to the higher of the sentence's end and the name's, with
 * the sentence, the name and the figure at the same places in it. Any other name (an abbreviation, a
 * shared, pillar or unknown name: those read headings, the history, other sentences) is worked out
 * at every check.
 */
import { registerCache, unpinned } from './caches';
import type { Catalog } from './catalog/catalog';
import type { Indicator, NameMatch } from './catalog/types';
import type { PlacedFigure, Reference, ReportDocument } from './parse/model';
import type { SeriesChoice } from './series';

export interface Answer {
  match: NameMatch;
  indicator: Indicator | null;
  series?: SeriesChoice;
}

interface Kept extends Answer {
  catalog: Catalog;
  /** The text read (see the module's comment). */
  window: string;
  /** Offsets in the window: the sentence's start and end, the name's, the figure's. */
  s0: number;
  s1: number;
  n0: number;
  n1: number;
  f0: number;
  f1: number;
}

let kept = new WeakMap<PlacedFigure, Kept>();
registerCache(() => {
  kept = new WeakMap();
});

/** The kinds of match whose answer reads only the catalog, the figure and the window. */
const carried = (m: NameMatch) => m.kind === 'canonical' || m.kind === 'alias' || m.kind === 'unaccented';

function windowOf(doc: ReportDocument, ref: Reference, f: PlacedFigure) {
  const { start: s0, end: s1 } = ref.sentence;
  const n0 = doc.lines.offsetAt(ref.range.start);
  const n1 = doc.lines.offsetAt(ref.range.end);
  const lo = Math.max(0, Math.min(s0, n0 - 16));
  const hi = Math.max(s1, n1, lo);
  return { lo, hi, s0: s0 - lo, s1: s1 - lo, n0: n0 - lo, n1: n1 - lo, f0: doc.lines.offsetAt(f.range.start) - lo, f1: doc.lines.offsetAt(f.range.end) - lo };
}

/** The answer worked out for `ref`'s inputs before, if they are all the same; else null. */
export function keptAnswer(catalog: Catalog, doc: ReportDocument, ref: Reference): Answer | null {
  const f = ref.figure;
  const k = f && ref.sentence ? kept.get(f) : undefined;
  if (!k || k.catalog !== catalog) return null;
  const w = windowOf(doc, ref, f!);
  if (w.s0 !== k.s0 || w.s1 !== k.s1 || w.n0 !== k.n0 || w.n1 !== k.n1 || w.f0 !== k.f0 || w.f1 !== k.f1) return null;
  if (w.hi - w.lo !== k.window.length || !doc.text.startsWith(k.window, w.lo)) return null;
  return k;
}

/** Keeps `r`'s answer for its figure, when its kind of match reads nothing else. */
export function keepAnswer(catalog: Catalog, doc: ReportDocument, r: Answer & { ref: Reference }): void {
  const { ref } = r;
  const f = ref.figure;
  if (!f || !ref.sentence || !carried(r.match)) return;
  const w = windowOf(doc, ref, f);
  kept.set(f, { catalog, match: r.match, indicator: r.indicator, ...(r.series ? { series: r.series } : {}), window: unpinned(doc.text.slice(w.lo, w.hi)), s0: w.s0, s1: w.s1, n0: w.n0, n1: w.n1, f0: w.f0, f1: w.f1 });
}
