/**
 * Families of entries (server/src/core/catalog/family.ts; docs/dialect.md §5.2 step 3, "an abbreviation naming
 * its family"): members() and memberFor() on the default catalog, the family an abbreviation names,
 * and the dialect's reading of `[[EGDI]]` by its figure, with the non-canonical-name fix naming the
 * entry picked. Facts after public reporting (sources in test/fixtures/markup/abbr-round11.yaml).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { abbreviationFamily, familyChoice, inRange, memberFor, members, namesakeCompilerNamed, shapeOf } from '../../server/src/core/catalog/family';
import { analyze } from '../../server/src/core/analyze';
import { checkAnalysis } from '../../server/src/core/check';
import { parseReport } from '../../server/src/core/parse/document';

const catalog = new Catalog(loadDefaultCatalog());
const id = (i: { id: string } | undefined) => i?.id;
const report = (period: string, text: string) => `---\nsession: 9\ndate: 2025-12-01\nperiod: "${period}"\n---\n\n${text}\n`;

describe('catalog families (catalog/family.ts)', () => {
  it('members: an entry without a family field belongs to the family its id starts with', () => {
    const egdi = members(catalog, 'egdi-rank').map((i) => i.id);
    for (const m of ['egdi-rank', 'egdi-score', 'egdi-asean-rank', 'osi-score', 'osi-rank']) assert.ok(egdi.includes(m), m);
    assert.ok(!egdi.includes('gii-rank'));
    assert.deepEqual(members(catalog, 'dti-province-score').map((i) => i.id).slice(0, 2), ['dti-province-rank', 'dti-province-score']);
    assert.ok(!members(catalog, 'dti-province-rank').some((i) => i.id === 'dti-ministry-rank'), 'the ministries are another family');
    assert.deepEqual(members(catalog, 'no-such-entry'), []);
  });

  it('memberFor: the main member of a shape and scope, by entry, id or family key', () => {
    assert.equal(id(memberFor(catalog, 'egdi-rank', 'score')), 'egdi-score');
    assert.equal(id(memberFor(catalog, 'egdi-rank', 'rank', 'asean')), 'egdi-asean-rank');
    assert.equal(id(memberFor(catalog, catalog.byId('osi-score')!, 'rank')), 'osi-rank');
    assert.equal(id(memberFor(catalog, 'postal-2ipd-rank', 'level')), 'postal-2ipd-level');
    // A family key stands for its first entry: the index's rank.
    assert.equal(id(memberFor(catalog, 'egdi', 'score')), 'egdi-score');
    assert.equal(id(memberFor(catalog, 'dti-province', 'rank')), 'dti-province-rank');
    // A pillar or a tier is never the family's score or rank.
    assert.equal(id(memberFor(catalog, 'gci-rank', 'score')), 'gci-score');
    assert.equal(id(memberFor(catalog, 'gci', 'rank')), 'gci-rank');
    // None of that shape: undefined.
    assert.equal(memberFor(catalog, 'egdi-rank', 'level'), undefined);
    assert.equal(memberFor(catalog, 'no-such-family', 'rank'), undefined);
  });

  it('shapeOf: rank, score, level on a scale; none for other measures', () => {
    assert.deepEqual(['egdi-rank', 'egdi-score', 'postal-2ipd-level', 'online-e2e-dossier-rate'].map((x) => shapeOf(catalog.byId(x)!)), ['rank', 'score', 'level', null]);
  });

  it('abbreviationFamily: the main members, the abbreviated entry named; null for an abbreviation of its own', () => {
    const egdi = abbreviationFamily(catalog, catalog.byId('egdi-rank')!)!;
    assert.deepEqual(egdi.map((e) => [e.indicator.id, e.measure, !!e.named]), [
      ['egdi-rank', 'rank', true],
      ['egdi-asean-rank', 'rank', false],
      ['egdi-score', 'score', false],
    ]);
    assert.ok(abbreviationFamily(catalog, catalog.byId('dti-province-rank')!)!.every((e) => e.province), 'DTI: a province only');
    assert.equal(abbreviationFamily(catalog, catalog.byId('chip-id-cards')!), null);
    assert.equal(abbreviationFamily(catalog, catalog.byId('ogdi-score')!), null);
  });

  it('familyChoice and inRange: the one fitting member within its range, else the named one', () => {
    const postal = abbreviationFamily(catalog, catalog.byId('postal-2ipd-rank')!)!;
    const score = catalog.byId('postal-2ipd-score')!;
    const level = catalog.byId('postal-2ipd-level')!;
    assert.deepEqual(inRange([score, level], { value: 51.73 }), [score]);
    assert.equal(familyChoice(postal, [score, level], { value: 51.73 }), score);
    assert.equal(familyChoice(postal, [score, level], { value: 6 }), catalog.byId('postal-2ipd-rank'), 'two fit: the named entry');
    assert.equal(familyChoice(postal, []), catalog.byId('postal-2ipd-rank'));
  });

  it('namesakeCompilerNamed: "GCI" with the WEF named is the WEF index, with the ITU named ITU\'s', () => {
    const gci = catalog.byId('gci-rank')!;
    assert.equal(namesakeCompilerNamed(catalog, gci, 'GCI', 'Năm 2019, GCI của WEF với Việt Nam đạt 61,5 điểm.'), true);
    assert.equal(namesakeCompilerNamed(catalog, gci, 'GCI', 'Theo ITU, GCI của Việt Nam năm 2020 đạt 94,59 điểm.'), false);
    assert.equal(namesakeCompilerNamed(catalog, gci, 'GCI', 'Năm 2020, GCI của Việt Nam đạt 94,59 điểm.'), false);
  });
});

describe('dialect: an abbreviation naming its family, read by its figure', () => {
  const cases: Array<[string, string, string]> = [
    ['2024', 'Năm 2024, [[EGDI]] của Việt Nam đạt 0,7709 điểm.', 'egdi-score'],
    ['2024', 'Năm 2024, [[EGDI]] của Việt Nam xếp thứ 71/193.', 'egdi-rank'],
    ['2024', 'Năm 2024, [[EGDI]] của Việt Nam đứng thứ 5 trong ASEAN.', 'egdi-asean-rank'],
    ['2022', 'Năm 2022, [[2IPD]] của Việt Nam đạt cấp độ 6/10.', 'postal-2ipd-level'],
    ['2024', 'Năm 2024, [[OSI]] của Việt Nam đạt 0,7081.', 'osi-score'],
    // No figure decides: the abbreviation's own entry, as before.
    ['2024', 'Báo cáo [[EGDI]] được công bố hai năm một lần.', 'egdi-rank'],
    // A province's entry only in a sentence about a province.
    ['2022', 'Năm 2022, [[DTI]] của cả nước đạt 0,71.', 'dti-province-rank'],
  ];
  for (const [period, text, want] of cases)
    it(`${text} → ${want}`, () => {
      const a = analyze(parseReport(report(period, text), 'file:///t.report.md'), catalog);
      assert.deepEqual(a.refs.map((r) => r.indicator?.id), [want]);
    });

  it('the non-canonical-name fix names the entry the figure picked', () => {
    const a = analyze(parseReport(report('2024', 'Năm 2024, [[EGDI]] của Việt Nam đạt 0,7709 điểm.'), 'file:///t.report.md'), catalog);
    const f = checkAnalysis(a, { lang: 'en' }).find((x) => x.code === 'non-canonical-name')!;
    assert.ok(f, 'a hint');
    assert.match(f.message, /Điểm Chỉ số phát triển Chính phủ điện tử/);
    assert.equal(f.fixes?.[0].edits[0].newText, 'Điểm Chỉ số phát triển Chính phủ điện tử');
  });
});
