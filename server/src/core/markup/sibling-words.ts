/**
 * A fuzzy name shared by sibling entries (names.ts lackingAlike: "tốc độ tải xuống trung bình" of
 * "… băng rộng di động", "… băng rộng cố định", "… mạng 5G") whose sentence wrote, before the name,
 * the words that tell exactly one sibling apart ("Internet di động … tốc độ tải xuống 34,80 Mb/giây"):
 * that sibling (issue 13, tenth round, found on press-unmarked-held10; docs/accuracy.md
 * "Construction classes read"). Round 19 (count19): the checker reads such words marked as written
 * (`Với mạng di động, [[tốc độ tải xuống trung bình]] … là 38,69 Mbps`) by the same test
 * ({@link siblingOfWords}, analyze.ts), and wrap mode wraps them only when it picks the sibling the
 * detector found (mention.ts). Pure.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { work } from '../work';
import { digitalLacking, type NameCandidate } from './match';
import { nameIndex, namesVocabulary, tokenize, type NameIndex, type Token } from './name-index';

/** Content words a window must hold to stand for siblings (as a fuzzy name must cover three). */
const MIN_WORDS = 3;

/**
 * The one candidate whose telling words (the words of one of its names that the window lacks and no
 * other candidate's name has; function words aside) are all written before the window in the
 * sentence, when exactly one is; else null. `tokens`: the sentence's words.
 */
export function siblingBySentence(c: Pick<NameCandidate, 'first' | 'last'>, candidates: Indicator[], tokens: Token[], idx: NameIndex): Indicator | null {
  if (candidates.length < 2) return null;
  const before = new Set<number>();
  for (let t = 0; t < c.first; t++) {
    const id = idx.ids.get(tokens[t].folded);
    if (id !== undefined) before.add(id);
  }
  const inWindow = new Set<number>();
  for (let t = c.first; t <= c.last; t++) {
    const id = idx.ids.get(tokens[t].folded);
    if (id !== undefined) inWindow.add(id);
  }
  const labelsOf = (ind: Indicator) => idx.labels.filter((l) => l.indicator === ind);
  const wordsOf = new Map(candidates.map((ind) => [ind, new Set(labelsOf(ind).flatMap((l) => l.ids))]));
  work.steps += idx.labels.length;
  const told = candidates.filter((ind) =>
    labelsOf(ind).some((l) => {
      // The label holds every word of the window (the name's own words).
      if ([...inWindow].some((id) => l.firstPos[id] < 0 && !idx.functionWord[id])) return false;
      // Its "số" of a digital whole written nowhere: another name, not told apart (reading.md §59.1).
      if (digitalLacking(l, (p) => inWindow.has(l.ids[p]) || before.has(l.ids[p]))) return false;
      const telling = l.ids.filter((id) => !inWindow.has(id) && !idx.functionWord[id] && candidates.every((o) => o === ind || !wordsOf.get(o)!.has(id)));
      return telling.length > 0 && telling.every((id) => before.has(id));
    }),
  );
  return told.length === 1 ? told[0] : null;
}

/** What a reference's words say of sibling entries. */
export interface SiblingWords {
  /** The entries with a name holding every content word of the words (of one unit class). */
  candidates: Indicator[];
  /** The one of them the sentence told apart before the words, else null. */
  pick: Indicator | null;
}

/**
 * The sibling the words `written` (a reference's name, at `name` in `text`, that resolves to no
 * entry) stand for in its sentence: the words, at least three content words all of the catalog's
 * names, are all words of names of two or more entries of one unit class (what their names share:
 * "tốc độ tải xuống trung bình"), and the sentence wrote before them the words telling exactly one
 * apart ({@link siblingBySentence}), and none after them tells another apart. Null when the words
 * are no such shared words. Marks in the sentence (`[[`, `]]`) are read as spaces.
 */
export function siblingOfWords(catalog: Catalog, text: string, sentence: { start: number; end: number }, name: { start: number; end: number }, written: string): SiblingWords | null {
  if (written.includes('@')) return null;
  const own = text.slice(sentence.start, sentence.end).replace(/\[\[|\]\]/g, '  ');
  const tokens = tokenize(own);
  const [ns, ne] = [name.start - sentence.start, name.end - sentence.start];
  const first = tokens.findIndex((t) => t.start >= ns);
  let last = first - 1;
  while (last + 1 < tokens.length && tokens[last + 1].end <= ne) last++;
  if (first < 0 || last < first) return null;
  // A word no name has (a misspelt reference's, mostly): no siblings, and the name index (about
  // 25 ms of a first start's check, before the first diagnostics) is not built for it (namesVocabulary).
  const words = namesVocabulary(catalog);
  for (let t = first; t <= last; t++) if (!words.has(tokens[t].folded)) return null;
  const idx = nameIndex(catalog);
  const ids: number[] = [];
  for (let t = first; t <= last; t++) {
    const id = idx.ids.get(tokens[t].folded);
    if (id === undefined) return null;
    if (!idx.functionWord[id]) ids.push(id);
  }
  if (ids.length < MIN_WORDS) return null;
  const rarest = ids.reduce((a, b) => (idx.labelsOf[b].length < idx.labelsOf[a].length ? b : a));
  const found = new Set<Indicator>();
  for (const li of idx.labelsOf[rarest]) {
    work.steps++;
    const label = idx.labels[li];
    if (ids.every((id) => label.firstPos[id] >= 0)) found.add(label.indicator);
  }
  const candidates = [...found];
  if (candidates.length < 2 || new Set(candidates.map((i) => i.unitClass)).size !== 1) return null;
  const pick = siblingBySentence({ first, last }, candidates, tokens, idx);
  // The words after them telling another sibling apart ("… chỉ bằng một nửa mức 67,96 Mb/giây của mạng
  // cố định"): the figure may be that one's; no pick (the same test on the sentence read backwards).
  const n = tokens.length;
  const after = pick ? siblingBySentence({ first: n - 1 - last, last: n - 1 - first }, candidates, [...tokens].reverse(), idx) : null;
  return { candidates, pick: after && after !== pick ? null : pick };
}
