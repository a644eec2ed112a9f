/**
 * An amount written in another currency than its entry's, when the entry's family keeps that amount
 * in that currency as another entry (issue 13, round 15): "doanh thu lĩnh vực công nghiệp ICT ước
 * 3.397.492 tỷ đồng" is no value of "Doanh thu công nghiệp công nghệ thông tin" (in USD) while the
 * family keeps "Doanh thu công nghiệp công nghệ số" in đồng. The checker would warn it
 * (rules/unit-mismatch.ts), and which of the two the writer meant the words do not say: the markup
 * detector lists it (markup/judge.ts fits). An entry whose family keeps no other currency still takes
 * its amount in any currency. Built with each catalog (catalog.ts). Pure.
 */
import { fold } from '../text';
import type { Indicator } from './types';

/** Per currency entry: the folded currencies its family keeps the same measure in, in other entries. */
const otherCurrencies = new WeakMap<Indicator, Set<string>>();

/** Records, for each currency entry of a catalog, the currencies its family keeps in other entries. */
export function noteFamilyCurrencies(indicators: readonly Indicator[]): void {
  for (const ind of indicators) {
    if (ind.unitClass !== 'currency' || !ind.family || !ind.unit) continue;
    const own = fold(ind.unit);
    const kept = indicators.filter((g) => g !== ind && g.family === ind.family && g.unitClass === 'currency' && g.measure === ind.measure && !!g.unit && fold(g.unit) !== own);
    otherCurrencies.set(ind, new Set(kept.map((g) => fold(g.unit!))));
  }
}

/** Whether `written` (a figure's currency) is one that `ind`'s family keeps in another entry. */
export function keptInAnotherEntry(ind: Indicator, written: string | null | undefined): boolean {
  return !!written && !!otherCurrencies.get(ind)?.has(fold(written));
}
