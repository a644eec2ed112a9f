/**
 * held22's false marks, and classes of its misses (issue 13, round 18; markup/province-section.ts;
 * parse/rank-bases.ts, roles.ts bracketedBases, further.ts, family-carry.ts;
 * test/fixtures/prose/audit22-round18.yaml): each case's facts — the entry, figure and period each
 * reference's figure and further figures are read for — as the checker reads the text marked by
 * `markup` in each mode; a positive case of class 1 lists its figure figure-does-not-fit, a negative
 * one lists none so; a positive case of class 2 reads a base of an earlier period, a negative one none;
 * a positive case of class 3 reads the share (markup/subject-names.ts wholeAfter), of class 4 the place a
 * ranking gives its subject (markup/report-title.ts), a negative one nothing.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, listedFigures, loadCases, type ClassCase } from '../marked-cases';

/** [entry, figure, period]. */
type Fact = [string, string, string];
interface Case extends ClassCase<Fact> {
  listed?: string;
}
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('prose/audit22-round18.yaml');

/** The figures `markup` lists in `text` (wrap mode), with their reasons. */
const listed = (c: Case): Array<[string, string]> => listedFigures(c.text, c.period, catalog);

describe("held22's false marks and misses by class (fixtures/prose/audit22-round18.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, read) => {
    // Class 2: a positive case reads a further figure of an earlier period, a negative one none.
    if (c.class === 2) return assert.equal(read.some(([, , p]) => p < c.period && p !== read[0][2]), c.kind === 'positive', JSON.stringify(read));
    if (c.class === 3 || c.class === 4) return assert.equal(read.length > 0, c.kind === 'positive'); // (the facts above are its promise)
    const got = listed(c);
    if (c.kind === 'positive') assert.ok(got.some(([f, r]) => f.includes(c.listed!) && r === 'figure-does-not-fit'), `${c.rule}: ${JSON.stringify(got)}`);
    else assert.ok(!got.some(([, r]) => r === 'figure-does-not-fit'), `${c.rule}: ${JSON.stringify(got)}`);
  });
});
