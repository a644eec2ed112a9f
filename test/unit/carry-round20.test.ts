/**
 * An index named in an earlier paragraph, its figures told in the next (test/fixtures/carry-round20.yaml;
 * parse/paragraph-carry.ts, parse/heading-anchors.ts, markup/heading-anchor.ts; docs/reading.md §6.8):
 * each case's facts — every figure the checker reads for an entry, bound or carried, with its period,
 * and whether it was read in a later paragraph than its reference's — as the checker reads the text
 * (marked by `markup` in each mode when written unmarked). And the history reads the same figures the
 * checker reads (the history's reading and the first index's saved form save what the full reading saves).
 * Class 1: a paragraph's one name, the ranks and scores of the next paragraphs carried, or none.
 * Class 2: a count of indicators ("bằng 42 chỉ số") names no other index: the carry goes on past it;
 * "xếp hạng 193 quốc gia" (how many are ranked) is no rank.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { describeClassCases, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

/** [entry id, the figure as written, its period, "next" when read in a later paragraph than its reference's, else ""]. */
type Fact = [string, string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('carry-round20.yaml');
const URI = 'file:///carry20.report.md';

function facts(marked: string): Fact[] {
  const out: Fact[] = [];
  const lines = marked.split('\n');
  // A blank line between the reference's line and the figure's: a later paragraph.
  const later = (from: number, to: number) => lines.slice(from, to).some((l) => !l.trim());
  for (const { ref, indicator, also } of analyze(parseReport(marked, URI), catalog).refs) {
    if (ref.figure && indicator) out.push([indicator.id, ref.figure.raw, ref.period ?? '', '']);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, a.period, later(ref.range.start.line, a.figure.range.start.line) ? 'next' : '']);
  }
  return out;
}

describe('an index named in an earlier paragraph, its figures in the next (fixtures/carry-round20.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, facts, (c, read) => {
    // Class 1's promise: a positive case reads a figure of a later paragraph, a negative one none.
    if (c.class === 1 && c.kind === 'positive') assert.ok(read.some(([, , , from]) => from === 'next'), c.rule);
    if (c.class === 1 && c.kind === 'negative') assert.ok(!read.some(([, , , from]) => from === 'next'), c.rule);
    if (c.class === 2 && c.kind === 'positive') assert.ok(read.length > 1, c.rule);
  });

  itHistoryReadsAsChecker(cases, catalog, URI);
});
