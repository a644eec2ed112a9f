/**
 * What the detector reads of a unit before its names (detect.ts): a sound prefilter. A unit (a
 * sentence or a table row) yields a mention or a case only through a name the detector finds in
 * it: a catalog name, alias or abbreviation (match.ts findNames), a subject (subjects.ts) or a
 * counted noun (counted.ts). Each has a first test on the unit's words alone, with the name
 * index's own tokenisation (name-index.ts tokenize, as names.ts tokensOf) and each finder's own
 * data, that whatever it finds passes:
 * - names, per part: findNames searches windows only for a label of several words (or an
 *   abbreviation) with `(threshold − 0.1)` of its weight present among the part's words not
 *   blocked (figures, periods), each vocabulary word counted once at its credit (match.ts
 *   eachCredit). Here every word counts at its best credit and nothing is blocked: an upper bound.
 *   Labels are reached through their prefixes (their heaviest words, as many as the rest of the
 *   label could not reach the bound without): common words ("của", "tỷ lệ") reach few labels;
 * - subjects: subjectsIn with no word covered (covering words only takes phrases away);
 * - counted nouns (prose only, first part): a three-word run of a count entry's names
 *   (counted.ts countedIndex) and all the content words of one of that entry's names, which
 *   countedNouns needs in the sentence before it takes a noun.
 * A pillar written in part (pillars.ts, "trụ cột pháp lý") needs the words "trụ cột" in the part.
 * A unit that fails all of these names nothing: its figures and periods are not read again, it is not
 * put in place (prose.ts shiftUnit) and no cache key is built for it. Most of a report's units are
 * such (the bench's 1 MB draft: 7 753 of 8 519).
 */
import type { Catalog } from '../catalog/catalog';
import { registerCache, unpinned } from '../caches';
import { countedIndex, type CountedIndex } from './counted';
import { channelIndex, channelsIn } from './channel-words';
import { eachCredit } from './match';
import { mayNamePillar } from './pillars';
import { mayOpenWithMember } from './member-lists';
import { tokenize, type NameIndex, type Token } from './name-index';
import type { ProseUnit } from './prose';
import { subjectIndex, subjectsIn } from './subjects';

/** For the tests: the detector without the prefilter (every unit read in full), to compare the two paths. */
export const prefilter = { enabled: true };

/** Whether the detector must read `unit` in full: false only when none of its finders can find a name in it. */
export function mayName(unit: ProseUnit, catalog: Catalog, idx: NameIndex, threshold: number): boolean {
  if (!prefilter.enabled) return true;
  const memo = partMemo(idx, threshold);
  // The words as names.ts tokensOf has them, not kept: most units are read no further.
  for (let k = 0; k < unit.parts.length; k++) {
    // countedNames reads the first part of a sentence only, never a table row.
    const counted = k === 0 && !unit.table;
    const known = counted ? memo.counted : memo.plain;
    const text = unit.parts[k].text;
    let may = known.get(text);
    if (may === undefined) {
      may = partMayName(text, counted, catalog, idx, threshold);
      if (memo.chars + text.length > MEMO_CHARS) memo.clear();
      memo.chars += text.length;
      known.set(unpinned(text), may);
    }
    if (may) return true;
  }
  return false;
}

/** mayName for one part's words (`counted`: a sentence's first part, where a counted noun is read too). */
function partMayName(text: string, counted: boolean, catalog: Catalog, idx: NameIndex, threshold: number): boolean {
  const tokens = tokenize(text);
  if (mayHoldName(tokens, idx, threshold) || subjectsIn(text, tokens, subjectIndex(catalog), nothingCovered).length || mayNamePillar(tokens, catalog) || mayOpenWithMember(tokens, catalog)) return true;
  // (a channel without its head noun, "qua mã QR tăng 50,94%", or without "qua" opening a clause: channel-names.ts)
  return counted && (holdsCountRun(tokens, catalog) || channelsIn(tokens, channelIndex(catalog), text).length > 0);
}

/**
 * Per name index (one per catalog) and threshold, each part text's answer: what a part may name
 * depends on its masked words alone (a report's table cells and sentences recur: the bench's 1 MB
 * draft has ~1 900 distinct cell texts in ~24 000 cells). Bounded in characters of key (own copies:
 * caches.ts unpinned); emptied with the content caches.
 */
interface PartMemo {
  threshold: number;
  plain: Map<string, boolean>;
  counted: Map<string, boolean>;
  chars: number;
  clear(): void;
}
const MEMO_CHARS = 2 * 1024 * 1024;
let partMemos = new WeakMap<NameIndex, PartMemo>();
registerCache(() => {
  partMemos = new WeakMap();
});

function partMemo(idx: NameIndex, threshold: number): PartMemo {
  let memo = partMemos.get(idx);
  if (!memo || memo.threshold !== threshold) {
    const m: PartMemo = {
      threshold,
      plain: new Map(),
      counted: new Map(),
      chars: 0,
      clear() {
        m.plain.clear();
        m.counted.clear();
        m.chars = 0;
      },
    };
    partMemos.set(idx, (memo = m));
  }
  return memo;
}

const nothingCovered = (): boolean => false;

