/**
 * Subjects of the catalog's names: a name or alias without its measure prefix ("xếp hạng",
 * "thứ hạng", "tăng trưởng", "tốc độ tăng trưởng", "doanh thu", "điểm", "cấp độ"), an optional
 * "chỉ số" or "trụ cột" after it, and its tails ("của Việt Nam", "của Liên Hợp Quốc", "cấp tỉnh",
 * "trong ASEAN") taken off: "kinh tế số" for "Tăng trưởng kinh tế số" and "Doanh thu kinh tế số",
 * "chính quyền số" for "Xếp hạng trụ cột chính quyền số cấp tỉnh". Press text names indicators by
 * their subject and lets the figure say the measure; the dialect resolves `[[subject]]` by the
 * figure it binds (series.ts), the markup detector finds subjects in prose (markup/subjects.ts).
 * Pure; the index is built once per catalog (Catalog.subjects()).
 */
import type { Indicator, SubjectEntry, SubjectMeasure } from './types';
import { foldKey } from './name-keys';
import { gdpShareSubject, wholeShareSubject } from './gdp-share';
import { insertedInto, insertKeyOfFolded } from './inserted-words';
import { work } from '../work';

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
  ['ti le ', 'share'],
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
/** Subjects with words put in (subjectEntries) have at least this many words. */
const MIN_PUT_INTO = 4;

