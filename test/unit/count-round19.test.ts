/**
 * Counted nouns alone (issue 13, round 19; docs/dialect.md §5.2; test/fixtures/count-round19.yaml;
 * markup/counted.ts countedEntry, markup/counted-words.ts): "có 20,73 triệu thuê bao" after the
 * network's words, "số thuê bao là khoảng 71 triệu", a marked `[[thuê bao]]` stand for the one count
 * entry of that noun the sentence's other words settle. Each case's facts — each reference's bound
 * figure and its further figures, with the entry and the period — as the checker reads the text
 * marked by `markup` in each mode: a positive case reads a count entry of the noun, a negative one
 * none. Then: a marked noun the sentence does not settle stays `unknown-indicator`.
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
const cases = loadCases<ClassCase<Fact>>('count-round19.yaml');
const countIds = new Set(catalog.all().filter((i) => i.unitClass === 'count').map((i) => i.id));

describe('counted nouns alone (fixtures/count-round19.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    assert.equal(facts.some(([id]) => countIds.has(id)), c.kind === 'positive', `${c.rule}: ${JSON.stringify(facts)}`);
  });

  it('a marked noun its sentence does not settle is still unknown-indicator, and one it settles draws a non-canonical-name hint', () => {
    for (const c of cases.filter((x) => x.class === 3)) {
      const doc = parseReport(markedReport(c.text, c.period, catalog, 'wrap'), 'file:///count.report.md');
      const analysis = analyze(doc, catalog);
      const codes = checkAnalysis(analysis, { lang: 'vi' }).map((d) => d.code);
      if (c.kind === 'negative') assert.ok(codes.includes('unknown-indicator'), `${c.rule}: ${codes.join(', ')}`);
      else {
        assert.ok(!codes.includes('unknown-indicator') && !codes.includes('ambiguous-indicator'), `${c.rule}: ${codes.join(', ')}`);
        assert.ok(codes.includes('non-canonical-name'), `${c.rule}: ${codes.join(', ')}`);
      }
    }
  });
});
