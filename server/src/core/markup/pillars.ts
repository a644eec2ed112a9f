/**
 * Pillars named in part: "Trụ cột pháp lý đạt trọn 20/20 điểm" after the report has named the
 * index ("Chỉ số an toàn, an ninh mạng toàn cầu (GCI)") in a heading above or earlier in the
 * section. The catalog names a pillar of an index "Điểm trụ cột <W> của <index>"; press writes
 * only "trụ cột <W>", the index being clear from what came before. Such words name the pillar
 * entry when exactly one index whose pillar is called <W> is named in that context (the unit, the
 * text of its section before it, the headings above it); else nothing. The words are no name of
 * the entry as written: a fuzzy name (canonical mode marks it; wrap lists it as a variant).
 * Pure: catalog, text and unit in, names out.
 */
import type { Catalog } from '../catalog/catalog';
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { registerCache } from '../caches';
import type { NameIndex, Token } from './name-index';
import { tokensOf, type Named } from './names';
import type { ProseUnit } from './prose';
import { headingChain, sectionBefore } from './context';

/** One pillar entry: its pillar words (folded) and what names its index. */
interface Pillar {
  indicator: Indicator;
  /** Folded words of <W> in "trụ cột <W> của <index>". */
  words: string[];
  /** Folded names (padded with spaces) of the index: <index> and the names of its family's entries that are no pillar. */
  indexNames: string[];
  /** Abbreviations of the family's entries, as written (matched in capitals, whole words). */
  abbreviations: string[];
}

const PILLAR_NAME = /^(?:điểm|xếp hạng)\s+trụ cột\s+(.+?)\s+của\s+(.+)$/iu;

let pillarCache = new WeakMap<Catalog, Pillar[]>();
registerCache(() => {
  pillarCache = new WeakMap();
});

const folded = (s: string): string => ` ${foldKey(s).replace(/[^a-z0-9]+/g, ' ').trim()} `;

/** The catalog's pillar entries (once per catalog). */
export function pillarsOf(catalog: Catalog): Pillar[] {
  let out = pillarCache.get(catalog);
  if (out) return out;
  out = [];
  const all = catalog.all();
  for (const ind of all) {
    const m = PILLAR_NAME.exec(ind.name);
    if (!m) continue;
    const family = all.filter((e) => e !== ind && ind.family && e.family === ind.family && !/trụ cột/iu.test(e.name));
    const names = [m[2], ...family.flatMap((e) => [e.name, ...e.aliases])];
    out.push({
      indicator: ind,
      words: folded(m[1]).trim().split(' '),
      indexNames: [...new Set(names.map(folded))],
      abbreviations: [...new Set(family.flatMap((e) => e.abbreviations))],
    });
  }
  pillarCache.set(catalog, out);
  return out;
}

/** Whether the catalog has pillar entries and the words hold "trụ cột" (the prefilter of readings.ts). */
export function mayNamePillar(tokens: Token[], catalog: Catalog): boolean {
  if (!pillarsOf(catalog).length) return false;
  return tokens.some((t, i) => t.folded === 'tru' && tokens[i + 1]?.folded === 'cot');
}

/** Whether the folded context names the index of `p` (a name, or an abbreviation in capitals). */
function namesIndex(p: Pillar, foldedContext: string, context: string): boolean {
  if (p.indexNames.some((n) => foldedContext.includes(n))) return true;
  return p.abbreviations.some((a) => new RegExp(`(?<![\\p{L}\\p{N}])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'u').test(context));
}

/**
 * The pillars of a unit written "trụ cột <W>" outside its names and references, each as a fuzzy
 * name of the one pillar entry whose index its context names; pillars of an indicator a reference
 * of the unit names are left out.
 */
export function pillarNames(run: { catalog: Catalog; idx: NameIndex; text: string }, unit: ProseUnit, named: Named[], marked: Set<Indicator>): Named[] {
  const pillars = pillarsOf(run.catalog);
  if (!pillars.length) return [];
  const out: Named[] = [];
  let context: { folded: string; raw: string } | null = null;
  unit.parts.forEach((part, k) => {
    const tokens = tokensOf(part);
    const spans = [...named.filter((n) => n.part === k).map((n) => [n.cand.start, n.cand.end]), ...part.refs.map((r) => [r.start - part.start, r.end - part.start])];
    const covered = (t: Token) => spans.some(([s, e]) => t.start < e && t.end > s);
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (tokens[i].folded !== 'tru' || tokens[i + 1].folded !== 'cot' || covered(tokens[i])) continue;
      const here = pillars.filter((p) => p.words.every((w, j) => tokens[i + 2 + j]?.folded === w && !covered(tokens[i + 2 + j])));
      if (!here.length) continue;
      if (!context) {
        const raw = [...headingChain(run.text, unit.start).map((h) => h.text), sectionBefore(run.text, unit.start), ...unit.parts.map((p) => p.text)].join('\n');
        context = { raw, folded: folded(raw) };
      }
      const ctx = context;
      const fit = here.filter((p) => namesIndex(p, ctx.folded, ctx.raw) && !marked.has(p.indicator));
      // The longest pillar words win ("trụ cột khu vực công nghệ" over a "trụ cột khu vực" of the same index).
      const longest = Math.max(0, ...fit.map((p) => p.words.length));
      const best = fit.filter((p) => p.words.length === longest);
      if (best.length !== 1) continue;
      const p = best[0];
      const last = i + 1 + p.words.length;
      const label = run.idx.labels.find((l) => l.indicator === p.indicator && l.kind === 'canonical') ?? run.idx.labels.find((l) => l.indicator === p.indicator)!;
      out.push({
        cand: { label, first: i, last, start: tokens[i].start, end: tokens[last].end, score: 0.8, exact: false, matchedWeight: 0, rank: 0 },
        part: k,
        indicator: p.indicator,
        candidates: [p.indicator],
      });
      i = last;
    }
  });
  return out;
}
