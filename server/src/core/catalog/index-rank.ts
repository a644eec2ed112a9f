/**
 * An index's bare name bound to a rank (issue #13, round 18; docs/reading.md §6.5 (10)). Some
 * indexes' score entries go by the index's own name ("Chỉ số tham gia điện tử" is the EPI score,
 * "Xếp hạng Chỉ số tham gia điện tử" its rank), and writers name the index so when they tell its
 * rank: "[[Chỉ số tham gia điện tử]] của Việt Nam xếp hạng 16". A name that resolves to a score
 * entry as written — its canonical name, an alias or the name without accents, none saying "điểm"
 * — bound to a figure read as a rank ("xếp thứ 67", "hạng 16", "thứ 4 ASEAN") stands for the one
 * rank member of the index's own measures that the figure's shape and scope say (family.ts
 * memberByShape: the world's or the ASEAN rank). None or several: the score entry stays, as before
 * (no guess). The dialect's resolution (analyze.ts) and the markup detector's test of whether
 * `[[words as written]]` resolves (markup/mention.ts) both ask here. Pure.
 */
import { foldKey } from './name-keys';
import { memberByShape, shapeOf, type FigureShape } from './family';
import type { Catalog } from './catalog';
import type { Indicator, NameMatch } from './types';

/** The rank entry `match` stands for when bound to `f` (see the module's comment), else null. */
export function rankOfIndexName(catalog: Catalog, match: NameMatch, f: FigureShape | null | undefined): Indicator | null {
  if (!f || (f.kind !== 'rank' && f.role !== 'rank')) return null;
  if (match.kind !== 'canonical' && match.kind !== 'alias' && match.kind !== 'unaccented') return null;
  const score = match.indicator;
  if (shapeOf(score) !== 'score') return null;
  // The words the name matched: a name that says "điểm" names the score, whatever the figure.
  const label = match.kind === 'alias' ? match.alias : match.kind === 'unaccented' ? match.matched : score.name;
  if (/^diem\b/.test(foldKey(label))) return null;
  const rank = memberByShape(catalog, score, f);
  return rank && rank.measure === 'rank' ? rank : null;
}
