/**
 * A class of issue 13 round 32 (test/fixtures/periods32-round32.yaml; docs/reading.md §68), as the
 * checker reads the text marked by `markup` in each mode; the history reads the same: a year series
 * with no "lần lượt" ("đạt 70%, 74% và 77% trong các năm 2021, 2022, 2023") gives each figure its own
 * year, the first bound, the rest further figures (parse/period-series.ts oneSubjectSeries).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('periods32-round32.yaml');

describe('several periods of one indicator in one sentence (fixtures/periods32-round32.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads as many periods as figures, each once; a negative case never pairs a series.
    const periods = facts.map((f) => f[2]);
    if (c.kind === 'positive') assert.ok(facts.length >= 2 && new Set(periods).size === periods.length, `${c.rule}: ${JSON.stringify(facts)}`);
    else assert.ok(facts.length <= 1, `${c.rule}: ${JSON.stringify(facts)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///periods32.report.md');
});
