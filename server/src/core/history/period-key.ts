/**
 * When two period codes are one period of an indicator (docs/history.md §3): the one rule the
 * history's comparisons (HistoryIndex.atPeriod, rules/history-context.ts samePeriod) and the markup
 * evaluation use. A stock (a running total) compares by its period's end day ("2022" ≡
 * "2022-12-31"); a share or ratio (a level at a time: `measure` ratio or fraction) is one period for
 * a month and the month's last day ("tháng 4/2023" ≡ "đến hết tháng 4/2023", 2023-04 ≡ 2023-04-30),
 * as a stock is; anything else (a flow, a growth, an index, a rank) compares its code only.
 */
import { periodEnd } from './keys';

/** What the rule reads of an indicator. */
export interface PeriodKind {
  measure?: string;
}

/** How an indicator's periods are put together: by end day, a month with its last day, or by code. */
export type PeriodGrouping = 'end' | 'month' | 'code';

export function periodGrouping(indicator: PeriodKind): PeriodGrouping {
  return indicator.measure === 'stock' ? 'end' : indicator.measure === 'ratio' || indicator.measure === 'fraction' ? 'month' : 'code';
}

const LAST_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The key two periods of one indicator share exactly when they are one period. */
export function periodKey(code: string, grouping: PeriodGrouping): string {
  if (grouping === 'code') return code;
  if (grouping === 'end') {
    const end = periodEnd(code);
    return end === '' ? `C${code}` : `E${end}`;
  }
  // A month's last day is the month ("2023-04-30" → "2023-04"); no other day is.
  const day = LAST_DAY.exec(code);
  if (day && periodEnd(`${day[1]}-${day[2]}`) === code) return `C${day[1]}-${day[2]}`;
  return `C${code}`;
}

/** Whether two period codes are one period of `indicator`. */
export function onePeriod(a: string, b: string, indicator: PeriodKind): boolean {
  if (a === b) return true;
  const g = periodGrouping(indicator);
  return g !== 'code' && periodKey(a, g) === periodKey(b, g);
}
