/**
 * The indicator catalog: the embedded default (content, schema), name resolution (data-driven from
 * the seed articles), suggestions, the YAML loader on broken files, and workspace overrides.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import schema from '../../schemas/indicators.schema.json';
import {
  Catalog,
  DEFAULT_CATALOG_URI,
  defaultCatalogErrors,
  defaultCatalogSource,
  loadDefaultCatalog,
  parseCatalogYaml,
  type CatalogError,
  type Indicator,
  type NameMatch,
} from '../../server/src/core/catalog';
import type { Range } from '../../server/src/core/types';
import { fixturesDir } from '../helpers';

const catalogFixtures = path.join(fixturesDir, 'catalog');
const readFixture = (name: string) => fs.readFileSync(path.join(catalogFixtures, name), 'utf8');

/** The range of the `nth` occurrence of `needle` in `text`, computed independently of the loader. */
function rangeOf(text: string, needle: string, nth = 0): Range {
  let offset = -1;
  for (let i = 0; i <= nth; i++) {
    offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `fixture lacks ${JSON.stringify(needle)} #${nth}`);
  }
  const pos = (o: number) => {
    const before = text.slice(0, o).split(/\r\n|\r|\n/);
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: pos(offset), end: pos(offset + needle.length) };
}

/** Asserts that exactly one error has this range and its message matches. */
function expectError(errors: CatalogError[], range: Range, message: RegExp): void {
  const at = errors.filter((e) => JSON.stringify(e.range) === JSON.stringify(range));
  assert.ok(
    at.some((e) => message.test(`${e.message.en} / ${e.message.vi}`)),
    `no error ${message} at ${JSON.stringify(range)}; got:\n${errors.map((e) => `${JSON.stringify(e.range)} ${e.message.en}`).join('\n')}`,
  );
}

function idOf(m: NameMatch): string | undefined {
  return 'indicator' in m ? m.indicator.id : undefined;
}

/** The entry an alias naming its family stands for when no figure picks another (catalog familyName). */
function familyEntry(m: NameMatch): string | undefined {
  return m.kind === 'ambiguous' ? m.subject?.find((e) => e.named)?.indicator.id : undefined;
}

const defaults = loadDefaultCatalog();
const catalog = new Catalog(defaults);

