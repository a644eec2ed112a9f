/**
 * Names people really write (issue 14, item 4): a catalog name with a gloss in parentheses, a tail
 * ("của Việt Nam", "trên cả nước"), a prefix ("chỉ số", "điểm", "xếp hạng", "tỷ lệ") the catalog's
 * name has or lacks, any casing. Each resolves as an alias (so non-canonical-name offers the
 * canonical name); the near misses of test/fixtures/catalog/name-variants.yaml stay unknown.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Catalog, loadDefaultCatalog, variantOf, foldKey } from '../../server/src/core/catalog';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { fixturesDir } from '../helpers';

const catalog = new Catalog(loadDefaultCatalog());
const fixture = parseYaml(fs.readFileSync(path.join(fixturesDir, 'catalog', 'name-variants.yaml'), 'utf8')) as {
  resolves: Array<{ name: string; id: string }>;
  unknown: string[];
};

describe('catalog: names as written (variants)', () => {
  it('has a positive and a negative set', () => {
    assert.ok(fixture.resolves.length >= 20 && fixture.unknown.length >= 20);
    for (const { id } of fixture.resolves) assert.ok(catalog.byId(id), `fixture names a missing id ${id}`);
  });

  for (const { name, id } of fixture.resolves) {
    it(`"${name}" → alias of ${id}`, () => {
      const m = catalog.resolve(name);
      assert.equal(m.kind, 'alias', `${name}: got ${m.kind}`);
      if (m.kind !== 'alias') return;
      assert.equal(m.indicator.id, id);
      assert.equal(m.alias, name);
    });
  }

  for (const name of fixture.unknown) {
    it(`"${name}" stays unknown (or, a subject, resolves only by its figure)`, () => {
      const m = catalog.resolve(name);
      // A subject ("kinh tế số": a name without its measure word) is no indicator by itself: the
      // figure the reference binds settles it, else ambiguous-indicator (docs/dialect.md §5.2).
      const subject = m.kind === 'ambiguous' && !!m.subject;
      assert.ok(m.kind === 'unknown' || subject, `${name}: got ${m.kind} ${'indicator' in m ? m.indicator.id : ''}`);
    });
  }

  it('keeps canonical names canonical and a compiler after @ still picks the series', () => {
    assert.equal(catalog.resolve('Tỷ lệ hồ sơ trực tuyến toàn trình').kind, 'canonical');
    const m = catalog.resolve('Tỷ trọng kinh tế số trong GDP của Việt Nam @ TCTK');
    assert.equal('indicator' in m ? m.indicator.id : m.kind, 'digital-economy-gdp-share-gso');
    const both = catalog.resolve('Tỷ trọng kinh tế số trong GDP của Việt Nam');
    assert.equal(both.kind, 'ambiguous');
  });

  it('takes a name apart: gloss, tails, prefix, core', () => {
    const v = variantOf(foldKey('Xếp hạng Chỉ số phát triển Chính phủ điện tử (EGDI) của Việt Nam'));
    // the tail after the gloss is not a trailing gloss: only the tail is stripped there
    assert.equal(v.cls, 'rank');
    const w = variantOf(foldKey('Chỉ số đổi mới sáng tạo toàn cầu (GII)'));
    assert.deepEqual([w.gloss, w.cls, w.core], ['gii', 'index', 'doi moi sang tao toan cau']);
    const t = variantOf(foldKey('Tỷ lệ hồ sơ, kết quả trên cả nước'));
    assert.deepEqual([t.stripped, t.cls, t.core], ['ti le ho so, ket qua', 'share', 'ho so ket qua']);
    assert.equal(variantOf(foldKey('Tỷ lệ')).core, '');
  });

  it('a variant in a report gives the non-canonical-name hint with the canonical name as the fix', async () => {
    const uri = 'file:///ws/a.report.md';
    const text = '# Báo cáo\n\nNăm 2024, [[Tỷ lệ hồ sơ trực tuyến toàn trình trên cả nước]] đạt 42%.\n';
    const service = new LanguageService({ workspace: new InMemoryWorkspace({ [uri]: text }), folders: ['file:///ws'] });
    await service.reloadCatalog();
    const findings = service.check(uri, text, 1);
    const codes = findings.map((f) => f.code);
    assert.ok(!codes.includes('unknown-indicator'), codes.join());
    const hint = findings.find((f) => f.code === 'non-canonical-name');
    assert.ok(hint, codes.join());
    assert.equal(hint.fixes?.[0].edits[0].newText, 'Tỷ lệ hồ sơ trực tuyến toàn trình');
  });
});
