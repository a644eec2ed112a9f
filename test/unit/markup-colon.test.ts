/**
 * Lists of an index's members after a head noun or a colon, and figures far from their name
 * across a report's title and its publisher (test/fixtures/markup/colon-round11.yaml): what
 * `markup` marks in each mode, read back as the checker reads the marked text (the figure, its
 * period), and what it lists instead. A case may set the text before its sentence (`before`: the
 * heading that names the index, an earlier sentence), as a report gives the context of a list.
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

const colonCatalog = new Catalog(loadDefaultCatalog());
const colonCases = parseYaml(readFileSync(path.join(fixturesDir, 'markup', 'colon-round11.yaml'), 'utf8')) as ColonCase[];

function markAndRead(c: ColonCase, mode: MarkMode) {
  const source = ['---', `period: "${c.period}"`, '---', '', ...(c.before ? [c.before, ''] : []), c.text, ''].join('\n');
  const found = detectMentions(source, colonCatalog, { mode });
  const marked = markText(source, found.mentions, mode);
  const analysis = analyze(parseReport(marked, 'file:///colon.report.md'), colonCatalog);
  const facts = analysis.refs
    .filter((r) => r.ref.figure)
    .map((r): [string, string, string] => [r.indicator?.id ?? `unresolved: ${r.ref.written}`, r.ref.figure!.raw, r.ref.period ?? '']);
  return { facts, reasons: found.ambiguous.map((a) => a.reason as string), marked };
}

describe('markup: member lists and far figures (fixtures/markup/colon-round11.yaml)', () => {
  it('has at least 12 positive and 8 negative cases', () => {
    assert.ok(colonCases.filter((c) => c.kind === 'positive').length >= 12);
    assert.ok(colonCases.filter((c) => c.kind === 'negative').length >= 8);
  });
  for (const c of colonCases)
    for (const mode of ['wrap', 'canonical'] as const)
      it(`${mode}: ${c.rule}`, () => {
        const got = markAndRead(c, mode);
        assert.deepEqual(got.facts, c[mode], got.marked);
        if (mode === 'wrap') for (const reason of c.listed ?? []) assert.ok(got.reasons.includes(reason), `${reason} not in ${JSON.stringify(got.reasons)}`);
      });
});
