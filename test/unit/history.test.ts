/**
 * Checks across sessions and within sentences, fixture-driven: each folder under
 * test/fixtures/history is a workspace (reports + optional .policy-report/figures.csv); each report
 * marks its expected findings inline with `<!-- expect: rule-id -->`. Every report of the folder is
 * checked with the history of all the others.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import type { Finding } from '../../server/src/core/types';
import { fixturesDir } from '../helpers';
import { expectations } from './rules.test';

const root = path.join(fixturesDir, 'history');

async function workspaceOf(dir: string) {
  const folder = pathToFileURL(dir).toString();
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.report.md'))) files[`${folder}/${f}`] = readFileSync(path.join(dir, f), 'utf8');
  for (const name of ['figures.csv', 'config.yaml']) {
    const file = path.join(dir, '.policy-report', name);
    if (existsSync(file)) files[`${folder}/.policy-report/${name}`] = readFileSync(file, 'utf8');
  }
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'vi' });
  await service.reloadConfig();
  await service.reloadCatalog();
  await service.indexWorkspace();
  return { service, files, folder };
}

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

describe('checks across sessions (fixtures)', () => {
  for (const name of readdirSync(root).filter((n) => statSync(path.join(root, n)).isDirectory()).sort()) {
    it(`${name}: exactly the marked findings`, async () => {
      const { service, files } = await workspaceOf(path.join(root, name));
      for (const [uri, text] of Object.entries(files)) {
        if (!uri.endsWith('.report.md')) continue;
        const findings = service.check(uri, text, 1);
        const key = (f: Finding) => `${f.range.start.line}:${f.code}`;
        assert.deepEqual(findings.map(key).sort(), expectations(text), `${path.basename(uri)}\n` + findings.map((f) => `${key(f)} ${f.message}`).join('\n'));
      }
    });
  }
});

describe('history', () => {
  it('links a conflict to the earlier session\'s line and names it', async () => {
    const { service, files, folder } = await workspaceOf(path.join(root, 'conflict'));
    const uri = `${folder}/phien-03.report.md`;
    const f = service.check(uri, files[uri], 1).find((x) => x.code === 'figure-conflict')!;
    assert.match(f.message, /khoảng 53 tỷ USD cho quý I\/2022 tại phiên họp thứ 2 ngày 27\/4\/2022/);
    assert.equal(f.related?.[0].uri, `${folder}/phien-02.report.md`);
    assert.equal(f.related?.[0].range.start.line, 9);
  });

  it('uses unsaved text of the earlier session and re-checks the draft', async () => {
    const { service, files, folder } = await workspaceOf(path.join(root, 'conflict'));
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
    const { service, files, folder } = await workspaceOf(path.join(root, 'conflict'));
    const draft = `${folder}/phien-03.report.md`;
    service.removeFile(`${folder}/phien-02.report.md`);
    assert.equal(service.check(draft, files[draft], 1).filter((f) => HISTORY_RULES.has(f.code)).length, 0);
    service.indexText(`${folder}/moved.report.md`, files[`${folder}/phien-02.report.md`]);
    assert.equal(service.check(draft, files[draft], 1).filter((f) => f.code === 'figure-conflict').length, 1);
  });

  it('re-reads only what changed', async () => {
    const { service, files, folder } = await workspaceOf(path.join(root, 'conflict'));
    const g = service.history.generation;
    service.indexText(`${folder}/phien-02.report.md`, files[`${folder}/phien-02.report.md`]);
    assert.equal(service.history.generation, g, 'same text: no change');
    service.indexText(`${folder}/phien-02.report.md`, files[`${folder}/phien-02.report.md`] + '\nThêm một câu.\n');
    assert.equal(service.history.generation, g, 'prose only: the figures are the same');
  });

  it('hover shows the figures across sessions with a trend picture; inlay hints show the previous value', async () => {
    const { service, files, folder } = await workspaceOf(path.join(root, 'outlier'));
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
    const { service, files, folder } = await workspaceOf(path.join(root, 'outlier'));
    const uri = `${folder}/phien-04.report.md`;
    const refs = service.references(uri, files[uri], { line: 9, character: 40 }, 1);
    assert.deepEqual(refs.map((r) => r.session), [2, 3, 4]);
  });
});
