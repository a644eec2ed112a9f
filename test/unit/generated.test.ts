/**
 * The files generated from the rule registry (scripts/generated.ts) are up to date: `npm run gen`
 * writes them, this test (and `npm run gen -- --check`) fails while one is stale.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generatedFiles, registry, README_START, type RuleMeta } from '../../scripts/generated';
import { repoRoot } from '../helpers';

const read = (p: string) => (existsSync(path.join(repoRoot, p)) ? readFileSync(path.join(repoRoot, p), 'utf8') : undefined);

describe('generated from the rule registry', () => {
  for (const f of generatedFiles) {
    it(`${f.path} is up to date (else: npm run gen)`, () => {
      const current = read(f.path);
      assert.equal(current, f.generate(current, registry), `${f.path} is stale: run \`npm run gen\``);
    });
  }

  it('a new rule reaches every generated file, and nothing else changes', () => {
    const extra: RuleMeta = { id: 'new-rule', defaultSeverity: 'hint', description: { vi: 'Quy tắc mới.', en: 'A new rule.' } };
    for (const f of generatedFiles) {
      const current = read(f.path);
      const before = f.generate(current, registry);
      const after = f.generate(current, [...registry, extra]);
      assert.notEqual(after, before, f.path);
      assert.match(after, /new-rule/, f.path);
      // Removing the rule again gives back the file as it was.
      assert.equal(f.generate(after, registry), before, f.path);
    }
    const pkg = JSON.parse(generatedFiles.find((f) => f.path === 'package.json')!.generate(read('package.json'), [...registry, extra]));
    assert.equal(pkg.contributes.configuration.properties['policyReport.rules'].properties['new-rule'].default, 'hint');
  });

  it('refuses a README without the table markers', () => {
    const readme = generatedFiles.find((f) => f.path === 'README.md')!;
    assert.throws(() => readme.generate('# no table here\n', registry), /markers/);
    assert.ok(read('README.md')!.includes(README_START));
  });
});
