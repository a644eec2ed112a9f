/**
 * An index named in a heading, its figures told in the paragraphs below (docs/reading.md §6.7):
 * "# [[Chỉ số sẵn sàng mạng]] qua mười năm" then, under it, "Trong báo cáo năm 2005, Việt Nam được
 * -0,47 điểm và đứng thứ 75/115." The reader of §6.6 (family-carry.ts carriedFigures) runs on from
 * the heading's one reference, bound to no figure, over the paragraphs of its section, each
 * paragraph read alone, sentence by sentence: the same figures are carried (a rank, a level on a
 * scale, a score of the index; their period a phrase of their own sentence, else the lead phrase
 * of an earlier sentence of their paragraph; never the document's) and the same stops apply, with:
 * - a paragraph whose sentence names another subject (a province, another country), whose figure
 *   follows a plan or target word (outside brackets), or that turns to the index's parts: the rest of that paragraph carries nothing (the next
 *   paragraph reads on);
 * - a sentence naming another index ("chỉ số …", an acronym the heading does not hold), a block
 *   holding a reference, a sub-heading naming another thing (two words or more that are not a
 *   heading's generic words) or another index: the carry ends;
 * - in the first paragraph read, a sentence naming an index with no rank, level or score ("Chỉ số sẵn sàng kết nối
 *   (Networked Readiness Index - NRI) do WEF công bố …"): the index presented, skipped;
 * - a paragraph written with Markdown inline marks (`*`, `_`, `` ` ``, links), a table, a quote:
 *   not read (the carry goes on past it).
 * Pure: the text in, the carried figures out (absolute offsets); the checker (carryBelowHeadings,
 * after the chunks are put together) and `markup` (markup/heading-anchor.ts) read the same.
 */
import type { Figure } from '../types';
import { carryOf } from './carry';
import type { SentenceReading } from './clauses';
import { carriedFigures, namesOtherIndex, otherThing, plannedBefore, toldNames, turnsToParts, type Names } from './family-carry';
import { fillYear, yearOfPeriod } from './period-codes';
import { readPartOnce } from './part-reading';
import { toldBases } from './told-bases';
import { sentenceSpans } from './sentences';

/** A figure carried from a heading's reference: its sentence's offset, the figure as read there, its role and period. */
export interface CarriedBelow {
  /** Offset of the figure's sentence in the text. */
  base: number;
  figure: Figure;
  reading: SentenceReading;
  at: number;
  period: string;
}

/** Markdown inline marks, a table, a quote: the paragraph is not read as the checker's masked text would be. */
export const MARKED = /[*_`[\]<>|\\]/;
/** A list item's marker. */
const ITEM = /^(?:[-+*]|\d{1,9}[.)])[ \t]+/;
/** A sub-heading's words that name no other thing: a period, the telling, a part of a report's history. */
const HEADING_WORDS = new Set(
  'kết quả diễn biến qua các những sau khi đổi thay phương pháp mới nhất giai đoạn tổng quan chung lịch sử bảng xếp hạng thứ hạng điểm số việt nam'.split(' '),
);
/** Characters read below a heading at most (a long section costs no more). */
const MAX_CHARS = 20000;

/**
 * The figures carried from the one reference of the heading at `headingStart` (a line of `text`
 * starting with `#`), written at [nameStart, nameEnd) (the reference, or the name's words
 * unmarked: [nameStart, nameEnd) of `text`, brackets and all), over its section. `docPeriod`: the document's period (a yearless phrase takes its year).
 */
