/**
 * The content caches of the core (chunk models, prose units, sentences that name nothing, folded
 * sentences): each keyed by the text it was derived from, so never stale, only bounded. They make a
 * keystroke cost what it changed. `clearContentCaches` empties them all, for measurements of a
 * first check (the benchmark, the linear-time tests).
 */
const clearers = new Set<() => void>();
const chunkForgetters = new Set<(chunk: string, kept?: ReadonlySet<string>) => void>();

export function registerCache(clear: () => void): void {
  clearers.add(clear);
}

export function clearContentCaches(): void {
  for (const clear of clearers) clear();
}

/** A cache keyed by chunk text (parse/chunks.ts ChunkCache): `forget` drops one chunk's entry (a table row cache: the rows whose line `kept` has not). */
export function registerChunkCache(forget: (chunk: string, kept?: ReadonlySet<string>) => void): void {
  chunkForgetters.add(forget);
}

/**
 * Drops these chunks' entries from every chunk cache: the chunks of a document that was closed
 * (service.ts forget), which no keystroke will read again, but those `kept` has (keptChunks: the
 * chunks and table rows the other open documents still have; dropped, the next keystroke in such a
 * document derived them anew, a table's hundreds of rows at the first digit typed in it).
 */
export function forgetChunks(chunks: Iterable<string>, kept?: ReadonlySet<string>): void {
  for (const chunk of chunks) if (!kept?.has(chunk)) for (const forget of chunkForgetters) forget(chunk, kept);
}

/** The chunks of these documents and the lines of their chunks that may be table rows: what forgetChunks keeps. */
export function keptChunks(docs: Iterable<ReadonlyArray<{ chunk: string }> | undefined>): Set<string> {
  const kept = new Set<string>();
  for (const pieces of docs) {
    for (const { chunk } of pieces ?? []) {
      kept.add(chunk);
      if (chunk.indexOf('|') >= 0) for (const line of chunk.split(/\r\n|\r|\n/)) if (line.indexOf('|') >= 0) kept.add(line);
    }
  }
  return kept;
}

/**
 * A document's new version replaced `before` (its earlier version's chunks) by `after`: the chunks
 * it no longer has (the one a keystroke changed) are returned, as copies (unpinned), and the ones
 * `pending` held (those the version before had dropped) leave every chunk cache unless `after` has
 * them again, as a closed document's do. So a document's chunks of its current and its previous
 * version stay cached: a digit typed and typed back (undone) finds both versions of its table, and
 * the versions before leave. Kept until the caches' character bound pushed them out, ten digits
 * typed into a 2 286-row table kept 113.5 MB of earlier table models and prose units
 * (cache-pins.test.ts). A chunk another open document shares is read again by that document's next
 * parse (the same model, derived anew).
 */
export function forgetReplaced(before: ReadonlyArray<{ chunk: string }> | undefined, after: ReadonlyArray<{ chunk: string }> | undefined, pending: readonly string[] = []): string[] {
  if (!after) return [];
  const now = new Set<string>();
  for (const p of after) now.add(p.chunk);
  const gone = pending.filter((c) => !now.has(c));
  // (a gone table's rows that `after` still has stay: without them, a digit typed into a second
  // cell read every row of the table again)
  if (gone.length) forgetChunks(gone, gone.some((c) => c.indexOf('|') >= 0) ? keptChunks([after]) : undefined);
  const replaced: string[] = [];
  for (const p of before ?? []) if (!now.has(p.chunk)) replaced.push(unpinned(p.chunk));
  return replaced;
}

/**
 * The same characters, in a string of their own. A slice of a string (`text.slice`, a template or a
 * `+` that keeps a slice) is a view of its whole parent in V8: a cache key or a cached model made of
 * slices of one version of an open document keeps that whole version alive (2 MB of UTF-16 for a
 * 1 MB draft, one version per keystroke) for as long as the entry stays. A cache keeps its keys and
 * the texts its models slice `unpinned`. Concatenation then a slice makes V8 copy the characters
 * into a new flat string (the result is a view of that copy only, one character longer).
 */
export function unpinned(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}
