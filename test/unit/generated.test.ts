/**
 * The files generated from the rule registry (scripts/generated.ts) are up to date: `npm run gen`
 * writes them, this test (and `npm run gen -- --check`) fails while one is stale.
 */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { generatedFiles, MESSAGES_START, pageFiles, registry, README_START, rulePage, type RuleMeta } from '../../scripts/generated';
import { repoRoot } from '../helpers';

const read = (p: string) => (existsSync(path.join(repoRoot, p)) ? readFileSync(path.join(repoRoot, p), 'utf8') : undefined);

describe('generated from the rule registry', () => {
  for (const f of [...generatedFiles, ...pageFiles(registry)]) {
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

  it("a rule's page gets the table of its messages before its quick fix section, once, and keeps it in place after", () => {
    const rule: RuleMeta = { id: 'new-rule', defaultSeverity: 'hint', description: { vi: 'Quy tắc mới.', en: 'A new rule.' }, messages: { found: { vi: 'Thấy "{raw}".', en: 'Found "{raw}".' } } };
    const page = '# `new-rule`\n\n## Thông báo · Message\n\nx\n\n## Sửa nhanh · Quick fix\n\nKhông có.\n';
    const once = rulePage(page, rule);
    assert.ok(once.indexOf(MESSAGES_START) < once.indexOf('## Sửa nhanh'));
    assert.match(once, /\| `found` \| Thấy "\{raw\}"\. \| Found "\{raw\}"\. \|/);
    assert.equal(rulePage(once, rule), once);
    const renamed = rulePage(once, { ...rule, messages: { seen: rule.messages!.found } });
    assert.match(renamed, /`seen`/);
    assert.doesNotMatch(renamed, /`found`/);
    assert.throws(() => rulePage(undefined, rule), /does not exist: write the rule's page first/);
    assert.throws(() => rulePage('# no fix section\n', rule), /Sửa · Fix/);
    // Every rule of the registry has messages, so every page has its table.
    assert.deepEqual(pageFiles(registry).map((f) => f.path).length, registry.filter((r) => r.messages).length);
    assert.ok(registry.filter((r) => r.messages).length >= 24);
  });
});
