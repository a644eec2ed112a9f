/**
 * The names of a unit the detector may mark: catalog names, aliases and abbreviations over folded
 * tokens (match.ts); overlapping candidates compete on score × covered weight, so the longest good
 * name wins; two names of different indicators on the same words with close ranks → `two-names`;
 * a name several series share takes the compiler named in the sentence or, failing that, the
 * nearest one before it in the paragraph, else → `shared-name`.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg, type Msg } from '../i18n';
import { firstIndex } from '../parse/clauses';
import { readFigures } from '../parse/figures';
import { readPeriods } from '../parse/periods';
import type { Figure } from '../types';
import { work } from '../work';
import { byRank, digitalLacking, findNames, type Blocked, type NameCandidate } from './match';
import { tokenize, type CompilerCue, type NameIndex, type Token } from './name-index';
import type { ProsePart, ProseUnit } from './prose';
import { proseSentences, sectionStart } from './context';
import type { SubjectEntry } from './subjects';
import { siblingBySentence } from './sibling-words';
import { otherHead, otherTail } from './heads';
import { ageBound, frontedRate } from './rate-first';

/** Why a shared name named with its compiler nearby has that series (the mention's report). */
const NAMED_COMPILER = msg('câu hoặc đoạn văn nêu cơ quan biên soạn', 'the sentence or its paragraph names the compiler');
/** A candidate this close (rank ratio) to the best one on the same words makes the name ambiguous. */
const CLOSE_RANK = 0.92;
/** How far back in its paragraph a sentence looks for a compiler. */
const PARAGRAPH_LOOKBACK = 600;
/** How far back in its section a bare "Bộ" looks for the ministry it means. */
const SECTION_LOOKBACK = 3000;

/** A name the detector settled on, before its figure is known. */
/** Members of an index named one after another before their figures (member-lists.ts). */
export interface MemberList {
  /** The members, in text order. */
  members: Named[];
  /** End of the last member's words (part offset). */
  end: number;
  /** Set by settleLists: whether the binder's figures are surely the members' (a pairing or a shared figure). */
  ok?: boolean;
  /** Set by settleLists: one figure the members share. */
  shared?: boolean;
  /** Set by settleLists: the first of the members' figures (a pairing's figures are one run after the list). */
  first?: Figure;
}

export interface Named {
  cand: NameCandidate;
  part: number;
  indicator: Indicator;
  /** Every indicator the words may name (one unless `why`). */
  candidates: Indicator[];
  compiler?: string;
  /** Why the shared name's series was chosen (series-choice.ts), for the mention's report. */
  seriesBy?: Msg;
  /** Set when the words cannot be settled on one indicator. */
  why?: 'two-names' | 'shared-name';
  /** A subject without its measure word (subjects.ts): the bound figure picks the entry. */
  subject?: SubjectEntry[];
  /** A counted noun (counted.ts): the numeral start of its figure, the one it must bind. */
  countedAt?: number;
  /** A channel without its head noun (channel-names.ts): the numeral start of the change it was read with, the one it must bind. */
  channelAt?: number;
  /** A member of a list of an index's members (member-lists.ts). */
  list?: MemberList;
  /** An abbreviation the report defines (defined-abbreviations.ts): its message says so. */
  defined?: true;
}

/** Folded words that say what is measured of a subject, not which subject ("điểm", "xếp hạng", "tỷ lệ", "số lượng"). */
const MEASURE_WORDS = new Set(['diem', 'xep', 'hang', 'thu', 'ty', 'le', 'so', 'luong', 'tong', 'chi', 'muc', 'gia', 'tri']);

/** A figure that is only a rate's base: "trên 100 dân", "trên 1.000 người dân". */
const RATE_BASE = /^trên\s+(?:100|1\.000|10\.000|100\.000)\s+(?:người\s+)?dân$/iu;

/** Per part, the offsets where each compiler cue is named (found once per part). */
const cueHits = new WeakMap<ProsePart, Map<CompilerCue, number[][]>>();

