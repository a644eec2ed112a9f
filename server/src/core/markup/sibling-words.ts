/**
 * A fuzzy name shared by sibling entries (names.ts lackingAlike: "tốc độ tải xuống trung bình" of
 * "… băng rộng di động", "… băng rộng cố định", "… mạng 5G") whose sentence wrote, before the name,
 * the words that tell exactly one sibling apart ("Internet di động … tốc độ tải xuống 34,80 Mb/giây"):
 * that sibling (issue 13, tenth round, found on press-unmarked-held10; docs/accuracy.md
 * "Construction classes read"). A fuzzy name is marked in canonical mode only; wrap lists it. Pure.
 */
import type { Indicator } from '../catalog/types';
import { work } from '../work';
import type { NameCandidate } from './match';
import type { NameIndex, Token } from './name-index';

/**
 * The one candidate whose telling words (the words of one of its names that the window lacks and no
 * other candidate's name has; function words aside) are all written before the window in the
 * sentence, when exactly one is; else null. `tokens`: the sentence's words.
 */
export function siblingBySentence(c: NameCandidate, candidates: Indicator[], tokens: Token[], idx: NameIndex): Indicator | null {
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
      const telling = l.ids.filter((id) => !inWindow.has(id) && !idx.functionWord[id] && candidates.every((o) => o === ind || !wordsOf.get(o)!.has(id)));
      return telling.length > 0 && telling.every((id) => before.has(id));
    }),
  );
  return told.length === 1 ? told[0] : null;
}
