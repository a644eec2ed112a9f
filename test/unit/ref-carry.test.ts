/**
 * A reference's answer carried from one check to the next (server/src/core/ref-carry.ts): given
 * only while its inputs are the same, so that every carried analysis equals a fresh one. Each case
 * keeps the bound figure the same placed object (its chunk placed on the same lines) while an input
 * the answer reads changes: the 16 characters before the name in the chunk above, the catalog, the
 * name's place in the same words (two names binding one figure).
 */
import * as assert from 'node:assert/strict';
import { analyze, type Analysis } from '../../server/src/core/analyze';
import { clearContentCaches } from '../../server/src/core/caches';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { parseReport } from '../../server/src/core/parse/document';

const URI = 'file:///ws/ref-carry.report.md';
const catalog = new Catalog(loadDefaultCatalog());
const QR = 'Tăng trưởng giao dịch thanh toán qua mã QR';
const body = (above: string) => `# Thanh toán số\n\n${above}\n\n[[${QR}]] tăng 150% so với cùng kỳ năm 2023.\n\nCâu cuối không có số liệu.\n`;

/** What a check reads of each reference's answer. */
const answers = (a: Analysis) => a.refs.map((r) => [r.ref.written, r.match.kind, r.indicator?.id ?? null, r.series?.indicator.id ?? null, r.series?.by ?? null]);

/** The analysis of `text` with nothing remembered from an earlier one and nothing carried. */
function fresh(text: string, cat: Catalog): Analysis {
  clearContentCaches();
  return analyze(parseReport(text, URI), cat, undefined, false);
}

describe('ref-carry: a reference answer carried only while its inputs are the same', () => {
  it('a change of the text before the name, in the chunk above, is read again', () => {
    const plain = body('Năm 2024 thanh toán số tiếp tục phát triển');
    const valued = body('Năm 2024 ghi nhận tổng giá trị');
    // The case matters: the answers differ (valueHead: "giá trị" right before the name, across the blank line).
    assert.notDeepEqual(answers(fresh(plain, catalog)), answers(fresh(valued, catalog)));
    clearContentCaches();
    const a = parseReport(plain, URI);
    const first = analyze(a, catalog, undefined, true);
    const b = parseReport(valued, URI);
    // The same placed figure (the chunk below moved on its line): the carry is looked up.
    assert.equal(b.references[0].figure, a.references[0].figure);
    assert.deepEqual(answers(analyze(b, catalog, undefined, true)), answers(fresh(valued, catalog)));
    assert.deepEqual(answers(first), answers(fresh(plain, catalog)));
  });

  it('a shift with the same words keeps the answer, the same as a fresh one', () => {
    const one = body('Năm 2024 thanh toán số tiếp tục phát triển');
    const two = body('Năm 2024, thanh toán số tiếp tục phát triển mạnh');
    clearContentCaches();
    const a = parseReport(one, URI);
    analyze(a, catalog, undefined, true);
    const b = parseReport(two, URI);
    assert.equal(b.references[0].figure, a.references[0].figure);
    assert.deepEqual(answers(analyze(b, catalog, undefined, true)), answers(fresh(two, catalog)));
  });

  it('another catalog is asked again', () => {
    const text = body('Năm 2024 thanh toán số tiếp tục phát triển');
    const other = new Catalog(loadDefaultCatalog().filter((i) => i.name !== QR));
    assert.notDeepEqual(answers(fresh(text, catalog)), answers(fresh(text, other)));
    clearContentCaches();
    const a = parseReport(text, URI);
    analyze(a, catalog, undefined, true);
    const b = parseReport(text, URI);
    assert.equal(b.references[0].figure, a.references[0].figure);
    assert.deepEqual(answers(analyze(b, other, undefined, true)), answers(fresh(text, other)));
  });

  it('two names of the same words binding one figure are each read at their own place', () => {
    const text = `# Thanh toán số\n\nTrong năm 2024, tổng giá trị [[${QR}]] và số lượng [[${QR}]] tăng 150% so với cùng kỳ.\n`;
    const a = fresh(text, catalog);
    assert.equal(a.doc.references[0].figure, a.doc.references[1].figure);
    // (the first is the value's change, "giá trị" before it: no entry's; the second the entry's)
    assert.notDeepEqual(answers(a)[0], answers(a)[1]);
    clearContentCaches();
    assert.deepEqual(answers(analyze(parseReport(text, URI), catalog, undefined, true)), answers(a));
  });
});
