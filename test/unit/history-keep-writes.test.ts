/**
 * What HistoryIndex.setReport writes into the entries it keeps when a report is edited (issue #15):
 * nothing when a figure elsewhere changed and theirs did not move, their `origin` only when they
 * moved. V8 turns a field written again after its object was made from constant to mutable for every
 * object of the shape, and throws away the optimized code that read it as a constant: the kept
 * entries were rewritten whole (Object.assign), and the first figure keystroke after prose
 * deoptimized about ten of the history's readers (docs/performance.md §3.6).
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { Catalog } from '../../server/src/core/catalog/catalog';
import { loadDefaultCatalog } from '../../server/src/core/catalog/load';
import { HistoryIndex } from '../../server/src/core/history/history';
import type { HistoryEntry } from '../../server/src/core/history/types';
import { parseReport } from '../../server/src/core/parse/document';
// The bench's generator of synthetic sessions (plain JavaScript).
import { sizedReport } from '../../bench/workspace.mjs';

const catalog = new Catalog(loadDefaultCatalog());
const ROW = /^(\| \[\[Tỷ lệ [^\]]*\]\] \| [^|]+ \| )(\d+),\d%/m;
const uri = 'file:///bench/phien-3.report.md';
const set = (h: HistoryIndex, text: string) => h.setReport(analyze(parseReport(text, uri, { remember: false }), catalog, h));

/** Every entry of the report, each field turned into an accessor that records the fields written. */
function watched(h: HistoryIndex): { entries: Set<HistoryEntry>; written: Set<string> } {
  // (allEntries builds the index by indicator: an edit then goes into it, as in the server)
  const entries = new Set(allEntries(h).filter((e) => e.origin.uri === uri));
  const written = new Set<string>();
  for (const e of entries) {
    for (const key of Object.keys(e)) {
      let value = (e as unknown as Record<string, unknown>)[key];
      Object.defineProperty(e, key, {
        get: () => value,
        set: (v: unknown) => {
          written.add(key);
          value = v;
        },
        enumerable: true,
        configurable: true,
      });
    }
  }
  return { entries, written };
}

/** The entries of the history, through its public queries: every indicator the catalog knows. */
function allEntries(h: HistoryIndex): HistoryEntry[] {
  return catalog.all().flatMap((i) => h.entries(i.id));
}

describe('HistoryIndex.setReport: what it writes into the entries it keeps', function () {
  this.timeout(0);
  const text = sizedReport({ s: 3, sessions: 200, kb: 12 });
  const m = ROW.exec(text)!;
  const digit = (m[2].endsWith('5') ? m[2].slice(0, -1) + '6' : m[2].slice(0, -1) + '5');

  it('a figure typed elsewhere: the other entries kept, none of their fields written', () => {
    const h = new HistoryIndex();
    set(h, text);
    const { entries, written } = watched(h);
    assert.ok(entries.size > 10, `the report has entries (${entries.size})`);
    const edited = text.slice(0, m.index + m[1].length) + digit + text.slice(m.index + m[1].length + m[2].length);
    set(h, edited);
    const now = allEntries(h).filter((e) => e.origin.uri === uri);
    const kept = now.filter((e) => entries.has(e));
    assert.equal(kept.length, now.length - 1, 'every entry kept but the edited figure\'s');
    assert.deepEqual([...written], []);
  });

  it('text typed above the figures: the kept entries moved, their origin alone written', () => {
    const h = new HistoryIndex();
    set(h, text);
    const { entries, written } = watched(h);
    const at = text.indexOf('\n#');
    const edited = text.slice(0, at) + '\n\nMột đoạn thêm.\n' + text.slice(at);
    set(h, edited);
    const now = allEntries(h).filter((e) => e.origin.uri === uri);
    assert.ok(now.every((e) => entries.has(e)), 'every entry kept');
    assert.deepEqual([...written], ['origin']);
    const fresh = new HistoryIndex();
    set(fresh, edited);
    const places = (es: HistoryEntry[]) => es.map((e) => `${e.indicatorId} ${e.raw} ${e.origin.range.start.line}:${e.origin.range.start.character}`);
    assert.deepEqual(places(now), places(allEntries(fresh)), 'the places of a fresh history');
  });
});
