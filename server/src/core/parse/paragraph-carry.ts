/**
 * An index named in an earlier paragraph, its figures told in the next (docs/reading.md §6.8):
 * "Liên minh Viễn thông quốc tế công bố [[Chỉ số an toàn, an ninh mạng toàn cầu]] năm 2020." then,
 * in the next paragraph, "Theo đó, Việt Nam đứng thứ 25/194, tăng 25 bậc." The reader of §6.6/§6.7
 * (heading-carry.ts readParagraph, family-carry.ts carriedFigures) runs on from a paragraph's one
 * reference (or name), the anchor's sentence its names (the subject, the acronyms), over the next
 * paragraphs: the same figures carried (a rank, a level on a scale, a score of the index; their
 * period a phrase of their own sentence, else the lead phrase of an earlier sentence of their
 * paragraph, never the document's), the same members, the same stops, and stricter ones:
 * - the anchor's own paragraph must carry to its end (no sentence after the name's naming another
 *   subject or index, a plan, the index's parts), and its sentence must name no other index;
 * - any heading, a block holding a reference, a table or a paragraph written with Markdown inline
 *   marks ends the carry (an HTML comment, a source note, is passed over);
 * - a sentence naming another subject (a province, another country), another index, a plan or the
 *   index's parts ends it for good (it never reads on to the paragraph after), and so does a
 *   paragraph carrying nothing.
 * Pure: the text in, the carried figures out (absolute offsets); the checker (heading-anchors.ts,
 * after the chunks are put together) and `markup` (markup/heading-anchor.ts) read the same.
 */
import { carryOf } from './carry';
import { readPartOnce } from './part-reading';
import { namesIn, OTHER_INDEX, toldNames, type Names } from './family-carry';
import { blocksBelow, MARKED, readParagraph, type CarriedBelow, type Told } from './heading-carry';
import { sentenceSpans } from './sentences';

/** Characters read after the anchor's paragraph at most. */
const MAX_CHARS = 8000;
/** The shapes a carried figure has (a cheap first test of a paragraph). */
const MAY_CARRY = /thứ|hạng|điểm|cấp độ|vị trí/iu;

