/**
 * An index named in a heading, its figures told in the paragraphs below (test/fixtures/carry-round19.yaml;
 * parse/heading-carry.ts, parse/heading-anchors.ts, markup/heading-anchor.ts; docs/reading.md §6.7): each
 * case's facts — every figure the checker reads for an entry, bound or carried, with its period, and
 * whether a heading's reference carried it — as the checker reads the text (marked by `markup` in each
 * mode when written unmarked). And the history reads the same figures the checker reads: the history's
 * reading (parseReport `history`, which does not read a paragraph with no reference) and the first
 * index's saved form (history/saved-reading.ts) save what the full reading saves.
 * Class 1: a heading's one name; the ranks and scores of its section's paragraphs carried, or none.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { describeClassCases, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

/** [entry id, the figure as written, its period, "heading" when a heading's reference carried it, else ""]. */
type Fact = [string, string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('carry-round19.yaml');
const URI = 'file:///carry19.report.md';

function facts(marked: string): Fact[] {
  const out: Fact[] = [];
  for (const { ref, indicator, also } of analyze(parseReport(marked, URI), catalog).refs) {
    const from = marked[marked.lastIndexOf('\n', marked.indexOf(`[[${ref.written}]]`) - 1) + 1] === '#' ? 'heading' : '';
    if (ref.figure && indicator) out.push([indicator.id, ref.figure.raw, ref.period ?? '', from]);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, a.period, from]);
  }
  return out;
}

describe('an index named in a heading, its figures in the paragraphs below (fixtures/carry-round19.yaml)', () => {
  describeClassCases(cases, { classes: [1], positives: 3, negatives: 4 }, catalog, facts, (c, read) => {
    // The class's promise: a positive case reads the figures below the heading (in wrap mode from the
    // heading's reference: its facts say so), a negative one nothing from a heading.
    if (c.kind === 'positive') assert.ok(read.length > 0, c.rule);
    else assert.ok(!read.some(([, , , from]) => from === 'heading'), c.rule);
  });

  itHistoryReadsAsChecker(cases, catalog, URI);
});
