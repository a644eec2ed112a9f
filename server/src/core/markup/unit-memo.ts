/**
 * What the detector remembers about prose units between checks (detect.ts): which units name no
 * unmarked indicator (by the cached unit object, parse/chunks.ts keeping it while its chunk is
 * cached, and by the unit's words, per name index: a keystroke re-detects only the sentence it
 * changed), and which units readings.ts mayName let through. All of it is per name index (one per
 * catalog) and threshold; cleared with the other caches (caches.ts registerCache). Bounded.
 */
import { registerCache, unpinned } from '../caches';
import type { ProseUnit } from './prose';

type Stamp = { idx: object; threshold: number };

let nothingNamed = new WeakMap<object, Set<string>>();
const MAX_NOTHING_NAMED = 50_000;
let unitNamesNothing = new WeakMap<ProseUnit, Stamp>();
let unitMayName = new WeakMap<ProseUnit, Stamp>();
registerCache(() => {
  nothingNamed = new WeakMap();
  unitNamesNothing = new WeakMap();
  unitMayName = new WeakMap();
});

const same = (seen: Stamp | undefined, idx: object, threshold: number) => !!seen && seen.idx === idx && seen.threshold === threshold;

/** Whether the unit (by its cached origin) is known to name nothing unmarked for this index and threshold. */
export function namesNothing(unit: ProseUnit, idx: object, threshold: number): boolean {
  return same(unitNamesNothing.get(unit.origin ?? unit), idx, threshold);
}

/** Remembers that the unit (by its cached origin) names nothing unmarked. */
export function noteNamesNothing(unit: ProseUnit, idx: object, threshold: number): void {
  unitNamesNothing.set(unit.origin ?? unit, { idx, threshold });
}

/** Whether readings.ts mayName let the unit (by its cached origin) through before, for this index and threshold. */
export function mayNameKnown(unit: ProseUnit, idx: object, threshold: number): boolean {
  return same(unitMayName.get(unit.origin ?? unit), idx, threshold);
}

export function noteMayName(unit: ProseUnit, idx: object, threshold: number): void {
  unitMayName.set(unit.origin ?? unit, { idx, threshold });
}

/**
 * The unit's words as a key: each part's masked text, its text as written (`text`: the report) and
 * its references, and the threshold. Its own copy (caches.ts unpinned): the slices in it would keep
 * this version of the text alive.
 */
export function wordsKey(text: string, unit: ProseUnit, threshold: number): string {
  return unpinned(`${threshold}\u0003${unit.parts.map((p) => `${p.text}\u0001${text.slice(p.start, p.start + p.text.length)}\u0001${p.refs.map((r) => r.inner).join('\u0002')}`).join('\u0003')}`);
}

/** Whether units of these words (`wordsKey`) are known to name nothing for this index. */
export function wordsNameNothing(idx: object, key: string): boolean {
  return !!nothingNamed.get(idx)?.has(key);
}

export function noteWordsNameNothing(idx: object, key: string): void {
  let known = nothingNamed.get(idx);
  if (!known) nothingNamed.set(idx, (known = new Set()));
  if (known.size >= MAX_NOTHING_NAMED) known.clear();
  known.add(key);
}
