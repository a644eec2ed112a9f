/**
 * Two period classes of issue 13 round 21 (test/fixtures/lead-round21.yaml), as the checker reads the
 * text marked by `markup` in each mode; the history reads the same:
 * 1. a list's lead lends its period to the list's items (docs/reading.md §6.10; parse/list-lead.ts):
 *    an item's figure with no period of its own is of the period its lead (the paragraph right
 *    before the list, ending with a colon) says; a lead without a colon or without a period, an
 *    item's own period and an item saying "now" keep theirs;
 * 2. an index's edition written as a bare year right after its name dates the figure the name binds
 *    (docs/reading.md §6.11; parse/name-year.ts), unless a phrase is attached to the figure;
 * 3. a table row is one clause for a figure's province, brackets in its cells included
 *    (history/subject.ts): a rank column's further figures are kept, each its row's province's.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { parseReport } from '../../server/src/core/parse/document';
import { listLeadAt, mayLendToLists } from '../../server/src/core/parse/list-lead';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('lead-round21.yaml');

describe('a list\'s lead, an index\'s edition: periods (fixtures/lead-round21.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads a period other than the report's and other than a phrase of its sentence's start.
    if (c.kind === 'positive' && c.class !== 3) assert.ok(facts.length && facts.every(([, , p]) => p !== c.period), `${c.rule}: ${JSON.stringify(facts)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///list-lead.report.md');

  it('finds no lead for an item whose line above is an earlier item\'s lazy continuation ending with a colon', () => {
    const text = '- một mục viết dài\nnối tiếp lười, đến tháng 6/2023:\n- [[Số thuê bao băng rộng cố định]] đạt 22 triệu.\n';
    assert.equal(listLeadAt(text, text.indexOf('[[')), null);
  });

  it('walks each list once: a long list under one lead is read in one pass (the answer shared by its items)', () => {
    const items = Array.from({ length: 2000 }, (_, i) => `- [[Số thuê bao băng rộng cố định]] của nhóm ${i + 1} đạt ${i + 1} triệu;`).join('\n');
    const text = `---\nperiod: "2023"\n---\n\nTính đến tháng 6/2023:\n\n${items}\n`;
    assert.ok(mayLendToLists(text));
    const doc = parseReport(text, 'file:///long.report.md', { remember: false });
    assert.equal(doc.references.length, 2000);
    assert.ok(doc.references.every((r) => r.period === '2023-06'), 'every item dated by the lead');
  });
});
