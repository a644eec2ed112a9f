/**
 * Two entries of one report that tie (same indicator, period and session): HistoryIndex orders
 * them by their place in the report. When an edit replaces the first of them in a live index (the
 * entries of unchanged figures kept, only the changed one inserted again), it goes back before
 * the second, as in a history built afresh; the places are set by setReport when a report's
 * entries go into a live index, and the first index's entries, set while the index was dropped,
 * need none (HistoryIndex.placeOf).
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { Catalog } from '../../server/src/core/catalog/catalog';
import { loadDefaultCatalog } from '../../server/src/core/catalog/load';
import { HistoryIndex } from '../../server/src/core/history/history';
import { parseReport } from '../../server/src/core/parse/document';
// The bench's generator of synthetic sessions (plain JavaScript).
import { sizedReport } from '../../bench/workspace.mjs';

const catalog = new Catalog(loadDefaultCatalog());
const ROW = /^\| \[\[Tỷ lệ [^\]]*\]\] \| [^|]+ \| (\d+),\d%/m;

/** Session `s` with its first bound ratio row written twice, the first copy's whole part `first`. */
function session(s: number, first?: string): { uri: string; text: string; id: string } {
  const text = sizedReport({ s, sessions: 200, kb: 12 });
  const m = ROW.exec(text)!;
  const row = first === undefined ? m[0] : m[0].replace(`| ${m[1]},`, `| ${first},`);
  const uri = `file:///bench/phien-${s}.report.md`;
  const doc = parseReport(text, uri, { remember: false });
  const id = analyze(doc, catalog).refs.find((r) => r.ref.range.start.line === text.slice(0, m.index).split('\n').length - 1)!.indicator!.id;
  return { uri, text: text.slice(0, m.index) + row + '\n' + text.slice(m.index), id };
}

const set = (h: HistoryIndex, s: { uri: string; text: string }) => h.setReport(analyze(parseReport(s.text, s.uri, { remember: false }), catalog, h));
const values = (h: HistoryIndex, id: string) => h.entries(id).map((e) => `${e.origin.uri} ${e.period} ${e.raw}`);

describe('tied entries of one report keep their order through an edit (HistoryIndex places)', function () {
  this.timeout(0);
  it('an edited first copy goes back before its unchanged twin, as in a fresh history', () => {
    const others = [4, 5].map((s) => session(s));
    const before = session(3);
    const after = session(3, '77');
    assert.notEqual(after.text, before.text);
    for (const batch of [false, true]) {
      const live = new HistoryIndex();
      if (batch) live.reindexLater();
      for (const s of [...others, before]) set(live, s);
      values(live, before.id); // the index by indicator built: the edit below goes into it
      set(live, after);
      const fresh = new HistoryIndex();
      for (const s of [...others, after]) set(fresh, s);
      const got = values(live, before.id);
      assert.ok(got.some((v) => v.includes('77,')), 'the edited value is in the history');
      assert.deepEqual(got, values(fresh, before.id));
    }
  });
});