/** The paragraph around offset `at` of `text`: [start, end), `end` at its last line's end; null for a heading, a table row, a quote, a list item or a comment. */
export function paragraphAround(text: string, at: number): { start: number; end: number } | null {
  let start = text.lastIndexOf('\n', at - 1) + 1;
  while (start > 0) {
    const prev = text.lastIndexOf('\n', start - 2) + 1;
    if (!text.slice(prev, start - 1).trim()) break;
    start = prev;
  }
  let end = text.indexOf('\n', at);
  while (end >= 0) {
    const next = text.indexOf('\n', end + 1);
    const line = text.slice(end + 1, next < 0 ? text.length : next);
    if (!line.trim() || /^\s*(?:#|\||>|<!--|[-+*][ \t]|\d{1,9}[.)][ \t])/.test(line)) break;
    end = next;
  }
  if (end < 0) end = text.length;
  if (/^\s*(?:#|\||>|<!--|[-+*][ \t]|\d{1,9}[.)][ \t])/.test(text.slice(start, end))) return null;
  return { start, end };
}

/** The paragraph after offset `at` (a line start or a line's end), HTML comments passed over: its text; null at the text's end. */
function nextBlock(text: string, at: number): string | null {
  const re = /[^\n]*(?:\n|$)/g;
  re.lastIndex = at;
  let start = -1;
  let end = at;
  for (let m = re.exec(text); m && m[0]; m = re.exec(text)) {
    const line = m[0].trim();
    if (start < 0 ? !line || /^<!--.*-->$/.test(line) : line) {
      if (start >= 0) end = m.index + m[0].length;
      continue;
    }
    if (start >= 0) break;
    start = m.index;
    end = m.index + m[0].length;
  }
  return start < 0 ? null : text.slice(start, end);
}

/** A paragraph a carry may go into: no heading, no reference, no Markdown mark, a rank's, a level's or a score's words. */
function mayCarryInto(block: string | null): boolean {
  return !!block && !/^\s*#/.test(block) && !block.includes('[[') && !MARKED.test(block) && MAY_CARRY.test(block);
}

/** True if `text` may hold a paragraph's reference whose index the next paragraph tells on (a cheap first test: history/saved-reading.ts). */
export function mayCarryOnward(text: string): boolean {
  const gap = /\n[ \t]*\n/g;
  for (let at = text.indexOf(']]'); at >= 0; ) {
    gap.lastIndex = at;
    const m = gap.exec(text);
    if (!m) return false;
    if (mayCarryInto(nextBlock(text, m.index + 1))) return true;
    at = text.indexOf(']]', m.index + m[0].length);
  }
  return false;
}

/**
 * True if a heading above `at` (the nearest of each higher level) names an index that is not the
 * one written (`written`, as part of its words): "# Chỉ số đổi mới sáng tạo toàn cầu" over "Về [[EGDI]]
 * năm 2024, …" — the paragraphs after tell of the heading's index again, not of the name's.
 */
function underOtherIndex(text: string, at: number, written: string, anchor: Names): boolean {
  const name = written.normalize('NFC').toLowerCase();
  let level = 7;
  for (let end = at; end > 0 && level > 1; ) {
    const start = text.lastIndexOf('\n#', end - 1);
    const line = text.slice(start + 1, text.indexOf('\n', start + 1) >>> 0 || text.length);
    end = start;
    const depth = /^#{1,6}(?=[ \t])/.exec(line)?.[0].length;
    if (!depth || depth >= level) {
      if (start < 0) break;
      continue;
    }
    level = depth;
    const words = line.slice(depth).replace(/\[\[|\]\]/g, '');
    if (words.normalize('NFC').toLowerCase().includes(name)) continue;
    // (the heading's "chỉ số …" within the name written: "# … cải thiện chỉ số chuyển đổi số" over the
    // canonical "[[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]]" names the same index, as over the words
    // written, "[[chỉ số chuyển đổi số]] cấp tỉnh": `canonical` reads what `wrap` reads, §29.2)
    const own = /(?<![\p{L}])chỉ số(?:[ \t]+[\p{Ll}\p{M}]+){1,8}/u.exec(words.normalize('NFC').toLowerCase());
    if (own && name.includes(own[0])) continue;
    if (OTHER_INDEX.test(words) || namesIn(words).acronyms.some((a) => !anchor.acronyms.has(a))) return true;
    if (start < 0) break;
  }
  return false;
}

/**
 * The figures carried from the name written at [nameStart, nameEnd) of `text` (`[[…]]` or the
 * words unmarked), the one name of its paragraph [paraStart, paraEnd), over the next paragraphs.
 * `told`: the figures already told of the index (its bound and carried figures: a second value of one kind for their period is another ranking's).
 */
export function carriedOnward(text: string, paraStart: number, paraEnd: number, nameStart: number, nameEnd: number, docPeriod: string | null, told: Told[] = []): CarriedBelow[] {
  if (!mayCarryInto(nextBlock(text, paraEnd))) return [];
  const para = text.slice(paraStart, paraEnd);
  const spans = sentenceSpans(para);
  const k = spans.findIndex(([a, b]) => paraStart + a <= nameStart && nameEnd <= paraStart + b);
  if (k < 0) return [];
  const from = paraStart + spans[k][0];
  const to = paraStart + spans[k][1];
  const written = text.slice(nameStart, nameEnd).replace(/^\[\[|\]\]$/g, '');
  const sentence = text.slice(from, nameStart) + ' '.repeat(nameEnd - nameStart) + text.slice(nameEnd, to);
  // The anchor's sentence names no other index ("[[GII]] và Chỉ số sẵn sàng mạng").
  const read = readPartOnce(sentence, false);
  if (OTHER_INDEX.test(sentence) || !read.reading) return [];
  // The period the name's sentence lends, when it ends its paragraph ("… công bố [[GCI]] năm 2020." then "Theo đó, Việt Nam đứng thứ 25/194"): the next paragraph's lead until a phrase of its own.
  let lead = k + 1 === spans.length ? (carryOf(sentence, read.figs, read.phrases, read.reading, 0)?.code ?? null) : null;
  const anchor: Names = toldNames(sentence, [written]);
  if (underOtherIndex(text, paraStart, written, anchor)) return [];
  const year = docPeriod && /^\d{4}/.test(docPeriod) ? Number(docPeriod.slice(0, 4)) : null;
  const seen = [...told];
  // The rest of the anchor's paragraph: the in-paragraph carry (§6.6) reads it; it must hold to its end.
  if (k + 1 < spans.length && readParagraph(para.slice(spans[k + 1][0]), paraStart + spans[k + 1][0], anchor, year, seen, [], false) !== 'on') return [];
  const out: CarriedBelow[] = [];
  for (const block of blocksBelow(text, paraEnd, Math.min(text.length, paraEnd + MAX_CHARS))) {
    if (block.text.trimStart().startsWith('<!--')) continue;
    if (block.heading || /\[\[/.test(block.text) || MARKED.test(block.text)) break;
    const before = out.length;
    // (a paragraph carrying nothing ends the run: the one after it tells of something else)
    if (readParagraph(block.text, block.start, anchor, year, seen, out, false, lead) !== 'on' || out.length === before) break;
    lead = null;
  }
  return out;
}
