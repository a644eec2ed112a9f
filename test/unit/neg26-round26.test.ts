/**
 * Precision and recall by class, round 26 (issue 13, helper neg26; test/fixtures/neg26-round26.yaml,
 * docs/reading.md §41): the seen set press-unmarked-neg26's false mark and two recall classes, as the
 * checker reads the text marked by `markup` in each mode; the history reads the same.
 * 1. ranked-count (parse/rank-copula.ts rankedCount): "xếp hạng 133 nền kinh tế", a ranking's coverage;
 * 2. nearest-clause-period (markup/clause-period.ts): the nearest earlier clause's period judges a figure;
 * 3. own-ministry (markup/names.ts bareMinistryOf, ownMinistry): "của Bộ" settles a subject's shared name;
 * 4. listed-bare-rank (parse/figure-context.ts): "xếp thứ 40/63 về A, 18/63 về B", a fraction listed after a rank.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions } from '../../server/src/core/markup';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('neg26-round26.yaml');

describe('precision and recall by class, round 26 (fixtures/neg26-round26.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///neg26-round26.report.md');

  it('lists the refused figures with their reason, never silently', () => {
    const reasons = (t: string, committee = '') => detectMentions(`---\nperiod: 2024\n${committee}---\n\n${t}\n`, catalog, { mode: 'wrap' }).ambiguous.map((a) => a.reason);
    // (no ministry named: the two series of one name stay listed)
    assert.ok(reasons('Theo ước tính của Bộ, kinh tế số đã chiếm 16,5% GDP năm 2023.').includes('shared-name'));
    assert.ok(!reasons('Theo ước tính của Bộ, kinh tế số đã chiếm 16,5% GDP năm 2023.', 'committee: Văn phòng Bộ Thông tin và Truyền thông\n').includes('shared-name'));
    // (the nearest earlier clause of another year: listed)
    const r = detectMentions('---\nperiod: 2023\n---\n\nThanh Hóa từ hạng 19 năm 2021 lên hạng 15 năm 2022, với ba trụ cột khá đều: chính quyền số thứ 9.\n', catalog, { mode: 'wrap' });
    assert.ok(r.ambiguous.some((a) => a.reason === 'period-of-another-figure'));
  });
});
