/**
 * Issue 13's judged-right list on a scenario of our own (test/fixtures/rules/figure-conflict/
 * judged-right: a rank rise checked against the history, a restated value, a count that falls, a
 * 2022→2024 movement): besides the exact findings (rules.test.ts), each finding marked
 * `<!-- expect: rule (N) -->` names the earlier session N in its message, in Vietnamese and in English.
 * Information findings count here (large-movement), unlike press.test.ts.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkNamedSessions, ruleFixturesDir } from '../rule-fixtures';

const dir = path.join(ruleFixturesDir, 'figure-conflict', 'judged-right');

describe('judged right across sessions (issue 13)', () => {
  for (const lang of ['vi', 'en'] as const) {
    it(`every finding names the earlier session it compares with (${lang})`, async () => {
      assert.equal(await checkNamedSessions(dir, lang, assert), 6);
    });
  }
});
