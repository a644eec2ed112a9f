/**
 * The bundle's V8 code cache, saved for the next server (out/boot.js loads the bundle through it:
 * server/src/boot.ts). Boot hands over where the cache goes and how to make it
 * (`setCodeCacheSource`, exported by the CLI bundle); the server takes its bytes after the open
 * drafts' first check (takeCodeCache) and writes them after its first index (saveCodeCache), only
 * when this start had no usable cache. Written atomically (io/write.ts), never
 * through a link (a link in its place is removed); the caches of other bundle texts or V8 versions
 * beside it are removed.
 */
import { lstat, mkdir, readdir, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import type { CodeCacheSource } from '../boot';
import { writeFileAtomic } from '../io/write';

let source: CodeCacheSource | undefined;
let bytes: Buffer | undefined;
let saving: Promise<void> | undefined;

/** Called by out/boot.js when it loaded this bundle through the code cache's directory. */
export function setCodeCacheSource(s: CodeCacheSource): void {
  source = s;
}

/** The caches boot.ts names (codeCacheName): `code-cache-<hash>.bin`. */
const CACHE_NAME = /^code-cache-[0-9a-f]{24}\.bin$/;

/**
 * Makes the cache's bytes now (kept until saveCodeCache writes them), once, when boot gave a place
 * and this start used no cache: after the open drafts' first check (what a start runs before its
 * first diagnostics is compiled then) and before the index's workers start. V8 stamps a cache with a
 * hash of its flags, and the server sets one for a moment while it makes a worker (index-worker.ts
 * workerYoungGeneration): a cache made then would be refused by every later start.
 */
export function takeCodeCache(): void {
  if (!source || source.used || bytes) return;
  try {
    bytes = source.make();
  } catch {
    bytes = undefined;
  }
}

/**
 * Writes the bytes takeCodeCache made, once per process; resolves when written (or when there is
 * nothing to write). Failures go to `warn` (the next start compiles as usual).
 */
export function saveCodeCache(warn: (m: string) => void, log: (m: string) => void): Promise<void> {
  if (!source || !bytes) return Promise.resolve();
  const file = source.file;
  const data = bytes;
  saving ??= (async () => {
    try {
      const dir = path.dirname(file);
      await mkdir(dir, { recursive: true });
      // A link in the cache's place is removed (its target untouched), never written through.
      if ((await lstat(file).catch(() => undefined))?.isSymbolicLink()) await unlink(file);
      await writeFileAtomic(file, data, { force: true });
      for (const name of await readdir(dir)) {
        if (!CACHE_NAME.test(name) || name === path.basename(file)) continue;
        const old = path.join(dir, name);
        if ((await lstat(old)).isFile()) await unlink(old).catch(() => undefined);
      }
      log(`policy-report: code cache saved (${Math.round(data.length / 1024)} KB)`);
    } catch (e) {
      warn(`policy-report: could not save the code cache: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      bytes = undefined;
    }
  })();
  return saving;
}

/** For the log: did this start load the bundle through a cache V8 accepted (undefined: no cache directory)? */
export function codeCacheUsed(): boolean | undefined {
  return source?.used;
}
