/**
 * Press-style reports of several sessions (test/fixtures/press): consistent text draws no warning
 * or error from any figure rule (rank rises and falls, a restated value, a stock that falls, a
 * 2022→2024 movement); the inconsistent variant draws exactly the marked findings, and their
 * messages name the earlier session they compare with.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseReport } from '../../server/src/core/parse/document';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import type { Finding } from '../../server/src/core/types';
import { fixturesDir } from '../helpers';
import { expectations } from '../rule-fixtures';

/** The rules that judge figures (the others judge names, structure and wording). */
const FIGURE_RULES = new Set([
  'unit-mismatch', 'percent-out-of-range', 'count-decimals', 'english-decimal', 'fraction-exceeds-whole', 'fraction-percent-mismatch',
  'parts-total-mismatch', 'rank-change-mismatch', 'figure-conflict', 'implied-base-conflict', 'stock-decrease', 'denominator-mismatch',
  'series-outlier', 'target-claim', 'wrong-series', 'large-movement',
]);

async function workspaceOf(dir: string, lang: 'vi' | 'en') {
  const folder = pathToFileURL(dir).toString();
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.report.md')).sort()) files[`${folder}/${f}`] = readFileSync(path.join(dir, f), 'utf8');
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang });
  await service.reloadConfig();
  await service.reloadCatalog();
  await service.indexWorkspace();
  return { service, files };
}

const severityOf = (f: Finding): string => String(f.severity).toLowerCase();
const isInformation = (f: Finding): boolean => /^(information|info|hint|3|4)$/.test(severityOf(f));

describe('press-style reports of several sessions', () => {
  it('consistent: no warning or error from any figure rule, and every reference bound', async () => {
    const { service, files } = await workspaceOf(path.join(fixturesDir, 'press', 'consistent'), 'en');
    const seen: string[] = [];
    let bound = 0;
    for (const [uri, text] of Object.entries(files)) {
      const findings = service.check(uri, text, 1).filter((f) => FIGURE_RULES.has(f.code) && !isInformation(f));
      seen.push(...findings.map((f) => `${path.basename(uri)}:${f.range.start.line + 1} ${f.code}: ${f.message}`));
      for (const r of parseReport(text, uri).references) {
        assert.ok(r.figure, `${path.basename(uri)}: [[${r.written}]] bound to no figure`);
        bound++;
      }
    }
    assert.deepEqual(seen, []);
    assert.ok(bound >= 15, `${bound} references`);
  });

  for (const lang of ['en', 'vi'] as const) {
    it(`inconsistent: exactly the marked findings, naming the earlier session (${lang})`, async () => {
      const { service, files } = await workspaceOf(path.join(fixturesDir, 'press', 'inconsistent'), lang);
      let marked = 0;
      for (const [uri, text] of Object.entries(files)) {
        const findings = service.check(uri, text, 1).filter((f) => FIGURE_RULES.has(f.code) && !isInformation(f));
        const key = (f: Finding) => `${f.range.start.line}:${f.code}`;
        assert.deepEqual(findings.map(key).sort(), expectations(text), `${path.basename(uri)}\n${findings.map((f) => `${key(f)} ${f.message}`).join('\n')}`);
        for (const f of findings) {
          marked++;
          const session = lang === 'en' ? /session \d+/ : /phiên (?:họp )?(?:thứ )?\d+/i;
          assert.match(f.message, session, `${f.code} names no earlier session: ${f.message}`);
        }
      }
      assert.equal(marked, 4);
    });
  }
});
