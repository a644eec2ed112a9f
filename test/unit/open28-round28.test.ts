/**
 * Classes of issue 13 round 28, from the audit of held32 (test/fixtures/open28-round28.yaml; docs/reading.md
 * §47), as the checker reads the text marked by `markup` in each mode; the history reads the same:
 * 1. a figure inside "nhóm (N) nước có …" is the group's criterion, no value of the subject: listed
 *    (markup/group-figure.ts groupCriterion);
 * 2. "N [[X]] (đã) có <words>" counts the X that have, a part: listed (markup/group-figure.ts countedHaving);
 * 3. no fuzzy name opens on a typo of the label's figure word ("Sách trắng" is no "Tăng trưởng"; markup/match.ts).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { describeClassCases, itHistoryReadsAsChecker, listedFigures, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
type Case = ClassCase<Fact> & { listed?: [string, string] };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('open28-round28.yaml');

/** [entry, figure, period], and `target` when the figure is read as a target. */
function facts(marked: string): Fact[] {
  const out: Fact[] = [];
  for (const { ref, indicator, also } of analyze(parseReport(marked, 'file:///class-case.report.md'), catalog).refs) {
    if (!ref.figure || !indicator) continue;
    out.push([indicator.id, ref.figure.raw, ref.period ?? '', ...(ref.figure.role === 'target' ? ['target'] : [])]);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, a.period]);
  }
  return out;
}

describe("held32's classes: a group's criterion, a count of those that have, no fuzzy name opening on a typo of a figure word (fixtures/open28-round28.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, facts, (c) => {
    if (c.kind !== 'positive' || !c.listed) return;
    const listed = listedFigures(c.text, c.period, catalog);
    assert.ok(listed.some(([figure, reason]) => figure === c.listed![0] && reason === c.listed![1]), `${c.rule}: ${JSON.stringify(listed)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///open28.report.md');
});
