/**
 * One index named once over a list of provinces, each with its own figure (docs/dialect.md §16;
 * parse/subject-list.ts, markup/subject-list.ts; test/fixtures/markup/list-round12.yaml): what
 * `markup` marks in each mode, read back as the checker reads the marked text — each reference's
 * bound figure and its further figures, each with the province the history keys it by — and, on the
 * checker's side, that a list's figures enter the history per province: a later report's other
 * figure for one of its provinces is a conflict, the same figure for another province is not.
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { figureKey } from '../../server/src/core/history/subject';
import type { Indicator } from '../../server/src/core/catalog/types';
import type { PlacedFigure } from '../../server/src/core/parse/model';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { caseReport, eachCaseInBothModes, markAndAnalyze, markupCases, markupCatalog as catalog } from './markup-cases';

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

const cases = markupCases<ListCase>('list-round12.yaml');

/** The facts the checker reads in `marked`: each reference's bound figure, then its further figures, with the province of each. */
function listFacts(marked: string, doc = parseReport(marked, 'file:///list.report.md'), analysis = analyze(doc, catalog)): Fact[] {
  const subject = (ind: Indicator, sentence: { start: number; end: number }, f: PlacedFigure): string => figureKey(doc, ind, sentence, f)?.subject ?? '-';
  const out: Fact[] = [];
  for (const { ref, indicator, also } of analysis.refs) {
    if (!ref.figure || !indicator) continue;
    out.push([indicator.id, ref.figure.raw, ref.period ?? '', subject(indicator, ref.sentence, ref.figure)]);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, a.period, subject(a.indicator, ref.sentence, a.figure)]);
  }
  return out;
}

describe('markup: one index over a list of provinces (fixtures/markup/list-round12.yaml)', () => {
  it('has at least 12 positive and 10 negative cases', () => {
    assert.ok(cases.filter((c) => c.kind === 'positive').length >= 12);
    assert.ok(cases.filter((c) => c.kind === 'negative').length >= 10);
  });
  eachCaseInBothModes(cases, (c, mode) => {
    const { marked, doc, analysis } = markAndAnalyze(caseReport(c), mode);
    const facts = listFacts(marked, doc, analysis);
    assert.deepEqual(facts, (mode === 'canonical' ? c.canonical : undefined) ?? c.wrap, marked);
    // A positive case takes further figures of the list; a negative one none of another province.
    const provinces = new Set(facts.map((f) => f[3]).filter((p) => p !== '-'));
    if (c.kind === 'positive') assert.ok(provinces.size >= 2, `${c.rule}: ${JSON.stringify(facts)}`);
    else assert.ok(provinces.size <= 1, `${c.rule}: ${JSON.stringify(facts)}`);
  });
});

describe('the checker: a list of provinces enters the history per province', () => {
  // DTI 2022 (https://dti.gov.vn/xep-hang-2022): Yên Bái and Thanh Hóa tied 15th; Điện Biên 35,
  // Hòa Bình 42, Sơn La 44. Session 4 restates Hòa Bình wrongly (44, Sơn La's) and Thanh Hóa rightly
  // (15, the same figure as Yên Bái's in session 3).
  const folder = 'file:///list12';
  const head = (session: number, date: string) => ['---', `session: ${session}`, `date: ${date}`, 'period: 2022', `title: Phiên họp thứ ${session}`, '---', ''].join('\n');
  const files: Record<string, string> = {
    [`${folder}/phien-03.report.md`]: `${head(3, '2023-07-20')}\n## Kết quả\n\nThứ hạng [[DTI]] năm 2022 của các tỉnh miền núi như sau: Yên Bái thứ 15, Điện Biên thứ 35, Hòa Bình thứ 42 và Sơn La thứ 44.\n`,
    [`${folder}/phien-04.report.md`]: `${head(4, '2023-08-15')}\n## Kết quả\n\nNăm 2022, [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]] của Hòa Bình đứng thứ 44.\n\nNăm 2022, [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]] của Thanh Hóa đứng thứ 15.\n\nNăm 2022, [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]] của Sơn La đứng thứ 44.\n`,
  };

  it('flags a later figure of one listed province that differs, not the same figure of another province', async () => {
    const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en', severities: { 'missing-section': 'off', 'section-order': 'off' } });
    await service.reloadConfig();
    await service.reloadCatalog();
    await service.indexWorkspace();
    const uri = `${folder}/phien-04.report.md`;
    const lines = files[uri].split('\n');
    const conflicts = service.check(uri, files[uri], 1).filter((f) => f.code === 'figure-conflict');
    assert.deepEqual(conflicts.map((f) => f.range.start.line), [lines.findIndex((l) => l.includes('của Hòa Bình'))]);
    assert.match(conflicts[0].message, /42/, conflicts[0].message);
    // The list's own report is earlier: nothing to compare with.
    assert.deepEqual(service.check(`${folder}/phien-03.report.md`, files[`${folder}/phien-03.report.md`], 1).filter((f) => f.code === 'figure-conflict'), []);
  });

  it('keys each listed figure by its province', () => {
    const facts = listFacts(files[`${folder}/phien-03.report.md`]);
    assert.deepEqual(facts.map((f) => [f[1], f[3]]), [['thứ 15', 'Yên Bái'], ['thứ 35', 'Điện Biên'], ['thứ 42', 'Hòa Bình'], ['thứ 44', 'Sơn La']]);
  });
});
