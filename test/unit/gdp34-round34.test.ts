/**
 * Choosing the series of a shared name from the document, issue 13 item 5, round 34
 * (test/fixtures/gdp34-round34.yaml; docs/reading.md §80), as the checker reads the text marked by
 * `markup` in each mode (and marked texts as written); the history reads the same:
 * 1. a heading above the sentence naming one series' compiler;
 * 2. the report's own earlier choice of one series (the detector's marks, the writer's "[[… @ CODE]]");
 * 3. the report's own body: its front matter's committee naming one compiler, its text no other.
 * Both the checker (series.ts inferSeries) and the detector (markup/series-choice.ts) ask series-doc.ts;
 * each choice carries its reason (hover, `markup --report json`), and only an undecided name draws
 * `ambiguous-indicator`.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { checkAnalysis } from '../../server/src/core/check';
import { hover } from '../../server/src/core/features/hover';
import { detectMentions, markText } from '../../server/src/core/markup';
import { parseReport } from '../../server/src/core/parse/document';
import { describeClassCases, entryPeriodRoleFacts, itHistoryReadsAsChecker, loadCases, markedReport, type ClassCase } from '../marked-cases';
import { repoRoot } from '../helpers';

type Fact = string[];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('gdp34-round34.yaml');

describe('the series of a shared name chosen from the document: a heading, the earlier choice, the report\'s own body (fixtures/gdp34-round34.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (m) => entryPeriodRoleFacts(m, catalog), () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///gdp34.report.md');

  it('the checker: a marked shared name a heading settles draws no ambiguous-indicator and its hover says why; one under a heading naming both does', () => {
    for (const c of cases.filter((x) => x.text.includes('[[') && x.class === 1)) {
      const a = analyze(parseReport(markedReport(c.text, c.period, catalog, 'wrap'), 'file:///gdp34.report.md'), catalog);
      const flagged = checkAnalysis(a, { lang: 'en' }).filter((f) => f.code === 'ambiguous-indicator');
      assert.equal(flagged.length, c.kind === 'positive' ? 0 : 1, c.rule);
      const shared = a.refs.find((r) => r.match.kind === 'ambiguous')!;
      assert.equal(shared.series?.by, c.kind === 'positive' ? 'heading' : undefined, c.rule);
      if (c.kind === 'positive') {
        const h = hover(a, { line: shared.ref.range.start.line, character: shared.ref.range.start.character + 3 }, 'en')!.markdown;
        assert.match(h, /the heading above names the compiler: Tổng cục Thống kê/);
      }
    }
  });

  it('markup: a name the writer marked with its code before settles the same name left unmarked after it (both modes), and says which rule chose', () => {
    const source = ['---', 'period: "2024"', '---', '', 'Năm 2023, [[Tỷ trọng kinh tế số trong GDP @ TCTK]] là 12,87%.', '', 'Đến năm 2024, tỷ trọng kinh tế số trong GDP là 13,17%.', ''].join('\n');
    for (const mode of ['wrap', 'canonical'] as const) {
      const { mentions } = detectMentions(source, catalog, { mode });
      assert.equal(mentions.length, 1, mode);
      assert.equal(mentions[0].indicator.id, 'digital-economy-gdp-share-gso');
      assert.equal(mentions[0].compiler, 'TCTK');
      assert.match(mentions[0].seriesBy!.en, /used this name for the Tổng cục Thống kê series earlier/);
      const facts = entryPeriodRoleFacts(markText(source, mentions, mode), catalog);
      assert.deepEqual(facts, [['digital-economy-gdp-share-gso', '12,87%', '2023'], ['digital-economy-gdp-share-gso', '13,17%', '2024']], mode);
    }
  });

  it('the checker: the earlier choice follows the writer\'s coded mark, the report\'s own body its committee', () => {
    const earlier = analyze(parseReport(markedReport('Năm 2023, [[Tỷ trọng kinh tế số trong GDP @ TCTK]] là 12,87%.\n\nNăm 2024, [[Tỷ trọng kinh tế số trong GDP]] là 13,17%.', '2024', catalog, 'wrap'), 'file:///e.report.md'), catalog);
    assert.deepEqual(earlier.refs.map((r) => [r.indicator?.id, r.series?.by]), [['digital-economy-gdp-share-gso', undefined], ['digital-economy-gdp-share-gso', 'earlier']]);
    const own = analyze(parseReport(markedReport('Năm 2024, [[Tỷ trọng kinh tế số trong GDP]] là 13,17%.', '2024', catalog, 'wrap', undefined, 'Tổng cục Thống kê'), 'file:///o.report.md'), catalog);
    assert.deepEqual(own.refs.map((r) => [r.indicator?.id, r.series?.by]), [['digital-economy-gdp-share-gso', 'report']]);
    assert.equal(checkAnalysis(own, { lang: 'en' }).filter((f) => f.code === 'ambiguous-indicator').length, 0);
  });

  it('figures -f json names the rule that chose a shared name\'s series and why', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gdp34-'));
    try {
      writeFileSync(path.join(dir, 'r.report.md'), markedReport('## Số liệu của Tổng cục Thống kê\n\nNăm 2024, [[Tỷ trọng kinh tế số trong GDP]] là 13,17%.', '2024', catalog, 'wrap'));
      const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'policy-report.js'), 'figures', 'r.report.md', '-f', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
      const records = JSON.parse(r.stdout) as Array<Record<string, unknown>>;
      assert.deepEqual(records.map((x) => [x.indicator, x.series, x.seriesReason]), [['digital-economy-gdp-share-gso', 'heading', 'the heading above names the compiler: Tổng cục Thống kê']], r.stderr);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a sentence naming the compiler still comes first (under a heading naming the other one)', () => {
    const a = analyze(parseReport(markedReport('## Số liệu của Bộ Thông tin và Truyền thông\n\nTheo Tổng cục Thống kê, năm 2022 [[Tỷ trọng kinh tế số trong GDP]] là 12,67%.', '2022', catalog, 'wrap'), 'file:///s.report.md'), catalog);
    assert.deepEqual(a.refs.map((r) => [r.indicator?.id, r.series?.by]), [['digital-economy-gdp-share-gso', 'sentence']]);
  });
});
