/**
 * Lists of an index's members (its pillars, criteria, components) named after a head noun: the
 * items of the list are the members' own words, the index being the one the context names.
 *
 *   "Bốn trụ cột công nghệ, con người, quản trị và tác động lần lượt đạt 49,27; 47,97; 58,03 và 64,58 điểm."
 *   "Bốn tiêu chí biện pháp pháp lý, biện pháp kỹ thuật, biện pháp tổ chức và hợp tác đều đạt tối đa 20 điểm;
 *    riêng phát triển năng lực đạt 19,74 điểm."
 *   "Điểm các trụ cột lần lượt: Công nghệ 49,27; Con người 47,97; Quản trị 58,03 và Tác động 64,58."
 *
 * A member is a pillar entry of the catalog (pillars.ts: "Điểm trụ cột <W> của <index>"). An item
 * of a list is the words between two separators (",", ";", ":", "và", "riêng", "còn", a bracket)
 * up to the first figure or figure word; it names the member whose <W> it ends with, after at most
 * two generic member words ("biện pháp", "trụ cột", "tiêu chí" …), when exactly one index of the
 * context (pillars.ts familiesAround) has a member of those words. A list is opened by a head noun
 * ("trụ cột", "tiêu chí", "thành phần", "lĩnh vực") in the sentence, or continues one that a
 * sentence piece of the same sentence opened before a ";" ("… lần lượt: Công nghệ 49,27; Con người 47,97").
 *
 * Each item is a fuzzy name of its member (canonical mode marks it; wrap wraps it when the checker
 * reads the words as that member, pillar-words.ts, else lists it as a variant),
 * bound by the checker's binder like any name. Items written one after another before their
 * figures form a list (MemberList): the figure of each member is then far from all but the last,
 * and is surely its own when the binder gives the members distinct figures (a "lần lượt" pairing)
 * or one figure the sentence says is shared ("đều", "mỗi", "đồng loạt"); the distance is then
 * measured from the list's end (memberFar). Pure.
 */
import type { Catalog } from '../catalog/catalog';
import type { Figure } from '../types';
import type { Bound, UnitReading } from './bind';
import type { Token } from './name-index';
import { tokensOf, type MemberList, type Named } from './names';
import { familiesAround, pillarsOf, type Pillar } from './pillars';
import { farFigure } from './placement';
import type { ProseUnit } from './prose';
import { subjectCandidate } from './subject-names';

/** Folded head nouns that open a list of members. */
const HEADS: string[][] = [['tru', 'cot'], ['tieu', 'chi'], ['thanh', 'phan'], ['linh', 'vuc']];
/** Folded generic member words an item may start with ("biện pháp pháp lý", "trụ cột con người", "chỉ số thành phần …"). */
const GENERIC = new Set(['bien', 'phap', 'tru', 'cot', 'tieu', 'chi', 'linh', 'vuc', 'thanh', 'phan', 'nhom', 'so']);
/** Words (lower case, as written: folding would take "tầng" for "tăng") that end an item's words: what is said of the member. */
const STOPS = new Set(['lần', 'đều', 'đạt', 'mỗi', 'có', 'được', 'với', 'xếp', 'đứng', 'là', 'tăng', 'giảm', 'điểm', 'ở', 'trong', 'năm', 'tháng', 'cùng', 'cao', 'thấp', 'gần', 'hơn', 'khoảng', 'trên', 'dưới', 'tối', 'vẫn', 'giữ', 'đồng', 'thì']);
/** Words (lower case) that separate items, as punctuation does. */
const SEP_WORDS = new Set(['và', 'riêng', 'còn']);
/** A head noun of a list of members. */
const HEAD_NOUN = /(?:^|[^\p{L}])(?:trụ cột|tiêu chí|thành phần|lĩnh vực)(?![\p{L}])/iu;
/** A head noun and the rest of a sentence piece ended by ";": a list the next piece continues. */
const OPEN_LIST = /(?:^|[^\p{L}])(?:trụ cột|tiêu chí|thành phần|lĩnh vực)(?![\p{L}])[^.!?…]*;\s*$/iu;
/** Words that say one figure is every member's. */
const SHARED = /(?:^|[^\p{L}])(?:đều|mỗi|đồng loạt)(?![\p{L}])/iu;

/** Whether a piece of words opens with a member's words right before a figure (the prefilter of readings.ts: a list's next piece). */
export function mayOpenWithMember(tokens: Token[], catalog: Catalog): boolean {
  const pillars = pillarsOf(catalog);
  if (!pillars.length || !tokens.length) return false;
  let i = 0;
  while (i < tokens.length && SEP_WORDS.has(tokens[i].raw.toLowerCase())) i++;
  return pillars.some((p) => p.words.every((w, j) => tokens[i + j]?.folded === w) && (/^\d/.test(tokens[i + p.words.length]?.raw ?? 'x') || STOPS.has(tokens[i + p.words.length]?.raw.toLowerCase() ?? '')));
}

