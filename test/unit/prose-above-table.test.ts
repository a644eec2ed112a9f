/**
 * A prose keystroke above a table (issue #15, the 1 MB draft's keystroke): the chunks after the edit
 * move by a few characters on the same lines, and parse/assemble.ts placeChunk places each of them as
 * one (the figures placed before, references and sentences moved by one delta) instead of row by row.
 * Property: prose typed, deleted, split into lines and given new sentences above a table, every
 * version read incrementally, gives exactly the model of the same text read with no cache as one
 * piece (chunked equals whole); where the table's lines and the sentences before it did not change,
 * its figures are the objects placed before. And through the service: the findings after each prose
 * keystroke in a draft with tables are those of a fresh check, and the history rules' findings of
 * the figures below the edit are the objects reported before.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseReport } from '../../server/src/core/parse/document';
import { parsedModel, RUNS, SEED } from './parse-model';
import { clearContentCaches } from '../../server/src/core/caches';
import { indexedService } from './indexed-service';
import { sizedReport } from '../../bench/workspace.mjs';

const ROWS = [
  '| [[Tỷ lệ hồ sơ trực tuyến toàn trình]] | 2023-10 | 81,1% |',
  '| [[Tỷ lệ hộ gia đình sử dụng Internet cáp quang]] | năm 2023 | 42,5% |',
  '| [[Nền tảng số quốc gia đưa vào sử dụng]] | 2024-Q1 | 30/35 |',
  '| Ghi chú <!-- 7% --> | `a | b` | khoảng 53 tỷ USD |',
  '| a \\| b | 2023 | 12,3% |',
];
/** What is typed above the table: characters, a line break, a sentence with a reference and a figure, a period phrase. */
const TYPED = ['x', ' ', 'ạ', '\n', '\n\n', '. ', ' năm 2022', ' [[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 75%.', '|', '<!-- c -->', '`'];
const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('insert', 'delete'), what: fc.constantFrom(...TYPED), n: fc.integer({ min: 1, max: 4 }) });
const doc = fc.record({
  rows: fc.array(fc.constantFrom(...ROWS), { minLength: 1, maxLength: 10 }),
  period: fc.constantFrom('2024-S1', '2023', ''),
  lead: fc.constantFrom('Mở đầu, [[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 12%.', 'Một đoạn văn trước bảng.\n\n## Số liệu', '> Trích dẫn 5% năm 2023.'),
});

function render(d: { rows: string[]; period: string; lead: string }, prose: string): string {
  const fm = d.period ? `---\nsession: 9\ndate: 2024-07-10\nperiod: ${d.period}\n---\n\n` : '';
  return `${fm}${prose}\n\n${d.lead}\n\n| Chỉ tiêu | Kỳ | Giá trị |\n|---|---|---|\n${d.rows.join('\n')}\n\nSau bảng, [[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 40%.\n\n| A | B |\n|---|---|\n| [[Nền tảng số quốc gia đưa vào sử dụng]] | 31/35 |\n`;
}

describe('prose typed above a table', function () {
  this.timeout(0);

  it('read incrementally equals the reading with no cache as one piece; the table keeps its figures where its lines did not move', () => {
    // Figures below the edit seen to be the objects placed before.
    let seenKept = 0;
    fc.assert(
      fc.property(doc, fc.array(edit, { minLength: 1, maxLength: 8 }), (d, edits) => {
        let prose = 'Năm nay, [[Tỷ lệ hộ gia đình sử dụng Internet cáp quang]] đạt 40%. Kinh tế tăng 6%.';
        let before = parseReport(render(d, prose), 'file:///p.report.md');
        for (const e of edits) {
          const at = e.at % (prose.length + 1);
          prose = e.kind === 'insert' ? prose.slice(0, at) + e.what.repeat(e.n) + prose.slice(at) : prose.slice(0, at) + prose.slice(at + e.n);
          const text = render(d, prose);
          const after = parseReport(text, 'file:///p.report.md');
          const { uri: _u, lines: _l, ...incremental } = after;
          assert.deepEqual(incremental, parsedModel(text, { whole: true, remember: false }, 'file:///p.report.md'));
          // The table's figures: the objects placed before when the lines and the sentences before them are the same.
          const tableStart = text.indexOf('| Chỉ tiêu |');
          const tableLine = after.lines.positionAt(tableStart).line;
          const tableLineBefore = before.lines.positionAt(before.text.indexOf('| Chỉ tiêu |')).line;
          const firstAfter = after.figures.findIndex((f) => f.range.start.line > tableLine);
          const sentencesBefore = (doc: typeof after, line: number) => doc.sentences.filter((s) => doc.lines.positionAt(s.start).line < line).length;
          if (tableLine === tableLineBefore && firstAfter >= 0 && sentencesBefore(after, tableLine) === sentencesBefore(before, tableLineBefore)) {
            const old = new Set(before.figures);
            for (const f of after.figures.slice(firstAfter)) {
              assert.ok(old.has(f), `the figure ${f.raw} on line ${f.range.start.line} below the edit is placed anew`);
              seenKept++;
            }
          }
          before = after;
        }
      }),
      { numRuns: RUNS * 5, seed: SEED, endOnFailure: true },
    );
    assert.ok(seenKept > 100, `only ${seenKept} figures below the edit seen kept`);
  });

  it("through the service: each prose keystroke's findings are a fresh check's, the history rules' findings below it kept", async () => {
    const folder = 'file:///prose-above-table';
    const sessions = 4;
    const files: Record<string, string> = {};
    for (let s = 1; s <= sessions; s++) files[`${folder}/phien-${s}.report.md`] = sizedReport({ s, sessions, kb: 6 });
    const draft = `${folder}/du-thao.report.md`;
    files[draft] = sizedReport({ s: sessions + 1, sessions, kb: 16, mistakes: true });
    const warm = await indexedService(files, folder);
    let text = files[draft];
    // A prose paragraph before the first table.
    const table = text.indexOf('\n|');
    assert.ok(table > 0, 'the draft has a table');
    const spot = text.lastIndexOf('.', text.lastIndexOf('\n\n', table));
    assert.ok(spot > 0, 'a sentence before the table');
    let before = warm.check(draft, text, 1);
    let kept = 0;
    let version = 1;
    for (const typed of [' a', 'b', '\n', ' năm 2022', '\n\nMột câu mới đạt 5%.', 'x']) {
      text = text.slice(0, spot) + typed + text.slice(spot);
      const after = warm.check(draft, text, ++version);
      const old = new Set(before);
      for (const f of after) if ((f.code === 'figure-conflict' || f.code === 'series-outlier' || f.code === 'wrong-series') && old.has(f)) kept++;
      clearContentCaches();
      const fresh = await indexedService({ ...files, [draft]: text }, folder);
      assert.deepEqual(after, fresh.check(draft, text, 1), `the draft after typing ${JSON.stringify(typed)}`);
      before = after;
    }
    assert.ok(kept > 0, "no history rule's finding below the edit was kept");
  });
});
