/**
 * One index named once over a list of provinces, each with its own figure (docs/dialect.md §19;
 * parse/subject-list.ts, markup/subject-list.ts; test/fixtures/markup/list-round12.yaml): what
 * `markup` marks in each mode, read back as the checker reads the marked text — each reference's
 * bound figure and its further figures, each with the province the history keys it by — and, on the
 * checker's side, that a list's figures enter the history per province: a later report's other
 * figure for one of its provinces is a conflict, the same figure for another province is not.
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
import { figureKey } from '../../server/src/core/history/subject';
import type { Indicator } from '../../server/src/core/catalog/types';
import type { PlacedFigure } from '../../server/src/core/parse/model';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { fixturesDir } from '../helpers';

type Fact = [string, string, string, string];
interface ListCase {
  rule: string;
  kind: 'positive' | 'negative';
  period: string;
  before?: string;
  text: string;
  wrap: Fact[];
  canonical?: Fact[];
}

const catalog = new Catalog(loadDefaultCatalog());
const cases = parseYaml(readFileSync(path.join(fixturesDir, 'markup', 'list-round12.yaml'), 'utf8')) as ListCase[];

/** The facts the checker reads in `marked`: each reference's bound figure, then its further figures, with the province of each. */
function listFacts(marked: string): Fact[] {
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

function markAndRead(c: ListCase, mode: MarkMode) {
  const source = ['---', `period: "${c.period}"`, '---', '', ...(c.before ? [c.before, ''] : []), c.text, ''].join('\n');
  const marked = markText(source, detectMentions(source, catalog, { mode }).mentions, mode);
  return { facts: listFacts(marked), marked };
}

describe('markup: one index over a list of provinces (fixtures/markup/list-round12.yaml)', () => {
  it('has at least 12 positive and 10 negative cases', () => {
    assert.ok(cases.filter((c) => c.kind === 'positive').length >= 12);
    assert.ok(cases.filter((c) => c.kind === 'negative').length >= 10);
  });
  for (const c of cases)
    for (const mode of ['wrap', 'canonical'] as const)
      it(`${mode}: ${c.rule}`, () => {
        const got = markAndRead(c, mode);
        assert.deepEqual(got.facts, (mode === 'canonical' ? c.canonical : undefined) ?? c.wrap, got.marked);
        // A positive case takes further figures of the list; a negative one none of another province.
        const provinces = new Set(got.facts.map((f) => f[3]).filter((p) => p !== '-'));
        if (c.kind === 'positive') assert.ok(provinces.size >= 2, `${c.rule}: ${JSON.stringify(got.facts)}`);
        else assert.ok(provinces.size <= 1, `${c.rule}: ${JSON.stringify(got.facts)}`);
      });
});
