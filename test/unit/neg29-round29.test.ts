/**
 * Recall by class, round 29 (issue 13, helper neg29; test/fixtures/neg29-round29.yaml,
 * docs/reading.md §52): the seen set press-unmarked-neg29 drew no false mark in either mode at its
 * first measure; its recall class, as the checker reads the text marked by `markup` in each mode;
 * the history reads the same.
 * 1. clash-growth (markup/clash-growth.ts grownOfClash): "thanh toán không dùng tiền mặt tăng gần
 *    50%" is the growth of cashless transactions, not the share of ministries promoting cashless
 *    payment in schools and hospitals whose name the words match alike.
 * 2. section-number (rules/english-decimal.ts sectionNumber; the checker's precision): "## 3.1. Tổng
 *    quan" is a yearbook section's number, no English decimal point.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions } from '../../server/src/core/markup';
import { parseReport } from '../../server/src/core/parse/document';
import { analyze } from '../../server/src/core/analyze';
import { checkAnalysis } from '../../server/src/core/check';
import { describeClassCases, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('neg29-round29.yaml');

/** The values the checker reads (a target, marked as the writer's plan, is no value): [entry id, figure, period]. */
function values(marked: string): Fact[] {
  return analyze(parseReport(marked, 'file:///class-case.report.md'), catalog).refs.flatMap(({ ref, indicator, also }): Fact[] =>
    !ref.figure || !indicator || ref.figure.role === 'target' ? [] : [[indicator.id, ref.figure.raw, ref.period ?? ''], ...(also ?? []).flatMap((a): Fact[] => (a.indicator ? [[a.indicator.id, a.figure.raw, a.period]] : []))],
  );
}

describe('recall by class, round 29 (fixtures/neg29-round29.yaml)', () => {
  describeClassCases(cases, { classes: [1], positives: 2, negatives: 2 }, catalog, values, () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///neg29-round29.report.md');

  it('lists a clash it does not settle with its reason, never silently', () => {
    const listed = (t: string) => detectMentions(`---\nperiod: 2024\n---\n\n${t}\n`, catalog, { mode: 'canonical' }).ambiguous.flatMap((a) => a.figures.map((f) => [f, a.reason].join(' ')));
    assert.ok(listed('Năm 2024, thanh toán không dùng tiền mặt tăng 32% về giá trị so với năm 2023.').includes('tăng 32% two-names'));
  });

  it('reads a heading\'s section number as no English decimal, a decimal point in prose still as one', () => {
    const codes = (t: string) => checkAnalysis(analyze(parseReport(`---\nperiod: 2023\n---\n\n${t}\n`, 'file:///class-case.report.md'), catalog), { lang: 'en' }).filter((f) => f.code === 'english-decimal');
    assert.equal(codes('## 3.1. Tổng quan năm tháng đầu năm 2023\n\nDoanh thu ước đạt 52,2 tỷ USD.\n\n## 3.2 Phụ lục').length, 0);
    assert.equal(codes('3.1. Tổng quan: doanh thu ước đạt 52,2 tỷ USD.').length, 0);
    assert.equal(codes('## Tổng quan\n\nDoanh thu ước đạt 52.2 tỷ USD.').length, 1);
    assert.equal(codes('Chỉ số đạt 0.7709 điểm.').length, 1);
  });
});
