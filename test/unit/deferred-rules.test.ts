/**
 * A check in two parts (LanguageService.checkReport `defer`, the server's first diagnostics:
 * lsp/sync.ts checkOpenNow): the first part gives every finding but the deferred rules', the next
 * check of the same version runs those alone, and together they are exactly one full check's
 * findings, in the same order.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { UNMARKED_INDICATOR } from '../../server/src/core/rules/unmarked-indicator';
import { fixturesDir } from '../helpers';

const folder = 'file:///ws';
const deferred = (rule: string): boolean => rule === UNMARKED_INDICATOR;

/** Reports with figure findings and unmarked indicators both: the fixture workspace's draft with prose added, and press reports. */
function reports(): Array<[string, string]> {
  const draft = readFileSync(path.join(fixturesDir, 'workspace', 'draft.report.md'), 'utf8') + '\nPhát triển doanh nghiệp công nghệ số đạt 50.350 doanh nghiệp.\n';
  const press = path.join(fixturesDir, 'press-unmarked');
  const out: Array<[string, string]> = [['draft.report.md', draft]];
  for (const f of readdirSync(press).filter((f) => f.endsWith('.report.md')).sort()) out.push([f, readFileSync(path.join(press, f), 'utf8')]);
  return out;
}

async function service(): Promise<LanguageService> {
  const s = new LanguageService({ workspace: new InMemoryWorkspace({}), folders: [folder], lang: 'vi' });
  await s.reloadCatalog();
  return s;
}

describe('a check in two parts (the first diagnostics)', () => {
  it('the first part leaves out the deferred rules only; the second gives a full check, finding for finding', async () => {
    const full = await service();
    const twoParts = await service();
    let unmarked = 0;
    for (const [name, text] of reports()) {
      const uri = `${folder}/${name}`;
      const all = full.checkReport(uri, text, 1);
      assert.equal(all.partial, undefined);
      unmarked += all.findings.filter((f) => f.code === UNMARKED_INDICATOR).length;
      const first = twoParts.checkReport(uri, text, 1, deferred);
      assert.equal(first.partial, true, name);
      assert.deepEqual(first.findings, all.findings.filter((f) => f.code !== UNMARKED_INDICATOR), name);
      const second = twoParts.checkReport(uri, text, 1);
      assert.equal(second.partial, undefined, name);
      assert.deepEqual(second.findings, all.findings, name);
      // Asked to defer once the full findings are there: they are given, complete.
      assert.deepEqual(twoParts.checkReport(uri, text, 1, deferred), { findings: all.findings, historyChanged: false });
    }
    assert.ok(unmarked >= 5, `unmarked-indicator findings to defer: ${unmarked}`);
  });

  it("a first part is not reused once the check's inputs changed (another version, the language)", async () => {
    const s = await service();
    const [, text] = reports()[0];
    const uri = `${folder}/draft.report.md`;
    s.checkReport(uri, text, 1, deferred);
    const edited = text + '\nChỉ số chuyển đổi số cấp tỉnh đạt 0,5 điểm.\n';
    const reference = await service();
    assert.deepEqual(s.checkReport(uri, edited, 2).findings, reference.checkReport(uri, edited, 2).findings);
    // The language changed between the two parts: the full check is made anew, in the new language.
    s.checkReport(uri, text, 3, deferred);
    s.configure({ lang: 'en' });
    const english = await service();
    english.configure({ lang: 'en' });
    assert.deepEqual(s.checkReport(uri, text, 3).findings, english.checkReport(uri, text, 3).findings);
  });
});
