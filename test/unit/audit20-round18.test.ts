/**
 * held20's misses by class (issue 13, round 18; test/fixtures/prose/audit-round18a.yaml): a source
 * cited by a part of a compiler's name (markup/other-source.ts), a network's download with its upload
 * in the next clause (markup/subjects.ts networkFigure), a network's speed restated before a far
 * figure (markup/restated-measure.ts). Each case's facts — the entry each reference's figure and
 * further figures are read for — as the checker reads the text marked by `markup` in each mode; a
 * positive case of class 1 is no longer listed `other-source`, a negative one is.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions } from '../../server/src/core/markup';
import { describeClassCases, entryFigures, loadCases, type ClassCase } from '../marked-cases';

/** [entry, figure]. */
type Fact = [string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/audit-round18a.yaml');

/** The reasons `markup` lists in `text` (wrap mode). */
function reasons(c: ClassCase<Fact>): string[] {
  const source = ['---', `period: "${c.period}"`, '---', '', c.text, ''].join('\n');
  return detectMentions(source, catalog, { mode: 'wrap' }).ambiguous.map((a) => a.reason);
}

describe("held20's misses by class (fixtures/prose/audit-round18a.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (marked) => entryFigures(marked, catalog), (c, read) => {
    assert.equal(read.length > 0, c.kind === 'positive', JSON.stringify(read));
    if (c.class === 1) assert.equal(reasons(c).includes('other-source'), c.kind === 'negative', JSON.stringify(reasons(c)));
  });
});
