/**
 * Precision by class, round 35 (issue 13, helper neg35; test/fixtures/neg35-round35.yaml,
 * docs/reading.md §86): the false marks the new seen set press-unmarked-neg30 drew at its first
 * measure and held35's accepted false period, as the checker reads the text marked by `markup` in
 * each mode; the history reads the same.
 * 1. document-date (parse/document-date.ts documentDates): "công bố ngày 26/4", "bản dự thảo ngày
 *    27/3/2018" date the document: the figure takes the year, or none of a yearless day.
 * 2. difference-figure (parse/difference.ts differenceFigures): "ít hơn 2.684 cuộc so với cùng kỳ" is
 *    a gap, no count.
 * 3. published-lead (parse/published-lead.ts, carry.ts carryOf): "sơ kết 6 tháng đầu năm 2023, Bộ …
 *    công bố … năm 2022" lends the told-on sentence 2022, not the half-year.
 */
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { parseReport } from '../../server/src/core/parse/document';
import { analyze } from '../../server/src/core/analyze';
import { describeClassCases, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('neg35-round35.yaml');

/** The values the checker reads (a target is no value): [entry id, figure, period]. */
function values(marked: string): Fact[] {
  return analyze(parseReport(marked, 'file:///class-case.report.md'), catalog).refs.flatMap(({ ref, indicator, also }): Fact[] =>
    !ref.figure || !indicator || ref.figure.role === 'target' ? [] : [[indicator.id, ref.figure.raw, ref.period ?? ''], ...(also ?? []).flatMap((a): Fact[] => (a.indicator ? [[a.indicator.id, a.figure.raw, a.period]] : []))],
  );
}

describe('precision by class, round 35 (fixtures/neg35-round35.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 1, negatives: 1 }, catalog, values, () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///neg35-round35.report.md');
});
