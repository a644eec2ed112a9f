// What the held shapes keep in the heap at the end of a session (issue #15, round 31): the 100 KB draft
// indexed and checked in process, `--edits` prose keystrokes, then the server's full collection
// (lsp/collect.ts collectGarbage: the held shapes passed, their maps and the optimized code on them
// kept) and after it plain `gc()`s (nothing held: the code on maps of no live object thrown away).
// One JSON line: the heap used and the code space after each (MB), and load1.
//   node --expose-gc bench/held-heap.mjs [--sessions 200] [--edits 50] DIR
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { readArgs } from './args.mjs';
import { draftWorkspace, indexedService, load1, typingSpot } from './profile.mjs';

const args = { sessionKb: 50, ...readArgs(process.argv.slice(2), { '--sessions': 200, '--draft-kb': 100, '--edits': 50 }, 'dirs') };
const ws = await draftWorkspace(args);
const { core, service } = await indexedService(args.dirs[0], ws.dir);
const uri = pathToFileURL(ws.file).toString();
let text = readFileSync(ws.file, 'utf8');
service.check(uri, text, 1);
const at = typingSpot(text);
for (let i = 0; i < args.edits; i++) {
  text = text.slice(0, at + i) + 'a' + text.slice(at + i);
  service.check(uri, text, 2 + i);
}
const MB = 1048576;
const r1 = (x) => Math.round((x / MB) * 10) / 10;
const figures = () => {
  const code = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'code_space');
  return { heap_mb: r1(v8.getHeapStatistics().used_heap_size), code_mb: r1(code.space_used_size) };
};
const out = { build: args.dirs[0], load1: load1() };
// (a GrowthCollector of slack 0 collects at once, as collectGarbage; a build before round 30's has none)
for (let i = 0; i < 2; i++) core.GrowthCollector ? new core.GrowthCollector(0).between() : global.gc();
out.held = figures();
for (let i = 0; i < 3; i++) global.gc();
out.unheld = figures();
process.stdout.write(JSON.stringify(out) + '\n');
