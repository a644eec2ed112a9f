/**
 * Reading real prose across sentences and lists (issue 13, fourth round; docs/dialect.md §6.2, §6.3):
 * the period a paragraph's lead phrase lends the next sentences (parse/carry.ts), respectively-lists,
 * a count right before the name, the period after the last figure of a "và" list (parse/lists.ts).
 * The history's cheap path reads the same periods as the full parse, also when the lead sentence
 * has no reference (it skips such sentences and reads them only when a later one needs the carry).
 */
import * as assert from 'node:assert/strict';
import { parseReport } from '../../server/src/core/parse/document';
import type { ReportDocument } from '../../server/src/core/parse/model';

const report = (body: string, period = '2023') => `---\nsession: 7\ndate: 2023-12-28\nperiod: "${period}"\ntitle: T\n---\n\n${body}\n`;
const parse = (body: string, period?: string, history = false): ReportDocument => parseReport(report(body, period), 'file:///t.report.md', { history });
/** Each reference as "name raw period", from the full parse; the cheap path must read the same. */
function refs(body: string, period?: string): string[] {
  const read = (doc: ReportDocument) => doc.references.map((r) => `${r.name} | ${r.figure?.raw ?? '-'} | ${r.period ?? '-'}`);
  const full = read(parse(body, period));
  assert.deepEqual(read(parse(body, period, true)), full, 'the history path reads what the full parse reads');
  return full;
}

