/**
 * The rules' memo of values derived from the history (server/src/core/rules/memo.ts) is keyed by
 * the arrays the history's queries return, and the history knows nothing of it: a change of an
 * earlier session must still reach the findings of a later one, through every rule that memoizes.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { HistoryEntry } from '../../server/src/core/history/types';
import { derived } from '../../server/src/core/rules/memo';
import { selfKey } from '../../server/src/core/rules/history-context';
import { loadWorkspace, ruleFixturesDir } from '../rule-fixtures';

const workspaceOf = (rel: string) => loadWorkspace({ rule: rel.split('/')[0], dir: path.join(ruleFixturesDir, rel) });

describe('rule memo', () => {
  it('computes a value once per source array and key, again for another array', () => {
    const a: HistoryEntry[] = [];
    const b: HistoryEntry[] = [];
    let n = 0;
    const count = () => ++n;
    assert.equal(derived(a, 'k', count), 1);
    assert.equal(derived(a, 'k', count), 1);
    assert.equal(derived(a, 'other', count), 2);
    assert.equal(derived(b, 'k', count), 3);
  });

  it('the history answers with the same array until the figures behind it change, then with a new one', async () => {
    const { service, files, folder } = await workspaceOf('stock-decrease');
    const earlier = `${folder}/phien-05.report.md`;
    const self = selfKey(service.analysis(`${folder}/phien-09.report.md`, files[`${folder}/phien-09.report.md`], 1));
    const first = service.history.earlier('national-portal-dossiers', self);
    assert.equal(first.length, 1);
    assert.equal(service.history.earlier('national-portal-dossiers', self), first, 'unchanged: the same array (the memo holds)');
    service.indexText(earlier, `${files[earlier]}\nThêm một câu.\n`);
    assert.equal(service.history.earlier('national-portal-dossiers', self), first, 'prose only: the same figures, the same array');
    service.indexText(earlier, files[earlier].replace('trên 177 triệu hồ sơ', 'trên 140 triệu hồ sơ'));
    const second = service.history.earlier('national-portal-dossiers', self);
    assert.notEqual(second, first, 'a figure changed: a new array, so every value derived from the old one is out of reach');
    assert.equal(second[0].raw, 'trên 140 triệu hồ sơ');
  });

  it('stock-decrease: an earlier session edited, the draft\'s finding goes; the edit undone, it comes back', async () => {
    const { service, files, folder } = await workspaceOf('stock-decrease');
    const earlier = `${folder}/phien-05.report.md`;
    const draft = `${folder}/phien-09.report.md`;
    const codes = () => service.check(draft, files[draft], 1).filter((f) => f.code === 'stock-decrease').length;
    assert.equal(codes(), 1);
    service.check(earlier, files[earlier].replace('trên 177 triệu hồ sơ', 'trên 140 triệu hồ sơ'), 2);
    assert.equal(codes(), 0);
    service.forget(earlier, files[earlier]);
    assert.equal(codes(), 1);
  });

  it('large-movement: the previous value edited moves the finding', async () => {
    const { service, files, folder } = await workspaceOf('large-movement/default');
    const earlier = `${folder}/phien-02.report.md`;
    const draft = `${folder}/phien-09.report.md`;
    const movement = () => service.check(draft, files[draft], 1).filter((f) => f.code === 'large-movement' && f.data?.indicator === 'digital-tech-businesses');
    assert.equal(movement().length, 1);
    service.check(earlier, files[earlier].replace('65.329', '52.000'), 2);
    assert.equal(movement().length, 0, '52.000 → 50.350 is under 20%');
    service.check(earlier, files[earlier].replace('65.329', '30.000'), 3);
    assert.match(movement()[0]?.message ?? '', /tăng 68%: từ "30\.000/);
  });

  it('series-outlier: the series edited, the median and the finding follow', async () => {
    const { service, files, folder } = await workspaceOf('series-outlier/below');
    const draft = `${folder}/phien-04.report.md`;
    const outliers = () => service.check(draft, files[draft], 1).filter((f) => f.code === 'series-outlier');
    assert.equal(outliers().length, 1);
    for (const [i, s] of [['02', '3.000'], ['03', '3.200']]) {
      const uri = `${folder}/phien-${i}.report.md`;
      service.check(uri, files[uri].replace(`${s} cuộc`, '300 cuộc'), 2);
    }
    assert.equal(outliers().length, 0);
  });
});
