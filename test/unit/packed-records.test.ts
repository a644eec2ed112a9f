/**
 * A warm start's restored reports sent packed (lsp/text-packing.ts packedRecord): when the server
 * packs the history texts, the index worker sends the text of each report the saved index holds
 * deflated as the server keeps it, and the server's thread keeps those bytes as they are instead of
 * encoding and deflating the text again. With real worker threads (this test bundle started as
 * them, as index-pool.test does): every restored record comes packed, none parsed; the history
 * (entries, mentions, the index saved again) and a draft's findings are those of the same restore
 * with plain texts and of the cold index; each history document reads back its report's text. A
 * parsed report, an unreadable one and a text not kept as bytes are sent as they were.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { packHistoryTexts, unpackedText } from '../../server/src/core/history/text-bytes';
import { readForHistory, type HistoryRecord, type IndexedReports } from '../../server/src/core/indexed';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import type { Snapshot } from '../../server/src/core/history/snapshot';
import { historyReader, isIndexWorker, runIndexWorker, WORKERS_ENV } from '../../server/src/lsp/index-worker';
import { deflateHistoryTexts, packedRecord } from '../../server/src/lsp/text-packing';
// The bench's generator of synthetic sessions (plain JavaScript).
import { sizedReport } from '../../bench/workspace.mjs';

if (isIndexWorker()) {
  void runIndexWorker();
} else {
  describe("a warm start's restored texts sent packed by the index worker", function () {
    this.timeout(0);
    let dir: string;
    const texts: Record<string, string> = {};
    const draftUri = () => pathToFileURL(path.join(dir, 'du-thao.report.md')).toString();
    before(() => {
      dir = mkdtempSync(path.join(tmpdir(), 'policy-report-packed-'));
      for (let s = 1; s <= 20; s++) {
        const file = path.join(dir, `phien-${s}.report.md`);
        writeFileSync(file, sizedReport({ s, sessions: 20, kb: s % 5 === 0 ? 30 : 6 }));
        texts[pathToFileURL(file).toString()] = readFileSync(file, 'utf8');
      }
    });
    after(() => {
      packHistoryTexts(null);
      rmSync(dir, { recursive: true, force: true });
    });

    /** A service over the sessions, indexed by the worker threads (`restore`: from that saved index); `told`: every record the reader gave. */
    async function indexed(restore: Snapshot | null, told: HistoryRecord[] = []): Promise<LanguageService> {
      const service = new LanguageService({ workspace: new InMemoryWorkspace({ ...texts }), folders: [pathToFileURL(dir).toString()], lang: 'en' });
      await service.reloadConfig();
      await service.reloadCatalog();
      service.restoreSnapshot(restore);
      const reader = historyReader({ readOptions: () => ({ within: [dir] }), noteRead: () => undefined, log: () => undefined });
      await service.indexWorkspace(undefined, (uris, known, progress, each) =>
        reader(uris, known, progress, (r) => {
          told.push(r);
          each?.(r);
        }),
      );
      return service;
    }

    /** The history as plain data (entries, mentions, the saved index) and the draft's findings. */
    function state(service: LanguageService): unknown {
      const out: Record<string, unknown> = {};
      for (const ind of service.catalogs.catalog.all()) {
        const e = service.history.entries(ind.id);
        const m = service.history.citing(ind.id);
        if (e.length || m.length) out[ind.id] = { entries: e.map((x) => ({ ...x, origin: { ...x.origin } })), mentions: m };
      }
      const draft = sizedReport({ s: 21, sessions: 21, kb: 6 });
      const findings = service.check(draftUri(), draft, 1).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character} ${JSON.stringify(d.message)}`);
      return { out, count: service.history.entryCount, saved: service.snapshot('test'), findings };
    }

    for (const workers of ['1', '2'])
      it(`every restored record comes packed, and the history and findings are the plain restore's and the cold index's (${workers} worker${workers === '1' ? '' : 's'})`, async () => {
        process.env[WORKERS_ENV] = workers;
        try {
          packHistoryTexts(null);
          const cold = await indexed(null);
          const snapshot = JSON.parse(JSON.stringify(cold.snapshot('test'))) as Snapshot;
          const plainTold: HistoryRecord[] = [];
          const plain = await indexed(snapshot, plainTold);
          deflateHistoryTexts();
          const packedTold: HistoryRecord[] = [];
          const packed = await indexed(snapshot, packedTold);
          // Without a packing, texts as before; with one, every report packed, none parsed.
          assert.equal(plainTold.length, 20);
          assert.ok(plainTold.every((r) => r.text !== undefined && r.text.length > 0 && !('packed' in r && r.packed)));
          assert.equal(packedTold.length, 20);
          for (const r of packedTold) {
            assert.ok(r.text === '' && r.packed instanceof Uint8Array && r.saved === null, r.uri);
            assert.ok(r.packed.length * 2 < Buffer.byteLength(texts[r.uri]), `${r.packed.length} bytes of ${Buffer.byteLength(texts[r.uri])}`);
            assert.equal(unpackedText(r.packed), texts[r.uri]);
          }
          assert.deepEqual(packed.indexStats, { parsed: 0, restored: 20 });
          const docs = (packed as unknown as { indexed: IndexedReports }).indexed;
          for (const [uri, text] of Object.entries(texts)) assert.equal(docs.boundOf(uri)!.doc.text, text, uri);
          const want = state(cold);
          assert.ok((want as { count: number }).count > 100);
          assert.deepEqual(state(plain), want);
          assert.deepEqual(state(packed), want);
        } finally {
          delete process.env[WORKERS_ENV];
          packHistoryTexts(null);
        }
      });

    it('a parsed report, an unreadable one and a text not kept as bytes are sent as they are', () => {
      const uri = Object.keys(texts)[0];
      const parsed = readForHistory(uri, texts[uri]);
      assert.equal(packedRecord(parsed), parsed);
      const gone: HistoryRecord = { uri };
      assert.equal(packedRecord(gone), gone);
      const broken = readForHistory(uri, `${texts[uri]}\ud800`, 'x');
      const known = readForHistory(uri, broken.text!, (broken as { hash: string }).hash);
      assert.equal(known.text === undefined ? undefined : (known as { saved: unknown }).saved, null);
      assert.equal(packedRecord(known), known);
      const restored = readForHistory(uri, texts[uri], (parsed as { hash: string }).hash);
      const sent = packedRecord(restored) as { text: string; packed?: Uint8Array; hash: string };
      assert.equal(sent.text, '');
      assert.equal(sent.hash, (parsed as { hash: string }).hash);
      deflateHistoryTexts();
      try {
        assert.equal(unpackedText(sent.packed!), texts[uri]);
      } finally {
        packHistoryTexts(null);
      }
    });
  });
}
