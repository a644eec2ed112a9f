/**
 * Canonical mode's words on every press set (issue 13, round 12; canonical-like-wrap.ts): canonical
 * mode marks the spans wrap mode marks (or lists), and its output is wrap's with each mark's words
 * replaced by the canonical name, taking in no word of the writer but the name's own. The random
 * prose of the same property runs in markup-bytes.test.ts. The sets still written blind are not read.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { fixturesDir } from '../helpers';
import { checkCanonicalLikeWrap, newLikeWrapTally } from './canonical-like-wrap';

/** Press sets being written or measured blind: no test prints their sentences. */
const BLIND = new Set(['press-unmarked-held16', 'press-unmarked-held17', 'press-unmarked-held18', 'press-unmarked-held19', 'press-unmarked-held20']);

const catalog = new Catalog(loadDefaultCatalog());
const sets = readdirSync(fixturesDir).filter((d) => /^press-unmarked(?:-held\d*)?$/.test(d) && !BLIND.has(d)).sort();

describe('markup: canonical mode marks what wrap marks, and writes only the name (every press set)', () => {
  it('finds the press sets', () => assert.ok(sets.length >= 10, sets.join(', ')));
  for (const set of sets)
    it(set, function () {
      this.timeout(600_000);
      const tally = newLikeWrapTally();
      const files = readdirSync(path.join(fixturesDir, set)).filter((f) => f.endsWith('.md')).sort();
      for (const f of files) checkCanonicalLikeWrap(readFileSync(path.join(fixturesDir, set, f), 'utf8'), catalog, `${set}/${f}`, tally);
      // The property is worth something only where the sets are marked.
      assert.ok(tally.wrapMarks >= files.length, `${set}: ${JSON.stringify(tally)}`);
    });
});
