/**
 * False marks on text nobody tuned on (issue #13, round 19, helper neg19; test/fixtures/prose/neg-round19.yaml,
 * docs/dialect.md): each case's facts — each reference's bound figure and its further figures, with
 * the entry and the period — as the checker reads the text (marked by `markup` in each mode when
 * written unmarked). Class 1: an addition ("thêm N") is read nowhere, the level beside it is; class 2:
 * a component's weight is read nowhere, its value is; class 3: "kỳ 2022" dates its figure; class 4:
 * "xếp 46 nước vào bậc 1" is no rank.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { readPeriods } from '../../server/src/core/parse/periods';
import { describeClassCases, entryPeriodFacts, loadCases, type ClassCase } from '../marked-cases';

/** [entry, figure, period]. */
type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('prose/neg-round19.yaml');

const facts = (marked: string): Fact[] => entryPeriodFacts(marked, catalog);

describe('false marks on untuned text (fixtures/prose/neg-round19.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3, 4], positives: 3, negatives: 2 }, catalog, facts, (c, read) => {
    const why = `${c.rule}: ${JSON.stringify(read)}`;
    // 1: no figure read starts with "thêm"; 2: no weight read; 3: the positive's period is the edition's
    // year; 4: no count of places read as a rank.
    if (c.class === 1) assert.ok(!read.some((f) => /^thêm\s/u.test(f[1])), why);
    else if (c.class === 2 || c.class === 4) assert.equal(read.length === 0, c.kind === 'positive', why);
    else assert.equal(read.some((f) => f[2] !== c.period), c.kind === 'positive', why);
  });
});

describe('the period reader: an edition named by its year (parse/period-series.ts editionYears)', () => {
  const codes = (s: string) => readPeriods(s).map((p) => `${p.code}${p.comparison ? ' (so với)' : ''}`);
  it('reads "kỳ 2022", "kỳ đánh giá 2020", "kỳ xếp hạng năm 2021"', () => {
    assert.deepEqual(codes('Ở kỳ 2022, Việt Nam đứng thứ 86.'), ['2022']);
    assert.deepEqual(codes('Kỳ đánh giá 2020 xếp Việt Nam thứ 25.'), ['2020']);
    assert.deepEqual(codes('Trong kỳ xếp hạng năm 2021, Việt Nam thứ 44.'), ['2021']);
  });
  it('keeps a comparison a comparison', () => {
    assert.deepEqual(codes('tăng 15 bậc so với kỳ 2022'), ['2022 (so với)']);
  });
  it('reads no year of "nhiệm kỳ", "thời kỳ", "cùng kỳ", "học kỳ", "định kỳ" nor a span', () => {
    assert.deepEqual(codes('Trong nhiệm kỳ 2021 và các năm sau'), []);
    assert.deepEqual(codes('thời kỳ 2021 đến nay'), []);
    assert.deepEqual(codes('định kỳ 2024 hai lần'), []);
    assert.deepEqual(codes('học kỳ 2023 vừa qua'), []);
    assert.deepEqual(codes('kỳ 2021-2025'), []);
  });
});
