/**
 * held19's false marks by class (issue 13, round 17; markup/currency-fit.ts, markup/added.ts, markup/counted-subsets.ts,
 * markup/told-on.ts, markup/piece-lead.ts listLead; test/fixtures/prose/audit-round17b.yaml): each case's facts — the entry each
 * reference's figure and further figures are read for — as the checker reads the text marked by
 * `markup` in each mode; a positive case of classes 1-3 lists its figure with the class's reason
 * (an amount in a currency the family does not keep: figure-does-not-fit; additions, a selected
 * few: figure-role), a negative one lists none of its figures.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions } from '../../server/src/core/markup';
import { describeClassCases, entryFigures, loadCases, type ClassCase } from '../marked-cases';

/** [entry, figure]. */
type Fact = [string, string];
interface Case extends ClassCase<Fact> {
  listed?: string;
}
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<Case>('prose/audit-round17b.yaml');

/** The facts the checker reads in `marked`: each reference's bound figure (its raw text), then its further figures. */
const facts = (marked: string): Fact[] => entryFigures(marked, catalog);

/** The figures `markup` lists in `text` (wrap mode), with their reasons (a case listed with no figure: ["", reason]). */
function listed(c: Case): Array<[string, string]> {
  const source = ['---', `period: "${c.period}"`, '---', '', c.text, ''].join('\n');
  return detectMentions(source, catalog, { mode: 'wrap' }).ambiguous.flatMap((a) => (a.figures.length ? a.figures : ['']).map((f): [string, string] => [f, a.reason]));
}

const REASON: Record<number, string> = { 1: 'figure-does-not-fit', 2: 'figure-role', 3: 'figure-role' };

describe("held19's false marks by class (fixtures/prose/audit-round17b.yaml)", () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4, 5, 6], positives: 2, negatives: 2 }, catalog, facts, (c, read) => {
    if (c.class === 4) return; // (its promise is the canonical facts: a name inserted or not)
    // Class 6: a positive case lists its rows in wrap (variant-name: no one series's name), a negative one nothing.
    // (class 6: since reading.md §67 the checker resolves the rows' words by the table, so wrap marks them as written; a positive case reads the pillars in both modes)
    if (c.class === 6) return assert.equal(read.length > 0 || c.text.includes('[['), c.kind === 'positive');
    // Class 5: a positive case reads a provincial pillar's score; a negative one lists its subjects figure-does-not-fit.
    if (c.class === 5) return assert.equal(c.kind === 'positive' ? read.some(([id]) => /^dti-province-.*-score$/.test(id)) : listed(c).some(([, r]) => r === 'figure-does-not-fit'), true, JSON.stringify(read));
    const got = listed(c);
    if (c.kind === 'positive') assert.ok(got.some(([f, r]) => f.includes(c.listed!) && r === REASON[c.class]), `${c.rule}: ${JSON.stringify(got)}`);
    else assert.ok(!got.some(([, r]) => r === REASON[c.class]), `${c.rule}: ${JSON.stringify(got)}`);
  });
});