export function carriedBelow(text: string, headingStart: number, headingEnd: number, nameStart: number, nameEnd: number, docPeriod: string | null): CarriedBelow[] {
  const depth = /^#{1,6}/.exec(text.slice(headingStart, headingStart + 7))?.[0].length ?? 0;
  if (!depth) return [];
  const written = text.slice(nameStart, nameEnd).replace(/^\[\[|\]\]$/g, '');
  const headingText = text.slice(headingStart + depth, nameStart) + ' '.repeat(nameEnd - nameStart) + text.slice(nameEnd, headingEnd);
  const anchor: Names = toldNames(headingText, [written]);
  const year = docPeriod && /^\d{4}/.test(docPeriod) ? Number(docPeriod.slice(0, 4)) : null;
  const out: CarriedBelow[] = [];
  const told: Told[] = [];
  const end = Math.min(text.length, headingEnd + MAX_CHARS);
  // The first paragraph read presents the index ("Chỉ số … (… Index) do … công bố"): its sentences naming an index with no rank, level or score are skipped, not an end.
  let opening = true;
  for (const block of blocksBelow(text, headingEnd, end)) {
    if (block.heading) {
      // A heading of the same or a higher level ends the section; a sub-heading of another thing ends the carry.
      if (block.heading <= depth || /\[\[/.test(block.text) || subHeadingOfOther(block.text, anchor)) break;
      continue;
    }
    if (/\[\[/.test(block.text)) break;
    if (MARKED.test(block.text) || block.text.trimStart().startsWith('<!--')) continue;
    if (readParagraph(block.text, block.start, anchor, year, told, out, opening) === 'end') break;
    opening = false;
  }
  return out;
}

/**
 * The longest sentence whose figures carry a heading's or an earlier paragraph's index: each figure
 * tests the words before it (parts, plans), so a sentence of thousands of figures is quadratic; the
 * longest sentence of the real reports under test is about 650 characters. A longer one ends the carry.
 */
export const LONGEST_CARRIED = 4000;

/**
 * One paragraph below the heading: its carried figures added to `out`; `end` when it names another
 * index, `stop` when a sentence ends the carry for the rest of the paragraph (another subject, a
 * plan, the index's parts; the heading reads on below it, an earlier paragraph's name does not:
 * paragraph-carry.ts), `on` when the carry holds to its end. `lead`: the period lent before its first sentence (paragraph-carry.ts).
 */
export function readParagraph(text: string, start: number, anchor: Names, year: number | null, told: Told[], out: CarriedBelow[], opening: boolean, lead: string | null = null): 'end' | 'stop' | 'on' {
  for (const [from, to] of sentenceSpans(text)) {
    const t = text.slice(from, to);
    if (t.length > LONGEST_CARRIED) return 'stop'; // (each figure reads the sentence before it: bounded, as markup/long-unit.ts bounds the detector)
    const { figs, phrases, reading } = readPartOnce(t, false);
    if (!reading) return 'stop';
    if (namesOtherIndex(t, reading, anchor)) {
      if (opening && !figs.some((f, i) => f.kind === 'rank' || reading.figures[i]?.role === 'rank' || reading.figures[i]?.role === 'scale' || /^điểm$/iu.test(f.unit ?? ''))) continue;
      return 'end';
    }
    const carried = carriedFigures(t, figs, reading, anchor);
    if (!carried) return 'stop';
    const periodOf = (i: number): string | null => {
      const rd = reading.figures[i];
      const own = rd && rd.period >= 0 ? phrases[rd.period] : undefined;
      const code = own ? (rd.yearOf ? yearOfPeriod(own.code) : own.code) : lead;
      return code === null ? null : !code.startsWith('XXXX') ? code : year !== null ? fillYear(code, year) : null;
    };
    // The earlier place a change of places is told from ("So với vị trí 59 của năm 2016, …", told-bases.ts, §42): first, of its own period or the comparison's.
    const bases = toldBases(t, figs, reading, phrases, otherThing);
    for (const { at, period: code } of bases) {
      const period = code ?? periodOf(at);
      const kind = kindOf(figs[at], reading.figures[at]?.role, reading.figures[at]?.scope);
      if (!period || told.some((a) => a.period === period && a.kind === kind)) continue;
      told.push({ kind, value: figs[at].value, period });
      out.push({ base: start + from, figure: figs[at], reading, at, period });
    }
    for (const { at, periodOf: beside } of carried) {
      if (bases.some((b) => b.at === at)) continue;
      const period = periodOf(beside ?? at);
      const f = figs[at];
      // A plan's or a target's ("Mục tiêu đến năm 2025, Việt Nam xếp thứ 40"): none, nor any after it in the paragraph.
      if (plannedBefore(t, f.start)) return 'stop';
      // Another value of one kind for a period already told: a place in another ranking (family-carry.ts carryOn).
      const kind = kindOf(f, reading.figures[at]?.role, reading.figures[at]?.scope);
      if (!period || told.some((a) => a.period === period && a.kind === kind && a.value !== f.value)) continue;
      told.push({ kind, value: f.value, period });
      out.push({ base: start + from, figure: f, reading, at, period });
    }
    const lent = carryOf(t, figs, phrases, reading, 0);
    if (lent !== undefined) lead = lent?.code ?? null;
    if (turnsToParts(t) || carried.ends) return 'stop';
  }
  return 'on';
}

/** A figure told: its kind (a rank of a scope, or a unit), value and period. */
export interface Told {
  kind: string;
  value: number;
  period: string;
}

/** Two figures of one member have one kind: ranks of one scope, or levels of one unit (family-carry.ts sameKind). */
export function kindOf(f: Figure, role: string | undefined, scope: string | undefined): string {
  const rank = f.kind === 'rank' || role === 'rank';
  return `${rank ? 'rank' : `unit ${f.unit ?? ''}`} ${scope ?? f.scope ?? ''}`;
}

/**
 * A sub-heading naming another index (`anchor`: the names told with the index; none: any acronym is
 * another index's), or another thing (two words or more that are no heading's generic words).
 */
export function subHeadingOfOther(heading: string, anchor: Names = { subjects: new Set(), acronyms: new Set() }): boolean {
  const words = heading.replace(/^#+/, ' ');
  const { reading } = readPartOnce(words, false);
  if (reading && namesOtherIndex(words, reading, anchor)) return true;
  return otherThing(' ' + words, HEADING_WORDS);
}

/** The blocks of `text` from `from` to `to`: headings (their level), paragraphs and list items (after the marker), with their offsets. */
export function* blocksBelow(text: string, from: number, to: number): Generator<{ start: number; text: string; heading: number }> {
  let at = text.indexOf('\n', from);
  let start = -1;
  let end = -1;
  const block = () => ({ start, text: text.slice(start, end), heading: 0 });
  while (at >= 0 && at < to) {
    const lineStart = at + 1;
    const nl = text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? text.length : nl;
    const line = text.slice(lineStart, lineEnd);
    const h = /^(#{1,6})[ \t]/.exec(line);
    const item = ITEM.exec(line);
    if (start >= 0 && (!line.trim() || h || item)) {
      yield block();
      start = -1;
    }
    if (h) yield { start: lineStart, text: line, heading: h[1].length };
    else if (line.trim()) {
      if (start < 0) start = lineStart + (item ? item[0].length : 0);
      end = lineEnd;
    }
    at = nl;
  }
  if (start >= 0) yield block();
}
