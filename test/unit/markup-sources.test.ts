/**
 * Another source's estimate (markup/judge.ts otherSource): an association giving a sentence's
 * figures is another source, unless the entry marked names it as a compiler (a catalog of our own:
 * the default catalog names no association). The markup cases are in fixtures/markup/fit-read9.yaml.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { otherSource } from '../../server/src/core/markup/judge';
import { readFigures } from '../../server/src/core/parse/figures';

const catalog = new Catalog(loadDefaultCatalog());
const revenue = catalog.all().find((i) => i.id === 'ecommerce-revenue')!;
const sentence = 'Hiệp hội Thương mại điện tử Việt Nam (VECOM) ước tính quy mô thương mại điện tử năm 2023 đạt khoảng 25 tỷ USD.';
const figure = readFigures(sentence).find((f) => f.raw.includes('25 tỷ USD'))!;

describe("markup: an association's estimate (judge.ts otherSource)", () => {
  it('is another source for an entry the association does not compile', () => {
    assert.ok(figure);
    assert.ok(otherSource(sentence, catalog, figure, revenue));
    assert.ok(otherSource(`Theo ${sentence.replace(' (VECOM)', ',')}`, catalog, figure, revenue));
  });
  it('keeps the figure when the entry names the association as a compiler, by name or by code', () => {
    const byName = { ...revenue, compilers: [{ name: 'Hiệp hội Thương mại điện tử Việt Nam' }] };
    const byCode = { ...revenue, compilers: [{ name: 'Vietnam E-commerce Association', codes: ['VECOM'] }] };
    assert.equal(otherSource(sentence, catalog, figure, byName), null);
    assert.equal(otherSource(sentence, catalog, figure, byCode), null);
  });
  it('keeps a state body as the source', () => {
    assert.equal(otherSource('Theo Bộ Công Thương, quy mô thương mại điện tử năm 2023 đạt 20,5 tỷ USD.', catalog, figure, revenue), null);
  });
});
