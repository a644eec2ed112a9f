/**
 * One index named once over a list of provinces, each with its own figure (docs/reading.md §16;
 * parse/subject-list.ts, markup/subject-list.ts; test/fixtures/markup/list-round12.yaml): what
 * `markup` marks in each mode, read back as the checker reads the marked text — each reference's
 * bound figure and its further figures, each with the province the history keys it by — and, on the
 * checker's side, that a list's figures enter the history per province: a later report's other
 * figure for one of its provinces is a conflict, the same figure for another province is not.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { fixturesDir } from '../helpers';
import { conflictsOf, listCaseTests, listFacts, sessionHead, type ListCase } from '../list-facts';

const cases = parseYaml(readFileSync(path.join(fixturesDir, 'markup', 'list-round12.yaml'), 'utf8')) as ListCase[];

describe('markup: one index over a list of provinces (fixtures/markup/list-round12.yaml)', () => {
  listCaseTests(cases, 12, 10);
});

describe('the checker: a list of provinces enters the history per province', () => {
  // DTI 2022 (https://dti.gov.vn/xep-hang-2022): Yên Bái and Thanh Hóa tied 15th; Điện Biên 35,
  // Hòa Bình 42, Sơn La 44. Session 4 restates Hòa Bình wrongly (44, Sơn La's) and Thanh Hóa rightly
  // (15, the same figure as Yên Bái's in session 3).
  const folder = 'file:///list12';
  const head = sessionHead;
  const files: Record<string, string> = {
    [`${folder}/phien-03.report.md`]: `${head(3, '2023-07-20')}\n## Kết quả\n\nThứ hạng [[DTI]] năm 2022 của các tỉnh miền núi như sau: Yên Bái thứ 15, Điện Biên thứ 35, Hòa Bình thứ 42 và Sơn La thứ 44.\n`,
    [`${folder}/phien-04.report.md`]: `${head(4, '2023-08-15')}\n## Kết quả\n\nNăm 2022, [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]] của Hòa Bình đứng thứ 44.\n\nNăm 2022, [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]] của Thanh Hóa đứng thứ 15.\n\nNăm 2022, [[Xếp hạng Chỉ số chuyển đổi số cấp tỉnh]] của Sơn La đứng thứ 44.\n`,
  };

  it('flags a later figure of one listed province that differs, not the same figure of another province', async () => {
    const uri = `${folder}/phien-04.report.md`;
    const lines = files[uri].split('\n');
    const { conflicts, service } = await conflictsOf(files, folder, uri);
    assert.deepEqual(conflicts.map((f) => f.range.start.line), [lines.findIndex((l) => l.includes('của Hòa Bình'))]);
    assert.match(conflicts[0].message, /42/, conflicts[0].message);
    // The list's own report is earlier: nothing to compare with.
    assert.deepEqual(service.check(`${folder}/phien-03.report.md`, files[`${folder}/phien-03.report.md`], 1).filter((f) => f.code === 'figure-conflict'), []);
  });

  it('keys each listed figure by its province', () => {
    const facts = listFacts(files[`${folder}/phien-03.report.md`]);
    assert.deepEqual(facts.map((f) => [f[1], f[3]]), [['thứ 15', 'Yên Bái'], ['thứ 35', 'Điện Biên'], ['thứ 42', 'Hòa Bình'], ['thứ 44', 'Sơn La']]);
  });
});
