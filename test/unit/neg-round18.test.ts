/**
 * False marks of round 18 (issue 13; docs/reading.md §18; test/fixtures/prose/neg-round18.yaml):
 * figures near a catalog name that are no value of that entry for Việt Nam. Each case's facts — each
 * reference's bound figure and its further figures, with the entry and the period — as the checker
 * reads the text marked by `markup` in each mode. Class 1 (markup/other-measure.ts countryValue):
 * another country as the subject of the figure's clause; a positive case reads none of that
 * country's figures, a negative one reads Việt Nam's. Class 2 (markup/match.ts): a fuzzy name never
 * opens on a figure's unit and inserts "về" ("0,6077 điểm về [[Chỉ số …]]", never "[[điểm về …]]").
 * Class 3 (markup/other-measure.ts targetRank): a rank right after a target word is not read.
 * Class 4 (markup/other-measure.ts worldValue): "trên toàn cầu", ", mức trung bình toàn cầu" after the
 * name tell the world's value, not read.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, loadCases, markedReport, type ClassCase } from '../marked-cases';

/** [entry id, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/neg-round18.yaml');

describe('false marks of round 18 (fixtures/prose/neg-round18.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // (the facts themselves are asserted by the runner: here, what each class promises)
    if (c.kind === 'negative') assert.ok(facts.length > 0, c.rule);
  });
  it('class 2: no mark opens on a unit then "về"', () => {
    for (const c of cases.filter((k) => k.class === 2))
      for (const mode of ['wrap', 'canonical'] as const) assert.doesNotMatch(markedReport(c.text, c.period, catalog, mode), /\[\[điểm về/iu, c.rule);
  });
});
