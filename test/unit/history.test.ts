/**
 * The history across sessions, over the fixture workspaces of the history rules
 * (test/fixtures/rules/<rule-id>/…; their marked findings are checked in rules.test.ts).
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { loadWorkspace, ruleFixturesDir } from '../rule-fixtures';

/** A fixture workspace by its path under test/fixtures/rules. */
const workspaceOf = (rel: string) => loadWorkspace({ rule: rel.split('/')[0], dir: path.join(ruleFixturesDir, rel) });

const HISTORY_RULES = new Set([
  'figure-conflict',
  'stock-decrease',
  'implied-base-conflict',
  'denominator-mismatch',
  'series-outlier',
  'fraction-percent-mismatch',
  'parts-total-mismatch',
  'rank-change-mismatch',
  'target-claim',
  'wrong-series',
]);

describe('history', () => {
  it('links a conflict to the earlier session\'s line and names it', async () => {
    const { service, files, folder } = await workspaceOf('figure-conflict/conflict');
    const uri = `${folder}/phien-03.report.md`;
    const f = service.check(uri, files[uri], 1).find((x) => x.code === 'figure-conflict')!;
    assert.match(f.message, /khoảng 53 tỷ USD cho quý I\/2022 tại phiên họp thứ 2 ngày 27\/4\/2022/);
    assert.equal(f.related?.[0].uri, `${folder}/phien-02.report.md`);
    assert.equal(f.related?.[0].range.start.line, 9);
  });

  it('uses unsaved text of the earlier session and re-checks the draft', async () => {
    const { service, files, folder } = await workspaceOf('figure-conflict/conflict');
    const earlier = `${folder}/phien-02.report.md`;
    const draft = `${folder}/phien-03.report.md`;
    assert.equal(service.check(draft, files[draft], 1).filter((f) => f.code === 'figure-conflict').length, 1);
    // The earlier session, edited in the editor (not saved): now 60 agrees and 53 does not.
    service.check(earlier, files[earlier].replace('khoảng 53 tỷ USD', 'khoảng 60 tỷ USD'), 2);
    const after = service.check(draft, files[draft], 1).filter((f) => f.code === 'figure-conflict');
    assert.deepEqual(after.map((f) => f.range.start.line).sort((a, b) => a - b), [9, 11, 13]);
    // Closing it without saving brings back the disk text.
    service.forget(earlier, files[earlier]);
    assert.equal(service.check(draft, files[draft], 1).filter((f) => f.code === 'figure-conflict').length, 1);
  });

  it('a deleted session leaves the history; a new one joins it', async () => {
    const { service, files, folder } = await workspaceOf('figure-conflict/conflict');
    const draft = `${folder}/phien-03.report.md`;
    service.removeFile(`${folder}/phien-02.report.md`);
    assert.equal(service.check(draft, files[draft], 1).filter((f) => HISTORY_RULES.has(f.code)).length, 0);
    service.indexText(`${folder}/moved.report.md`, files[`${folder}/phien-02.report.md`]);
    assert.equal(service.check(draft, files[draft], 1).filter((f) => f.code === 'figure-conflict').length, 1);
  });

  it('re-reads only what changed', async () => {
    const { service, files, folder } = await workspaceOf('figure-conflict/conflict');
    const g = service.history.generation;
    service.indexText(`${folder}/phien-02.report.md`, files[`${folder}/phien-02.report.md`]);
    assert.equal(service.history.generation, g, 'same text: no change');
    service.indexText(`${folder}/phien-02.report.md`, files[`${folder}/phien-02.report.md`] + '\nThêm một câu.\n');
    assert.equal(service.history.generation, g, 'prose only: the figures are the same');
  });

  it('hover shows the figures across sessions with a trend picture; inlay hints show the previous value', async () => {
    const { service, files, folder } = await workspaceOf('series-outlier');
    const uri = `${folder}/phien-04.report.md`;
    const h = service.hover(uri, files[uri], { line: 9, character: 40 }, 1)!;
    assert.match(h.markdown, /Qua các phiên/);
    assert.match(h.markdown, /3\.678 cuộc/);
    assert.match(h.markdown, /data:image\/svg\+xml;base64,/);
    const hints = service.inlayHints(uri, files[uri], { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } }, 1);
    assert.equal(hints.length, 1);
    assert.match(hints[0].label, /phiên 3: 3\.500 cuộc/);
  });

  it('find references lists every session that cites the indicator', async () => {
    const { service, files, folder } = await workspaceOf('series-outlier');
    const uri = `${folder}/phien-04.report.md`;
    const refs = service.references(uri, files[uri], { line: 9, character: 40 }, 1);
    assert.deepEqual(refs.map((r) => r.session), [2, 3, 4]);
  });
});
