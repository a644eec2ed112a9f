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
import { readForHistory } from '../../server/src/core/indexed';
import { historyReader } from '../../server/src/lsp/index-worker';

const report = (i: number) => `---\nsession: ${i}\ndate: 2024-0${i}-10\nperiod: 2024-S1\ntitle: Phiên họp thứ ${i}\n---\n\n## Kết quả đạt được\n\n[[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt ${40 + i}%.\n`;

describe('the history reader without its worker thread', function () {
  this.timeout(60000);
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
});
