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
let t = performance.now();
await svc.indexWorkspace();
console.log('index', Math.round(performance.now() - t), svc.history.entryCount);
const text = readFileSync(`${dir}/${draftName}`, 'utf8');
const du = `${uri}/${draftName}`;
for (let i = 0; i < 6; i++) {
  t = performance.now(); svc.check(du, text, i + 1); const a = performance.now() - t;
  t = performance.now(); core.parseReport(text, du); const b = performance.now() - t;
  console.log('check', Math.round(a), 'parse', Math.round(b));
}
