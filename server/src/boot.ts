/**
 * The language server's entry in the editor (out/boot.js): loads the CLI bundle (out/cli.js, whose
 * `lsp` is the server) through V8's code cache, then runs its `main` with this process's arguments.
 *
 * A new server process compiles the 2 MB bundle and, while it checks the open drafts, every function
 * the check runs: a tenth of the CPU before the first diagnostics. The cache (V8's serialized code of
 * the bundle, made by the previous server after its first index, lsp/code-cache.ts) spares that. It
 * lives in the directory named by the environment variable CODE_CACHE_ENV (boot-env.ts) (the client gives the
 * extension's global storage), one file per bundle text and V8 version: V8 itself checks only the
 * source's length and its flags, so the file's name carries a hash of the text. Whatever goes wrong
 * (no directory, no file, a symlink, an unreadable or rejected cache, a failed compilation) the bundle
 * loads as a plain `require` would, and the server makes a new cache later.
 *
 * Kept tiny and free of the bundle's modules: it runs before them.
 */
import { lstatSync, readFileSync } from 'node:fs';
import Module from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { CODE_CACHE_ENV, codeCacheName } from './boot-env';

/** A cache larger than this is not read (a V8 cache of the bundle is about 1.5 MB). */
const MAX_CACHE_BYTES = 64 * 1024 * 1024;

/** What the bundle's lsp/code-cache.ts is given to save a cache once the server has warmed up. */
export interface CodeCacheSource {
  /** Where the cache of this bundle and this V8 goes (its directory may not exist yet). */
  file: string;
  /** Was a cache read and accepted by V8 for this start? */
  used: boolean;
  /** V8's code of the bundle, with every function compiled so far. */
  make(): Buffer;
}

interface CliBundle {
  main(argv: string[]): Promise<number>;
  setCodeCacheSource?(source: CodeCacheSource): void;
}

/** The cache's bytes, if `file` is a regular file (never a symlink) of a sane size. */
function readCache(file: string): Buffer | undefined {
  try {
    const st = lstatSync(file);
    if (!st.isFile() || st.size === 0 || st.size > MAX_CACHE_BYTES) return undefined;
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Loads `bundle` (a CommonJS file) through the code cache in `dir`; undefined when it cannot. */
function loadCached(bundle: string, dir: string): CliBundle | undefined {
  let source: string;
  try {
    source = readFileSync(bundle, 'utf8');
  } catch {
    return undefined;
  }
  const file = join(dir, codeCacheName(source));
  const cachedData = readCache(file);
  let script: Script;
  try {
    script = new Script(Module.wrap(source), { filename: bundle, cachedData });
  } catch {
    return undefined;
  }
  // The module as Node's loader would make it (not the main module: the bundle's own entry code
  // leaves starting to whoever loaded it, as with bin/policy-report.js).
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(dirname(bundle));
  const run = script.runInThisContext() as (exports: unknown, require: NodeRequire, module: Module, filename: string, dirname: string) => void;
  run.call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, dirname(bundle));
  mod.loaded = true;
  const cli = mod.exports as CliBundle;
  const used = cachedData !== undefined && !script.cachedDataRejected;
  cli.setCodeCacheSource?.({ file, used, make: () => script.createCachedData() });
  return cli;
}

function start(): void {
  const bundle = join(__dirname, 'cli.js');
  const dir = process.env[CODE_CACHE_ENV];
  // The server's own worker threads load the bundle by its name; they need not see the variable.
  delete process.env[CODE_CACHE_ENV];
  const cli = (dir ? loadCached(bundle, dir) : undefined) ?? (require(bundle) as CliBundle);
  cli.main(process.argv.slice(2)).then(
    (code) => {
      if (code >= 0) process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`policy-report: ${String(e)}\n`);
      process.exitCode = 2;
    },
  );
}

start();