/** The words of a part, tokenized once per part object (names, subjects and counted nouns share them). */
const partTokens = new WeakMap<ProsePart, Token[]>();
export function tokensOf(part: ProsePart): Token[] {
  let t = partTokens.get(part);
  if (!t) partTokens.set(part, (t = tokenize(part.text)));
  return t;
}

/** The names of a unit, in text order, not overlapping; `plainFigs` gets each part's figures read on the plain text. */
export function namesOf(text: string, unit: ProseUnit, catalog: Catalog, idx: NameIndex, threshold: number, plainFigs: Figure[][]): Named[] {
  const marked = markedIndicators(unit, catalog);
  const named: Named[] = [];
  unit.parts.forEach((part, k) => {
    const tokens = tokensOf(part);
    const plain = safe(() => readFigures(part.text), []);
    plainFigs.push(plain);
    const periodSpans = safe(() => readPeriods(part.text, { all: true }), []).map((p): [number, number] => [p.start, p.end]);
    // "trên 100 dân" read alone is the base of a rate, words of a name ("số thuê bao băng rộng cố
    // định trên 100 dân ước đạt 21,5"), not a figure a name must stop at.
    const figs = plain.filter((f) => !RATE_BASE.test(f.raw) && !ageBound(part.text, f));
    const blocked: Blocked = {
      numerals: [...figs.map((f): [number, number] => [f.numeralStart, f.numeralEnd]), ...periodSpans],
      prefixes: figs.map((f): [number, number] => [f.start, f.numeralStart]),
      units: figs.map((f): [number, number] => [f.numeralEnd, f.end]),
      ...frontedRate(part.text, tokens, figs),
    };
    const original = text.slice(part.start, part.start + part.text.length);
    const cands = findNames(part.text, tokens, idx, blocked, threshold, original).sort(byRank);
    const { taken, clashes } = takeNames(cands, tokens.length);
    for (const c of taken) {
      // "Chỉ số chuyển đổi số cấp tỉnh (DTI)": an abbreviation in brackets right after a name of its
      // series glosses that name; it is no second name (nor nearer the figure than the name).
      if (glossOfName(part.text, c, taken)) continue;
      // "Thuê bao dùng điện thoại thông minh": another counted noun in the place of the name's (heads.ts).
      if (otherHead(c, tokens, part.text, catalog) || otherTail(c, tokens, part.text, idx)) continue;
      const others = clashes.get(c);
      const alike = lackingAlike(c, tokens, idx);
      const candidates = others?.length || alike.length ? unique([c.label.indicator, ...(others ?? []).map((o) => o.label.indicator), ...alike]) : c.label.shared;
      // Indicators already marked in this sentence are not marked again.
      if (candidates.some((i) => marked.has(i))) continue;
      // "Internet di động … tốc độ tải xuống 34,80 Mb/giây": the sentence told one sibling apart (sibling-words.ts).
      const told = !others?.length && alike.length ? siblingBySentence(c, candidates, tokens, idx) : null;
      if (told) named.push({ cand: c, part: k, indicator: told, candidates: [told] });
      else if (others?.length || alike.length) {
        named.push({ cand: c, part: k, indicator: c.label.indicator, candidates, why: 'two-names' });
      } else if (c.label.shared.length > 1) {
        const pick = pickCompiler(text, idx, unit, part, c, c.label.shared);
        if (!pick) named.push({ cand: c, part: k, indicator: c.label.indicator, candidates, why: 'shared-name' });
        else named.push({ cand: c, part: k, indicator: pick.indicator, candidates: [pick.indicator], compiler: pick.code, seriesBy: NAMED_COMPILER });
      } else named.push({ cand: c, part: k, indicator: c.label.indicator, candidates: [c.label.indicator] });
    }
  });
  return named.sort((x, y) => x.part - y.part || x.cand.start - y.cand.start);
}

