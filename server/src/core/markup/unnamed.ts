/**
 * Figures whose sentence names no indicator, while the reader knows whose they are: "Trên toàn
 * cầu, Việt Nam đứng thứ 59/193" in a paragraph or under a heading that names the index;
 * "Tổng điểm của Việt Nam đạt 99,74" after a sentence that names it. A careful reviewer marks
 * them with the index named nearest before: the earlier sentences of the paragraph (nearest first),
 * then the headings above (nearest first); the first of these that names an index decides, and
 * only if it names one index. Only a rank or a score of Việt Nam (the country written before the
 * figure, no other rank or level between) is taken: the index's own ranks and scores (no pillar),
 * the figure picks the entry: a rank the rank entry of the scope written (near the figure, else
 * in the sentence, else the world), a score the score entry, the value inside the entry's range. There are no words to wrap: `wrap` lists the case (`name-elsewhere`), `canonical`
 * inserts `[[Canonical name ]]` right before the figure. Pure.
 */
import type { Catalog } from '../catalog/catalog';
import { foldKey } from '../catalog/catalog';
import type { Indicator, SubjectEntry } from '../catalog/types';
import { registerCache } from '../caches';
import type { Figure } from '../types';
import type { RankScopeWritten } from '../types';
import type { UnitReading } from './bind';
import { fits } from './judge';
import { scopeFits } from './placement';

/** An index: its ranks and scores, and the names that name it. */
interface IndexFamily {
  entries: SubjectEntry[];
  /** Folded names and aliases of its members (three words or more), padded with spaces. */
  names: string[];
  abbreviations: RegExp[];
}

let familyCache = new WeakMap<Catalog, IndexFamily[]>();
registerCache(() => {
  familyCache = new WeakMap();
});

