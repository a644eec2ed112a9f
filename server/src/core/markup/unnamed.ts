/**
 * Figures whose sentence names no indicator, while the reader knows whose they are: "Trên toàn
 * cầu, Việt Nam đứng thứ 59/193" in a paragraph or under a heading that names the index;
 * "Tổng điểm của Việt Nam đạt 99,74" after a sentence that names it. A careful reviewer marks
 * them with the indicator named nearest before: in the earlier sentences of the paragraph
 * (nearest first), then in the headings above (nearest first); the first of these that names any
 * entry decides. Only a rank or a score of Việt Nam is taken (the country written before the
 * figure, no other rank or level between, but a rank for another year right after its rank): the
 * named entry's own ranks and scores, its subject's or its family's (no pillar), the figure picking
 * one (a rank by the scope written, a score, the value inside the entry's range), and all the
 * entries named agreeing on it. There are no words to wrap: `wrap` lists the case
 * (`name-elsewhere`), `canonical` inserts `[[Canonical name ]]` right before the figure (the space
 * inside the mark: outside it every byte is kept). Pure.
 */
import type { Catalog } from '../catalog/catalog';
import { foldKey } from '../catalog/catalog';
import type { Indicator, SubjectEntry } from '../catalog/types';
import { subjectKeysOf } from '../catalog/subjects';
import { registerCache } from '../caches';
import { work } from '../work';
import type { Figure } from '../types';
import type { RankScopeWritten } from '../types';
import type { UnitReading } from './bind';
import { blankComments, headingChain, paragraphLinesBefore, sectionStart } from './context';
import { carriedPeriod, fits } from './judge';
import { blockEntry, figureBlock, mayTellBlock } from './blocks';
import { scopeFits } from './placement';
import { subHeadingOfOther } from '../parse/heading-carry';
import { passedCountries } from '../parse/passed-countries';
import { carriedIntoNextParagraph } from './heading-anchor';
import type { Mention } from './types';
import { framedAspect } from './topic-frame';
import { mayHoldUnitFigure, unitEntry, unitFigure, type UnitSubject } from './unit-told';

/** An entry of the catalog with the names that name it in a context (three words or more, or an abbreviation). */
interface NamedEntry {
  indicator: Indicator;
  /** Folded names and aliases, padded with spaces. */
  names: string[];
  abbreviations: RegExp[];
}

/** Per catalog: its entries' names, and per entry the ranks and scores it may stand for. */
interface Entries {
  named: NamedEntry[];
  pools: Map<Indicator, SubjectEntry[][]>;
}

let entryCache = new WeakMap<Catalog, Entries>();
registerCache(() => {
  entryCache = new WeakMap();
});

const padded = (s: string): string => ` ${foldKey(s).replace(/[^a-z0-9]+/g, ' ').trim()} `;
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The index's own ranks and scores (a pillar or a sub-index group is a part, never what an unnamed figure is; §75.2). */
const ownValue = (m: Indicator): boolean => (m.unitClass === 'rank' || m.unitClass === 'index') && !/trụ cột|nhóm chỉ số/iu.test(m.name);
const asEntry = (m: Indicator): SubjectEntry => ({ indicator: m, measure: m.unitClass === 'rank' ? 'rank' : 'score', province: /cấp tỉnh/iu.test(m.name) });

/**
 * The catalog's entries and, per entry, the ranks and scores a figure stated after its name may be
 * (tried in order): those of its subject (catalog/subjects.ts: "tốc độ Internet di động" → "Xếp hạng
 * tốc độ băng rộng di động"), then those of its family (`family`: the index's rank, score and
 * regional ranks).
 */
