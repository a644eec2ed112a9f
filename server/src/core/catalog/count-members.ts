/**
 * A count's name written with a percent figure. Writers name a count's growth rate and its share by
 * the count's own name and let the figure say which: "giao dịch thanh toán không dùng tiền mặt tăng
 * 59%" is the growth of the transactions, "hệ thống thông tin được phê duyệt cấp độ an toàn đạt 77%"
 * the share of the systems. The member the figure's shape says ({@link countMember}):
 * - a relative change in % ("tăng 59%", not "gấp 2 lần") of a count or an amount: the growth entry
 *   of its subject (growthSibling);
 * - a level in % of a count: the entry "Tỷ lệ <the count's name>" (shareSibling), when there is one;
 * - a rate per population of a count ("thuê bao băng rộng di động đạt 52,8 thuê bao/100 dân"): the
 *   count's per-population entry (perPopulation; round 25, open25, reading.md §37.3).
 * One lookup for the dialect's resolution (analyze.ts) and the markup detector (markup/detect.ts,
 * mention.ts): a name the detector marks reads as the same entry. Pure; tables built once per catalog.
 */
import type { Catalog } from './catalog';
import { foldKey } from './name-keys';
import { subjectKey, subjectKeysOf } from './subjects';
import type { Indicator } from './types';

interface Tables {
  /** Folded words after "tỷ lệ" of a share's name or alias → the share entries. */
  shares: Map<string, Indicator[]>;
  growth: Map<Indicator, Indicator | null>;
  share: Map<Indicator, Indicator | null>;
  per: Map<Indicator, Indicator | null>;
  value: Map<Indicator, Indicator | null>;
}

const tables = new WeakMap<Catalog, Tables>();

function tablesOf(catalog: Catalog): Tables {
  let t = tables.get(catalog);
  if (t) return t;
  t = { shares: new Map(), growth: new Map(), share: new Map(), per: new Map(), value: new Map() };
  for (const ind of catalog.all()) {
    if (ind.unitClass !== 'percent' || ind.measure === 'growth') continue;
    for (const label of [ind.name, ...(ind.aliases ?? [])]) {
      const key = subjectKey(label);
      if (!key.startsWith('ti le ')) continue;
      const list = t.shares.get(key.slice(6)) ?? [];
      if (!list.includes(ind)) list.push(ind);
      t.shares.set(key.slice(6), list);
    }
  }
  tables.set(catalog, t);
  return t;
}

/** The growth entries of a count's or an amount's family (none for another entry). */
export function growthEntries(catalog: Catalog, ind: Indicator): Indicator[] {
  if (ind.unitClass !== 'count' && ind.unitClass !== 'currency') return [];
  const family = ind.family ?? ind.id;
  return catalog.all().filter((g) => g !== ind && g.measure === 'growth' && (g.family === family || g.family === ind.id));
}

/**
 * The growth entry of a count's or an amount's family ("Tăng trưởng số lượng doanh nghiệp công nghệ
 * số" for "Số doanh nghiệp công nghệ số") of the same subject (a subject key of both: "giao dịch
 * thanh toán không dùng tiền mặt", not the family's "… qua mã QR"), else one the catalog files as
 * this entry's own (its family is the entry's id), when there is exactly one: a relative change
 * written after the count's name ("số doanh nghiệp … tăng 8%") is that growth rate. Before these,
 * the one growth entry named "tăng trưởng" + a name or alias of this entry, of any family (round 16:
 * "tăng trưởng doanh thu CNTT" for the IT industry's revenue, alias "doanh thu CNTT").
 */
export function growthSibling(catalog: Catalog, ind: Indicator): Indicator | null {
  const t = tablesOf(catalog);
  const known = t.growth.get(ind);
  if (known !== undefined) return known;
  const named = namedGrowth(catalog, ind);
  const keys = new Set(subjectKeysOf(ind));
  const all = growthEntries(catalog, ind);
  const same = all.filter((g) => subjectKeysOf(g).some((k) => keys.has(k)));
  const out = named.length === 1 ? named : same.length ? same : all.filter((g) => g.family === ind.id);
  const one = out.length === 1 ? out[0] : null;
  t.growth.set(ind, one);
  return one;
}

/** The growth entries named "tăng trưởng" (or "tốc độ tăng trưởng") + a name or alias of a count or an amount. */
function namedGrowth(catalog: Catalog, ind: Indicator): Indicator[] {
  if (ind.unitClass !== 'count' && ind.unitClass !== 'currency') return [];
  const own = new Set([ind.name, ...(ind.aliases ?? [])].map(subjectKey));
  return catalog.all().filter((g) => g !== ind && g.measure === 'growth' && [g.name, ...(g.aliases ?? [])].some((l) => own.has(subjectKey(l).replace(/^(?:toc do )?tang truong /, ''))));
}

