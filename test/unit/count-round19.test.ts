/**
 * Counted nouns alone (issue 13, round 19; docs/dialect.md §5.2; test/fixtures/count-round19.yaml;
 * markup/counted.ts countedEntry, markup/counted-words.ts): "có 20,73 triệu thuê bao" after the
 * network's words, "số thuê bao là khoảng 71 triệu", a marked `[[thuê bao]]` stand for the one count
 * entry of that noun the sentence's other words settle. Each case's facts — each reference's bound
 * figure and its further figures, with the entry and the period — as the checker reads the text
 * marked by `markup` in each mode: a positive case reads a count entry of the noun, a negative one
 * none. Likewise a speed's words its siblings share ("tốc độ tải xuống trung bình"), told apart by the
 * network written before them (markup/sibling-words.ts). Then: marked words the sentence does not
 * settle stay `unknown-indicator`.
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
const speedIds = new Set(catalog.all().filter((i) => /^tốc độ/iu.test(i.name)).map((i) => i.id));
/** The entries a case's class reads: counts (1–3), speeds (4, 5). */
const idsOf = (c: ClassCase<Fact>) => (c.class <= 3 ? countIds : speedIds);

describe('counted nouns alone (fixtures/count-round19.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4, 5], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    assert.equal(facts.some(([id]) => idsOf(c).has(id)), c.kind === 'positive', `${c.rule}: ${JSON.stringify(facts)}`);
  });

  it('marked words their sentence does not settle are still unknown-indicator, and those it settles draw a non-canonical-name hint', () => {
    for (const c of cases.filter((x) => x.class === 3 || x.class === 5)) {
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
