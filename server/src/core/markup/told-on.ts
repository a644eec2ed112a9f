/**
 * A measure told on in a later paragraph of its section (docs/reading.md §17): "Doanh thu thương mại
 * điện tử bán lẻ năm 2018 đạt khoảng 8 tỷ USD." then, a paragraph later under the same heading, "Năm
 * 2021, con số này là 13,7 tỷ USD." The checker carries a measure within its paragraph only
 * (parse/family-carry.ts: each paragraph is parsed alone); across paragraphs the name must be
 * written. The detector finds such a value and names it: `canonical` inserts `[[Canonical name ]]`
 * right before the figure (the checker then carries on within that paragraph), `wrap` lists the
 * case (`name-elsewhere`), as for a rank of Việt Nam with no name (unnamed.ts).
 *
 * A sentence with no name that opens its paragraph with a period phrase ("Năm 2021, …", "Quý
 * I/2024 …", "Đến tháng 10/2023, …") or that says "con số này", "tỷ lệ này", "tỷ trọng này", "mức này", "chỉ số này", "giá trị này",
 * "quy mô này": its first figure that is a level with a unit (no rank, score or level on a scale:
 * those are §15's), a period phrase of its own sentence, and no other thing named beside it
 * (parse/family-carry.ts measureTold) is the value of the entry the section told of, found by
 * reading back sentence by sentence, nearest first, up to the heading above:
 * - a sentence of its own paragraph with a figure of that shape or naming an entry: nothing (the
 *   paragraph tells its own measure; the checker's carry is the paragraph's);
 * - in an earlier paragraph, the nearest sentence naming an entry (a name of three words or more,
 *   or an abbreviation; marked or not) decides: exactly one entry, a figure of the same kind, unit
 *   and growth in that sentence, and the value fits the entry; else nothing;
 * - a sentence before it with a figure of that shape and no name: nothing (another measure's);
 * - the current sentence naming a subject (a province, a country) or an acronym the deciding
 *   sentence does not: nothing;
 * - a percent followed by the noun it is a share of ("100% bộ, ngành, địa phương đã kết nối"), a
 *   noun the entry's names do not say: nothing (round 17, shareOfAGroup).
 * Pure.
 */