export interface SubjectIndex {
  /** Folded subject (words joined by one space) → its entries. */
  entries: Map<string, SubjectEntry[]>;
  /** Longest subject, in words. */
  maxWords: number;
  /** First words of the subjects: a word not among them starts none. */
  firstWords: Set<string>;
  /** A subject without the words writers put into names (inserted-words.ts insertKeyOfFolded) → subjects. */
  bare: Map<string, string[]>;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[&'’][\p{L}\p{M}\p{N}]+)*/gu;

/**
 * foldKey of one word, remembered: the catalog's names share most of their words, and its subject
 * index (built with every catalog, before the first diagnostics) folded each word of each name anew.
 * Bounded (emptied when full: the words of texts come here too).
 */
const wordKeys = new Map<string, string>();
const MAX_WORD_KEYS = 1 << 16;

function wordKey(word: string): string {
  let key = wordKeys.get(word);
  if (key === undefined) {
    if (wordKeys.size >= MAX_WORD_KEYS) wordKeys.clear();
    key = foldKey(word);
    wordKeys.set(word, key);
  } else {
    // The work counter (core/work.ts) counts a remembered word as foldKey would: the steps a test
    // measures do not depend on what earlier calls left in this memo.
    work.steps += word.length;
  }
  return key;
}

/** The key of a text as a subject: its words folded (foldKey), joined by one space. */
export function subjectKey(text: string): string {
  return [...text.matchAll(WORD)].map((m) => wordKey(m[0])).join(' ');
}

/** The subjects of the indicators' names and aliases. */
export function buildSubjectIndex(indicators: Indicator[]): SubjectIndex {
  const idx: SubjectIndex = { entries: new Map(), maxWords: 0, firstWords: new Set(), bare: new Map() };
  for (const ind of indicators) {
    for (const label of [ind.name, ...(ind.aliases ?? [])]) {
      for (const s of subjectsOfLabel(label)) {
        const list = idx.entries.get(s.text) ?? [];
        if (!list.some((e) => e.indicator === ind)) list.push({ indicator: ind, measure: s.measure, province: s.province, ...(s.network ? { network: true as const } : {}), ...(s.whole ? { whole: s.whole } : {}) });
        idx.entries.set(s.text, list);
        idx.maxWords = Math.max(idx.maxWords, s.text.split(' ').length);
        idx.firstWords.add(s.text.split(' ')[0]);
      }
    }
  }
  networkRanks(idx.entries);
  for (const text of idx.entries.keys()) {
    const bare = insertKeyOfFolded(text);
    idx.bare.set(bare, [...(idx.bare.get(bare) ?? []), text]);
  }
  return idx;
}

/**
 * Class network-words-rank (issue 13, round 35, speed35; docs/reading.md §83): the words a speed's
 * alias gives its network ("mạng băng rộng cố định" of "tốc độ mạng băng rộng cố định", "Internet cố
 * định" of "tốc độ Internet cố định") name that speed's rank too, as press writes them ("mạng băng
 * rộng cố định lên hạng 45/179 với 84,18 Mbps", "Internet cố định … tăng 3 bậc lên hạng 10"): a
 * network subject naming one speed (a level) and no rank takes the rank network entries that speed
 * shares another network subject with ("băng rộng cố định": the speed and "Xếp hạng tốc độ băng rộng
 * cố định"), when exactly one. A network of a speed with no rank of its own (5G) takes none.
 */
function networkRanks(entries: Map<string, SubjectEntry[]>): void {
  // (each speed level entry → the rank entries sharing one of its network subjects)
  const ranksOf = new Map<Indicator, Set<Indicator>>();
  for (const list of entries.values()) {
    const ranks = list.filter((e) => e.network && e.measure === 'rank');
    if (!ranks.length) continue;
    for (const e of list) if (e.network && e.measure === 'level') for (const r of ranks) (ranksOf.get(e.indicator) ?? ranksOf.set(e.indicator, new Set()).get(e.indicator)!).add(r.indicator);
  }
  for (const list of entries.values()) {
    const levels = list.filter((e) => e.network && e.measure === 'level');
    if (levels.length !== 1 || list.some((e) => e.measure === 'rank')) continue;
    const ranks = ranksOf.get(levels[0].indicator);
    if (ranks?.size === 1) for (const r of ranks) list.push({ indicator: r, measure: 'rank', province: levels[0].province, network: true });
  }
}

/**
 * The entries `name` names as a subject: its words as a subject, else that subject with words put in
 * as writers put them into names (inserted-words.ts: "dân số trưởng thành đã có chữ ký số …" for the
 * subject of "Tỷ lệ dân số trưởng thành có chữ ký số …", "doanh số trên các sàn …"), when exactly one
 * subject of MIN_PUT_INTO words or more has those words (a short subject says too little to take
 * words in: "kinh tế của số" is no "kinh tế số").
 */
export function subjectEntries(idx: SubjectIndex, name: string): SubjectEntry[] | undefined {
  const key = subjectKey(name);
  const direct = idx.entries.get(key);
  if (direct) return direct;
  const put = (idx.bare.get(insertKeyOfFolded(key)) ?? []).filter((s) => s.split(' ').length >= MIN_PUT_INTO && insertedInto(name, s));
  return put.length === 1 ? idx.entries.get(put[0]) : undefined;
}

/**
 * The subjects an indicator's name and aliases give, and the names themselves as subject keys (the
 * alias "tốc độ băng rộng cố định" of the speed is the subject of "Xếp hạng tốc độ băng rộng cố
 * định"): the keys under which the index lists the family it belongs to.
 */
export function subjectKeysOf(ind: Indicator): string[] {
  const out: string[] = [];
  const add = (key: string) => {
    if (!out.includes(key)) out.push(key);
  };
  for (const label of [ind.name, ...(ind.aliases ?? [])]) {
    add(subjectKey(label));
    for (const s of subjectsOfLabel(label)) add(s.text);
  }
  return out;
}

/** The subjects one label gives: its words after a measure prefix, with and without a lead and tails. */
function subjectsOfLabel(label: string): Array<{ text: string; measure: SubjectMeasure; province: boolean; network?: true; whole?: string }> {
  const folded = subjectKey(label);
  const gdp = gdpShareSubject(folded); // "Tỷ trọng kinh tế số trong GDP": the "% GDP" of "kinh tế số" (gdp-share.ts)
  if (gdp) return [{ text: gdp, measure: 'gdp', province: false }];
  // "Tỷ trọng thương mại điện tử trong tổng mức bán lẻ": the "% tổng mức bán lẻ" of "thương mại điện tử" (gdp-share.ts, round 33)
  const ofWhole = wholeShareSubject(folded);
  if (ofWhole) return [{ text: ofWhole.subject, measure: 'whole', province: false, whole: ofWhole.whole }];
  const measured = PREFIXES.find(([p]) => folded.startsWith(p));
  const prefix = measured ?? speedPrefix(folded);
  if (!prefix) return [];
  const out: Array<{ text: string; measure: SubjectMeasure; province: boolean; network?: true }> = [];
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
  const add = (text: string, network = false) => {
    if (network && !NETWORK.test(text)) return; // ("di động" alone says too little)
    if (text.split(' ').length >= MIN_TOKENS && !out.some((o) => o.text === text)) out.push({ text, measure: prefix[1], province, ...(network ? { network: true as const } : {}) });
  };
  add(core, !measured);
  if (lead && core.startsWith(lead)) add(core.slice(lead.length));
  // A speed's rank by its network alone: "băng rộng cố định" of "Xếp hạng tốc độ băng rộng cố định".
  const network = prefix[1] === 'rank' ? SPEED.exec(core) : null;
  if (network) add(core.slice(network[0].length), true);
  return out;
}

/**
 * The words of a speed before the network it is of ("tốc độ tải xuống trung bình ", "tốc độ "):
 * press names a network's speed and its speed's rank by the network alone ("Internet cố định của
 * Việt Nam đạt 261,80 Mbps", "băng rộng cố định ở vị trí 44"), the figure saying which.
 */
/** A network's words: a speed's subject without one ("di động", "trên di động") names no network. */
const NETWORK = /^(?:bang rong|bang thong rong|internet|mang|cap quang)(?: |$)|(?:^| )[45]g$/u;
const SPEED = /^toc do (?:tai xuong (?:trung binh )?|truy cap |tai )?(?!tang truong)/u;

/** A speed's label as a measure prefix of its network (SPEED), its measure a level. */
function speedPrefix(folded: string): [string, SubjectMeasure] | undefined {
  const m = SPEED.exec(folded);
  return m ? [m[0], 'level'] : undefined;
}
