/**
 * What the list tests read back (list-round12, ministry-round13): `markup` in one mode on one
 * sentence, and the facts the checker reads in the marked text — each reference's bound figure,
 * then its further figures, with the unit (province or ministry) the history keys each by
 * (history/subject.ts figureKey; "-": none).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../server/src/core/catalog';
import { detectMentions, markText } from '../server/src/core/markup';
import type { MarkMode } from '../server/src/core/markup/types';
import { analyze } from '../server/src/core/analyze';
import { parseReport } from '../server/src/core/parse/document';
import { figureKey } from '../server/src/core/history/subject';
import type { Indicator } from '../server/src/core/catalog/types';
import type { PlacedFigure } from '../server/src/core/parse/model';
import { LanguageService } from '../server/src/core/service';
import { InMemoryWorkspace } from '../server/src/core/workspace';

/** [entry, figure as written, period, the unit the history keys it by]. */
export type Fact = [string, string, string, string];

/** A sentence of a list fixture, with the text before it and the report's period. */
export interface ListCase {
  rule: string;
  kind: 'positive' | 'negative';
  period: string;
  before?: string;
  text: string;
  wrap: Fact[];
  canonical?: Fact[];
}

export const catalog = new Catalog(loadDefaultCatalog());

/** The facts the checker reads in `marked`: each reference's bound figure, then its further figures, with the unit of each. */
export function listFacts(marked: string): Fact[] {
  const doc = parseReport(marked, 'file:///list.report.md');
  const subject = (ind: Indicator, sentence: { start: number; end: number }, f: PlacedFigure): string => figureKey(doc, ind, sentence, f)?.subject ?? '-';
  const out: Fact[] = [];
  for (const { ref, indicator, also } of analyze(doc, catalog).refs) {
    if (!ref.figure || !indicator) continue;
    out.push([indicator.id, ref.figure.raw, ref.period ?? '', subject(indicator, ref.sentence, ref.figure)]);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, a.period, subject(a.indicator, ref.sentence, a.figure)]);
  }
  return out;
}

/** `markup` of the case's sentence in `mode` (with a front matter of its period), and what the checker reads in the result. */
export function markAndRead(c: ListCase, mode: MarkMode): { facts: Fact[]; marked: string } {
  const source = ['---', `period: "${c.period}"`, '---', '', ...(c.before ? [c.before, ''] : []), c.text, ''].join('\n');
  const marked = markText(source, detectMentions(source, catalog, { mode }).mentions, mode);
  return { facts: listFacts(marked), marked };
}

/**
 * The tests of a list fixture: at least `positives` and `negatives` cases; each case in both modes
 * reads back its facts, a positive one with two units or more, a negative one with one at most.
 */
export function listCaseTests(cases: ListCase[], positives: number, negatives: number): void {
  it(`has at least ${positives} positive and ${negatives} negative cases`, () => {
    assert.ok(cases.filter((c) => c.kind === 'positive').length >= positives);
    assert.ok(cases.filter((c) => c.kind === 'negative').length >= negatives);
  });
  for (const c of cases)
    for (const mode of ['wrap', 'canonical'] as const)
      it(`${mode}: ${c.rule}`, () => {
        const got = markAndRead(c, mode);
        assert.deepEqual(got.facts, (mode === 'canonical' ? c.canonical : undefined) ?? c.wrap, got.marked);
        // A positive case takes further figures of the list; a negative one none of another unit.
        const units = new Set(got.facts.map((f) => f[3]).filter((p) => p !== '-'));
        if (c.kind === 'positive') assert.ok(units.size >= 2, `${c.rule}: ${JSON.stringify(got.facts)}`);
        else assert.ok(units.size <= 1, `${c.rule}: ${JSON.stringify(got.facts)}`);
      });
}

/** The figure-conflict findings the checker gives `uri` of the in-memory workspace `files` under `folder`, once indexed. */
export async function conflictsOf(files: Record<string, string>, folder: string, uri: string) {
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en', severities: { 'missing-section': 'off', 'section-order': 'off' } });
  await service.reloadConfig();
  await service.reloadCatalog();
  await service.indexWorkspace();
  return { conflicts: service.check(uri, files[uri], 1).filter((f) => f.code === 'figure-conflict'), service };
}

/** The front matter of a session's report of period 2022 (the checker tests' workspaces). */
export function sessionHead(session: number, date: string): string {
  return ['---', `session: ${session}`, `date: ${date}`, 'period: 2022', `title: Phiên họp thứ ${session}`, '---', ''].join('\n');
}
