/**
 * What the checker reads in a text `markup` marked (the round-12 and round-13 markup tests: list-round12,
 * table-round13): each reference's bound figure, then its further figures, each as [entry, figure,
 * period, the province the history keys it by ("-": none)].
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import type { Indicator } from '../../server/src/core/catalog/types';
import { analyze } from '../../server/src/core/analyze';
import { detectMentions, markText } from '../../server/src/core/markup';
import type { MarkMode } from '../../server/src/core/markup/types';
import type { PlacedFigure } from '../../server/src/core/parse/model';
import { parseReport } from '../../server/src/core/parse/document';
import { figureKey } from '../../server/src/core/history/subject';
import { fixturesDir } from '../helpers';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';

export type Fact = [string, string, string, string];

/** A case of test/fixtures/markup/*-round1N.yaml: a text, the facts read once it is marked (`canonical`: when not `wrap`'s). */
export interface MarkCase {
  rule: string;
  kind: 'positive' | 'negative';
  period: string;
  before?: string;
  text: string;
  wrap: Fact[];
  canonical?: Fact[];
  /** What wrap lists instead of marking ("reason: words"), when a case says. */
  listed?: string;
}

/** The cases of test/fixtures/markup/`file`, and the default catalog they are read with. */
export function loadCases(file: string): { cases: MarkCase[]; catalog: Catalog } {
  return { cases: parseYaml(readFileSync(path.join(fixturesDir, 'markup', file), 'utf8')) as MarkCase[], catalog: new Catalog(loadDefaultCatalog()) };
}

/** The facts the checker reads in `marked` (`history`: as the history reads a report, parseReport's cheap path). */
export function markedFacts(marked: string, catalog: Catalog, uri: string, options: { history?: boolean } = {}): Fact[] {
  const doc = parseReport(marked, uri, options);
  const subject = (ind: Indicator, sentence: { start: number; end: number }, f: PlacedFigure): string => figureKey(doc, ind, sentence, f)?.subject ?? '-';
  const out: Fact[] = [];
  for (const { ref, indicator, also } of analyze(doc, catalog).refs) {
    if (!ref.figure || !indicator) continue;
    out.push([indicator.id, ref.figure.raw, ref.period ?? '', subject(indicator, ref.sentence, ref.figure)]);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, a.period, subject(a.indicator, ref.sentence, a.figure)]);
  }
  return out;
}

/** A case's text under a front matter of its period (after `before`, a blank line between), and that text marked in `mode`. */
export function markCase(c: { period: string; before?: string; text: string }, mode: MarkMode, catalog: Catalog): { source: string; marked: string } {
  const source = ['---', `period: "${c.period}"`, '---', '', ...(c.before ? [c.before, ''] : []), c.text, ''].join('\n');
  return { source, marked: markText(source, detectMentions(source, catalog, { mode }).mentions, mode) };
}

/**
 * A table case (table-round13, table-round14) marked in `mode` and read back: the checker's facts
 * and the history's cheap reading of the same text (parseReport `history`) must both be the case's;
 * a positive case reads two facts at least; wrap inserts the marks only. Returns what was read.
 */
export function checkTableCase(c: MarkCase, mode: MarkMode, catalog: Catalog): { facts: Fact[]; marked: string; source: string } {
  const { source, marked } = markCase(c, mode, catalog);
  const uri = 'file:///table.report.md';
  const facts = markedFacts(marked, catalog, uri);
  const want = (mode === 'canonical' ? c.canonical : undefined) ?? c.wrap;
  assert.deepEqual(facts, want, marked);
  assert.deepEqual(markedFacts(marked, catalog, uri, { history: true }), want, marked);
  // (a case whose canonical facts are its own: wrap may list the name instead, the canonical mode must read them)
  if (c.kind === 'positive' && (mode === 'canonical' || !c.canonical)) assert.ok(facts.length >= 2, `${c.rule}: ${JSON.stringify(facts)}`);
  if (mode === 'wrap') assert.equal(marked.replace(/\[\[|\]\]/g, ''), source);
  return { facts, marked, source };
}

/** The tests of `cases` in the current suite: at least `min` positive and negative cases, then `check` of each case in each mode. */
export function caseTests(cases: MarkCase[], min: { positive: number; negative: number }, check: (c: MarkCase, mode: MarkMode) => void): void {
  it(`has at least ${min.positive} positive and ${min.negative} negative cases`, () => {
    assert.ok(cases.filter((c) => c.kind === 'positive').length >= min.positive);
    assert.ok(cases.filter((c) => c.kind === 'negative').length >= min.negative);
  });
  for (const c of cases) for (const mode of ['wrap', 'canonical'] as const) it(`${mode}: ${c.rule}`, () => check(c, mode));
}

/** A mocha suite `title` over `cases` (caseTests). */
export function describeCases(title: string, cases: MarkCase[], min: { positive: number; negative: number }, check: (c: MarkCase, mode: MarkMode) => void): void {
  describe(title, () => caseTests(cases, min, check));
}

/** A service over the in-memory workspace `files` under `folder`, its history indexed (sections' rules off). */
export async function indexedWorkspace(files: Record<string, string>, folder: string): Promise<LanguageService> {
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en', severities: { 'missing-section': 'off', 'section-order': 'off' } });
  await service.reloadConfig();
  await service.reloadCatalog();
  await service.indexWorkspace();
  return service;
}

/** The `figure-conflict` findings of `uri` in a workspace of `files` (its history indexed first). */
export async function conflictsIn(files: Record<string, string>, folder: string, uri: string): Promise<Array<{ line: number; message: string }>> {
  const service = await indexedWorkspace(files, folder);
  return service.check(uri, files[uri], 1).filter((f) => f.code === 'figure-conflict').map((f) => ({ line: f.range.start.line, message: f.message }));
}
