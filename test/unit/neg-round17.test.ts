/**
 * Distractors (issue 13, round 17; docs/reading.md §18; test/fixtures/prose/neg-round17.yaml): figures
 * near a catalog name that are no value of that entry for the report's subject and period. Each case's
 * facts — each reference's bound figure and its further figures, with the entry and the period — as
 * the checker reads the text marked by `markup` in each mode. Classes 1-3 (markup/added.ts, markup/
 * ministry-figure.ts memberOfBloc, markup/dating.ts periodStillRunning): a positive case reads nothing,
 * a negative one reads the entry's own figure. Class 4 (series.ts further figures): a count's rate per
 * population is read as the per-population entry's, never as the count's. Class 5 (markup/counted.ts
 * otherUse): a counted noun whose clause names another thing used reads nothing.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';

/** [entry id, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/neg-round17.yaml');

/** The facts the checker reads in `marked` (marked-cases.ts entryPeriodFacts). */
const negFacts = (marked: string): Fact[] => entryPeriodFacts(marked, catalog);

describe('distractors (fixtures/prose/neg-round17.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4, 5], positives: 2, negatives: 2 }, catalog, negFacts, (c, facts) => {
    if (c.class === 4) {
      // A rate per population is never the count's value.
      const countWithRate = facts.some(([id, figure]) => !id.endsWith('-per-100') && figure.includes('/100'));
      assert.ok(!countWithRate, JSON.stringify(facts));
      assert.equal(facts.some(([id]) => id.endsWith('-per-100')), c.kind === 'positive', JSON.stringify(facts));
    } else if (c.class === 5) {
      // The wrap mode lists a bare counted noun ("người") as a variant: a negative case may read in canonical mode only.
      if (c.kind === 'positive') assert.deepEqual(facts, [], c.rule);
    } else assert.equal(facts.length === 0, c.kind === 'positive', `${c.rule}: ${JSON.stringify(facts)}`);
  });
});
