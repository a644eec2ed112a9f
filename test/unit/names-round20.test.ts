/**
 * Names as writers write them (issue 13, round 20; docs/reading.md §19 (7);
 * test/fixtures/names-round20.yaml): WEF's NRI named "Chỉ số sẵn sàng kết nối" (the catalog's alias),
 * and the provincial DTI's bare abbreviation written of a ministry's figure, read as the ministries'
 * DTI, or after the national level's words, as the national DTI (markup/ministry-abbreviation.ts). Each case's facts — each reference's bound figure and its
 * further figures, with the entry and the period — as the checker reads the text marked by `markup`
 * in each mode: a positive case reads an entry of its class, a negative one none.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';

/** [entry id, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('names-round20.yaml');
/** The entries a case's class reads: the NRI's (1), the ministries' DTI (2), the national DTI (3). */
const idsOf = (c: ClassCase<Fact>) => [/^nri-/, /^dti-ministry-/, /^dti-national-/][c.class - 1];

describe('names as writers write them (fixtures/names-round20.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    assert.equal(facts.some(([id]) => idsOf(c).test(id)), c.kind === 'positive', `${c.rule}: ${JSON.stringify(facts)}`);
  });

  it('a marked "DTI" of a ministry is read as the ministries\' entry, of a province as the provinces\'', () => {
    const text = ['---', 'period: "2021"', '---', '', 'Bộ Tài chính có [[DTI]] năm 2021 là 0,6321.', '', '[[DTI]] năm 2021 của Đà Nẵng là 0,7350.', ''].join('\n');
    const ids = analyze(parseReport(text, 'file:///dti.report.md'), catalog).refs.map((r) => r.indicator?.id);
    assert.deepEqual(ids, ['dti-ministry-score', 'dti-province-score']);
  });
});
