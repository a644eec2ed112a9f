/**
 * The editor starts the server through out/boot.js, which loads the CLI bundle through V8's code
 * cache in the directory the client names (server/src/boot.ts, lsp/code-cache.ts). A first start
 * saves the cache once its index is in; the next start loads through it, with the same diagnostics.
 * A damaged cache is refused by V8 and replaced; a link in its place is neither read nor written
 * through; caches of other bundle texts are removed, other files left.
 */
import * as assert from 'node:assert/strict';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CODE_CACHE_ENV } from '../../server/src/boot-env';
// As the client starts the server (its semi-space flag: the server sets it for a moment while it makes a worker).
import { SERVER_NODE_OPTIONS } from '../../client/src/server-options';
import { repoRoot } from '../helpers';
import { TestLspClient, sessionReport, type Diagnostic } from './lsp-client';


describe('the server loaded through its code cache (out/boot.js)', function () {
  let dir: string;
  let ws: string;
  let cacheDir: string;
  let draftUri: string;
  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'policy-report-code-cache-'));
    ws = path.join(dir, 'ws');
    mkdirSync(ws);
    writeFileSync(path.join(ws, 'phien-01.report.md'), sessionReport(1, '2024-01-10', '40%'));
    writeFileSync(path.join(ws, 'phien-02.report.md'), sessionReport(2, '2024-04-10', '42%'));
    draftUri = pathToFileURL(path.join(ws, 'du-thao.report.md')).toString();
    cacheDir = path.join(dir, 'global', 'code-cache');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const caches = () => readdirSync(cacheDir).filter((n) => /^code-cache-[0-9a-f]{24}\.bin$/.test(n));

  /** One start through boot.js: how the bundle was loaded, the draft's diagnostics after the index, whether a cache was saved. */
  async function start(): Promise<{ loaded: string; after: Diagnostic[]; saved: boolean }> {
    const client = new TestLspClient([process.execPath, ...SERVER_NODE_OPTIONS, path.join(repoRoot, 'out', 'boot.js'), 'lsp', '--stdio'], { ...process.env, [CODE_CACHE_ENV]: cacheDir });
    try {
      const loaded = client.waitForLog(/^policy-report: the bundle was loaded/);
      await client.initialize(pathToFileURL(ws).toString(), 'en', false, { storagePath: path.join(dir, 'storage') });
      await client.open(draftUri, sessionReport(3, '2024-07-10', '46%'));
      await client.indexed();
      const after = await client.waitForDiagnostics(draftUri, (d) => d.some((x) => x.code === 'figure-conflict'));
      const how = await loaded;
      // A start that loaded without a cache saves one (after the index's log line); wait for its word.
      const saved = /without a code cache/.test(how) ? /code cache saved/.test(await client.waitForLog(/^policy-report: (code cache saved|could not save the code cache)/)) : false;
      return { loaded: how, after, saved };
    } finally {
      await client.stop();
    }
  }

  it('saves the cache at the first start, loads through it at the next, with the same findings', async () => {
    const first = await start();
    assert.match(first.loaded, /without a code cache/);
    assert.ok(first.saved);
    assert.equal(caches().length, 1);
    const file = path.join(cacheDir, caches()[0]);
    assert.ok(lstatSync(file).size > 100_000, `${lstatSync(file).size} bytes`);
    const ino = lstatSync(file).ino;
    const second = await start();
    assert.match(second.loaded, /through its code cache/);
    assert.deepEqual(second.after, first.after);
    // Used, not written again.
    assert.equal(lstatSync(file).ino, ino);
  });

  it('refuses a damaged cache, starts as usual and replaces it', async () => {
    const file = path.join(cacheDir, caches()[0]);
    const good = readFileSync(file);
    writeFileSync(file, Buffer.alloc(good.length, 0x5a));
    const run = await start();
    assert.match(run.loaded, /without a code cache/);
    assert.ok(run.saved);
    assert.ok(run.after.some((x) => x.code === 'figure-conflict'));
    assert.notDeepEqual(readFileSync(file), Buffer.alloc(good.length, 0x5a));
    assert.match((await start()).loaded, /through its code cache/);
  });

  it('never reads or writes through a link in its place; removes caches of other bundles, keeps other files', async () => {
    const name = caches()[0];
    const file = path.join(cacheDir, name);
    const elsewhere = path.join(dir, 'elsewhere.bin');
    writeFileSync(elsewhere, readFileSync(file));
    rmSync(file);
    symlinkSync(elsewhere, file);
    const stale = path.join(cacheDir, `code-cache-${'0'.repeat(24)}.bin`);
    writeFileSync(stale, 'old');
    const other = path.join(cacheDir, 'notes.txt');
    writeFileSync(other, 'kept');
    const before = readFileSync(elsewhere);
    const run = await start();
    assert.match(run.loaded, /without a code cache/);
    assert.ok(run.saved);
    assert.ok(lstatSync(file).isFile(), 'the link was replaced by a file');
    assert.deepEqual(readFileSync(elsewhere), before);
    assert.deepEqual(caches(), [name]);
    assert.equal(readFileSync(other, 'utf8'), 'kept');
  });
});
