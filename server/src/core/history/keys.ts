/**
 * Memoized keys the history computes again and again: the last day of a period (rules ask per
 * entry), the folded name of a reference as written (every keystroke sets the open report's
 * mentions again). Bounded; keyed by the string they derive from.
 */
import { foldKey, splitCompiler } from '../catalog/catalog';
import { registerCache } from '../caches';
import { periodRange } from '../parse/periods';
import type { HistoryEntry } from './types';

const periodEnds = new Map<string, string>();

/** Last day (ISO) a period covers; "" if it names no fixed span. */
export function periodEnd(code: string): string {
  let end = periodEnds.get(code);
  if (end === undefined) {
    end = periodRange(code)?.[1] ?? '';
    if (periodEnds.size >= 100_000) periodEnds.clear();
    periodEnds.set(code, end);
  }
  return end;
}

const mentionNames = new Map<string, string>();
registerCache(() => mentionNames.clear());

/** The folded name of a reference as written, without its compiler (a Mention's `name`). */
export function mentionName(written: string): string {
  let name = mentionNames.get(written);
  if (name === undefined) {
    name = foldKey(splitCompiler(written).name);
    if (mentionNames.size >= 100_000) mentionNames.clear();
    mentionNames.set(written, name);
  }
  return name;
}

/**
 * `list` stably sorted by period end, then session date (ISO dates and "" in code-unit order: what
 * HistoryIndex orders entries by first), each key read once per entry, not per comparison.
 */
export function sortedByEndAndDate(list: HistoryEntry[]): HistoryEntry[] {
  const keyed = list.map((e, i) => ({ e, end: periodEnd(e.period), date: e.origin.date ?? '', i }));
  keyed.sort((a, b) => (a.end < b.end ? -1 : a.end > b.end ? 1 : a.date < b.date ? -1 : a.date > b.date ? 1 : a.i - b.i));
  return keyed.map((k) => k.e);
}
