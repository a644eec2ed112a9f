/**
 * What round 16 noticed and left alone (test/fixtures/prose/noticed-round17.yaml; catalog
 * ict-revenue-growth; catalog/currency-members.ts and markup/mention.ts; parse/fronted-with.ts;
 * markup/province.ts, told-on.ts): each
 * case's facts — the entry each reference's bound figure is read for and the name its mark writes —
 * as the checker reads the text (marked by `markup` in each mode when written unmarked).
 * Class 1: one growth under the IT industry's names over time is one entry; class 2: an amount
 * written in two currencies is one fact, its bound figure's currency choosing the series and the
 * name canonical mode writes; class 3: a level fronted in "Với N …," right before the name is its
 * value when the name's clause has no level of its own; class 4: a province that is an event's place,
 * or the nation named between the province and the figure, leaves a national figure marked; class 5:
 * "con số này là N" opening a later paragraph, N bare, is named in canonical mode as the count the
 * section told of (markup/told-on.ts), never when N is a change, another subject's, or no count.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { describeClassCases, loadCases, type ClassCase } from '../marked-cases';

/** [entry id, the bound figure's numeral, the name written in the mark]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/noticed-round17.yaml');

/** Each reference's bound figure as the checker reads `marked`, with the name its mark writes. */
function facts(marked: string): Fact[] {
  const out: Fact[] = [];
  for (const { ref, indicator } of analyze(parseReport(marked, 'file:///noticed17.report.md'), catalog).refs)
    if (ref.figure && indicator) out.push([indicator.id, ref.figure.numeral, ref.name]);
  return out;
}

describe('what round 16 left alone (fixtures/prose/noticed-round17.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4, 5], positives: 2, negatives: 2 }, catalog, facts, (c, read) => {
    // The classes' promise: an amount in two currencies is one fact (one mark); a fronted figure
    // (before the first ", ") is bound to the name after that comma only in a positive case of class 3.
    if (c.class === 2) assert.equal(read.length, 1, `${c.rule}: ${JSON.stringify(read)}`);
    const comma = c.text.indexOf(', ');
    const lower = c.text.toLowerCase();
    // (the name written after the comma: since round 19 wrap may mark the fronted count's own noun,
    // "Với 50.350 [[doanh nghiệp]] …", words the name after the comma also says, as canonical's name does)
    const fronted = read.some(([, numeral, name]) => c.text.indexOf(numeral) < comma && lower.indexOf(name.toLowerCase(), comma) > comma);
    if (c.class === 3) assert.equal(fronted, c.kind === 'positive', c.rule);
    if (c.class === 4) assert.equal(read.length > 0, c.kind === 'positive', c.rule);
    if (c.class === 5) assert.equal(read.length > 1, c.kind === 'positive' && read.length === 2, c.rule);
  });
});
