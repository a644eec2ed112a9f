/**
 * Role, unit and counted-noun fit (test/fixtures/markup/fit.yaml): what `markup` marks in each
 * mode, read back as the checker reads the marked text, and what it lists instead (the reasons).
 * The rules: a level on a scale fits a scale only; a count's noun must be what the entry counts; a
 * relative change of a count is its family's growth rate; a figure with no period phrase of its own
 * is listed when an earlier sentence of its paragraph set another period than the report's.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions, markText } from '../../server/src/core/markup';
import type { MarkMode } from '../../server/src/core/markup/types';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { fixturesDir } from '../helpers';

interface Case {
  rule: string;
  period: string;
  /** The report's date (front matter), when the rule needs one. */
  date?: string;
  text: string;
  wrap: Array<[string, string]>;
  canonical: Array<[string, string]>;
  listed?: string[];
  /** The sentence as canonical mode writes it, when the rule is about the words it writes. */
  canonicalText?: string;
  /** Each mode's facts as [entry, figure, period], when the rule is about the period read. */
  periods?: Array<[string, string, string]>;
  /** The further figures the checker reads with the marks (`also`: carried, beside), [entry, figure, period], in both modes. */
  also?: Array<[string, string, string]>;
}

const catalog = new Catalog(loadDefaultCatalog());
// fit.yaml, the later rounds' fit-*.yaml, prec-*.yaml (false marks by class), abbr-*.yaml and names-*.yaml.
const cases = readdirSync(path.join(fixturesDir, 'markup'))
  .filter((f) => /^(?:fit|prec|abbr|names)(?:-[\w-]+)?\.yaml$/.test(f))
  .sort()
  .flatMap((f) => parseYaml(readFileSync(path.join(fixturesDir, 'markup', f), 'utf8')) as Case[]);

function run(c: Case, mode: MarkMode) {
  const text = `---\nperiod: "${c.period}"\n${c.date ? `date: ${c.date}\n` : ''}---\n\n${c.text}\n`;
  const result = detectMentions(text, catalog, { mode });
  const marked = markText(text, result.mentions, mode);
  const a = analyze(parseReport(marked, 'file:///t.report.md'), catalog);
  const facts = a.refs.filter((r) => r.ref.figure).map((r): [string, string] => [r.indicator?.id ?? `unresolved: ${r.ref.written}`, r.ref.figure!.raw]);
  const periods = a.refs.filter((r) => r.ref.figure).map((r): [string, string, string] => [r.indicator?.id ?? `unresolved: ${r.ref.written}`, r.ref.figure!.raw, r.ref.period ?? '']);
  const also = a.refs.flatMap((r) => (r.also ?? []).filter((x) => x.indicator).map((x): [string, string, string] => [x.indicator!.id, x.figure.raw, x.period]));
  return { facts, listed: result.ambiguous.map((x) => x.reason), marked, periods, also };
}

describe('markup: role, unit and counted-noun fit (fixtures/markup/fit*.yaml)', () => {
  it('has cases', () => assert.ok(cases.length >= 8));
  for (const c of cases)
    for (const mode of ['wrap', 'canonical'] as const)
      it(`${mode}: ${c.rule}`, () => {
        const got = run(c, mode);
        assert.deepEqual(got.facts, c[mode], got.marked);
        if (mode === 'wrap') for (const reason of c.listed ?? []) assert.ok((got.listed as string[]).includes(reason), `${reason} not in ${JSON.stringify(got.listed)}`);
        if (c.periods) assert.deepEqual(got.periods, c.periods, got.marked);
        if (c.also) assert.deepEqual(got.also, c.also, got.marked);
        if (mode === 'canonical' && c.canonicalText !== undefined) assert.equal(got.marked.split('---\n\n')[1].trimEnd(), c.canonicalText);
      });
});
