// Shows that two builds read the same: the document model of every report (parseReport, the full
// reading and the history's), hashed, for builds that should differ only in speed.
//   node bench/same-reading.mjs [--sessions 50] DIR_A [DIR_B …]
// Each DIR is a core bundle built by `node bench/build.mjs DIR` (an earlier commit's for "before").
// The reports: the bench's workspace (as check1mb.mjs makes it: its sessions and the 100 KB and 1 MB
// drafts), examples/ and the fixtures' *.report.md. Each report is parsed alone, the content caches
// emptied before each (a first reading), and its model written out as JSON (the line index and the
// text left out: they are the input). One line per build: the reports read and three hashes: the
// full model, the history's model (parseReport `history`: ranges the history never keeps may differ
// between builds that save the same) and `saved`, what the history keeps of each report (core/indexed.ts
// readForHistory: the saved form the index worker sends; the same for builds that index alike).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readArgs } from './args.mjs';
import { listReports } from './files.mjs';

const args = readArgs(process.argv.slice(2), { '--sessions': 50 }, 'dirs');
const root = new URL('..', import.meta.url).pathname;

async function workspace() {
  const { writeWorkspace } = await import('./workspace.mjs');
  const dir = join(tmpdir(), `policy-report-bench-${args.sessions}x50`);
  const w = writeWorkspace(dir, { sessions: args.sessions, sessionKb: 50, draftKbs: [100, 1024], seed: 1 });
  for (const kb of [100, 1024]) writeFileSync(join(dir, `du-thao-${kb}kb.report.md`), w.drafts[kb]);
  return dir;
}

const reports = [...listReports(await workspace()), ...listReports(join(root, 'examples')), ...listReports(join(root, 'test/fixtures'))];
const model = (doc) => JSON.stringify(doc, (k, v) => (k === 'lines' || k === 'text' ? undefined : v));
for (const dir of args.dirs) {
  const core = createRequire(import.meta.url)(join(dir, 'core.js'));
  const full = createHash('sha256');
  const history = createHash('sha256');
  const saved = createHash('sha256');
  for (const file of reports) {
    const text = readFileSync(file, 'utf8');
    const uri = `file://${file}`;
    core.clearContentCaches();
    full.update(`${file}\0${model(core.parseReport(text, uri))}\0`);
    core.clearContentCaches();
    history.update(`${file}\0${model(core.parseReport(text, uri, { history: true }))}\0`);
    core.clearContentCaches();
    core.forgetHistoryReadings();
    saved.update(`${file}\0${JSON.stringify(core.readForHistory(uri, text).saved)}\0`);
  }
  process.stdout.write(JSON.stringify({ dir, reports: reports.length, full: full.digest('hex').slice(0, 16), history: history.digest('hex').slice(0, 16), saved: saved.digest('hex').slice(0, 16) }) + '\n');
}
