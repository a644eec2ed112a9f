/**
 * Classes of issue 13 round 31, from the census of subscriptions per 100 inhabitants and IDI ranks
 * over the seen sets (test/fixtures/ranks31-round31.yaml; docs/reading.md §62), as the checker reads
 * the text marked by `markup` in each mode; the history reads the same:
 * 1. a rank on a table of an index glossed by its abbreviation, after a move and the place it started
 *    from ("Trên bảng Chỉ số phát triển ICT (IDI) của …, Việt Nam tụt tám bậc, từ vị trí 94 năm 2010
 *    xuống 102 năm 2015": markup/report-title.ts);
 * 2. a rate per population told as an average ("mật độ … bình quân đạt 83 thuê bao/100 dân": the
 *    country's value, markup/judge.ts averageOfUnits).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, listedFigures, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('ranks31-round31.yaml');

/** A case naming `listed` [figure, reason]: `markup` lists that figure with that reason (wrap mode). */
function assertListedCase(c: Case): void {
  if (!c.listed) return;
  const listed = listedFigures(c.text, c.period, catalog);
  assert.ok(listed.some(([figure, reason]) => figure === c.listed![0] && reason === c.listed![1]), `${c.rule}: ${JSON.stringify(listed)}`);
}

describe('subscriptions per 100 inhabitants and IDI ranks: a table glossed by its abbreviation, a rate per population as an average (fixtures/ranks31-round31.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), assertListedCase);
  itHistoryReadsAsChecker(cases, catalog, 'file:///ranks31.report.md');
});
