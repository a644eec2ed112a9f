/**
 * Role, unit and counted-noun fit (test/fixtures/markup/fit.yaml): what `markup` marks in each
 * mode, read back as the checker reads the marked text, and what it lists instead (the reasons).
 * The rules: a level on a scale fits a scale only; a count's noun must be what the entry counts; a
 * relative change of a count is its family's growth rate; a figure with no period phrase of its own
 * is listed when an earlier sentence of its paragraph set another period than the report's.
 */
import * as assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { MarkMode } from '../../server/src/core/markup/types';
import { fixturesDir } from '../helpers';
import { assertListed, boundFacts, caseReport, eachCaseInBothModes, markAndAnalyze, markupCases } from './markup-cases';

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

// fit.yaml, the later rounds' fit-*.yaml, prec-*.yaml (false marks by class), abbr-*.yaml and names-*.yaml.
const cases = markupCases<Case>(
  ...readdirSync(path.join(fixturesDir, 'markup'))
    .filter((f) => /^(?:fit|prec|abbr|names|audit)(?:-[\w-]+)?\.yaml$/.test(f))
    .sort(),
);

function run(c: Case, mode: MarkMode) {
  const { analysis: a, marked, listed } = markAndAnalyze(caseReport(c), mode);
  const periods = boundFacts(a);
  const facts = periods.map(([entry, figure]): [string, string] => [entry, figure]);
  const also = a.refs.flatMap((r) => (r.also ?? []).filter((x) => x.indicator).map((x): [string, string, string] => [x.indicator!.id, x.figure.raw, x.period]));
  return { facts, listed, marked, periods, also };
}

describe('markup: role, unit and counted-noun fit (fixtures/markup/fit*.yaml)', () => {
  it('has cases', () => assert.ok(cases.length >= 8));
  eachCaseInBothModes(cases, (c, mode) => {
    const got = run(c, mode);
    assert.deepEqual(got.facts, c[mode], got.marked);
    if (mode === 'wrap') assertListed(c.listed, got.listed);
    if (c.periods) assert.deepEqual(got.periods, c.periods, got.marked);
    if (c.also) assert.deepEqual(got.also, c.also, got.marked);
    if (mode === 'canonical' && c.canonicalText !== undefined) assert.equal(got.marked.split('---\n\n')[1].trimEnd(), c.canonicalText);
  });
});
