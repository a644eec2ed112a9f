/**
 * Three classes of issue 13 round 24 (test/fixtures/carry24-round24.yaml), as the checker reads the
 * text marked by `markup` in each mode; the history reads the same:
 * 1. a rank told on with no scope written after the index's ASEAN rank is the ASEAN rank of its
 *    year, when in that ranking's range, also beside the countries it stands behind (docs/reading.md
 *    §35.1; series.ts, parse/passed-countries.ts regionalTold);
 * 2. a piece after ";" with no period phrase takes the one period an earlier piece of its sentence
 *    wrote after its first figure ("… xếp thứ 25 năm 2020; chính quyền số đứng thứ 24"), up to the
 *    sentence's end (docs/reading.md §35.2; parse/piece-year.ts);
 * 3. "lần lượt xếp thứ 15, 12 và 15 trong các năm 2020, 2021 và 2022": the n-th figure of the list is
 *    of the n-th year (docs/reading.md §35.3; parse/period-series.ts).
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { lentByPieces } from '../../server/src/core/parse/piece-year';
import { readPartOnce } from '../../server/src/core/parse/part-reading';
import { describeClassCases, entryPeriodFacts, itHistoryReadsAsChecker, loadCases, type ClassCase } from '../marked-cases';

type Fact = [string, string, string];
const catalog = new Catalog(loadDefaultCatalog());
const cases = loadCases<ClassCase<Fact>>('carry24-round24.yaml');

describe('rank scope and piece years carried (fixtures/carry24-round24.yaml)', () => {
  describeClassCases(cases, { classes: [1, 2, 3], positives: 3, negatives: 3 }, catalog, (marked) => entryPeriodFacts(marked, catalog), (c, facts) => {
    const later = facts.slice(1);
    if (c.class === 1) {
      // A positive carries the ASEAN rank; a negative carries none.
      const asean = later.filter(([id]) => id.endsWith('-asean-rank'));
      if (c.kind === 'positive') assert.ok(later.length >= 1 && asean.length === later.length && facts[0][0] === later[0][0], JSON.stringify(facts));
      else assert.equal(asean.length, 0, JSON.stringify(facts));
    } else if (c.class === 3) {
      // A positive dates each figure of the list by its own year; a negative pairs none.
      const years = new Set(facts.map(([, , p]) => p));
      if (c.kind === 'positive') assert.ok(facts.length >= 2 && years.size === facts.length, JSON.stringify(facts));
      else assert.equal(years.size, 1, JSON.stringify(facts));
    } else {
      // The later pieces' own entries: of the one year an earlier piece wrote (positive), of the report's period (negative).
      const pieces = later.filter(([id]) => id !== facts[0][0]);
      if (c.kind === 'positive') assert.ok(pieces.length >= 2 && pieces.every(([, , p]) => p === pieces[0][2] && p !== c.period), JSON.stringify(facts));
      else assert.ok(pieces.every(([, , p]) => p === c.period), JSON.stringify(facts));
    }
  });
  itHistoryReadsAsChecker(cases, catalog, 'file:///carry24.report.md');

  it("reads the earlier pieces of the sentence only: none after a full stop, a lead's piece, or a piece writing two years", () => {
    const lent = (before: string) => lentByPieces(before, readPartOnce)?.code ?? null;
    assert.equal(lent('Tỉnh xếp thứ 25 năm 2020; chính quyền số đứng thứ 24; '), '2020');
    assert.equal(lent('Tỉnh xếp thứ 25 năm 2020. '), null);
    assert.equal(lent('Tỉnh xếp thứ 25 năm 2020; năm 2021, tỉnh đứng thứ 9; '), null);
    assert.equal(lent('Tỉnh tăng từ thứ 8 năm 2020 lên thứ 6 năm 2021; '), null);
    assert.equal(lent(`${'Tỉnh xếp thứ 25 năm 2020; '.repeat(200)}`), '2020');
  });
});
