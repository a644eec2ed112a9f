import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { lint } from 'markdownlint/sync';
const require = createRequire(import.meta.url);
const core = require('/work/main/out-bench/core.js');
const text = readFileSync('/tmp/policy-report-bench-20x50/du-thao-100kb.report.md', 'utf8');
const variants = { orig: text, nobrackets: text.replace(/\[\[/g, '<<').replace(/\]\]/g, '>>'), shortlines: text.replace(/\. /g, '.\n') };
for (const [k, t] of Object.entries(variants)) {
  for (let i = 0; i < 2; i++) {
    let s = performance.now(); core.parseReport(t, 'file:///x.report.md'); const a = performance.now() - s;
    s = performance.now(); lint({ strings: { x: t } }); const b = performance.now() - s;
    console.log(k, Math.round(a), Math.round(b));
  }
}
