/**
 * The first index's fast path (core/indexed.ts readForHistory: parseReport `history`, the reading of
 * a table cell or sentence remembered by its text, only the figures a reference binds placed) gives
 * exactly the history the full parse gives: the same entries (indicator, period, raw, value,
 * interval, unit, kind, qualifier, origin with its range, session and date), the same mentions and
 * the same saved history documents, on every rule fixture report, the examples and the bench's
 * generated sessions; read cold (no remembered reading) and warm (every reading remembered).
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/core/analyze';
import { clearContentCaches } from '../../server/src/core/caches';
import { Catalog } from '../../server/src/core/catalog/catalog';
import { loadDefaultCatalog } from '../../server/src/core/catalog/load';
import { HistoryIndex } from '../../server/src/core/history/history';
import { historyDocument, loadReport, saveReport, StringPool, textHash } from '../../server/src/core/history/snapshot';
import { readForHistory } from '../../server/src/core/indexed';
import { historySegments, parseReport } from '../../server/src/core/parse/document';
import { savedReading } from '../../server/src/core/history/saved-reading';
import { repoRoot } from '../helpers';
import { fixtureWorkspaces } from '../rule-fixtures';
// The bench's generator of synthetic sessions (plain JavaScript).
import { sizedReport } from '../../bench/workspace.mjs';

const catalog = new Catalog(loadDefaultCatalog());

type Report = { uri: string; text: string };

/** Every report of the rule fixtures and the examples, each under its own uri. */
function fixtureReports(): Report[] {
  const out: Report[] = [];
  for (const dir of [...fixtureWorkspaces().map((ws) => ws.dir), path.join(repoRoot, 'examples')]) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.report.md')).sort()) out.push({ uri: pathToFileURL(path.join(dir, f)).toString(), text: readFileSync(path.join(dir, f), 'utf8') });
  }
  return out;
}

/** Sessions as the bench writes them (200-session workspace, smaller files), a few of them. */
function benchReports(): Report[] {
  return [1, 2, 37, 99, 150, 200].map((s) => ({ uri: `file:///bench/phien-${s}.report.md`, text: sizedReport({ s, sessions: 200, kb: 24 }) }));
}

/** The history of `reports` (one HistoryIndex), each report's history document made by `read`. */
function historyOf(reports: Report[], read: (r: Report) => ReturnType<typeof parseReport>) {
  const history = new HistoryIndex();
  const saved: unknown[] = [];
  for (const r of reports) {
    const doc = read(r);
    saved.push(saveReport(doc, ''));
    history.setReport(analyze(doc, catalog, history));
  }
  const entries: Record<string, unknown> = {};
  const mentions: Record<string, unknown> = {};
  for (const ind of catalog.all()) {
    const e = history.entries(ind.id);
    if (e.length) entries[ind.id] = e.map((x) => ({ ...x, origin: { ...x.origin } }));
    const m = history.citing(ind.id);
    if (m.length) mentions[ind.id] = m;
  }
  return { entries, mentions, saved, count: history.entryCount };
}

/** The worker's way: readForHistory's plain record, loaded as the main thread loads it. */
const fast = (pool: StringPool) => (r: Report) => {
  const rec = readForHistory(r.uri, r.text);
  assert.ok(rec.text !== undefined && rec.saved);
  assert.equal(rec.hash, textHash(r.text));
  return loadReport(rec.saved, r.uri, r.text, pool);
};
/** The full parse, kept as the history keeps it. */
const full = (r: Report) => historyDocument(parseReport(r.text, r.uri, { remember: false }));

describe("the first index's fast path", function () {
  this.timeout(0);

  for (const [name, reports] of [
    ['every rule fixture report and the examples', fixtureReports],
    ["the bench's generated sessions", benchReports],
  ] as const) {
    it(`gives exactly the history of the full parse: ${name}`, () => {
      const all = reports();
      clearContentCaches();
      const expected = historyOf(all, full);
      clearContentCaches();
      const cold = historyOf(all, fast(new StringPool()));
      // Read again: every cell and sentence reading now comes from the memo.
      const warm = historyOf(all, fast(new StringPool()));
      for (const got of [cold, warm]) {
        assert.deepEqual(got.saved, expected.saved);
        assert.deepEqual(got.entries, expected.entries);
        assert.deepEqual(got.mentions, expected.mentions);
        assert.equal(got.count, expected.count);
      }
      // Not a vacuous comparison: these reports bind figures into the history.
      assert.ok(expected.count > 100 && Object.keys(expected.entries).length > 20, `${all.length} reports, ${expected.count} entries`);
    });
  }

  it('the full analysis of a report states the same entries as its history document', () => {
    // The history document (what the index keeps) against the analysis of the whole parse: the
    // saved form keeps every field the history's entries read (a growth rate's unit class; an
    // interval's open end, Infinity, which JSON would write as null).
    for (const r of [...benchReports(), ...fixtureReports()]) {
      const doc = parseReport(r.text, r.uri, { remember: false });
      const direct = new HistoryIndex();
      direct.setReport(analyze(doc, catalog, direct));
      const kept = new HistoryIndex();
      kept.setReport(analyze(historyDocument(doc), catalog, kept));
      for (const ind of catalog.all()) assert.deepEqual(kept.entries(ind.id), direct.entries(ind.id), `${r.uri} ${ind.id}`);
    }
  });

  it('reads the saved form without putting the document together, byte for byte as the history path and the full parse save it', () => {
    // history/saved-reading.ts against saveReport of parseReport `history` and of the full parse:
    // the rule fixtures, the examples, the bench's sessions (two sizes) and drafts (with mistakes).
    const drafts = [3, 120].map((s) => ({ uri: `file:///bench/du-thao-${s}.report.md`, text: sizedReport({ s, sessions: 200, kb: 40, mistakes: true }) }));
    const large = [5, 180].map((s) => ({ uri: `file:///bench/phien-large-${s}.report.md`, text: sizedReport({ s, sessions: 200, kb: 60 }) }));
    let apart = 0;
    let placed = 0;
    for (const r of [...fixtureReports(), ...benchReports(), ...large, ...drafts]) {
      for (const warm of [false, true]) {
        if (!warm) clearContentCaches();
        const got = JSON.stringify(savedReading(r.text, r.uri, 'h'));
        assert.equal(got, JSON.stringify(saveReport(parseReport(r.text, r.uri, { history: true }), 'h')), `${r.uri} (history path)`);
        assert.equal(got, JSON.stringify(saveReport(historyDocument(parseReport(r.text, r.uri, { remember: false })), 'h')), `${r.uri} (full parse)`);
      }
      if (historySegments(r.text, r.uri).placed) placed++;
      else apart++;
    }
    // Both ways are taken: most reports apart, those whose table headers may bind put together.
    assert.ok(apart > 100 && placed > 0, `${apart} read apart, ${placed} put together`);
  });
});
