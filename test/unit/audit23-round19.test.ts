/**
 * held23's false marks, and classes of its misses (issue 13, round 19; parse/roles.ts rangeEnds;
 * catalog/count-members.ts countMember, markup/detect.ts; test/fixtures/prose/audit23-round19.yaml):
 * each case's facts — the entry, figure and period each reference's figure and further figures are
 * read for — as the checker reads the text marked by `markup` in each mode; a positive case of class
 * 1 reads nothing and lists its range's first end figure-role, a negative one reads the movement's
 * last level; a positive case of class 2 reads a growth entry, a negative one lists its figure
 * figure-does-not-fit or reads the level bound before the growth word; a positive case of class 3
 * (parse/binding.ts continueRanking) reads ranks after a leader's score, a negative one none.
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
const cases = loadCases<Case>('prose/audit23-round19.yaml');

/** The figures `markup` lists in `text` (wrap mode), with their reasons. */
const listed = (c: Case): Array<[string, string]> => listedFigures(c.text, c.period, catalog);

describe("held23's false marks and misses by class (fixtures/prose/audit23-round19.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, read) => {
    const got = listed(c);
    if (c.class === 1) {
      if (c.kind === 'positive') return assert.ok(!read.length && got.some(([f, r]) => f.includes(c.listed!) && r === 'figure-role'), `${c.rule}: ${JSON.stringify(got)}`);
      return assert.ok(read.length > 0 && !got.length, `${c.rule}: ${JSON.stringify(got)}`);
    }
    // Class 3: a positive case reads ranks after the score, a negative one none.
    if (c.class === 3) return assert.equal(read.slice(1).some(([id]) => catalog.byId(id)?.unitClass === 'rank'), c.kind === 'positive', JSON.stringify(read));
    if (c.kind === 'positive') return assert.ok(read.length > 0 && read.every(([id]) => catalog.byId(id)?.measure === 'growth'), JSON.stringify(read));
    if (c.listed) assert.ok(got.some(([f, r]) => f.includes(c.listed!) && r === 'figure-does-not-fit'), `${c.rule}: ${JSON.stringify(got)}`);
    else assert.ok(read.length > 0 && catalog.byId(read[0][0])?.measure !== 'growth', JSON.stringify(read));
  });
});
