/**
 * Every code path linear in its input, by counting work (core/work.ts), not by timing it: each
 * hostile shape is read at repeat counts k and 10 k, and the steps the scanners take (the parser's
 * and the markup detector's passes, interval lookups, sentence splitting, binding, figures.csv rows,
 * catalog lookups) are compared, scaled to ten times the text: linear work grows about 10×,
 * quadratic work about 100×. The counts do not depend on the machine or its load. The content
 * caches are emptied before each count (a first check, nothing remembered).
 *
 * Before the fixes of issue 12, these failed: a paragraph of numbers (every word looked through
 * every numeral's interval), one line of figures (the same), an unclosed front matter and a flat
 * list (one piece of the whole text handed to micromark, its memory growing with it).
 */
import * as assert from 'node:assert/strict';
import { clearContentCaches } from '../../server/src/core/caches';
import { stepsOf, work } from '../../server/src/core/work';
import { shapes, markupShapes, issueShapes, type Shape } from './linear-shapes';

/** Largest allowed growth of the steps per tenfold growth of the text. */
const MAX_RATIO = 12;

function count(shape: Shape, text: string): number {
  clearContentCaches();
  return stepsOf(() => shape.run(text));
}

/**
 * Counts at 10 and 100 times the shape's base repeat count (past the budgets of parse/guard.ts,
 * which change what is parsed below them), after a run that builds what is built once (the name
 * index): per tenfold of the text, linear work grows 10×, quadratic 100×.
 */
function linearTest(shape: Shape & { countBase?: number }, rows: string[]): void {
  it(shape.name, () => {
    const b = shape.countBase ?? shape.base * 10;
    shape.run(shape.make(shape.base));
    const texts = [b, b * 10].map((k) => shape.make(k));
    const [c1, c10] = texts.map((t) => count(shape, t));
    const ratio = (c10 / c1) * (10 / (texts[1].length / texts[0].length));
    rows.push(`${shape.name}: ${texts.map((t) => t.length).join(' / ')} chars → ${c1} / ${c10} steps (×${ratio.toFixed(1)})`);
    assert.ok(c1 > 0 && c10 > c1, `${shape.name}: no work counted: the counter does not reach this path`);
    assert.ok(ratio <= MAX_RATIO, `${shape.name}: 10× the text took ${ratio.toFixed(1)}× the steps — superlinear`);
  });
}

/**
 * Where 10 × base is still below a budget of parse/guard.ts (1 000 `*` or `_` per block, 200 setext
 * underlines, markers past column 128): counted from past it, where what is parsed stops changing.
 */
const COUNT_BASE: Record<string, number> = {
  'indented list (depth by indentation)': 300,
  'nested emphasis': 100,
  'underscores': 100,
  'setext headings': 300,
  // 200 image openers per block (markdown-it reads the inert rest as nested links, a little more text).
  'nested images': 200,
};
const countBase = (name: string): number | undefined => COUNT_BASE[name.replace(/ \(every rule\)$/, '')];

/** Shapes the counter does not reach: the `yaml` package's parse of a workspace catalog (timed in faults-linear-time.test.ts). */
const UNCOUNTED = new Set(['catalog of many entries', 'catalog of broken entries', 'catalog of nested brackets', 'catalog value with trailing blank lines']);

describe('untrusted input: linear work (steps(10× the text) / steps at most ' + MAX_RATIO + '×)', function () {
  this.timeout(0);
  const rows: string[] = [];
  after(() => {
    for (const r of rows) console.log(`      ${r}`);
  });
  describe('issue 12 reproductions', () => {
    for (const shape of issueShapes) linearTest(shape, rows);
  });
  describe('the hostile shapes of the parser, the readers and the rules', () => {
    for (const shape of shapes) if (!UNCOUNTED.has(shape.name)) linearTest({ ...shape, countBase: countBase(shape.name) }, rows);
  });
  describe('the same through the markup detector', () => {
    for (const shape of markupShapes) linearTest({ ...shape, countBase: countBase(shape.name) }, rows);
  });
  describe('the largest piece handed to micromark stays bounded (its memory)', () => {
    for (const name of ['an unclosed front matter over paragraphs', 'a flat list', 'a flat list of marked figures']) {
      const shape = issueShapes.find((s) => s.name === name)!;
      it(name, () => {
        // (Sizes past the few kilobytes a piece may have: chunks.ts MIN_ITEM_CHUNK.)
        const largest = [shape.base * 10, shape.base * 100].map((k) => {
          clearContentCaches();
          work.largestParse = 0;
          shape.run(shape.make(k));
          return work.largestParse;
        });
        rows.push(`${name}: largest piece parsed ${largest.join(' / ')} chars`);
        assert.ok(largest[1] <= 2 * largest[0], `${name}: the largest piece parsed grew from ${largest[0]} to ${largest[1]} characters`);
      });
    }
  });
});