/** One item: its tokens (extras included) and the member it names. */
interface Item {
  first: number;
  last: number;
  pillar: Pillar;
  /** Nothing but separators after its words up to the next item: a list runs on past it. */
  bare: boolean;
}

/**
 * The members a unit names in lists, as fuzzy names; a name already found on an item's words (a
 * pillar written "trụ cột <W>", pillars.ts) is given its list instead of being named twice.
 */
export function memberNames(run: { catalog: Catalog; idx: Parameters<typeof subjectCandidate>[0]['idx']; text: string }, unit: ProseUnit, named: Named[]): Named[] {
  if (unit.table || !pillarsOf(run.catalog).length) return [];
  const part = unit.parts[0];
  const s = part.text;
  const tokens = tokensOf(part);
  // Where lists open: after each head noun, and at the unit's start when it continues a list.
  const starts: number[] = [];
  tokens.forEach((_, i) => {
    if (HEADS.some((h) => h.every((w, j) => tokens[i + j]?.folded === w))) starts.push(i + 2);
  });
  const sentenceBefore = run.text.slice(Math.max(unit.blockStart, unit.start - 600), unit.start).split(/[.!?…](?:\s|$)/u).pop() ?? '';
  if (OPEN_LIST.test(sentenceBefore)) starts.unshift(0);
  if (!starts.length) return [];
  const items = new Map<number, Item>();
  let families: Set<string> | null = null;
  for (const from of starts) {
    for (const item of itemsFrom(s, tokens, from, () => (families ??= familiesAround(run.catalog, run.text, unit)), run.catalog)) {
      if (![...items.values()].some((o) => o.first <= item.last && item.first <= o.last)) items.set(item.first, item);
    }
  }
  const ordered = [...items.values()].sort((a, b) => a.first - b.first);
  const out: Named[] = [];
  let list: MemberList | null = null;
  ordered.forEach((item, k) => {
    const start = tokens[item.first].start;
    const end = tokens[item.last].end;
    const own = named.find((n) => n.part === 0 && n.cand.start < end && start < n.cand.end);
    // Words already a name of another entry are that name's.
    if (own && own.indicator !== item.pillar.indicator) return;
    // A pillar's name across the list's colon ("trụ cột: pháp lý") is the item's words only.
    if (own && /[,;:()]/.test(s.slice(own.cand.start, own.cand.end))) own.cand = subjectCandidate(run, own.indicator, { first: item.first, last: item.last, start, end });
    const n: Named = own ?? { cand: subjectCandidate(run, item.pillar.indicator, { first: item.first, last: item.last, start, end }), part: 0, indicator: item.pillar.indicator, candidates: [item.pillar.indicator] };
    if (!own) out.push(n);
    // A list: members written one after another (each bare but the last) before their figures.
    const prev = ordered[k - 1];
    if (prev?.bare && list && list.members[list.members.length - 1].cand.end <= start && tokens.slice(prev.last + 1, item.first).every((t) => SEP_WORDS.has(t.raw.toLowerCase()))) {
      list.members.push(n);
      list.end = Math.max(list.end, n.cand.end);
      n.list = list;
    } else {
      list = { members: [n], end: n.cand.end };
      n.list = list;
    }
  });
  // A list of one is no list: its member is judged as any name.
  for (const n of [...out, ...named]) if (n.list && n.list.members.length < 2) n.list = undefined;
  return out;
}

/** The items of a list opening at token `from`, each naming one member of the context's indices. */
function itemsFrom(s: string, tokens: Token[], from: number, context: () => Set<string>, catalog: Catalog): Item[] {
  const out: Item[] = [];
  const lower = (j: number) => tokens[j].raw.toLowerCase();
  const boundary = (j: number) => (j > 0 && /[,;:()]/.test(s.slice(tokens[j - 1].end, tokens[j].start))) || SEP_WORDS.has(lower(j));
  // "dữ liệu và hạ tầng": a "và" inside a member's words is no separator.
  const runsOn = (i: number, j: number) => pillarsOf(catalog).some((p) => [0, 1, 2].some((e) => j - i - e < p.words.length && j - i - e >= 1 && p.words.slice(0, j - i - e + 1).every((w, x) => tokens[i + e + x].folded === w)));
  let i = from;
  while (i < tokens.length && (lower(i) === 'lần' || lower(i) === 'lượt')) i++;
  while (i < tokens.length) {
    while (i < tokens.length && SEP_WORDS.has(lower(i))) i++;
    // The item's words: up to a figure, a stop word or a separator (a stop word inside a member's
    // words is none: "nâng cao năng lực").
    let j = i;
    while (j < tokens.length && !/^\d/.test(tokens[j].raw) && (!STOPS.has(lower(j)) || runsOn(i, j)) && (j === i || !boundary(j) || (SEP_WORDS.has(lower(j)) && !/[,;:()]/.test(s.slice(tokens[j - 1].end, tokens[j].start)) && runsOn(i, j)))) j++;
    const item = j > i ? memberOf(tokens, i, j - 1, context, catalog) : null;
    // The next item starts at the next separator.
    let k = Math.max(j, i + 1);
    while (k < tokens.length && !boundary(k)) k++;
    if (item) out.push({ ...item, bare: k === j });
    i = k;
  }
  return out;
}

