/**
 * What out/boot.js (boot.ts) shares with the client that sets its directory and the tests: nothing
 * here runs on load.
 */
import { createHash } from 'node:crypto';

/** The environment variable naming the directory of the server bundle's code cache (the client sets it). */
export const CODE_CACHE_ENV = 'POLICY_REPORT_CODE_CACHE';

/**
 * The cache file's name for this bundle text and this V8 (V8 checks only a source's length and its
 * own flags before it uses a cache: the name carries the text's hash).
 */
export function codeCacheName(source: string): string {
  const hash = createHash('sha256').update(source).update('\0').update(process.versions.v8).update('\0').update(process.arch).digest('hex');
  return `code-cache-${hash.slice(0, 24)}.bin`;
}
