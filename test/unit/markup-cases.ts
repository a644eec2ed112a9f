/**
 * The shared steps of the markup fixture runners (markup-fit, markup-colon, markup-section,
 * list-round12 .test.ts): a fixture's cases, the report a case stands in, that report marked in a
 * mode and read back as the checker reads the marked text, and the checks they all make of it. Each
 * runner keeps its own facts and assertions.
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

/** The default catalog, as `markup` and the checker use it. */
export const markupCatalog = new Catalog(loadDefaultCatalog());

/** The cases of test/fixtures/markup/`files`, in order. */
export function markupCases<C>(...files: string[]): C[] {
  return files.flatMap((f) => parseYaml(readFileSync(path.join(fixturesDir, 'markup', f), 'utf8')) as C[]);
}

/** What a case gives of its report: the period (and date) of its front matter, the text before its sentence, the sentence. */
export interface CaseText {
  period: string;
  date?: string;
  before?: string;
  text: string;
}

/** The report a case stands in. */
export function caseReport(c: CaseText): string {
  return `---\nperiod: "${c.period}"\n${c.date ? `date: ${c.date}\n` : ''}---\n\n${c.before ? `${c.before}\n\n` : ''}${c.text}\n`;
}

/** `source` marked in `mode`, parsed and analysed again as the checker reads the marked text; the reasons of what was listed. */
export function markAndAnalyze(source: string, mode: MarkMode) {
  const found = detectMentions(source, markupCatalog, { mode });
  const marked = markText(source, found.mentions, mode);
  const doc = parseReport(marked, 'file:///t.report.md');
  return { marked, doc, analysis: analyze(doc, markupCatalog), listed: found.ambiguous.map((a) => a.reason as string) };
}

type Analysis = ReturnType<typeof analyze>;

/** [entry (or `unresolved: words`), figure as written, period] of each reference with a bound figure. */
export function boundFacts(a: Analysis): Array<[string, string, string]> {
  return a.refs.filter((r) => r.ref.figure).map((r): [string, string, string] => [r.indicator?.id ?? `unresolved: ${r.ref.written}`, r.ref.figure!.raw, r.ref.period ?? '']);
}

/** Every reason a case expects wrap mode to list is among those listed. */
export function assertListed(expected: string[] | undefined, listed: string[]): void {
  for (const reason of expected ?? []) assert.ok(listed.includes(reason), `${reason} not in ${JSON.stringify(listed)}`);
}

/** One test a case and mode, named `<mode>: <rule>`. */
export function eachCaseInBothModes<C extends { rule: string }>(cases: C[], test: (c: C, mode: MarkMode) => void): void {
  for (const c of cases) for (const mode of ['wrap', 'canonical'] as const) it(`${mode}: ${c.rule}`, () => test(c, mode));
}
