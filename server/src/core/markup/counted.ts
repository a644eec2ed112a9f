/**
 * Counted nouns: press text often names a count by its subject and the noun counted after the
 * figure, not by the catalog's name: "Cổng Dịch vụ công quốc gia có gần 8 triệu tài khoản",
 * "Cơ sở dữ liệu quốc gia về dân cư đã kết nối với 13 bộ, ngành và 63/63 địa phương", "Nền tảng
 * tích hợp, chia sẻ dữ liệu quốc gia đã có 388 hệ thống kết nối". The noun a count figure is read
 * with (its unit: parse/figures.ts) is the unit of some count entries of the catalog; the entry is
 * the one of those whose names share the most three-word runs with the rest of the sentence (at
 * least one), alone. Its words are the counted noun; the figure is the one before it. Pure; one
 * index per catalog.
 */
import type { Catalog } from '../catalog/catalog';
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import type { Figure } from '../types';
import { work } from '../work';
import { FILLER_WORDS, FUNCTION_WORDS, tokenize, type Token } from './name-index';

/** Nouns a report counts the same units by ("tỉnh, thành phố" for the entries counted in "địa phương"). */
const SAME_UNITS: Record<string, string[]> = {
  'dia phuong': ['tinh, thanh pho', 'tinh/thanh pho', 'tinh, thanh'],
  'bo, nganh': ['bo, co quan'],
};

/** "số <noun> là", "số <noun> (đạt)" right before a figure with no noun of its own: the noun (1), the linking word (2). */
const NOUN_BEFORE = /(?<![\p{L}])[Ss]ố\s+(\p{L}+(?:\s+\p{L}+)?)\s+((?:là|đạt|ước đạt|ước)\s+)?$/u;

/** Words before a count that make it a change ("thêm", "tăng", "giảm", "bớt"). */
export const CHANGE_BEFORE = /(?:^|[^a-z0-9])(?:them|tang|giam|bot)\s*$/;

export interface CountedIndex {
  /** Folded unit → count entries with their three-word runs. */
  byUnit: Map<string, Array<{ indicator: Indicator; runs: Set<string>; words: string[][] }>>;
}

const cache = new WeakMap<Catalog, CountedIndex>();

export function countedIndex(catalog: Catalog): CountedIndex {
  let idx = cache.get(catalog);
  if (idx) return idx;
  idx = { byUnit: new Map() };
  for (const ind of catalog.all()) {
    if (ind.unitClass !== 'count' || !ind.unit || ind.measure === 'growth') continue;
    const unit = foldKey(ind.unit);
    const unitWords = new Set(tokenize(ind.unit).map((t) => t.folded));
    const runs = new Set<string>();
    const words: string[][] = [];
    for (const label of [ind.name, ...(ind.aliases ?? [])]) {
      const tokens = tokenize(label);
      for (const r of runsOf(tokens, unitWords)) runs.add(r);
      words.push(contentWords(tokens, unitWords));
    }
    for (const u of [unit, ...(SAME_UNITS[unit] ?? [])]) {
      const list = idx.byUnit.get(u) ?? [];
      list.push({ indicator: ind, runs, words });
      idx.byUnit.set(u, list);
    }
  }
  cache.set(catalog, idx);
  return idx;
}

/** Three-word runs with at least two words that are neither function words nor words of the unit. */
function runsOf(tokens: Token[], skip: Set<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i + 3 <= tokens.length; i++) {
    const w = tokens.slice(i, i + 3).map((t) => t.folded);
    if (w.filter((x) => !FUNCTION_WORDS.has(x) && !skip.has(x)).length >= 2) out.push(w.join(' '));
  }
  return out;
}

/** The words of a label that say what is counted: neither function nor filler words nor words of the unit. */
function contentWords(tokens: Token[], skip: Set<string>): string[] {
  return [...new Set(tokens.map((t) => t.folded).filter((w) => !FUNCTION_WORDS.has(w) && !FILLER_WORDS.has(w) && !skip.has(w) && !/^\d/.test(w)))];
}

/** A counted noun of a part: its offsets, the figure's numeral start, the entry it counts. */
export interface CountedHit {
  start: number;
  end: number;
  numeralStart: number;
  indicator: Indicator;
}

/**
 * The counted nouns of a part's plain figures whose entry the sentence settles. `covered`: offsets
 * inside names already found (a noun inside one is that name's).
 */
export function countedNouns(text: string, figures: Figure[], catalog: Catalog, covered: (at: number) => boolean): CountedHit[] {
  const idx = countedIndex(catalog);
  const out: CountedHit[] = [];
  const tokenized = sentenceTokens(text);
  for (const f of figures) {
    work.steps++;
    if (f.change || !(f.kind === 'number' || f.kind === 'fraction')) continue;
    // "số thuê bao là 85,7 triệu": the noun before the figure, after "số" (class noun-before, round 16).
    const before = f.unit ? null : NOUN_BEFORE.exec(text.slice(Math.max(0, f.start - 40), f.start));
    if (!before && (f.unitClass !== 'count' || !f.unit)) continue;
    // "có thêm 1,5 triệu tài khoản", "tăng 487 doanh nghiệp": a change of the count, not the count.
    if (CHANGE_BEFORE.test(foldKey(text.slice(Math.max(0, f.start - 16), f.start)))) continue;
    const start = before ? f.start - before[0].length : f.end - f.unit!.length;
    const end = before ? start + before[0].indexOf(before[1]) + before[1].length : f.end;
    const noun = before ? before[1] : f.unit!;
    if ((!before && (start < f.numeralEnd || text.slice(start, f.end) !== f.unit)) || covered(start)) continue;
    const indicator = countedEntry(idx, noun, text, { start: f.start, end: f.end }, end, tokenized);
    if (!indicator) continue;
    out.push({ start, end, numeralStart: f.numeralStart, indicator });
  }
  return out;
}

