/**
 * What a history document keeps of its report's text (core/history/snapshot.ts): the text as UTF-8
 * bytes, read back when series inference asks for it. Over the series fixtures (each way of
 * settling a shared name), a history document resolved again (what a catalog change does,
 * indexed.ts recatalog) settles every shared name as the full parse of the same text does, and
 * reads back the same text and line positions; the same with the texts deflated, as the language
 * server keeps them (lsp/text-packing.ts), and a document keeps the packing it was made with.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { historyDocument, StringPool } from '../../server/src/core/history/snapshot';
import type { IndexedReports } from '../../server/src/core/indexed';
import { parseReport } from '../../server/src/core/parse/document';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { packHistoryTexts } from '../../server/src/core/history/text-bytes';
import { deflated, deflateHistoryTexts, inflated } from '../../server/src/lsp/text-packing';
import { fixturesDir } from '../helpers';

const root = path.join(fixturesDir, 'series');

/** Each reference's indicator and how its series was settled. */
const settled = (a: Analysis) => a.refs.map((r) => `${r.ref.range.start.line}:${r.ref.range.start.character} ${r.indicator?.id ?? '-'} ${r.series ? `${r.series.by} ${r.series.reason.en}` : ''}`);

describe("the history documents' text", () => {
  afterEach(() => packHistoryTexts(null));

  for (const packed of [false, true])
    it(`series inference over a history document re-resolved gives what the full parse gives${packed ? ' (texts deflated)' : ''}`, async () => {
      if (packed) deflateHistoryTexts();
      const ways = new Set<string>();
      for (const name of readdirSync(root).filter((n) => statSync(path.join(root, n)).isDirectory())) {
        const dir = path.join(root, name);
        const folder = pathToFileURL(dir).toString();
        const files: Record<string, string> = {};
        for (const f of readdirSync(dir).filter((f) => f.endsWith('.report.md'))) files[`${folder}/${f}`] = readFileSync(path.join(dir, f), 'utf8');
        const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en' });
        await service.reloadCatalog();
        await service.indexWorkspace();
        const indexed = (service as unknown as { indexed: IndexedReports }).indexed;
        const catalog = service.analysis(`${folder}/probe.report.md`, '', 1).catalog;
        for (const [uri, text] of Object.entries(files)) {
          const doc = indexed.boundOf(uri)!.doc;
          assert.equal(doc.text, text, uri);
          for (const r of doc.references) assert.equal(doc.lines.offsetAt(r.range.start), parseReport(text, uri).lines.offsetAt(r.range.start));
          const again = analyze(doc, catalog, service.history);
          assert.deepEqual(settled(again), settled(analyze(parseReport(text, uri), catalog, service.history)), uri);
          for (const r of again.refs) if (r.series) ways.add(r.series.by);
        }
      }
      // Not vacuous: the history documents' own sentences and paragraphs settled names.
      assert.ok(ways.has('sentence') && ways.has('paragraph'), [...ways].join(', '));
    });

  it('keeps a deflated text in fewer bytes, and reads a document with the packing it was made with', () => {
    const text = `---\nsession: 3\n---\n\n${'Theo Bộ Kế hoạch, [[Tỷ lệ hộ nghèo]] đạt 2,3% năm 2024.\n'.repeat(200)}`;
    const bytes = new TextEncoder().encode(text);
    const packed = deflated(bytes);
    assert.ok(packed.length * 4 < bytes.length, `${packed.length} of ${bytes.length} bytes`);
    assert.equal(packed.byteLength, packed.buffer.byteLength, 'a block of its own');
    assert.deepEqual(new Uint8Array(inflated(packed)), bytes);
    deflateHistoryTexts();
    const deflatedDoc = historyDocument(parseReport(text, 'file:///d.report.md'));
    packHistoryTexts(null);
    const plainDoc = historyDocument(parseReport(text, 'file:///p.report.md'));
    deflateHistoryTexts();
    assert.equal(deflatedDoc.text, text);
    assert.equal(plainDoc.text, text);
    assert.deepEqual(deflatedDoc.lines.positionAt(text.length - 3), plainDoc.lines.positionAt(text.length - 3));
  });

  it('keeps a text that is not well-formed UTF-16 as it is', () => {
    const text = '---\nsession: 3\n---\n\nTheo Bộ [[Tỷ lệ hộ nghèo]] đạt 2,3% năm 2024 \ud800.\n';
    const doc = historyDocument(parseReport(text, 'file:///w.report.md'));
    assert.equal(doc.text, text);
    assert.deepEqual(doc.lines.positionAt(text.length), parseReport(text, 'file:///w.report.md').lines.positionAt(text.length));
  });
});

