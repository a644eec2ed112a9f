/**
 * Lists of an index's members after a head noun or a colon, and figures far from their name
 * across a report's title and its publisher (test/fixtures/markup/colon-round11.yaml): what
 * `markup` marks in each mode, read back as the checker reads the marked text (the figure, its
 * period), and what it lists instead. A case may set the text before its sentence (`before`: the
 * heading that names the index, an earlier sentence), as a report gives the context of a list.
 */
import * as assert from 'node:assert/strict';
import { assertListed, boundFacts, caseReport, eachCaseInBothModes, markAndAnalyze, markupCases } from './markup-cases';

/** One sentence (after `before`), and the (entry, figure, period) facts the checker reads once it is marked. */
interface ColonCase {
  rule: string;
  /** positive: the rule marks; negative: it must not (what else the sentence holds is still checked). */
  kind: 'positive' | 'negative';
  period: string;
  before?: string;
  text: string;
  wrap: Array<[string, string, string]>;
  canonical: Array<[string, string, string]>;
  listed?: string[];
}

const colonCases = markupCases<ColonCase>('colon-round11.yaml');

describe('markup: member lists and far figures (fixtures/markup/colon-round11.yaml)', () => {
  it('has at least 12 positive and 8 negative cases', () => {
    assert.ok(colonCases.filter((c) => c.kind === 'positive').length >= 12);
    assert.ok(colonCases.filter((c) => c.kind === 'negative').length >= 8);
  });
  eachCaseInBothModes(colonCases, (c, mode) => {
    const got = markAndAnalyze(caseReport(c), mode);
    assert.deepEqual(boundFacts(got.analysis), c[mode], got.marked);
    if (mode === 'wrap') assertListed(c.listed, got.listed);
  });
});
