/**
 * "Lần lượt" figures separated by ";" and a pillar's second wording (issue 13, round 18; docs/
 * dialect.md §6.2; test/fixtures/prose/semi-round18.yaml): "ba trụ cột kỹ thuật, tổ chức và nâng cao
 * năng lực lần lượt đạt 16,31; 18,98 và 19,26 điểm" pairs the n-th name with the n-th figure when
 * the pieces after ";" hold only figures (a ";" that opens a clause of its own splits the list), and
 * "nâng cao năng lực" is read as the GCI pillar the catalog names "phát triển năng lực" (an alias of
 * the form "Điểm trụ cột <W> của <index>": markup/pillars.ts; its "cao" no end of the item's words:
 * member-lists.ts). Each case's facts as the checker reads the text marked by `markup` in each mode.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';

/** [entry id, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/semi-round18.yaml');
const pillarIds = new Set(catalog.all().filter((i) => /trụ cột/iu.test(i.name)).map((i) => i.id));

describe('"lần lượt" figures separated by ";", a pillar\'s second wording (fixtures/prose/semi-round18.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case pairs two figures or more, each read once; a negative one reads no list.
    const figures = facts.map(([, f]) => f);
    if (c.kind === 'positive') assert.ok(facts.length >= 2 || facts.some(([id]) => pillarIds.has(id)), c.rule);
    assert.equal(new Set(figures).size, figures.length, `${c.rule}: a figure read twice`);
    if (c.kind === 'negative') assert.ok(facts.length <= 1, `${c.rule}: ${JSON.stringify(facts)}`);
    if (c.class === 2) assert.equal(facts.some(([id]) => pillarIds.has(id)), c.kind === 'positive', `${c.rule}: ${JSON.stringify(facts)}`);
  });
});
