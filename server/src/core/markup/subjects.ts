/**
 * Subjects: press text often names an indicator by its subject alone ("Kinh tế số … tăng trưởng
 * 22,4%", "xếp thứ 5/11 tại Đông Nam Á về Chính phủ điện tử", "chính quyền số của tỉnh xếp thứ
 * 12") and lets the figure and the words beside it say what is measured: a rank, a growth rate, a
 * revenue, a score. A subject is a catalog name or alias with its measure prefix ("xếp hạng",
 * "thứ hạng", "tăng trưởng", "tốc độ tăng trưởng", "doanh thu", "điểm"), an optional "chỉ số" or
 * "trụ cột" after it, and its tails ("của Việt Nam", "của Liên Hợp Quốc", "cấp tỉnh", "trong
 * ASEAN") taken off. The figure the checker's binder gives the subject's words picks the one entry
 * of the subject it fits (pickBySubject); none or several → the subject is not marked.
 *
 * The words as written are no name the dialect resolves: `wrap` lists such a mention as a variant
 * (`variant-name`), `canonical` marks it with the entry's name. Pure; one index per catalog.
 */
import type { Catalog } from '../catalog/catalog';
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import type { Figure, RankScopeWritten } from '../types';
import { work } from '../work';
import { fits } from './judge';
import { tokenize, type Token } from './name-index';

/** What a name's prefix says is measured. */
export type SubjectMeasure = 'rank' | 'growth' | 'revenue' | 'score' | 'count' | 'scale';

/** One entry a subject may name. */
export interface SubjectEntry {
  indicator: Indicator;
  measure: SubjectMeasure;
  /** The name had "cấp tỉnh": only in a sentence that speaks of a province ("tỉnh"). */
  province: boolean;
}

/** Folded measure prefixes, longest first. */
const PREFIXES: Array<[string, SubjectMeasure]> = [
  ['toc do tang truong ', 'growth'],
  ['tang truong ', 'growth'],
  ['xep hang ', 'rank'],
  ['thu hang ', 'rank'],
  ['tong doanh thu ', 'revenue'],
  ['doanh thu ', 'revenue'],
  ['diem ', 'score'],
  ['cap do ', 'scale'],
];
const LEADS = ['chi so ', 'tru cot '];
const TAILS: Array<[string, 'province' | null]> = [
  [' cap tinh', 'province'],
  [' cua viet nam', null],
  [' cua lien hop quoc', null],
  [' trong asean', null],
  [' khu vuc dong nam a', null],
];
/** Subjects of one word or of function words only say too little ("số"). */
const MIN_TOKENS = 2;
/** Growth words: a percentage after one of these is a rate of growth ("tăng trưởng 22,4%", "tăng 11%"). */
const GROWTH_WORD = /(?:^|[^a-z0-9])tang(?:[^a-z0-9]|$)/;
const PROVINCE_WORD = /(?:^|[^a-z0-9])tinh(?:[^a-z0-9]|$)/;

export interface SubjectIndex {
  /** Folded subject (words joined by one space) → its entries. */
  entries: Map<string, SubjectEntry[]>;
  /** Longest subject, in words. */
  maxWords: number;
  /** First words of the subjects: a word not among them starts none. */
  firstWords: Set<string>;
}

const cache = new WeakMap<Catalog, SubjectIndex>();

/** The subjects of a catalog's names and aliases, built once per catalog. */
export function subjectIndex(catalog: Catalog): SubjectIndex {
  let idx = cache.get(catalog);
  if (idx) return idx;
  idx = { entries: new Map(), maxWords: 0, firstWords: new Set() };
  for (const ind of catalog.all()) {
    for (const label of [ind.name, ...(ind.aliases ?? [])]) {
      for (const s of subjectsOfLabel(label)) {
        const list = idx.entries.get(s.text) ?? [];
        if (!list.some((e) => e.indicator === ind)) list.push({ indicator: ind, measure: s.measure, province: s.province });
        idx.entries.set(s.text, list);
        idx.maxWords = Math.max(idx.maxWords, s.text.split(' ').length);
        idx.firstWords.add(s.text.split(' ')[0]);
      }
    }
  }
  cache.set(catalog, idx);
  return idx;
}

