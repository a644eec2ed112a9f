/**
 * The class of issue 13 round 34 (test/fixtures/dtiafter34-round34.yaml; docs/reading.md §79), as the
 * checker reads the text marked by `markup` in each mode; the history reads the same: a province's or
 * a ministry's DTI rank or score told after the first in a sentence naming no index
 * (markup/unit-told.ts unitFigure, unitEntry, through markup/unnamed.ts):
 * 1. another province or ministry after the first;
 * 2. another year of the same province ("tỉnh" for it), each figure with the year of its clause.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { unitSubjectBefore } from '../../server/src/core/markup/unit-told';
import { assertListed, describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('dtiafter34-round34.yaml');

describe('DTI figures of other provinces, ministries and years told after the first (fixtures/dtiafter34-round34.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodFacts(m, catalog), (c, facts) => {
    if (c.kind === 'positive') assertListed(c, catalog);
    // A negative case reads no main rank or score of the provinces' (ministries') or the national index
    // beyond what its first, named sentence states.
    if (c.kind === 'negative') assert.deepEqual(facts, c.wrap);
    // Never a national entry for a province's or a ministry's figure.
    assert.ok(facts.every((f) => f[0] !== 'dti-national-score' || c.text.includes('cấp quốc gia')), JSON.stringify(facts));
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///dtiafter34.report.md');

  it('finds the subject written last before a figure: a province, "tỉnh" standing for one, or a ministry', () => {
    assert.equal(unitSubjectBefore('Thừa Thiên Huế xếp ')?.kind, 'province');
    assert.equal(unitSubjectBefore('Năm 2022 tỉnh lùi xuống ')?.kind, 'province');
    assert.equal(unitSubjectBefore('Ngay sau đó, BHXH Việt Nam xếp ')?.kind, 'ministry');
    assert.equal(unitSubjectBefore('Có 33 tỉnh, thành phố đạt '), null);
    assert.equal(unitSubjectBefore('Giá trị DTI cấp tỉnh đạt '), null);
  });
});
