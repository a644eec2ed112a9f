/**
 * Series inference, fixture-driven: each folder under test/fixtures/series is a workspace; on the
 * line of a reference whose name several series share, `<!-- series: ID by HOW -->` names the series
 * the checker settles on and how (sentence, paragraph, period, history), `<!-- series: undecided -->`
 * one nothing decides. Those, and only those, draw `ambiguous-indicator`.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { fixturesDir } from '../helpers';

const root = path.join(fixturesDir, 'series');

/** "line: ID by HOW" or "line: undecided" for every expectation (lines 0-based). */
function expected(text: string): string[] {
  const out: string[] = [];
  text.split(/\r?\n/).forEach((line, i) => {
    const m = /<!--\s*series:\s*([^>]*?)\s*-->/.exec(line);
    if (m) out.push(`${i}: ${m[1]}`);
  });
  return out.sort();
}

describe('series inference (fixtures)', () => {
  const folders = readdirSync(root).filter((n) => statSync(path.join(root, n)).isDirectory()).sort();
  it('covers every way of deciding and the undecided case', () => {
    const all = folders.flatMap((f) => readdirSync(path.join(root, f)).map((r) => readFileSync(path.join(root, f, r), 'utf8'))).join('\n');
    for (const how of ['by sentence', 'by paragraph', 'by period', 'by history', 'undecided']) assert.match(all, new RegExp(`series: [^>]*${how}`), how);
  });
  for (const name of folders) {
    it(`${name}: each shared name settled as marked`, async () => {
      const dir = path.join(root, name);
      const folder = pathToFileURL(dir).toString();
      const files: Record<string, string> = {};
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.report.md'))) files[`${folder}/${f}`] = readFileSync(path.join(dir, f), 'utf8');
      const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'vi' });
      await service.reloadCatalog();
      await service.indexWorkspace();
      for (const [uri, text] of Object.entries(files)) {
        const findings = service.check(uri, text, 1);
        const analysis = service.analysis(uri, text, 1);
        const actual = analysis.refs
          .filter((r) => r.match.kind === 'ambiguous')
          .map((r) => `${r.ref.range.start.line}: ${r.indicator && r.series ? `${r.indicator.id} by ${r.series.by}` : 'undecided'}`);
        assert.deepEqual(actual.sort(), expected(text), path.basename(uri));
        const flagged = findings.filter((f) => f.code === 'ambiguous-indicator').map((f) => `${f.range.start.line}: undecided`);
        assert.deepEqual(flagged.sort(), expected(text).filter((e) => e.endsWith('undecided')), `${path.basename(uri)}: ambiguous-indicator exactly on the undecided names`);
      }
    });
  }

  it('hover names the series chosen and why, the figure\'s role and period, and the entry\'s compilers with dates, scope and sources', async () => {
    const dir = path.join(root, 'sentence');
    const folder = pathToFileURL(dir).toString();
    const uri = `${folder}/phien-14.report.md`;
    const text = readFileSync(path.join(dir, 'phien-14.report.md'), 'utf8');
    const service = new LanguageService({ workspace: new InMemoryWorkspace({ [uri]: text }), folders: [folder], lang: 'en' });
    const line = text.split('\n').findIndex((l) => l.startsWith('Theo Cục Thống kê'));
    const h = service.hover(uri, text, { line, character: 25 }, 1)!.markdown;
    assert.match(h, /this is the Tổng cục Thống kê series: the sentence names the compiler: Cục Thống kê/);
    assert.match(h, /role: level/);
    assert.match(h, /period 2024/);
    assert.match(h, /Cục Thống kê \(Bộ Tài chính\) \(CTK, NSO\) \(from 1 Mar 2025\)/);
    assert.match(h, /Published by: year/);
    assert.match(h, /Sources: \[1\]\(https:/);
    const rank = 'Việt Nam đứng thứ 71/193 thế giới về [[Xếp hạng Chỉ số phát triển Chính phủ điện tử của Liên Hợp Quốc]] năm 2024.';
    const hr = service.hover('file:///r.report.md', rank, { line: 0, character: 45 }, 1)!.markdown;
    assert.match(hr, /role: rank · ranked in: the world/);
    assert.match(hr, /Scope: the world/);
  });
});
