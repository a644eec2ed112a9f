// What the shipped bundles are made of: `node scripts/bundle-size.mjs [OUTDIR] [--depth N] [--top N]`
// after `node scripts/build.mjs --production --outdir OUTDIR` (default out/). For each bundle
// (cli.js, client.js, lsp-protocol.js) the bytes each package or source folder takes in it, read
// from the bundle's source map, and what that code deflates to on its own (the .vsix is a zip: about
// what it adds to the package; the parts compress a little better together than alone).
// Packages are grouped by name (node_modules/<name>); our own sources by their first `--depth`
// folders (default 3: server/src/core).
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { deflateRawSync } from 'node:zlib';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args.splice(i, 2)[1]) : def;
};
const depth = opt('--depth', 3);
const top = opt('--top', 25);
const outDir = resolve(args[0] ?? 'out');
const root = new URL('..', import.meta.url).pathname;
// Sources are named relative to the bundle's folder.
const dirOf = outDir;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const digit = new Map([...B64].map((c, i) => [c, i]));

/** The source index of every segment of a source map's `mappings`, line by line: [[column, source]…]. */
function segments(mappings) {
  let source = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    const out = [];
    for (const seg of line.split(',')) {
      if (!seg) continue;
      const fields = [];
      let value = 0;
      let shift = 0;
      for (const c of seg) {
        const d = digit.get(c);
        value += (d & 31) << shift;
        if (d & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0];
      if (fields.length > 1) source += fields[1];
      out.push([column, fields.length > 1 ? source : -1]);
      // Fields 2 and 3 (original line and column) are relative too, but only the source matters here.
    }
    return out;
  });
}

/** The group a source path belongs to: its package, or its first folders. */
function group(path) {
  // Packages whose own source maps esbuild followed name their sources by URL.
  if (/^https:\/\/raw\.githubusercontent\.com\/fb55\/entities\//.test(path)) return 'entities';
  if (path.startsWith('webpack://vscode-uri/')) return 'vscode-uri';
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  const parts = relative(root, resolve(dirOf, path)).split(sep);
  return parts.length > depth ? parts.slice(0, depth).join('/') + '/' : parts.join('/');
}

function analyse(file) {
  const code = readFileSync(file, 'utf8');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8'));
  const lines = code.split('\n');
  const parts = new Map();
  const add = (name, text) => parts.set(name, (parts.get(name) ?? '') + text);
  segments(map.mappings).forEach((segs, l) => {
    const line = lines[l] ?? '';
    let at = 0;
    let name = '(bundle glue)';
    for (const [column, source] of segs) {
      add(name, line.slice(at, column));
      at = column;
      name = source < 0 ? '(bundle glue)' : group(map.sources[source]);
    }
    add(name, `${line.slice(at)}\n`);
  });
  const rows = [...parts].map(([name, text]) => ({ name, bytes: Buffer.byteLength(text), zipped: deflateRawSync(text, { level: 9 }).length }));
  rows.sort((a, b) => b.zipped - a.zipped);
  return { bytes: Buffer.byteLength(code), zipped: deflateRawSync(code, { level: 9 }).length, rows };
}

const kib = (n) => (n / 1024).toFixed(1).padStart(7);
for (const name of ['cli.js', 'client.js', 'lsp-protocol.js']) {
  const file = join(outDir, name);
  if (!existsSync(`${file}.map`)) {
    console.log(`${file}.map: missing (build with --production --outdir ${outDir})`);
    continue;
  }
  const r = analyse(file);
  console.log(`\n${name}: ${kib(r.bytes)} KiB, deflated ${kib(r.zipped)} KiB`);
  console.log(`  ${'KiB'.padStart(7)} ${'deflated'.padStart(8)}  part`);
  for (const row of r.rows.slice(0, top)) console.log(`  ${kib(row.bytes)} ${kib(row.zipped).padStart(8)}  ${row.name}`);
  const rest = r.rows.slice(top);
  if (rest.length) console.log(`  ${kib(rest.reduce((s, x) => s + x.bytes, 0))} ${kib(rest.reduce((s, x) => s + x.zipped, 0)).padStart(8)}  (${rest.length} more)`);
}
