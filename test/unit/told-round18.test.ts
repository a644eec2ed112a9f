/**
 * Figures told in a sentence after the one naming their index (test/fixtures/prose/told-round18.yaml;
 * parse/family-carry.ts, docs/reading.md §6.6): each case's facts — every figure the checker reads
 * for an entry, bound or carried, with its period and role — as the checker reads the text (marked
 * by `markup` in each mode when written unmarked).
 * Class 1: an organisation written in sentence case is no subject, and another country carries nothing;
 * class 2: after a reference bound to a province's score, other provinces' ranks listed "lần lượt" with
 * their scores "tương ứng" are its further figures (ranks alone are not).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { describeClassCases, loadCases, type ClassCase } from '../marked-cases';

/** [entry id, the figure as written, its period, its role]. */
type Fact = [string, string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/told-round18.yaml');

/** Every figure read for an entry: each reference's bound figure, then its further figures (a name with no figure of its own carries too). */
function facts(marked: string): Fact[] {
  const out: Fact[] = [];
  for (const { ref, indicator, also } of analyze(parseReport(marked, 'file:///told18.report.md'), catalog).refs) {
    if (ref.figure && indicator) out.push([indicator.id, ref.figure.raw, ref.period ?? '', ref.figure.role ?? '']);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, a.period, a.figure.role ?? '']);
  }
  return out;
}

describe('figures told after the sentence naming their index (fixtures/prose/told-round18.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2], positives: 2, negatives: 2 }, catalog, facts, (c, read) => {
    // The classes' promise: a positive case reads figures of the next sentence, a negative one none
    // (class 1: no figure that is no target; class 2: none of the second sentence).
    if (c.class === 1) assert.equal(read.some(([, , , role]) => role !== 'target'), c.kind === 'positive', c.rule);
    const next = c.text.indexOf('. ');
    if (c.class === 2) assert.equal(read.some(([, raw]) => c.text.indexOf(raw, next) > next), c.kind === 'positive', c.rule);
  });
});