function entriesOf(catalog: Catalog): Entries {
  let out = entryCache.get(catalog);
  if (out) return out;
  const all = catalog.all();
  const byFamily = new Map<string, Indicator[]>();
  for (const ind of all) {
    const k = ind.family ?? ind.id;
    const list = byFamily.get(k);
    if (list) list.push(ind);
    else byFamily.set(k, [ind]);
  }
  const subjects = catalog.subjects().entries;
  out = { named: [], pools: new Map() };
  for (const ind of all) {
    const names = [...new Set([ind.name, ...ind.aliases].map(padded))].filter((n) => n.trim().split(' ').length >= 3);
    const abbreviations = ind.abbreviations.map((a) => new RegExp(`(?<![\\p{L}\\p{N}])${escape(a)}(?![\\p{L}\\p{N}])`, 'u'));
    out.named.push({ indicator: ind, names, abbreviations });
    const bySubject = new Set<Indicator>();
    for (const key of subjectKeysOf(ind)) for (const e of subjects.get(key) ?? []) if (ownValue(e.indicator)) bySubject.add(e.indicator);
    if (ownValue(ind)) bySubject.add(ind);
    const family = (byFamily.get(ind.family ?? ind.id) ?? []).filter(ownValue);
    out.pools.set(ind, [[...bySubject].map(asEntry), family.map(asEntry)]);
  }
  entryCache.set(catalog, out);
  return out;
}

/** The entries a piece of text names (a name of three words or more, or an abbreviation). */
export function entriesNamedInText(catalog: Catalog, text: string): Indicator[] {
  return entriesNamedIn(entriesOf(catalog).named, text);
}

function entriesNamedIn(named: NamedEntry[], text: string): Indicator[] {
  work.steps += text.length;
  const f = padded(text);
  return named.filter((e) => e.names.some((n) => f.includes(n)) || e.abbreviations.some((re) => re.test(text))).map((e) => e.indicator);
}

/**
 * The entries named nearest before `at` (an offset of `text`, the start of a sentence): in the
 * earlier sentences of its paragraph, nearest first, then in the headings above it, nearest first;
 * the first that names any entry decides. When none does and the sentence opens its paragraph, the
 * paragraph right before it in its section (`docPeriod`: the report's; that paragraph must set no
 * other, its look-back sentences aside; `farOk`: the caller's last word on that paragraph). Null when
 * nothing does. HTML comments and front matter are not read.
 */
export function namedBefore(
  catalog: Catalog,
  text: string,
  at: number,
  docPeriod: string | null = null,
  farOk: (paragraph: { start: number; end: number }) => boolean = () => true,
): Indicator[] | null {
  const { named } = entriesOf(catalog);
  const paragraph = paragraphLinesBefore(text, at);
  const sentences = paragraph.split(/(?<=[.!?;])\s+/u).reverse();
  for (const s of sentences) {
    const found = entriesNamedIn(named, s);
    if (found.length) return found;
  }
  for (const h of headingChain(text, at)) {
    const found = entriesNamedIn(named, h.text);
    if (found.length) return found;
    // A heading of another topic between: no index above is told of below it (parse/heading-carry.ts, §6.7).
    if (subHeadingOfOther(h.text)) break;
  }
  // No heading names one: a paragraph opening with the figure tells on of the paragraph right
  // before it (class told-far, told33, reading.md §70), when that paragraph sets no other period.
  const prev = !paragraph.trim() && docPeriod ? paragraphBeforeOpening(text, at) : null;
  const told = prev ? entriesNamedIn(named, prev.text) : [];
  return told.length && !carriedPeriod(withoutLookBacks(prev!.text), docPeriod!) && farOk(prev!) ? told : null;
}

/**
 * Whether a name marked in the paragraph [start, end) is carried by the checker into the paragraphs
 * after it (§6.8, heading-anchor.ts): its figures there are read through it, and told-far
 * (namedBefore) adds no name of its own. `mentions`: the marks made so far.
 */
export function carriedFrom(mentions: Mention[], text: string, catalog: Catalog, docPeriod: string | null, p: { start: number; end: number }): boolean {
  return mentions.some((m) => m.start >= p.start && m.end <= p.end && carriedIntoNextParagraph(text, m.start, m.end, catalog, m.indicator, docPeriod));
}

/** A list item's marker, a table row or a heading opening a line: no running prose. */
const NOT_PROSE_LINE = /^\s*(?:(?:[-+*]|\d{1,9}[.)])[ \t]|\||#)/u;
/** An HTML comment alone on its line (a source note between paragraphs). */
const COMMENT_LINE = /^\s*<!--.*-->\s*$/u;

