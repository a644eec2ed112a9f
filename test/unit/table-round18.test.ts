/**
 * Measure rows over period columns under a corner cell naming the network (issue 13, round 18;
 * test/fixtures/prose/table-round18.yaml, markup/table-corner-part.ts): each case's facts — the
 * entry, figure and period each reference's figure and further figures are read for — as the
 * checker reads the text marked by `markup` in each mode (wrap lists the rows: no facts); a positive
 * case reads facts in canonical mode, a negative one none in either mode.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';

/** [entry, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/table-round18.yaml');

describe('measure rows under a corner cell naming the network (fixtures/prose/table-round18.yaml)', () => {
  describeClassCases(cases, { classes: [1], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, read) => {
    if (c.kind === 'negative') assert.equal(read.length, 0, JSON.stringify(read));
  });
});
