/**
 * Precision by class, round 24 (issue 13, helper neg24; test/fixtures/neg24-round24.yaml, docs/reading.md
 * §36): the false marks of the seen trap set press-unmarked-neg24, each a class, as the checker reads
 * the text marked by `markup` in each mode; the history reads the same.
 * 1. difference-after-base (parse/figure-context.ts comparedChange): "nhiều hơn cuối năm 2022 trên 23
 *    triệu hồ sơ", a comparison word and its base before the figure: a change, no level;
 * 2. item-label-bracket (markup/placement.ts titlesItem; recall): "- Nhiệm vụ 1 (<name>): 36/63 địa
 *    phương", the name in brackets after an item's label titles the item.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { readFigures } from '../../server/src/core/parse/figures';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('neg24-round24.yaml');

describe('precision and recall by class, round 24 (fixtures/neg24-round24.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///neg24-round24.report.md');

  it('reads the difference after its base as a change against that base, the copula as no change', () => {
    const role = (t: string, raw: string) => readFigures(t).find((f) => f.raw.endsWith(raw));
    const more = role('Số hồ sơ đạt trên 177 triệu, nhiều hơn cuối năm 2022 trên 23 triệu hồ sơ.', '23 triệu hồ sơ');
    assert.equal(more?.role, 'change');
    assert.deepEqual(more?.change, { direction: 'up', against: '2022-12-31' });
    const less = role('Thuê bao còn 23,1 triệu, ít hơn cùng kỳ 3 triệu.', '3 triệu');
    assert.deepEqual(less?.change, { direction: 'down', sameTimeLastYear: true });
    assert.equal(role('Tỷ lệ đạt 82%, cao hơn năm 2022 là 75%.', '75%')?.role, 'level');
  });
});
