/**
 * A history entry's form (history.ts entriesOf): every field made in one object literal, in the
 * order the entries always had (subject, local and origin after the figure's fields), so that an
 * entry keeps its fields in the object itself (a field added afterwards took a separate property
 * array: 30 bytes more for each of the 85 000 entries of 200 sessions; docs/performance.md 3.5).
 */
import * as assert from 'node:assert/strict';
import { entriesOf } from '../../server/src/core/history/history';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';

const report = `---\nsession: 10\ndate: 2025-02-20\nperiod: "2024"\ntitle: Phiên họp thứ 10\n---\n\n## Kết quả đạt được\n\n[[Tỷ lệ hồ sơ trực tuyến toàn trình]] năm 2024 đạt 39,5%.\n`;

describe('a history entry', () => {
  it('has the fields of the figure, then its origin, in that order', async () => {
    const uri = 'file:///ws/phien-10.report.md';
    const service = new LanguageService({ workspace: new InMemoryWorkspace({ [uri]: report }), folders: ['file:///ws'], lang: 'en' });
    await service.reloadCatalog();
    const [entry, ...rest] = entriesOf(service.analysis(uri, report, 1));
    assert.equal(rest.length, 0);
    assert.deepEqual(Object.keys(entry), ['indicatorId', 'period', 'raw', 'value', 'interval', 'unit', 'kind', 'decimals', 'qualifier', 'denominator', 'growth', 'origin']);
    assert.deepEqual(Object.keys(entry.origin), ['kind', 'uri', 'range', 'session', 'date']);
    assert.equal(entry.raw, 'đạt 39,5%');
    assert.deepEqual(entry.interval, [39.45, 39.55]);
    assert.deepEqual([entry.origin.kind, entry.origin.uri, entry.origin.session, entry.origin.date, entry.origin.range.start.line], ['report', uri, 10, '2025-02-20', 9]);
  });
});
