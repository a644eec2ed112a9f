/**
 * A counted noun marked alone (round 19, issue 13): `Băng rộng cố định có 22,14 triệu [[thuê bao]]`,
 * `lập 76.905 tổ với 356.914 [[thành viên]]`, `Ở băng rộng di động, [[số thuê bao]] là 85,7 triệu`.
 * The words are the unit of some count entries of the catalog (counted.ts countedIndex: "thuê bao"
 * of the fixed and the mobile broadband subscriptions, of 5G…), the figure is the count written
 * right before them (or, after "số <noun>", right after: "là", "đạt" between), and the entry is the
 * one the rest of the sentence settles — the same test the markup detector reads a counted noun by
 * (counted.ts countedEntry): the most three-word runs of one entry's names, alone, and all of one
 * name's content words in the sentence. The checker (analyze.ts) resolves such a reference with this
 * function, and wrap-mode markup (mention.ts) wraps the noun only when this function picks the entry
 * the detector found: one reader for both. Two entries the sentence fits as well, or none, or a
 * change ("tăng 2 triệu thuê bao"): no pick (the checker says `unknown-indicator`, as before). Pure.
 */
import type { Catalog } from '../catalog/catalog';
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import type { Figure } from '../types';
import { CHANGE_BEFORE, countedEntry, countedIndex, sentenceTokens } from './counted';

/** What a reference's words say of the catalog's count entries. */
export interface CountedWords {
  /** Every count entry whose unit the noun is. */
  candidates: Indicator[];
  /** The one of them the sentence settles, else null. */
  pick: Indicator | null;
}

/** "số <noun>": the count's noun written before its figure. */
const SO_NOUN = /^số\s+/iu;
/** Between "số <noun>" and its figure: nothing but a linking word. */
const LINK = /^\s*(?:(?:là|đạt|ước đạt|ước)\s+)?$/u;

/**
 * The count entry the noun `written` (a reference's name, at `name` in `text`) stands for in its
 * sentence, bound to `figure` (offsets in `text`), or null when the words are no count's noun or
 * the figure is no count written with them. Marks in the sentence (`[[`, `]]`) are read as spaces.
 */
export function countedOfWords(
  catalog: Catalog,
  text: string,
  sentence: { start: number; end: number },
  name: { start: number; end: number },
  written: string,
  figure: Pick<Figure, 'start' | 'end' | 'kind' | 'change'> | null,
): CountedWords | null {
  if (!figure || figure.change || !(figure.kind === 'number' || figure.kind === 'fraction')) return null;
  const words = written.replace(/\s+/g, ' ').trim();
  const so = SO_NOUN.exec(words);
  const noun = so ? words.slice(so[0].length) : words;
  const idx = countedIndex(catalog);
  const entries = idx.byUnit.get(foldKey(noun));
  if (!entries?.length) return null;
  const own = text.slice(sentence.start, sentence.end).replace(/\[\[|\]\]/g, '  ');
  const [ns, ne, fs, fe] = [name.start, name.end, figure.start, figure.end].map((x) => x - sentence.start);
  if (ns < 0 || ne > own.length || fs < 0 || fe > own.length) return null;
  // The figure and its noun written together: "22,14 triệu [[thuê bao]]", "[[số thuê bao]] là 85,7 triệu".
  const together = so ? fs >= ne && LINK.test(own.slice(ne, fs)) : fs < ns && (fe >= ne || /^\s*$/.test(own.slice(fe, ns)));
  if (!together) return null;
  // "có thêm 1,5 triệu thuê bao", "tăng 487 doanh nghiệp": a change of the count, not the count.
  if (CHANGE_BEFORE.test(foldKey(own.slice(Math.max(0, fs - 16), fs)))) return null;
  const count = so ? { start: fs, end: fe } : { start: fs, end: Math.max(fe, ne) };
  const pick = countedEntry(idx, noun, own, count, ne, sentenceTokens(own));
  return { candidates: [...new Set(entries.map((e) => e.indicator))], pick };
}
