// Builds the benchmark's own bundles into out-bench/ (never touches out/, which other tests use):
// the language server, the CLI (and boot.js, the editor's entry that loads it through V8's code
// cache), and the core for in-process runs, with the same esbuild options as
// scripts/build.mjs and its serverLazy plugin (the CLI bundle loads the server library only for `lsp`).
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { aliases } from '../scripts/aliases.mjs';
import { shippedCatalog } from '../scripts/shipped-catalog.mjs';
import { serverLazy } from '../scripts/server-lazy.mjs';

export const root = new URL('..', import.meta.url).pathname;
export const outDir = join(root, 'out-bench');

export async function build(dir = outDir) {
  mkdirSync(dir, { recursive: true });
  await esbuild.build({
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    sourcemap: 'linked',
    external: ['vscode'],
    loader: { '.yaml': 'text' },
    alias: aliases,
    // As scripts/build.mjs: some packages (jsonc-parser) ship a UMD "main" that bundlers cannot follow.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
    plugins: [serverLazy],
    absWorkingDir: root,
    entryPoints: { server: 'server/src/server.ts', cli: 'server/src/cli.ts', boot: 'server/src/boot.ts', core: 'bench/core.ts' },
    outdir: dir,
  });
  writeFileSync(join(dir, 'default-catalog.yaml'), shippedCatalog(readFileSync(join(root, 'server/src/core/catalog/default-catalog.yaml'), 'utf8')));
  // The CLI as bin/policy-report.js runs it, but from out-bench/.
  writeFileSync(
    join(dir, 'policy-report.js'),
    "const { main } = require('./cli.js');\nmain(process.argv.slice(2)).then((c) => { if (c >= 0) process.exitCode = c; }, (e) => { process.stderr.write(String(e) + '\\n'); process.exitCode = 2; });\n",
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await build(process.argv[2] ?? outDir);
