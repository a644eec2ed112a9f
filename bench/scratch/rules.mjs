import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
const require = createRequire(import.meta.url);
const core = require('/work/main/out-bench/core.js');
const dir = process.argv[2] ?? '/tmp/policy-report-bench-20x50';
const draftName = process.argv[3] ?? 'du-thao-100kb.report.md';
const ws = new core.InMemoryWorkspace();
const uri = pathToFileURL(dir).toString();
for (const f of readdirSync(dir + '/phien')) ws.files.set(`${uri}/phien/${f}`, readFileSync(`${dir}/phien/${f}`, 'utf8'));
const svc = new core.LanguageService({ workspace: ws, folders: [uri], lang: 'vi' });
await svc.reloadCatalog();
await svc.indexWorkspace();
const text = readFileSync(`${dir}/${draftName}`, 'utf8');
const du = `${uri}/${draftName}`;
const a = svc.analysis(du, text, 1);
const tot = {};
for (let i = 0; i < 4; i++) {
  for (const r of core.rules) {
    const t = performance.now();
    let n = 0;
    r.check(a, () => n++);
    if (i > 0) tot[r.id] = (tot[r.id] ?? 0) + (performance.now() - t) / 3;
  }
}
let t = performance.now(); for (let i = 0; i < 3; i++) core.parseReport(text, du); console.log('parse', Math.round((performance.now() - t) / 3));
t = performance.now(); for (let i = 0; i < 3; i++) core.analyze(a.doc, a.catalog); console.log('analyze', Math.round((performance.now() - t) / 3));
for (const [k, v] of Object.entries(tot).sort((x, y) => y[1] - x[1])) console.log(k.padEnd(28), v.toFixed(1));
