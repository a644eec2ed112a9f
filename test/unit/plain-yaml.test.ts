import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CATALOG_URI, defaultCatalogSource, parseCatalogYaml } from '../../server/src/core/catalog/load';
import { plainYaml } from '../../server/src/core/catalog/plain-yaml';

// The default catalog read by plain-yaml.ts (its plain subset) must be what the yaml package reads:
// the same indicators, origins (ranges), documents and no errors; anything else is left to the package.
const OTHER = 'policy-report:package-read.yaml';

function both(text: string) {
  const plain = parseCatalogYaml(text, DEFAULT_CATALOG_URI);
  const pkg = JSON.parse(JSON.stringify(parseCatalogYaml(text, OTHER)).split(JSON.stringify(OTHER)).join(JSON.stringify(DEFAULT_CATALOG_URI)));
  return { plain, pkg };
}

describe('plain-yaml (the default catalog without the yaml package)', () => {
  it('reads the embedded default catalog as the yaml package does', () => {
    const text = defaultCatalogSource();
    assert.ok(plainYaml(text), 'the default catalog is in the subset');
    const { plain, pkg } = both(text);
    assert.equal(plain.errors.length, 0);
    assert.ok(plain.indicators.length > 200);
    assert.deepEqual(JSON.parse(JSON.stringify(plain)), pkg);
  });

  it('reads the shipped catalog (out/default-catalog.yaml) as the yaml package does', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'default-catalog.yaml'), 'utf8');
    assert.ok(plainYaml(text), 'the shipped catalog is in the subset');
    const { plain, pkg } = both(text);
    assert.deepEqual(JSON.parse(JSON.stringify(plain)), pkg);
  });

  it('gives up on what it does not read, and the package reads it', () => {
    const entry = '  - id: a-b\n    name: Chỉ tiêu A\n    measure: stock\n';
    for (const text of [
      `indicators:\n${entry}    unit: &u doanh nghiệp\n`,
      `indicators:\n${entry}    nameEn: one\n      two\n`,
      `indicators:\n${entry}    measure: flow\n`,
      `indicators:\n${entry}    description: |\n      a\n`,
      `indicators:\n${entry}    aliases: [a,\n      b]\n`,
      `indicators:\n- id: a-b\n  name: Chỉ tiêu A\n  measure: stock\n`,
      `indicators:\n${entry}    range: [0, .inf]\n`,
      `indicators:\n${entry}    nameEn: "a\\x41"\n`,
      `indicators:\n${entry}    nameEn: 'it''s'\n`,
      `indicators:\n${entry}    nameEn: one: two\n`,
    ]) {
      assert.equal(plainYaml(text), null, text);
      const { plain, pkg } = both(text);
      assert.deepEqual(JSON.parse(JSON.stringify(plain)), pkg);
    }
  });

  it('reads values as the core schema does', () => {
    const text = `indicators:\n  - id: a-b\n    name: Chỉ tiêu A   # note\n    nameEn: "x: y"\n    measure: ratio\n    unit: "%"\n    unitClass: percent\n    range: [0, 1e2]\n    cumulative: false\n    aliases: [ a, "b", c d ]\n    description: >-\n      one\n      two\n\n      three\n\n  - id: c-d\n    name: C\n    measure: stock\n    unit: doanh nghiệp\n    unitClass: count\n    range: [-5, 48.5]\n    targets:\n      - { value: 50, comparator: gte, period: "2024", source: Nghị quyết }\n      - value: 1e3\n        period: 2025\n        source: "Kế hoạch"\n`;
    assert.ok(plainYaml(text));
    const { plain, pkg } = both(text);
    assert.equal(plain.errors.length, 0, JSON.stringify(plain.errors));
    assert.equal(plain.indicators.length, 2);
    assert.equal(plain.indicators[0].description, 'one two\nthree');
    assert.deepEqual(JSON.parse(JSON.stringify(plain)), pkg);
  });
});
