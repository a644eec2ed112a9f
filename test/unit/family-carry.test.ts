/**
 * A named index told on across its paragraph (parse/family-carry.ts, docs/reading.md §6.6): the
 * carried figures of the next sentences are further figures of the named reference, marked
 * `carried`, each with its own period and the member of the family its shape says; they keep their
 * mark through the saved history, the history reads their province, the hover says where they are,
 * and markup marks a name with no figure of its own when the next sentences carry to it. The
 * reader's sentence cases are in test/fixtures/prose/reading.yaml (round 11).
 */
import * as assert from 'node:assert/strict';
import { analyze } from '../../server/src/core/analyze';
import { Catalog } from '../../server/src/core/catalog/catalog';
import { familyOf, memberByShape, ownMeasures } from '../../server/src/core/catalog/family';
import { loadDefaultCatalog } from '../../server/src/core/catalog/load';
import { hover } from '../../server/src/core/features/hover';
import { entriesOf } from '../../server/src/core/history/history';
import { loadReport, saveReport } from '../../server/src/core/history/snapshot';
import { detectMentions, markText } from '../../server/src/core/markup';
import { parseReport } from '../../server/src/core/parse/document';

const catalog = new Catalog(loadDefaultCatalog());
const report = (body: string, period = '2024') => `---\nsession: 3\ndate: 2025-11-12\nperiod: ${period}\ntitle: Thử\n---\n\n## Kết quả đạt được\n\n${body}\n`;

