/**
 * The indicator catalog as a lookup structure: resolves a written name (canonical, alias,
 * abbreviation, unaccented, "name @ compiler") and suggests the closest names for an unknown one.
 * Lookup maps are built once in the constructor, so an exact hit costs one map lookup.
 */
import { distance } from 'fastest-levenshtein';
import type { Indicator, NameMatch } from './types';
import { buildSubjectIndex, subjectEntries, subjectKey, type SubjectIndex } from './subjects';
import { work } from '../work';
import { fold } from '../text';
import { compilerKey, foldKey, measureFits, neutralKey, spellingKey, splitCompiler, tokenize, variantOf, type NameClass } from './name-keys';
import { insertedInto, insertKey, insertKeyOfFolded, nameWords } from './inserted-words';

export { spellingKey, foldKey, splitCompiler, variantOf } from './name-keys';

type LabelKind = 'canonical' | 'alias' | 'abbreviation';

/** One name of one indicator, as stored in the lookup maps. */
interface Label {
  indicator: Indicator;
  kind: LabelKind;
  /** The name as the catalog writes it. */
  text: string;
  /** foldKey(text), for suggestions. */
  folded: string;
  tokens: string[];
}


function uniqueIndicators(labels: Label[]): Indicator[] {
  const out: Indicator[] = [];
  for (const l of labels) if (!out.includes(l.indicator)) out.push(l.indicator);
  return out;
}

/** Longest written name (folded) tried as a variant of a catalog name. */
const MAX_VARIANT_LENGTH = 300;

/** Resolved names kept per catalog. */
const MAX_RESOLVED = 20_000;

export class Catalog {
  private readonly list: Indicator[];
  private readonly ids = new Map<string, Indicator>();
  /** spellingKey(name) → labels; canonical, alias and abbreviation labels together. */
  private readonly exact = new Map<string, Label[]>();
  /** foldKey(name) → labels. */
  private readonly folded = new Map<string, Label[]>();
  private readonly labels: Label[] = [];
  /** compilerKey(code or compiler name) per indicator. */
  private readonly compilers = new Map<Indicator, Set<string>>();
  /** variant core (see variantOf) → labels, for names written with a prefix, tail or gloss. */
  private readonly variants = new Map<string, Label[]>();
  /** A label's folded name without its neutral words (name-keys.ts neutralKey; its foldKey when it has none) → labels. */
  private readonly neutral = new Map<string, Label[]>();
  /** A label's name without the words writers put into names (inserted-words.ts insertKey) → labels. */
  private readonly inserts = new Map<string, Label[]>();
  /** Names resolved so far (bounded: a text with endless distinct names cannot grow it unbounded). */
  private readonly resolved = new Map<string, NameMatch>();
  /** The subjects of the names (subjects.ts), built with the catalog (a lookup never builds it). */
  private readonly subjectIdx: SubjectIndex;

  constructor(indicators: Indicator[]) {
    // A later entry with the same id wins, as in merge().
    const byId = new Map<string, Indicator>();
    for (const ind of indicators) byId.set(ind.id, ind);
    this.list = [...byId.values()];
    for (const ind of this.list) {
      this.ids.set(ind.id, ind);
      const codes = new Set<string>();
      for (const c of [ind.compiler, ...(ind.compilerCodes ?? [])]) if (c) codes.add(compilerKey(c));
      this.compilers.set(ind, codes);
      const add = (kind: LabelKind, text: string) => {
        if (!text.trim()) return;
        // foldKey(text), from the spelling key made once.
        const spelled = spellingKey(text);
        const f = fold(spelled);
        const label: Label = { indicator: ind, kind, text, folded: f, tokens: tokenize(f) };
        this.labels.push(label);
        push(this.exact, spelled, label);
        push(this.folded, f, label);
        const v = variantOf(f);
        if (v.core) push(this.variants, v.core, label);
        labelClass.set(label, v.cls);
        push(this.neutral, neutralKey(text) ?? f, label);
        push(this.inserts, insertKeyOfFolded(f), label);
      };
      add('canonical', ind.name);
      for (const a of ind.aliases ?? []) add('alias', a);
      for (const a of ind.abbreviations ?? []) add('abbreviation', a);
    }
    this.subjectIdx = buildSubjectIndex(this.list);
  }

