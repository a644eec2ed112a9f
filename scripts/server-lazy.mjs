// Our server's modules import vscode-languageserver (values such as CodeActionKind, createConnection):
// scripts/shims/server-lazy.cjs evaluates the library at its first use, so the bundle's modules need
// no lazy start of their own (serve.ts is imported, not required: esbuild would wrap every module the
// server reaches, the whole core, in a lazy initializer, 7 KiB zipped) and the CLI's other commands
// still never load the server library. Used by scripts/build.mjs and bench/build.mjs.
import { join } from 'node:path';

const shim = join(new URL('..', import.meta.url).pathname, 'scripts', 'shims', 'server-lazy.cjs');

export const serverLazy = {
  name: 'server-lazy',
  setup(build) {
    build.onResolve({ filter: /^vscode-languageserver(\/node)?$/ }, (args) => (/[\\/]server[\\/]src[\\/]/.test(args.importer) ? { path: shim } : undefined));
  },
};