describe('a named index told on across a paragraph', () => {
  it('finds the family by the `family` field or the id it starts with, and the member by the shape', () => {
    const rank = catalog.byId('dti-province-rank')!;
    assert.ok(familyOf(catalog, rank).some((e) => e.id === 'dti-province-score'));
    // Pillars belong to the family, but measure no index of their own subject.
    assert.ok(familyOf(catalog, rank).some((e) => e.id === 'dti-province-government-rank'));
    assert.deepEqual(ownMeasures(catalog, rank).map((e) => e.id).sort(), ['dti-province-rank', 'dti-province-score']);
    const gii = catalog.byId('gii-rank')!;
    assert.equal(memberByShape(catalog, gii, { kind: 'rank', role: 'rank', unit: null, value: 46 })?.id, 'gii-rank');
    assert.equal(memberByShape(catalog, gii, { kind: 'rank', role: 'rank', scope: 'asean', unit: null, value: 3 })?.id, 'gii-asean-rank');
    assert.equal(memberByShape(catalog, gii, { kind: 'number', role: 'level', unit: 'điểm', value: 44.2 })?.id, 'gii-score');
    // Out of the score's range (0–1 for the DTI), or no member of the shape: none.
    assert.equal(memberByShape(catalog, rank, { kind: 'number', role: 'level', unit: 'điểm', value: 1000 }), null);
    assert.equal(memberByShape(catalog, rank, { kind: 'rank', role: 'rank', scope: 'asean', unit: null, value: 3 }), null);
  });

  it('carries the next sentences’ figures to the named reference, each with its own period and member, until another subject', () => {
    const text = report(
      'Theo [[DTI]] năm 2021, Thừa Thiên Huế xếp thứ 2/63. Năm 2022 tỉnh lùi xuống thứ 4 (0,6975 điểm). Năm 2023, Quảng Ninh đứng thứ 3. Năm 2023 tỉnh đứng thứ 3.',
    );
    const doc = parseReport(text, 'file:///a.report.md');
    const [ref] = doc.references;
    assert.deepEqual(
      ref.also?.map((a) => [a.figure.raw, a.period, a.carried]),
      [
        ['xuống thứ 4', '2022', true],
        ['0,6975 điểm', '2022', true],
      ],
    );
    const [r] = analyze(doc, catalog).refs;
    assert.deepEqual(r.also?.map((a) => a.indicator?.id), ['dti-province-rank', 'dti-province-score']);
    // The history: each under its own period, of the province the paragraph tells of.
    const entries = entriesOf(analyze(doc, catalog));
    assert.deepEqual(
      entries.map((e) => [e.indicatorId, e.period, e.raw, e.subject]),
      [
        ['dti-province-rank', '2021', 'xếp thứ 2/63', 'Huế'],
        ['dti-province-rank', '2022', 'xuống thứ 4', 'Huế'],
        ['dti-province-score', '2022', '0,6975 điểm', 'Huế'],
      ],
    );
    // The saved history keeps the mark (its series is read again from it).
    const loaded = loadReport(saveReport(doc, 'h'), doc.uri, text);
    assert.deepEqual(loaded.references[0].also?.map((a) => a.carried ?? false), [true, true]);
    // The hover on the name says where each carried figure is.
    const h = hover(analyze(doc, catalog), ref.range.start, 'en');
    assert.match(h?.markdown ?? '', /Also: `xuống thứ 4` \(period 2022\) · a later sentence, line 10/);
  });

  it('carries into the next paragraph only by §6.8 (paragraph-carry.ts), and a change stays a change', () => {
    // (§6.8: the next paragraph goes on with the index's rank; the change is not carried)
    const doc = parseReport(report('Năm 2022, Việt Nam xếp thứ 48/132 về [[Chỉ số đổi mới sáng tạo toàn cầu]].\n\nNăm 2023, Việt Nam lên thứ 46/132. Việt Nam tăng 2 bậc năm 2023.'), 'file:///b.report.md');
    assert.deepEqual(doc.references[0].also?.map((a) => [a.figure.raw, a.period, a.carried]), [['lên thứ 46/132', '2023', true]]);
    // Another country's in the next paragraph: none.
    const other = parseReport(report('Năm 2022, Việt Nam xếp thứ 48/132 về [[Chỉ số đổi mới sáng tạo toàn cầu]].\n\nNăm 2023, Singapore xếp thứ 5/132.'), 'file:///b2.report.md');
    assert.equal(other.references[0].also, undefined);
    const one = parseReport(report('Năm 2022, Việt Nam xếp thứ 48/132 về [[Chỉ số đổi mới sáng tạo toàn cầu]]. Năm 2023, Việt Nam tăng 2 bậc.'), 'file:///c.report.md');
    assert.equal(one.references[0].also, undefined);
  });

  it('markup marks a name with no figure of its own when the next sentences carry to it, and not otherwise', () => {
    const carried = report('Bộ Thông tin và Truyền thông đã công bố kết quả DTI năm 2023. Theo đó, Quảng Ngãi xếp thứ 21/63, tăng 5 bậc so với năm 2022.');
    const marked = markText(carried, detectMentions(carried, catalog, { mode: 'wrap' }).mentions, 'wrap');
    assert.match(marked, /kết quả \[\[DTI\]\] năm 2023/);
    const doc = parseReport(marked, 'file:///d.report.md');
    assert.deepEqual(analyze(doc, catalog).refs[0].also?.map((a) => [a.figure.raw, a.period, a.indicator?.id]), [['xếp thứ 21/63', '2023', 'dti-province-rank']]);
    // Two provinces' places next: each its own province's rank in that ranking (docs/reading.md §34.1).
    const listed = report('Bộ Thông tin và Truyền thông đã công bố kết quả DTI năm 2023. Quảng Ngãi xếp thứ 21/63, trong khi Thanh Hóa đứng thứ 11.');
    const both = markText(listed, detectMentions(listed, catalog, { mode: 'wrap' }).mentions, 'wrap');
    assert.match(both, /kết quả \[\[DTI\]\] năm 2023/);
    assert.deepEqual(analyze(parseReport(both, 'file:///e.report.md'), catalog).refs[0].also?.map((a) => [a.figure.raw, a.period, a.indicator?.id]), [
      ['xếp thứ 21/63', '2023', 'dti-province-rank'],
      ['đứng thứ 11', '2023', 'dti-province-rank'],
    ]);
    // A region's places next: no mark.
    const region = report('Bộ Thông tin và Truyền thông đã công bố kết quả DTI năm 2023. Trong vùng, Quảng Ngãi xếp thứ 2, trong khi Thanh Hóa đứng thứ 1.');
    assert.doesNotMatch(markText(region, detectMentions(region, catalog, { mode: 'wrap' }).mentions, 'wrap'), /\[\[DTI\]\]/);
  });
});