  /**
   * Catalog of `base` with `overrides` applied: an override with an existing id replaces that
   * entry in place, a new id is appended.
   */
  static merge(base: Indicator[], overrides: Indicator[]): Catalog {
    const byId = new Map<string, Indicator>();
    for (const ind of base) byId.set(ind.id, ind);
    for (const ind of overrides) byId.set(ind.id, ind);
    return new Catalog([...byId.values()]);
  }

  /** Number of indicators. */
  get size(): number {
    return this.list.length;
  }

  /** All indicators, in catalog order. */
  all(): Indicator[] {
    return [...this.list];
  }

  /** The subjects of the catalog's names and aliases (a name without its measure word), built once. */
  subjects(): SubjectIndex {
    return this.subjectIdx;
  }

  byId(id: string): Indicator | undefined {
    return this.ids.get(id);
  }

  /**
   * The name a reference writes for `indicator` alone: its canonical name, or, when another entry
   * shares that name ("Tỷ trọng kinh tế số trong GDP": the ministry's and the statistics office's),
   * the name with the first of its compiler codes that picks it ("… @ TCTK"); the name alone when
   * no code does.
   */
  referenceName(indicator: Indicator): string {
    const own = (r: NameMatch) => 'indicator' in r && r.indicator === indicator;
    if (own(this.resolve(indicator.name))) return indicator.name;
    const code = (indicator.compilerCodes ?? []).find((c) => own(this.resolve(`${indicator.name} @ ${c}`)));
    return code ? `${indicator.name} @ ${code}` : indicator.name;
  }

  /**
   * Resolves a written name. Order: canonical name, alias, abbreviation (all case-insensitive,
   * NFC, whitespace-collapsed), then the same with accents folded ("unaccented"). A name shared by
   * several entries is "ambiguous" unless a compiler after "@" picks one; a compiler that none of
   * the matching entries has gives "unknown" with those entries as suggestions.
   */
  resolve(written: string): NameMatch {
    // A catalog never changes: each name is resolved once (an unknown one costs the suggestions).
    const hit = this.resolved.get(written);
    if (hit) return hit;
    const match = this.resolveUncached(written);
    if (this.resolved.size >= MAX_RESOLVED) this.resolved.clear();
    this.resolved.set(written, match);
    return match;
  }

  private resolveUncached(written: string): NameMatch {
    work.steps++;
    const { name, compiler } = splitCompiler(written);
    const excluded: Indicator[] = [];
    const exactHits = this.exact.get(spellingKey(name)) ?? [];
    for (const kind of ['canonical', 'alias', 'abbreviation'] as const) {
      const hits = this.pick(exactHits.filter((l) => l.kind === kind), compiler, excluded);
      if (hits.length === 0) continue;
      const candidates = uniqueIndicators(hits);
      if (candidates.length > 1) return { kind: 'ambiguous', candidates };
      const hit = hits[0];
      if (kind === 'canonical') return { kind, indicator: hit.indicator };
      if (kind === 'alias') return this.familyName(hit.indicator, name) ?? { kind, indicator: hit.indicator, alias: hit.text };
      return { kind, indicator: hit.indicator, abbreviation: hit.text };
    }
    const foldedHits = this.pick(this.folded.get(foldKey(name)) ?? [], compiler, excluded);
    if (foldedHits.length > 0) {
      const candidates = uniqueIndicators(foldedHits);
      if (candidates.length > 1) return { kind: 'ambiguous', candidates };
      // Prefer reporting the canonical spelling when several names of the entry fold alike.
      const hit = foldedHits.find((l) => l.kind === 'canonical') ?? foldedHits[0];
      return { kind: 'unaccented', indicator: hit.indicator, matched: hit.text };
    }
    const variant = this.resolveVariant(name, compiler, excluded);
    if (variant) return variant;
    // A subject ("kinh tế số", "chính quyền số"): the entries it may name; the figure the
    // reference binds picks one (series.ts). A compiler narrows them as for a shared name.
    const entries = name.length <= MAX_VARIANT_LENGTH ? subjectEntries(this.subjects(), name) : undefined;
    if (entries) {
      const kept = compiler ? entries.filter((e) => this.pick([{ indicator: e.indicator, kind: 'canonical', text: e.indicator.name, folded: '', tokens: [] }], compiler, excluded).length) : entries;
      if (kept.length) return { kind: 'ambiguous', candidates: [...new Set(kept.map((e) => e.indicator))], subject: kept };
    }
    // The suggestions (an edit distance to every name of the catalog, about a millisecond) are
    // worked out when first read: most unknown names (figures.csv rows, the markup detector's
    // checks) are only asked whether they resolve.
    return unknownMatch(() => {
      if (!excluded.length) return this.suggest(name, 3);
      const suggestions = [...new Set(excluded)];
      for (const s of this.suggest(name, 3)) if (suggestions.length < 3 && !suggestions.includes(s)) suggestions.push(s);
      return suggestions;
    });
  }

