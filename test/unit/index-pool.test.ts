/**
 * The first index's pool of worker threads (lsp/index-worker.ts historyReader), with real workers:
 * this test bundle is started as the workers (its entry runs the worker's part when
 * isIndexWorker(), as the server's bundle does). One worker, two or three read the same records
 * as this thread would, in the reports' order (a report listed twice, two reports of the same
 * text, an unreadable file: a refusal noted, a missing one: an empty record); a worker that stops
 * mid-way costs a second reading in this thread, never a record, and nothing hangs. What the
 * history is made of them (core/indexed.ts readAll: each record made into its document as it
 * arrives, its figures' province keys made then too) is the history of the index read in this
 * thread without a reader, on every rule fixture workspace and the examples; and a report changed
 * or deleted while the workers read keeps what that event gave it.
 */
import * as assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import type { Msg } from '../../server/src/core/i18n';
import { readForHistory, type HistoryReader, type HistoryRecord } from '../../server/src/core/indexed';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { CATALOG_WORKER_ENV, defaultCatalogApart, historyReader, isIndexWorker, releaseSpare, runIndexWorker, workerCount, workerYoungMb, WORKER_ENV, WORKER_YOUNG_ENV, WORKER_YOUNG_MB, WORKERS_ENV } from '../../server/src/lsp/index-worker';
import { DEFAULT_CATALOG_URI, defaultCatalogSource, parseCatalogYaml } from '../../server/src/core/catalog/load';
import { repoRoot } from '../helpers';
import { fixtureWorkspaces } from '../rule-fixtures';
// The bench's generator of synthetic sessions (plain JavaScript).
import { sizedReport } from '../../bench/workspace.mjs';

/** Set (to a count) in the environment the workers start with: each of them stops after telling that many records. */
const STOP_ENV = 'POLICY_REPORT_TEST_INDEX_WORKER_STOPS_AFTER';

