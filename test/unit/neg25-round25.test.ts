/**
 * Precision by class, round 25 (issue 13, helper neg25; test/fixtures/neg25-round25.yaml, docs/reading.md
 * §38): the false marks of the seen trap set press-unmarked-neg25, each a class, as the checker reads
 * the text marked by `markup` in each mode; the history reads the same.
 * 1. withdrawn-figure (markup/withdrawn.ts): "bản tin kỳ trước ghi … là 10%", a correction's quoted figure;
 * 2. dateline-edition (markup/dateline.ts): "Ngày 17/9, … đạt 0,7709", an index dated by an event's day;
 * 3. per-100-member (catalog/count-members.ts perSibling; recall): "Thuê bao … đạt 94 thuê bao/100 dân".
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions } from '../../server/src/core/markup';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('neg25-round25.yaml');

describe('precision and recall by class, round 25 (fixtures/neg25-round25.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 2 }, catalog, (marked) => entryPeriodFacts(marked, catalog), () => undefined);
  itHistoryReadsAsChecker(cases, catalog, 'file:///neg25-round25.report.md');

  it('lists the refused figures with their reason, never silently', () => {
    const reasons = (t: string) => detectMentions(`---\nperiod: 2024\n---\n\n${t}\n`, catalog, { mode: 'wrap' }).ambiguous.map((a) => a.reason);
    assert.ok(reasons('Đính chính: bản tin kỳ trước ghi tỷ trọng thương mại điện tử trong tổng mức bán lẻ năm 2022 là 10%.').includes('figure-role'));
    assert.ok(reasons('Ngày 17/9, Liên Hợp Quốc công bố Điểm Chỉ số phát triển Chính phủ điện tử của Việt Nam đạt 0,7709.').includes('figure-role'));
  });

  it('draws no percent-out-of-range from the share of a plan reached, still from a share above 100% (class plan-share)', async () => {
    const codes = async (body: string) => {
      const uri = 'file:///w/plan-share.report.md';
      const text = `---\nperiod: 2024\n---\n\n# Kết quả\n\n${body}\n`;
      const service = new LanguageService({ workspace: new InMemoryWorkspace({ [uri]: text }), folders: ['file:///w'], lang: 'en' });
      await service.reloadCatalog();
      return service.check(uri, text, 1).map((f) => String(f.code));
    };
    // https://vneconomy.vn/doanh-nghiep-vien-thong-dat-muc-tieu-vuon-minh-trong-nam-2025.htm
    assert.ok(!(await codes('Lợi nhuận trước thuế của công ty mẹ đạt 4.565 tỷ đồng (103,3% kế hoạch, tăng 3%).')).includes('percent-out-of-range'));
    assert.ok(!(await codes('Thu nhập bình quân đạt 32,5 triệu đồng/người/tháng (105,8% chỉ tiêu năm).')).includes('percent-out-of-range'));
    assert.ok((await codes('Tỷ lệ người sử dụng Internet đạt 103,3%.')).includes('percent-out-of-range'));
  });
});
