/**
 * The language server's node options: the one place they are set. The client starts the server
 * with them (extension.ts), and so do the benchmark (bench/server-options.mjs reads this file) and
 * the tests that start the server as the editor does (test/protocol/code-cache.test.ts: V8's code
 * cache carries a hash of the flags, so a cache is only used under the same ones). No import here:
 * the file is read by scripts outside the bundle.
 *
 * A 64 MB young generation: what one check allocates (a document version, its analysis and
 * findings) dies there instead of filling the old generation, whose collection paused keystrokes
 * for 100–200 ms (docs/performance.md).
 */
export const SERVER_NODE_OPTIONS = ['--max-semi-space-size=64'];