describe('catalog: the embedded default', () => {
  it('parses without errors, has at least 45 indicators with unique kebab-case ids', () => {
    assert.deepEqual(defaultCatalogErrors(), []);
    assert.ok(defaults.length >= 45, `only ${defaults.length} indicators`);
    const ids = defaults.map((i) => i.id);
    assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
    for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
    assert.equal(catalog.size, defaults.length);
    assert.equal(loadDefaultCatalog(), defaults, 'parsed once and cached');
  });

  it('validates against schemas/indicators.schema.json', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
    const validate = ajv.compile(schema);
    const data = parseYaml(defaultCatalogSource());
    assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
    // The schema rejects what the loader rejects.
    assert.equal(validate({ indicators: [{ id: 'Bad_Id', name: 'x', measure: 'stock', unit: 'x', unitClass: 'count' }] }), false);
    assert.equal(validate({ indicators: [{ id: 'ok', name: 'x', measure: 'velocity', unit: 'x', unitClass: 'count' }] }), false);
    assert.equal(validate({ indicators: [{ id: 'ok', name: 'x', measure: 'stock', unit: 'x', unitClass: 'count', colour: 1 }] }), false);
    assert.equal(validate({ indicators: [{ id: 'ok', name: 'x', measure: 'stock', unit: 'x', unitClass: 'count' }] }), true);
  });

  it('documents every entry: names in both languages, a range, denominators for fractions and ranks', () => {
    for (const ind of defaults) {
      assert.ok(ind.description.length > 20, `${ind.id}: description`);
      assert.ok(ind.descriptionEn && ind.nameEn, `${ind.id}: English name and description`);
      assert.equal(ind.name, ind.name.normalize('NFC'));
      assert.ok(ind.range, `${ind.id}: range`);
      if (ind.measure === 'fraction' || ind.measure === 'rank') assert.ok(ind.denominatorOf, `${ind.id}: denominatorOf`);
      if (ind.unitClass === 'percent' && ind.measure !== 'growth') assert.deepEqual(ind.range, [0, 100], ind.id);
      if (ind.measure === 'stock') assert.equal(typeof ind.cumulative, 'boolean', `${ind.id}: cumulative`);
      assert.equal(ind.origin?.uri, DEFAULT_CATALOG_URI);
    }
  });

  it('records where each entry is defined', () => {
    const ind = catalog.byId('digital-economy-gdp-share-gso')!;
    const src = defaultCatalogSource();
    assert.deepEqual(ind.origin?.range?.start, rangeOf(src, 'id: digital-economy-gdp-share-gso').start);
  });

  it('keeps the two GDP-share series apart: same name and family, different compilers', () => {
    const mic = catalog.byId('digital-economy-gdp-share-mic')!;
    const gso = catalog.byId('digital-economy-gdp-share-gso')!;
    assert.equal(mic.name, 'Tỷ trọng kinh tế số trong GDP');
    assert.equal(gso.name, mic.name);
    assert.equal(gso.family, mic.family);
    assert.equal(mic.compiler, 'Bộ Thông tin và Truyền thông');
    assert.equal(gso.compiler, 'Tổng cục Thống kê');
    assert.ok(mic.compilerCodes?.includes('BTTTT') && mic.compilerCodes.includes('MIC'));
    assert.ok(gso.compilerCodes?.includes('TCTK') && gso.compilerCodes.includes('GSO'));
    assert.equal(gso.revised, true);
    assert.notEqual(mic.revised, true);
    const target = (ind: Indicator, period: string) => ind.targets?.find((t) => t.period === period);
    assert.equal(target(mic, '2025')?.value, 20);
    assert.equal(target(mic, '2030')?.value, 30);
    assert.equal(target(mic, '2023')?.value, 16);
    assert.match(target(mic, '2030')!.source, /411\/QĐ-TTg/);
    assert.match(target(gso, '2025')!.source, /749\/QĐ-TTg/);
  });

  it('treats "kinh tế số … 53 tỷ USD" as revenue in USD, not a GDP share', () => {
    const rev = catalog.byId('digital-economy-revenue')!;
    assert.equal(rev.unit, 'USD');
    assert.equal(rev.unitClass, 'currency');
    assert.equal(rev.measure, 'flow');
    const [lo, hi] = rev.range!;
    assert.ok(lo <= 53e9 && 53e9 <= hi);
    assert.ok(53e15 > hi, '53 triệu tỷ USD is out of range');
    const m = catalog.resolve('tổng doanh thu kinh tế số');
    assert.equal(idOf(m), 'digital-economy-revenue');
  });

  it('holds the targets and ranges the rules check', () => {
    const biz = catalog.byId('digital-tech-businesses')!;
    assert.deepEqual(biz.targets?.map((t) => [t.value, t.period]), [[48000, '2024']]);
    assert.ok(biz.range![0] <= 50350 && 50350 <= biz.range![1]);
    assert.ok(50350e9 > biz.range![1], '"50.350 tỷ doanh nghiệp" is out of range');
    assert.equal(biz.measure, 'stock');
    const l4 = catalog.byId('level4-online-services-rate')!;
    assert.deepEqual(l4.targets, [{ value: 80, comparator: 'gte', period: '2025', source: 'Quyết định 749/QĐ-TTg' }]);
    const egdi = catalog.byId('egdi-rank')!;
    assert.equal(egdi.measure, 'rank');
    assert.deepEqual(egdi.range, [1, 193]);
    assert.deepEqual(egdi.targets?.map((t) => [t.value, t.comparator]), [[70, 'lte']]);
    const dti = catalog.byId('dti-province-rank')!;
    assert.deepEqual(dti.range, [1, 63]);
    assert.match(dti.denominatorOf!, /tỉnh/);
    assert.equal(catalog.byId('ecommerce-retail-share')!.targets?.[0].value, 10);
    assert.equal(catalog.byId('fibre-household-rate')!.targets?.[0].value, 80);
    const fuel = catalog.byId('fuel-stations-e-invoice')!;
    assert.equal(fuel.measure, 'fraction');
    assert.ok(fuel.range![1] >= 15981);
    assert.equal(catalog.byId('national-portal-dossiers')!.cumulative, true);
    assert.equal(catalog.byId('chip-id-cards')!.cumulative, true);
    assert.equal(catalog.byId('cyberattacks-incidents')!.measure, 'flow');
  });

  it('resolves every name, alias and abbreviation of an entry to that entry', () => {
    for (const ind of defaults) {
      const names: Array<[string, NameMatch['kind']]> = [
        [ind.name, 'canonical'],
        ...ind.aliases.map((a): [string, NameMatch['kind']] => [a, 'alias']),
        ...ind.abbreviations.map((a): [string, NameMatch['kind']] => [a, 'abbreviation']),
      ];
      for (const [name, kind] of names) {
        const m = catalog.resolve(name);
        const family = familyEntry(m);
        if (family) {
          // An alias naming its family ("Chỉ số đổi mới sáng tạo toàn cầu"): its own entry unless the
          // reference's figure picks another of the family (docs/dialect.md §5.2).
          assert.equal(kind, 'alias', name);
          assert.equal(family, ind.id, name);
        } else if (m.kind === 'ambiguous') {
          // A shared name: the compiler picks this entry.
          assert.ok(m.candidates.includes(ind), `${name}: ambiguous without ${ind.id}`);
          assert.ok(ind.compilerCodes?.length, `${name} is shared but ${ind.id} has no compiler code`);
          const picked = catalog.resolve(`${name} @ ${ind.compilerCodes![0]}`);
          assert.equal(picked.kind, kind, name);
          assert.equal(idOf(picked), ind.id, name);
        } else {
          assert.equal(m.kind, kind, `${name}: ${m.kind}`);
          assert.equal(idOf(m), ind.id, name);
        }
      }
    }
  });

  it('offers completion labels that resolve to their indicator, with "@ code" for shared names', () => {
    const items = catalog.completionNames();
    assert.ok(items.length > defaults.length * 3);
    for (const item of items) {
      const m = catalog.resolve(item.label);
      const family = familyEntry(m);
      assert.equal(family ?? idOf(m), item.indicator.id, item.label);
      assert.equal(family ? 'alias' : m.kind, item.kind, item.label);
    }
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('Tỷ trọng kinh tế số trong GDP @ TCTK'));
    assert.ok(labels.includes('Tỷ trọng kinh tế số trong GDP @ BTTTT'));
    assert.ok(!labels.includes('Tỷ trọng kinh tế số trong GDP'));
    assert.deepEqual(
      items.filter((i) => i.indicator.id === 'provinces-with-ioc' && i.kind === 'abbreviation').map((i) => i.label),
      ['IOC'],
    );
  });
});