/** A sentence's three-word runs (folded, with their starts) and words: read once per sentence, when a noun needs them. */
export interface SentenceTokens {
  runs: Map<string, number[]>;
  words: Set<string>;
}

/** The sentence's tokens, read on first use. */
export function sentenceTokens(text: string): () => SentenceTokens {
  let read: SentenceTokens | null = null;
  return () => {
    if (read) return read;
    const tokens = tokenize(text);
    const runs = new Map<string, number[]>();
    for (let i = 0; i + 3 <= tokens.length; i++) {
      const key = tokens.slice(i, i + 3).map((t) => t.folded).join(' ');
      runs.set(key, [...(runs.get(key) ?? []), tokens[i].start]);
    }
    read = { runs, words: new Set(tokens.map((t) => t.folded)) };
    return read;
  };
}

/**
 * The one count entry whose unit is `noun` that the sentence `text` settles, else null: the entry
 * whose names share the most three-word runs with the sentence outside the count (`count`: the
 * figure and its noun), alone, all the content words of one of its names in the sentence, and no
 * other thing said used or had right after the noun (`end`). The markup detector (countedNouns) and
 * the checker (counted-words.ts, a counted noun marked alone) ask this same function.
 */
export function countedEntry(idx: CountedIndex, noun: string, text: string, count: { start: number; end: number }, end: number, tokens: () => SentenceTokens): Indicator | null {
  const entries = idx.byUnit.get(foldKey(noun));
  if (!entries?.length) return null;
  const { runs: sentenceRuns, words: sentenceWords } = tokens();
  // Runs of the entry's names in the sentence, outside the count.
  const score = (runs: Set<string>) => {
    let n = 0;
    for (const r of runs) if ((sentenceRuns.get(r) ?? []).some((at) => at < count.start || at >= count.end)) n++;
    return n;
  };
  const scored = entries.map((e) => ({ e, n: score(e.runs) })).filter((x) => x.n > 0);
  if (!scored.length) return null;
  const best = Math.max(...scored.map((x) => x.n));
  const top = scored.filter((x) => x.n === best);
  if (top.length !== 1) return null;
  // The sentence must say all of what one of the entry's names counts, not a run of common words
  // ("40 tỉnh, thành phố đã triển khai thử nghiệm 5G" is no count of "Tỉnh, thành phố triển khai
  // dịch vụ phản ánh hiện trường"; "17 bộ, ngành … chuyển đổi số cấp bộ" no count of the ministries
  // that issued a plan).
  if (!top[0].e.words.some((ws) => ws.length > 0 && ws.every((w) => sentenceWords.has(w)))) return null;
  // Another entry of the noun whose words the sentence says as fully, words telling it apart among
  // them ("băng rộng cố định và di động có tổng cộng 102,53 triệu thuê bao"): the noun may count either,
  // or both (class two-counted, round 19).
  const topWords = new Set(top[0].e.words.flat());
  const tells = (ws: string[]) => ws.length > 0 && ws.every((w) => sentenceWords.has(w)) && ws.some((w) => !topWords.has(w));
  if (entries.some((e) => e.indicator !== top[0].e.indicator && e.words.some(tells))) return null;
  // "10 triệu người đang dùng điện thoại phổ thông": the noun's own clause says what it counts, and
  // says another thing than the entry's names (class other-use, round 17).
  if (otherUse(text.slice(end, end + 60), top[0].e.words)) return null;
  return top[0].e.indicator;
}

/** A verb of using or having right after a counted noun, then what is used or had (up to a clause break). */
const USE_AFTER = /^\s*(?:(?:đang|đã|vẫn|chỉ|còn)\s+)*(?:dùng|sử dụng|có)\s+([^,;:.()]+)/iu;

/**
 * Whether the words right after a counted noun ("… người đang dùng điện thoại phổ thông") say it
 * uses or has something no name of the entry counts (`words`: each name's content words): a word of
 * that object in none of them. Round 17 (neg17): "khoảng 10 triệu người đang dùng điện thoại phổ
 * thông" is no count of smartphone users.
 */
function otherUse(after: string, words: string[][]): boolean {
  const m = USE_AFTER.exec(after);
  if (!m) return false;
  const object = tokenize(m[1]).map((t) => t.folded).filter((w) => !FUNCTION_WORDS.has(w) && !FILLER_WORDS.has(w) && !/^\d/.test(w)).slice(0, 4);
  return object.length > 0 && !words.some((ws) => object.every((w) => ws.includes(w)));
}