describe("the history documents' string pool", () => {
  it('gives back each string as it is, and starts again past its limit', () => {
    const pool = new StringPool(3);
    const names = ['Tỷ lệ hộ nghèo', 'GRDP', 'tỉnh, thành phố', 'Tỷ lệ hộ nghèo', 'người', 'GRDP'];
    assert.deepEqual(names.map((n) => pool.get(n)), names);
    assert.equal(pool.get(null), null);
    assert.equal(pool.get(undefined), undefined);
    assert.equal((pool as unknown as { pool: Map<string, string> }).pool.size <= 3, true);
  });

  it('shares each position of the documents it loads, frozen, equal to those of the parse', () => {
    const pool = new StringPool();
    const text = (n: number) => `---\nsession: ${n}\n---\n\n| Chỉ tiêu | Kỳ | Giá trị |\n|---|---|---|\n| [[Tỷ lệ hộ nghèo]] | 2024 | 2,${n}% |\n`;
    const [a, b] = [1, 2].map((n) => historyDocument(parseReport(text(n), `file:///p${n}.report.md`), pool));
    for (const [doc, n] of [[a, 1], [b, 2]] as const) {
      const parsed = parseReport(text(n), `file:///p${n}.report.md`);
      assert.deepEqual(doc.references.map((r) => [r.range, r.figure?.range]), parsed.references.map((r) => [r.range, r.figure?.range]));
    }
    // The same place in two sessions: one object, which nothing can change.
    assert.equal(a.references[0].range.start, b.references[0].range.start);
    assert.equal(a.references[0].figure!.range.end, b.references[0].figure!.range.end);
    assert.ok(Object.isFrozen(a.references[0].range.start));
    assert.ok(Object.isFrozen(a.references[0].range));
    // Intervals too (the same figure in two sessions), but never -0 for 0.
    assert.equal(pool.interval(2.5, 3.5), pool.interval(2.5, 3.5));
    assert.ok(Object.isFrozen(pool.interval(2.5, 3.5)));
    assert.ok(Object.is(pool.interval(-0, 1)[0], -0));
    assert.ok(Object.is(pool.interval(0, 1)[0], 0));
    assert.throws(() => {
      (a.references[0].range.start as { line: number }).line = 0;
    }, TypeError);
  });

  it('keeps nothing once the first index is done: a report loaded since shares within itself only', async () => {
    const folder = 'file:///ws';
    const text = (n: number) => `---\nsession: ${n}\n---\n\n| Chỉ tiêu | Kỳ | Giá trị |\n|---|---|---|\n| [[Tỷ lệ hộ nghèo]] | 2024 | 2,${n}% |\n| [[Tỷ lệ hộ nghèo]] | 2023 | 3,${n}% |\n`;
    const service = new LanguageService({ workspace: new InMemoryWorkspace({ [`${folder}/a.report.md`]: text(1) }), folders: [folder], lang: 'en' });
    await service.reloadCatalog();
    await service.indexWorkspace();
    const indexed = (service as unknown as { indexed: IndexedReports }).indexed;
    const pool = (indexed as unknown as { pool: { pool: Map<string, string>; positions: Map<number, unknown> } }).pool;
    // A closed draft, a file changed on disk: loaded through the pool, which then forgets.
    service.indexText(`${folder}/b.report.md`, text(2));
    assert.equal(pool.pool.size, 0);
    assert.equal(pool.positions.size, 0);
    const doc = indexed.boundOf(`${folder}/b.report.md`)!.doc;
    const parsed = parseReport(text(2), `${folder}/b.report.md`);
    assert.deepEqual(doc.references.map((r) => [r.written, r.range, r.figure?.range, r.figure?.raw]), parsed.references.map((r) => [r.written, r.range, r.figure?.range, r.figure?.raw]));
  });
});