interface SeedName {
  seed: string;
  phrase: string;
  id?: string;
  ids?: string[];
  kind: NameMatch['kind'];
  verbatim?: boolean;
}

describe('catalog: every way the seeds name an indicator', () => {
  const { names } = parseYaml(readFixture('seed-names.yaml')) as { names: SeedName[] };

  it('lists names from all five seeds', () => {
    assert.deepEqual([...new Set(names.map((n) => n.seed))].sort(), ['000', '001', '002', '003', '004', 'domain']);
    assert.ok(names.length >= 60);
  });

  for (const n of names) {
    const expected = n.kind === 'ambiguous' ? n.ids!.join(' | ') : n.id;
    it(`${n.seed}: "${n.phrase}" → ${n.kind} ${expected}`, () => {
      const m = catalog.resolve(n.phrase);
      assert.equal(m.kind, n.kind, `got ${m.kind} ${JSON.stringify(m.kind === 'unknown' ? m.suggestions.map((s) => s.id) : idOf(m))}`);
      if (m.kind === 'ambiguous') assert.deepEqual(m.candidates.map((c) => c.id).sort(), [...n.ids!].sort());
      else if (m.kind === 'unknown') assert.equal(m.suggestions[0]?.id, n.id);
      else assert.equal(m.indicator.id, n.id);
      if (m.kind === 'alias') assert.equal(m.alias.toLowerCase(), n.phrase.replace(/\s*@.*$/, '').toLowerCase());
    });
  }
});

