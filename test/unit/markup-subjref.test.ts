/**
 * `[[subject]]` references (test/fixtures/markup/subject-refs.yaml; docs/dialect.md §5.2): a name
 * without its measure word ("kinh tế số") resolves to the one entry of its subject the bound figure
 * fits (series.ts byFigure), with the non-canonical-name hint and its fix; a subject no figure
 * settles is an ambiguous-indicator warning naming the entries (never silence); explicit names and
 * aliases resolve as before. And `markup` in wrap mode marks a subject by inserting brackets only
 * when the checker will settle the mark on the same entry.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { checkAnalysis } from '../../server/src/core/check';
import { hover } from '../../server/src/core/features/hover';
import { detectMentions, markText } from '../../server/src/core/markup';
import { parseReport } from '../../server/src/core/parse/document';
import { fixturesDir } from '../helpers';

interface Case {
  name: string;
  period: string;
  text: string;
  indicator: string | null;
  findings: string[];
  hover?: string[];
}

const catalog = new Catalog(loadDefaultCatalog());
const cases = parseYaml(readFileSync(path.join(fixturesDir, 'markup', 'subject-refs.yaml'), 'utf8')) as Case[];
const report = (c: Case) => `---\nsession: 9\ndate: 2024-07-10\nperiod: "${c.period}"\n---\n\n${c.text}\n`;

describe('dialect: [[subject]] references resolved by their figure (fixtures/markup/subject-refs.yaml)', () => {
  it('has cases', () => assert.ok(cases.length >= 8));
  for (const c of cases)
    it(c.name, () => {
      const doc = parseReport(report(c), 'file:///t.report.md');
      const a = analyze(doc, catalog);
      assert.equal(a.refs.length, 1);
      const r = a.refs[0];
      assert.equal(r.indicator?.id ?? null, c.indicator);
      const onRef = checkAnalysis(a, { lang: 'vi' })
        .filter((f) => f.range.start.line === r.ref.range.start.line && f.range.start.character >= r.ref.range.start.character && f.range.end.character <= r.ref.range.end.character)
        .map((f) => f.code);
      assert.deepEqual(onRef.filter((id) => ['non-canonical-name', 'ambiguous-indicator', 'unknown-indicator'].includes(id)).sort(), [...c.findings].sort());
      // A fix offers the canonical names (the subject's entries, or the one its figure picked).
      for (const f of checkAnalysis(a, { lang: 'en' }).filter((x) => c.findings.includes(x.code) && x.code !== 'unknown-indicator'))
        assert.ok((f.fixes ?? []).length >= 1, `${f.code} has a fix`);
      const h = hover(a, { line: r.ref.range.start.line, character: r.ref.range.start.character + 3 }, 'vi');
      for (const w of c.hover ?? []) assert.ok(h?.markdown.includes(w), `hover has "${w}": ${h?.markdown}`);
    });

  it('an unresolved subject says which entries it may name', () => {
    const c = cases.find((x) => x.indicator === null)!;
    const a = analyze(parseReport(report(c), 'file:///t.report.md'), catalog);
    const f = checkAnalysis(a, { lang: 'en' }).find((x) => x.code === 'ambiguous-indicator')!;
    assert.match(f.message, /subject of several indicators/);
    assert.match(f.message, /Tăng trưởng kinh tế số/);
  });

  it('wrap mode marks a subject with brackets only, and the checker settles it on the same entry', () => {
    const text = report({ name: '', period: '2024-S1', text: 'Kinh tế số 6 tháng đầu năm 2024 ước tăng trưởng 22,4%.', indicator: null, findings: [] });
    const { mentions } = detectMentions(text, catalog, { mode: 'wrap' });
    const marked = markText(text, mentions, 'wrap');
    assert.equal(marked.replace(/\[\[|\]\]/g, ''), text);
    assert.ok(marked.includes('[[Kinh tế số]]'), marked);
    const a = analyze(parseReport(marked, 'file:///t.report.md'), catalog);
    assert.deepEqual(a.refs.map((r) => r.indicator?.id), ['digital-economy-growth']);
  });
});
