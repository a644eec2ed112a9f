/**
 * Names canonical mode marks and wrap mode could not (issue #13, round 18, helper wrap18;
 * test/fixtures/prose/wrap-round18.yaml, docs/dialect.md §5.2): each case's facts — each reference's
 * bound figure and its further figures, with the entry and the period — as the checker reads the
 * text (marked by `markup` in each mode when written unmarked). A positive case reads the index's
 * rank entry; a negative one keeps the score.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { rankOfIndexName } from '../../server/src/core/catalog/index-rank';
import { analyze } from '../../server/src/core/analyze';
import { checkAnalysis } from '../../server/src/core/check';
import { detectMentions } from '../../server/src/core/markup';
import { parseReport } from '../../server/src/core/parse/document';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';

/** [entry, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/wrap-round18.yaml');

/** The facts the checker reads in `marked` (marked-cases.ts entryPeriodFacts). */
const facts = (marked: string): Fact[] => entryPeriodFacts(marked, catalog);

describe('names wrap mode marks as written (fixtures/prose/wrap-round18.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 3, negatives: 2 }, catalog, facts, (c, read) => {
    const bound = read[0]?.[0] ?? '';
    const why = `${c.rule}: ${JSON.stringify(read)}`;
    // 1: the index's rank (positive), its score (negative); 2: the mobile speed, or none of it;
    // 3: the world's value left unmarked (positive), the country's figure read (negative).
    if (c.class === 1) assert.match(bound, c.kind === 'positive' ? /-rank$/ : /-score$/, why);
    else if (c.class === 2) assert.equal(read.some((f) => f[0] === 'mobile-broadband-download-speed'), c.kind === 'positive', why);
    else assert.equal(read.length === 0, c.kind === 'positive', why);
  });
});

describe('the checker: an index\'s bare name bound to a rank (catalog/index-rank.ts)', () => {
  const report = (period: string, text: string) => `---\nsession: 9\ndate: 2025-12-01\nperiod: "${period}"\n---\n\n${text}\n`;
  const read = (period: string, text: string) => analyze(parseReport(report(period, text), 'file:///t.report.md'), catalog);
  const rank = { kind: 'rank', role: 'rank', unit: null, value: 72 };

  it('a wrap mark of the score\'s own name resolves to the rank, and the hint names it', () => {
    const a = read('2024', 'Năm 2024, [[Chỉ số tham gia điện tử]] của Việt Nam xếp thứ 72 thế giới.');
    assert.deepEqual(a.refs.map((r) => r.indicator?.id), ['epi-rank']);
    const f = checkAnalysis(a, { lang: 'en' }).filter((x) => x.code === 'non-canonical-name');
    assert.equal(f.length, 1);
    assert.match(f[0].message, /is a rank, so the reference is "Xếp hạng Chỉ số tham gia điện tử"/);
    assert.equal(f[0].fixes?.[0].edits[0].newText, 'Xếp hạng Chỉ số tham gia điện tử');
  });

  it('the same name bound to a score draws no hint and stays the score', () => {
    const a = read('2024', 'Năm 2024, [[Chỉ số tham gia điện tử]] của Việt Nam đạt 0,6027 điểm.');
    assert.deepEqual(a.refs.map((r) => r.indicator?.id), ['epi-score']);
    assert.deepEqual(checkAnalysis(a, { lang: 'en' }).filter((x) => x.code === 'non-canonical-name'), []);
  });

  it('a name saying "điểm" names the score whatever the figure', () => {
    assert.equal(rankOfIndexName(catalog, catalog.resolve('điểm Chỉ số tham gia điện tử'), rank), null);
    assert.equal(rankOfIndexName(catalog, catalog.resolve('Chỉ số tham gia điện tử'), rank)?.id, 'epi-rank');
    assert.equal(rankOfIndexName(catalog, catalog.resolve('chi so tham gia dien tu'), rank)?.id, 'epi-rank');
  });

  it('no rank member of the figure\'s scope, or a figure that is no rank: no guess, the score stays', () => {
    // (the EPI has no ASEAN rank entry; the national DTI no rank at all)
    assert.equal(rankOfIndexName(catalog, catalog.resolve('Chỉ số tham gia điện tử'), { ...rank, scope: 'asean' }), null);
    assert.equal(rankOfIndexName(catalog, catalog.resolve('Chỉ số chuyển đổi số quốc gia'), rank), null);
    assert.equal(rankOfIndexName(catalog, catalog.resolve('Chỉ số tham gia điện tử'), { kind: 'number', role: 'level', unit: 'điểm', value: 0.6027 }), null);
    // (an abbreviation is its family's already: catalog/family.ts)
    assert.equal(rankOfIndexName(catalog, catalog.resolve('EPI'), rank), null);
  });

  it('a wrap mark the checker would not resolve to the rank is listed by the detector, not marked', () => {
    // "Chỉ số tham gia điện tử … thứ 5 trong ASEAN": no ASEAN rank of the EPI in the catalog. (A sentence
    // shape only: 5th in ASEAN is the EGDI's 2024 place, https://thanhnien.vn/chinh-phu-dien-tu-thang-hang-vuot-bac-18524092122391323.htm)
    const text = report('2024', 'Năm 2024, Chỉ số tham gia điện tử của Việt Nam xếp thứ 5 trong ASEAN.');
    const r = detectMentions(text, catalog, { mode: 'wrap' });
    assert.ok(!r.mentions.some((m) => m.indicator.id === 'epi-rank' || (m.figure && m.indicator.id === 'epi-score')), JSON.stringify(r.mentions.map((m) => [m.indicator.id, m.figure?.raw])));
  });
});