/**
 * A fuzzy name that only lacks words of its label, when every word of it is also a word of a name
 * of other indicators: the words are what those names share and the lacking ones are what tells
 * them apart ("tốc độ tải xuống trung bình" of "… băng rộng di động", "… băng rộng cố định" and
 * "… mạng 5G"), whichever lacks the lighter words, and the figure cannot either (the same unit).
 * Those other indicators (none: the name stands).
 */
function lackingAlike(c: NameCandidate, tokens: Token[], idx: NameIndex): Indicator[] {
  // "Tổng số thuê bao băng rộng" (round 26, reading.md §40.3): "tổng" put before the shared words
  // says the siblings' total; only that word inserted.
  const total = tokens[c.first].folded === 'tong' && !c.label.tokens.includes('tong');
  if (c.exact || (c.inserted !== 0 && !total)) return [];
  const ids: number[] = [];
  for (let t = c.first + (total ? 1 : 0); t <= c.last; t++) {
    const id = idx.ids.get(tokens[t].folded);
    if (id === undefined) return [];
    if (!idx.functionWord[id]) ids.push(id);
  }
  if (!ids.length || (total && ids.some((id) => c.label.firstPos[id] < 0))) return [];
  // Lacking only a measure word ("Chỉ số … cấp tỉnh" of "Điểm Chỉ số … cấp tỉnh"), the words hold
  // the whole subject: the bound figure picks the entry (subjects.ts), the name stands.
  const present = new Set(ids);
  const lacking = c.label.ids.filter((id) => !present.has(id) && !idx.functionWord[id]);
  if (lacking.every((id) => MEASURE_WORDS.has(c.label.tokens[c.label.ids.indexOf(id)]))) return [];
  // The labels holding the rarest word, then those holding every other word too.
  const rarest = ids.reduce((a, b) => (idx.labelsOf[b].length < idx.labelsOf[a].length ? b : a));
  const out = new Set<Indicator>();
  for (const li of idx.labelsOf[rarest]) {
    work.steps++;
    const label = idx.labels[li];
    // An entry of another unit the bound figure tells apart ("Chỉ số … cấp tỉnh": a rank or a score).
    if (c.label.shared.includes(label.indicator) || out.has(label.indicator) || label.indicator.unitClass !== c.label.indicator.unitClass) continue;
    // A name whose "số" of a digital whole the window lacks is no alike (reading.md §59.1).
    if (ids.every((id) => label.firstPos[id] >= 0) && !digitalLacking(label, (p) => tokens.slice(c.first, c.last + 1).some((t) => t.folded === label.tokens[p]))) out.add(label.indicator);
  }
  return [...out];
}

/** Whether `c` is an abbreviation in brackets right after a taken name of the same series. */
function glossOfName(text: string, c: NameCandidate, taken: NameCandidate[]): boolean {
  if (c.label.kind !== 'abbreviation' || !/^\s*\)/.test(text.slice(c.end))) return false;
  const roots = (i: Indicator) => [i.family, i.id.split('-')[0]].filter((x): x is string => !!x);
  const own = roots(c.label.indicator);
  return taken.some((t) => t !== c && t.end <= c.start && /^\s*\(\s*$/.test(text.slice(t.end, c.start)) && roots(t.label.indicator).some((r) => own.includes(r)));
}

/** The indicators the unit's existing references name. */
export function markedIndicators(unit: ProseUnit, catalog: Catalog): Set<Indicator> {
  const marked = new Set<Indicator>();
  for (const p of unit.parts) {
    for (const r of p.refs) {
      const m = catalog.resolve(r.inner);
      if ('indicator' in m) marked.add(m.indicator);
      else if (m.kind === 'ambiguous') for (const c of m.candidates) marked.add(c);
    }
  }
  return marked;
}

/**
 * The candidates taken (best first, none overlapping a better one) and, per taken name, the
 * candidates of other indicators nearly as good on the same words. Per token, the first taken name
 * on it and the exact candidates on it in rank order: a lookup costs the candidate's own tokens.
 */
