/**
 * The catalog's names as folded token sequences, built once per Catalog: every canonical name,
 * alias and abbreviation, with a weight per token (rare tokens weigh more: "toàn trình" tells more
 * than "tỷ lệ" or "số"), an inverted index token → labels for candidate lookup, and the compilers'
 * names as cues for names shared by several series.
 */
import type { Catalog } from '../catalog/catalog';
import { foldKey, spellingKey } from '../catalog/catalog';
import { fold } from '../text';
import type { Indicator } from '../catalog/types';
import { distance } from 'fastest-levenshtein';
import { holdShapes } from '../held-shapes';

/** A word of a text or a name: offsets, the folded form, and whether it is written in capitals. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly raw: string;
  /** foldKey of the word: accents stripped, đ → d, lower case, tỷ ≡ tỉ. */
  readonly folded: string;
  /** All capitals and at least two letters ("IOC", "TTHC", "CNSCĐ"). */
  readonly upper: boolean;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[&'’][\p{L}\p{M}\p{N}]+)*/gu;
const foldCache = new Map<string, string>();

function foldWord(raw: string): string {
  let f = foldCache.get(raw);
  if (f === undefined) {
    f = foldKey(raw);
    if (foldCache.size > 100000) foldCache.clear();
    foldCache.set(raw, f);
  }
  return f;
}

/** Whether a word is written in capitals (Token.upper). */
function isUpper(raw: string): boolean {
  const letters = raw.replace(/[^\p{L}]/gu, '');
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

/**
 * A word of `tokenize`. `upper` is worked out when first read: only abbreviations are matched by
 * it (match.ts), and a `replace` and two case conversions for every word of every part read were a
 * third of tokenising a report's prose.
 */
class Word implements Token {
  private capitals: boolean | undefined;
  constructor(
    readonly start: number,
    readonly end: number,
    readonly raw: string,
    readonly folded: string,
  ) {}
  get upper(): boolean {
    return (this.capitals ??= isUpper(this.raw));
  }
}

/** The words of `text` with their offsets. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const raw = m[0];
    out.push(new Word(m.index!, m.index! + raw.length, raw, foldWord(raw)));
  }
  return out;
}

export type LabelKind = 'canonical' | 'alias' | 'abbreviation';

/** One name of one indicator. */
export interface Label {
  text: string;
  kind: LabelKind;
  indicator: Indicator;
  /** Every indicator with a name that folds to the same text (several series of one name). */
  shared: Indicator[];
  tokens: string[];
  /** Tokens written in capitals in the name (an abbreviation's letters must be capitals in text). */
  upper: boolean[];
  weights: number[];
  totalWeight: number;
  /** Number of tokens that are not function words. */
  content: number;
  /** Commas in the name ("bộ, ngành"). */
  commas: number;
  /** Vocabulary ids of `tokens`. */
  ids: number[];
  /** Vocabulary id → first position of that word in the label, or -1. */
  firstPos: Int16Array;
  /** Position → next position of the same word, or -1. */
  nextPos: Int16Array;
}

/** Function words: they weigh little, as matched words and as inserted ones. */
export const FUNCTION_WORDS = new Set(
  ['cua', 'va', 'cac', 'co', 'duoc', 'da', 'tren', 'trong', 'voi', 'theo', 'cho', 'tai', 've', 'la', 'nhung', 'den', 'tu', 'vao', 'so', 'mot'],
);

/** Words writers insert into a name without changing what it names ("cả nước", "số lượng", "tổng"). */
export const FILLER_WORDS = new Set(['ca', 'nuoc', 'toan', 'quoc', 'luong', 'tong', 'viet', 'nam', 'hien', 'nay', 'cua', 'cac', 'nhung', 'da', 'duoc', 'deu']);

/** Words that belong to a figure (qualifiers, change words): never inserted into a fuzzy name. */
export const FIGURE_WORDS = new Set(['dat', 'uoc', 'khoang', 'tang', 'giam', 'hon', 'gan', 'xap', 'xi', 'la', 'muc', 'con']);

export interface CompilerCue {
  indicator: Indicator;
  code: string;
  /** Folded token sequences of the compiler's name and codes. */
  cues: string[][];
}

export class NameIndex {
  readonly labels: Label[] = [];
  /** folded token → indices of the labels that contain it. */
  readonly byToken = new Map<string, number[]>();
  readonly weight = new Map<string, number>();
  /** Vocabulary: every word of every label → a small integer. */
  readonly ids = new Map<string, number>();
  /** Weight per vocabulary id. */
  readonly weightOf: number[] = [];
  /** Labels per vocabulary id. */
  readonly labelsOf: number[][] = [];
  /** Whether a vocabulary id is a function word. */
  readonly functionWord: boolean[] = [];
  readonly compilers: CompilerCue[] = [];

  constructor(catalog: Catalog) {
    const indicators = catalog.all();
    // Each name's keys made once (foldKey is fold of spellingKey): made three times, they were
    // half of this index's build, which a cold start's first check waits for.
    const raw: Array<{ text: string; kind: LabelKind; indicator: Indicator; spelled: string; folded: string }> = [];
    const add = (text: string, kind: LabelKind, indicator: Indicator): void => {
      const spelled = spellingKey(text);
      raw.push({ text, kind, indicator, spelled, folded: fold(spelled) });
    };
    for (const ind of indicators) for (const [text, kind] of labelsOf(ind)) add(text, kind, ind);
    // Names that fold alike across indicators: one name, several series.
    const byFolded = new Map<string, Set<Indicator>>();
    for (const r of raw) {
      const k = r.folded;
      if (!byFolded.has(k)) byFolded.set(k, new Set());
      byFolded.get(k)!.add(r.indicator);
    }
    const seen = new Set<string>();
    const df = new Map<string, number>();
    const tokenized: Array<{ r: (typeof raw)[number]; toks: Token[] }> = [];
    for (const r of raw) {
      if (!r.text.trim()) continue;
      const key = `${r.indicator.id}\u0000${r.spelled}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const toks = tokenize(r.text);
      if (!toks.length) continue;
      tokenized.push({ r, toks });
      for (const t of new Set(toks.map((x) => x.folded))) df.set(t, (df.get(t) ?? 0) + 1);
    }
    const n = Math.max(tokenized.length, 2);
    for (const [t, d] of df) {
      const w = FUNCTION_WORDS.has(t) ? 0.1 : Math.min(1, Math.max(0.15, Math.log(n / d) / Math.log(n)));
      this.weight.set(t, w);
      this.ids.set(t, this.weightOf.length);
      this.weightOf.push(w);
      this.labelsOf.push([]);
      this.functionWord.push(FUNCTION_WORDS.has(t));
    }
    for (const { r, toks } of tokenized) {
      const tokens = toks.map((t) => t.folded);
      const weights = tokens.map((t) => this.weight.get(t) ?? 0.5);
      const label: Label = {
        text: r.text,
        kind: r.kind,
        indicator: r.indicator,
        shared: [...byFolded.get(r.folded)!],
        tokens,
        upper: toks.map((t) => t.upper),
        weights,
        totalWeight: weights.reduce((a, b) => a + b, 0),
        content: tokens.filter((t) => !FUNCTION_WORDS.has(t)).length,
        commas: (r.text.match(/,/g) ?? []).length,
        ids: tokens.map((t) => this.ids.get(t)!),
        firstPos: new Int16Array(this.ids.size).fill(-1),
        nextPos: new Int16Array(tokens.length).fill(-1),
      };
      for (let p = tokens.length - 1; p >= 0; p--) {
        const id = label.ids[p];
        label.nextPos[p] = label.firstPos[id];
        label.firstPos[id] = p;
      }
      const i = this.labels.push(label) - 1;
      for (const t of new Set(tokens)) {
        if (!this.byToken.has(t)) this.byToken.set(t, []);
        this.byToken.get(t)!.push(i);
        this.labelsOf[this.ids.get(t)!].push(i);
      }
    }
    for (const ind of indicators) {
      const names = [ind.compiler, ...(ind.compilerCodes ?? [])].filter((s): s is string => !!s && !!s.trim());
      if (!names.length) continue;
      this.compilers.push({
        indicator: ind,
        code: ind.compilerCodes?.[0] ?? ind.compiler!,
        cues: names.map((s) => tokenize(s).map((t) => t.folded)).filter((c) => c.length > 0),
      });
    }
  }

  private scratchArray: Float64Array | null = null;

  /** A zeroed array with a slot per label; the caller leaves it zeroed. */
  scratch(): Float64Array {
    this.scratchArray ??= new Float64Array(this.labels.length);
    return this.scratchArray;
  }

  private readonly nearCache = new Map<string, string[]>();
  private vocabByLength: Map<number, string[]> | null = null;

  /**
   * Label words one edit away from a text word (both at least four letters, no digits): typos
   * such as "kiều kiện" for "điều kiện". Cached per word.
   */
  near(folded: string): string[] {
    let hit = this.nearCache.get(folded);
    if (hit) return hit;
    hit = [];
    if (folded.length >= 4 && !/\d/.test(folded)) {
      if (!this.vocabByLength) {
        this.vocabByLength = new Map();
        for (const t of this.weight.keys()) {
          if (t.length < 4 || /\d/.test(t)) continue;
          if (!this.vocabByLength.has(t.length)) this.vocabByLength.set(t.length, []);
          this.vocabByLength.get(t.length)!.push(t);
        }
      }
      for (const len of [folded.length - 1, folded.length, folded.length + 1]) {
        for (const v of this.vocabByLength.get(len) ?? []) if (v !== folded && distance(v, folded) <= 1) hit.push(v);
      }
    }
    if (this.nearCache.size > 50000) this.nearCache.clear();
    this.nearCache.set(folded, hit);
    return hit;
  }

  /** Weight of a token of the text that is not part of the name it sits in. */
  insertedWeight(folded: string): number {
    if (FILLER_WORDS.has(folded) || FUNCTION_WORDS.has(folded)) return 0.1;
    return this.weight.get(folded) ?? 0.6;
  }
}

/** An indicator's labels as the index reads them: its name, aliases and abbreviations, each with its kind. */
function labelsOf(ind: Indicator): Array<[string, LabelKind]> {
  return [[ind.name, 'canonical'], ...(ind.aliases ?? []).map((a): [string, LabelKind] => [a, 'alias']), ...(ind.abbreviations ?? []).map((a): [string, LabelKind] => [a, 'abbreviation'])];
}

const cache = new WeakMap<Catalog, NameIndex>();
const wordsCache = new WeakMap<Catalog, Set<string>>();

/**
 * The folded words of the catalog's names: NameIndex's vocabulary (its `ids`' keys) without the rest
 * of the index, which it is once that is built. A word outside it is in no name. Made on first use
 * and kept while the catalog lives.
 */
export function namesVocabulary(catalog: Catalog): { has(folded: string): boolean } {
  const built = cache.get(catalog);
  if (built) return built.ids;
  let words = wordsCache.get(catalog);
  if (!words) {
    words = new Set();
    for (const ind of catalog.all())
      for (const [text] of labelsOf(ind)) if (text.trim()) for (const t of tokenize(text)) words.add(t.folded);
    wordsCache.set(catalog, words);
  }
  return words;
}

/** The index of a catalog, built on first use and kept while the catalog lives. */
export function nameIndex(catalog: Catalog): NameIndex {
  let idx = cache.get(catalog);
  if (!idx) {
    idx = new NameIndex(catalog);
    cache.set(catalog, idx);
    wordsCache.delete(catalog);
  }
  return idx;
}

// Its objects' maps kept through the full collections between reports (held-shapes.ts).
holdShapes(Word, NameIndex);
