/**
 * Digits typed into different cells of one table, each version new (issue #15, the figure keystroke's
 * tail): the service forgets a table's earlier version one version later (core/caches.ts
 * forgetReplaced), but not the rows the current version still has. Before, the second cell typed into
 * dropped every row of the table from the row caches (the parser's and the markup detector's), and
 * each later digit read every row again (418 of the bench's draft's rows per keystroke). Here the
 * rows no edit touched keep their placed figures (the same objects) over every version, and the
 * findings after each digit are those of a fresh check (every content cache emptied, a new service).
 */
import * as assert from 'node:assert/strict';
import { clearContentCaches } from '../../server/src/core/caches';
import { indexedService } from './indexed-service';
import { sizedReport } from '../../bench/workspace.mjs';

const folder = 'file:///table-edits';

/** Offsets of the last digit of each bound table value: `| [[name]] | period | 12,3% |`. */
function boundDigits(text: string): number[] {
  const out: number[] = [];
  const re = /^\| \[\[[^\]]+\]\] \| [^|]+ \| [^|\n]*?(\d)[^\d|\n]*\|/gm;
  for (let m; (m = re.exec(text)); ) out.push(m.index + m[0].lastIndexOf(m[1]));
  return out;
}

describe('digits typed into different cells of one table', function () {
  this.timeout(600000);

  it("keeps the untouched rows' figures over every version and gives a fresh check's findings", async () => {
    const files: Record<string, string> = {};
    for (let s = 1; s <= 3; s++) files[`${folder}/phien-${s}.report.md`] = sizedReport({ s, sessions: 3, kb: 6 });
    const draft = `${folder}/du-thao.report.md`;
    files[draft] = sizedReport({ s: 4, sessions: 3, kb: 16, mistakes: true });
    const service = await indexedService(files, folder);
    let text = files[draft];
    const spots = boundDigits(text);
    assert.ok(spots.length >= 12, `bound table values to type into: ${spots.length}`);
    // Four cells, each typed into twice, each digit new: no version of the table repeats.
    const typed = [0, 1, 2, 3].map((k) => spots[Math.floor(((k + 1) * spots.length) / 6)]);
    const { figures: first, lines } = service.analysis(draft, text, 1).doc;
    const touched = new Set(typed.map((at) => lines.positionAt(at).line));
    // The figures of the table rows no edit touches.
    const untouched = first.filter((f) => !touched.has(f.range.start.line) && text[lines.lineStart(f.range.start.line)] === '|');
    assert.ok(untouched.length > 20, `figures of untouched rows: ${untouched.length}`);
    const versions: Array<{ text: string; findings: unknown }> = [];
    for (const round of [1, 2]) {
      for (const at of typed) {
        text = text.slice(0, at) + String((Number(text[at]) + round) % 10) + text.slice(at + 1);
        const version = versions.length + 2;
        const now = new Set(service.analysis(draft, text, version).doc.figures);
        const lost = untouched.filter((f) => !now.has(f));
        assert.equal(lost.length, 0, `version ${version}: ${lost.length} figures of untouched rows placed anew (first: ${lost[0]?.raw} on line ${lost[0]?.range.start.line})`);
        versions.push({ text, findings: service.check(draft, text, version) });
      }
    }
    for (const [k, v] of versions.entries()) {
      clearContentCaches();
      const fresh = await indexedService({ ...files, [draft]: v.text }, folder);
      assert.deepEqual(v.findings, fresh.check(draft, v.text, 1), `the findings at version ${k + 2}`);
    }
  });
});
