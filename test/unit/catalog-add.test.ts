/**
 * Teams grow the catalog from the draft (issue 14, item 3): the entry drafted from a name, its
 * figure and sentence (catalog/add-entry.ts), the insertion into .policy-report/indicators.yaml
 * (only inserted text: the file's bytes, indentation and line ends kept), and the rule's data.
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog, parseCatalogYaml } from '../../server/src/core/catalog';
import { catalogAddition, compilerInSentence, draftEntry, type EntryDraft } from '../../server/src/core/catalog/add-entry';
import { readFigures } from '../../server/src/core/parse/figures';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';

const catalog = new Catalog(loadDefaultCatalog());

function fig(text: string) {
  const f = readFigures(text)[0];
  assert.ok(f, `no figure in ${text}`);
  return f;
}

function entry(name: string, figure: string, sentence = '') {
  const d = draftEntry({ name, figure: fig(figure), sentence, period: '2024', source: 'du-thao.report.md' }, catalog);
  assert.ok(!('error' in d), JSON.stringify(d));
  return d as EntryDraft;
}

/** Applies an addition and parses the result as the catalog loader does. */
function apply(current: string | undefined, e: EntryDraft) {
  const add = catalogAddition(current, e, '../schemas/indicators.schema.json');
  assert.ok(add, 'no addition');
  const base = current ?? '';
  const text = base.slice(0, add.offset) + add.text + base.slice(add.offset);
  assert.equal(text.slice(0, add.offset), base.slice(0, add.offset), 'bytes before kept');
  assert.equal(text.slice(add.offset + add.text.length), base.slice(add.offset), 'bytes after kept');
  assert.ok(text.startsWith(`- id: ${e.id}`, add.entryOffset), `entryOffset points at "${text.slice(add.entryOffset, add.entryOffset + 20)}"`);
  const parsed = parseCatalogYaml(text, 'file:///ws/.policy-report/indicators.yaml');
  assert.deepEqual(parsed.errors.map((x) => x.message), []);
  return { text, parsed, add };
}