const padded = (s: string): string => ` ${foldKey(s).replace(/[^a-z0-9]+/g, ' ').trim()} `;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The catalog's indices: families with a rank or a score entry (pillars aside). */
export function indexFamilies(catalog: Catalog): IndexFamily[] {
  let out = familyCache.get(catalog);
  if (out) return out;
  const byFamily = new Map<string, Indicator[]>();
  for (const ind of catalog.all()) {
    const k = ind.family ?? ind.id;
    const list = byFamily.get(k);
    if (list) list.push(ind);
    else byFamily.set(k, [ind]);
  }
  out = [];
  for (const members of byFamily.values()) {
    const own = members.filter((m) => (m.unitClass === 'rank' || m.unitClass === 'index') && !/trụ cột/iu.test(m.name));
    if (!own.length) continue;
    const names = [...new Set(own.flatMap((m) => [m.name, ...m.aliases]).map(padded))].filter((n) => n.trim().split(' ').length >= 3);
    const abbreviations = [...new Set(own.flatMap((m) => m.abbreviations))].map((a) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(a)}(?![\\p{L}\\p{N}])`, 'u'));
    out.push({
      entries: own.map((m) => ({ indicator: m, measure: m.unitClass === 'rank' ? 'rank' : 'score', province: /cấp tỉnh/iu.test(m.name) })),
      names,
      abbreviations,
    });
  }
  familyCache.set(catalog, out);
  return out;
}

/** The indices a piece of text names. */
function indicesNamedIn(families: IndexFamily[], text: string): IndexFamily[] {
  const f = padded(text);
  return families.filter((fam) => fam.names.some((n) => f.includes(n)) || fam.abbreviations.some((re) => re.test(text)));
}

/**
 * The index named nearest before `at` (an offset of `text`, the start of a sentence): the earlier
 * sentences of its paragraph, nearest first, then the headings above it, nearest first; the first
 * that names an index decides (null when it names two, or nothing does). HTML comments and front
 * matter are not read.
 */
export function indexNamedBefore(catalog: Catalog, text: string, at: number): IndexFamily | null {
  const families = indexFamilies(catalog);
  let body = text.slice(0, at);
  const fm = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(body);
  if (fm) body = ' '.repeat(fm[0].length) + body.slice(fm[0].length);
  body = body.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));
  const lines = body.split(/\r?\n/);
  // The paragraph: the lines before `at` back to a blank line or a heading.
  let i = lines.length - 1;
  const para: string[] = [];
  for (; i >= 0 && lines[i].trim() && !/^#{1,6}\s/.test(lines[i]); i--) para.unshift(lines[i]);
  const sentences = para.join(' ').split(/(?<=[.!?;])\s+/u).reverse();
  for (const s of sentences) {
    const named = indicesNamedIn(families, s);
    if (named.length) return named.length === 1 ? named[0] : null;
  }
  let level = Infinity;
  for (; i >= 0; i--) {
    const h = /^(#{1,6})\s+(.*)$/.exec(lines[i]);
    if (!h || h[1].length >= level) continue;
    level = h[1].length;
    const named = indicesNamedIn(families, h[2]);
    if (named.length) return named.length === 1 ? named[0] : null;
  }
  return null;
}

/** Words a unit must hold to have such a figure (a cheap first test). */
const MAY_HOLD = /Việt Nam/u;
const RANK_OR_SCORE = /thứ|vị trí|hạng|điểm/iu;
/** "Tổng điểm của Việt Nam đạt 99,74": the score is written before the country. */
const SCORE_OF = /(?:tổng điểm|điểm số|điểm trung bình|điểm)\s+(?:của\s+)?Việt Nam\b/iu;

/** A year of its own between two ranks of the country ("trong khi năm 2022 xếp thứ …"). */
const OWN_YEAR = /(?:năm|kỳ)\s+\d{4}/u;

/** Whether a unit's text may hold a rank or score of Việt Nam (before anything is read). */
export function mayHoldUnnamed(text: string): boolean {
  return MAY_HOLD.test(text) && RANK_OR_SCORE.test(text);
}

/**
 * The figures of a sentence (read with no name blanked) that are a rank or a score of Việt Nam:
 * the country written before the figure, no rank or level figure between them.
 */
export function unnamedFigures(text: string, reading: UnitReading): number[] {
  const figs = reading.figs[0];
  const roles = reading.prose?.reading.figures ?? [];
  const out: number[] = [];
  figs.forEach((f: Figure, i) => {
    const role = roles[i]?.role;
    const before = text.slice(0, f.start);
    const vn = before.lastIndexOf('Việt Nam');
    if (vn < 0) return;
    const rank = f.kind === 'rank' || role === 'rank';
    const score = role === 'level' && (f.unit === 'điểm' || (f.unit === null && f.kind === 'number' && SCORE_OF.test(before)));
    if (!rank && !score) return;
    // No rank or level of another between the country and the figure; a rank of Việt Nam for
    // another year may follow its rank ("đứng thứ 59/193, trong khi năm 2022 xếp thứ 55/181"): no
    // other subject (a capitalised word) between them, and a period phrase of its own.
    for (let j = 0; j < i; j++) {
      if (figs[j].start <= vn || !['rank', 'level', 'scale', 'part'].includes(roles[j]?.role ?? '')) continue;
      const gap = text.slice(figs[j].end, f.start);
      const again = rank && (figs[j].kind === 'rank' || roles[j]?.role === 'rank') && OWN_YEAR.test(gap) && !/(?<![\p{L}])\p{Lu}/u.test(gap.replace(/Việt Nam/gu, ''));
      if (!again) return;
    }
    out.push(i);
  });
  return out;
}

/** The scope a sentence writes for a rank when the reader gives none near the figure ("Trong khu vực ASEAN, …"); null: two or more. */
function sentenceScope(text: string): RankScopeWritten | null | undefined {
  const found = new Set<RankScopeWritten>();
  if (/ASEAN|Đông Nam Á/u.test(text)) found.add('asean');
  if (/châu Á/iu.test(text)) found.add('asia');
  if (/thế giới|toàn cầu/iu.test(text)) found.add('world');
  if (found.size > 1) return null;
  return [...found][0];
}

/**
 * The entry of the index that an unnamed figure is: a rank the rank entry of the scope written (by
 * the reader near the figure, else in the sentence, else the world), a score the index's one score
 * entry it fits; national entries only (the figure is Việt Nam's). Null unless exactly one.
 */
export function entryOfUnnamed(family: IndexFamily, f: Figure, role: string | undefined, written: RankScopeWritten | undefined, text: string): Indicator | null {
  const rank = f.kind === 'rank' || role === 'rank';
  let scope: RankScopeWritten | null | undefined = written;
  if (rank && !scope) {
    scope = sentenceScope(text);
    if (scope === null) return null;
  }
  const kept = family.entries.filter(
    (e) => !e.province && (e.measure === 'rank') === rank && (!rank || scopeFits(scope ?? 'world', e.indicator.scope) && (scope !== undefined || !e.indicator.scope || e.indicator.scope === 'world')) && fits(e.indicator, f) && inRange(e.indicator, f),
  );
  const out = [...new Set(kept.map((e) => e.indicator))];
  return out.length === 1 ? out[0] : null;
}

/** Whether the figure's value is inside the entry's range (a rank 25 is no tier of five). */
function inRange(ind: Indicator, f: Figure): boolean {
  return !ind.range || (f.value >= ind.range[0] && f.value <= ind.range[1]);
}
