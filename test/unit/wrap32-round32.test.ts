/**
 * A class of issue 13 round 32 (test/fixtures/wrap32-round32.yaml; docs/reading.md §67), as the
 * checker reads the text marked by `markup` in each mode; the history reads the same: a subject named
 * in a province's pillar table ("| [[Chính quyền số]] | 0,6683 | 29 |") resolves by what the table
 * says — the province of its rows, the measure of the figure's column (markup/table-lead.ts).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { readFigures } from '../../server/src/core/parse/figures';
import { tableLead } from '../../server/src/core/markup/table-lead';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, markedReport, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('wrap32-round32.yaml');

describe('a subject in a province\'s pillar table, resolved by the table (fixtures/wrap32-round32.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 1 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads provinces' pillar or main-index entries only.
    if (c.kind === 'positive') assert.ok(facts.length && facts.every((f) => f[0].startsWith('dti-province') || /-province-|province/.test(f[0])), `${c.rule}: ${JSON.stringify(facts)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///wrap32.report.md');

  it('wrap marks as written what canonical names in every unmarked positive case', () => {
    for (const c of cases.filter((x) => x.kind === 'positive' && !x.text.includes('[['))) {
      const wrap = entryPeriodFacts(markedReport(c.text, c.period, catalog, 'wrap'), catalog);
      const canonical = entryPeriodFacts(markedReport(c.text, c.period, catalog, 'canonical'), catalog);
      assert.deepEqual(wrap, canonical, c.rule);
    }
  });

  it('reads the table\'s province and the figure\'s column measure', () => {
    const text = 'Ba trụ cột của tỉnh Trà Vinh năm 2022:\n\n| Trụ cột | Điểm | Thứ hạng |\n|---|---|---|\n| Chính quyền số | 0,6683 | 29 |\n';
    const at = text.indexOf('Chính quyền số |');
    const [score, rank] = readFigures('0,6683 29');
    assert.deepEqual(tableLead(text, at, 1, score), { province: true, measure: 'score' });
    assert.deepEqual(tableLead(text, at, 2, rank), { province: true, measure: 'rank' });
    assert.equal(tableLead(text, text.indexOf('Ba trụ'), 1, score), null);
    const nation = text.replace('của tỉnh Trà Vinh', 'của cả nước');
    assert.deepEqual(tableLead(nation, nation.indexOf('Chính quyền số |'), 1, score), { province: false, measure: 'score' });
    const periods = '| Xếp hạng trụ cột của Bến Tre | Năm 2021 |\n|---|---|\n| Kinh tế số | 26 |\n';
    assert.deepEqual(tableLead(periods, periods.indexOf('Kinh tế số'), 1, readFigures('26')[0]), { province: true, measure: 'rank' });
    const target = periods.replace('Xếp hạng trụ cột của', 'Mục tiêu xếp hạng năm 2025 của');
    assert.equal(tableLead(target, target.indexOf('Kinh tế số'), 1, readFigures('26')[0]), null);
  });
});
