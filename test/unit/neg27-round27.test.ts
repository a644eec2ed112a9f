/**
 * Precision and recall by class, round 27 (issue 13, helper neg27; test/fixtures/neg27-round27.yaml,
 * docs/reading.md §45): the seen set press-unmarked-neg27's three false-mark classes and a recall class, as the checker
 * reads the text marked by `markup` in each mode; the history reads the same.
 * 1. results-column (parse/period-codes.ts cellPeriodCode): "| Thực hiện 2024 |" dates its column;
 * 2. firm-by-kind (markup/firms.ts FIRM): "Tập đoàn", "nhà mạng đầu tiên" as a firm subject;
 * 3. within-count (markup/within-count.ts): "trong 120 triệu thuê bao … có 100,7 triệu dùng …";
 * 4. bracketed-earlier-value (markup/judge.ts carriedPeriod; recall): "(năm 2023: 79%)" dates its bracket only.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions } from '../../server/src/core/markup';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('neg27-round27.yaml');

describe('precision and recall by class, round 27 (fixtures/neg27-round27.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///neg27-round27.report.md');

  it('lists the refused figures of classes 2 and 3 with their reason, never silently', () => {
    const listed = (t: string) => detectMentions(`---\nperiod: 2024\n---\n\n${t}\n`, catalog, { mode: 'canonical' }).ambiguous.flatMap((a) => a.figures.map((f) => [f, a.reason].join(' ')));
    assert.ok(listed('Năm 2024, Tập đoàn đang vận hành 14 trung tâm dữ liệu.').some((s) => s.startsWith('14') && s.endsWith('figure-role')));
    assert.ok(listed('Trong 120 triệu thuê bao di động có 100,7 triệu dùng điện thoại thông minh.').some((s) => s.startsWith('100,7') && s.endsWith('figure-role')));
  });
});
