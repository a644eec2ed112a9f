/**
 * The bundle's V8 code cache, saved for the next server (out/boot.js loads the bundle through it:
 * server/src/boot.ts). Boot hands over where the cache goes and how to make it
 * (`setCodeCacheSource`, exported by the CLI bundle); the server asks for it once it has warmed up
 * (after its first index: the drafts' check and the history's reading have compiled what a start
 * runs), and only when this start had no usable cache. Written atomically (io/write.ts), never
 * through a link (a link in its place is removed); the caches of other bundle texts or V8 versions
 * beside it are removed.
 */
import { lstat, mkdir, readdir, unlink } from 'node:fs/promises';
import * as path from 'node:path';
import type { CodeCacheSource } from '../boot';
import { writeFileAtomic } from '../io/write';

let source: CodeCacheSource | undefined;
let saving: Promise<void> | undefined;

/** Called by out/boot.js when it loaded this bundle through the code cache's directory. */
export function setCodeCacheSource(s: CodeCacheSource): void {
  source = s;
}

/** The caches boot.ts names (codeCacheName): `code-cache-<hash>.bin`. */
const CACHE_NAME = /^code-cache-[0-9a-f]{24}\.bin$/;

/**
 * Saves the code cache once per process, when boot gave a place and this start did not use a cache;
 * resolves when written (or not needed). Failures go to `warn` (the next start compiles as usual).
 */
export function saveCodeCache(warn: (m: string) => void, log: (m: string) => void): Promise<void> {
  if (!source || source.used) return Promise.resolve();
  const s = source;
  saving ??= (async () => {
    try {
      const dir = path.dirname(s.file);
      await mkdir(dir, { recursive: true });
      const bytes = s.make();
      // A link in the cache's place is removed (its target untouched), never written through.
      if ((await lstat(s.file).catch(() => undefined))?.isSymbolicLink()) await unlink(s.file);
      await writeFileAtomic(s.file, bytes, { force: true });
      for (const name of await readdir(dir)) {
        if (!CACHE_NAME.test(name) || name === path.basename(s.file)) continue;
        const old = path.join(dir, name);
        if ((await lstat(old)).isFile()) await unlink(old).catch(() => undefined);
      }
      log(`policy-report: code cache saved (${Math.round(bytes.length / 1024)} KB)`);
    } catch (e) {
      warn(`policy-report: could not save the code cache: ${e instanceof Error ? e.message : String(e)}`);
    }
  })();
  return saving;
}

/** For the log: did this start load the bundle through a cache V8 accepted (undefined: no cache directory)? */
export function codeCacheUsed(): boolean | undefined {
  return source?.used;
}
