/**
 * Pillars named in part: "Trụ cột pháp lý đạt trọn 20/20 điểm" after the report has named the
 * index ("Chỉ số an toàn, an ninh mạng toàn cầu (GCI)") in a heading above or earlier in the
 * section. The catalog names a pillar of an index "Điểm trụ cột <W> của <index>"; press writes
 * only "trụ cột <W>", the index being clear from what came before. Such words name the pillar
 * entry when exactly one index whose pillar is called <W> is named in that context (the unit, the
 * text of its section before it, the headings above it); else nothing. The words are no name of
 * the entry as written: a fuzzy name (canonical mode marks it; wrap wraps the words as written
 * when the checker reads them as this pillar, pillar-words.ts, else lists them as a variant).
 * Pure: catalog, text and unit in, names out.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { registerCache } from '../caches';
import { tokenize, type NameIndex, type Token } from './name-index';
import { tokensOf, type Named } from './names';
import type { ProseUnit } from './prose';
import { blankComments, headingChain, proseSentences, sectionStart } from './context';
import { entriesNamedInText } from './unnamed';
import { subjectCandidate } from './subject-names';

/** One pillar entry and its pillar words (folded). */
export interface Pillar {
  indicator: Indicator;
  /** Folded words of <W> in "trụ cột <W> của <index>" (its name's, or an alias's of that form). */
  words: string[];
}

const PILLAR_NAME = /^(?:điểm|xếp hạng)\s+trụ cột\s+(.+?)\s+của\s+/iu;

let pillarCache = new WeakMap<Catalog, Pillar[]>();
registerCache(() => {
  pillarCache = new WeakMap();
});

/** The catalog's pillar entries (once per catalog). */
export function pillarsOf(catalog: Catalog): Pillar[] {
  let out = pillarCache.get(catalog);
  if (out) return out;
  out = [];
  for (const ind of catalog.all()) {
    if (!ind.family) continue;
    // Its name and any alias of the same form: writers word some pillars two ways (GCI's "phát
    // triển năng lực" / "nâng cao năng lực"), each wording one Pillar of the entry.
    const seen = new Set<string>();
    for (const name of [ind.name, ...(ind.aliases ?? [])]) {
      const m = PILLAR_NAME.exec(name);
      const words = m ? tokenize(m[1]).map((t) => t.folded) : [];
      if (!words.length || seen.has(words.join(' '))) continue;
      seen.add(words.join(' '));
      out.push({ indicator: ind, words });
    }
  }
  pillarCache.set(catalog, out);
  return out;
}

/** The index families a piece of text names (no pillar of theirs). */
function familiesIn(catalog: Catalog, text: string): string[] {
  return entriesNamedInText(catalog, text)
    .filter((e) => e.family && !/trụ cột/iu.test(e.name))
    .map((e) => e.family!);
}

/**
 * Per catalog, the families the sentences of one section have named, read so far: the detector asks
 * for unit after unit of a section, in order, and each sentence of the section is read once (a
 * section of n sentences costs n, not n² as reading the whole section before each unit did).
 */
let sectionRead = new WeakMap<Catalog, { text: string; from: number; upTo: number; families: Set<string> }>();
registerCache(() => {
  sectionRead = new WeakMap();
});

/** The families the text of `at`'s section before it names (context.ts: its prose sentences, HTML comments blanked). */
function familiesBefore(catalog: Catalog, text: string, at: number): Set<string> {
  const from = sectionStart(text, at);
  let read = sectionRead.get(catalog);
  if (!read || read.text !== text || read.from !== from || read.upTo > at) sectionRead.set(catalog, (read = { text, from, upTo: from, families: new Set() }));
  const out = new Set(read.families);
  for (const s of proseSentences(text, read.upTo, at)) {
    for (const f of familiesIn(catalog, blankComments(text.slice(s.start, s.end)))) {
      out.add(f);
      read.families.add(f);
    }
    read.upTo = s.end;
  }
  return out;
}

/** The indices the headings above a unit, its section before it and the unit itself name (no pillar of theirs). */
export function familiesAround(catalog: Catalog, text: string, unit: ProseUnit): Set<string> {
  return familiesAt(catalog, text, unit.start, unit.parts.map((p) => p.text));
}

/**
 * The indices the headings above `start`, the text of its section before it and `own` (the words of
 * the sentence starting there) name: familiesAround for a sentence the checker reads (pillar-words.ts).
 */
export function familiesAt(catalog: Catalog, text: string, start: number, own: string[]): Set<string> {
  return new Set([...familiesIn(catalog, [...headingChain(text, start).map((h) => h.text), ...own].join('\n')), ...familiesBefore(catalog, text, start)]);
}

/** Whether the catalog has pillar entries and the words hold "trụ cột" (the prefilter of readings.ts). */
export function mayNamePillar(tokens: Token[], catalog: Catalog): boolean {
  if (!pillarsOf(catalog).length) return false;
  return tokens.some((t, i) => t.folded === 'tru' && tokens[i + 1]?.folded === 'cot');
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
  let families: Set<string> | null = null;
  unit.parts.forEach((part, k) => {
    const tokens = tokensOf(part);
    const spans = [...named.filter((n) => n.part === k).map((n) => [n.cand.start, n.cand.end]), ...part.refs.map((r) => [r.start - part.start, r.end - part.start])];
    const covered = (t: Token) => spans.some(([s, e]) => t.start < e && t.end > s);
    for (let i = 0; i + 2 < tokens.length; i++) {
      if (tokens[i].folded !== 'tru' || tokens[i + 1].folded !== 'cot' || covered(tokens[i])) continue;
      const here = pillars.filter((p) => p.words.every((w, j) => tokens[i + 2 + j]?.folded === w && !covered(tokens[i + 2 + j])));
      if (!here.length) continue;
      families ??= familiesAround(run.catalog, run.text, unit);
      const ctx = families;
      const fit = here.filter((p) => ctx.has(p.indicator.family!) && !marked.has(p.indicator));
      // One pillar only (two of the indices named, or two pillars on the words: none).
      if (fit.length !== 1) continue;
      const p = fit[0];
      const last = i + 1 + p.words.length;
      out.push({
        cand: subjectCandidate(run, p.indicator, { first: i, last, start: tokens[i].start, end: tokens[last].end }),
        part: k,
        indicator: p.indicator,
        candidates: [p.indicator],
      });
      i = last;
    }
  });
  return out;
}
