/**
 * The rule pages (docs/rules/*.md) say the same things in the same places: what the rule checks, why,
 * examples, how to fix a finding, how to turn it off; and the disable comments are documented with
 * where each may stand.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ruleMetadata } from '../../server/src/core/rules/index';
import { repoRoot } from '../helpers';

const dir = path.join(repoRoot, 'docs', 'rules');
const SECTIONS: Array<[string, RegExp]> = [
  ['Kiểm tra gì', /^## Kiểm tra gì$/m],
  ['What it checks', /^## What it checks$/m],
  ['Vì sao', /^## Vì sao$/m],
  ['Why', /^## Why$/m],
  ['Examples', /^## Ví dụ · Examples$/m],
  ['Fix', /^## Sửa( nhanh)? · (Fix|Quick fix)$/m],
  ['Turning it off', /^## Tắt[^\n]* · Turning it off$/m],
];

describe('rule docs', () => {
  it('one page per rule, and no page without a rule', () => {
    const pages = readdirSync(dir).filter((f) => f.endsWith('.md') && f !== 'README.md').map((f) => f.slice(0, -3)).sort();
    assert.deepEqual(pages, ruleMetadata.map((r) => r.id).sort());
  });

  for (const r of ruleMetadata) {
    it(`${r.id}: what it checks, why, examples, the fix and turning it off`, () => {
      const text = readFileSync(path.join(dir, `${r.id}.md`), 'utf8');
      assert.deepEqual(SECTIONS.filter(([, re]) => !re.test(text)).map(([name]) => name), []);
      assert.match(text, new RegExp(`"${r.id}"`), 'the setting names the rule');
    });
  }

  it('the disable comments: each one and where it may stand, the front matter first', () => {
    const dialect = readFileSync(path.join(repoRoot, 'docs', 'dialect.md'), 'utf8');
    const section = dialect.slice(dialect.indexOf('## 14. Tắt kiểm tra tại chỗ · Disable comments'));
    assert.ok(section.length > 100);
    for (const d of ['disable-next-line', 'disable-line', 'disable RULE', 'enable', 'disable-file']) assert.ok(section.includes(`policy-report-${d}`), d);
    assert.match(section, /\*\*after the front matter\*\*/);
    assert.match(section, /The front matter must start on line 1/);
  });
});