  /**
   * The `n` indicators whose names, aliases or abbreviations are closest to `written`, closest
   * first. Accent-insensitive; combines edit distance with token overlap so that a partial name
   * ("ty le ho so truc tuyen") finds the full one.
   */
  suggest(written: string, n = 3): Indicator[] {
    const q = foldKey(splitCompiler(written).name);
    if (!q) return this.list.slice(0, n);
    const qTokens = tokenize(q);
    const best = new Map<Indicator, number>();
    // The n best entries so far: a label that cannot score as high as the lowest of them, its edit
    // distance at least the two lengths' difference, changes nothing that is returned (similarity's
    // floor). Scores only grow, so a label passed over stays below the last of the n.
    const top: Array<{ indicator: Indicator; score: number }> = [];
    for (const label of this.labels) {
      // (the edit distance to the label: the query's length × the label's, bounded)
      work.steps += 1 + q.length;
      const score = similarity(q, qTokens, label, top.length < n ? -Infinity : Math.min(...top.map((t) => t.score)));
      if (!(score > (best.get(label.indicator) ?? -1))) continue;
      best.set(label.indicator, score);
      const held = top.find((t) => t.indicator === label.indicator);
      if (held) held.score = score;
      else if (top.length < n) top.push({ indicator: label.indicator, score });
      else {
        const low = top.reduce((a, b) => (b.score < a.score ? b : a));
        if (score > low.score) Object.assign(low, { indicator: label.indicator, score });
      }
    }
    return this.list
      .map((ind, order) => ({ ind, order, score: best.get(ind) ?? 0 }))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .slice(0, n)
      .map((x) => x.ind);
  }

