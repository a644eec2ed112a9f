/**
 * A report closed in the editor comes back into the history from its disk text (service.forget,
 * IndexedReports.closedText): when that text is the one indexed, its history document is kept and
 * only its names resolved again, not read again; the history then answers exactly as after a
 * reading. Over every rule fixture workspace with history findings: each report opened with an
 * edit that changes a figure, closed, and the findings of every report compared with a service
 * that read nothing but the disk.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { fixtureWorkspaces, loadWorkspace } from '../rule-fixtures';

type Loaded = Awaited<ReturnType<typeof loadWorkspace>>;

/** Every report's findings against the history as it is (the reports checked, then closed unchanged). */
function findingsOf({ service, reports }: Loaded): string[] {
  const out: string[] = [];
  for (const [uri, text] of reports) {
    for (const f of service.check(uri, text, 1)) out.push(JSON.stringify([path.basename(uri), f.code, f.range, f.message, f.related]));
    service.forget(uri, text);
  }
  return out.sort();
}

/** A figure of the text changed (its first digit after a table's bar or a space), or the text with a sentence added. */
const edited = (text: string): string => {
  const m = /[| ]([1-9])/.exec(text);
  return m ? text.slice(0, m.index + 1) + String((Number(m[1]) % 9) + 1) + text.slice(m.index + 2) : `${text}\nThêm một câu.\n`;
};

describe('a closed report back into the history', () => {
  const workspaces = fixtureWorkspaces().filter((ws) => ['figure-conflict', 'series-outlier', 'stock-decrease', 'rank-change-mismatch', 'target-claim'].includes(ws.rule));

  it('has fixture workspaces to read', () => assert.ok(workspaces.length >= 5, `${workspaces.length}`));

  for (const ws of workspaces) {
    it(`${path.relative(path.dirname(path.dirname(ws.dir)), ws.dir)}: closed unsaved, the same findings as a fresh index, nothing read again`, async () => {
      const fresh = await loadWorkspace(ws);
      const expected = findingsOf(fresh);
      const used = await loadWorkspace(ws);
      const parsed = used.service.indexStats.parsed;
      for (const [uri, text] of used.reports) {
        used.service.check(uri, edited(text), 2);
        used.service.forget(uri, text);
      }
      assert.equal(used.service.indexStats.parsed, parsed, 'no report read again at its close');
      assert.equal(used.service.history.entryCount, fresh.service.history.entryCount);
      assert.deepEqual(findingsOf(used), expected);
    });
  }

  it('a report saved with other text while open is read again at its close', async () => {
    const ws = workspaces.find((w) => w.rule === 'figure-conflict')!;
    const used = await loadWorkspace(ws);
    const [uri, text] = used.reports[0];
    const changed = edited(text);
    const parsed = used.service.indexStats.parsed;
    used.service.check(uri, changed, 2);
    used.service.forget(uri, changed);
    assert.equal(used.service.indexStats.parsed, parsed + 1);
    // The same as a workspace whose disk held the changed text from the start.
    const other = await loadWorkspace(ws);
    other.service.indexText(uri, changed);
    assert.deepEqual(findingsOf({ ...used, reports: used.reports.map(([u, t]) => [u, u === uri ? changed : t]) }), findingsOf({ ...other, reports: other.reports.map(([u, t]) => [u, u === uri ? changed : t]) }));
  });
});
