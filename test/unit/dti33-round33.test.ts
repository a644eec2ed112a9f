/**
 * A class of issue 13 round 33 (test/fixtures/dti33-round33.yaml; docs/reading.md §71), as the checker
 * reads the text marked by `markup` in each mode; the history reads the same: an index's abbreviation
 * in a header cell over rows of provinces or ministries ("| Địa phương | Giá trị [[DTI]] 2022 |")
 * resolves by what the table says — the measure noun before the mark, whose the figure's row is
 * (markup/table-lead.ts headerSubjectLead), and wrap marks the abbreviation alone.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { headerLead, headerSubjectLead } from '../../server/src/core/markup/table-lead';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, markedReport, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('dti33-round33.yaml');

describe('an index\'s abbreviation in a header cell over provinces\' or ministries\' rows (fixtures/dti33-round33.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads the provinces', the ministries' or (class 2) the nation's DTI only.
    if (c.kind === 'positive') assert.ok(facts.length && facts.every((f) => (c.class === 2 ? /^dti-national-score$/ : /^dti-(?:province|ministry)-(?:rank|score)$/).test(f[0])), `${c.rule}: ${JSON.stringify(facts)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///dti33.report.md');

  it('wrap reads what canonical reads in every unmarked positive case (its scores and ranks the cells name)', () => {
    for (const c of cases.filter((x) => x.kind === 'positive' && !x.text.includes('[['))) {
      const wrap = entryPeriodFacts(markedReport(c.text, c.period, catalog, 'wrap'), catalog);
      const canonical = entryPeriodFacts(markedReport(c.text, c.period, catalog, 'canonical'), catalog);
      assert.ok(wrap.every((f) => canonical.some((g) => JSON.stringify(g) === JSON.stringify(f))), c.rule);
      assert.ok(wrap.length, c.rule);
    }
  });

  it('wrap marks the abbreviation alone, the measure noun and the period left outside', () => {
    const marked = markedReport('| Địa phương | Giá trị DTI 2022 |\n|---|---|\n| Quảng Ninh | 0,7024 |\n', '2022', catalog, 'wrap');
    assert.match(marked, /\| Giá trị \[\[DTI\]\] 2022 \|/);
  });

  it('reads the measure noun before the name and whose the row is', () => {
    assert.deepEqual(headerLead('Giá trị ', ['Quảng Ninh', '0,7024'], 1), { province: true, measure: 'score' });
    assert.deepEqual(headerLead('Hạng ', ['7', 'Bắc Ninh'], 0), { province: true, measure: 'rank' });
    assert.deepEqual(headerLead('', ['Bộ Tài chính', '0,6321'], 1), { province: false, measure: null, ministry: true });
    assert.equal(headerLead('Giá trị ', ['Tây Nguyên', '0,5218'], 1), null);
    assert.equal(headerLead('Mục tiêu ', ['Trà Vinh', '0,7000'], 1), null);
    const text = '| Địa phương | Giá trị [[DTI]] 2022 |\n|---|---|\n| Quảng Ninh | 0,7024 |\n| Cần Thơ | 0,6924 |\n';
    const name = text.indexOf('[[DTI');
    assert.deepEqual(headerSubjectLead(text, name, text.indexOf('0,6924')), { province: true, measure: 'score' });
    // (a figure in another column, or outside the table: nothing)
    assert.equal(headerSubjectLead(text, name, text.indexOf('Quảng Ninh')), null);
    assert.equal(headerSubjectLead(`${text}\nCần Thơ đạt 0,6924.\n`, name, `${text}\nCần Thơ đạt `.length), null);
  });
});
