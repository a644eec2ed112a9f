/**
 * A name's further figures of other units (docs/dialect.md §6.5 (10)-(11); parse/province-items.ts,
 * further.ts, binding.ts continueRanking; history/subject.ts; test/fixtures/prose/series-round15.yaml):
 * each case's facts — each reference's bound figure and its further figures, with the entry, the
 * period and the province the history files it under — as the checker reads the text (marked by
 * `markup` in each mode when written unmarked). A positive case reads a further figure of another
 * province; a negative one reads none.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { figureKey } from '../../server/src/core/history/subject';
import { loadCases, markedReport } from '../marked-cases';

/** [entry, figure, period, province or "-"]. */
type Fact = [string, string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<{ rule: string; class: 1 | 2; kind: 'positive' | 'negative'; period: string; text: string; wrap: Fact[]; canonical?: Fact[] }>('prose/series-round15.yaml');

/** The facts the checker reads in `marked`: each reference's bound figure, then its further figures. */
function unitFacts(marked: string): Fact[] {
  const doc = parseReport(marked, 'file:///series15.report.md');
  const out: Fact[] = [];
  for (const { ref, indicator, also } of analyze(doc, catalog).refs) {
    if (!ref.figure || !indicator) continue;
    const subject = (ind: typeof indicator, f: typeof ref.figure) => (f && figureKey(doc, ind, ref.sentence, f)?.subject) ?? '-';
    out.push([indicator.id, ref.figure.raw, ref.period ?? '', subject(indicator, ref.figure)]);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, a.period, subject(a.indicator, a.figure)]);
  }
  return out;
}

describe('further figures of other units (fixtures/prose/series-round15.yaml)', () => {
  it('has positive and negative cases of each class', () => {
    for (const k of [1, 2]) {
      assert.ok(cases.filter((c) => c.class === k && c.kind === 'positive').length >= 3, `class ${k}`);
      assert.ok(cases.filter((c) => c.class === k && c.kind === 'negative').length >= 3, `class ${k}`);
    }
  });
  for (const c of cases)
    for (const mode of c.text.includes('[[') ? (['wrap'] as const) : (['wrap', 'canonical'] as const))
      it(`${c.text.includes('[[') ? 'marked' : mode}: class ${c.class}: ${c.rule}`, () => {
        const marked = markedReport(c.text, c.period, catalog, mode);
        const facts = unitFacts(marked);
        assert.deepEqual(facts, (mode === 'canonical' ? c.canonical : undefined) ?? c.wrap, marked);
        assert.equal(facts.length > 1, c.kind === 'positive', `${c.rule}: ${JSON.stringify(facts)}`);
      });
});
