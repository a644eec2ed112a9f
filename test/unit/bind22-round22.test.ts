/**
 * One sentence's binding mistakes, issue 13 round 22 (test/fixtures/bind22-round22.yaml; docs/reading.md
 * §27), as the checker reads the text the writer marked or `markup` marked in each mode; the history
 * reads the same:
 * 1. a rank bound to a name of no ranking is the rank of that name's ranking, else no entry's;
 * 2. "về giá trị" / "về số lượng" after a change choose the series: one the entry does not measure is no value of it;
 * 3. "ít hơn N" with no comparison is fewer than N (an upper bound), "tăng ít hơn N%" a change;
 * 4. a count's head written before a growth entry's name: the growth of that count, no entry's;
 * 5. another country right after the name: its figures, none of them the entry's.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { readFigures } from '../../server/src/core/parse/figures';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, markedReport, type ClassCase } from '../marked-cases';

/** Findings about names, structure and the front matter, not about figures. */
const NOT_FIGURE_RULES = new Set(['missing-section', 'unmarked-indicator', 'non-canonical-name', 'front-matter']);

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('bind22-round22.yaml');

describe('one sentence\'s binding mistakes (fixtures/bind22-round22.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4, 5, 6], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // Class 1's positives bind no speed entry to a rank; the others' positives read no fact but class 3's.
    if (c.kind === 'positive' && c.class === 1) assert.ok(facts.every(([id]) => id.endsWith('-rank')), `${c.rule}: ${JSON.stringify(facts)}`);
    if (c.kind === 'positive' && c.class !== 1 && c.class !== 3 && c.class !== 6) assert.deepEqual(facts, [], c.rule);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///bind22.report.md');

  it('draws no finding of the figure rules on its consistent sentences (each case a workspace of its own, both modes)', async () => {
    const found: string[] = [];
    for (const c of cases)
      for (const mode of ['wrap', 'canonical'] as const) {
        const uri = 'file:///ws/case.report.md';
        const text = markedReport(c.text, c.period, catalog, mode);
        const service = new LanguageService({ workspace: new InMemoryWorkspace({ [uri]: text }), folders: ['file:///ws'], lang: 'en' });
        await service.reloadConfig();
        await service.reloadCatalog();
        await service.indexWorkspace();
        for (const f of service.check(uri, text, 1)) if (!NOT_FIGURE_RULES.has(String(f.code))) found.push(`${c.rule} (${mode}): ${f.code} ${f.message}`);
      }
    assert.deepEqual(found, []);
  });

  it('reads "ít hơn N" as an upper bound, "hơn N" as a lower one, "ít hơn N so với năm Y" as a fall', () => {
    const [less] = readFigures('số thuê bao vẫn ít hơn 23 triệu.');
    assert.equal(less.raw, 'ít hơn 23 triệu');
    assert.equal(less.qualifier, 'dưới');
    assert.deepEqual(less.interval, [0, 23_000_000]);
    const [more] = readFigures('số thuê bao đạt hơn 22 triệu.');
    assert.equal(more.qualifier, 'hơn');
    assert.equal(more.interval[1], Infinity);
    const [fall] = readFigures('số thuê bao ít hơn 1 triệu so với năm 2022.');
    assert.equal(fall.change?.direction, 'down');
    assert.equal(fall.qualifier, null);
    const [rise] = readFigures('giao dịch tăng ít hơn 45% về số lượng.');
    assert.equal(rise.change?.direction, 'up');
    assert.equal(rise.qualifier, 'dưới');
  });
});