/** The subjects one label gives: its words after a measure prefix, with and without a lead and tails. */
function subjectsOfLabel(label: string): Array<{ text: string; measure: SubjectMeasure; province: boolean }> {
  const folded = tokenize(label).map((t) => t.folded).join(' ');
  const prefix = PREFIXES.find(([p]) => folded.startsWith(p));
  if (!prefix) return [];
  const out: Array<{ text: string; measure: SubjectMeasure; province: boolean }> = [];
  let core = folded.slice(prefix[0].length);
  const lead = LEADS.find((l) => core.startsWith(l));
  let province = false;
  for (let changed = true; changed; ) {
    changed = false;
    for (const [tail, kind] of TAILS) {
      if (core.endsWith(tail)) {
        core = core.slice(0, -tail.length);
        if (kind === 'province') province = true;
        changed = true;
      }
    }
  }
  const add = (text: string) => {
    if (text.split(' ').length >= MIN_TOKENS && !out.some((o) => o.text === text)) out.push({ text, measure: prefix[1], province });
  };
  add(core);
  if (lead && core.startsWith(lead)) add(core.slice(lead.length));
  return out;
}

/** A subject found in a part's words: token range, offsets, entries. */
export interface SubjectHit {
  first: number;
  last: number;
  start: number;
  end: number;
  entries: SubjectEntry[];
}

/** The subjects in `tokens` (of `text`) outside the token indices `covered`, longest first at each word, not overlapping. */
export function subjectsIn(text: string, tokens: Token[], idx: SubjectIndex, covered: (t: number) => boolean): SubjectHit[] {
  const out: SubjectHit[] = [];
  for (let i = 0; i < tokens.length; i++) {
    work.steps++;
    if (!idx.firstWords.has(tokens[i].folded) || covered(i)) continue;
    // The keys of the phrases starting here, shortest first; words of one phrase have only spaces
    // between them ("trụ cột, chính quyền số" is no subject).
    let key = tokens[i].folded;
    let hit: SubjectHit | null = null;
    for (let n = 2; n <= idx.maxWords && i + n <= tokens.length; n++) {
      work.steps++;
      const k = i + n - 1;
      if (covered(k) || !/^[ \t]+$/.test(text.slice(tokens[k - 1].end, tokens[k].start))) break;
      key += ' ' + tokens[k].folded;
      const entries = idx.entries.get(key);
      if (entries) hit = { first: i, last: k, start: tokens[i].start, end: tokens[k].end, entries };
    }
    if (hit) {
      out.push(hit);
      i = hit.last;
    }
  }
  return out;
}

/**
 * The entries of a subject the bound figure can be: a rank figure a rank entry of the scope it is
 * written with (none: not an ASEAN one); a percentage after a growth word ("tăng trưởng 22,4%")
 * a growth entry, otherwise not; a figure the entry's unit fits; a "cấp tỉnh" entry only in a
 * sentence about a province.
 */
export function pickBySubject(
  entries: SubjectEntry[],
  f: Figure,
  role: string,
  scope: RankScopeWritten | undefined,
  between: string,
  sentence: string,
): Indicator[] {
  const foldedBetween = foldKey(between);
  const rank = f.kind === 'rank' || role === 'rank';
  const growth = GROWTH_WORD.test(foldedBetween) && (f.kind === 'percent' || f.unitClass === 'percent');
  const province = PROVINCE_WORD.test(foldKey(sentence));
  const kept = entries.filter((e) => {
    if (e.province && !province) return false;
    if (rank !== (e.measure === 'rank')) return false;
    if (e.measure === 'growth' ? !growth : growth && e.indicator.unitClass === 'percent') return false;
    if (rank) {
      const asean = e.indicator.scope === 'asean';
      if ((scope === 'asean' || scope === 'region') !== asean) return false;
    }
    return fits(e.indicator, f);
  });
  return [...new Set(kept.map((e) => e.indicator))];
}
