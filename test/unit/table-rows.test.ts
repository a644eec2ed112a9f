/**
 * A table read row by row (parse/table-rows.ts): each row's reading is kept under its line and its
 * header's line, so a keystroke in one cell reads one row again. Property: a table edited cell by
 * cell and read incrementally (every version parsed in turn, rows from the cache) gives exactly the
 * model of the same text read with no cache at all (`remember: false`, as one piece), and the
 * history's cheap path the history of that reading; the rows that did not change keep their placed
 * figures (the same objects, which the rules' memo is keyed by). Cells mix escaped pipes, code spans
 * holding pipes, HTML comments, references `[[…]]`, periods and figures; rows are ragged (fewer or
 * more cells than the header); tables stand alone, in a block quote and after a paragraph.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseReport } from '../../server/src/core/parse/document';
import { historyDocument } from '../../server/src/core/history/snapshot';
import { parsedModel, RUNS, SEED } from './parse-model';

const CELLS = [
  '[[Tỷ lệ hồ sơ trực tuyến toàn trình]]',
  '[[Tỷ lệ hộ gia đình sử dụng Internet cáp quang]]',
  '[[Nền tảng số quốc gia đưa vào sử dụng]] 30/35',
  '42,5%',
  '81,1%',
  '27/30 bộ, ngành',
  '2023-10',
  '2024-Q1',
  'năm 2023',
  'khoảng 53 tỷ USD',
  'a \\| b',
  '`x | y`',
  '`[[Tỷ lệ hồ sơ]] | 5%`',
  '<!-- ghi chú | 7% -->',
  '**12,3%**',
  'ước tính',
  '',
  '[[x]]: 5%',
];
const cell = fc.constantFrom(...CELLS);
const row = fc.array(cell, { minLength: 1, maxLength: 5 });
const table = fc.record({
  header: fc.array(fc.constantFrom('Chỉ tiêu', 'Kỳ', 'Giá trị', 'Ghi chú', '[[Tỷ lệ hồ sơ trực tuyến toàn trình]]', 'a \\| b'), { minLength: 1, maxLength: 4 }),
  rows: fc.array(row, { minLength: 1, maxLength: 12 }),
  prefix: fc.constantFrom('', '> ', '  '),
  lead: fc.constantFrom('', 'Bảng số liệu năm 2023:\n', '## Số liệu\n\n'),
  outer: fc.boolean(),
});
type Table = { header: string[]; rows: string[][]; prefix: string; lead: string; outer: boolean };
/** Edits: which row, which cell, what it becomes. */
const edits = fc.array(fc.tuple(fc.nat(), fc.nat(), cell), { minLength: 1, maxLength: 6 });

function render(t: Table): string {
  const line = (cells: string[]) => t.prefix + (t.outer ? `| ${cells.join(' | ')} |` : cells.join(' | '));
  const body = [line(t.header), t.prefix + (t.outer ? `|${t.header.map(() => '---').join('|')}|` : t.header.map(() => '---').join(' | ')), ...t.rows.map(line)];
  return `---\nsession: 9\ndate: 2024-07-10\nperiod: 2024-S1\n---\n\nMở đầu đạt 12%.\n\n${t.lead}${body.join('\n')}\n\nSau bảng, [[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 40%.\n`;
}

const model = (text: string, options: { whole?: boolean; remember?: boolean }) => parsedModel(text, options);
const history = (text: string, cheap: boolean) => {
  const { lines: _l, ...rest } = historyDocument(parseReport(text, 'file:///h.report.md', { history: cheap, remember: false }));
  return rest;
};

describe('tables read row by row', function () {
  this.timeout(0);

  it('a table edited cell by cell, read incrementally, equals the reading with no cache; unchanged rows keep their figures', () => {
    let kept = 0;
    fc.assert(
      fc.property(table, edits, (t, es) => {
        let text = render(t);
        let before = parseReport(text, 'file:///t.report.md');
        assert.deepEqual(model(text, {}), model(text, { whole: true, remember: false }));
        for (const [r, c, value] of es) {
          const rows = t.rows.map((cells) => [...cells]);
          const target = rows[r % rows.length];
          target[c % target.length] = value;
          t = { ...t, rows };
          text = render(t);
          const after = parseReport(text, 'file:///t.report.md');
          const { uri: _u, lines: _l, ...incremental } = after;
          assert.deepEqual(incremental, model(text, { whole: true, remember: false }));
          assert.deepEqual(model(text, { whole: true }), model(text, { whole: true, remember: false }));
          assert.deepEqual(history(text, true), history(text, false));
          // A figure of a row the edit did not touch (same line, same place) is the object placed before.
          // (Only with outer pipes is every line a table row: "a | b" lines may be a setext heading's
          // text or a paragraph, and a row that opens with "<!--" an HTML block.)
          if (!t.outer) {
            before = after;
            continue;
          }
          const old = new Set(before.figures);
          const editedLine = after.lines.positionAt(text.indexOf(t.rows[r % rows.length].join(' | '))).line;
          // (a row written more than once in the table is one model placed at several lines: only the
          // last two placements of a model are kept, document.ts assemble)
          const lineText = (line: number) => text.slice(after.lines.lineStart(line), after.lines.lineStart(line + 1)).replace(/\r?\n$/, '');
          const allLines = text.split('\n');
          const firstRow = allLines.indexOf(t.prefix + `|${t.header.map(() => '---').join('|')}|`) + 1;
          for (const f of after.figures) {
            if (f.range.start.line === editedLine || f.range.start.line < firstRow || f.range.start.line >= firstRow + t.rows.length) continue;
            if (allLines.filter((l) => l === lineText(f.range.start.line)).length > 1) continue;
            const same = before.figures.find((g) => g.range.start.line === f.range.start.line && g.range.start.character === f.range.start.character && g.raw === f.raw);
            if (same && same.sentence === f.sentence && f.period === same.period) {
              assert.ok(old.has(f), `the figure ${f.raw} of an unchanged row on line ${f.range.start.line} is placed anew`);
              kept++;
            }
          }
          before = after;
        }
      }),
      { numRuns: RUNS * 5, seed: SEED, endOnFailure: true },
    );
    assert.ok(kept > 100, `only ${kept} figures of unchanged rows seen`);
  });

  it('rows written alike in two reports are read once: the same row gives the same reading at any place', () => {
    const rows = ['| [[Tỷ lệ hồ sơ trực tuyến toàn trình]] | 2023-10 | 81,1% |', '| [[Nền tảng số quốc gia đưa vào sử dụng]] | 2020-Q1 | 30/35 nền tảng |'];
    const head = '| Chỉ tiêu | Kỳ | Giá trị |\n|---|---|---|\n';
    const a = `---\nsession: 1\ndate: 2024-01-10\nperiod: 2023\n---\n\n${head}${rows.join('\n')}\n`;
    const b = `---\nsession: 2\ndate: 2024-07-10\nperiod: 2024-S1\n---\n\n# Phụ lục\n\nMột đoạn văn trước bảng.\n\n${head}| [[Tỷ lệ hồ sơ trực tuyến toàn trình]] | 2024-03 | 85% |\n${rows.join('\n')}\n`;
    for (const text of [a, b, a, b]) {
      assert.deepEqual(model(text, {}), model(text, { whole: true, remember: false }));
      assert.deepEqual(history(text, true), history(text, false));
    }
  });
});