function takeNames(cands: NameCandidate[], tokenCount: number): { taken: NameCandidate[]; clashes: Map<NameCandidate, NameCandidate[]> } {
  const taken: NameCandidate[] = [];
  const clashes = new Map<NameCandidate, NameCandidate[]>();
  const takenOn = new Int32Array(tokenCount).fill(-1);
  const exactOn: number[][] = Array.from({ length: tokenCount }, () => []);
  cands.forEach((e, k) => {
    if (e.exact) for (let t = e.first; t <= e.last; t++) exactOn[t].push(k);
  });
  const firstTaken = (c: NameCandidate): NameCandidate | undefined => {
    let min = -1;
    for (let t = c.first; t <= c.last; t++) {
      work.steps++;
      if (takenOn[t] >= 0 && (min < 0 || takenOn[t] < min)) min = takenOn[t];
    }
    return min < 0 ? undefined : taken[min];
  };
  for (const c0 of cands) {
    let c = c0;
    const over = firstTaken(c);
    if (over) {
      const sameSeries = over.label.shared.includes(c.label.indicator);
      const contained = c.start >= over.start && c.end <= over.end && (c.start > over.start || c.end < over.end);
      if (!sameSeries && !contained && c.rank >= CLOSE_RANK * over.rank) {
        const list = clashes.get(over) ?? [];
        if (!list.some((x) => x.label.indicator === c.label.indicator)) list.push(c);
        clashes.set(over, list);
      }
      continue;
    }
    // An exact name of the same indicator (or of a series sharing its name) on these words, if
    // nearly as good, beats a fuzzy one: it keeps the words as written. One inside the fuzzy
    // words always does: the rest are words of the writer's around the name ("Bộ … ước tính tỷ
    // trọng kinh tế số trong GDP"), the compiler among them, not part of it.
    if (!c.exact && !c.whole) {
      let best = -1;
      for (let t = c.first; t <= c.last; t++) {
        for (const k of exactOn[t]) {
          work.steps++;
          if (best >= 0 && k >= best) break;
          const e = cands[k];
          const inside = e.first >= c.first && e.last <= c.last;
          if (e.label.shared.includes(c.label.indicator) && (inside || e.rank >= 0.75 * c.rank)) best = k;
        }
      }
      const exact = best >= 0 ? cands[best] : undefined;
      if (exact && !firstTaken(exact)) c = exact;
    }
    for (let t = c.first; t <= c.last; t++) if (takenOn[t] < 0) takenOn[t] = taken.length;
    taken.push(c);
  }
  return { taken, clashes };
}

/** The series of a shared name the sentence (outside the name) or, failing that, the paragraph before it names by its compiler. */
function pickCompiler(text: string, idx: NameIndex, unit: ProseUnit, part: ProsePart, c: NameCandidate, shared: Indicator[]): { indicator: Indicator; code: string } | null {
  const cues = idx.compilers.filter((x) => shared.includes(x.indicator));
  if (!cues.length) return null;
  // Per cue and word sequence, the offsets where it is named (then two binary searches per name:
  // a sentence of many shared names and many compilers must not cost names × compilers).
  let named = cueHits.get(part);
  if (!named) {
    const tokens = tokenize(part.text);
    named = new Map(idx.compilers.map((cue) => [cue, cue.cues.map((seq) => occurrences(tokens, seq))]));
    cueHits.set(part, named);
  }
  let own: { indicator: Indicator; code: string } | null = null;
  const ownIds = new Set<Indicator>();
  for (const cue of cues) {
    for (const at of named.get(cue) ?? []) {
      work.steps++;
      // Offsets outside [c.start, c.end) only.
      const inFrom = firstIndex(at.length, (i) => at[i] >= c.start);
      const inTo = firstIndex(at.length, (i) => at[i] >= c.end);
      if (inTo - inFrom === at.length) continue;
      ownIds.add(cue.indicator);
      own ??= { indicator: cue.indicator, code: cue.code };
    }
  }
  if (ownIds.size === 1) return own;
  if (ownIds.size > 1) return null;
  // The paragraph before the sentence: the nearest compiler named wins.
  const tokens = tokenize(text.slice(Math.max(unit.blockStart, unit.start - PARAGRAPH_LOOKBACK), unit.start));
  const hits = cues.flatMap((cue) => cue.cues.flatMap((seq) => occurrences(tokens, seq).map((at) => ({ indicator: cue.indicator, code: cue.code, at }))));
  if (!hits.length) return bareMinistry(text, unit, part, cues);
  const last = Math.max(...hits.map((h) => h.at));
  const nearest = hits.filter((h) => h.at === last);
  return unique(nearest.map((h) => h.indicator)).length === 1 ? nearest[0] : null;
}

