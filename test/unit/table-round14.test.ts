/**
 * Tables of round 14 (issue #13): a table of ministries, pillar rows, a unit written only in the
 * header, a caption naming the index over a header naming the measure
 * (test/fixtures/markup/table-round14.yaml): what `markup` marks in each mode, read back as the
 * checker reads it, and the history's cheap reading of the same text.
 */
import * as assert from 'node:assert/strict';
import { detectMentions } from '../../server/src/core/markup';
import { checkTableCase, conflictsIn, describeCases, indexedWorkspace, loadCases } from './marked-facts';

const { cases, catalog } = loadCases('table-round14.yaml');

describeCases('markup and the checker: round-14 tables (fixtures/markup/table-round14.yaml)', cases, { positive: 12, negative: 8 }, (c, mode) => {
  const { source } = checkTableCase(c, mode, catalog);
  // What wrap cannot mark it lists, with the reason (`listed`: the reason in wrap mode).
  const listed = detectMentions(source, catalog, { mode }).ambiguous.map((a) => `${a.reason}: ${a.text}`);
  if (mode === 'wrap' && c.listed) assert.ok(listed.includes(c.listed), listed.join('\n'));
});

describe('the checker: round-14 tables against the history', () => {
  const head = (session: number, date: string, period: string) => `---\nsession: ${session}\ndate: ${date}\nperiod: "${period}"\ntitle: Phiên họp thứ ${session}\n---\n`;
  const folder = 'file:///table14';
  // Session 3 says it in prose: B2C e-commerce revenue 16,4 tỷ USD in 2022 (smoney.vn, see the
  // fixture's sources); the ministerial DTI 2021: Bộ Tài chính 1st, Bộ KH&ĐT 2nd (kinhtedothi.vn).
  const prose = `${head(3, '2023-07-20', '2023-S1')}\n## Kết quả\n\nNăm 2022, [[Doanh thu thương mại điện tử bán lẻ]] đạt 16,4 tỷ USD.\n\n| Bộ, ngành | [[Xếp hạng Chỉ số chuyển đổi số cấp bộ]] năm 2021 |\n|---|---|\n| Bộ Tài chính | 1 |\n| Bộ Kế hoạch và Đầu tư | 2 |\n`;
  // Session 4: the header's unit over the column, and the row's unit over year columns (a row the writer marked).
  const table = (revenue: string, finance: string, planning: string, inRow = revenue) =>
    `${head(4, '2024-01-20', '2023-S2')}\n## Kết quả\n\n| Năm | [[Doanh thu thương mại điện tử bán lẻ]] (tỷ USD) |\n|---|---|\n| 2022 | ${revenue} |\n\n| Bộ, ngành | [[Xếp hạng Chỉ số chuyển đổi số cấp bộ]] năm 2021 |\n|---|---|\n| Bộ Kế hoạch và Đầu tư | ${planning} |\n| Bộ Tài chính | ${finance} |\n\n| Chỉ tiêu | 2022 |\n|---|---|\n| [[Doanh thu thương mại điện tử bán lẻ]] (tỷ USD) | ${inRow} |\n`;

  it('draws nothing on tables that restate the history, in the header\'s unit and per ministry', async () => {
    const files = { [`${folder}/phien-03.report.md`]: prose, [`${folder}/phien-04.report.md`]: table('16,4', '1', '2') };
    const service = await indexedWorkspace(files, folder);
    const uri = `${folder}/phien-04.report.md`;
    const found = service.check(uri, files[uri], 1).filter((f) => f.severity !== 'information' && f.severity !== 'hint');
    assert.deepEqual(found.map((f) => `${f.code}: ${f.message}`), []);
  });

  it('finds the cell that disagrees: a bare number in the header\'s unit, a ministry\'s rank', async () => {
    const files = { [`${folder}/phien-03.report.md`]: prose, [`${folder}/phien-04.report.md`]: table('16,9', '3', '2', '16,9') };
    const uri = `${folder}/phien-04.report.md`;
    const lines = files[uri].split('\n');
    const conflicts = await conflictsIn(files, folder, uri);
    assert.deepEqual(conflicts.map((f) => f.line).sort((a, b) => a - b), [lines.findIndex((l) => l.startsWith('| 2022')), lines.findIndex((l) => l.startsWith('| Bộ Tài chính')), lines.findIndex((l) => l.startsWith('| [[Doanh thu'))]);
    assert.ok(conflicts.some((f) => /16,4/.test(f.message)), conflicts.map((f) => f.message).join('\n'));
    assert.ok(conflicts.some((f) => /Bộ Tài chính/.test(f.message)), conflicts.map((f) => f.message).join('\n'));
  });

  // Pillars of Trà Vinh in 2022 (travinh.gov.vn, see the fixture's sources), session 3's table;
  // session 4 restates them, the economy's rank wrongly (28 for 27).
  const pillars = (session: number, date: string, economyRank: string) =>
    `${head(session, date, '2023-S2')}\n## Kết quả\n\nBảng 3. Kết quả chuyển đổi số năm 2022 của tỉnh Trà Vinh\n\n| Trụ cột | Điểm | Xếp hạng |\n|---|---|---|\n| [[Điểm trụ cột chính quyền số cấp tỉnh]] | 0,6683 | 29 |\n| [[Điểm trụ cột kinh tế số cấp tỉnh]] | 0,6647 | ${economyRank} |\n`;

  it('keys a pillar table by the caption\'s province and year: nothing when it agrees, the rank that disagrees is found', async () => {
    const uri = `${folder}/phien-04.report.md`;
    const same = { [`${folder}/phien-03.report.md`]: pillars(3, '2023-07-20', '27'), [uri]: pillars(4, '2024-01-20', '27') };
    const service = await indexedWorkspace(same, folder);
    assert.deepEqual(service.check(uri, same[uri], 1).filter((f) => f.severity !== 'information' && f.severity !== 'hint').map((f) => `${f.code}: ${f.message}`), []);
    const differ = { ...same, [uri]: pillars(4, '2024-01-20', '28') };
    const lines = differ[uri].split('\n');
    const conflicts = await conflictsIn(differ, folder, uri);
    assert.deepEqual(conflicts.map((f) => f.line), [lines.findIndex((l) => l.includes('kinh tế số'))]);
    assert.match(conflicts[0].message, /Trà Vinh/, conflicts[0].message);
  });
});