/**
 * Class told-far (told33, docs/reading.md §70): the text of the paragraph right before the one that
 * `at` opens, within `at`'s section (blank lines and comment lines between); null when `at` does
 * not open its line, opens a bold lead ("**Chính phủ điện tử:** …", an item of its own), or the
 * block before is a list item, a table row or a heading (a digest's items, each its own topic).
 */
function paragraphBeforeOpening(text: string, at: number): { text: string; start: number; end: number } | null {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (text.slice(lineStart, at).trim() !== '' || text.startsWith('**', at)) return null;
  const floor = sectionStart(text, at);
  const lines: string[] = [];
  let start = lineStart;
  let end = lineStart;
  for (let pos = lineStart; pos > floor; ) {
    const prevStart = text.lastIndexOf('\n', pos - 2) + 1;
    if (prevStart < floor) break;
    const line = text.slice(prevStart, pos - 1);
    pos = prevStart;
    if (!lines.length && (!line.trim() || COMMENT_LINE.test(line))) continue;
    if (!line.trim()) break;
    if (!lines.length) end = prevStart + line.length;
    lines.unshift(line);
    start = prevStart;
  }
  if (!lines.length || lines.some((l) => NOT_PROSE_LINE.test(l))) return null;
  return { text: blankComments(lines.join(' ')).replace(/\s+/g, ' '), start, end };
}

/**
 * "Trước đó, ở cả hai kỳ 2020 và 2022, Việt Nam giữ nguyên thứ hạng 86/193.", "Ở kỳ 2022, Việt Nam
 * đứng thứ 86.": a sentence looking back at an earlier edition, after the paragraph's first; its
 * period sets none for the next paragraph, which tells on of the edition the paragraph is about.
 */
const LOOK_BACK = /^\s*(?:trước đó|trước đây|(?:ở|tại|trong)\s+kỳ\s+(?:\d{4}|trước)|kỳ trước|năm trước|lần trước)(?!\p{L})/iu;
/** The paragraph without its look-back sentences after the first (the lead is never one). */
const withoutLookBacks = (paragraph: string): string =>
  paragraph
    .split(/(?<=[.!?])\s+/u)
    .filter((s, i) => i === 0 || !LOOK_BACK.test(s))
    .join(' ');

/**
 * Words a unit must hold to have such a figure (a cheap first test): the country, by its name or as
 * "nước ta" ("our country": Việt Nam in a Vietnamese report; told33, reading.md §70).
 */
const MAY_HOLD = /Việt Nam|(?<!\p{L})[Nn]ước ta(?!\p{L})/u;
/** The country, the last time it is written before a figure. */
const COUNTRY = /Việt Nam|(?<!\p{L})[Nn]ước ta(?!\p{L})/gu;
const RANK_OR_SCORE = /thứ|vị trí|hạng|điểm/iu;
/** "Tổng điểm của Việt Nam đạt 99,74": the score is written before the country. */
const SCORE_OF = /điểm(?: số| trung bình)?\s+(?:của\s+)?(?:Việt Nam|nước ta)(?!\p{L})/iu;

/** Words after a figure that say what it ranks ("về …", "trong bảng xếp hạng …"). */
const WHAT_IS_RANKED = /(?<!\p{L})(?:về|trong bảng xếp hạng)\s+\p{L}/iu;

/**
 * One pillar or criterion written before the figure ("Ở trụ cột Chính phủ, …"): the figure is the
 * part's (pillar-words.ts). Not the parts counted ("dùng 42 chỉ số trên ba trụ cột và xếp Việt Nam
 * thứ 6/10", "ở cả 5 trụ cột"): the index's own figure may follow them.
 */
const PART_BEFORE = /(?<!(?:\d|(?<!\p{L})(?:các|cả|những|mỗi|nhiều|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười))\s+)(?<!\p{L})(?:trụ cột|tiêu chí)(?!\p{L})/iu;

