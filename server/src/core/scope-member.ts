/**
 * A rank of a regional written scope bound to a name of a world ranking (issue #13, round 21;
 * docs/reading.md §22.1): "Trong khu vực ASEAN, Việt Nam đứng thứ 4/11 về [[Chỉ số đổi mới sáng tạo
 * toàn cầu]]", "[[Xếp hạng EGDI]] … đứng thứ 5 trong ASEAN". The rank is no value of the world
 * ranking: it is the value of the member of the index's own measures (catalog/family.ts
 * ownMeasures, else of its family) ranking in that scope, the value within the member's range, when exactly one fits;
 * else of no entry. The written scope is the reader's (parse/period-series.ts rankScopes, a fronted
 * scope phrase: parse/fronted-scope.ts). Pure.
 */
import type { Catalog } from './catalog/catalog';
import { familyOf, inRange, ownMeasures } from './catalog/family';
import type { Indicator } from './catalog/types';
import type { PlacedFigure } from './parse/model';
import { scopeFits } from './markup/placement';

/** The entry a rank of a regional scope bound to `ind` stands for: undefined when the scope fits `ind` (or no such rank), the regional member, or null (none: no fact). */
export function regionalRankEntry(catalog: Catalog, ind: Indicator | null, f: PlacedFigure | null): Indicator | null | undefined {
  // (a world ranking only: a national or provincial one is never re-scoped by a region's words)
  if (!ind || !f || ind.measure !== 'rank' || ind.scope !== 'world' || (f.kind !== 'rank' && f.role !== 'rank')) return undefined;
  const written = f.scope;
  if (written !== 'asean' && written !== 'asia' && written !== 'region') return undefined;
  const ranks = (of: readonly Indicator[]) => inRange(of.filter((e) => e.measure === 'rank' && !!e.scope && scopeFits(written, e.scope)), f);
  // (the index's own measures first; a rank of a region its subjects do not strip, "… khu vực châu Á - Thái Bình Dương", from its family)
  const own = ranks(ownMeasures(catalog, ind));
  const fit = own.length ? own : ranks(familyOf(catalog, ind));
  return fit.length === 1 ? fit[0] : null;
}
