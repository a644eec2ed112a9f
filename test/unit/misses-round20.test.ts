/**
 * The largest remaining miss classes of round 20 (issue 13; test/fixtures/misses-round20.yaml;
 * docs/reading.md §5.2): a channel written without its head noun ("qua mã QR tăng 104%" after a
 * sentence of its section naming cashless payments), read as the family's growth entry of that
 * channel (markup/channel-words.ts, channel-names.ts) by the markup and by the checker. Each case's
 * facts — each reference's bound figure and its further figures, with the entry and the period — as
 * the checker reads the text marked by `markup` in each mode: a positive case reads a channel's
 * growth entry, a negative one none. Then: a consistent report of such channels draws no warning.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { checkAnalysis } from '../../server/src/core/check';
import { describeClassCases, entryPeriodFacts, loadCases, markedReport, type ClassCase } from '../marked-cases';

/** [entry id, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('misses-round20.yaml');
/** The growth entries of a channel: a name holding " qua " (Tăng trưởng giao dịch thanh toán qua mã QR). */
const channelIds = new Set(catalog.all().filter((i) => i.measure === 'growth' && / qua /u.test(i.name)).map((i) => i.id));

describe('channels without their head noun (fixtures/misses-round20.yaml)', () => {
  describeClassCases(cases, { classes: [1], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    assert.equal(facts.some(([id]) => channelIds.has(id)), c.kind === 'positive', `${c.rule}: ${JSON.stringify(facts)}`);
  });

  it('the marked channels of a positive case draw no unknown-indicator', () => {
    for (const c of cases.filter((x) => x.kind === 'positive')) {
      const analysis = analyze(parseReport(markedReport(c.text, c.period, catalog, 'wrap'), 'file:///channel.report.md'), catalog);
      const codes = checkAnalysis(analysis, { lang: 'vi' }).map((d) => d.code);
      assert.ok(!codes.includes('unknown-indicator') && !codes.includes('ambiguous-indicator'), `${c.rule}: ${codes.join(', ')}`);
    }
  });
});
