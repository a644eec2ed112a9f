/** The values and shapes a catalog entry's fields accept (shared by the loader and the entry writer). */
import type { Indicator, MeasureType, PeriodKind, RankScope, Target } from './types';

/** Values accepted for `measure`. */
export const MEASURE_TYPES: readonly MeasureType[] = ['stock', 'flow', 'ratio', 'growth', 'rank', 'index', 'fraction'];
/** Values accepted for `unitClass`. */
export const UNIT_CLASSES: readonly Indicator['unitClass'][] = ['currency', 'percent', 'count', 'rank', 'index', 'none'];
/** Values accepted for `scope`. */
export const RANK_SCOPES: readonly RankScope[] = ['world', 'asia', 'asia-pacific', 'asean', 'national'];
/** Values accepted in `publishes`. */
export const PERIOD_KINDS: readonly PeriodKind[] = ['year', 'half', 'quarter', 'month', 'ytd', 'day'];
/** Pattern of an indicator id: kebab-case, lower-case ASCII. */
export const INDICATOR_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const COMPARATORS: readonly NonNullable<Target['comparator']>[] = ['gte', 'lte', 'eq'];
export const KNOWN_FIELDS = new Set([
  'id', 'name', 'nameEn', 'aliases', 'abbreviations', 'measure', 'unit', 'unitClass', 'range',
  'compiler', 'compilerCodes', 'family', 'denominatorOf', 'targets', 'description', 'descriptionEn',
  'cumulative', 'revised', 'compilers', 'scope', 'denominators', 'decisions', 'sources', 'publishes', 'since',
]);
export const TARGET_FIELDS = new Set(['value', 'comparator', 'period', 'source']);
export const COMPILER_FIELDS = new Set(['name', 'codes', 'from', 'until']);
export const DENOMINATOR_FIELDS = new Set(['period', 'value']);
export const DOCUMENT_FIELDS = new Set(['id', 'title', 'date', 'url']);
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** True for an absolute http(s) address with a host. */
export function isWebAddress(s: string): boolean {
  if (!/^https?:\/\//i.test(s) || /\s/.test(s)) return false;
  try {
    return new URL(s).hostname.length > 0;
  } catch {
    return false;
  }
}
/** "48.000" or "1.497.360": Vietnamese thousands groups, which YAML silently reads as 48 or fails. */
export const VIETNAMESE_GROUPED = /^[+-]?\d{1,3}(?:\.\d{3})+$/;
