/**
 * The rules ask the history through rules/memo.ts atPeriodFor / earlierFor: one question per check
 * and (indicator, period), answered with the history's own array while the history's generation is
 * unchanged. An analysis is checked again, not made anew, when another report changes the history:
 * the answers must follow (same findings as a fresh check), and never be the old arrays.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { clearContentCaches } from '../../server/src/core/caches';
import type { LanguageService } from '../../server/src/core/service';
import { atPeriodFor, earlierFor } from '../../server/src/core/rules/memo';
import { selfKey } from '../../server/src/core/rules/history-context';
import { loadWorkspace, ruleFixturesDir } from '../rule-fixtures';

const workspaceOf = (rel: string) => loadWorkspace({ rule: rel.split('/')[0], dir: path.join(ruleFixturesDir, rel) });

describe('rules: the history answers kept per check (rules/memo.ts)', () => {
  it('the history\'s own arrays, asked once while it is unchanged, asked again once it changed', async () => {
    const { service, files, folder } = await workspaceOf('stock-decrease');
    const draft = `${folder}/phien-09.report.md`;
    const earlier = `${folder}/phien-05.report.md`;
    const analysis = service.analysis(draft, files[draft], 1);
    const history = service.history;
    const self = selfKey(analysis);
    const indicator = analysis.refs.find((r) => r.indicator?.id === 'national-portal-dossiers')!.indicator!;
    const first = earlierFor(analysis, history, indicator.id);
    assert.equal(first, history.earlier(indicator.id, self));
    assert.equal(earlierFor(analysis, history, indicator.id), first);
    const period = first[0].period;
    const at = atPeriodFor(analysis, history, indicator, period);
    assert.equal(at, history.atPeriod(indicator, period, self));
    assert.equal(atPeriodFor(analysis, history, indicator, period, false), history.atPeriod(indicator, period));
    // Another session's figure changes: the same analysis now gets the new arrays.
    service.indexText(earlier, files[earlier].replace('trên 177 triệu hồ sơ', 'trên 140 triệu hồ sơ'));
    const second = earlierFor(analysis, history, indicator.id);
    assert.notEqual(second, first);
    assert.equal(second, history.earlier(indicator.id, self));
    assert.equal(second[0].raw, 'trên 140 triệu hồ sơ');
    assert.equal(atPeriodFor(analysis, history, indicator, period), history.atPeriod(indicator, period, self));
  });

  for (const rel of ['figure-conflict/conflict', 'stock-decrease', 'large-movement/default', 'wrong-series']) {
    it(`${rel}: the draft checked before and after an earlier session changed gives a fresh check's findings`, async () => {
      const { service, files } = await workspaceOf(rel);
      // The draft: the latest session; the others are earlier.
      const session = (u: string) => service.analysis(u, files[u], 1).doc.frontMatter?.session ?? 0;
      const reports = Object.keys(files).filter((u) => u.endsWith('.report.md')).sort((a, b) => session(a) - session(b));
      const draft = reports[reports.length - 1];
      const before = service.check(draft, files[draft], 1);
      assert.ok(before.length, 'the draft has findings to compare');
      const fresh = async (edit: (s: LanguageService) => void) => {
        clearContentCaches();
        const w = await workspaceOf(rel);
        edit(w.service);
        return w.service.check(draft, files[draft], 1);
      };
      // Each earlier report, opened, loses its figures (its text emptied), then is closed (its disk
      // text again): the draft's analysis (same version) is checked again, not made anew.
      for (const earlier of reports.slice(0, -1)) {
        service.check(earlier, '', 2);
        const emptied = service.check(draft, files[draft], 1);
        assert.deepEqual(emptied, await fresh((s) => s.check(earlier, '', 2)), `${earlier} emptied`);
        service.forget(earlier, files[earlier]);
        assert.deepEqual(service.check(draft, files[draft], 1), before, `${earlier} back`);
      }
    });
  }

  describe('findings kept per figure across history changes (findingsOfFigure)', () => {
    const rel = 'figure-conflict/conflict';
    const fresh = async (files: Record<string, string>, uri: string, text: string) => {
      clearContentCaches();
      const w = await workspaceOf(rel);
      for (const [u, t] of Object.entries(files)) if (w.files[u] !== t) w.service.check(u, t, 2);
      return w.service.check(uri, text, 1);
    };

    it("an earlier statement moved by a line typed above it: the conflict's related place follows it", async () => {
      const { service, files, folder } = await workspaceOf(rel);
      const draft = `${folder}/phien-03.report.md`;
      const earlier = `${folder}/phien-02.report.md`;
      const related = (fs: ReturnType<LanguageService['check']>) => fs.find((f) => f.code === 'figure-conflict')!.related![0].range.start.line;
      const before = service.check(draft, files[draft], 1);
      const moved = files[earlier].replace('## Kết quả đạt được\n', '## Kết quả đạt được\n\nMột đoạn mới.\n');
      service.check(earlier, moved, 2);
      const after = service.check(draft, files[draft], 1);
      assert.equal(related(after), related(before) + 2);
      assert.deepEqual(after, await fresh({ [earlier]: moved }, draft, files[draft]));
      // And the earlier statement's figure changed to the draft's: no conflict, as a fresh check.
      const agreed = files[earlier].replace('khoảng 53 tỷ USD', 'khoảng 60 tỷ USD');
      service.check(earlier, agreed, 3);
      const now = service.check(draft, files[draft], 1);
      assert.deepEqual(now, await fresh({ [earlier]: agreed }, draft, files[draft]));
      assert.ok(!now.some((f) => f.code === 'figure-conflict' && f.range.start.line === before.find((b) => b.code === 'figure-conflict')!.range.start.line));
    });
  });
});