/**
 * The share of a count: the one percent entry named "Tỷ lệ" + the count's name or an alias, "Số"
 * or "Số lượng" taken off ("Tỷ lệ hệ thống thông tin được phê duyệt cấp độ an toàn" of "Hệ thống
 * thông tin được phê duyệt cấp độ an toàn"); null when none or several.
 */
export function shareSibling(catalog: Catalog, ind: Indicator): Indicator | null {
  if (ind.unitClass !== 'count') return null;
  const t = tablesOf(catalog);
  const known = t.share.get(ind);
  if (known !== undefined) return known;
  const found = new Set<Indicator>();
  for (const label of [ind.name, ...(ind.aliases ?? [])]) {
    const key = subjectKey(label).replace(/^so (?:luong )?/, '');
    for (const s of t.shares.get(key) ?? []) found.add(s);
  }
  const one = found.size === 1 ? [...found][0] : null;
  t.share.set(ind, one);
  return one;
}

/** What of a figure tells a count's member: its kind, its change and what the words around it say. */
export interface PercentShape {
  kind: string;
  change?: { times?: boolean };
  /** A percent after the growth word ("tăng trưởng khoảng 13,04%": types.ts Figure.growth). */
  growth?: boolean;
  /** The figure's role: the figure reader's (the dialect), the clause reader's (the detector). */
  role?: string;
  /** A rate's population base ("94 thuê bao/100 dân": 100; types.ts Figure.per). */
  per?: number;
}

/**
 * The entry a count's (or an amount's) name stands for when its bound figure is a percent: a
 * relative change, or a level after the growth word ("doanh thu … tăng trưởng khoảng 13,04%", class
 * growth-word-of-an-amount, round 19) → growthSibling, another level (no role, or "level") → shareSibling; null when the
 * figure is no percent, is a change "gấp … lần", a part, a base or a target, or the catalog keeps no
 * such entry (the name then stands for its own entry).
 */
export function countMember(catalog: Catalog, ind: Indicator, f: PercentShape | null | undefined): Indicator | null {
  // A rate per population of a count: the figure's role (the dialect's reader) or its base "/100 dân" (the detector's).
  if (f?.role === 'rate' || (f?.per === 100 && f.kind === 'number' && !f.change)) return ind.unitClass === 'count' && ind.measure !== 'ratio' ? perPopulation(catalog, ind) : null;
  if (!f || f.kind !== 'percent' || (ind.unitClass !== 'count' && ind.unitClass !== 'currency')) return null;
  if (f.change) return !f.change.times && (f.role === undefined || f.role === 'change') ? growthSibling(catalog, ind) : null;
  if (f.growth) return f.role === undefined || f.role === 'level' ? growthSibling(catalog, ind) : null;
  return f.role === undefined || f.role === 'level' ? shareSibling(catalog, ind) : null;
}

/**
 * The one ratio entry of `ind`'s family named by its name and a population base ("Số thuê bao băng rộng
 * cố định" → "Số thuê bao băng rộng cố định trên 100 dân"), else null (round 15).
 */
export function perPopulation(catalog: Catalog, ind: Indicator): Indicator | null {
  const t = tablesOf(catalog);
  const known = t.per.get(ind);
  if (known !== undefined) return known;
  const own = `${foldKey(ind.name)} `;
  const found = ind.family ? catalog.all().filter((e) => e.family === ind.family && e.measure === 'ratio' && foldKey(e.name).startsWith(own)) : [];
  const one = found.length === 1 ? found[0] : null;
  t.per.set(ind, one);
  return one;
}

/**
 * The one amount entry of a count's family named "Giá trị" + the count's name or an alias ("Số", "Số
 * lượng" taken off): "Giá trị giao dịch thanh toán không dùng tiền mặt" of "Số giao dịch thanh toán
 * không dùng tiền mặt", the value a writer tells right after the count ("…, với tổng giá trị …":
 * parse/share-of-whole.ts valueOfCount; round 26, reading.md §40.5); else null.
 */
export function valueSibling(catalog: Catalog, ind: Indicator): Indicator | null {
  if (ind.unitClass !== 'count' || !ind.family) return null;
  const t = tablesOf(catalog);
  const known = t.value.get(ind);
  if (known !== undefined) return known;
  const own = new Set([ind.name, ...(ind.aliases ?? [])].map((l) => subjectKey(l).replace(/^so (?:luong )?/, '')));
  const found = catalog.all().filter((e) => e.family === ind.family && e.unitClass === 'currency' && e.measure !== 'growth' && [e.name, ...(e.aliases ?? [])].some((l) => own.has(subjectKey(l).replace(/^(?:tong )?gia tri /, ''))));
  const one = found.length === 1 ? found[0] : null;
  t.value.set(ind, one);
  return one;
}
