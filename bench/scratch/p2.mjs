import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { lint } from 'markdownlint/sync';
const require = createRequire(import.meta.url);
const core = require('/work/main/out-bench/core.js');
const doc = readFileSync('/work/main/docs/dialect.md', 'utf8');
console.log('dialect bytes', doc.length);
const text = readFileSync('/tmp/policy-report-bench-20x50/du-thao-100kb.report.md', 'utf8');
const lines = text.split('\n');
for (const n of [100, 200, 400, 800]) {
  const t = lines.slice(0, n).join('\n');
  let s = performance.now(); core.parseReport(t, 'file:///x.report.md'); const a = performance.now() - s;
  s = performance.now(); lint({ strings: { x: t } }); const b = performance.now() - s;
  console.log(n, t.length, Math.round(a), Math.round(b));
}
for (let i = 0; i < 2; i++) {
let s = performance.now(); core.parseReport(doc, 'file:///x.report.md'); const a = performance.now() - s;
s = performance.now(); lint({ strings: { x: doc } }); const b = performance.now() - s;
console.log('dialect', Math.round(a), Math.round(b));
}
