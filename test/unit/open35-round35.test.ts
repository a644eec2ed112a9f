/**
 * Classes of issue 13 round 35, from the audit of held39 (test/fixtures/open35-round35.yaml;
 * docs/reading.md §81), as the checker reads the text marked by `markup` in each mode; the history
 * reads the same:
 * 1. a ranking or an index named, then "của/do <organisation>" that compiles no catalog entry ("xếp
 *    hạng chính phủ điện tử của Đại học Brown"): that publisher's ranking (markup/other-publisher.ts;
 *    wrap lists it `other-source`);
 * 2. in a province's own report, the nation named only as the average compared with ("cao hơn bình
 *    quân cả nước"): the figures are the province's (markup/nation-base.ts, own-report.ts);
 * 3. "nền" alone (of "nền kinh tế") never stands for a name's "nền tảng" (markup/half-word.ts).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, listedFigures, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('open35-round35.yaml');

describe("held39's classes: another publisher's ranking, the nation as a comparison base, 'nền' for 'nền tảng' (fixtures/open35-round35.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => {
    if (c.class !== 1) return;
    const listed = listedFigures(c.text, c.period, catalog).filter(([, reason]) => reason === 'other-source');
    assert.equal(listed.length, c.kind === 'positive' ? 1 : 0, `${c.rule}: ${JSON.stringify(listed)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///open35.report.md');
});
