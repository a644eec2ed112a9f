/**
 * Small reading classes of round 21 (issue 13; test/fixtures/scope-round21.yaml; docs/reading.md
 * §22). Each case's facts — each reference's bound figure and its further figures, with the entry
 * and the period — as the checker reads the text marked by `markup` in each mode.
 * Class 1: a scope phrase fronted in its sentence ("Trong khu vực ASEAN, …") governs its ranks: a
 * positive case reads a regional rank entry and no world rank, a negative one no regional entry.
 * Class 3: "giá trị" as the head of a transactions' name ("giá trị giao dịch qua mã QR tăng 150%"):
 * a positive case reads no fact of the value's change (`value`), a negative one a channel's growth.
 * Class 4: a payment channel without "qua" opening a clause ("Theo kênh: điện thoại di động tăng
 * 59%"): a positive case reads a channel's growth entry, a negative one none. Then: a consistent
 * report of such channels draws no unknown or ambiguous indicator.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { checkAnalysis } from '../../server/src/core/check';
import { describeClassCases, entryPeriodFacts, loadCases, markedReport, type ClassCase } from '../marked-cases';

/** [entry id, figure, period]. */
type Fact = [string, string, string];
type Case = ClassCase<Fact> & { value?: string };
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('scope-round21.yaml');
const facts = (marked: string) => entryPeriodFacts(marked, catalog);
const scopeOf = (id: string) => catalog.byId(id)?.scope;
const regional = (id: string) => ['asean', 'asia', 'asia-pacific'].includes(scopeOf(id) ?? '');
/** The growth entries of a payment channel: a name holding " qua " (Tăng trưởng giao dịch thanh toán qua mã QR). */
const channelIds = new Set(catalog.all().filter((i) => i.measure === 'growth' && / qua /u.test(i.name)).map((i) => i.id));

describe('small reading classes of round 21 (fixtures/scope-round21.yaml)', () => {
  describe('class 1: a fronted regional scope', () =>
    describeClassCases(cases.filter((c) => c.class === 1), { classes: [1], positives: 3, negatives: 3 }, catalog, facts, (c, read) => {
      const said = `${c.rule}: ${JSON.stringify(read)}`;
      if (c.kind === 'negative') return assert.ok(!read.some(([id]) => regional(id)), said);
      assert.ok(read.some(([id]) => regional(id)), said);
      assert.ok(!read.some(([id]) => catalog.byId(id)?.measure === 'rank' && scopeOf(id) === 'world'), said);
    }));

  describe('class 3: "giá trị" before a transactions\' name', () =>
    describeClassCases(cases.filter((c) => c.class === 3), { classes: [3], positives: 3, negatives: 3 }, catalog, facts, (c, read) => {
      const said = `${c.rule}: ${JSON.stringify(read)}`;
      if (c.kind === 'negative') return assert.ok(read.some(([id]) => channelIds.has(id)), said);
      assert.ok(c.value && !read.some(([, figure]) => figure === c.value), said);
    }));

  describe('class 4: a payment channel without "qua"', () => {
    describeClassCases(cases.filter((c) => c.class === 4), { classes: [4], positives: 3, negatives: 3 }, catalog, facts, (c, read) => {
      assert.equal(read.some(([id]) => channelIds.has(id)), c.kind === 'positive', `${c.rule}: ${JSON.stringify(read)}`);
    });
    it('the marked channels of a positive case draw no unknown or ambiguous indicator', () => {
      for (const c of cases.filter((x) => x.class === 4 && x.kind === 'positive')) {
        const analysis = analyze(parseReport(markedReport(c.text, c.period, catalog, 'wrap'), 'file:///channel.report.md'), catalog);
        const codes = checkAnalysis(analysis, { lang: 'vi' }).map((d) => d.code);
        assert.ok(!codes.includes('unknown-indicator') && !codes.includes('ambiguous-indicator'), `${c.rule}: ${codes.join(', ')}`);
      }
    });
  });
});
