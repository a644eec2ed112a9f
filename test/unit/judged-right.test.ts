/**
 * Issue 13's judged-right list on a scenario of our own (test/fixtures/rules/figure-conflict/
 * judged-right: a rank rise checked against the history, a restated value, a count that falls, a
 * 2022→2024 movement): besides the exact findings (rules.test.ts), each finding marked
 * `<!-- expect: rule (N) -->` names the earlier session N in its message, in Vietnamese and in English.
 * Information findings count here (large-movement), unlike press.test.ts.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { ruleFixturesDir } from '../rule-fixtures';

const dir = path.join(ruleFixturesDir, 'figure-conflict', 'judged-right');

/** "line:code" → the earlier session the finding must name, from `<!-- expect: code (N) -->`. */
function namedSessions(text: string): Map<string, number> {
  const out = new Map<string, number>();
  text.split(/\r?\n/).forEach((line, i) => {
    for (const m of line.matchAll(/<!--\s*expect:\s*([a-z-]+)\s*\((\d+)\)\s*-->/g)) out.set(`${i}:${m[1]}`, Number(m[2]));
  });
  return out;
}

describe('judged right across sessions (issue 13)', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`every finding names the earlier session it compares with (${lang})`, async () => {
      const folder = pathToFileURL(dir).toString();
      const files: Record<string, string> = {};
      for (const f of readdirSync(dir).filter((f) => f.endsWith('.report.md')).sort()) files[`${folder}/${f}`] = readFileSync(path.join(dir, f), 'utf8');
      const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang, severities: { 'missing-section': 'off', 'section-order': 'off' } });
      await service.reloadConfig();
      await service.reloadCatalog();
      await service.indexWorkspace();
      let checked = 0;
      for (const [uri, text] of Object.entries(files)) {
        const want = namedSessions(text);
        const findings = service.check(uri, text, 1);
        assert.deepEqual(findings.map((f) => `${f.range.start.line}:${f.code}`).sort(), [...want.keys()].sort(), `${path.basename(uri)}\n${findings.map((f) => `${f.code}: ${f.message}`).join('\n')}`);
        for (const f of findings) {
          const n = want.get(`${f.range.start.line}:${f.code}`)!;
          const session = lang === 'vi' ? new RegExp(`phiên họp thứ ${n}(?!\\d)`) : new RegExp(`session ${n}(?!\\d)`);
          assert.match(f.message, session, `${path.basename(uri)} ${f.code} does not name session ${n}: ${f.message}`);
          checked++;
        }
      }
      assert.equal(checked, 6);
    });
  }
});
