/**
 * The content caches of the core (chunk models, prose units, sentences that name nothing, folded
 * sentences): each keyed by the text it was derived from, so never stale, only bounded. They make a
 * keystroke cost what it changed. `clearContentCaches` empties them all, for measurements of a
 * first check (the benchmark, the linear-time tests).
 */
const clearers = new Set<() => void>();

export function registerCache(clear: () => void): void {
  clearers.add(clear);
}

export function clearContentCaches(): void {
  for (const clear of clearers) clear();
}
