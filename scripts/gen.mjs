// `npm run gen`: writes what is generated from the rule registry (scripts/generated.ts: the README
// rule table, package.json's rule settings, the package.nls*.json rule entries, docs/rules/README.md,
// the message table in each docs/rules/<id>.md).
// `npm run gen -- --check`: writes nothing, lists the stale files and exits 1 if there are any
// (test/unit/generated.test.ts checks the same in `npm test`).
import * as esbuild from 'esbuild';
import { existsSync, lstatSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { aliases } from './aliases.mjs';

const root = new URL('..', import.meta.url).pathname;
const check = process.argv.includes('--check');
const outfile = join(root, 'out', 'gen', 'generated.cjs');
mkdirSync(join(root, 'out', 'gen'), { recursive: true });
await esbuild.build({
  absWorkingDir: root,
  entryPoints: ['scripts/generated.ts'],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  loader: { '.yaml': 'text' },
  alias: aliases,
  mainFields: ['module', 'main'],
  logLevel: 'warning',
});
const { generatedFiles, pageFiles, registry } = createRequire(import.meta.url)(outfile);

const stale = [];
for (const f of [...generatedFiles, ...pageFiles(registry)]) {
  const file = join(root, f.path);
  const current = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  const text = f.generate(current, registry);
  if (text === current) continue;
  stale.push(f.path);
  if (check) continue;
  // Atomic, and never through a link.
  if (current !== undefined && lstatSync(file).isSymbolicLink()) throw new Error(`${f.path} is a symbolic link: not written`);
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}
if (check) {
  if (stale.length) {
    console.error(`Stale, run \`npm run gen\`: ${stale.join(', ')}`);
    process.exit(1);
  }
  console.log('Generated files are up to date.');
} else {
  console.log(stale.length ? `Written: ${stale.join(', ')}` : 'Nothing to write: up to date.');
}
