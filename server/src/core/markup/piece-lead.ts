/**
 * A piece after ";" keeps the subject of the piece before it. Reports go on about one province
 * after a semicolon without naming it again ("chỉ số chính quyền số của Trà Vinh đạt 0,5 điểm, xếp
 * thứ 10; kinh tế số đạt 0,6647 điểm, xếp thứ 27"): the dialect ends a sentence at ";" (docs/
 * dialect.md §6.1), so the second piece alone says no province, and a subject's "cấp tỉnh" entries
 * (subjects.ts pickBySubject) would be closed to it. The lead of a piece is the text of its
 * sentence before it, back to the last ". ", "! ", "? " or blank line of its paragraph, when the
 * piece follows a ";"; the province it names as an owner, or the word "tỉnh" it says ("… của
 * tỉnh: …"), is the piece's, unless the piece names the nation or a province of its own ("…; cả
 * nước đạt …"). The detector (prose.ts: a unit's `lead`,
 * read from its paragraph's masked text) and the checker (series.ts: the document's text before the
 * reference's sentence) read the same lead with this function. Pure.
 */
import { NATION_WORDS, ownerProvince } from '../provinces';
import { work } from '../work';

/** How far back a lead is read (characters). */
const MAX_LEAD = 600;

/**
 * The lead of the piece starting at `at` in `text` (a paragraph's masked text, or the document's):
 * the text from the start of its sentence to `at` when `at` follows a ";" (white space between),
 * else ''. A sentence starts after ". ", "! ", "? ", a blank line, or at most 600 characters back.
 */
export function pieceLead(text: string, at: number): string {
  let k = at - 1;
  while (k >= 0 && /\s/.test(text[k])) k--;
  if (k < 0 || text[k] !== ';') return listLead(text, at);
  const from = Math.max(0, at - MAX_LEAD);
  const window = text.slice(from, k + 1);
  work.steps += window.length;
  let start = 0;
  for (const m of window.matchAll(/[.!?](?:\s+)|\n[ \t]*\r?\n/g)) start = m.index! + m[0].length;
  return window.slice(start);
}

/** A list item's marker, alone before its text on the line ("- ", "* ", "2. "). */
const ITEM_MARKER = /^[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+$/;
/** A list item's line, or a continuation line of one (indented). */
const ITEM_LINE = /^(?:[ \t]{0,3}(?:[-*+]|\d{1,3}[.)])[ \t]+|[ \t]{2,}\S)/;
/** Lines read back at most from an item to its list's lead line. */
const MAX_ITEM_LINES = 40;

/**
 * The lead of a list item (round 17, audit19): the list's lead line, the line right before the list
 * ending with ":" ("Kết quả từng trụ cột:"), when `at` starts the item's text; and, unless that line
 * says the nation, the report's level-1 title after it ("# Tuyên Quang tăng 10 bậc …": the report's
 * province, leadAboutProvince). '' when `at` starts no item or the list has no such lead line.
 */
export function listLead(text: string, at: number): string {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  if (at - lineStart > 12 || !ITEM_MARKER.test(text.slice(lineStart, at))) return '';
  let lead = '';
  for (let k = lineStart, n = 0; k > 0 && n < MAX_ITEM_LINES; n++) {
    const prevStart = text.lastIndexOf('\n', k - 2) + 1;
    const line = text.slice(prevStart, k - 1).replace(/\r$/, '');
    work.steps += line.length;
    k = prevStart;
    if (!line.trim() || ITEM_LINE.test(line)) continue;
    lead = line.trim();
    break;
  }
  if (!lead.endsWith(':')) return '';
  if (NATION_WORDS.test(lead)) return lead;
  const title = reportTitle(text);
  return title ? `${lead}\n${title}` : lead;
}

/** The report's level-1 ATX title (after the front matter), or ''. */
export function reportTitle(text: string): string {
  const body = text.startsWith('---') ? Math.max(0, text.indexOf('\n---', 3) + 4) : 0;
  const m = /^ {0,3}#[ \t]+(.+)$/m.exec(text.slice(body, body + 4000));
  return m ? m[1].trim() : '';
}

/**
 * The word "tỉnh" with its accents (folded, it is also the "tính" of "ước tính") for one province:
 * not the level "cấp tỉnh" ("trụ cột chính quyền số cấp tỉnh"), nor the provinces "tỉnh, thành".
 */
const PROVINCE_WORD = /(?<![\p{L}\p{N}])(?<!cấp\s{1,3})tỉnh(?![\p{L}\p{N}])(?!\s*,\s*thành)/iu;

/**
 * Whether a piece after ";" is about a province by its lead: the lead names one as an owner
 * ("của Trà Vinh"), or says "tỉnh" ("Kết quả theo trụ cột năm 2020 của tỉnh: chính quyền số
 * 0,4455 điểm; kinh tế số 0,3019 điểm": the report's province; not "cấp tỉnh", "tỉnh, thành", nor
 * beside the nation), the piece naming neither the nation nor a province of its own.
 */
export function leadAboutProvince(lead: string, piece: string): boolean {
  if (!lead || NATION_WORDS.test(piece) || ownerProvince(piece) !== null) return false;
  // (a lead about the whole country, "bình quân cả nước …", gives its pieces no province)
  return ownerProvince(lead) !== null || (PROVINCE_WORD.test(lead.normalize('NFC')) && !NATION_WORDS.test(lead));
}
