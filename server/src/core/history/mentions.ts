/**
 * The references of a report that resolved, as the history keeps them for `citing` (series
 * inference asks which names earlier sessions used for a series).
 */
import { mentionName } from './keys';
import type { Range } from '../types';

/** A reference to an indicator somewhere in a report, with or without a figure. */
export interface Mention {
  indicatorId: string;
  /** The name as written, folded (catalog foldKey): series inference asks which series a name stood for. */
  name?: string;
  uri: string;
  range: Range;
  session?: number;
  date?: string;
}

/**
 * The references of one report that resolved, as columns: a Mention object is made only when asked
 * (citing), not kept per reference (200 sessions: 94 000 of them, 7 MB as objects).
 */
export interface Mentions {
  ids: string[];
  /** Folded (mentionName). */
  names: string[];
  ranges: Range[];
}

/** `analysis`: a report's references with what they resolved to (history.ts BoundReport). */
export function mentionsOf(analysis: { refs: ReadonlyArray<{ ref: { written: string; range: Range }; indicator: { id: string } | null }> }): Mentions {
  const out: Mentions = { ids: [], names: [], ranges: [] };
  for (const r of analysis.refs) {
    if (!r.indicator) continue;
    out.ids.push(r.indicator.id);
    out.names.push(mentionName(r.ref.written));
    out.ranges.push(r.ref.range);
  }
  return out;
}

/** Appends to `out` the mentions of `indicatorId` among one report's (`key`: the report), as Mention objects. */
export function mentionsIn(m: Mentions, key: { uri: string; session?: number; date?: string }, indicatorId: string, out: Mention[]): void {
  for (let i = 0; i < m.ids.length; i++) {
    if (m.ids[i] === indicatorId) out.push({ indicatorId, name: m.names[i], uri: key.uri, range: m.ranges[i], session: key.session, date: key.date });
  }
}