describe('reading prose across sentences and lists', () => {
  describe("a lead period phrase governs the paragraph's next sentences", () => {
    it('lends its period to sentences that state none, across "." and ";"', () => {
      assert.deepEqual(refs('Số liệu đến tháng 9/2023 cho thấy 78,3% hộ gia đình đã dùng cáp quang. Cả nước có 22,3 triệu [[A]]; [[B]] đạt 86,6 triệu thuê bao.'), [
        'A | 22,3 triệu | 2023-09',
        'B | đạt 86,6 triệu thuê bao | 2023-09',
      ]);
    });

    it('ends at a sentence that says "now", and at the paragraph', () => {
      assert.deepEqual(refs('Tính đến ngày 4/9/2023, cả nước có 76.905 [[A]]. Hiện nay [[B]] đạt 5%. [[C]] đạt 6%.\n\n[[D]] đạt 7%.'), [
        'A | 76.905 | 2023-09-04',
        'B | đạt 5% | 2023',
        'C | đạt 6% | 2023',
        'D | đạt 7% | 2023',
      ]);
    });

    it('gives way to the next lead phrase; a phrase of a figure of its own stays that figure\'s', () => {
      assert.deepEqual(refs('Năm 2022, [[A]] đạt 10%. [[B]] đạt 12% cuối năm 2021. [[C]] đạt 13%. Trong 6 tháng đầu năm 2023, [[D]] đạt 14%. [[E]] đạt 15%.'), [
        'A | đạt 10% | 2022',
        'B | đạt 12% | 2021-12-31',
        'C | đạt 13% | 2022',
        'D | đạt 14% | 2023-S1',
        'E | đạt 15% | 2023-S1',
      ]);
    });

    it('is no event date, no comparison base and no target; a sentence without figures may lead', () => {
      assert.deepEqual(refs('Chiều 28/12/2023, Ủy ban họp phiên thứ 7. [[A]] đạt 5%.'), ['A | đạt 5% | 2023']);
      assert.deepEqual(refs('So với năm 2021, tình hình đã khác. [[A]] đạt 5%.'), ['A | đạt 5% | 2023']);
      assert.deepEqual(refs('Mục tiêu năm 2025 là 80%. [[A]] đạt 5%.'), ['A | đạt 5% | 2023']);
      assert.deepEqual(refs('Ngành tăng trưởng mạnh trong 8 tháng đầu năm 2023. [[A]] đạt 5%.'), ['A | đạt 5% | 2023-YTD08']);
    });

    it('a yearless lead takes the document\'s year; a target takes the year of the lead', () => {
      assert.deepEqual(refs('Trong 6 tháng đầu năm, doanh thu tăng 8%. [[A]] đạt 5%.', '2024'), ['A | đạt 5% | 2024-S1']);
      const doc = parse('Số liệu đến tháng 9/2023 như sau. [[A]] đạt 78,3%, mục tiêu là 84%.');
      assert.deepEqual(doc.figures.map((f) => [f.raw, f.role, f.period]), [['đạt 78,3%', 'level', '2023-09'], ['84%', 'target', '2023']]);
    });
  });

  describe('lists', () => {
    it('respectively: the n-th name takes the n-th figure after "lần lượt"', () => {
      assert.deepEqual(refs('[[A]] và [[B]] của Việt Nam lần lượt xếp thứ 18 và thứ 13 thế giới.'), ['A | xếp thứ 18 | 2023', 'B | thứ 13 thế giới | 2023']);
      assert.deepEqual(refs('Báo cáo cho biết [[A]], [[B]] và [[C]] đạt lần lượt 45%, 52% và 60%.'), ['A | đạt lần lượt 45% | 2023', 'B | 52% | 2023', 'C | 60% | 2023']);
    });

    it('respectively: a list of relative changes ("tăng lần lượt 5% và 7%") is a list of changes', () => {
      assert.deepEqual(refs('[[A]] và [[B]] năm 2022 tăng lần lượt 5% và 7%.'), ['A | tăng lần lượt 5% | 2022', 'B | 7% | 2022']);
      assert.deepEqual(parse('[[A]] giảm 3,1%, 2,5% và 1,2%.').figures.map((f) => [f.raw, f.role, f.change?.direction]), [
        ['giảm 3,1%', 'change', 'down'],
        ['2,5%', 'change', 'down'],
        ['1,2%', 'change', 'down'],
      ]);
      // A percentage with a noun after it is no continuation of the change.
      assert.deepEqual(parse('Doanh thu tăng 5%, 80% [[A]] đã dùng.').figures.map((f) => [f.raw, f.role]), [['tăng 5%', 'change'], ['80%', 'level']]);
    });

    it('respectively: "tăng tương ứng 56,52% và 111,62%" is a list of changes, no level of a later clause for an earlier name', () => {
      assert.deepEqual(parse('[[A]] tăng 97,65% về số lượng và 86,68% về giá trị, còn thanh toán qua mã QR tăng tương ứng 56,52% và 111,62%.').figures.map((f) => [f.raw, f.role]), [
        ['tăng 97,65%', 'change'],
        ['86,68%', 'change'],
        ['tăng tương ứng 56,52%', 'change'],
        ['111,62%', 'change'],
      ]);
      assert.deepEqual(refs('[[A]] tăng 97,65%, còn thanh toán qua mã QR giảm tương ứng 5% và 7%.'), ['A | tăng 97,65% | 2023']);
    });

    it('respectively: lists of different lengths fall back to the clause rule', () => {
      assert.deepEqual(refs('[[A]] và [[B]] lần lượt là 45%, 52% và 60%.'), ['A | 45% | 2023', 'B | 45% | 2023']);
    });

    it('an ordinal listed after a rank is a rank; a name after a list of ranks is about the first', () => {
      const doc = parse('Hai thành phố đứng thứ 6 và thứ 7 về [[A]].');
      assert.deepEqual(doc.figures.map((f) => [f.raw, f.role]), [['đứng thứ 6', 'rank'], ['thứ 7', 'rank']]);
      assert.equal(doc.references[0].figure?.raw, 'đứng thứ 6');
      assert.deepEqual(refs('Hà Nội đứng thứ 2 về [[A]] và thứ 5 về [[B]].'), ['A | đứng thứ 2 | 2023', 'B | thứ 5 | 2023']);
      // A scope after the first rank and a long name between (masked by as many spaces): the second
      // ordinal is still listed (Ookla's Speedtest Global Index, 12/2023: mobile 50th, fixed 44th).
      assert.deepEqual(refs('Việt Nam đứng thứ 50 thế giới về [[Xếp hạng tốc độ băng rộng di động của Việt Nam]] và thứ 44 về [[B]].'), ['Xếp hạng tốc độ băng rộng di động của Việt Nam | đứng thứ 50 thế giới | 2023', 'B | thứ 44 | 2023']);
      // A chain of three: each ordinal after the first is listed (a province's three DTI pillars).
      assert.deepEqual(refs('Tỉnh xếp thứ 12 về [[A]], thứ 13 về [[B]] và thứ 14 về [[C]].'), ['A | xếp thứ 12 | 2023', 'B | thứ 13 | 2023', 'C | thứ 14 | 2023']);
      // Ordinals after no rank stay no figure, however many ("thứ 2, thứ 3 và thứ 4 của tuần").
      assert.equal(parse('Họp vào thứ 2, thứ 3 và thứ 4 về [[A]].').figures.length, 0);
      // "Phiên họp thứ 2 và thứ 3": ordinals after no rank stay no figure.
      assert.equal(parse('Phiên họp thứ 2 và thứ 3 bàn về [[A]].').figures.length, 0);
    });

    it('a count with no noun right before the name is its figure, not a count of something else after it', () => {
      assert.deepEqual(refs('63/63 tỉnh, thành phố đã lập 76.905 [[A]] với 356.914 thành viên.'), ['A | 76.905 | 2023']);
      assert.deepEqual(refs('Cả nước có 22,3 triệu [[A]], tương ứng 22,4 thuê bao/100 dân.'), ['A | 22,3 triệu | 2023']);
      // A figure with a noun of its own before the name is not its count: the level after binds.
      assert.deepEqual(refs('Có 5 tỉnh [[A]] đạt 42%.'), ['A | đạt 42% | 2023']);
    });

    it('a period phrase after the last figure of a "và" list dates the figures before it', () => {
      const doc = parse('Kiến trúc đã được cập nhật tại 59/63 tỉnh, thành phố và 19/22 bộ, ngành đến ngày 23/3/2022.');
      assert.deepEqual(doc.figures.map((f) => [f.raw, f.period]), [['59/63 tỉnh, thành phố', '2022-03-23'], ['19/22 bộ, ngành', '2022-03-23']]);
      // Not across kinds: a percentage and a count.
      const mixed = parse('Tỷ lệ đạt 45% và có 19/22 bộ, ngành năm 2022.');
      assert.deepEqual(mixed.figures.map((f) => [f.raw, f.period]), [['đạt 45%', '2023'], ['19/22 bộ, ngành', '2022']]);
    });
  });
});