/**
 * Another index written before the figure, one the catalog does not name ("Ở chỉ số giá trị
 * thương hiệu toàn cầu, lần đầu được đưa vào, Việt Nam ở vị trí 19"; the sentence names no entry):
 * the figure is that index's, not the one named before (held36, reading.md §63). Not a deictic or
 * the whole ("chỉ số này", "chỉ số chung", "chỉ số tổng hợp"), nor indices counted ("gồm 80 chỉ số").
 */
const OTHER_INDEX_BEFORE = /(?<!(?:\d|(?<!\p{L})(?:các|cả|những|mỗi|nhiều|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|bộ))\s+)(?<!\p{L})chỉ số\s+(?!(?:này|đó|ấy|trên|chung|tổng|của|năm|kỳ|thành phần\s+(?:này|đó|ấy))(?!\p{L})|\d)\p{L}/iu;

/** Between a score and the rank after it: "và" or a comma, a verb at most ("và đứng", ", xếp"). */
const SCORE_THEN_RANK = /^\s*(?:,|và)\s*(?:\p{Ll}+\s*){0,2}$/u;

/** A year of its own between two ranks of the country ("trong khi năm 2022 xếp thứ …"). */
const OWN_YEAR = /(?:năm|kỳ)\s+\d{4}/u;

/** Where the country is written last in `before` (-1: nowhere). */
function lastCountry(before: string): number {
  let at = -1;
  for (const m of before.matchAll(COUNTRY)) at = m.index!;
  return at;
}

/** Whether a unit's text may hold a rank or score of Việt Nam (before anything is read). */
export function mayHoldUnnamed(text: string): boolean {
  return (MAY_HOLD.test(text) && RANK_OR_SCORE.test(text)) || mayTellBlock(text) || mayHoldUnitFigure(text); // (a block's rate: blocks.ts; a province's or ministry's: unit-told.ts)
}

/** The province's or ministry's figures unnamedFigures found, with their subjects (entryOfUnnamed reads them). */
const unitSubjects = new WeakMap<Figure, UnitSubject>();

/**
 * The figures of a sentence (read with no name blanked) that are a rank or a score of Việt Nam:
 * the country written before the figure, no rank or level figure between them.
 */
