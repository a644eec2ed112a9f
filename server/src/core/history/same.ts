/** Whether a report's new history entries are its old ones (history.ts setReport keeps them then). */
import type { HistoryEntry } from './types';

/** The same figure, wherever it is: every field but the range. */
export function sameFigure(x: HistoryEntry, y: HistoryEntry): boolean {
  return (
    x.indicatorId === y.indicatorId &&
    x.period === y.period &&
    x.raw === y.raw &&
    Object.is(x.value, y.value) &&
    Object.is(x.interval[0], y.interval[0]) &&
    Object.is(x.interval[1], y.interval[1]) &&
    x.unit === y.unit &&
    x.kind === y.kind &&
    x.decimals === y.decimals &&
    x.qualifier === y.qualifier &&
    x.denominator === y.denominator &&
    x.growth === y.growth &&
    x.subject === y.subject &&
    x.local === y.local &&
    x.origin.kind === y.origin.kind &&
    x.origin.uri === y.origin.uri
  );
}

export function sameEntries(a: HistoryEntry[], b: HistoryEntry[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x.indicatorId !== y.indicatorId || x.period !== y.period || x.value !== y.value || x.raw !== y.raw || x.subject !== y.subject || x.local !== y.local) return false;
    const r1 = x.origin.range;
    const r2 = y.origin.range;
    if (r1.start.line !== r2.start.line || r1.start.character !== r2.start.character) return false;
  }
  return true;
}

/** The same place: the entry's origin range, start and end (what a finding's related place shows). */
export function samePlace(x: HistoryEntry, y: HistoryEntry): boolean {
  const a = x.origin.range;
  const b = y.origin.range;
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}
