/**
 * Tables as the press writes them (issue 13, round 20; docs/reading.md §7.1;
 * test/fixtures/table-round20.yaml): a value column headed by a measure noun and the index's
 * abbreviation over provinces (markup/table-named-measure.ts), rank-first tables
 * (markup/table-rank-first.ts, parse/table-cells.ts rankFirstLabel) and networks as rows under
 * measure columns (markup/table-network-rows.ts). Each case's facts — each reference's bound figure
 * and its further figures, with the entry and the period — as the checker reads the text marked by
 * `markup` in each mode: canonical reads a positive case's entries, wrap lists them; a negative case
 * reads none of the class's entries in either mode.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';

/** [entry id, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('table-round20.yaml');

describe('tables as the press writes them (fixtures/table-round20.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    if (c.kind === 'negative') assert.deepEqual(facts, [], c.rule);
  });

  it('a positive case reads its entries in canonical mode', () => {
    for (const c of cases.filter((x) => x.kind === 'positive')) assert.ok((c.canonical ?? []).length > 0, c.rule);
  });
});
