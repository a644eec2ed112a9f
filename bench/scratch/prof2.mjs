// Index the workspace, then profile N checks of a draft with the inspector (only the checks).
import { createRequire } from 'node:module';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Session } from 'node:inspector/promises';
const require = createRequire(import.meta.url);
const core = require(process.env.CORE ?? '/work/main/out-bench/core.js');
const dir = process.argv[2];
const draftName = process.argv[3];
const n = Number(process.argv[4] ?? 5);
const ws = new core.InMemoryWorkspace();
const uri = pathToFileURL(dir).toString();
for (const f of readdirSync(dir + '/phien')) ws.files.set(`${uri}/phien/${f}`, readFileSync(`${dir}/phien/${f}`, 'utf8'));
const svc = new core.LanguageService({ workspace: ws, folders: [uri], lang: 'vi' });
await svc.reloadCatalog();
let t = performance.now();
await svc.indexWorkspace();
console.log('index', Math.round(performance.now() - t), 'entries', svc.history.entryCount);
const text = readFileSync(`${dir}/${draftName}`, 'utf8');
const du = `${uri}/${draftName}`;
svc.check(du, text, 1);
const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.start');
const times = [];
for (let i = 0; i < n; i++) {
  // a prose keystroke: insert a char in the middle (positions shift, figures the same)
  const mid = text.indexOf('được nâng lên rõ rệt.', text.length / 2);
  const t2 = text.slice(0, mid) + 'x'.repeat(i + 1) + text.slice(mid);
  t = performance.now(); svc.check(du, t2, i + 2); times.push(Math.round(performance.now() - t));
}
const { profile } = await session.post('Profiler.stop');
writeFileSync('/tmp/check.cpuprofile', JSON.stringify(profile));
console.log('checks', times.join(' '));
