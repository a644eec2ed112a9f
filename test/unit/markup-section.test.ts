/**
 * A measure told on across the sentences and paragraphs of a section (docs/dialect.md §17;
 * test/fixtures/markup/section-round12.yaml): what `markup` marks in each mode, read back as the
 * checker reads the marked text, every fact of it — each reference's bound figure and its further
 * and carried figures (`also`) with the series each states — and what `wrap` lists instead.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions, markText } from '../../server/src/core/markup';
import type { MarkMode } from '../../server/src/core/markup/types';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { fixturesDir } from '../helpers';

type Fact = [string, string, string];

interface Case {
  rule: string;
  period: string;
  /** Positive (a later sentence's or paragraph's value is taken) or negative (it is not). */
  kind: 'positive' | 'negative';
  text: string;
  wrap: Fact[];
  canonical: Fact[];
  listed?: string[];
}

const catalog = new Catalog(loadDefaultCatalog());
const cases = parseYaml(readFileSync(path.join(fixturesDir, 'markup', 'section-round12.yaml'), 'utf8')) as Case[];

function run(c: Case, mode: MarkMode) {
  const text = `---\nperiod: "${c.period}"\n---\n\n${c.text.trimEnd()}\n`;
  const result = detectMentions(text, catalog, { mode });
  const marked = markText(text, result.mentions, mode);
  const a = analyze(parseReport(marked, 'file:///t.report.md'), catalog);
  const facts: Fact[] = [];
  for (const r of a.refs) {
    if (r.ref.figure) facts.push([r.indicator?.id ?? `unresolved: ${r.ref.written}`, r.ref.figure.raw, r.ref.period ?? '']);
    for (const x of r.also ?? []) facts.push([x.indicator?.id ?? 'none', x.figure.raw, x.period]);
  }
  return { facts, listed: result.ambiguous.map((x) => x.reason as string), marked };
}

describe('markup: a measure told on across a section (fixtures/markup/section-round12.yaml)', () => {
  it('has at least 12 positive and 12 negative cases', () => {
    assert.ok(cases.filter((c) => c.kind === 'positive').length >= 12);
    assert.ok(cases.filter((c) => c.kind === 'negative').length >= 12);
  });
  for (const c of cases)
    it(`${c.kind}: ${c.rule}`, () => {
      const wrap = run(c, 'wrap');
      assert.deepEqual(wrap.facts, c.wrap, `wrap:\n${wrap.marked}`);
      for (const reason of c.listed ?? []) assert.ok(wrap.listed.includes(reason), `${reason} not in ${JSON.stringify(wrap.listed)}`);
      const canonical = run(c, 'canonical');
      assert.deepEqual(canonical.facts, c.canonical, `canonical:\n${canonical.marked}`);
    });
});
