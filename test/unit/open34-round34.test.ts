/**
 * Classes of issue 13 round 34, from the audit of held38 (test/fixtures/open34-round34.yaml;
 * docs/reading.md §75), as the checker reads the text marked by `markup` in each mode; the history
 * reads the same:
 * 1. a rank of Việt Nam after a fronted topic frame naming an aspect of the index told of before ("Về
 *    hiệu quả đổi mới sáng tạo, Việt Nam đứng thứ 10"): none of the index (markup/topic-frame.ts).
 * In wrap mode a positive's figure is listed no more (`name-elsewhere` was its listing).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, listedFigures, loadCases, type ClassCase } from '../marked-cases';

type Fact = string[];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('open34-round34.yaml');

describe("held38's class: a rank after a topic frame naming an aspect of the index (fixtures/open34-round34.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), (c) => {
    if (c.class !== 1) return;
    const named = listedFigures(c.text, c.period, catalog).filter(([, reason]) => reason === 'name-elsewhere');
    assert.equal(named.length, c.kind === 'positive' ? 0 : 1, `${c.rule}: ${JSON.stringify(named)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///open34.report.md');
});
