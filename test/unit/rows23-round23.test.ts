/**
 * Table columns and rows of issue 13 round 23 (test/fixtures/rows23-round23.yaml; docs/reading.md
 * §30), as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. a column headed as a target ("Đề ra năm 2023", a later "Chỉ tiêu …") holds targets, never
 *    levels: a row's name binds the first figure of a later value column, in the checker
 *    (parse/table-header.ts bindRow) and in the detector (markup/bind.ts valueCell) alike;
 * 2. a rank-first table of ministries (or provinces): the rank column's index named by a later
 *    header cell's measure when no caption names it, that column read over the label column, "DTI"
 *    over ministries the ministerial DTI (markup/table-rank-first.ts, table-named-measure.ts).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { targetCell } from '../../server/src/core/parse/table-shape';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact> & { targets?: string[] }>('rows23-round23.yaml');

describe('table columns and rows: targets, rank-first tables of ministries (fixtures/rows23-round23.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A target is never read as a level.
    for (const t of c.targets ?? []) assert.ok(!facts.some(([, f]) => f === t), `${c.rule}: ${t} read`);
    if (c.kind === 'positive') assert.ok((c.canonical ?? c.wrap).length > 0, c.rule);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///rows23.report.md');

  it('a target column: "Đề ra …" anywhere, "Chỉ tiêu …" after the first cell only', () => {
    assert.ok(targetCell('Đề ra năm 2023', 1));
    assert.ok(targetCell('Chỉ tiêu năm 2025', 2));
    assert.ok(!targetCell('Chỉ tiêu', 0));
    assert.ok(!targetCell('Kết quả', 1));
    assert.ok(!targetCell('Các chỉ tiêu chính', 1));
  });
});
