/** The registry's ids and doc pages; what is generated from it is checked in generated.test.ts. */
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ruleMetadata } from '../../server/src/core/rules';
import { repoRoot } from '../helpers';

const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

describe('rule registry', () => {
  it('has kebab-case, unique ids', () => {
    const ids = ruleMetadata.map((r) => r.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const id of ids) assert.match(id, /^[a-z]+(-[a-z]+)*$/);
  });

  it('has a doc page for every rule, in both languages', () => {
    for (const r of ruleMetadata) {
      const file = path.join(repoRoot, 'docs', 'rules', `${r.id}.md`);
      assert.ok(existsSync(file), file);
      const text = readFileSync(file, 'utf8');
      assert.match(text, new RegExp(r.id));
      assert.ok(r.description.vi && r.description.en);
    }
  });
  // package.json's settings, the nls entries, the README table and docs/rules/README.md are
  // generated from the registry: test/unit/generated.test.ts.
});

describe('manifest localization', () => {
  const nls = (f: string) => JSON.parse(readFileSync(path.join(repoRoot, f), 'utf8')) as Record<string, string>;
  it('every %key% of package.json exists in English and Vietnamese', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 10);
    const en = nls('package.nls.json');
    const vi = nls('package.nls.vi.json');
    for (const k of keys) {
      assert.ok(en[k], `en: ${k}`);
      assert.ok(vi[k], `vi: ${k}`);
    }
    assert.deepEqual(Object.keys(en).sort(), Object.keys(vi).sort());
  });
});
