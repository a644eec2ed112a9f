/**
 * A name opening the sentence, then a lead naming a run of years and a colon, then items with bare
 * head years ("Doanh thu … qua các năm: 2021 là 13,7 tỷ USD, 2022 là 16,4 tỷ USD"; docs/dialect.md
 * §6.5 (5); parse/period-series.ts colonListedYears; test/fixtures/prose/series-round19.yaml): each
 * case's facts — each reference's bound figure and its further figures, with their periods — as the
 * checker reads the text marked by `markup` in each mode. A positive case reads every item, each of
 * its own year; a negative one (a plan's or a forecast's lead, another country's run) reads no series.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/series-round19.yaml');

describe('a run of years after a colon, each item of its own year (fixtures/prose/series-round19.yaml)', () => {
  describeClassCases(cases, { classes: [1], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    assert.equal(facts.length > 1, c.kind === 'positive', `${c.rule}: ${JSON.stringify(facts)}`);
    if (c.kind === 'positive') assert.equal(new Set(facts.map((f) => f[2])).size, facts.length, `${c.rule}: each item of its own year`);
  });
});