import { foldKey, type Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { clauseBefore, measureOf, measureTold, namesIn, sameMeasure, type Measure } from '../parse/family-carry';
import { readPartOnce } from '../parse/part-reading';
import { toldBare } from '../parse/anaphor';
import type { SentenceReading } from '../parse/clauses';
import type { Figure } from '../types';
import type { UnitReading } from './bind';
import { proseSentences, sectionStart } from './context';
import { fits } from './judge';
import { entriesNamedInText } from './unnamed';
import { namesSay } from './entry-words';

/** A back-reference to the measure told before. */
const BACK_REF = /(?<![\p{L}])(?:con số|tỷ lệ|tỷ trọng|mức|chỉ số|giá trị|quy mô)\s+(?:này|đó|trên)(?![\p{L}])/iu;
/** At most two words before an opening period phrase ("Đến", "Riêng trong"), no figure. */
const OPENING = /^[\s,]*(?:[\p{L}\p{M}]+\s+){0,2}$/u;
/** Sentences, and characters, read back at most (a long section costs no more per sentence). */
const MAX_BACK = 24;
const MAX_CHARS = 6000;

/**
 * A cheap first test of a sentence starting at `at` of `text`: a figure, and a back-reference, or a
 * period phrase opening its paragraph (the paragraph's first sentence: a sentence inside a paragraph
 * is the checker's carry, or tells of another thing).
 */
export function mayTellOn(sentence: string, text: string, at: number): boolean {
  if (!/\d/.test(sentence)) return false;
  return BACK_REF.test(sentence) || (/^\s*(?:[\p{L}\p{M}]+\s+){0,2}(?:năm|quý|tháng|nửa|\d+\s+tháng)(?![\p{L}])/iu.test(sentence) && opensParagraph(text, at));
}

/** True if `at` starts a line after a blank line or a heading line (or the text). */
function opensParagraph(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (text.slice(lineStart, at).trim() !== '') return false;
  if (lineStart === 0) return true;
  const prev = text.slice(text.lastIndexOf('\n', lineStart - 2) + 1, lineStart - 1).trim();
  return prev === '' || prev.startsWith('#');
}

/** The figure of a sentence (text at `start` of `text`) that is the value of the measure its section told of, and the entry; null if none. */
export function toldOnFigure(catalog: Catalog, text: string, start: number, sentence: string, reading: UnitReading): { at: number; indicator: Indicator } | null {
  const prose = reading.prose?.reading;
  const figs = reading.figs[0];
  const phrases = reading.periods[0];
  if (!prose || !mayTellOn(sentence, text, start)) return null;
  const opens = phrases.length > 0 && OPENING.test(sentence.slice(0, phrases[0].start));
  if (!opens && !BACK_REF.test(sentence)) return null;
  let at = figs.findIndex((f, i) => prose.figures[i]?.role === 'level' && prose.figures[i].period >= 0 && measureOf({ ...f, role: 'level' }, '') !== null);
  // Class bare-back-reference (round 17): "Tháng 9/2024, con số này là 250": a number with no unit
  // right after the back-reference and a linking word counts what the deciding figure counts.
  const bare = at < 0 ? bareAfterBackRef(sentence, figs, prose) : -1;
  if (bare >= 0) at = bare;
  if (at < 0) return null;
  const f = figs[at];
  const shape = measureOf({ ...f, role: 'level' }, '');
  const unitWord = shape ? new RegExp(`\\d[^]{0,24}${escape(shape.unit.split(' ')[0])}`, 'iu') : /\d/u;
  const floor = Math.max(sectionStart(text, start), start - MAX_CHARS);
  const paragraph = paragraphStart(text, floor, start);
  const before = proseSentences(text, floor, start).reverse().slice(0, MAX_BACK);
  for (const s of before) {
    const t = text.slice(s.start, s.end);
    const named = entriesNamedInText(catalog, t);
    // (read only a sentence that may hold the value's unit: the figure readers are the costly part)
    const r = unitWord.test(t) ? readPartOnce(t.replace(/\[\[[^\[\]\r\n]*\]\]/g, (m) => ' '.repeat(m.length)), false) : null;
    // (a bare number: the first count with a unit of its own, "204 sự cố", gives the shape)
    const same = r?.reading ? r.figs.findIndex((g, j) => (shape ? sameMeasure(shape, g, r.reading!.figures[j]?.role ?? '') : countShape(g, r.reading!.figures[j]?.role))) : -1;
    if (s.start >= paragraph) {
      if (named.length || same >= 0) return null;
      continue;
    }
    if (!named.length) {
      if (same >= 0) return null;
      continue;
    }
    // (a name another entry shares is no name to insert: its series would be left to decide)
    if (!r || named.length !== 1 || same < 0 || !fits(named[0], f) || !('indicator' in catalog.resolve(named[0].name))) return null;
    const ind = named[0];
    if (shareOfAGroup(sentence, f, ind)) return null;
    // The words of the name, and of the deciding value's clause before it ("Cục … xử lý 11.213 cuộc").
    const measure = measureOf({ ...(bare >= 0 ? r.figs[same] : f), role: 'level' }, [ind.name, ...ind.aliases, clauseBefore(t, r.figs[same].start)].join(' ')) as Measure;
    if (measureTold(sentence, figs, prose, at, measure) !== 'value' || !namedAlike(sentence, t)) return null;
    return { at, indicator: ind };
  }
  return null;
}

/** Words that may follow a percent that is the told measure's value (a link, a period, a change, a comparison), no noun. */
const AFTER_VALUE = new Set(
  'so voi va hoac con nhung song trong tren cua tai o vao nam thang quy ky dot tang giam dat len xuong cao thap hon sau truoc khi theo tuong duong la thi nay do tro nen gap lan'.split(' '),
);

/**
 * Class share-of-a-group (round 17): a percent followed by the noun it is a share of ("Đến cuối năm,
 * 100% bộ, ngành, địa phương đã kết nối …", "95% hộ gia đình") tells of that group, not of the
 * measure told before, unless the entry's own names say the noun.
 */
function shareOfAGroup(sentence: string, f: { kind: string; end: number }, ind: Indicator): boolean {
  if (f.kind !== 'percent') return false;
  const next = /^[ \t]+([\p{L}\p{M}]+)/u.exec(sentence.slice(f.end, f.end + 40));
  if (!next) return false;
  const w = foldKey(next[1]);
  if (AFTER_VALUE.has(w)) return false;
  return !namesSay(ind, w);
}

/** The index of a level that is a bare number right after "con số này" and a linking word, its own period phrase given (anaphor.ts toldBare); else -1. */
function bareAfterBackRef(sentence: string, figs: Figure[], prose: SentenceReading): number {
  return figs.findIndex((f, i) => prose.figures[i]?.period >= 0 && toldBare(COUNT, f, prose.figures[i].role, sentence));
}
const COUNT = { kind: 'number' };

/** A level count with a unit of its own ("204 sự cố"), the shape a bare number takes. */
const countShape = (g: Figure, role: string | undefined): boolean => role === 'level' && g.kind === 'number' && !!g.unit && !g.change && measureOf({ ...g, role: 'level' }, '') !== null;

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Where the paragraph holding `at` starts (after the last blank line between `floor` and it). */
function paragraphStart(text: string, floor: number, at: number): number {
  let from = floor;
  for (const m of text.slice(floor, at).matchAll(/\n[ \t]*\r?\n/g)) from = floor + m.index + m[0].length;
  return from;
}

/** True if the sentence names no subject or acronym the deciding sentence does not. */
function namedAlike(sentence: string, anchor: string): boolean {
  const own = namesIn(sentence);
  const told = namesIn(anchor);
  return own.subjects.every((n) => told.subjects.includes(n)) && own.acronyms.every((a) => told.acronyms.includes(a));
}
