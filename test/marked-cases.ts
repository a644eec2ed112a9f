/**
 * What the fixture-driven tests of one construction class share (test/unit/series-round13.test.ts;
 * the earlier rounds' tests, list-round12.test.ts among them, may move here): a YAML list of cases
 * read from test/fixtures, a case's text marked by `markup` in one mode (as written when it holds
 * marks already). (An indexed service: test/unit/indexed-service.ts.)
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { Catalog } from '../server/src/core/catalog';
import { analyze } from '../server/src/core/analyze';
import { parseReport } from '../server/src/core/parse/document';
import type { PlacedFigure } from '../server/src/core/parse/model';
import type { Indicator } from '../server/src/core/catalog/types';
import { figureKey } from '../server/src/core/history/subject';
import { savedReading } from '../server/src/core/history/saved-reading';
import { saveReport } from '../server/src/core/history/snapshot';
import { detectMentions, markText } from '../server/src/core/markup';
import type { MarkMode } from '../server/src/core/markup/types';
import { fixturesDir } from './helpers';

/** The cases of a YAML file under test/fixtures (`rel`: its path there). */
export function loadCases<T>(rel: string): T[] {
  return parseYaml(readFileSync(path.join(fixturesDir, rel), 'utf8')) as T[];
}

/** A report of `text` alone under a front matter of `period` (and `date`, `committee`, when given), marked by `markup` in `mode` unless it holds marks already. */
export function markedReport(text: string, period: string, catalog: Catalog, mode: MarkMode, date?: string, committee?: string): string {
  const source = ['---', `period: "${period}"`, ...(date ? [`date: ${date}`] : []), ...(committee ? [`committee: ${committee}`] : []), '---', '', text, ''].join('\n');
  return text.includes('[[') ? source : markText(source, detectMentions(source, catalog, { mode }).mentions, mode);
}

/** The [entry, figure] pairs the checker reads in `marked`: each reference's bound figure (its raw text), then its further figures. */
export function entryFigures(marked: string, catalog: Catalog): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const { ref, indicator, also } of analyze(parseReport(marked, 'file:///class-case.report.md'), catalog).refs) {
    if (!ref.figure || !indicator) continue;
    out.push([indicator.id, ref.figure.raw]);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw]);
  }
  return out;
}

/** What the checker reads in `marked` as [entry id, figure, period]: each reference's bound figure, then its further figures. */
export function entryPeriodFacts(marked: string, catalog: Catalog): Array<[string, string, string]> {
  const out: Array<[string, string, string]> = [];
  for (const { ref, indicator, also } of analyze(parseReport(marked, 'file:///class-case.report.md'), catalog).refs) {
    if (!ref.figure || !indicator) continue;
    out.push([indicator.id, ref.figure.raw, ref.period ?? '']);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, a.period]);
  }
  return out;
}

/** As entryPeriodFacts, with "target" after a bound figure the checker reads as a target. */
export function entryPeriodRoleFacts(marked: string, catalog: Catalog): string[][] {
  const out: string[][] = [];
  for (const { ref, indicator, also } of analyze(parseReport(marked, 'file:///class-case.report.md'), catalog).refs) {
    if (!ref.figure || !indicator) continue;
    out.push([indicator.id, ref.figure.raw, ref.period ?? '', ...(ref.figure.role === 'target' ? ['target'] : [])]);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, a.period]);
  }
  return out;
}

/**
 * What the checker reads in `marked` as [entry id, figure, period, the province the history files it
 * under or "-"]: each reference's bound figure, then its further figures (a reference with no figure
 * may have some: docs/reading.md §34.1).
 */
export function entryProvinceFacts(marked: string, catalog: Catalog, uri = 'file:///class-case.report.md'): Array<[string, string, string, string]> {
  const doc = parseReport(marked, uri);
  const out: Array<[string, string, string, string]> = [];
  for (const { ref, indicator, also } of analyze(doc, catalog).refs) {
    if (!indicator) continue;
    const subject = (ind: Indicator, f: PlacedFigure) => figureKey(doc, ind, ref.sentence, f)?.subject ?? '-';
    if (ref.figure) out.push([indicator.id, ref.figure.raw, ref.period ?? '', subject(indicator, ref.figure)]);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, a.period, subject(a.indicator, a.figure)]);
  }
  return out;
}

