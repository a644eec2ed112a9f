/**
 * Three classes of issue 13 round 24 (test/fixtures/prov24-round24.yaml), as the checker reads the text
 * marked by `markup` in each mode, with the province the history files each figure under; the history
 * reads the same (docs/reading.md §34):
 * 1. a provincial ranking named with no figure, the next sentence only listing provinces each with its
 *    place: each place is its province's rank (parse/binding.ts rankingOf, continueRanking;
 *    markup/carried.ts);
 * 2. the first item of a list of provinces opening its piece ("Trà Vinh đứng thứ 25 và Quảng Ngãi thứ
 *    26") is its province's (parse/subject-list.ts itemSubject);
 * 3. the earlier year's figure alone in brackets after a dated bound figure ("hạng 40 năm 2023 (năm
 *    2022 xếp thứ 41)") is that year's (parse/further.ts datedList).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { itemSubject } from '../../server/src/core/parse/subject-list';
import { provincesNamed } from '../../server/src/core/provinces';
import { describeClassCases, entryProvinceFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prov24-round24.yaml');

describe('other provinces told on in a provincial ranking (fixtures/prov24-round24.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 3, negatives: 3 }, catalog, (marked) => entryProvinceFacts(marked, catalog, 'file:///prov24.report.md'), (c, facts) => {
    // A positive case of classes 1, 2 files at least two places, each under its own province, none under none;
    // of class 3, two figures of one entry, each of its own year.
    if (c.kind === 'positive' && c.class === 3) assert.ok(facts.length === 2 && facts[0][0] === facts[1][0] && facts[0][2] !== facts[1][2], JSON.stringify(facts));
    else if (c.kind === 'positive') {
      const provinces = facts.map((f) => f[3]);
      assert.ok(facts.length >= 2 && !provinces.includes('-') && new Set(provinces).size === provinces.length, JSON.stringify(facts));
    }
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///prov24.report.md');

  it('takes the first item of a list opening its piece only when the next item follows its figure', () => {
    const at = (s: string, raw: string) => itemSubject(s, s.indexOf(raw), provincesNamed(s));
    assert.equal(at('Trà Vinh đứng thứ 25 và Quảng Ngãi thứ 26.', 'đứng thứ 25'), 'Trà Vinh');
    assert.equal(at('Đà Nẵng dẫn đầu; Quảng Ninh đứng thứ 3, Huế thứ 4.', 'đứng thứ 3'), 'Quảng Ninh');
    assert.equal(at('Quảng Ngãi đứng thứ 21 và Thanh Hóa tăng 4 bậc.', 'đứng thứ 21'), undefined);
    assert.equal(at('Sau Hà Nội là Trà Vinh đứng thứ 25 và Quảng Ngãi thứ 26.', 'đứng thứ 25'), undefined);
  });
});
