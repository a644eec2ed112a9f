/**
 * A piece after ";" keeps the subject of the piece before it. Reports go on about one province
 * after a semicolon without naming it again ("chỉ số chính quyền số của Trà Vinh đạt 0,5 điểm, xếp
 * thứ 10; kinh tế số đạt 0,6647 điểm, xếp thứ 27"): the dialect ends a sentence at ";" (docs/
 * dialect.md §6.1), so the second piece alone says no province, and a subject's "cấp tỉnh" entries
 * (subjects.ts pickBySubject) would be closed to it. The lead of a piece is the text of its
 * sentence before it, back to the last ". ", "! ", "? " or blank line of its paragraph, when the
 * piece follows a ";"; the province it names as an owner is the piece's, unless the piece names
 * the nation or a province of its own ("…; cả nước đạt …"). The detector (prose.ts: a unit's `lead`,
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
  if (k < 0 || text[k] !== ';') return '';
  const from = Math.max(0, at - MAX_LEAD);
  const window = text.slice(from, k + 1);
  work.steps += window.length;
  let start = 0;
  for (const m of window.matchAll(/[.!?](?:\s+)|\n[ \t]*\r?\n/g)) start = m.index! + m[0].length;
  return window.slice(start);
}

/**
 * The province a piece's lead gives it ({@link pieceLead}): the owner province the lead names,
 * when the piece itself names none and not the nation; else null.
 */
export function leadProvince(lead: string, piece: string): string | null {
  if (!lead || NATION_WORDS.test(piece) || ownerProvince(piece) !== null) return null;
  return ownerProvince(lead);
}
