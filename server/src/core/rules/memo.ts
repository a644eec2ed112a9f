/**
 * The rules' own memo of values derived from the history: keyed by the array a history query
 * returned (HistoryIndex.earlier, atPeriod). The history never changes such an array and answers
 * with a new one once the entries behind it change (another session's figures edited, a report
 * added or removed, figures.csv read again), so a value kept here cannot go stale: a history
 * change makes it unreachable. The history knows nothing of this memo; it is bounded by the
 * history's own (entries garbage collected with the arrays they hang on).
 */
import type { HistoryEntry } from '../history/types';

const memo = new WeakMap<readonly HistoryEntry[], Map<string, unknown>>();

/** `compute(source)`, computed once per source array and `key` (the rule's id and what else it depends on). */
export function derived<T>(source: readonly HistoryEntry[], key: string, compute: (source: readonly HistoryEntry[]) => T): T {
  let values = memo.get(source);
  if (!values) memo.set(source, (values = new Map()));
  if (values.has(key)) return values.get(key) as T;
  const value = compute(source);
  values.set(key, value);
  return value;
}

const keys = new Map<string, Map<string, string>>();

/**
 * The key `rule \0 part` of `derived`, one string per pair: the rules ask once per level figure on
 * every check, and a key built each time is garbage a keystroke need not make.
 */
export function memoKey(rule: string, part: string): string {
  let byPart = keys.get(rule);
  if (!byPart) keys.set(rule, (byPart = new Map()));
  let key = byPart.get(part);
  if (key === undefined) byPart.set(part, (key = `${rule}\0${part}`));
  return key;
}
