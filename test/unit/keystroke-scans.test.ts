/**
 * What a keystroke no longer works out again: an index's own measures, kept per catalog and entry
 * (catalog/family.ts ownMeasures), and the abbreviations a report defines before a bracket, found
 * from the brackets instead of a look-behind tried at every character
 * (markup/defined-abbreviations.ts beforeBracket): each the same as before.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { Catalog } from '../../server/src/core/catalog/catalog';
import { ownMeasures } from '../../server/src/core/catalog/family';
import { loadDefaultCatalog } from '../../server/src/core/catalog/load';
import { beforeBracket, BEFORE_BRACKET } from '../../server/src/core/markup/defined-abbreviations';

const ids = (l: readonly { id: string }[]) => l.map((e) => e.id).sort();

describe('a keystroke\'s scans and catalog answers kept', () => {
  it('ownMeasures is each catalog\'s own: an entry renamed in a new catalog leaves the index\'s own measures', () => {
    const entries = loadDefaultCatalog();
    const a = new Catalog(entries);
    const b = new Catalog(entries.map((e) => (e.id === 'dti-province-score' ? { ...e, name: 'Điểm thưởng sáng kiến cấp tỉnh', aliases: [] } : e)));
    assert.deepEqual(ids(ownMeasures(a, a.byId('dti-province-rank')!)), ['dti-province-rank', 'dti-province-score']);
    assert.deepEqual(ids(ownMeasures(b, b.byId('dti-province-rank')!)), ['dti-province-rank']);
    // Asked again (kept): the same answers, each catalog its own.
    assert.deepEqual(ids(ownMeasures(a, a.byId('dti-province-rank')!)), ['dti-province-rank', 'dti-province-score']);
    assert.equal(ownMeasures(b, b.byId('dti-province-rank')!), ownMeasures(b, b.byId('dti-province-rank')!));
  });

  it('beforeBracket finds what matchAll(BEFORE_BRACKET) finds', () => {
    const same = (text: string) => {
      const want = [...text.matchAll(BEFORE_BRACKET)].map((m) => [m.index, m[0], m[1], m[2]]);
      assert.deepEqual([...beforeBracket(text)].map((m) => [m.index, m[0], m[1], m[2]]), want, JSON.stringify(text));
      return want.length;
    };
    assert.equal(same('Chỉ số CPĐT (chính phủ điện tử), EGDI (Chỉ số phát triển chính phủ điện tử); xABC (không) ABCDEFGHIJ (dài) AB   (x) (AB (CD (ef)))'), 2);
    assert.equal(same(`AB (${'x'.repeat(90)}) CD (ab) EF (  ) GH (abc) (IJ (klm) Đ1\n(abc) KL\u00a0(mnop)`), 4);
    let found = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('A', 'B', 'Đ', '1', 'a', 'ế', ' ', '\u00a0', '\n', '(', ')', 'x', 'CD', 'EF'), { minLength: 8, maxLength: 60 }), (parts) => {
        found += same(parts.join(''));
      }),
      { numRuns: 20000, seed: 20261206 },
    );
    assert.ok(found > 30, `only ${found} matches in the random texts`);
  });
});
