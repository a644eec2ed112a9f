/**
 * Precision and recall by class, round 28 (issue 13, helper neg28; test/fixtures/neg28-round28.yaml,
 * docs/reading.md §48): the seen set press-unmarked-neg28's four false-mark classes and a recall class,
 * as the checker reads the text marked by `markup` in each mode; the history reads the same.
 * 1. off-scale-score (markup/judge.ts fits): "Nguồn nhân lực và nghiên cứu: 73" is no 0–1 score;
 * 2. digital-whole-missing (markup/match.ts lacksDigital): "tăng trưởng kinh tế" is no "… kinh tế số";
 * 3. target-head (parse/roles.ts TARGET_LIST): "Chỉ tiêu … được nhắc lại: A trên 80%; …";
 * 4. share-of-total (markup/other-whole.ts): "chiếm hơn 30% tổng giá trị tăng thêm của kinh tế số";
 * 5. elided-rows (parse/table-cells.ts rankFirstLabel; recall): "| … | … | … |" rows of a cut ranking table.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions } from '../../server/src/core/markup';
import { parseReport } from '../../server/src/core/parse/document';
import { analyze } from '../../server/src/core/analyze';
import { describeClassCases, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('neg28-round28.yaml');

/** The values the checker reads (a target, marked as the writer's plan, is no value): [entry id, figure, period]. */
function values(marked: string): Fact[] {
  return analyze(parseReport(marked, 'file:///class-case.report.md'), catalog).refs.flatMap(({ ref, indicator, also }): Fact[] =>
    !ref.figure || !indicator || ref.figure.role === 'target' ? [] : [[indicator.id, ref.figure.raw, ref.period ?? ''], ...(also ?? []).flatMap((a): Fact[] => (a.indicator ? [[a.indicator.id, a.figure.raw, a.period]] : []))],
  );
}

describe('precision and recall by class, round 28 (fixtures/neg28-round28.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4, 5], positives: 2, negatives: 2 }, catalog, values, () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///neg28-round28.report.md');

  it('lists the refused figures of classes 1 and 4 with their reason, never silently', () => {
    const listed = (t: string) => detectMentions(`---\nperiod: 2024\n---\n\n${t}\n`, catalog, { mode: 'canonical' }).ambiguous.flatMap((a) => a.figures.map((f) => [f, a.reason].join(' ')));
    assert.ok(listed('- Nguồn nhân lực và nghiên cứu: 73').some((s) => s.startsWith('73') && s.endsWith('figure-does-not-fit')));
    assert.ok(listed('Ngành kinh tế số lõi chiếm 62% tổng giá trị tăng thêm của kinh tế số.').some((s) => s.startsWith('62%')));
  });
});
