/**
 * A change written "nhiều hơn N so với <kỳ>" / "ít hơn N so với <kỳ>" (issue 13, round 21;
 * test/fixtures/count-round21.yaml; docs/reading.md §6.9; parse/figures.ts): a change of the level
 * against that period, so that a base in brackets after the comparison is that period's figure
 * (§6.5 (1)). Each case's facts — each reference's bound figure and its further figures, with the
 * entry and the period — as the checker reads the text marked by `markup` in each mode; a positive
 * case reads its change (raw, direction, period compared with), a negative one no change after
 * "nhiều hơn" / "ít hơn". (A consistent report of such changes, its base stored rounded ("58.000"),
 * draws no warning, and a wrong change still draws implied-base-conflict: the rule fixture
 * test/fixtures/rules/implied-base-conflict/rounded-count, run by rules.test.ts.)
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { readFigures } from '../../server/src/core/parse/figures';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';

/** [entry id, figure, period]. */
type Fact = [string, string, string];
type Case = ClassCase<Fact> & { change?: [string, 'up' | 'down', string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('count-round21.yaml');

describe('"nhiều hơn N so với <kỳ>" (fixtures/count-round21.yaml)', () => {
  describeClassCases(cases, { classes: [1], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c) => {
    const changes = readFigures(c.text)
      .filter((f) => f.change && /^(?:nhiều hơn|ít hơn|tăng thêm|tăng nhiều hơn)\s/iu.test(f.raw))
      .map((f) => [f.raw, f.change!.direction, f.change!.against ?? '']);
    assert.deepEqual(changes, c.change ? [c.change] : [], c.rule);
    // The qualifier "hơn" stays only after a change word ("tăng nhiều hơn 5.000": by more than 5.000).
    for (const f of readFigures(c.text).filter((x) => x.change && /nhiều hơn|ít hơn/iu.test(x.raw))) assert.equal(f.qualifier, /^tăng|^giảm/iu.test(f.raw) ? 'hơn' : null, f.raw);
  });
});