/** A shared name settled by a subject's figure ("kinh tế số … chiếm 16,5% GDP"), "của Bộ" in its sentence: bareMinistry's series (detect.ts). */
export function bareMinistryOf(text: string, idx: NameIndex, unit: ProseUnit, part: ProsePart, shared: Indicator[]): Indicator | null {
  return bareMinistry(text, unit, part, idx.compilers.filter((x) => shared.includes(x.indicator)))?.indicator ?? null;
}

/** "của Bộ", "Theo Bộ" with no name after it: the ministry the text named before. */
const BARE_MINISTRY = /(?<![\p{L}])(?:của|theo)\s+Bộ(?![\p{L}])(?!\s+\p{Lu})/iu;

/**
 * A sentence that cites "Bộ" alone ("Theo ước tính của Bộ, tỷ trọng …") means the ministry named
 * nearest before it in its section (the earlier paragraphs under the same heading, context.ts): the
 * series that ministry compiles, when exactly one compiler named there is a ministry ("Bộ …").
 */
function bareMinistry(text: string, unit: ProseUnit, part: ProsePart, cues: NameIndex['compilers']): { indicator: Indicator; code: string } | null {
  if (!BARE_MINISTRY.test(part.text)) return null;
  const ministries = cues.filter((cue) => cue.cues.some((seq) => seq[0] === 'bo' && seq.length > 1));
  if (!ministries.length) return null;
  const from = Math.max(sectionStart(text, unit.start), unit.start - SECTION_LOOKBACK);
  let best: { indicator: Indicator; code: string; at: number } | null = null;
  for (const s of proseSentences(text, from, unit.start)) {
    const tokens = tokenize(text.slice(s.start, s.end));
    for (const cue of ministries)
      for (const seq of cue.cues) {
        if (seq[0] !== 'bo' || seq.length < 2) continue;
        for (const at of occurrences(tokens, seq)) if (!best || s.start + at >= best.at) best = { indicator: cue.indicator, code: cue.code, at: s.start + at };
      }
  }
  return best ? { indicator: best.indicator, code: best.code } : ownMinistry(text, ministries);
}

/** The front matter at the text's start (its lines between the two "---"). */
const FRONT_MATTER = /^---\r?\n([^]{0,1200}?)\r?\n---/u;

/**
 * "Theo ước tính của Bộ, …" with no ministry named before it in its section: the ministry of the
 * report's own front matter ("committee: Văn phòng Bộ Thông tin và Truyền thông"), the writer's
 * own, when exactly one compiler's ministry is named there (reading.md §41).
 */
function ownMinistry(text: string, ministries: NameIndex['compilers']): { indicator: Indicator; code: string } | null {
  const fm = FRONT_MATTER.exec(text.slice(0, 1300));
  if (!fm) return null;
  const tokens = tokenize(fm[1]);
  const hits = ministries.filter((cue) => cue.cues.some((seq) => seq[0] === 'bo' && seq.length > 1 && occurrences(tokens, seq).length > 0));
  return unique(hits.map((h) => h.indicator)).length === 1 ? { indicator: hits[0].indicator, code: hits[0].code } : null;
}

/** The offsets of the tokens where a folded word sequence starts. */
function occurrences(tokens: Token[], seq: string[]): number[] {
  const at: number[] = [];
  for (let i = 0; i + seq.length <= tokens.length; i++) {
    work.steps++;
    if (seq.every((s, k) => tokens[i + k].folded === s)) at.push(tokens[i].start);
  }
  return at;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}
