/**
 * Pillar and main-index tables of the provincial DTI under province or period columns (issue 13,
 * round 21; docs/reading.md §7.1, item 4; test/fixtures/table-round21.yaml): measure columns with
 * "Giá trị" and the province from the first header cell, the line above or the title
 * (markup/table-pillars.ts, table-pillar-shapes.ts), period columns followed by a change column
 * (markup/table-pillar-periods.ts), and columns of provinces (markup/table-pillar-shapes.ts,
 * parse/table-header.ts, parse/table-column-province.ts). Each case's facts — each reference's
 * bound figure and its further figures, with the entry and the period — as the checker reads the
 * text marked by `markup` in each mode: canonical reads a positive case's entries, wrap lists them;
 * a negative case reads none of the class's entries in either mode.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { columnProvince } from '../../server/src/core/parse/table-column-province';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';

/** [entry id, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('table-round21.yaml');

describe('pillar tables under province or period columns (fixtures/table-round21.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    if (c.kind === 'negative') assert.deepEqual(facts, [], c.rule);
  });

  it('a positive case reads its entries in canonical mode', () => {
    for (const c of cases.filter((x) => x.kind === 'positive')) assert.ok((c.canonical ?? c.wrap ?? []).length > 0, c.rule);
  });

  it("a figure under a province's column is that province's; the first column, two provinces or prose are none's", () => {
    const text = 'Lời dẫn.\n\n| Chỉ số chính | Quảng Ninh | Thừa Thiên Huế | Hà Nội, Huế |\n|---|---|---|---|\n| Hạ tầng số | 0,7648 | 0,6823 | 0,5 |\n';
    const at = (s: string) => text.indexOf(s);
    assert.equal(columnProvince(text, at('0,7648')), 'Quảng Ninh');
    assert.equal(columnProvince(text, at('0,6823')), 'Thừa Thiên Huế');
    assert.equal(columnProvince(text, at('0,5 ')), undefined);
    assert.equal(columnProvince(text, at('Hạ tầng')), undefined);
    assert.equal(columnProvince(text, at('dẫn')), undefined);
  });
});
