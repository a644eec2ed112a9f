/**
 * What the list tests read back (list-round12, ministry-round13): `markup` in one mode on one
 * sentence, and the facts the checker reads in the marked text — each reference's bound figure,
 * then its further figures, with the unit (province or ministry) the history keys each by
 * (history/subject.ts figureKey; "-": none). Built on test/unit/marked-facts.ts.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../server/src/core/catalog';
import type { MarkMode } from '../server/src/core/markup/types';
import { caseTests, indexedWorkspace, markCase, markedFacts, type Fact, type MarkCase } from './unit/marked-facts';

export type { Fact } from './unit/marked-facts';

/** A sentence of a list fixture, with the text before it and the report's period. */
export type ListCase = MarkCase;

export const catalog = new Catalog(loadDefaultCatalog());

/** The facts the checker reads in `marked`: each reference's bound figure, then its further figures, with the unit of each. */
export function listFacts(marked: string): Fact[] {
  return markedFacts(marked, catalog, 'file:///list.report.md');
}

/** `markup` of the case's sentence in `mode` (with a front matter of its period), and what the checker reads in the result. */
export function markAndRead(c: ListCase, mode: MarkMode): { facts: Fact[]; marked: string } {
  const { marked } = markCase(c, mode, catalog);
  return { facts: listFacts(marked), marked };
}
/**
 * The tests of a list fixture: at least `positives` and `negatives` cases; each case in both modes
 * reads back its facts, a positive one with two units or more, a negative one with one at most.
 */
export function listCaseTests(cases: ListCase[], positives: number, negatives: number): void {
  caseTests(cases, { positive: positives, negative: negatives }, (c, mode) => {
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
  const service = await indexedWorkspace(files, folder);
  return { conflicts: service.check(uri, files[uri], 1).filter((f) => f.code === 'figure-conflict'), service };
}

/** The front matter of a session's report of period 2022 (the checker tests' workspaces). */
export function sessionHead(session: number, date: string): string {
  return ['---', `session: ${session}`, `date: ${date}`, 'period: 2022', `title: Phiên họp thứ ${session}`, '---', ''].join('\n');
}