if (isIndexWorker()) {
  // This bundle as an index worker (the server's entry does the same).
  const stopAfter = Number(process.env[STOP_ENV]);
  if (stopAfter > 0) {
    const post = parentPort!.postMessage.bind(parentPort!);
    let told = 0;
    parentPort!.postMessage = (m: unknown) => {
      post(m);
      if (++told === stopAfter) process.exit(3);
    };
  }
  void runIndexWorker();
} else {
  describe('the first index read by a pool of worker threads', function () {
    this.timeout(0);
    let dir: string;
    let uris: string[];
    /** The bench's sessions (with provincial figures), two copies of one text, an unreadable file, a missing one, one listed twice. */
    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'policy-report-pool-'));
      const name = (n: string) => pathToFileURL(path.join(dir, `${n}.report.md`)).toString();
      uris = [];
      for (let s = 1; s <= 30; s++) {
        writeFileSync(path.join(dir, `phien-${s}.report.md`), sizedReport({ s, sessions: 30, kb: s % 7 === 0 ? 40 : 6 }));
        uris.push(name(`phien-${s}`));
      }
      writeFileSync(path.join(dir, 'ban-sao.report.md'), readFileSync(path.join(dir, 'phien-5.report.md')));
      writeFileSync(path.join(dir, 'hong.report.md'), Buffer.from([0, 1, 2, 0xff, 0xfe, 0]));
      uris.splice(10, 0, name('ban-sao'), name('hong'), name('mat'), uris[3]);
    });
    after(() => rmSync(dir, { recursive: true, force: true }));

    /** The reader with `env` set while it runs (the workers start with the environment of that moment). */
    async function read(env: Record<string, string>, each?: (r: HistoryRecord) => void) {
      const logs: string[] = [];
      const notes = new Map<string, Msg | undefined>();
      const reader = historyReader({ readOptions: () => ({ within: [dir] }), noteRead: (uri, why) => notes.set(uri, why), log: (m) => logs.push(m) });
      for (const [k, v] of Object.entries(env)) process.env[k] = v;
      try {
        const steps: number[] = [];
        const records = await reader(uris, {}, (done) => void steps.push(done), each);
        return { records, logs, notes, steps };
      } finally {
        for (const k of Object.keys(env)) delete process.env[k];
      }
    }

    /** What this thread reads of each report, in the reports' order. */
    function expected(): HistoryRecord[] {
      return uris.map((uri) => {
        const file = path.join(dir, path.basename(new URL(uri).pathname));
        if (uri.endsWith('/hong.report.md') || uri.endsWith('/mat.report.md')) return { uri };
        return readForHistory(uri, readFileSync(file, 'utf8'));
      });
    }

    it("the default catalog parsed in a worker thread is this thread's parse of the same YAML; none when told not to", async () => {
      const apart = await defaultCatalogApart();
      assert.ok(apart && apart.indicators.length > 100);
      assert.deepEqual(apart, parseCatalogYaml(defaultCatalogSource(), DEFAULT_CATALOG_URI));
      process.env[CATALOG_WORKER_ENV] = '0';
      try {
        assert.equal(await defaultCatalogApart(), null);
      } finally {
        delete process.env[CATALOG_WORKER_ENV];
      }
    });

    it('asks for the workers it is told to, one per 8 reports at most', () => {
      for (const k of [1, 2, 3]) {
        process.env[WORKERS_ENV] = String(k);
        try {
          assert.equal(workerCount(uris.length), k);
          assert.equal(workerCount(15), Math.min(k, 1));
        } finally {
          delete process.env[WORKERS_ENV];
        }
      }
    });

    it('without being told: one per core but the server\'s, one to four, one per 8 reports at most; their young generations', () => {
      // cores → workers, for 100 reports.
      const cases: Array<[number, number]> = [[2, 1], [1, 1], [4, 3], [16, 4]];
      for (const [cores, want] of cases) assert.equal(workerCount(100, cores), want, `${cores} cores`);
      assert.equal(workerCount(15, 4), 1);
      assert.equal(workerCount(16, 4), 2);
      process.env[WORKERS_ENV] = '3';
      try {
        assert.equal(workerCount(100, 2), 3);
      } finally {
        delete process.env[WORKERS_ENV];
      }
      // Several workers: half the young generation each.
      assert.deepEqual([1, 2, 4].map(workerYoungMb), [WORKER_YOUNG_MB, WORKER_YOUNG_MB / 2, WORKER_YOUNG_MB / 2]);
      process.env[WORKER_YOUNG_ENV] = '96';
      try {
        assert.deepEqual([1, 2].map(workerYoungMb), [96, 96]);
      } finally {
        delete process.env[WORKER_YOUNG_ENV];
      }
    });

    it("the default catalog's worker kept for the first index (stay) is its first worker: the same records; not taken, it ends", async () => {
      const want = expected();
      /** With `k` index workers asked for: the catalog's parse in a kept worker, then a reading; whether its first worker was already running. */
      const run = async (k: string, release: boolean) => {
        process.env[WORKERS_ENV] = k;
        try {
          const apart = await defaultCatalogApart(true);
          assert.deepEqual(apart, parseCatalogYaml(defaultCatalogSource(), DEFAULT_CATALOG_URI));
          if (release) releaseSpare();
          const running: boolean[] = [];
          const logs: string[] = [];
          const reader = historyReader({ readOptions: () => ({ within: [dir] }), noteRead: () => undefined, log: (m) => logs.push(m), starting: (_n, r) => running.push(r) });
          const records = await reader(uris, {});
          assert.deepEqual(logs, []);
          records.forEach((r, i) => assert.deepEqual(r, want[i], `${k} workers, report ${i} (${uris[i]})`));
          return running;
        } finally {
          delete process.env[WORKERS_ENV];
        }
      };
      assert.deepEqual(await run('1', false), [true]);
      assert.deepEqual(await run('2', false), [true]);
      assert.deepEqual(await run('1', true), [false]);
    });

    it('one, two or three workers: the same records, in the reports\' order, every refusal noted', async () => {
      const want = expected();
      for (const k of ['1', '2', '3']) {
        const { records, logs, notes, steps } = await read({ [WORKERS_ENV]: k });
        assert.deepEqual(logs, [], `${k} workers: ${logs.join(' | ')}`);
        assert.equal(records.length, uris.length);
        records.forEach((r, i) => assert.deepEqual(r, want[i], `${k} workers, report ${i} (${uris[i]})`));
        // The copy of a session (the same text under another name) and the report listed twice are read as themselves.
        assert.equal(records[10].uri, uris[10]);
        assert.equal((records[10] as { hash: string }).hash, (records[4] as { hash: string }).hash);
        assert.deepEqual(records[13], records[3]);
        assert.ok(notes.get(uris[11])?.en, 'the unreadable file is refused');
        assert.equal(notes.get(uris[12]), undefined);
        assert.ok(notes.has(uris[12]));
        assert.deepEqual(steps, uris.map((_, i) => i + 1));
      }
    });

    it('told each record as it comes: each once, none kept', async () => {
      for (const k of ['1', '3']) {
        const told: HistoryRecord[] = [];
        const { records, logs } = await read({ [WORKERS_ENV]: k }, (r) => told.push(r));
        assert.deepEqual(logs, []);
        assert.deepEqual(records, []);
        assert.equal(told.length, uris.length);
        const byUri = (a: HistoryRecord, b: HistoryRecord) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);
        assert.deepEqual([...told].sort(byUri), [...expected()].sort(byUri));
      }
    });

    it('a worker that stops mid-way: the reading runs again in this thread, says so, loses nothing and does not hang', async () => {
      const want = expected();
      for (const k of ['1', '2']) {
        const told: HistoryRecord[] = [];
        const kept = await read({ [WORKERS_ENV]: k, [STOP_ENV]: '2' });
        assert.equal(kept.logs.length, 1, kept.logs.join(' | '));
        assert.match(kept.logs[0], /the index's worker thread failed \(the worker thread stopped \(exit code 3\) after \d+ reports\); indexing 34 reports in the server's thread/);
        assert.deepEqual(kept.records, want);
        assert.ok(kept.notes.get(uris[11])?.en);
        // Told: what the workers sent before one stopped, then every report again.
        const { logs } = await read({ [WORKERS_ENV]: k, [STOP_ENV]: '2' }, (r) => told.push(r));
        assert.equal(logs.length, 1);
        const last = new Map(told.map((r) => [r.uri, r]));
        assert.equal(last.size, new Set(uris).size);
        for (let i = 0; i < uris.length; i++) assert.deepEqual(last.get(uris[i]), want[i]);
        assert.ok(told.length > uris.length && told.length <= uris.length + 2 * Number(k));
      }
    });

    /** The service's history as plain data: every indicator's entries and mentions, the saved index. */
    function history(service: LanguageService): unknown {
      const out: Record<string, unknown> = {};
      for (const ind of service.catalogs.catalog.all()) {
        const e = service.history.entries(ind.id);
        const m = service.history.citing(ind.id);
        if (e.length || m.length) out[ind.id] = { entries: e.map((x) => ({ ...x, origin: { ...x.origin } })), mentions: m };
      }
      return { out, count: service.history.entryCount, sessions: service.history.sessionCount, saved: service.snapshot('test') };
    }

    /** A service over the reports of `folder` (`texts`: as the workspace lists them), indexed by `reader` or in this thread. */
    async function indexed(folder: string, texts: Record<string, string>, reader?: (service: LanguageService) => HistoryReader): Promise<LanguageService> {
      const root = pathToFileURL(folder).toString();
      const files: Record<string, string> = {};
      for (const f of readdirSync(folder).filter((f) => f.endsWith('.yaml') || f === 'figures.csv')) files[`${root}/${f}`] = readFileSync(path.join(folder, f), 'utf8');
      const team = path.join(folder, '.policy-report');
      if (existsSync(team)) for (const f of readdirSync(team).filter((f) => statSync(path.join(team, f)).isFile())) files[`${root}/.policy-report/${f}`] = readFileSync(path.join(team, f), 'utf8');
      const service = new LanguageService({ workspace: new InMemoryWorkspace({ ...files, ...texts }), folders: [root], lang: 'en' });
      await service.reloadConfig();
      await service.reloadCatalog();
      await service.indexWorkspace(undefined, reader?.(service));
      return service;
    }

    const diskReader = (within: string): HistoryReader => historyReader({ readOptions: () => ({ within: [within] }), noteRead: () => undefined, log: () => undefined });
    const reportsOf = (folder: string): Record<string, string> => {
      const out: Record<string, string> = {};
      for (const f of readdirSync(folder).filter((f) => f.endsWith('.report.md'))) out[pathToFileURL(path.join(folder, f)).toString()] = readFileSync(path.join(folder, f), 'utf8');
      return out;
    };

    it('the history made from the records as they come is the history read in this thread: every fixture workspace and the examples', async () => {
      const dirs = [...fixtureWorkspaces().map((ws) => ws.dir), path.join(repoRoot, 'examples')];
      let entries = 0;
      let provincial = 0;
      process.env[WORKER_ENV] = '0';
      try {
        for (const folder of dirs) {
          const texts = reportsOf(folder);
          const a = await indexed(folder, texts);
          const b = await indexed(folder, texts, () => diskReader(folder));
          assert.deepEqual(history(b), history(a), folder);
          entries += a.history.entryCount;
          for (const ind of a.catalogs.catalog.all()) provincial += a.history.entries(ind.id).filter((e) => e.subject !== undefined).length;
        }
      } finally {
        delete process.env[WORKER_ENV];
      }
      // Not a vacuous comparison: figures in the history, provinces' among them.
      assert.ok(entries > 100 && provincial > 0, `${entries} entries, ${provincial} of them a province's`);
    });

    it('the same with two workers over the bench sessions; a report changed or deleted meanwhile keeps what that event gave it', async () => {
      const texts: Record<string, string> = {};
      for (const uri of uris.slice(0, 30).filter((u) => !/hong|mat|ban-sao/.test(u))) texts[uri] = readFileSync(new URL(uri), 'utf8');
      const inThread = await indexed(dir, texts);
      process.env[WORKERS_ENV] = '2';
      try {
        assert.deepEqual(history(await indexed(dir, texts, () => diskReader(dir))), history(inThread));
        // While the workers read: one report changes on disk (its new text indexed at once), another is deleted.
        const [changed, deleted] = [uris[0], uris[1]];
        const edited = texts[changed].replace(/\d+,\d+%/, '99,9%');
        assert.notEqual(edited, texts[changed]);
        const during = (service: LanguageService): HistoryReader => (list, known, progress, each) =>
          diskReader(dir)(list, known, progress, (r) => {
            if (r.uri === uris[5]) {
              service.indexText(changed, edited);
              service.removeFile(deleted);
            }
            each?.(r);
          });
        const { [deleted]: _gone, ...rest } = texts;
        const want = history(await indexed(dir, { ...rest, [changed]: edited }));
        // The workspace as listed at the index's start (the deleted report with it): what the events gave wins.
        const got = await indexed(dir, texts, during);
        assert.deepEqual(history(got), want);
      } finally {
        delete process.env[WORKERS_ENV];
      }
    });
  });
}
