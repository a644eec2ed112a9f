/**
 * Precision by class (issue 13, round 20, helper audit25; test/fixtures/audit-round20.yaml, docs/reading.md
 * §18): each case's facts — the entry, figure, period and role each reference's figure and further
 * figures are read for — as the checker reads the text marked by `markup` in each mode. Class 1
 * (parse/further.ts listedRanks): a "lần lượt" list of the index's parts after a province's rank adds
 * no further figure; class 2 (parse/roles.ts targetItems): a plan's next item is a target; class 3
 * (markup/other-measure.ts countryOwner, countryValue): another country's figure is never marked;
 * class 4 (headBeforeGrowth): a count's head before a growth entry's name is no growth of the entry;
 * class 5 (markup/subgroup.ts): a part of the population's figure is never the entry's; class 6
 * (subgroup.ts regionRank): nor a rank among a region's provinces; class 7 (markup/added.ts): nor what
 * the period added, told after the name.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { describeClassCases, loadCases, type ClassCase } from '../marked-cases';

/** [entry, figure, period, role]. */
type Fact = [string, string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('audit-round20.yaml');

/** What the checker reads in `marked`: each reference's bound figure with its role, then its further figures. */
function facts(marked: string): Fact[] {
  const out: Fact[] = [];
  for (const { ref, indicator, also } of analyze(parseReport(marked, 'file:///class-case.report.md'), catalog).refs) {
    if (!ref.figure || !indicator) continue;
    out.push([indicator.id, ref.figure.raw, ref.period ?? '', ref.figure.role ?? '']);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, a.period, a.figure.role ?? '']);
  }
  return out;
}

describe('precision by class, round 20 (fixtures/audit-round20.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4, 5, 6, 7], positives: 2, negatives: 2 }, catalog, facts, (c, read) => {
    // Class 1: a positive case reads the province's rank alone, a negative one the listed places too.
    if (c.class === 1) assert.equal(read.length === 1, c.kind === 'positive', JSON.stringify(read));
    // Class 2: a positive case reads targets only, a negative one a value of a later period than the first.
    if (c.class === 2) assert.equal(read.length > 0 && read.every(([, , , role]) => role === 'target'), c.kind === 'positive', JSON.stringify(read));
    // Classes 3 to 7: a positive case reads no value of another country, another count, a part, a region or an addition, a negative one reads one.
    if (c.class >= 3) assert.equal(read.length === 0, c.kind === 'positive', JSON.stringify(read));
  });
});
