// Equivalence: old core vs new core, same inputs, same findings (JSON), through a series of edits.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { rng } from '../workspace.mjs';
const require = createRequire(import.meta.url);
const OLD = require('/tmp/baseline/core-old.js');
const NEW = require('/work/main/out-bench/core.js');
const dir = process.argv[2];
const mutate = Number(process.argv[3] ?? 0);
const r = rng(42);
function walk(d, out = []) {
  for (const n of readdirSync(d).sort()) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}
const files = {};
for (const p of walk(dir)) {
  if (!/\.report\.md$|indicators\.yaml$|figures\.csv$/.test(p)) continue;
  let t = readFileSync(p, 'utf8');
  // Perturb some digits so that the history rules find things.
  if (mutate && p.endsWith('.report.md')) {
    const chars = [...t];
    for (let k = 0; k < mutate; k++) {
      const i = Math.floor(r() * chars.length);
      for (let j = i; j < chars.length; j++) if (/\d/.test(chars[j]) && !/^(session|date|period)/.test(t.slice(t.lastIndexOf('\n', j) + 1, j))) { chars[j] = String(Math.floor(r() * 10)); break; }
    }
    t = chars.join('');
  }
  files[pathToFileURL(p).toString()] = t;
}
const folder = pathToFileURL(dir).toString();
async function svc(core) {
  const ws = new core.InMemoryWorkspace(files);
  const s = new core.LanguageService({ workspace: ws, folders: [folder], lang: 'vi' });
  await s.reloadCatalog();
  await s.indexWorkspace();
  return s;
}
const a = await svc(OLD);
const b = await svc(NEW);
const reports = Object.keys(files).filter((u) => u.endsWith('.report.md'));
let n = 0;
let total = 0;
const codes = {};
function compare(u, text, v) {
  const x = JSON.stringify(a.check(u, text, v));
  const y = JSON.stringify(b.check(u, text, v));
  n++;
  if (x !== y) {
    console.log('DIFF', u, v);
    const fx = JSON.parse(x), fy = JSON.parse(y);
    console.log(fx.length, fy.length);
    for (let i = 0; i < Math.max(fx.length, fy.length); i++) if (JSON.stringify(fx[i]) !== JSON.stringify(fy[i])) { console.log(JSON.stringify(fx[i]), '\n', JSON.stringify(fy[i])); break; }
    process.exit(1);
  }
  for (const f of JSON.parse(x)) codes[f.code] = (codes[f.code] ?? 0) + 1;
  total += JSON.parse(x).length;
}
for (const u of reports) compare(u, files[u], 1);
// Edits: open two documents; type into one (shifts), change a figure, and re-check both each time.
const [d1, d2] = [reports[reports.length - 1], reports[Math.floor(reports.length / 2)]];
let t1 = files[d1];
let t2 = files[d2];
for (let step = 0; step < 60; step++) {
  const which = step % 3;
  if (which === 0) {
    const i = t1.indexOf('\n', Math.floor(t1.length / 3)) + 1;
    t1 = t1.slice(0, i) + (step % 2 ? 'x' : '\n') + t1.slice(i);
  } else if (which === 1) {
    const m = [...t1.matchAll(/\d/g)];
    const k = m[Math.floor(r() * m.length)];
    if (k) t1 = t1.slice(0, k.index) + String(Math.floor(r() * 10)) + t1.slice(k.index + 1);
  } else {
    const m = [...t2.matchAll(/\d/g)];
    const k = m[Math.floor(r() * m.length)];
    if (k) t2 = t2.slice(0, k.index) + String(Math.floor(r() * 10)) + t2.slice(k.index + 1);
  }
  compare(d1, t1, 100 + step);
  compare(d2, t2, 100 + step);
  // A third report, never edited, whose findings depend on both.
  compare(reports[0], files[reports[0]], 1);
}
console.log('equal', n, 'checks,', total, 'findings', JSON.stringify(codes));
