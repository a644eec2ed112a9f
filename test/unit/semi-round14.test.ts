/**
 * Clauses that lose their subject or their name (issue 13, round 14; test/fixtures/markup/semi-round14.yaml):
 * a piece after ";" about the province named before it (markup/piece-lead.ts), an anaphor naming the
 * measure of the clause before ("tỷ lệ này", parse/anaphor.ts), a bracketed aside between a name and
 * its figure (parse/bracket-aside.ts), a share written "% GDP" (catalog/gdp-share.ts). Each case's
 * text is marked by `markup` in each mode (read as written when it holds marks) and read back as the
 * checker reads it: each reference's bound figure and its further figures, with entry, period and
 * role; what wrap mode lists; and, where given, every figure of the text with its role and period.
 * The checker: a figure an anaphor restates enters the history under its own period.
 */
import * as assert from 'node:assert/strict';
import type { MarkMode } from '../../server/src/core/markup/types';
import { assertListed, caseReport, markAndAnalyze, markupCases } from './markup-cases';
import { indexedService } from './indexed-service';

/** [entry, figure as written, period, role]. */
type Fact = [string, string, string, string];
interface Case {
  rule: string;
  class: 'semicolon' | 'anaphor' | 'bracket' | 'gdp';
  kind: 'positive' | 'negative';
  period: string;
  text: string;
  wrap: Fact[];
  canonical?: Fact[];
  listed?: string[];
  /** Every figure of the text as the reader reads it: [figure, role, period]. */
  figures?: Array<[string, string, string]>;
}

const cases = markupCases<Case>('semi-round14.yaml');

function run(c: Case, mode: MarkMode) {
  const { analysis, marked, listed, doc } = markAndAnalyze(caseReport(c), mode);
  const facts: Fact[] = [];
  for (const { ref, indicator, also } of analysis.refs) {
    if (!ref.figure) continue;
    facts.push([indicator?.id ?? `unresolved: ${ref.written}`, ref.figure.raw, ref.period ?? '', ref.figure.role ?? '']);
    for (const a of also ?? []) if (a.indicator) facts.push([a.indicator.id, a.figure.raw, a.period, a.figure.role ?? '']);
  }
  const figures = doc.figures.map((f): [string, string, string] => [f.raw, f.role ?? '', f.period ?? '']);
  return { facts, listed, marked, figures };
}

describe('clauses that lose their subject or their name (fixtures/markup/semi-round14.yaml)', () => {
  it('has positive and negative cases of each class', () => {
    for (const cls of ['semicolon', 'anaphor', 'bracket', 'gdp'] as const)
      for (const kind of ['positive', 'negative'] as const) assert.ok(cases.filter((c) => c.class === cls && c.kind === kind).length >= 2, `${cls} ${kind}`);
  });
  for (const c of cases)
    for (const mode of c.text.includes('[[') ? (['wrap'] as const) : (['wrap', 'canonical'] as const))
      it(`${c.class} ${c.kind}, ${mode}: ${c.rule}`, () => {
        const got = run(c, mode);
        assert.deepEqual(got.facts, (mode === 'canonical' ? c.canonical : undefined) ?? c.wrap, got.marked);
        if (mode === 'wrap') assertListed(c.listed, got.listed);
        if (c.figures) assert.deepEqual(got.figures, c.figures, got.marked);
        // Nothing silently dropped: a negative case that marks nothing lists why, when it names an entry.
        if (c.kind === 'negative' && mode === 'wrap' && c.listed) assert.ok(got.listed.length > 0, got.marked);
      });
});

describe('the checker: a figure an anaphor restates enters the history under its own period', () => {
  // Fixed broadband download speed (Ookla): 93,11 Mbps in August 2023, 94,45 Mbps in September 2023
  // (https://doanhnghiephoinhap.vn/viet-nam-giam-9-bac-trong-bang-xep-hang-ve-toc-do-internet-di-dong-6723.html).
  const folder = 'file:///semi14';
  const head = (session: number, date: string, period: string) => ['---', `session: ${session}`, `date: ${date}`, `period: ${period}`, `title: Phiên họp thứ ${session}`, '---', ''].join('\n');
  const files: Record<string, string> = {
    [`${folder}/phien-07.report.md`]: `${head(7, '2023-10-20', '2023-09')}\n## Kết quả\n\n[[Tốc độ tải xuống trung bình băng rộng cố định]] tháng 8/2023 đạt 93,11 Mbps, con số này tháng 9/2023 là 94,45 Mbps.\n`,
    [`${folder}/phien-08.report.md`]: `${head(8, '2024-01-20', '2023')}\n## Kết quả\n\nTháng 9/2023, [[Tốc độ tải xuống trung bình băng rộng cố định]] đạt 92,45 Mbps.\n\nTháng 8/2023, [[Tốc độ tải xuống trung bình băng rộng cố định]] đạt 93,11 Mbps.\n`,
  };

  it('flags a later figure for the restated period that differs, not the same figure of the first period', async () => {
    const draft = `${folder}/phien-08.report.md`;
    const found = (await indexedService(files, folder, { lang: 'en', severities: { 'missing-section': 'off', 'section-order': 'off' } })).check(draft, files[draft], 1);
    // Only September's 92,45 differs from what session 7 restated (94,45); August's 93,11 is the same.
    const conflicts = found.filter((f) => f.code === 'figure-conflict').map((f) => ({ line: files[draft].split('\n')[f.range.start.line], names: /94,45/.test(f.message) }));
    assert.deepEqual(conflicts, [{ line: 'Tháng 9/2023, [[Tốc độ tải xuống trung bình băng rộng cố định]] đạt 92,45 Mbps.', names: true }]);
  });
});
