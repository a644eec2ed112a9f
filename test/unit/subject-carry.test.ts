/**
 * A keystroke's new version takes the previous version's province key of a figure it shares when
 * every character the reading reads is the same (history/subject-read.ts readsAlike, analyze.ts
 * sameForHistory). Property: after random edits anywhere — a heading's or a paragraph's province, a
 * table's header, the front matter's committee, far away — each figure's key taken from the version
 * before equals the key read afresh; and both cases happen (keys taken, keys read again).
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { analyze, sameForHistory } from '../../server/src/core/analyze';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { figureKey } from '../../server/src/core/history/subject';
import { readsAlike } from '../../server/src/core/history/subject-read';
import { parseReport } from '../../server/src/core/parse/document';
import type { ReportDocument } from '../../server/src/core/parse/model';

const catalog = new Catalog(loadDefaultCatalog());
const URI = 'file:///subject-carry.report.md';
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261206;

const filler = (n: number) => Array.from({ length: n }, (_, i) => `Đoạn ${i + 1} nêu các giải pháp chuyển đổi số của địa phương trong năm.`).join(' ');
const REPORT = [
  '---\nsession: 3\ndate: 2025-06-01\nperiod: 2024\ncommittee: Ủy ban nhân dân tỉnh Quảng Ninh\n---\n',
  '## Kết quả của Huế\n',
  'Năm 2024, [[Điểm Chỉ số chuyển đổi số cấp tỉnh]] đạt 0,7204, [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]] thứ 5/63.\n',
  `${filler(8)}\n`,
  'Về kinh tế số, [[Điểm Chỉ số chuyển đổi số cấp tỉnh]] năm 2023 là 0,6900.\n',
  '## So sánh\n',
  'Bảng 2. Kết quả của tỉnh Trà Vinh\n',
  '| Năm | Điểm |\n| --- | --- |\n| 2022 | [[Điểm Chỉ số chuyển đổi số cấp tỉnh]] 0,6100 |\n| 2023 | [[Điểm Chỉ số chuyển đổi số cấp tỉnh]] 0,6300 |\n',
  '| Trụ cột | Đà Nẵng | Cần Thơ |\n| --- | --- | --- |\n| Tổng | [[Điểm Chỉ số chuyển đổi số cấp tỉnh]] 0,8000 | 0,7000 |\n',
  `${filler(60)}\n`,
  'Năm 2024, giá trị bình quân của [[Điểm Chỉ số chuyển đổi số cấp tỉnh]] đạt 0,6100.\n',
  'Tỉnh đạt [[Tỷ lệ hồ sơ trực tuyến toàn trình]] 61% năm 2024.\n',
].join('\n');

/** What a writer types near a figure's context: provinces, headings, breaks, table pieces, far-away words. */
const PIECES = ['Hà Nội', ' Cần Thơ', 'Huế', 'Quảng Ninh', '## ', '\n\n', '\n', '. ', '| ', ' --- ', 'trung bình', ' cả nước', 'Bảng 4. ', 'a', '5', ', '];
/** Where the words deciding a figure's province are: an edit there, or anywhere (a fraction of the text). */
const ANCHORS = ['Huế\n', 'Trà Vinh', '| Đà Nẵng', 'Quảng Ninh', 'bình quân', 'Về kinh tế số', '## So sánh', 'Bảng 2', 'Đoạn 8'];
type Edit = { anchor: number; at: number; del: number; piece: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  anchor: fc.integer({ min: -1, max: ANCHORS.length - 1 }),
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.oneof(fc.constant(0), fc.constant(0), fc.integer({ min: 1, max: 8 })),
  piece: fc.constantFrom(...PIECES),
});
const apply = (text: string, e: Edit) => {
  const found = e.anchor >= 0 ? text.indexOf(ANCHORS[e.anchor]) : -1;
  const at = found >= 0 ? found + Math.floor(e.at * ANCHORS[e.anchor].length) : Math.min(text.length, Math.floor(e.at * text.length));
  return text.slice(0, at) + e.piece + text.slice(Math.min(text.length, at + e.del));
};

/** Each figure's key in `doc` (its further figures' too), taken from `before` where it can be. */
function keys(doc: ReportDocument, before?: ReportDocument) {
  const out: Array<{ f: unknown; key: ReturnType<typeof figureKey> }> = [];
  for (const { ref, indicator, also } of analyze(doc, catalog).refs) {
    if (!indicator || !ref.figure) continue;
    out.push({ f: ref.figure, key: figureKey(doc, indicator, ref.sentence, ref.figure, before) });
    for (const a of also ?? []) if (a.indicator) out.push({ f: a.figure, key: figureKey(doc, a.indicator, ref.sentence, a.figure, before) });
  }
  return out;
}

