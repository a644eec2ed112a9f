/**
 * Classes of issue 13 round 28 (test/fixtures/front28-round28.yaml; docs/reading.md §49), as the
 * checker reads the text marked by `markup` in each mode; the history reads the same: a rate written
 * figure first ("85,1% hộ gia đình trên cả nước đang sử dụng Internet cáp quang"), an age bound inside
 * a name ("từ 15 tuổi trở lên"), a bracket closing a figure-first clause.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';
import { readFigures } from '../../server/src/core/parse/figures';
import { tokenize } from '../../server/src/core/markup/name-index';
import { ageBound, frontedRate } from '../../server/src/core/markup/rate-first';
import { describeClassCases, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('front28-round28.yaml');
const facts = (marked: string): Fact[] =>
  analyze(parseReport(marked, 'file:///front28.report.md'), catalog).refs.flatMap(({ ref, indicator }) => (ref.figure && indicator ? [[indicator.id, ref.figure.raw, ref.period ?? '', ref.figure.role ?? '']] : []));
const words = (t: string, iv: Array<[number, number]>): string[] => iv.map(([a, b]) => t.slice(a, b));

describe('a rate written figure first (fixtures/front28-round28.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 2, negatives: 1 }, catalog, facts, (c, read) => {
    // A positive case reads its entry's level in one mode at least; a negative one no level of it.
    if (c.kind === 'negative') assert.ok(read.every((f) => f[3] !== 'level'), `${c.rule}: ${JSON.stringify(read)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///front28.report.md');

  it('frees the nation and the time right after a percentage only, and marks another place', () => {
    const at = (t: string) => frontedRate(t, tokenize(t), readFigures(t));
    const t = 'Năm 2024, 80,2% hộ gia đình trên cả nước đang sử dụng Internet.';
    assert.deepEqual(words(t, at(t).free), ['trên cả nước', 'đang']);
    assert.deepEqual(words(t, at(t).opens.map(([a]) => [a, a + 2])), ['hộ']);
    const o = 'Năm 2014, chỉ 14% người trưởng thành tại đây có tài khoản.';
    assert.deepEqual(words(o, at(o).other), ['tại']);
    assert.deepEqual(at('Năm 2024, 80,2 triệu hộ gia đình trên cả nước đang sử dụng Internet.').opens, []);
    assert.deepEqual(at('Năm 2024, tăng 5% hộ gia đình trên cả nước đang sử dụng Internet.').opens, []);
    assert.deepEqual(at('80%, hộ gia đình trên cả nước').opens, []);
    const long = `80% ${'hộ gia đình trên cả nước '.repeat(2000)}`;
    assert.ok(at(long).free.length <= 8);
  });

  it('reads "từ N tuổi trở lên" as an age bound only with "trở lên" after it', () => {
    const bound = (t: string) => readFigures(t).filter((f) => ageBound(t, f)).map((f) => f.raw);
    assert.equal(bound('tỷ lệ người dân từ 15 tuổi trở lên có tài khoản').length, 1);
    assert.deepEqual(bound('người dân 15 tuổi có tài khoản'), []);
    assert.deepEqual(bound('từ 15 tuổi đến 60 tuổi'), []);
  });
});
