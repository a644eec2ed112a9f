/**
 * Four precision classes of issue 13 round 22, from the audit of held26 (test/fixtures/open22-round22.yaml;
 * docs/reading.md §23), as the checker reads the text marked by `markup` in each mode; the history reads
 * the same. Each positive case's figure is listed with its reason, never marked:
 * 1. a scenario ("kịch bản") before a figure is a forecast (markup/judge.ts FORECAST);
 * 2. a national rate or count in a province's own report is the province's (markup/own-report.ts);
 * 3. a pillar by its short words, with no index of its family around it (markup/member-alone.ts);
 * 4. a name written after a platform's noun measures the platforms (markup/platform-head.ts);
 * 5. a year after "năm" between a list of names and "lần lượt" keeps the list paired (markup/name-lists.ts):
 *    every name takes its own figure (no `listed`: the positive case reads its facts).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions } from '../../server/src/core/markup';
import { frontMatterProvince } from '../../server/src/core/markup/own-report';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('open22-round22.yaml');

/** What `markup` lists in the case's report (wrap mode), as [figure, reason]. */
function listed(c: Case): Array<[string, string]> {
  const source = ['---', `period: "${c.period}"`, ...(c.committee ? [`committee: ${c.committee}`] : []), '---', '', c.text, ''].join('\n');
  return detectMentions(source, catalog, { mode: 'wrap' }).ambiguous.flatMap((a) => a.figures.map((f): [string, string] => [f, a.reason]));
}

describe('held26\'s precision classes: a scenario, a province\'s own report, a pillar alone, a platform (fixtures/open22-round22.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4, 5], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    if (c.kind !== 'positive' || c.class === 5) return;
    const want = c.listed!;
    assert.ok(!facts.some(([, figure]) => figure.includes(want[0])), `${c.rule}: ${JSON.stringify(facts)}`);
    assert.ok(listed(c).some(([figure, reason]) => figure.includes(want[0]) && reason === want[1]), `${c.rule}: ${JSON.stringify(listed(c))}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///open22.report.md');

  it('reads one province from the front matter, none from two or from a ministry', () => {
    const fm = (committee: string) => `---\nperiod: "2024"\ncommittee: ${committee}\n---\n\nVăn bản.\n`;
    assert.equal(frontMatterProvince(fm('Ủy ban nhân dân tỉnh Hòa Bình')), 'Hòa Bình');
    assert.equal(frontMatterProvince(fm('Bộ Thông tin và Truyền thông')), null);
    assert.equal(frontMatterProvince(fm('Ban liên ngành tỉnh Hòa Bình và tỉnh Sơn La')), null);
    assert.equal(frontMatterProvince('Không có front matter.'), null);
  });
});