/** The member tokens [i, last] name: the one member of the context whose words they end with, after at most two generic words. */
function memberOf(tokens: Token[], i: number, last: number, context: () => Set<string>, catalog: Catalog): Omit<Item, 'bare'> | null {
  const fits = membersWritten(catalog, tokens, i, last);
  if (!fits.length) return null;
  const ctx = context();
  const here = fits.filter((p) => ctx.has(p.indicator.family!));
  return here.length === 1 ? { first: i, last, pillar: here[0] } : null;
}

/**
 * The members (of any index) whose words tokens [i, last] end with, after at most two generic member
 * words ("biện pháp pháp lý", "trụ cột con người"): an item of a list, or the words of a reference
 * the checker reads (pillar-words.ts).
 */
export function membersWritten(catalog: Catalog, tokens: Token[], i: number, last: number): Pillar[] {
  return pillarsOf(catalog).filter((p) => {
    const extra = last - i + 1 - p.words.length;
    if (extra < 0 || extra > 2) return false;
    for (let j = 0; j < extra; j++) if (!GENERIC.has(tokens[i + j].folded)) return false;
    return p.words.every((w, j) => tokens[i + extra + j].folded === w);
  });
}

/** Whether a sentence (or the lead of its piece) opens a list of members with a head noun ("trụ cột", "tiêu chí" …). */
export function saysMembers(sentence: string): boolean {
  return HEAD_NOUN.test(sentence);
}

const key = (b: Bound | null): string => (b ? `${b.part}:${b.fig}` : '');

/**
 * Whether each list's figures are surely its members': the binder gave every member a figure after
 * the list, all distinct (a "lần lượt" pairing), or all one figure the sentence says is shared.
 */
export function settleLists(named: Named[], bound: Array<Bound | null>, reading: UnitReading): void {
  const lists = new Set(named.map((n) => n.list).filter((l): l is MemberList => !!l));
  for (const list of lists) {
    const bs = list.members.map((m) => bound[named.indexOf(m)] ?? null);
    const figs = bs.map((b) => (b && b.part === 0 ? reading.figs[0][b.fig] : null));
    if (figs.some((f) => !f || f.start < list.end)) {
      list.ok = false;
      continue;
    }
    const distinct = new Set(bs.map(key)).size;
    const f = figs[0]!;
    const text = reading.texts[0];
    list.shared = distinct === 1 && (SHARED.test(text.slice(list.end, f.start)) || SHARED.test(text.slice(f.end, f.end + 24).split(/[,;)]/u)[0]));
    list.ok = distinct === list.members.length || list.shared;
    list.first = figs.reduce((a, b) => (b!.start < a!.start ? b : a))!;
  }
}

/** Whether two names are members of one list sharing one figure (neither owns it alone). */
export function shareFigure(a: Named, b: Named): boolean {
  return !!a.list?.shared && a.list === b.list;
}

/**
 * Why a list member's figure is too far (placement.ts farFigure's answer), measured from the end of
 * its list: a list whose figures are not surely its members' is far ('clause'); a shared figure in
 * brackets right after the list ("pháp lý, kỹ thuật, tổ chức, hợp tác (20/20 mỗi trụ cột)") is near.
 */
/** Between a list's names and its first figure: a short aside (no "cùng", "đều", "chung": a figure the names share), then "với (giá trị|điểm số) lần lượt là" right before the figures (no figure, no sentence break). */
const PAIRED_AFTER = /^(?![^,]*(?<![\p{L}])(?:cùng|đều|chung)(?![\p{L}]))[^\d;.:()]{0,48},\s*với\s+(?:giá trị|điểm số|số điểm)\s+lần lượt\s+(?:là|đạt)\s*$/u;

export function memberFar(reading: UnitReading, n: Named, f: Figure): 'clause' | 'words' | null {
  const list = n.list!;
  if (!list.ok) return 'clause';
  if (list.shared && /^\s*\(\s*$/u.test(reading.texts[0].slice(list.end, f.start))) return null;
  // A pairing's figures are one run ("lần lượt đạt 49,27; 47,97; 58,03 và 64,58"): its first is measured.
  const last = list.members[list.members.length - 1];
  // (a pairing told in a clause of its own after the names: "… sụt mạnh hơn nhiều, với giá trị lần lượt là 0,6062 và 0,5585", reading.md §54)
  if (!list.shared && list.first && PAIRED_AFTER.test(reading.texts[0].slice(list.end, list.first.start))) return null;
  return farFigure(reading, { ...n, cand: { ...n.cand, start: last.cand.start, end: list.end } }, list.shared ? f : (list.first ?? f));
}
