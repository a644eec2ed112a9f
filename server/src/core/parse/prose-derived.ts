/**
 * A sentence of prose as the binder reads it (binding.ts), and what the history's binder keeps
 * with a remembered prose reading (part-reading.ts readPartOnce: one object for every report that
 * holds the sentence's text): each derived from that text alone, the same as the full reading
 * works out for each sentence.
 */
import type { Figure, PeriodPhrase } from '../types';
import { carryOf, type Carry } from './carry';
import { bindInSentence, type LevelIndex, type SentenceReading } from './clauses';
import { namesIn, type NamesOf } from './family-carry';
import { furtherFigures, type Further } from './further';
import type { PartReading } from './part-reading';

/** A sentence of prose as the clause reader saw it (offsets local to `text`, which starts at `from` in its block). */
export interface ProseReading {
  text: string;
  from: number;
  figures: Figure[];
  periods: PeriodPhrase[];
  reading: SentenceReading;
  index: LevelIndex;
}

/**
 * What the history's binder works out from a remembered prose reading (readPartOnce: one object
 * for every report that holds the sentence) and its text alone, kept with it: its level index, what
 * it does to the carry (offsets from the sentence's start), its names (family-carry.ts), and for a
 * reference at local [start, end) the figure it binds and that figure's further figures. The same
 * values the full reading works out for each sentence; none is changed once made.
 */
export interface Derived {
  index?: LevelIndex;
  carry?: { c: Carry | null | undefined };
  names?: ReturnType<typeof namesIn>;
  bound: Map<number, { idx: number; further: Further[] }>;
}
const derivedReadings = new WeakMap<PartReading, Derived>();
export function derivedOf(r: PartReading): Derived {
  let d = derivedReadings.get(r);
  if (d === undefined) derivedReadings.set(r, (d = { bound: new Map() }));
  return d;
}

/** carryOf for a sentence at `base`, `d` (history) keeping what it gives at offset 0. */
export function carryAt(text: string, r: PartReading, base: number, d: Derived | null): Carry | null | undefined {
  if (!d) return carryOf(text, r.figs, r.phrases, r.reading!, base);
  const c = (d.carry ??= { c: carryOf(text, r.figs, r.phrases, r.reading!, 0) }).c;
  return c ? { code: c.code, start: base + c.start, end: base + c.end } : c;
}

/** The figure a reference at local [start, end) of a sentence binds, and its further figures (kept in `d`: history). */
export function bindProse(prose: ProseReading, start: number, end: number, d: Derived | null): { idx: number; further: Further[] } {
  const key = start * 0x4000000 + end;
  const kept = d?.bound.get(key);
  if (kept) return kept;
  const idx = bindInSentence(prose.text, start, end, prose.figures, prose.reading, prose.index);
  const further = idx >= 0 ? furtherFigures(idx, prose.text, prose.figures, prose.periods, prose.reading, start, end) : [];
  const out = { idx, further };
  if (d) d.bound.set(key, out);
  return out;
}

/** namesIn for the sentence of `d` (history: remembered with its reading), else namesIn itself. */
export function namesOf(d: Derived | null): NamesOf {
  return d ? (t) => (d.names ??= namesIn(t)) : namesIn;
}
