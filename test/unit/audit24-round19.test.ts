/**
 * held24's false marks, and classes of its misses (issue 13, round 19; parse/ranking-opened.ts,
 * binding.ts rankingOf; roles.ts multipleBases; series.ts furtherSeries; test/fixtures/prose/audit24-round19.yaml): each case's facts — the entry,
 * figure and period each reference's figure and further figures are read for — as the checker reads
 * the text marked by `markup` in each mode. A positive case of class 1 reads no further figure of the
 * pillar from the next sentence (one fact), a negative one reads the next sentence's places as before;
 * a positive case of class 2 reads the base a multiple is told against, of its earlier period; one
 * of class 3 ("QR code" for "mã QR", the catalog's aliases) the growth of QR-code payments; one of
 * class 4 (series.ts furtherSeries) the speed rank beside a network's speed named with "Internet".
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';

/** [entry, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/audit24-round19.yaml');

describe("held24's false marks and misses by class (fixtures/prose/audit24-round19.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, read) => {
    // Class 1: a positive case reads the pillar's own rank only, a negative one the next sentence's places too.
    if (c.class === 1) assert.equal(read.length === 1, c.kind === 'positive', JSON.stringify(read));
    // Class 2: a positive case reads a further figure of an earlier period than the bound one's, a negative one none.
    if (c.class === 2) assert.equal(read.some(([, , p]) => p < read[0][2]), c.kind === 'positive', JSON.stringify(read));
    // Class 3: a positive case reads the growth of QR-code payments, a negative one nothing.
    if (c.class === 3) assert.equal(read.some(([e]) => e === 'qr-payments-growth'), c.kind === 'positive', JSON.stringify(read));
    // Class 4: a positive case reads the network's speed rank beside its speed, a negative one the speed alone.
    if (c.class === 4) assert.equal(read.some(([e]) => e.endsWith('-speed-rank')), c.kind === 'positive', JSON.stringify(read));
  });
});
