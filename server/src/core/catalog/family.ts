/**
 * The family of an index: the catalog entries that share its `family` field (an index's rank, score,
 * level and ASEAN rank, its pillars and criteria: "postal-2ipd", "dti-province"). One lookup for the
 * readers that tell a member from a figure's shape: the reader's carry-over of a named index across
 * a paragraph (parse/family-carry.ts, series.ts furtherSeries) and the markup detector's "an
 * abbreviation with a figure of another member". Pure; the index is built once per catalog.
 */
import type { Catalog } from './catalog';
import { subjectKeysOf } from './subjects';
import type { Indicator } from './types';

/** Per catalog: family id → its entries in catalog order. */
const byFamily = new WeakMap<Catalog, Map<string, Indicator[]>>();

/**
 * The family id of an entry: its `family` field, else the longest family id of the catalog its id
 * starts with and a "-" ("dti-province-rank" of "dti-province", "egdi-rank" of "egdi"), else none.
 */
function familyKey(ids: string[], e: Indicator): string | undefined {
  if (e.family) return e.family;
  let best: string | undefined;
  for (const f of ids) if (e.id.startsWith(f + '-') && (!best || f.length > best.length)) best = f;
  return best;
}

function familyIndex(catalog: Catalog): Map<string, Indicator[]> {
  let index = byFamily.get(catalog);
  if (!index) {
    const all = catalog.all();
    const ids = [...new Set(all.map((e) => e.family).filter((f): f is string => !!f))];
    index = new Map();
    for (const e of all) {
      const key = familyKey(ids, e);
      if (key) (index.get(key) ?? index.set(key, []).get(key)!).push(e);
    }
    byFamily.set(catalog, index);
  }
  return index;
}

/**
 * The entries of `ind`'s family (catalog/types.ts `family`; an entry with none is of the family its
 * id starts with), `ind` first, the rest in catalog order; `[ind]` when it has no family.
 */
export function familyOf(catalog: Catalog, ind: Indicator): Indicator[] {
  const index = familyIndex(catalog);
  for (const members of index.values()) if (members.includes(ind)) return [ind, ...members.filter((e) => e !== ind)];
  return [ind];
}

/**
 * The members of `ind`'s family that measure the index itself (its rank, score, level, ASEAN rank),
 * not a pillar, criterion or component: those that share a subject with it (catalog/subjects.ts,
 * "Xếp hạng / Điểm / Cấp độ Chỉ số tích hợp phát triển bưu chính" and "… trong ASEAN"; not "Điểm
 * tiêu chí độ tin cậy của …" nor "Xếp hạng trụ cột chính quyền số cấp tỉnh").
 */
export function ownMeasures(catalog: Catalog, ind: Indicator): Indicator[] {
  const keys = new Set(subjectKeysOf(ind));
  return familyOf(catalog, ind).filter((e) => e === ind || subjectKeysOf(e).some((k) => keys.has(k)));
}

/** What of a figure tells the member: its kind, role, written scope, unit and value. */
export interface FigureShape {
  kind: string;
  role?: string;
  scope?: string;
  unit: string | null;
  value: number;
}

/**
 * The one member of the index's own measures (ownMeasures) that a figure's shape says: a rank
 * ("thứ 8/63", "vị trí thứ 8", "hạng 5") the rank of its scope (ASEAN or a region: the ASEAN rank;
 * else the world's or the country's), a level on a scale ("cấp độ 6") the level entry, a score
 * ("0,6924 điểm") the score entry; the value within the member's range. Null when none or several.
 */
export function memberByShape(catalog: Catalog, ind: Indicator, f: FigureShape): Indicator | null {
  const rank = f.kind === 'rank' || f.role === 'rank';
  const regional = f.scope === 'asean' || f.scope === 'region';
  const unit = (f.unit ?? '').normalize('NFC').toLowerCase();
  const scale = f.role === 'scale' || unit === 'cấp độ';
  const fit = ownMeasures(catalog, ind).filter((e) => {
    if (e.range && (f.value < e.range[0] || f.value > e.range[1])) return false;
    if (rank) return e.measure === 'rank' && (e.scope === 'asean') === regional;
    if (scale) return e.unit.normalize('NFC').toLowerCase() === 'cấp độ';
    return unit === 'điểm' && e.measure === 'index' && e.unit.normalize('NFC').toLowerCase() === 'điểm';
  });
  return fit.length === 1 ? fit[0] : null;
}
