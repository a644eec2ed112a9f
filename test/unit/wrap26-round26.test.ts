/**
 * A class of issue 13 round 26 from the gap between wrap and canonical (test/fixtures/wrap26-round26.yaml;
 * docs/reading.md §43), as the checker reads the text marked by `markup` in each mode; the history reads
 * the same: press wordings as catalog aliases (class 1), and a table's name that is a subject of several
 * entries, marked as written when the figure the checker binds picks its entry alone (class 2,
 * markup/table-subject.ts).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { detectMentions, markText } from '../../server/src/core/markup';
import { parseReport } from '../../server/src/core/parse/document';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('wrap26-round26.yaml');

describe('the gap between wrap and canonical: aliases and table subjects (fixtures/wrap26-round26.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 3, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads in wrap what canonical reads; a negative one reads nothing in wrap.
    if (c.kind === 'positive') assert.deepEqual(facts, c.canonical ?? c.wrap, c.rule);
    else assert.deepEqual(c.wrap, [], c.rule);
    if (c.kind === 'positive') assert.ok(facts.length > 0, c.rule);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///wrap26.report.md');

  it('lists no positive case as a variant name in wrap mode', () => {
    for (const c of cases.filter((k) => k.kind === 'positive')) {
      const text = ['---', `period: "${c.period}"`, '---', '', c.text, ''].join('\n');
      assert.deepEqual(detectMentions(text, catalog, { mode: 'wrap' }).ambiguous.filter((a) => a.reason === 'variant-name'), [], c.rule);
    }
  });

  it('wraps a counted noun only when its figure is still read once the noun is marked ("số 13 [[bộ, ngành]]" reads a label)', () => {
    // (the property test's counterexample, markup-bytes.test.ts: the checker read "29/63 địa phương" for the mark)
    const unknown = (t: string) => {
      const m = markText(t, detectMentions(t, catalog, { mode: 'wrap' }).mentions, 'wrap');
      return analyze(parseReport(m, 'file:///t.report.md'), catalog).refs.filter((r) => !r.indicator).map((r) => r.ref.name);
    };
    assert.deepEqual(unknown('29/63 địa phương đã ban hành Kế hoạch chuyển đổi số 13 bộ, ngành.'), []);
    // (with a comma the figure is read, marked or not: wrap marks it and the checker reads the entry)
    const t = '29/63 địa phương đã ban hành Kế hoạch chuyển đổi số, 13 bộ, ngành.';
    assert.ok(markText(t, detectMentions(t, catalog, { mode: 'wrap' }).mentions, 'wrap').includes('13 [[bộ, ngành]]'));
    assert.deepEqual(unknown(t), []);
  });
});
