/**
 * The guarded reader and walker (server/src/io): what a hostile workspace can put on the disk —
 * FIFOs, devices, huge sparse files, binary and non-UTF-8 text, links to outside, link loops —
 * is refused with a reason or skipped, never followed, never blocks.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, truncateSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { readTextFile, isWithin, realPathOf, MAX_FILE_BYTES, MAX_SNIPPET_BYTES } from '../../server/src/io/read';
import { listFiles, walkReports, MAX_WALK_DEPTH } from '../../server/src/io/walk';
import { expandPaths, readWorkspaceFile } from '../../server/src/cli/files';

const FM = '---\nsession: 9\ndate: 2024-07-10\nperiod: 2024-S1\n---\n\nVăn bản.\n';

/** mkfifo, or null where it is not available (the test then says it was skipped). */
function mkfifo(p: string): boolean {
  return spawnSync('mkfifo', [p]).status === 0;
}

describe('guarded IO (server/src/io)', () => {
  let dir: string;
  let outside: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-io-'));
    outside = mkdtempSync(path.join(tmpdir(), 'policy-report-outside-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });

  describe('readTextFile', () => {
    it('reads UTF-8 text, BOM kept for the parser', async () => {
      writeFileSync(path.join(dir, 'a.report.md'), '\uFEFF' + FM);
      assert.deepEqual(await readTextFile(path.join(dir, 'a.report.md')), { text: '\uFEFF' + FM });
    });

    it('a FIFO is refused at once, without waiting for a writer', async function () {
      const fifo = path.join(dir, 'pipe.report.md');
      if (!mkfifo(fifo)) this.skip();
      const r = await readTextFile(fifo);
      assert.ok('reason' in r && /not a regular file/.test(r.reason), JSON.stringify(r));
      assert.ok('why' in r && /không phải tệp thông thường/.test(r.why.vi));
    });

    it('a folder, a missing file and a broken link: refused, missing ones flagged as such', async () => {
      mkdirSync(path.join(dir, 'd.report.md'));
      symlinkSync(path.join(dir, 'nowhere'), path.join(dir, 'broken.report.md'));
      const folder = await readTextFile(path.join(dir, 'd.report.md'));
      assert.ok('reason' in folder && /folder/.test(folder.reason) && !folder.missing);
      const missing = await readTextFile(path.join(dir, 'none.report.md'));
      assert.ok('reason' in missing && missing.missing);
      const broken = await readTextFile(path.join(dir, 'broken.report.md'));
      assert.ok('reason' in broken && broken.missing && /broken link/.test(broken.reason));
    });

    it('a 450 MB sparse report is refused by its size, without reading it', async () => {
      const big = path.join(dir, 'big.report.md');
      closeSync(openSync(big, 'w'));
      truncateSync(big, 450 * 1024 * 1024);
      const used = process.memoryUsage().rss;
      const r = await readTextFile(big);
      assert.ok('reason' in r && /too large \(450\.0 MB; the limit is 8\.0 MB\)/.test(r.reason), JSON.stringify(r));
      assert.ok(process.memoryUsage().rss - used < 100 * 1024 * 1024, 'the file was not read into memory');
    });

    it('limits by kind: a snippet file over its limit, a CSV over its limit, a report under the general one', async () => {
      writeFileSync(path.join(dir, 's.json'), '{"a":"' + 'x'.repeat(MAX_SNIPPET_BYTES) + '"}');
      const s = await readTextFile(path.join(dir, 's.json'));
      assert.ok('reason' in s && /too large/.test(s.reason));
      writeFileSync(path.join(dir, 'figures.csv'), 'indicator,period,value\n' + 'x,2024,1\n'.repeat(200_000));
      const c = await readTextFile(path.join(dir, 'figures.csv'));
      assert.ok('reason' in c && /too large/.test(c.reason));
      writeFileSync(path.join(dir, 'r.report.md'), FM + 'a'.repeat(MAX_FILE_BYTES / 8));
      assert.ok('text' in (await readTextFile(path.join(dir, 'r.report.md'))));
    });

    it('binary and non-UTF-8 are refused, with the offset of the NUL', async () => {
      writeFileSync(path.join(dir, 'b.report.md'), Buffer.from([0x2d, 0x2d, 0, 1]));
      const b = await readTextFile(path.join(dir, 'b.report.md'));
      assert.ok('reason' in b && /binary.*offset 2/.test(b.reason));
      writeFileSync(path.join(dir, 'l.report.md'), Buffer.from('Tổng số: 5 ', 'latin1'));
      const l = await readTextFile(path.join(dir, 'l.report.md'));
      assert.ok('reason' in l && /UTF-8/.test(l.reason));
    });

    it('containment: a link to a file outside the allowed folders is refused, its text never returned', async () => {
      const secret = path.join(outside, 'secret.yaml');
      writeFileSync(secret, 'password: hunter2\n');
      const link = path.join(dir, 'indicators.yaml');
      symlinkSync(secret, link);
      const r = await readTextFile(link, { within: [dir] });
      assert.ok('reason' in r && /outside the workspace/.test(r.reason), JSON.stringify(r));
      assert.ok(!JSON.stringify(r).includes('hunter2'));
      // Named in the user's own settings: read.
      assert.deepEqual(await readTextFile(link, { within: [dir], allowFiles: [link] }), { text: 'password: hunter2\n' });
      // A link that stays inside is read; so is a path through a linked parent of the root itself.
      writeFileSync(path.join(dir, 'real.report.md'), FM);
      symlinkSync(path.join(dir, 'real.report.md'), path.join(dir, 'alias.report.md'));
      assert.ok('text' in (await readTextFile(path.join(dir, 'alias.report.md'), { within: [dir] })));
      const viaLink = path.join(outside, 'ws');
      symlinkSync(dir, viaLink);
      assert.ok('text' in (await readTextFile(path.join(viaLink, 'real.report.md'), { within: [viaLink] })));
      // The CLI's reader keeps a file inside the workspace root of the path it was reached by.
      mkdirSync(path.join(dir, '.policy-report'));
      assert.ok('reason' in (await readWorkspaceFile(link)));
      assert.ok('text' in (await readWorkspaceFile(path.join(dir, 'alias.report.md'))));
    });

    it('isWithin and realPathOf: no prefix confusion; a path not yet there resolves through its parent', async () => {
      assert.ok(isWithin('/ws/p/a', '/ws/p') && isWithin('/ws/p', '/ws/p'));
      assert.ok(!isWithin('/ws/p2/a', '/ws/p') && !isWithin('/ws', '/ws/p') && !isWithin('/ws/p/../q', '/ws/p/x'));
      assert.ok(isWithin('/ws/p/..a', '/ws/p'));
      const real = await realPathOf(path.join(dir, 'not', 'yet.yaml'));
      assert.equal(real, path.join(await realPathOf(dir), 'not', 'yet.yaml'));
    });
  });

  describe('walkReports', () => {
    it('two links to the folder itself (a -> ., b -> .): a finite walk, each report once', () => {
      writeFileSync(path.join(dir, 'one.report.md'), FM);
      mkdirSync(path.join(dir, 'sub'));
      writeFileSync(path.join(dir, 'sub', 'two.report.md'), FM);
      symlinkSync('.', path.join(dir, 'a'));
      symlinkSync('.', path.join(dir, 'b'));
      symlinkSync('..', path.join(dir, 'sub', 'up'));
      const r = walkReports(dir);
      assert.deepEqual(r.files, [path.join(dir, 'one.report.md'), path.join(dir, 'sub', 'two.report.md')]);
      assert.equal(r.truncated, undefined);
      assert.deepEqual(expandPaths([dir]).files, r.files);
    });

    it('a link to a folder outside is not followed; a linked report is listed once by its real path', () => {
      writeFileSync(path.join(outside, 'elsewhere.report.md'), FM);
      symlinkSync(outside, path.join(dir, 'out-link'));
      writeFileSync(path.join(dir, 'x.report.md'), FM);
      symlinkSync(path.join(dir, 'x.report.md'), path.join(dir, 'y.report.md'));
      symlinkSync(path.join(outside, 'elsewhere.report.md'), path.join(dir, 'z.report.md'));
      // x and y are one file; z is listed so that the reader can refuse it with a reason.
      assert.deepEqual(walkReports(dir).files, [path.join(dir, 'x.report.md'), path.join(dir, 'z.report.md')]);
    });

    it('FIFOs named like reports are listed (the reader refuses them); skipped folders are skipped', function () {
      mkdirSync(path.join(dir, 'node_modules'));
      writeFileSync(path.join(dir, 'node_modules', 'n.report.md'), FM);
      mkdirSync(path.join(dir, '.hidden'));
      writeFileSync(path.join(dir, '.hidden', 'h.report.md'), FM);
      const fifo = path.join(dir, 'p.report.md');
      const hasFifo = mkfifo(fifo);
      assert.deepEqual(walkReports(dir).files, hasFifo ? [fifo] : []);
    });

    it(`folders nested more than ${MAX_WALK_DEPTH} deep: the walk stops there and says so`, () => {
      let d = dir;
      for (let i = 0; i < MAX_WALK_DEPTH + 3; i++) {
        d = path.join(d, 'd');
        mkdirSync(d);
      }
      writeFileSync(path.join(d, 'deep.report.md'), FM);
      writeFileSync(path.join(dir, 'top.report.md'), FM);
      const r = walkReports(dir);
      assert.deepEqual(r.files, [path.join(dir, 'top.report.md')]);
      assert.match(r.truncated ?? '', /nested more than/);
    });

    it('listFiles lists what is not a folder, sorted', () => {
      mkdirSync(path.join(dir, 'f'));
      writeFileSync(path.join(dir, 'b.json'), '{}');
      writeFileSync(path.join(dir, 'a.json'), '{}');
      assert.deepEqual(listFiles(dir), [path.join(dir, 'a.json'), path.join(dir, 'b.json')]);
      assert.deepEqual(listFiles(path.join(dir, 'none')), []);
    });
  });
});