/** Sums added in another order than findNames' own: a rounding's slack, in the bound's favour. */
const SLACK = 1e-9;

interface Prefixes {
  threshold: number;
  /** Vocabulary id → the labels that have it among their prefix words. */
  labelsOf: number[][];
  /** Per label, its distinct words (vocabulary ids). */
  distinct: number[][];
  /** Per label, the part it was last weighed for (a label reached through two words is weighed once). */
  weighed: Uint32Array;
  part: number;
  /** Per vocabulary id, the best credit of the part's words (0: none), and the ids set. */
  best: Float64Array;
  set: number[];
}
const prefixCache = new WeakMap<NameIndex, Prefixes>();

/**
 * Per label (of several words, or an abbreviation), its prefix: its distinct words, heaviest
 * first, until the weight of those left is under what findNames asks. A part none of whose words
 * stands for a prefix word of a label cannot reach the label's bound.
 */
function prefixes(idx: NameIndex, threshold: number): Prefixes {
  const cached = prefixCache.get(idx);
  if (cached && cached.threshold === threshold) return cached;
  const labelsOf: number[][] = idx.weightOf.map(() => []);
  const distinct = idx.labels.map((label, li) => {
    const ids = [...new Set(label.ids)].sort((a, b) => idx.weightOf[b] - idx.weightOf[a]);
    if (label.tokens.length <= 1 && label.kind !== 'abbreviation') return ids;
    const need = (threshold - 0.1) * label.totalWeight - SLACK;
    let rest = ids.reduce((s, id) => s + idx.weightOf[id], 0);
    for (const id of ids) {
      if (rest < need) break;
      labelsOf[id].push(li);
      rest -= idx.weightOf[id];
    }
    return ids;
  });
  const p: Prefixes = { threshold, labelsOf, distinct, weighed: new Uint32Array(idx.labels.length), part: 0, best: new Float64Array(idx.weightOf.length), set: [] };
  prefixCache.set(idx, p);
  return p;
}

/** Whether findNames may find a name in these words, whatever is blocked (see the top of the file). */
function mayHoldName(tokens: Token[], idx: NameIndex, threshold: number): boolean {
  if (!tokens.length) return false;
  const p = prefixes(idx, threshold);
  const { best, set } = p;
  try {
    const credit = (id: number, c: number): void => {
      if (best[id] === 0) set.push(id);
      if (c > best[id]) best[id] = c;
    };
    for (const t of tokens) eachCredit(t.folded, idx, credit);
    // A new stamp per part (wrapping around: the stamps are emptied).
    if (++p.part === 0xffffffff) {
      p.weighed.fill(0);
      p.part = 1;
    }
    for (const id of set) {
      for (const li of p.labelsOf[id]) {
        if (p.weighed[li] === p.part) continue;
        p.weighed[li] = p.part;
        let bound = 0;
        for (const w of p.distinct[li]) bound += idx.weightOf[w] * best[w];
        if (bound + SLACK >= (threshold - 0.1) * idx.labels[li].totalWeight) return true;
      }
    }
    return false;
  } finally {
    for (const id of set) best[id] = 0;
    set.length = 0;
  }
}

/** The counted nouns' test alone, on one part's words (for the tests: whatever countedNouns finds, this lets through). */
export function mayCountNoun(text: string, catalog: Catalog): boolean {
  return holdsCountRun(tokenize(text), catalog);
}

/** Per three-word run of a count entry's names (countedIndex's runs), the names' content words of each entry that has it; and the runs' first words. */
const runsOf = new WeakMap<CountedIndex, { runs: Map<string, string[][][]>; first: Set<string> }>();

/**
 * Whether the words may give countedNouns a noun: they hold a three-word run of some count entry's
 * names, and all the content words of one of that entry's names (countedNouns takes an entry only
 * when the sentence says one of its names' words in full: "Về …: quý IV/2014 đạt 44/63 tỉnh, thành
 * phố" holds a run of "Tỉnh, thành phố triển khai …" in its unit, never that name's other words).
 */
function holdsCountRun(tokens: Token[], catalog: Catalog): boolean {
  const cidx = countedIndex(catalog);
  let r = runsOf.get(cidx);
  if (!r) {
    r = { runs: new Map(), first: new Set() };
    for (const entries of cidx.byUnit.values()) {
      for (const e of entries) {
        for (const run of e.runs) {
          const list = r.runs.get(run) ?? [];
          if (!list.includes(e.words)) list.push(e.words);
          r.runs.set(run, list);
        }
      }
    }
    for (const run of r.runs.keys()) r.first.add(run.slice(0, run.indexOf(' ')));
    runsOf.set(cidx, r);
  }
  let words: Set<string> | null = null;
  for (let i = 0; i + 3 <= tokens.length; i++) {
    if (!r.first.has(tokens[i].folded)) continue;
    const names = r.runs.get(`${tokens[i].folded} ${tokens[i + 1].folded} ${tokens[i + 2].folded}`);
    if (!names) continue;
    words ??= new Set(tokens.map((t) => t.folded));
    const said = words;
    if (names.some((entry) => entry.some((ws) => ws.length > 0 && ws.every((w) => said.has(w))))) return true;
  }
  return false;
}
