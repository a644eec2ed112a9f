/**
 * The language server's node options: the one place they are set. The client starts the server
 * with them (extension.ts), and so do the benchmark (bench/server-options.mjs reads this file) and
 * the tests that start the server as the editor does (test/protocol/code-cache.test.ts: V8's code
 * cache carries a hash of the flags, so a cache is only used under the same ones). No import here:
 * the file is read by scripts outside the bundle.
 *
 * A 16 MB semi-space (the young generation 32 MB): a prose keystroke in the 100 KB draft allocates
 * 2.2 MB, a figure keystroke 2.9 MB, and what they keep is mostly dead by the next scavenge. Round
 * 15 (in process, 200 keystrokes, builds' node options alternated): the CPU time per keystroke the
 * same as with 64 MB (18.5 / 18.6 ms; 19.4 / 20.0 with every collection on the main thread), each
 * scavenge's pause shorter (about half), four times as many; the server's RSS 96 MB lower in every
 * phase. 64 MB was chosen when a keystroke allocated 4.8 MB and a scavenge then paused it longer
 * (docs/performance.md, branch memkey). No --max-old-space-size: a cap would stop a large workspace.
 * V8's allocation-site pretenuring off from the start, not only once the first index is in
 * (server/src/lsp/collect.ts limitHeapGrowth, which sets it for a server started without it): a
 * warm start restores the saved index before that (round 26, the stdio bench at load1 24-33: the warm
 * start's peak RSS 248 / 245 against 257 / 252 MB; bench/memory.mjs --index-only, two rounds
 * alternated at load1 29-38: the first index's CPU 18.0 / 19.3 against 21.3 / 23.1 s, its peak RSS
 * 292 / 260 against 294 / 290 MB).
 */
export const SERVER_NODE_OPTIONS = ['--max-semi-space-size=16', '--no-allocation-site-pretenuring'];

/**
 * The language server's environment, added to the editor's where the process is spawned
 * (extension.ts; the benchmark: bench/server-options.mjs shippedEnv). glibc's malloc reads these
 * at the process's start; setting any of them turns off its dynamic thresholds, which after a large
 * block is freed raise the mmap threshold up to 32 MB and the trim threshold to twice that, so the
 * memory the index's worker, V8's compilers and the Buffers freed stayed in the process. Blocks of
 * 1 MB and more mmapped, 2 MB free at a heap's top given back: the RSS after the first index
 * 266-268 → 244-246 MB, its peak 361-366 → 339-340 MB, the index's CPU 15.6-15.9 → 16.9-17.5 s
 * (200 sessions, round 19, bench/memory.mjs --index-only, two rounds alternated, load1 20-28).
 * glibc's own defaults fixed (128 KB each) gave 238-240 / 338 MB but cost 30-40 % more of the
 * index's CPU (every block over 128 KB a new mapping); MALLOC_ARENA_MAX=2 alone 245 / 351 MB.
 * Other allocators (musl, macOS, Windows) ignore them. MALLOC_ARENA_MAX=2 with the two (round 27,
 * bench/memory.mjs, two rounds alternated, load1 12-23): the session's peak RSS, set while typing in
 * the 1 MB draft, 318 / 327 → 310 / 317 MB, the first index's 295 / 292 → 287 / 286 MB; the server's
 * CPU to the index 17.0 / 17.6 → 20.0 / 18.8 s. The editor's fork gets them (vscode-languageclient
 * merges `options.env` over the editor's environment for cp.fork: lib/node/main.js getEnvironment);
 * that Electron's node allocates through glibc's malloc there is not checked (if not, they are ignored).
 */
export const SERVER_ENV: Record<string, string> = { MALLOC_MMAP_THRESHOLD_: '1048576', MALLOC_TRIM_THRESHOLD_: '2097152', MALLOC_ARENA_MAX: '2' };
