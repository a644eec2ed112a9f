/**
 * One name, two currencies (issue 13 item 5, series inference by unit). Writers call an amount by one
 * name whatever currency its figure is in: the IT industry's revenue is "Doanh thu công nghiệp công
 * nghệ thông tin" in the ministry's yearly and quarterly series in USD and in its monthly reports in
 * đồng ("… 11 tháng đầu năm 2023 ước đạt 3.040.772 tỷ đồng"), while the catalog keeps the đồng series
 * as another entry of the same family ("Doanh thu công nghiệp công nghệ số"). The figure's currency is
 * then one more way to choose among the entries a name may name:
 * - {@link currencyMember}: a name resolved to one amount entry, its figure in another currency: the
 *   one entry of the same family, the same measure (flow, stock) kept in the figure's currency;
 * - {@link currencyFits}: whether a currency entry may take a figure (no currency, or its own):
 *   series.ts narrows the series of a shared name by it.
 * A figure in a currency no entry of the family keeps stays the named entry's (rules/unit-mismatch.ts
 * reports it). One lookup for the dialect's resolution (analyze.ts, series.ts). Pure; tables built
 * once per catalog.
 */
import { fold } from '../text';
import type { Catalog } from './catalog';
import { familyOf } from './family';
import type { Indicator } from './types';

/** What of a figure tells its currency. */
export interface CurrencyShape {
  unitClass: string;
  unit: string | null;
}

/** A currency's key: "đồng", "VND" and "VNĐ" are one; null for no currency word ("đồng/năm", a rate, is none). */
export function currencyKey(unit: string | null | undefined): string | null {
  if (!unit) return null;
  const u = fold(unit);
  if (u === 'dong' || u === 'vnd' || u === 'dong viet nam') return 'vnd';
  if (u === 'usd' || u === 'do la' || u === 'do la my' || u === 'us$') return 'usd';
  if (u === 'eur' || u === 'euro') return 'eur';
  return null;
}

/** The written currency of a figure in a currency other than `ind`'s, or null (same, none, not an amount). */
function otherCurrency(ind: Indicator, f: CurrencyShape | null | undefined): string | null {
  if (!f || f.unitClass !== 'currency' || ind.unitClass !== 'currency') return null;
  const written = currencyKey(f.unit);
  const own = currencyKey(ind.unit);
  return written && own && written !== own ? written : null;
}

/** Whether `ind` may take figure `f` by its currency: not an amount, no currency written, or `ind`'s own. */
export function currencyFits(ind: Indicator, f: CurrencyShape | null | undefined): boolean {
  return otherCurrency(ind, f) === null;
}

const tables = new WeakMap<Catalog, Map<Indicator, Map<string, Indicator | null>>>();

/**
 * The entry `ind`'s name stands for when its figure `f` is an amount in another currency than
 * `ind`'s: the one entry of `ind`'s family of the same measure in that currency; null when the
 * figure is in `ind`'s own currency (or none), or the family keeps no such entry, or several.
 */
export function currencyMember(catalog: Catalog, ind: Indicator, f: CurrencyShape | null | undefined): Indicator | null {
  const written = otherCurrency(ind, f);
  if (!written) return null;
  let perCatalog = tables.get(catalog);
  if (!perCatalog) tables.set(catalog, (perCatalog = new Map()));
  let perEntry = perCatalog.get(ind);
  if (!perEntry) perCatalog.set(ind, (perEntry = new Map()));
  const known = perEntry.get(written);
  if (known !== undefined) return known;
  const found = familyOf(catalog, ind).filter((m) => m !== ind && m.unitClass === 'currency' && m.measure === ind.measure && currencyKey(m.unit) === written);
  const one = found.length === 1 ? found[0] : null;
  perEntry.set(written, one);
  return one;
}
