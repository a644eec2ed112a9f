/**
 * An earlier period's figure told beside a bound level (issue 13 round 21;
 * test/fixtures/period-round21.yaml; parse/earlier-bases.ts; docs/reading.md §6.12): each case's
 * facts — each reference's bound figure and its further figures, with the entry and the period — as
 * the checker reads the text marked by `markup` in each mode. A positive case reads a further figure
 * of another period than its bound figure's, a negative one none. Then the history reads what the
 * checker reads, and a consistent report of such sentences draws no warning.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { checkAnalysis } from '../../server/src/core/check';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, markedReport, type ClassCase } from '../marked-cases';

/** [entry id, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact> & { absent?: string }>('period-round21.yaml');
const URI = 'file:///period21.report.md';

describe('an earlier period’s figure beside a bound level (fixtures/period-round21.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4], positives: 1, negatives: 1 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads a further figure of another period than its bound figure's; a negative
    // one never reads the figure it names as absent.
    if (c.kind === 'positive') assert.ok(facts.slice(1).some(([, , p]) => p && p !== facts[0][2]), `${c.rule}: ${JSON.stringify(facts)}`);
    else assert.ok(c.absent && !facts.some(([, raw]) => raw.includes(c.absent!)), `${c.rule}: ${JSON.stringify(facts)}`);
  });

  itHistoryReadsAsChecker(cases, catalog, URI);

  it('a consistent report of such sentences draws no figure warning', () => {
    for (const c of cases.filter((x) => x.kind === 'positive')) {
      const analysis = analyze(parseReport(markedReport(c.text, c.period, catalog, 'wrap'), URI), catalog);
      const codes = checkAnalysis(analysis, { lang: 'vi' }).map((d) => d.code);
      assert.ok(!codes.some((k) => /conflict|ambiguous|unknown/u.test(k)), `${c.rule}: ${codes.join(', ')}`);
    }
  });
});
