/**
 * The new default indicators at work: press-style reports of sessions 7 and 10 name them as the
 * press does, nothing is unknown, their figures enter the history and a later draft that
 * contradicts them is caught by the rules across sessions.
 */
import * as assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';

const folder = 'file:///ws';

const SESSION7 = `---
session: 7
date: 2023-12-28
period: 2023
title: Phiên họp thứ 7 của Ủy ban Quốc gia về chuyển đổi số
---

# Phiên họp thứ 7

## Kết quả đạt được

Năm 2023, [[Chỉ số đổi mới sáng tạo toàn cầu]] của Việt Nam xếp thứ 46/132.

[[Cấp độ 2IPD]] năm 2023 đạt 6 trên thang 10.

Năm 2023, [[tăng trưởng du lịch số]] đạt 82%, [[tăng trưởng thương mại điện tử]] đạt 11%.
`;

const SESSION10 = `---
session: 10
date: 2025-02-06
period: 2024
title: Phiên họp thứ 10 của Ủy ban Quốc gia về chuyển đổi số
---

# Phiên họp thứ 10

## Kết quả đạt được

Năm 2023, [[kim ngạch xuất khẩu sản phẩm công nghệ số]] đạt 117,3 tỷ USD.

Năm 2024, [[Số tài khoản định danh điện tử đã kích hoạt]] đạt trên 60 triệu tài khoản.

Năm 2024, [[xếp hạng Chính phủ điện tử trong ASEAN]] của Việt Nam xếp thứ 5/11.

Năm 2023, [[Doanh thu phần mềm và dịch vụ công nghệ thông tin]] đạt 13 tỷ USD.

Năm 2024, [[Số thẻ căn cước gắn chíp đã cấp]] đạt hơn 80 triệu thẻ.
`;

const DRAFT = `---
session: 11
date: 2025-06-30
period: 2025-S1
title: Dự thảo báo cáo phiên họp tiếp theo
---

# Dự thảo

## Kết quả đạt được

Đến tháng 6/2025, [[Số tài khoản định danh điện tử đã kích hoạt]] đạt 55 triệu tài khoản.

Nhắc lại năm 2023, [[kim ngạch xuất khẩu sản phẩm công nghệ số]] đạt 150 tỷ USD.

Năm 2025, [[tỷ lệ dân số được phủ sóng 5G]] đạt 26%; [[số trạm phát sóng 5G]] đạt 11.591 trạm.
`;

/**
 * Findings about names, figures and series. The structure rules (sections) are not at issue here,
 * and the press writes aliases, which earn the non-canonical-name hint and nothing else.
 */
const STRUCTURE = new Set(['missing-section', 'section-order', 'non-canonical-name']);

async function service(): Promise<LanguageService> {
  const files = {
    [`${folder}/phien-07.report.md`]: SESSION7,
    [`${folder}/phien-10.report.md`]: SESSION10,
    [`${folder}/du-thao.report.md`]: DRAFT,
  };
  const s = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en' });
  await s.reloadCatalog();
  await s.indexWorkspace();
  return s;
}

describe('catalog breadth: press-style session reports', () => {
  it('names no unknown indicator and binds every figure', async () => {
    const s = await service();
    for (const [file, text] of [['phien-07', SESSION7], ['phien-10', SESSION10]] as const) {
      const findings = s.check(`${folder}/${file}.report.md`, text, 1).filter((f) => !STRUCTURE.has(String(f.code)));
      assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.code} ${f.message}`), [], file);
    }
    const values = (id: string) => s.history.entries(id).map((e) => [e.period, e.value]);
    assert.deepEqual(values('gii-rank'), [['2023', 46]]);
    assert.deepEqual(values('postal-2ipd-level'), [['2023', 6]]);
    assert.deepEqual(values('digital-tourism-growth'), [['2023', 82]]);
    assert.deepEqual(values('ecommerce-growth'), [['2023', 11]]);
    // The draft's conflicting 150 tỷ USD is in the history as well, from a later session.
    assert.deepEqual(values('digital-products-exports').sort(), [['2023', 117.3e9], ['2023', 150e9]]);
    assert.deepEqual(values('egdi-asean-rank'), [['2024', 5]]);
    assert.deepEqual(values('software-it-services-revenue'), [['2023', 13e9]]);
  });

  it('takes the new indicators into the checks across sessions', async () => {
    const s = await service();
    const findings = s.check(`${folder}/du-thao.report.md`, DRAFT, 1).filter((f) => !STRUCTURE.has(String(f.code)));
    const codes = findings.map((f) => `${f.range.start.line + 1}:${f.code}`).sort();
    assert.deepEqual(codes, ['12:stock-decrease', '14:figure-conflict'], findings.map((f) => `${f.range.start.line + 1}: ${f.code} ${f.message}`).join('\n'));
    const conflict = findings.find((f) => f.code === 'figure-conflict')!;
    assert.match(conflict.related?.[0]?.uri ?? '', /phien-10\.report\.md$/);
  });
});