describe('catalog add: the entry drafted from the figure', () => {
  it('infers measure, unit and unit class from the figure', () => {
    const cases: Array<[string, string, Partial<EntryDraft>]> = [
      ['Tỷ lệ xã có điểm phục vụ bưu chính số', '87,5%', { measure: 'ratio', unit: '%', unitClass: 'percent', range: [0, 100] }],
      ['Tăng trưởng doanh thu dịch vụ số', 'tăng trưởng 12%', { measure: 'growth', unit: '%', unitClass: 'percent' }],
      ['Số trạm sạc xe điện', '1.250 trạm', { measure: 'stock', unit: 'trạm', unitClass: 'count' }],
      ['Doanh thu nền tảng số Make in Vietnam', '3,2 tỷ USD', { measure: 'flow', unit: 'USD', unitClass: 'currency' }],
      ['Xếp hạng Chỉ số kinh tế số khu vực ASEAN', 'xếp thứ 5/11', { measure: 'rank', unit: 'hạng', unitClass: 'rank', range: [1, 11], denominators: [{ period: '2024', value: 11 }], scope: 'asean' }],
      ['Xếp hạng Chỉ số kinh tế tri thức', 'xếp thứ 48/132', { measure: 'rank', scope: undefined }],
    ];
    for (const [name, figure, expected] of cases) {
      const e = entry(name, figure);
      for (const [k, v] of Object.entries(expected)) assert.deepEqual(e[k as keyof EntryDraft], v, `${name}: ${k}`);
      assert.equal(e.name, name);
      assert.match(e.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.match(e.description, /du-thao\.report\.md/);
      assert.match(e.descriptionEn, /du-thao\.report\.md/);
      // written and read back by the catalog loader, the same fields
      const back = apply(undefined, e).parsed.indicators[0];
      assert.deepEqual([back.id, back.name, back.measure, back.unit, back.unitClass, back.range], [e.id, e.name, e.measure, e.unit, e.unitClass, e.range]);
    }
    assert.equal(entry('Số trạm sạc xe điện', '1.250 trạm').id, 'so-tram-sac-xe-dien');
  });

  it('takes a rank\'s scope from the sentence when the name does not say it', () => {
    const d = draftEntry({ name: 'Xếp hạng Chỉ số kinh tế tri thức', figure: fig('xếp thứ 48/132'), sentence: 'Việt Nam xếp thứ 48/132 nền kinh tế trên thế giới.' }, catalog) as EntryDraft;
    assert.equal(d.scope, 'world');
    const back = apply(undefined, d).parsed.indicators[0];
    assert.equal(back.scope, 'world');
  });

  it('makes the id unique against the catalog', () => {
    const taken = new Catalog([...loadDefaultCatalog(), { ...loadDefaultCatalog()[0], id: 'so-tram-sac-xe-dien', name: 'Khác' }]);
    const d = draftEntry({ name: 'Số trạm sạc xe điện', figure: fig('5 trạm') }, taken) as EntryDraft;
    assert.equal(d.id, 'so-tram-sac-xe-dien-2');
  });

  it('takes the compiler the sentence names', () => {
    assert.equal(compilerInSentence('Theo Bộ Khoa học và Công nghệ, doanh thu đạt 5 tỷ USD.'), 'Bộ Khoa học và Công nghệ');
    assert.equal(compilerInSentence('Số liệu của Tổng cục Thống kê cho thấy tỷ lệ đạt 5%.'), 'Tổng cục Thống kê');
    assert.equal(compilerInSentence('Cục Thống kê công bố 5%.'), 'Cục Thống kê');
    assert.equal(compilerInSentence('Doanh thu đạt 5 tỷ USD.'), undefined);
    const d = draftEntry({ name: 'Doanh thu X', figure: fig('5 tỷ USD'), sentence: 'Theo Bộ Công Thương, [[Doanh thu X]] đạt 5 tỷ USD.' }, catalog) as EntryDraft;
    assert.equal(d.compiler, 'Bộ Công Thương');
  });

  it('explains what it cannot infer, and takes what it is given', () => {
    const none = draftEntry({ name: 'Hệ thống X' }, catalog);
    assert.ok('error' in none && /--unit/.test(none.error.en));
    const given = draftEntry({ name: 'Hệ thống X', unit: 'hệ thống', compiler: 'Bộ Công an' }, catalog) as EntryDraft;
    assert.deepEqual([given.measure, given.unit, given.unitClass, given.compiler], ['stock', 'hệ thống', 'count', 'Bộ Công an']);
    const bad = draftEntry({ name: 'Hệ thống X', unit: '%', measure: 'speed' as never }, catalog);
    assert.ok('error' in bad);
  });
});

describe('catalog add: the insertion into indicators.yaml', () => {
  const e = entry('Số trạm sạc xe điện', '1.250 trạm');

  it('creates the file with the schema comment and the list', () => {
    const { text, add } = apply(undefined, e);
    assert.equal(add.create, true);
    assert.ok(text.startsWith('# yaml-language-server: $schema=../schemas/indicators.schema.json\nindicators:\n  - id: so-tram-sac-xe-dien\n'));
  });

  it('appends at the end of the list, keeping indentation, blank lines and CRLF', () => {
    const existing = [
      '# Danh mục riêng',
      'indicators:',
      '    - id: a-one',
      '      name: Chỉ tiêu một',
      '      measure: stock',
      '      unit: hồ sơ',
      '      unitClass: count',
      '      description: >-',
      '        Một hai',
      '',
      '    - id: a-two',
      '      name: Chỉ tiêu hai',
      '      measure: ratio',
      '      unit: "%"',
      '      unitClass: percent',
      '      description: Hai',
      '',
      'documents:',
      '  - { id: 1/QĐ, title: Quyết định }',
      '',
    ];
    for (const eol of ['\n', '\r\n']) {
      const current = existing.join(eol);
      const { text, parsed } = apply(current, e);
      assert.deepEqual(parsed.indicators.map((i) => i.id), ['a-one', 'a-two', 'so-tram-sac-xe-dien']);
      assert.ok(text.includes(`${eol}${eol}    - id: so-tram-sac-xe-dien${eol}      name: Số trạm sạc xe điện${eol}`), JSON.stringify(text));
      if (eol === '\r\n') assert.ok(!/[^\r]\n/.test(text), 'only CRLF');
    }
  });

  it('appends to a file without a final line break, to "indicators:" alone, and to a comments-only file', () => {
    assert.deepEqual(apply('indicators:\n  - id: x\n    name: X\n    measure: stock\n    unit: a\n    unitClass: count\n    description: d', e).parsed.indicators.map((i) => i.id), ['x', e.id]);
    assert.deepEqual(apply('# riêng\nindicators:\n', e).parsed.indicators.map((i) => i.id), [e.id]);
    assert.deepEqual(apply('# chỉ có chú thích\n', e).parsed.indicators.map((i) => i.id), [e.id]);
  });

  it('offers nothing for a file it cannot parse or append to by insertion', () => {
    assert.equal(catalogAddition('indicators: [\n  - id: x\n', e), null);
    assert.equal(catalogAddition('indicators: []\n', e), null);
    assert.equal(catalogAddition('- a\n- b\n', e), null);
    assert.equal(catalogAddition('indicators:\n  - id: x\n   bad: : :\n', e), null);
  });
});

describe('unknown-indicator: the entry to add travels with the finding', () => {
  it('is there for a reference bound to a figure, not for a mere mention', () => {
    const uri = 'file:///ws/du-thao.report.md';
    const text = '# Báo cáo\n\nTheo Bộ Công Thương, năm 2024 [[Số trạm sạc xe điện]] đạt 1.250 trạm.\n\nCòn [[Chỉ tiêu chưa có số]] thì chưa có số liệu.\n';
    const s = new LanguageService({ workspace: new InMemoryWorkspace({ [uri]: text }), folders: ['file:///ws'] });
    const unknown = s.check(uri, text, 1).filter((f) => f.code === 'unknown-indicator');
    assert.equal(unknown.length, 2);
    const withFigure = unknown[0].data?.entry as EntryDraft;
    assert.deepEqual([withFigure.id, withFigure.measure, withFigure.unit, withFigure.compiler], ['so-tram-sac-xe-dien', 'stock', 'trạm', 'Bộ Công Thương']);
    assert.equal(unknown[1].data?.entry, undefined);
  });
});
