// Builds the .vsix with @vscode/vsce from the built bundles in out/ (run `npm run build` first;
// `npm run package` does both). `node scripts/e2e/package.mjs [--out FILE]`.
// packageProduction: the same .vsix, minified, from a copy (the e2e's vsix phase, test/unit/package.test.ts).
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from './common.mjs';

export const VSCE_ARGS = [
  'package',
  '--no-dependencies', // esbuild bundles the dependencies into out/*.js
  // README's relative links (docs, screenshots) become links into package.json's "repository",
  // so they work on the Marketplace page, where the .vsix's own files are not served.
  // vsce asks "continue? [y/N]" when no LICENSE is among the packaged files; package.json's
  // "files" decides what is packaged (vsce refuses a .vscodeignore beside it). The e2e run warns
  // when the .vsix holds no LICENSE.
  '--skip-license',
];

/** Packages the extension in `dir` into `out`; returns { file, bytes, entries }. Throws with vsce's output on failure. */
export function packageVsix(dir = ROOT, out = join(dir, defaultName(dir))) {
  const vsce = join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, ...VSCE_ARGS, '--out', out], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'], // no stdin: a question from vsce fails instead of hanging
    timeout: 180_000,
  });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) throw new Error(`vsce package failed (${r.status ?? r.signal ?? r.error}):\n${output}`);
  // vsce deflates at zlib's default level; the same entries at the highest level are ~1 % smaller.
  const z = spawnSync(process.execPath, [join(ROOT, 'scripts', 'e2e', 'recompress.mjs'), out], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 180_000 });
  if (z.status !== 0) throw new Error(`recompressing ${out} failed (${z.status ?? z.signal ?? z.error}):\n${z.stdout ?? ''}${z.stderr ?? ''}`);
  const entries = listVsix(out);
  return { file: out, bytes: statSync(out).size, entries, output };
}

/**
 * The .vsix as `npm run package` makes it, without touching out/ and its test bundles: the
 * repository copied into `dir` (an empty folder; no node_modules, out, .git, test, bench, e2e
 * state or .vsix), the production build (minified bundles, scripts/build.mjs --production) written
 * into `dir`/out, then packaged into `out`. Returns packageVsix's result; throws with the build's or
 * vsce's output on failure.
 */
export function packageProduction(dir, out = join(dir, defaultName(ROOT))) {
  const skip = new Set(['node_modules', 'out', '.git', 'test', 'bench', '.e2e', '.vscode-test']);
  cpSync(ROOT, dir, { recursive: true, filter: (src) => !skip.has(relative(ROOT, src).split(sep)[0]) && !src.endsWith('.vsix') });
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs'), '--production', '--outdir', join(dir, 'out')], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000,
  });
  if (build.status !== 0) throw new Error(`the production build failed (${build.status ?? build.signal ?? build.error}):\n${build.stdout ?? ''}${build.stderr ?? ''}`);
  return packageVsix(dir, out);
}

function defaultName(dir) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  return `${pkg.name}-${pkg.version}.vsix`;
}

/** The files inside a .vsix (a zip), read from its central directory. */
export function listVsix(file) {
  const buf = readFileSync(file);
  const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const names = [];
  for (let i = 0; i < count; i++) {
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    names.push(buf.toString('utf8', p + 46, p + 46 + nameLen));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const i = process.argv.indexOf('--out');
  try {
    const r = packageVsix(ROOT, i > 0 ? resolve(process.argv[i + 1]) : undefined);
    process.stdout.write(r.output);
    console.log(`${r.file}: ${(r.bytes / 1024).toFixed(0)} KiB, ${r.entries.length} entries`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
