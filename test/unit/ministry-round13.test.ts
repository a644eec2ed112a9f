/**
 * One index named once over a list of ministries and agencies, and the ministry key of the history
 * (ministries.ts, data/ministries.json, catalog/ministerial.ts, history/ministry-subject.ts,
 * parse/subject-list.ts; test/fixtures/markup/ministry-round13.yaml): what `markup` marks in each
 * mode, read back as the checker reads it — each figure with the ministry the history keys it by —
 * and, on the checker's side, that a later wrong figure of one listed ministry is a figure-conflict
 * naming that ministry, while another ministry's or a province's same figure is none.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { FORMER_MINISTRIES, MINISTRIES_2025 } from '../../server/src/core/agencies';
import { ministriesNamed, ministryOf } from '../../server/src/core/ministries';
import { isMinistrySeries } from '../../server/src/core/catalog/ministerial';
import { fixturesDir } from '../helpers';
import { catalog, conflictsOf, listCaseTests, listFacts, sessionHead, type ListCase } from '../list-facts';

const cases = parseYaml(readFileSync(path.join(fixturesDir, 'markup', 'ministry-round13.yaml'), 'utf8')) as ListCase[];

describe('ministries.ts: known names of ministries and agencies only', () => {
  it('knows every ministry of agencies.ts, today and before 2025 (Tổng cục Thống kê is no ministry)', () => {
    for (const name of [...MINISTRIES_2025, ...Object.keys(FORMER_MINISTRIES).filter((n) => n !== 'Tổng cục Thống kê')]) assert.equal(ministryOf(name), name);
  });
  it('reads short forms and the other tone placement as the ministry, and "Bộ" before other words as none', () => {
    const names = (s: string) => ministriesNamed(s).map((m) => m.name);
    assert.deepEqual(names('Bộ TT&TT, NHNN và Bộ Văn hoá, Thể thao và Du lịch'), ['Bộ Thông tin và Truyền thông', 'Ngân hàng Nhà nước Việt Nam', 'Bộ Văn hóa, Thể thao và Du lịch']);
    assert.deepEqual(names('Bộ phận một cửa, Bộ chỉ số DTI, bộ tài chính, Bộ Kế hoạch'), []);
    assert.deepEqual(names('Ủy ban Dân tộc và Uỷ ban Dân tộc'), ['Ủy ban Dân tộc', 'Ủy ban Dân tộc']);
  });
  it('takes the ministerial DTI as a series of ministries, not the provincial one nor a count of ministries', () => {
    const series = (id: string) => isMinistrySeries(catalog.byId(id)!);
    assert.deepEqual(['dti-ministry-rank', 'dti-ministry-score', 'dti-province-rank', 'population-db-connected-ministries'].map(series), [true, true, false, false]);
  });
});

describe('markup: one index over a list of ministries (fixtures/markup/ministry-round13.yaml)', () => {
  listCaseTests(cases, 10, 8);
});

describe('the checker: a list of ministries enters the history per ministry', () => {
  // DTI 2022 of the ministries (https://honquan.binhphuoc.gov.vn/Tin-trong-nuoc/nhung-dia-phuong-bo-nganh-nao-dan-dau-chuyen-doi-so-2287.html):
  // Bộ KH&ĐT 1st, Bộ Tài chính 2nd, Bộ TN&MT 3rd; of the provinces, Đà Nẵng 1st, TP HCM 2nd
  // (https://dti.gov.vn/xep-hang-2022). Session 7 restates Bộ Tài chính wrongly (3rd, Bộ TN&MT's),
  // Bộ TN&MT rightly (3rd), and gives Đà Nẵng its 1st (a province's figure: never compared with a ministry's).
  const folder = 'file:///ministry13';
  const head = sessionHead;
  const files: Record<string, string> = {
    [`${folder}/phien-06.report.md`]: `${head(6, '2023-07-12')}\n## Kết quả\n\n[[Xếp hạng Chỉ số chuyển đổi số cấp bộ]] năm 2022 của khối có dịch vụ công như sau: Bộ KH&ĐT thứ 1, Bộ Tài chính thứ 2 và Bộ TN&MT thứ 3.\n\nTheo Bộ TT&TT, Đà Nẵng và Thành phố Hồ Chí Minh lần lượt đứng thứ 1 và 2 về [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]] năm 2022.\n`,
    [`${folder}/phien-07.report.md`]: `${head(7, '2023-09-20')}\n## Kết quả\n\nNăm 2022, Bộ Tài chính đứng thứ 3 về [[Xếp hạng Chỉ số chuyển đổi số cấp bộ]].\n\nNăm 2022, Bộ Tài nguyên và Môi trường đứng thứ 3 về [[Xếp hạng Chỉ số chuyển đổi số cấp bộ]].\n\nNăm 2022, Đà Nẵng đứng thứ 1 về [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]].\n`,
  };

  it('flags a later figure of one listed ministry that differs, naming the ministry; not another ministry\'s or a province\'s', async () => {
    const uri = `${folder}/phien-07.report.md`;
    const lines = files[uri].split('\n');
    const { conflicts, service } = await conflictsOf(files, folder, uri);
    assert.deepEqual(conflicts.map((f) => f.range.start.line), [lines.findIndex((l) => l.includes('Bộ Tài chính'))]);
    assert.match(conflicts[0].message, /Bộ Tài chính/, conflicts[0].message);
    assert.match(conflicts[0].message, /thứ 2/, conflicts[0].message);
    assert.deepEqual(service.check(`${folder}/phien-06.report.md`, files[`${folder}/phien-06.report.md`], 1).filter((f) => f.code === 'figure-conflict'), []);
    // The hover names the ministry the figure is keyed by, and its own earlier figure only.
    const line = lines.findIndex((l) => l.includes('Bộ Tài nguyên'));
    const h = service.hover(uri, files[uri], { line, character: lines[line].indexOf('[[') + 3 }, 1)!;
    assert.match(h.markdown, /ministry: Bộ Tài nguyên và Môi trường/, h.markdown);
  });

  it('keys each listed figure by its ministry, and the provinces\' by province', () => {
    const facts = listFacts(files[`${folder}/phien-06.report.md`]);
    assert.deepEqual(facts.map((f) => [f[1], f[3]]), [['thứ 1', 'Bộ Kế hoạch và Đầu tư'], ['thứ 2', 'Bộ Tài chính'], ['thứ 3', 'Bộ Tài nguyên và Môi trường'], ['đứng thứ 1', 'Đà Nẵng'], ['2', 'Thành phố Hồ Chí Minh']]);
  });
});
