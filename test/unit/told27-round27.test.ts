/**
 * A class of issue 13 round 27 (test/fixtures/told27-round27.yaml; docs/reading.md §46), as the checker
 * reads the text marked by `markup` in each mode; the history reads the same: a bare number right after
 * a deictic head and its linking words ("Năm 2021, con số này là 64.000") in the sentence after one
 * naming a count is the count's value of its own period (parse/anaphor.ts toldBare).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { readPartOnce } from '../../server/src/core/parse/part-reading';
import { toldBare } from '../../server/src/core/parse/anaphor';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('told27-round27.yaml');
const bare = (t: string): string[] => {
  const { figs, reading } = readPartOnce(t, false);
  return figs.filter((f, i) => toldBare({ kind: 'number' }, f, reading!.figures[i]?.role ?? '', t)).map((f) => f.raw);
};

describe('a bare number told on after a deictic head (fixtures/told27-round27.yaml)', () => {
  describeClassCases(cases, { classes: [1], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    // A positive case reads the told-on value beside the named count; a negative one the named count alone.
    assert.equal(facts.length, c.kind === 'positive' ? 2 : 1, `${c.rule}: ${JSON.stringify(facts)}`);
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///told27.report.md');

  it('takes a bare level right after the head and its linking words only', () => {
    assert.deepEqual(bare('Năm 2021, con số này là 64.000.'), ['64.000']);
    assert.deepEqual(bare('Đến tháng 6/2022, con số này ước đạt 67.300.'), ['ước đạt 67.300']);
    assert.deepEqual(bare('Năm 2021, con số này là 64.000 doanh nghiệp.'), []);
    assert.deepEqual(bare('Năm 2021, con số này tăng thêm 6.000.'), []);
    assert.deepEqual(bare('Năm 2021, tỷ lệ này là 64.'), []);
    assert.deepEqual(bare('Năm 2021, con số này của Hà Nội là 64.000.'), []);
    assert.deepEqual(bare(`Năm 2021, ${'con số này '.repeat(3000)}là 64.000.`), ['64.000']);
  });
});
