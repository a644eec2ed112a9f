/**
 * The noticed list, round 23 (issue 13, helper fix23; test/fixtures/fix23-round23.yaml, docs/reading.md
 * §31): false warnings on consistent text and named detector gaps, as the checker reads the text the
 * writer marked or `markup` marked in each mode; the history reads the same.
 * 1. a regional rank of a name the history settles is no entry's when the family ranks no region
 *    (analyze.ts sharedName): two reports telling it draw no wrong-series;
 * 2. country short forms and abbreviations own the figure after the name (parse/subject-words.ts);
 * 3. a rank "về <a speed's name>" marks the speed ranking (markup/detect.ts, bound-measure.ts rankOfName);
 * 4. a compiler publishing the report is no other source, however long the report's title;
 * 5. a bare year after an abbreviation or a name is its edition (parse/figure-words.ts editionBefore);
 * and the wrap message of an abbreviation the report defines (markup/messages.ts variantMessage).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions } from '../../server/src/core/markup';
import { readFigures } from '../../server/src/core/parse/figures';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, markedReport, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('fix23-round23.yaml');
/** Findings about names, structure and the front matter, not about figures. */
const NOT_FIGURE_RULES = new Set(['missing-section', 'unmarked-indicator', 'non-canonical-name', 'front-matter']);

/** The findings of figure rules over a workspace of `reports` (uri → [period, text marked in `mode` unless it holds marks]). */
async function figureFindings(reports: Record<string, [string, string]>, mode: 'wrap' | 'canonical' = 'wrap'): Promise<string[]> {
  const ws: Record<string, string> = {};
  for (const [uri, [period, body]] of Object.entries(reports)) ws[uri] = markedReport(body, period, catalog, mode);
  const service = new LanguageService({ workspace: new InMemoryWorkspace(ws), folders: ['file:///ws'], lang: 'en' });
  await service.reloadConfig();
  await service.reloadCatalog();
  await service.indexWorkspace();
  const out: string[] = [];
  for (const [uri, text] of Object.entries(ws)) for (const f of service.check(uri, text, 1)) if (!NOT_FIGURE_RULES.has(String(f.code))) out.push(`${uri}: ${f.code} ${f.message}`);
  return out;
}

describe('the noticed list, round 23 (fixtures/fix23-round23.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4, 5], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // No positive of classes 1–2 reads a fact; class 3's read a ranking's rank.
    if (c.kind === 'positive' && c.class <= 2) assert.deepEqual(facts, [], c.rule);
    if (c.kind === 'positive' && c.class === 3) assert.ok(facts.length && facts.every(([id]) => id.endsWith('-speed-rank')), c.rule);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///fix23-round23.report.md');

  it('draws no warning on two reports telling the same regional rank of a shared speed name (the history settling it)', async () => {
    const [fronted, after] = cases.filter((c) => c.class === 1 && c.kind === 'positive' && c.text.includes('[['));
    assert.deepEqual(await figureFindings({ 'file:///ws/a.report.md': [fronted.period, fronted.text], 'file:///ws/b.report.md': [after.period, after.text] }), []);
    // …nor beside a report of the world rank and the speed of the same month.
    const world = 'Tháng 10/2025, [[Tốc độ tải xuống trung bình băng rộng di động]] của Việt Nam đạt 146,64 Mbps.';
    assert.deepEqual(await figureFindings({ 'file:///ws/a.report.md': ['2025', world], 'file:///ws/b.report.md': [after.period, after.text] }), []);
  });

  it('draws no warning on each consistent case alone (both modes)', async () => {
    const found: string[] = [];
    for (const c of cases) for (const mode of ['wrap', 'canonical'] as const) found.push(...(await figureFindings({ 'file:///ws/case.report.md': [c.period, c.text] }, mode)));
    assert.deepEqual(found, []);
  });

  it('tells an abbreviation the report defines as such in wrap mode, not as an alias to add', () => {
    // Hà Nội in DTI 2022: CQS 40/63 (https://kinhdoanhvatiepthi.vn/xep-hang-danh-gia-chuyen-doi-so-cua-cac-bo-nganh-dia-phuong/).
    const source = '---\nperiod: "2022"\n---\n\nChỉ số chuyển đổi số cấp tỉnh có ba trụ cột: chính quyền số (CQS), kinh tế số (KTS) và xã hội số (XHS). Năm 2022, CQS của Hà Nội xếp thứ 40/63.\n';
    const defined = detectMentions(source, catalog, { mode: 'wrap' }).ambiguous.find((a) => a.text === 'CQS');
    assert.equal(defined?.reason, 'variant-name');
    assert.match(defined!.message.en, /abbreviation the report defines/);
    assert.match(defined!.message.vi, /viết tắt do chính báo cáo định nghĩa/);
    assert.doesNotMatch(defined!.message.en, /as an alias/);
  });

  it('reads a bare year after an abbreviation or a masked name as no figure, a year after a verb as one', () => {
    assert.deepEqual(readFigures('Báo cáo GII 2024 do WIPO công bố').map((f) => f.raw), []);
    assert.deepEqual(readFigures('Báo cáo          2024 xếp Việt Nam thứ 44/133').map((f) => f.raw), ['thứ 44/133']);
    assert.deepEqual(readFigures('Năm 2023 tỉnh có 2024 doanh nghiệp số.').map((f) => f.raw), ['2024 doanh nghiệp']);
  });
});