  /**
   * Every name a reference may use, for completion. A name shared by several series carries its
   * compiler ("Tỷ trọng kinh tế số trong GDP @ TCTK") so that the inserted reference resolves.
   */
  completionNames(): Array<{ label: string; indicator: Indicator; kind: 'canonical' | 'alias' | 'abbreviation' }> {
    const out: Array<{ label: string; indicator: Indicator; kind: LabelKind }> = [];
    const seen = new Set<string>();
    for (const l of this.labels) {
      const shared = uniqueIndicators(this.exact.get(spellingKey(l.text)) ?? []).length > 1;
      const code = l.indicator.compilerCodes?.[0] ?? l.indicator.compiler;
      const label = shared && code ? `${l.text} @ ${code}` : l.text;
      const key = `${l.indicator.id}\u0000${spellingKey(label)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({ label, indicator: l.indicator, kind: l.kind });
    }
    return out;
  }

  /**
   * A name as people write it around a catalog name: an abbreviation in parentheses after it
   * ("… (EGDI)"), a tail ("của Việt Nam", "trên cả nước", "toàn quốc"), or a prefix ("chỉ số",
   * "điểm", "xếp hạng", "tỷ lệ") the catalog's name has or lacks. It resolves only when the words
   * left identify one entry whose measure fits the prefix ("xếp hạng" a rank, "tỷ lệ" a share,
   * "chỉ số"/"điểm" an index); reported as an alias (the non-canonical-name hint and its fix).
   */
  private resolveVariant(name: string, compiler: string | undefined, excluded: Indicator[]): NameMatch | undefined {
    const folded = foldKey(name);
    // A catalog name is a few words: a long text is no variant of one (and costs nothing here).
    if (folded.length > MAX_VARIANT_LENGTH) return undefined;
    const v = variantOf(folded);
    if (!v.core) return undefined;
    const alias = (indicator: Indicator): NameMatch => ({ kind: 'alias', indicator, alias: name });
    // The gloss in parentheses must not name another series ("Xếp hạng GII (EGDI)").
    const glossFits = (ind: Indicator) => {
      if (!v.gloss) return true;
      const named = uniqueIndicators(this.exact.get(spellingKey(v.gloss)) ?? this.folded.get(foldKey(v.gloss)) ?? []);
      return named.length === 0 || named.some((o) => sameSeries(o, ind));
    };
    // 1. Only a tail or gloss around a name of the catalog.
    if (v.stripped !== folded) {
      const hits = this.pick(this.folded.get(v.stripped) ?? [], compiler, excluded);
      const candidates = uniqueIndicators(hits).filter(glossFits);
      if (candidates.length === 1) return alias(candidates[0]);
      if (candidates.length > 1) return sameFamily(candidates) ? { kind: 'ambiguous', candidates } : undefined;
    }
    // 2. The same words after a prefix, the prefix's sense kept.
    const fits = (l: Label) => (v.cls === 'none' ? labelClass.get(l) === 'none' : measureFits(v.cls, l.indicator));
    const hits = this.pick((this.variants.get(v.core) ?? []).filter(fits), compiler, excluded);
    let candidates = uniqueIndicators(hits).filter(glossFits);
    if (candidates.length > 1) {
      // A label with the same prefix as the written name wins ("Điểm Chỉ số X" for "điểm X").
      const same = uniqueIndicators(hits.filter((l) => labelClass.get(l) === v.cls)).filter((i) => candidates.includes(i));
      if (same.length >= 1) candidates = same;
    }
    if (candidates.length === 1) return alias(candidates[0]);
    if (candidates.length > 1 && sameFamily(candidates)) return { kind: 'ambiguous', candidates };
    // 3. A name with words put in that change nothing ("vào các hệ thống", "đã được phê duyệt"):
    // the name without them is one entry's name or alias without them, tail or gloss aside.
    const loose = neutralKey(name);
    const bare = loose === null ? null : variantOf(loose).stripped;
    const found = loose === null ? [] : uniqueIndicators(this.pick([...(this.neutral.get(loose) ?? []), ...(bare !== loose ? (this.neutral.get(bare!) ?? []) : [])], compiler, excluded)).filter(glossFits);
    if (found.length === 1) return alias(found[0]);
    if (found.length > 1) return undefined;
    // 4. Connectives and subject words put between a name's words ("… trung bình của mạng di
    // động"): every word of one entry's name, in order, and only those put in (inserted-words.ts).
    // The same after a prefix ("tỷ lệ hộ gia đình có Internet cáp quang": "tỷ lệ" and the
    // subject alias "hộ gia đình có cáp quang"), to a name without one whose measure fits it.
    const put = (words: string, keep: (l: Label) => boolean) => uniqueIndicators(this.pick((this.inserts.get(insertKey(words)) ?? []).filter((l) => keep(l) && insertedInto(words, l.text)), compiler, excluded));
    let found4 = put(name, () => true);
    const words = nameWords(name);
    const core = v.core.split(' ').length;
    if (!found4.length && v.cls !== 'none' && v.stripped === folded && words.length > core && foldKey(words.slice(-core).join(' ')) === v.core) {
      found4 = put(words.slice(-core).join(' '), (l) => labelClass.get(l) === 'none' && measureFits(v.cls, l.indicator));
    }
    return found4.length === 1 ? alias(found4[0]) : undefined;
  }

  /**
   * An alias that is also the subject of several entries of its family ("Chỉ số đổi mới sáng tạo
   * toàn cầu": the rank, the score, the ASEAN rank) names the family: the figure the reference binds
   * picks the entry (series.ts), the alias's own entry when none does. So does an alias that is the
   * subject of a sibling only ("tốc độ Internet di động" of the speed, and of "xếp hạng tốc độ
   * Internet di động"): its own entry then stands in the family as its level.
   */
  private familyName(own: Indicator, name: string): NameMatch | undefined {
    let entries = (this.subjects().entries.get(subjectKey(name)) ?? []).filter((e) => e.indicator === own || sameSeries(e.indicator, own));
    if (entries.length && !entries.some((e) => e.indicator === own)) entries = [{ indicator: own, measure: 'level', province: false }, ...entries];
    const candidates = [...new Set(entries.map((e) => e.indicator))];
    if (candidates.length < 2 || !candidates.includes(own)) return undefined;
    return { kind: 'ambiguous', candidates, subject: entries.map((e) => (e.indicator === own ? { ...e, named: true } : e)) };
  }

  /** Keeps the labels whose indicator fits the compiler; remembers the ones it excluded. */
  private pick(labels: Label[], compiler: string | undefined, excluded: Indicator[]): Label[] {
    if (!compiler || labels.length === 0) return labels;
    const key = compilerKey(compiler);
    const kept = labels.filter((l) => {
      const codes = this.compilers.get(l.indicator);
      // An entry that names no compiler is a single series: the code is not checked.
      return !codes || codes.size === 0 || codes.has(key);
    });
    for (const l of labels) if (!kept.includes(l)) excluded.push(l.indicator);
    return kept;
  }
}

const labelClass = new WeakMap<Label, NameClass>();


/**
 * Whether two entries belong to one series (an index and its rank, a family): they share the family
 * or the first word of the id ("egdi-rank", "egdi-score"; "dti-province-rank", family dti-province).
 */
function sameSeries(a: Indicator, b: Indicator): boolean {
  const roots = (i: Indicator) => [i.family, i.id.split('-')[0]].filter((x): x is string => !!x);
  const rb = roots(b);
  return a === b || roots(a).some((r) => rb.includes(r));
}

function sameFamily(candidates: Indicator[]): boolean {
  const f = candidates[0].family;
  return f !== undefined && candidates.every((c) => c.family === f);
}

/** An "unknown" match whose suggestions are computed when first read (then kept). */
function unknownMatch(suggest: () => Indicator[]): NameMatch {
  let suggestions: Indicator[] | undefined;
  const match = { kind: 'unknown' } as { kind: 'unknown'; suggestions: Indicator[] };
  Object.defineProperty(match, 'suggestions', {
    enumerable: true,
    get: () => (suggestions ??= suggest()),
  });
  return match;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Similarity in [0, 1] of a folded query to one label; -1 without the edit distance's cost when even
 * at the least distance its lengths allow the score would be under `floor` (the same expression,
 * monotone in the distance: the score computed otherwise is never above that bound).
 */
function similarity(q: string, qTokens: string[], label: Label, floor = -Infinity): number {
  const c = label.folded;
  const longest = Math.max(q.length, c.length, 1);
  const least = Math.abs(q.length - c.length);
  if (qTokens.length === 0 || label.tokens.length === 0) {
    if (0.45 * (1 - least / longest) < floor) return -1;
    return 0.45 * (1 - distance(q, c) / longest);
  }
  let matched = 0;
  for (const t of qTokens) {
    if (label.tokens.includes(t)) matched++;
    // (within one edit: lengths at most one apart)
    else if (t.length >= 4 && label.tokens.some((u) => u.length >= 3 && Math.abs(u.length - t.length) <= 1 && distance(t, u) <= 1)) matched += 0.8;
  }
  const containment = matched / qTokens.length;
  const dice = (2 * matched) / (qTokens.length + label.tokens.length);
  if (0.45 * (1 - least / longest) + 0.35 * containment + 0.2 * dice < floor) return -1;
  return 0.45 * (1 - distance(q, c) / longest) + 0.35 * containment + 0.2 * dice;
}
