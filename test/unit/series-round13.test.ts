/**
 * One index told over a series of periods in one sentence, and a rank's written scope
 * (docs/reading.md §6.5 (8); parse/period-series.ts; test/fixtures/prose/series-round13.yaml): each
 * case's facts — each reference's bound figure and its further figures, with the entry, the
 * period and the written scope of each — as the checker reads the text (marked by `markup` in each
 * mode when written unmarked); and, on the checker's side, that each figure of a series enters the
 * history under its own period: a later report's other figure for one year of the series is a
 * figure-conflict, its same figure for another year of it is none.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { loadCases, markedReport } from '../marked-cases';
import { indexedService } from './indexed-service';

/** [entry, figure, period, written scope or "-"]. */
type Fact = [string, string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<{ rule: string; kind: 'positive' | 'negative'; period: string; text: string; wrap: Fact[]; canonical?: Fact[] }>('prose/series-round13.yaml');

/** The facts the checker reads in `marked`: each reference's bound figure, then its further figures. */
function seriesFacts(marked: string): Fact[] {
  const doc = parseReport(marked, 'file:///series.report.md');
  const out: Fact[] = [];
  for (const { ref, indicator, also } of analyze(doc, catalog).refs) {
    if (!ref.figure || !indicator) continue;
    out.push([indicator.id, ref.figure.raw, ref.period ?? '', ref.figure.scope ?? '-']);
    for (const a of also ?? []) if (a.indicator) out.push([a.indicator.id, a.figure.raw, a.period, a.figure.scope ?? '-']);
  }
  return out;
}

describe('one index over a series of periods, a rank of its own scope (fixtures/prose/series-round13.yaml)', () => {
  it('has at least 10 positive and 8 negative cases', () => {
    assert.ok(cases.filter((c) => c.kind === 'positive').length >= 10);
    assert.ok(cases.filter((c) => c.kind === 'negative').length >= 8);
  });
  for (const c of cases)
    for (const mode of c.text.includes('[[') ? (['wrap'] as const) : (['wrap', 'canonical'] as const))
      it(`${c.text.includes('[[') ? 'marked' : mode}: ${c.rule}`, () => {
        const marked = markedReport(c.text, c.period, catalog, mode);
        const got = { facts: seriesFacts(marked), marked };
        assert.deepEqual(got.facts, (mode === 'canonical' ? c.canonical : undefined) ?? c.wrap, got.marked);
        // A positive case reads several periods or a rank of another scope for one name; a negative
        // one never reads two periods or two scopes for one entry.
        const perEntry = new Map<string, Set<string>>();
        for (const [id, , period, scope] of got.facts) perEntry.set(id, (perEntry.get(id) ?? new Set()).add(`${period}|${scope}`));
        const series = [...perEntry.values()].some((s) => s.size >= 2) || new Set(got.facts.map((f) => f[3])).size >= 2;
        assert.equal(series || c.rule.includes('enters nothing'), c.kind === 'positive', `${c.rule}: ${JSON.stringify(got.facts)}`);
      });
});

describe('the checker: each figure of a series enters the history under its own period', () => {
  // GII (WIPO): 59th in 2016, 47th in 2017, 45th in 2018 (https://lib.hutech.edu.vn/chi-tiet?id=555582).
  // Session 6 restates 2017 wrongly (45, the 2018 rank) and 2018 rightly; session 5 told the series.
  const folder = 'file:///series13';
  const head = (session: number, date: string, period: string) => ['---', `session: ${session}`, `date: ${date}`, `period: ${period}`, `title: Phiên họp thứ ${session}`, '---', ''].join('\n');
  const files: Record<string, string> = {
    [`${folder}/phien-05.report.md`]: `${head(5, '2018-12-20', '2018')}\n## Kết quả\n\n[[Xếp hạng Chỉ số đổi mới sáng tạo toàn cầu]] của Việt Nam là thứ 59, 47, 45 lần lượt trong các năm 2016, 2017, 2018.\n`,
    [`${folder}/phien-06.report.md`]: `${head(6, '2019-08-15', '2019')}\n## Kết quả\n\nNăm 2017, [[Xếp hạng Chỉ số đổi mới sáng tạo toàn cầu]] của Việt Nam xếp thứ 45.\n\nNăm 2018, [[Xếp hạng Chỉ số đổi mới sáng tạo toàn cầu]] của Việt Nam xếp thứ 45.\n`,
  };

  it('flags a later figure of one year of the series that differs, not the same figure of another year', async () => {
    const service = await indexedService(files, folder, { lang: 'en', severities: { 'missing-section': 'off', 'section-order': 'off' } });
    const uri = `${folder}/phien-06.report.md`;
    const lines = files[uri].split('\n');
    const conflicts = service.check(uri, files[uri], 1).filter((f) => f.code === 'figure-conflict');
    assert.deepEqual(conflicts.map((f) => f.range.start.line), [lines.findIndex((l) => l.startsWith('Năm 2017'))]);
    assert.match(conflicts[0].message, /47/, conflicts[0].message);
  });
});
