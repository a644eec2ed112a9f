/**
 * A measure told on across the sentences and paragraphs of a section (docs/reading.md §17;
 * test/fixtures/markup/section-round12.yaml): what `markup` marks in each mode, read back as the
 * checker reads the marked text, every fact of it — each reference's bound figure and its further
 * and carried figures (`also`) with the series each states — and what `wrap` lists instead.
 */
import * as assert from 'node:assert/strict';
import type { MarkMode } from '../../server/src/core/markup/types';
import { assertListed, caseReport, markAndAnalyze, markupCases } from './markup-cases';

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

const cases = markupCases<Case>('section-round12.yaml');

function run(c: Case, mode: MarkMode) {
  const { analysis: a, marked, listed } = markAndAnalyze(caseReport({ period: c.period, text: c.text.trimEnd() }), mode);
  const facts: Fact[] = [];
  for (const r of a.refs) {
    if (r.ref.figure) facts.push([r.indicator?.id ?? `unresolved: ${r.ref.written}`, r.ref.figure.raw, r.ref.period ?? '']);
    for (const x of r.also ?? []) facts.push([x.indicator?.id ?? 'none', x.figure.raw, x.period]);
  }
  return { facts, listed, marked };
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
      assertListed(c.listed, wrap.listed);
      const canonical = run(c, 'canonical');
      assert.deepEqual(canonical.facts, c.canonical, `canonical:\n${canonical.marked}`);
    });
});
