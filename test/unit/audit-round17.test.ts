/**
 * Round 17's construction classes of held17 (issue 13; test/fixtures/prose/audit-round17.yaml):
 * each case, marked by `markup` in each mode, reads exactly its facts (each reference's entry, bound
 * figure and period, as the checker reads the marked text). A false-mark class's positive case reads
 * nothing (the figure left unmarked, listed with its reason), its negative case reads the figure; a
 * missed class's positive case reads the class's figures.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';

/** [entry, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/audit-round17.yaml');
/**
 * What each class promises of a positive case by the number of facts read (a negative case reads
 * otherwise): a false-mark class (1, 2) reads nothing; a further-figure class (3) reads the bound
 * figure and the restated one; a missed mark (4) reads its figure; a respectively-list (5) reads
 * every rank of its list.
 */
const PROMISE: Record<number, (n: number) => boolean> = { 1: (n) => n === 0, 2: (n) => n === 0, 3: (n) => n > 1, 4: (n) => n > 0, 5: (n) => n > 1 };

/** The facts the checker reads in `marked` (marked-cases.ts entryPeriodFacts). */
const facts = (marked: string): Fact[] => entryPeriodFacts(marked, catalog);

describe('round 17: held17\'s construction classes (fixtures/prose/audit-round17.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4, 5], positives: 3, negatives: 3 }, catalog, facts, (c, read) =>
    assert.equal(PROMISE[c.class](read.length), c.kind === 'positive', `${c.rule}: ${JSON.stringify(read)}`),
  );
});
