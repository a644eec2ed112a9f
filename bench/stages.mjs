// Where a prose keystroke's CPU goes, several builds in ONE process, interleaved keystroke by
// keystroke (the load of a shared machine falls on every build alike):
//   node bench/stages.mjs [--sessions 200] [--edits 200] [--warm 40] DIR_A DIR_B …
// Each DIR is a core bundle (bench/build.mjs). Each build gets its own LanguageService over the same
// generated workspace (indexed when --sessions > 0); at each keystroke every build, in a rotating
// order, parses the new version (parseReport), analyzes it (analyze, with the history when indexed)
// and checks it through its service (service.check: its own parse, analysis, history and rules). One
// JSON line per build: CPU ms per keystroke of each stage after `--warm` keystrokes, and load1.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { readArgs } from './args.mjs';
import { listReports } from './files.mjs';
import { load1, typingSpot } from './profile.mjs';
import { writeWorkspace } from './workspace.mjs';

const args = readArgs(process.argv.slice(2), { '--sessions': 200, '--edits': 200, '--warm': 40 }, 'dirs');
const dir = join(tmpdir(), `policy-report-stages-${args.sessions}`);
const w = writeWorkspace(dir, { sessions: args.sessions, sessionKb: 50, draftKbs: [100], seed: 1 });
const uri = pathToFileURL(join(dir, 'du-thao-100kb.report.md')).toString();
const require = createRequire(import.meta.url);
const builds = [];
for (const d of args.dirs) {
  const core = require(join(d, 'core.js'));
  const files = new core.InMemoryWorkspace();
  if (args.sessions) for (const f of listReports(dir)) files.files.set(pathToFileURL(f).toString(), readFileSync(f, 'utf8'));
  const cat = join(dir, '.policy-report/indicators.yaml');
  files.files.set(pathToFileURL(cat).toString(), readFileSync(cat, 'utf8'));
  const service = new core.LanguageService({ workspace: files, folders: [pathToFileURL(dir).toString()], lang: 'vi' });
  await service.reloadCatalog();
  if (args.sessions) await service.indexWorkspace();
  builds.push({ build: d, core, service, parse: 0, analyze: 0, check: 0 });
}
let text = w.drafts[100];
for (const b of builds) b.service.check(uri, text, 1);
const at = typingSpot(text);
const TYPED = ' trong toàn hệ thống chính trị, từ trung ương đến cơ sở';
const cpu = (f) => {
  const c0 = process.cpuUsage();
  f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / 1000;
};
const loads = [load1()];
for (let i = 0; i < args.edits; i++) {
  text = text.slice(0, at + i) + TYPED[i % TYPED.length] + text.slice(at + i);
  for (let j = 0; j < builds.length; j++) {
    const b = builds[(i + j) % builds.length];
    let doc;
    const p = cpu(() => (doc = b.core.parseReport(text, uri)));
    const a = cpu(() => b.core.analyze(doc, b.service.catalogs.catalog, args.sessions ? b.service.history : undefined));
    const c = cpu(() => b.service.check(uri, text, i + 2));
    if (i >= args.warm) (b.parse += p), (b.analyze += a), (b.check += c);
  }
}
loads.push(load1());
const n = args.edits - args.warm;
const r2 = (x) => Math.round((x / n) * 100) / 100;
for (const b of builds) process.stdout.write(JSON.stringify({ build: b.build, sessions: args.sessions, parse_ms: r2(b.parse), analyze_ms: r2(b.analyze), check_ms: r2(b.check), load1: loads }) + '\n');