describe('a figure\'s province key carried over a keystroke (history/subject-read.ts)', function () {
  this.timeout(600000);

  it('the report has keys of every kind: a province by paragraph, heading, caption, column, the report\'s own, the average', () => {
    const subjects = new Set(keys(parseReport(REPORT, URI)).map((k) => k.key && `${k.key.local ? 'L' : ''}${k.key.subject}`));
    for (const s of ['Huế', 'Trà Vinh', 'Đà Nẵng', 'cả nước', 'LQuảng Ninh']) assert.ok(subjects.has(s), `${s}: ${[...subjects].join(', ')}`);
  });

  it('random edits: a key taken from the version before equals the key read afresh', () => {
    let taken = 0;
    let readAgain = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        let text = REPORT;
        let before = parseReport(text, URI);
        let was = keys(before);
        for (const e of edits) {
          text = apply(text, e);
          const now = parseReport(text, URI);
          const carried = keys(now, before);
          // (a document object of its own: its keys are read, never taken)
          const fresh = keys(parseReport(text, URI));
          assert.deepEqual(carried.map((k) => k.key), fresh.map((k) => k.key), `after ${JSON.stringify(edits)}`);
          for (const k of carried) {
            const old = was.find((w) => w.f === k.f);
            if (old && old.key && old.key === k.key) taken++;
            else if (old && old.key) readAgain++;
          }
          before = now;
          was = carried;
        }
      }),
      { numRuns: 60, seed: SEED, endOnFailure: true },
    );
    assert.ok(taken > 0, 'no key was taken from the version before');
    assert.ok(readAgain > 0, 'no shared figure had its key read again');
  });

  it('an edit within what the reading reads is seen; one beyond it is not', () => {
    const base = parseReport(REPORT, URI);
    /** Whether the figure holding offset `at` (its sentence its line) reads alike in `text`, the same length as REPORT before `figure`. */
    const alike = (at: number, text: string) => {
      const f = base.figures.find((x) => base.lines.offsetAt(x.range.start) <= at && at < base.lines.offsetAt(x.range.end))!;
      assert.ok(f, `a figure at ${at}`);
      const figure = base.lines.offsetAt(f.range.start);
      const sentence = { start: REPORT.lastIndexOf('\n', figure) + 1, end: REPORT.indexOf('\n', figure) };
      return readsAlike(base as Required<ReportDocument>, parseReport(text, URI), f, sentence, figure, base.lines.offsetAt(f.range.end));
    };
    const typed = (at: number) => `${REPORT.slice(0, at)}x${REPORT.slice(at + 1)}`;
    const near = REPORT.indexOf('0,6900');
    // The heading above (a province of the same length), the paragraph above, the committee: read.
    assert.equal(alike(near, REPORT.replace('## Kết quả của Huế', '## Kết quả của Vui')), false);
    assert.equal(alike(near, typed(REPORT.indexOf('Đoạn 3'))), false);
    assert.equal(alike(near, REPORT.replace('Quảng Ninh', 'Quảng Bình')), false);
    // Far below the sentence: not read.
    assert.equal(alike(near, typed(REPORT.indexOf('Đoạn 50'))), true);
    // More than 3 000 characters above the sentence: not read; in the table's header 3 lines up: read.
    const average = REPORT.indexOf('đạt 0,6100') + 4;
    assert.ok(average - REPORT.indexOf('## So sánh') > 3100);
    assert.equal(alike(average, typed(REPORT.indexOf('## So sánh') + 3)), true);
    const cell = REPORT.indexOf('0,8000');
    assert.equal(alike(cell, REPORT.replace('| Đà Nẵng |', '| Đà Nẵnx |')), false);
  });

  it('sameForHistory sees a heading renamed above a shared figure', () => {
    const a = parseReport(REPORT, URI);
    const renamed = REPORT.replace('## Kết quả của Huế', '## Kết quả của Huế'.replace('Huế', 'Vui'));
    const b = parseReport(renamed, URI);
    assert.equal(sameForHistory(analyze(a, catalog), analyze(b, catalog)), false);
    const c = parseReport(`${REPORT}\nThêm một câu.\n`, URI);
    assert.equal(sameForHistory(analyze(a, catalog), analyze(c, catalog)), true);
  });
});