export function unnamedFigures(text: string, reading: UnitReading): number[] {
  const figs = reading.figs[0];
  const roles = reading.prose?.reading.figures ?? [];
  const out: number[] = [];
  let passed: Array<[number, number]> | undefined;
  figs.forEach((f: Figure, i) => {
    const role = roles[i]?.role;
    if (role === 'level' && f.kind === 'percent' && !f.change && figureBlock(text, f)) return void out.push(i); // a block's rate (blocks.ts)
    const before = text.slice(0, f.start);
    const vn = lastCountry(before);
    const rank = f.kind === 'rank' || role === 'rank';
    // A province's or a ministry's, written after the country if at all ("BHXH Việt Nam xếp thứ 3": unit-told.ts).
    const found = unitFigure(text, figs, roles, i, rank, role === 'level' && !f.change && (f.unit === 'điểm' || (f.unit === null && f.kind === 'number' && f.value < 1 && /(?<![\d,.])0,\d{3,4}(?![\d,])/.test(f.raw))));
    const unit = found && found.end > vn ? found : null;
    if (vn < 0 && !unit) return;
    // (a score over its scale's top, "Tổng điểm của Việt Nam là 94,59/100", is one too: judge.ts scoreOnItsScale)
    const score = (role === 'level' && (f.unit === 'điểm' || (f.unit === null && f.kind === 'number' && SCORE_OF.test(before)))) || (f.kind === 'fraction' && f.unit === null && !f.change && SCORE_OF.test(before));
    if (!rank && !score && !unit) return;
    // A passed country's own figure ("sau Indonesia (hạng 24)"), or a rank of no written scope beside one: none (§25.1).
    passed ??= passedCountries(text);
    if (passed.some(([s, e]) => f.start >= s && f.start < e) || (rank && passed.length && !roles[i]?.scope && !sentenceScope(text))) return;
    // "Ở trụ cột Chính phủ, Việt Nam được chấm 69,04 điểm": a pillar's or criterion's figure, no value of the index itself.
    if (PART_BEFORE.test(before)) return;
    // "Ở chỉ số giá trị thương hiệu toàn cầu, Việt Nam ở vị trí 19": another index's figure.
    if (OTHER_INDEX_BEFORE.test(before)) return;
    // "… đứng thứ 3 về số người dùng": the clause says what is ranked, and no name of the catalog does.
    if (WHAT_IS_RANKED.test(text.slice(f.end).split(/[,;.:]/u)[0])) return;
    if (unit) return void (unitSubjects.set(f, unit), out.push(i)); // (its own checks of what stands between: unit-told.ts)
    // No rank or level of another between the country and the figure; a rank of Việt Nam for
    // another year may follow its rank ("đứng thứ 59/193, trong khi năm 2022 xếp thứ 55/181"): no
    // other subject (a capitalised word) between them, and a period phrase of its own.
    for (let j = 0; j < i; j++) {
      if (figs[j].start <= vn || !['rank', 'level', 'scale', 'part'].includes(roles[j]?.role ?? '')) continue;
      const gap = text.slice(figs[j].end, f.start);
      const again = rank && (figs[j].kind === 'rank' || roles[j]?.role === 'rank') && OWN_YEAR.test(gap) && !/(?<![\p{L}])\p{Lu}/u.test(gap.replace(/Việt Nam/gu, ''));
      // "được -0,47 điểm và đứng thứ 75/115": the country's score, then its rank, each marked (class
      // score-and-rank, round 16: the rank's mark reads the place it moved from, rank-bases.ts).
      if (rank && figs[j].unit === 'điểm' && roles[j]?.role === 'level' && SCORE_THEN_RANK.test(gap)) continue;
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
 * The entry an unnamed figure is, given the entries named before it: per named entry, the first of
 * its pools (its subject's ranks and scores, then its family's) with exactly one entry the figure
 * fits — a rank the rank entry of the scope written (by the reader near the figure, else in the
 * sentence, else the world), a score a score entry; national entries only (the figure is Việt
 * Nam's), the value inside the entry's range. The one entry all the named entries agree on, else null.
 */
export function entryOfUnnamed(catalog: Catalog, named: Indicator[], f: Figure, role: string | undefined, written: RankScopeWritten | undefined, text: string, docPeriod: string | null = null): Indicator | null {
  const block = blockEntry(catalog, named, f, text); // a block's rate: its member (blocks.ts)
  if (block !== undefined) return block;
  // "Về hiệu quả đổi mới sáng tạo, Việt Nam xếp thứ 27": an aspect's figure, none of the index named before (topic-frame.ts).
  if (framedAspect(text, f.start, named)) return null;
  const rank = f.kind === 'rank' || role === 'rank';
  const unit = unitSubjects.get(f);
  if (unit) return unitEntry(catalog, named, unit, rank, text, docPeriod); // a province's or a ministry's (unit-told.ts)
  let scope: RankScopeWritten | null | undefined = written;
  if (rank && !scope) {
    scope = sentenceScope(text);
    if (scope === null) return null;
  }
  const fitting = (pool: SubjectEntry[]): Indicator[] => {
    const kept = pool.filter(
      (e) => !e.province && (e.measure === 'rank') === rank && (!rank || (scopeFits(scope ?? 'world', e.indicator.scope) && (scope !== undefined || !e.indicator.scope || e.indicator.scope === 'world'))) && fits(e.indicator, f) && inRange(e.indicator, f),
    );
    return [...new Set(kept.map((e) => e.indicator))];
  };
  const picks = new Set<Indicator | null>();
  const { pools } = entriesOf(catalog);
  for (const ind of named) {
    let pick: Indicator | null = null;
    for (const pool of pools.get(ind) ?? []) {
      const fit = fitting(pool);
      if (fit.length === 1) {
        pick = fit[0];
        break;
      }
      if (fit.length > 1) break;
    }
    picks.add(pick);
  }
  return picks.size === 1 ? [...picks][0] : null;
}

/** Whether the figure's value is inside the entry's range (a rank 25 is no tier of five). */
function inRange(ind: Indicator, f: Figure): boolean {
  return !ind.range || (f.value >= ind.range[0] && f.value <= ind.range[1]);
}