describe('catalog: resolve', () => {
  it('matches the canonical name case-insensitively, NFC-normalized, whitespace-collapsed', () => {
    const m = catalog.resolve('  TỶ LỆ   hồ sơ trực tuyến\ttoàn trình ');
    assert.deepEqual([m.kind, idOf(m)], ['canonical', 'online-e2e-dossier-rate']);
    const nfd = 'Tỷ lệ hồ sơ trực tuyến toàn trình'.normalize('NFD');
    assert.deepEqual([catalog.resolve(nfd).kind, idOf(catalog.resolve(nfd))], ['canonical', 'online-e2e-dossier-rate']);
  });

  it('accepts both spellings of tone placement and of i/y ("hoá"/"hóa", "tỉ lệ"/"tỷ lệ")', () => {
    const a = catalog.resolve('Tỉ lệ hồ sơ trực tuyến toàn trình');
    assert.deepEqual([a.kind, idOf(a)], ['canonical', 'online-e2e-dossier-rate']);
    const b = catalog.resolve('cửa hàng xăng dầu hoá đơn điện tử');
    assert.deepEqual([b.kind, idOf(b)], ['alias', 'fuel-stations-e-invoice']);
  });

  it('reports a name written without accents as unaccented, with the catalog spelling', () => {
    const m = catalog.resolve('ty le ho so truc tuyen toan trinh');
    assert.equal(m.kind, 'unaccented');
    assert.equal(idOf(m), 'online-e2e-dossier-rate');
    assert.equal(m.kind === 'unaccented' && m.matched, 'Tỷ lệ hồ sơ trực tuyến toàn trình');
    const alias = catalog.resolve('the can cuoc gan chip');
    assert.deepEqual([alias.kind, idOf(alias), alias.kind === 'unaccented' && alias.matched], ['unaccented', 'chip-id-cards', 'thẻ căn cước gắn chíp']);
    const partly = catalog.resolve('Tỷ lệ hồ sơ trực tuyen toàn trình');
    assert.deepEqual([partly.kind, idOf(partly)], ['unaccented', 'online-e2e-dossier-rate']);
  });

  it('matches abbreviations case-insensitively', () => {
    for (const [w, id] of [['egdi', 'egdi-rank'], ['cccd', 'chip-id-cards'], ['Dti Cấp Bộ', 'dti-ministry-rank'], ['tthc trực tuyến', 'online-administrative-procedures']]) {
      const m = catalog.resolve(w);
      assert.deepEqual([m.kind, idOf(m)], ['abbreviation', id], w);
    }
  });

  it('suggests the indicator for a partial unaccented name', () => {
    const m = catalog.resolve('ty le ho so truc tuyen');
    assert.equal(m.kind, 'unknown');
    assert.equal(m.kind === 'unknown' && m.suggestions[0].id, 'online-e2e-dossier-rate');
  });

  for (const [typo, id] of [
    ['Tỷ lệ hồ sơ trực tuyến toàn trìnhh', 'online-e2e-dossier-rate'],
    ['Số doanh ngiệp công nghệ số', 'digital-tech-businesses'],
    ['thẻ căn cước gắn chip điện tủ', 'chip-id-cards'],
    ['tổ công nghệ cộng đồng', 'community-digital-tech-teams'],
    ['cuộc tấn công mạng', 'cyberattacks-incidents'],
    ['EDGI', 'egdi-rank'],
    ['doanh thu kinh te so quy I', 'digital-economy-revenue'],
  ] as const) {
    it(`typo "${typo}" → unknown, ${id} among the 3 suggestions`, () => {
      const m = catalog.resolve(typo);
      assert.equal(m.kind, 'unknown');
      if (m.kind !== 'unknown') return;
      assert.equal(m.suggestions.length, 3);
      assert.ok(m.suggestions.some((s) => s.id === id), m.suggestions.map((s) => s.id).join(', '));
    });
  }

  it('makes the shared GDP-share name ambiguous, and lets a compiler pick the series', () => {
    const amb = catalog.resolve('tỷ trọng kinh tế số trong GDP');
    assert.equal(amb.kind, 'ambiguous');
    assert.deepEqual(amb.kind === 'ambiguous' && amb.candidates.map((c) => c.id).sort(), ['digital-economy-gdp-share-gso', 'digital-economy-gdp-share-mic']);
    const cases: Array<[string, NameMatch['kind'], string]> = [
      ['tỷ trọng kinh tế số trong GDP @ TCTK', 'canonical', 'digital-economy-gdp-share-gso'],
      ['Tỷ trọng kinh tế số trong GDP@GSO', 'canonical', 'digital-economy-gdp-share-gso'],
      ['tỷ trọng kinh tế số trong GDP @ Tổng cục Thống kê', 'canonical', 'digital-economy-gdp-share-gso'],
      ['tỷ trọng kinh tế số trong GDP @ tctk', 'canonical', 'digital-economy-gdp-share-gso'],
      ['tỷ trọng kinh tế số trong GDP @ BTTTT', 'canonical', 'digital-economy-gdp-share-mic'],
      ['tỷ trọng kinh tế số trong GDP @ Bộ TT&TT', 'canonical', 'digital-economy-gdp-share-mic'],
      ['ty trong kinh te so trong GDP @ TCTK', 'unaccented', 'digital-economy-gdp-share-gso'],
      ['KTS/GDP @ MIC', 'abbreviation', 'digital-economy-gdp-share-mic'],
      ['tỷ trọng giá trị tăng thêm của kinh tế số trong GDP', 'alias', 'digital-economy-gdp-share-gso'],
    ];
    for (const [w, kind, id] of cases) {
      const m = catalog.resolve(w);
      assert.deepEqual([m.kind, idOf(m)], [kind, id], w);
    }
    assert.equal(catalog.resolve('ty trong kinh te so trong gdp').kind, 'ambiguous');
    assert.equal(catalog.resolve('KTS/GDP').kind, 'ambiguous');
  });

  it('gives unknown with the matching series first when the compiler fits none of them', () => {
    const m = catalog.resolve('tỷ trọng kinh tế số trong GDP @ WB');
    assert.equal(m.kind, 'unknown');
    assert.deepEqual(m.kind === 'unknown' && m.suggestions.slice(0, 2).map((s) => s.id), ['digital-economy-gdp-share-mic', 'digital-economy-gdp-share-gso']);
    assert.equal(m.kind === 'unknown' && m.suggestions.length, 3);
  });

  it('ignores a compiler on a single-series entry that names none', () => {
    const m = catalog.resolve('Tỷ lệ hồ sơ trực tuyến toàn trình @ BTTTT');
    assert.deepEqual([m.kind, idOf(m)], ['canonical', 'online-e2e-dossier-rate']);
  });

  it('returns three suggestions for anything unknown, and suggest(n) returns n', () => {
    const m = catalog.resolve('chỉ tiêu không tồn tại');
    assert.equal(m.kind, 'unknown');
    assert.equal(m.kind === 'unknown' && m.suggestions.length, 3);
    assert.equal(catalog.suggest('kinh tế số', 5).length, 5);
    assert.deepEqual(
      catalog.suggest('kinh tế số', 3).map((i) => i.id).sort(),
      ['digital-economy-gdp-share-mic', 'digital-economy-growth', 'digital-economy-revenue'],
    );
  });
});

