/**
 * A name written with no figure of its own whose index the next sentences of its paragraph go on
 * telling of ("Bộ … công bố kết quả DTI năm 2024. Theo đó, Huế đứng thứ 2/34 …"): marked, the reader
 * then carries those figures to it (parse/family-carry.ts, docs/reading.md §6.6). The same reading
 * as the checker's: each next sentence read alone, its carried figures each a member of the
 * indicator's family by its shape (catalog/family.ts memberByShape).
 */
import type { Catalog } from '../catalog/catalog';
import { memberByShape } from '../catalog/family';
import type { Indicator } from '../catalog/types';
import type { SentenceReading } from '../parse/clauses';
import type { Figure } from '../types';
import { provinceFacts } from '../catalog/provincial';
import { carriedFigures, REGION, toldNames, turnsToParts } from '../parse/family-carry';
import { provinceRanks } from '../parse/province-items';
import { readPartOnce } from '../parse/part-reading';
import { sentenceSpans } from '../parse/sentences';

/** At most this many characters of the paragraph after the name's sentence are read. */
const MAX_REST = 2000;

/**
 * True if the sentences after [sentenceStart, sentenceEnd) of `text`, up to the paragraph's end,
 * carry a figure the indicator's family has a member for. `nameStart`, `nameEnd`: the name's words.
 */
export function carriedAfter(text: string, sentenceStart: number, sentenceEnd: number, nameStart: number, nameEnd: number, catalog: Catalog, indicator: Indicator): boolean {
  const blank = /\n[ \t]*(?:\r?\n|$)/g;
  blank.lastIndex = sentenceEnd;
  const end = Math.min(blank.exec(text)?.index ?? text.length, sentenceEnd + MAX_REST);
  const rest = text.slice(sentenceEnd, end);
  if (!/\d/.test(rest)) return false;
  const words = text.slice(nameStart, nameEnd);
  const told = toldNames(text.slice(sentenceStart, nameStart) + ' '.repeat(words.length) + text.slice(nameEnd, sentenceEnd), [words]);
  let first = true;
  for (const [from, to] of sentenceSpans(rest)) {
    const t = rest.slice(from, to);
    const { figs, reading } = readPartOnce(t, false);
    if (!reading) return false;
    const carried = carriedFigures(t, figs, reading, told);
    // (the next sentence listing other provinces' places in a provincial ranking named with no figure: parse/binding.ts continueRanking, §34.1)
    if (!carried) return first && placesListed(text.slice(sentenceStart, sentenceEnd), t, figs, reading, catalog, indicator);
    first &&= !figs.length && /;\s*$/u.test(t);
    for (const { at } of carried) {
      const f = figs[at];
      if (memberByShape(catalog, indicator, { kind: f.kind, role: reading.figures[at].role, scope: reading.figures[at].scope, unit: f.unit, value: f.value })) return true;
    }
    if (turnsToParts(t)) return false;
  }
  return false;
}

/** Whether sentence `t` only lists provinces with their places (province-items.ts provinceRanks) of `indicator`'s provincial rank, its name's `sentence` holding no figure. */
function placesListed(sentence: string, t: string, figs: Figure[], reading: SentenceReading, catalog: Catalog, indicator: Indicator): boolean {
  const rank = memberByShape(catalog, indicator, { kind: 'rank', role: 'rank', unit: 'hạng', value: 1 });
  return !!rank && provinceFacts(rank).series && !REGION.test(sentence + t) && !readPartOnce(sentence, false).figs.length && provinceRanks(t, figs, reading, sentence) !== null;
}
