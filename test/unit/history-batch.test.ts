/**
 * The first index puts many reports into the history in a row (core/indexed.ts readAll): the index
 * by indicator is dropped first (HistoryIndex.reindexLater) and sorted again when next asked, not
 * kept up to date entry by entry. Every query then answers as it does when each report is inserted
 * into a live index: the same entries in the same order (ties of period end and session date broken
 * by the report's place among the reports, then the entry's place in its report), the same
 * mentions, whether or not a query comes between the reports (a shared name's series asks the
 * history while a report is resolved), and after a report is set again, removed, and added back.
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyze } from '../../server/src/core/analyze';
import { Catalog } from '../../server/src/core/catalog/catalog';
import { loadDefaultCatalog } from '../../server/src/core/catalog/load';
import { HistoryIndex } from '../../server/src/core/history/history';
import { historyDocument } from '../../server/src/core/history/snapshot';
import { parseReport } from '../../server/src/core/parse/document';
import type { ReportDocument } from '../../server/src/core/parse/model';
import { repoRoot } from '../helpers';
import { fixtureWorkspaces } from '../rule-fixtures';
// The bench's generator of synthetic sessions (plain JavaScript).
import { sizedReport } from '../../bench/workspace.mjs';

const catalog = new Catalog(loadDefaultCatalog());

/** The rule fixtures' and the examples' reports, bench sessions, and copies under other uris (ties of date and period). */
function documents(): ReportDocument[] {
  const texts: Array<{ uri: string; text: string }> = [];
  for (const dir of [...fixtureWorkspaces().map((ws) => ws.dir), path.join(repoRoot, 'examples')]) {
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.report.md')).sort()) texts.push({ uri: pathToFileURL(path.join(dir, f)).toString(), text: readFileSync(path.join(dir, f), 'utf8') });
  }
  for (const s of [3, 4, 90, 91]) texts.push({ uri: `file:///bench/phien-${s}.report.md`, text: sizedReport({ s, sessions: 200, kb: 12 }) });
  // The same session twice: every entry ties with its copy's.
  for (const t of texts.slice(-3)) texts.push({ uri: t.uri.replace('.report.md', '-copy.report.md'), text: t.text });
  return texts.map((t) => historyDocument(parseReport(t.text, t.uri, { remember: false })));
}

/** Every query's answer, as plain data (entries with their origins, mentions). */
function answers(history: HistoryIndex): unknown {
  const out: Record<string, unknown> = {};
  for (const ind of catalog.all()) {
    const e = history.entries(ind.id);
    const m = history.citing(ind.id);
    if (e.length || m.length) out[ind.id] = { entries: e.map((x) => ({ ...x, origin: { ...x.origin } })), mentions: m };
  }
  return { out, count: history.entryCount, sessions: history.sessionCount };
}

/** Builds the history of `docs` in order; `batch`: reindexLater first; `askAt`: a query before these reports. */
function build(docs: ReportDocument[], batch: boolean, askAt: Set<number>): HistoryIndex {
  const history = new HistoryIndex();
  // A live index first (the open draft is checked before the first index ends).
  history.setReport(analyze(docs[0], catalog, history));
  answers(history);
  if (batch) history.reindexLater();
  docs.slice(1).forEach((doc, i) => {
    if (askAt.has(i)) for (const ind of catalog.all()) history.entries(ind.id);
    history.setReport(analyze(doc, catalog, history));
  });
  return history;
}

describe('the history filled in a row (reindexLater)', function () {
  this.timeout(0);
  const docs = documents();

  it('answers every query as the history filled entry by entry', () => {
    assert.ok(docs.length > 20);
    const live = answers(build(docs, false, new Set()));
    assert.deepEqual(answers(build(docs, true, new Set())), live);
    // A query between reports rebuilds the index; the reports after it are inserted into it.
    assert.deepEqual(answers(build(docs, true, new Set([5, 17]))), live);
  });

  it('and after a report is set again, removed and added back, in either history', () => {
    const a = build(docs, false, new Set());
    const b = build(docs, true, new Set());
    // `a`'s index is live (asked), `b`'s dropped since its reports went in.
    answers(a);
    const moved = docs[8];
    for (const h of [a, b]) {
      h.setReport(analyze(moved, catalog, h));
      h.remove(moved.uri);
      h.setReport(analyze(moved, catalog, h));
    }
    assert.deepEqual(answers(b), answers(a));
  });
});
