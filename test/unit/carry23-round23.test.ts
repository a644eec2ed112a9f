/**
 * Two carry classes of issue 13 round 23 (test/fixtures/carry23-round23.yaml), as the checker reads the
 * text marked by `markup` in each mode; the history reads the same:
 * 1. a later piece opening with "năm trước" / "năm ngoái" ("…, tăng 4 bậc; năm trước, tỉnh đứng thứ
 *    15") tells the index's figure for the year before the last one told (docs/reading.md §29.1;
 *    parse/year-before.ts);
 * 2. provinces compared with the subject told on ("sau Đà Nẵng, Thành phố Hồ Chí Minh và Thừa Thiên
 *    Huế", "cùng nhóm cuối với Phú Yên, …") are no subject: the carry takes the subject's own rank
 *    (docs/reading.md §29.2; parse/passed-countries.ts comparedUnits).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { comparedUnits } from '../../server/src/core/parse/passed-countries';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, itReadsBoundedRun, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('carry23-round23.yaml');

describe('later pieces and provinces compared (fixtures/carry23-round23.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads a figure of its later piece (carried: no name there), of a year of its own.
    if (c.kind === 'positive') assert.ok(facts.length >= 2 && facts[facts.length - 1][2] !== facts[0][2], `${c.rule}: ${JSON.stringify(facts)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///carry23.report.md');

  it('blanks provinces after a comparison word, with their kind and brackets, never Việt Nam nor another country', () => {
    const t = 'Lạng Sơn đứng thứ 4, sau Đà Nẵng, Thành phố Hồ Chí Minh và Thừa Thiên Huế (thứ 3), cùng nhóm với Bà Rịa - Vũng Tàu.';
    assert.deepEqual(comparedUnits(t).map(([s, e]) => t.slice(s, e)), ['sau Đà Nẵng, Thành phố Hồ Chí Minh và Thừa Thiên Huế (thứ 3)', 'cùng nhóm với Bà Rịa - Vũng Tàu']);
    assert.deepEqual(comparedUnits('Indonesia đứng ngay sau Việt Nam, trên Thái Lan.'), []);
    assert.deepEqual(comparedUnits('Năm 2023, trên Cổng Dịch vụ công quốc gia có 500 hồ sơ.'), []);
  });

  itReadsBoundedRun(comparedUnits, 'Đà Nẵng', 'Đà Nẵng (thứ 1)');
});
