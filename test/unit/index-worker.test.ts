/**
 * The history's reader (lsp/index-worker.ts) when its worker thread cannot run its part: here the
 * worker starts on this test bundle, which is no server bundle and throws at once. The reading
 * then runs in this thread, the log says so, and every record is there: the saved form of each
 * readable report (the same as the history's cheap path gives), a refusal for an unreadable one.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Msg } from '../../server/src/core/i18n';
import * as v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { readForHistory, type HistoryRecord } from '../../server/src/core/indexed';
import { historyReader, processSemiSpaceMb, workerYoungGeneration } from '../../server/src/lsp/index-worker';

const report = (i: number) => `---\nsession: ${i}\ndate: 2024-0${i}-10\nperiod: 2024-S1\ntitle: Phiên họp thứ ${i}\n---\n\n## Kết quả đạt được\n\n[[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt ${40 + i}%.\n`;

describe('the history reader without its worker thread', function () {
  let dir: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-reader-'));
    for (let i = 1; i <= 3; i++) writeFileSync(path.join(dir, `phien-0${i}.report.md`), report(i));
    // Binary: refused by the guarded reader.
    writeFileSync(path.join(dir, 'hong.report.md'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0]));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('falls back to this thread, says so, and loses no record', async () => {
    const logs: string[] = [];
    const notes = new Map<string, Msg | undefined>();
    const reader = historyReader({ readOptions: () => ({ within: [dir] }), noteRead: (uri, why) => notes.set(uri, why), log: (m) => logs.push(m) });
    const uris = ['phien-01', 'phien-02', 'phien-03', 'hong', 'mat'].map((n) => pathToFileURL(path.join(dir, `${n}.report.md`)).toString());
    const steps: string[] = [];
    // phien-02 as the saved index has it: no parse, a null saved form.
    const known = { [uris[1]]: (readForHistory(uris[1], report(2)) as { hash: string }).hash };
    const records = await reader(uris, known, (done, total) => void steps.push(`${done}/${total}`));
    assert.equal(logs.length, 1);
    assert.match(logs[0], /the index's worker thread failed .*; indexing 5 reports in the server's thread/);
    assert.deepEqual(steps, ['1/5', '2/5', '3/5', '4/5', '5/5']);
    assert.deepEqual(records[0], readForHistory(uris[0], report(1)));
    assert.deepEqual(records[1], { ...readForHistory(uris[1], report(2)), saved: null });
    assert.equal((records[0] as { saved: { refs: unknown[] } }).saved.refs.length, 1);
    assert.deepEqual(records[3], { uri: uris[3] });
    assert.deepEqual(records[4], { uri: uris[4] });
    // The unreadable file's refusal is noted (a diagnostic on it); a missing one has none.
    assert.ok(notes.get(uris[3])?.en);
    assert.equal(notes.get(uris[4]), undefined);
    assert.ok(notes.has(uris[4]));
    // Plain data: what crosses a thread survives a structured clone as it is.
    assert.deepEqual(structuredClone(records), records);
  });

  it('with `each`, tells every record once as it comes and keeps none', async () => {
    const notes = new Map<string, Msg | undefined>();
    const reader = historyReader({ readOptions: () => ({ within: [dir] }), noteRead: (uri, why) => notes.set(uri, why), log: () => undefined });
    const uris = ['phien-01', 'phien-02', 'phien-03', 'hong', 'mat'].map((n) => pathToFileURL(path.join(dir, `${n}.report.md`)).toString());
    const told: HistoryRecord[] = [];
    const kept = await reader(uris, {}, undefined, (r) => {
      // Each record is told after its refusal is noted (a diagnostic may be published from `each`).
      assert.ok(notes.has(r.uri));
      told.push(r);
    });
    assert.deepEqual(kept, []);
    assert.deepEqual(told, await reader(uris, {}));
    assert.ok(notes.get(uris[3])?.en);
  });
});

describe("the index worker's young generation", function () {

  it("reads the process's --max-semi-space-size (the last one given wins)", () => {
    assert.equal(processSemiSpaceMb(['--max-semi-space-size=64'], ''), 64);
    assert.equal(processSemiSpaceMb(['--max_semi_space_size=32'], '--max-semi-space-size=8'), 32);
    assert.equal(processSemiSpaceMb([], '--max-semi-space-size=16 --expose-gc'), 16);
    assert.equal(processSemiSpaceMb(['--max-old-space-size=4096'], ''), undefined);
  });

  // V8 reads --max-semi-space-size when it makes any isolate's heap: while it is set, a worker's
  // resourceLimits do not bound its young generation (the server runs with 64: every index worker
  // had 3 × 64 MB). Unset while the worker's isolate is made, its own limit holds.
  it("a process-wide semi-space size wins over a worker's resourceLimits unless unset while the worker starts", async () => {
    const newSpaceMb = (unset: boolean) =>
      new Promise<number>((resolve, reject) => {
        v8.setFlagsFromString('--max-semi-space-size=64');
        const started = unset ? workerYoungGeneration(1, 64) : () => undefined;
        // Fills the young generation many times over: it grows to its bound.
        const code = `const v8 = require('node:v8'); let max = 0; for (let k = 0; k < 40; k++) { const a = []; for (let i = 0; i < 100000; i++) a.push({ i, s: 'x' + i }); max = Math.max(max, v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size); } require('node:worker_threads').parentPort.postMessage(max / 1048576);`;
        const w = new Worker(code, { eval: true, resourceLimits: { maxYoungGenerationSizeMb: 24 } });
        w.on('online', started);
        w.on('message', (mb: number) => void w.terminate().then(() => resolve(mb)));
        w.on('error', reject);
      });
    try {
      assert.ok((await newSpaceMb(false)) > 64, 'the flag is expected to win');
      assert.ok((await newSpaceMb(true)) <= 16);
    } finally {
      // This test process's own default again (mocha runs without the flag).
      v8.setFlagsFromString('--max-semi-space-size=0');
    }
  });
});
