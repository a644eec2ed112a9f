/**
 * A name's further figures at the boundary the user sees (parse/further.ts, series.ts
 * furtherSeries; docs/reading.md §6.5): the rank beside a score enters the history as the rank's
 * series, so a later session that restates it is checked against it; hover shows it with its
 * series; one that fits no series enters nothing. The reading itself is fixture-driven
 * (test/fixtures/prose/further.yaml, prose.test.ts).
 */
import * as assert from 'node:assert/strict';
import { entriesOf } from '../../server/src/core/history/history';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';

const report = (session: number, date: string, body: string): string =>
  `---\nsession: ${session}\ndate: ${date}\nperiod: "2024"\ntitle: Phiên họp thứ ${session}\n---\n\n## Kết quả đạt được\n\n${body}\n`;

// Facts: UN E-Government Survey 2024 as the Vietnamese press reported it (rank 71/193, EGDI 0,7709):
// https://doisongphapluat.nguoiduatin.vn/viet-nam-xep-thu-71-193-quoc-gia-va-vung-lanh-thu-ve-chinh-phu-dien-tu-a466098.html
const EARLIER = report(10, '2025-02-20', 'Việt Nam xếp thứ 71/193 về [[Chỉ số phát triển Chính phủ điện tử]] năm 2024 với 0,7709 điểm.');

async function workspace(later: string): Promise<{ service: LanguageService; uri: string }> {
  const folder = 'file:///ws';
  const files = { [`${folder}/phien-10.report.md`]: EARLIER, [`${folder}/phien-11.report.md`]: later };
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en' });
  await service.reloadCatalog();
  await service.indexWorkspace();
  return { service, uri: `${folder}/phien-11.report.md` };
}

describe('a name\'s further figures (the rank beside a score)', () => {
  it('enter the history with their own series and period', async () => {
    const { service } = await workspace(report(11, '2025-06-20', 'Không có số liệu.'));
    const entries = entriesOf(service.analysis('file:///ws/phien-10.report.md', EARLIER, 1)).map((e) => `${e.indicatorId} ${e.period} ${e.raw}`);
    assert.deepEqual(entries, ['egdi-rank 2024 xếp thứ 71/193', 'egdi-score 2024 0,7709 điểm']);
  });

  it('a later session restating the score is checked against the further figure', async () => {
    const same = report(11, '2025-06-20', '[[Điểm Chỉ số phát triển Chính phủ điện tử]] năm 2024 là 0,7709.');
    let { service, uri } = await workspace(same);
    assert.deepEqual(service.check(uri, same, 1).filter((f) => f.code === 'figure-conflict'), []);
    const other = report(11, '2025-06-20', '[[Điểm Chỉ số phát triển Chính phủ điện tử]] năm 2024 là 0,8100.');
    ({ service, uri } = await workspace(other));
    const conflicts = service.check(uri, other, 1).filter((f) => f.code === 'figure-conflict');
    assert.equal(conflicts.length, 1);
    assert.match(conflicts[0].message, /0,7709 điểm/);
  });

  it('hover shows a further figure with the series it states', async () => {
    const { service } = await workspace(report(11, '2025-06-20', 'Không có số liệu.'));
    const line = EARLIER.split('\n').findIndex((l) => l.startsWith('Việt Nam xếp thứ'));
    const h = service.hover('file:///ws/phien-10.report.md', EARLIER, { line, character: 35 }, 1)!.markdown;
    assert.match(h, /Also: `0,7709 điểm` \(period 2024\) → Điểm Chỉ số phát triển Chính phủ điện tử/);
  });

  it('one that fits no series of the name enters no history', async () => {
    // https://lite.baomoi.com/ty-le-ho-so-dich-vu-cong-truc-tuyen-toan-trinh-cua-ca-nuoc-dat-39-5-c52808781.epi (the rate; the rank is written here)
    const text = report(11, '2025-06-20', '[[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 39,5%, xếp thứ 3 trong khu vực.');
    const { service, uri } = await workspace(text);
    const analysis = service.analysis(uri, text, 1);
    assert.deepEqual(analysis.refs[0].also?.map((a) => [a.figure.raw, a.indicator]), [['xếp thứ 3', null]]);
    assert.deepEqual(entriesOf(analysis).map((e) => e.raw), ['đạt 39,5%']);
  });
});