/** The figures `markup` lists in `text` under a front matter of `period` (wrap mode), with their reasons. */
export function listedFigures(text: string, period: string, catalog: Catalog): Array<[string, string]> {
  const source = ['---', `period: "${period}"`, '---', '', text, ''].join('\n');
  return detectMentions(source, catalog, { mode: 'wrap' }).ambiguous.flatMap((a) => a.figures.map((f): [string, string] => [f, a.reason]));
}

/** A positive case naming `listed` [figure, reason]: `markup` lists that figure with that reason (wrap mode). */
export function assertListed(c: ClassCase<unknown> & { listed?: [string, string] }, catalog: Catalog): void {
  if (c.kind !== 'positive' || !c.listed) return;
  const listed = listedFigures(c.text, c.period, catalog);
  assert.ok(listed.some(([figure, reason]) => figure === c.listed![0] && reason === c.listed![1]), `${c.rule}: ${JSON.stringify(listed)}`);
}

/** A case of a construction class's fixture: its class, whether it should read (positive) or not, and its facts by mode. */
export interface ClassCase<F> {
  rule: string;
  class: number;
  kind: 'positive' | 'negative';
  period: string;
  /** The report's date (front matter `date`), when the class reads it. */
  date?: string;
  /** The report's committee (front matter `committee`), when the class reads it. */
  committee?: string;
  text: string;
  wrap: F[];
  canonical?: F[];
}

/**
 * The fixture's tests: each class has at least `positives` positive and `negatives` negative cases;
 * each case, marked in each mode (as written when it holds marks), reads exactly its facts (the
 * canonical ones where given), then `check` asserts what the class promises of them.
 */
export function describeClassCases<F, C extends ClassCase<F>>(
  cases: C[],
  counts: { classes: number[]; positives: number; negatives: number },
  catalog: Catalog,
  facts: (marked: string) => F[],
  check: (c: C, facts: F[]) => void,
): void {
  it('has positive and negative cases of each class', () => {
    for (const k of counts.classes) {
      assert.ok(cases.filter((c) => c.class === k && c.kind === 'positive').length >= counts.positives, `class ${k}`);
      assert.ok(cases.filter((c) => c.class === k && c.kind === 'negative').length >= counts.negatives, `class ${k}`);
    }
  });
  for (const c of cases)
    for (const mode of c.text.includes('[[') ? (['wrap'] as const) : (['wrap', 'canonical'] as const))
      it(`${c.text.includes('[[') ? 'marked' : mode}: class ${c.class}: ${c.rule}`, () => {
        const marked = markedReport(c.text, c.period, catalog, mode, c.date, c.committee);
        const read = facts(marked);
        assert.deepEqual(read, (mode === 'canonical' ? c.canonical : undefined) ?? c.wrap, marked);
        check(c, read);
      });
}

/**
 * The history reads the figures the checker reads: for each case marked in wrap mode, the history's
 * reading (parseReport `history`, which does not read a paragraph with no reference) and the first
 * index's saved form (history/saved-reading.ts) save what the full reading saves (carry-round19/20).
 */
export function itHistoryReadsAsChecker(cases: Array<ClassCase<unknown>>, catalog: Catalog, uri: string): void {
  it('the history reads the figures the checker reads (the history path and the saved form, as the full reading)', () => {
    for (const c of cases) {
      const marked = markedReport(c.text, c.period, catalog, 'wrap', undefined, c.committee);
      const full = saveReport(parseReport(marked, uri, { remember: false }), 'h');
      assert.deepEqual(saveReport(parseReport(marked, uri, { history: true }), 'h'), full, marked);
      assert.deepEqual(savedReading(marked, uri, 'h'), full, marked);
    }
  });
}

/**
 * A comparison-word scanner (parse/passed-countries.ts: passedCountries, comparedUnits) reads a long
 * run of names a bounded stretch at a time: twelve names at most per comparison word.
 */
export function itReadsBoundedRun(scan: (text: string) => Array<readonly [number, number]>, name: string, item: string): void {
  it('reads a long run of names a bounded stretch at a time (twelve names at most per comparison word)', () => {
    const t = `sau ${Array.from({ length: 5000 }, () => item).join(', ')}`;
    const spans = scan(t);
    assert.equal(spans.length, 1);
    assert.equal(t.slice(spans[0][0], spans[0][1]).split(name).length - 1, 12);
  });
}