describe('catalog: loader on broken files', () => {
  it('reports wrong types, unknown measure, bad ids, missing fields, duplicates on their nodes, and keeps the valid entries', () => {
    const text = readFixture('wrong-types.yaml');
    const { indicators, errors } = parseCatalogYaml(text, 'file:///ws/.policy-report/indicators.yaml');
    assert.deepEqual(indicators.map((i) => i.id), ['good-one', 'good-two']);
    const one = indicators[0];
    assert.equal(one.name, 'Chỉ tiêu tốt thứ nhất');
    assert.deepEqual([one.aliases, one.abbreviations, one.description], [[], [], '']);
    assert.deepEqual(one.origin, { uri: 'file:///ws/.policy-report/indicators.yaml', range: { start: { line: 2, character: 4 }, end: { line: 6, character: 20 } } });
    const two = indicators[1];
    assert.deepEqual(two.aliases, [], 'a non-list alias field is dropped');
    assert.equal(two.range, undefined, 'a broken range is dropped');
    assert.deepEqual(two.targets, [{ value: 50, period: '2025', source: 'Quyết định 749/QĐ-TTg' }]);

    expectError(errors, { start: { line: 9, character: 13 }, end: { line: 9, character: 21 } }, /Unknown measure `velocity`/);
    expectError(errors, rangeOf(text, 'Bad_Id'), /kebab-case/);
    expectError(errors, rangeOf(text, 'id: missing-unit-class'), /Missing required field `unitClass`/);
    expectError(errors, rangeOf(text, '[không, phải, chuỗi]'), /`name` must be a non-empty string/);
    expectError(errors, rangeOf(text, 'tên khác'), /`aliases` must be a list/);
    expectError(errors, rangeOf(text, 'nhiều'), /`range` must be a number/);
    expectError(errors, rangeOf(text, '48.000'), /reads as 48 in YAML; write 48000/);
    expectError(errors, rangeOf(text, 'colour'), /Unknown field `colour`/);
    expectError(errors, rangeOf(text, 'good-one', 1), /Duplicate id `good-one` \(first defined on line 3\)/);
    expectError(errors, rangeOf(text, 'just a string'), /must be a mapping/);
    assert.equal(errors.length, 10, errors.map((e) => e.message.en).join('\n'));
    for (const e of errors) assert.equal(e.uri, 'file:///ws/.policy-report/indicators.yaml');
  });

  it('gives the same line/character ranges for CRLF files', () => {
    const lf = parseCatalogYaml(readFixture('wrong-types.yaml'), 'u');
    const crlf = parseCatalogYaml(readFixture('wrong-types.yaml').replace(/\n/g, '\r\n'), 'u');
    assert.deepEqual(crlf.errors.map((e) => e.range), lf.errors.map((e) => e.range));
    assert.deepEqual(crlf.indicators.map((i) => i.id), ['good-one', 'good-two']);
  });

  it('reports YAML syntax errors where they are and keeps the entries they do not touch', () => {
    const text = readFixture('syntax-error.yaml');
    const { indicators, errors } = parseCatalogYaml(text, 'u');
    assert.deepEqual(indicators.map((i) => i.id), ['first-valid', 'second-valid', 'third-valid']);
    assert.equal(errors.length, 2, errors.map((e) => e.message.en).join('\n'));
    expectError(errors, { start: { line: 7, character: 10 }, end: { line: 7, character: 11 } }, /YAML syntax error \(BLOCK_AS_IMPLICIT_KEY\)/);
    expectError(errors, { start: rangeOf(text, '@tên').start, end: { line: 17, character: 11 } }, /YAML syntax error \(BAD_SCALAR_START\)/);
  });

  it('names one syntax error once where the parser repeats it at the same place', () => {
    // Three unclosed flow maps end at the same place with the same message from the yaml package.
    const { errors } = parseCatalogYaml('indicators: {{{\n', 'u');
    const syntax = errors.filter((e) => /YAML syntax error/.test(e.message.en));
    assert.ok(syntax.length >= 1, errors.map((e) => e.message.en).join('\n'));
    const keys = syntax.map((e) => `${e.range.start.line}:${e.range.start.character}:${e.range.end.line}:${e.range.end.character}:${e.message.en}`);
    assert.deepEqual(keys, [...new Set(keys)]);
  });

  it('keeps the entries before an unclosed quote', () => {
    const text = readFixture('unclosed-quote.yaml');
    const { indicators, errors } = parseCatalogYaml(text, 'u');
    assert.deepEqual(indicators.map((i) => i.id), ['before-quote']);
    assert.ok(errors.length >= 1);
    assert.match(errors[0].message.en, /MISSING_CHAR/);
    assert.ok(errors[0].range.start.line >= 7, JSON.stringify(errors[0].range));
  });

  it('rejects `indicators` that is not a list, on the value', () => {
    const text = readFixture('not-a-list.yaml');
    const { indicators, errors } = parseCatalogYaml(text, 'u');
    assert.deepEqual(indicators, []);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message.en, /`indicators` must be a list/);
    assert.deepEqual(errors[0].range.start, { line: 1, character: 2 });
  });

  it('rejects a top-level list and unknown top-level keys', () => {
    const { indicators, errors } = parseCatalogYaml(readFixture('top-level-list.yaml'), 'u');
    assert.deepEqual(indicators, []);
    assert.equal(errors.length, 1);
    assert.match(errors[0].message.en, /mapping with an `indicators:` list/);
    assert.deepEqual(errors[0].range, rangeOf(readFixture('top-level-list.yaml'), '- id: no-indicators-key'));
    const extra = parseCatalogYaml('indicator:\n  - id: x\n', 'u');
    assert.deepEqual(extra.errors.map((e) => [e.range.start.line, e.range.start.character, /Unknown top-level key `indicator`/.test(e.message.en)]).slice(0, 1), [[0, 0, true]]);
    assert.ok(extra.errors.some((e) => /Missing `indicators:` list/.test(e.message.en)));
  });

  it('handles empty and degenerate input without throwing', () => {
    assert.deepEqual(parseCatalogYaml('indicators: []\n', 'u'), { indicators: [], errors: [] });
    const empty = parseCatalogYaml('', 'u');
    assert.deepEqual(empty.indicators, []);
    assert.equal(empty.errors.length, 1);
    assert.deepEqual(empty.errors[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    for (const junk of ['indicators:', '{{{', 'indicators: [1, 2', '\t- x', 'indicators:\n  - ~\n  - []\n']) {
      const r = parseCatalogYaml(junk, 'u');
      assert.deepEqual(r.indicators, [], junk);
      assert.ok(r.errors.length >= 1, junk);
    }
  });

  it('rejects a target without source and a reversed range, keeping the entry', () => {
    const text = [
      'indicators:',
      '  - id: x-rate',
      '    name: Tỷ lệ x',
      '    measure: ratio',
      '    unit: "%"',
      '    unitClass: percent',
      '    range: [100, 0]',
      '    targets:',
      '      - value: 20',
      '        period: "2025"',
      '        comparator: atleast',
      '      - { value: 30, period: "2030", source: QĐ 411 }',
      '',
    ].join('\n');
    const { indicators, errors } = parseCatalogYaml(text, 'u');
    assert.deepEqual(indicators.map((i) => [i.id, i.range, i.targets]), [['x-rate', undefined, [{ value: 30, period: '2030', source: 'QĐ 411' }]]]);
    expectError(errors, rangeOf(text, '[100, 0]'), /min 100 is above max 0/);
    expectError(errors, rangeOf(text, 'value: 20'), /Target is missing `source`/);
    expectError(errors, rangeOf(text, 'atleast'), /Unknown comparator `atleast`/);
  });
});

describe('catalog: workspace overrides', () => {
  it('replaces an entry by id, in place, and adds new ids', () => {
    const { indicators: ws, errors } = parseCatalogYaml(readFixture('workspace-override.yaml'), 'file:///ws/.policy-report/indicators.yaml');
    assert.deepEqual(errors, []);
    const merged = Catalog.merge(defaults, ws);
    assert.equal(merged.size, defaults.length + 1);
    const biz = merged.byId('digital-tech-businesses')!;
    assert.deepEqual(biz.targets?.map((t) => t.value), [60000]);
    assert.equal(biz.origin?.uri, 'file:///ws/.policy-report/indicators.yaml');
    const ids = merged.all().map((i) => i.id);
    assert.equal(ids.indexOf('digital-tech-businesses'), defaults.findIndex((i) => i.id === 'digital-tech-businesses'));
    assert.equal(ids[ids.length - 1], 'danang-open-datasets');
    // The override's names replace the default's: its new alias resolves, a dropped alias no longer does.
    assert.equal(idOf(merged.resolve('doanh nghiệp công nghệ số đang hoạt động')), 'digital-tech-businesses');
    assert.equal(merged.resolve('số lượng doanh nghiệp công nghệ số Việt Nam').kind, 'unknown');
    assert.equal(catalog.resolve('số lượng doanh nghiệp công nghệ số Việt Nam').kind, 'alias', 'the default catalog is untouched');
    const added = merged.resolve('Số bộ dữ liệu mở của Đà Nẵng');
    assert.deepEqual([added.kind, idOf(added)], ['canonical', 'danang-open-datasets']);
    assert.equal(catalog.byId('danang-open-datasets'), undefined);
  });
});
