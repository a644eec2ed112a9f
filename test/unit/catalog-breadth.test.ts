/**
 * The default catalog's breadth (issue 14): at least 200 documented indicators, each with a source
 * address, names that do not collide, targets by year, the documents they cite; the indicators the
 * sessions report resolve, and near-miss names do not. Also the loader on the new fields
 * (compilers with dates, scope, denominators by edition, decisions, sources, documents).
 */
import * as assert from 'node:assert/strict';
import {
  Catalog,
  defaultCatalogDocuments,
  defaultCatalogErrors,
  foldKey,
  isWebAddress,
  loadDefaultCatalog,
  parseCatalogYaml,
  spellingKey,
  type CatalogError,
  type Indicator,
} from '../../server/src/core/catalog';
import type { Range } from '../../server/src/core/types';

const defaults = loadDefaultCatalog();
const catalog = new Catalog(defaults);

/** Entries related by a declared family: one's family is the other's family or id. */
function related(a: Indicator, b: Indicator): boolean {
  const fa = a.family ?? a.id;
  const fb = b.family ?? b.id;
  return fa === fb || a.family === b.id || b.family === a.id;
}

/** The range of the first occurrence of `needle` in `text`, computed independently of the loader. */
function rangeOf(text: string, needle: string): Range {
  const offset = text.indexOf(needle);
  assert.ok(offset >= 0, `fixture lacks ${JSON.stringify(needle)}`);
  const pos = (o: number) => {
    const before = text.slice(0, o).split(/\r\n|\r|\n/);
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  return { start: pos(offset), end: pos(offset + needle.length) };
}

function expectError(errors: CatalogError[], text: string, needle: string, message: RegExp): void {
  const range = rangeOf(text, needle);
  assert.ok(
    errors.some((e) => JSON.stringify(e.range) === JSON.stringify(range) && message.test(`${e.message.en} / ${e.message.vi}`)),
    `no error ${message} at ${needle}; got:\n${errors.map((e) => `${JSON.stringify(e.range)} ${e.message.en}`).join('\n')}`,
  );
}

describe('catalog breadth: the embedded default', () => {
  it('loads with no errors and has at least 200 indicators', () => {
    assert.deepEqual(defaultCatalogErrors(), []);
    assert.ok(defaults.length >= 200, `only ${defaults.length} indicators`);
  });

  it('gives every entry a source address and a description in both languages', () => {
    for (const ind of defaults) {
      assert.ok(ind.sources && ind.sources.length > 0, `${ind.id}: no source`);
      for (const s of ind.sources) assert.ok(isWebAddress(s), `${ind.id}: ${s}`);
      assert.ok(ind.description.trim().length > 20, `${ind.id}: description`);
      assert.ok(ind.descriptionEn && ind.descriptionEn.trim().length > 20, `${ind.id}: descriptionEn`);
      assert.ok(ind.nameEn, `${ind.id}: nameEn`);
    }
  });

  it('shares no alias or abbreviation between two entries outside a declared family', () => {
    const owners = new Map<string, Indicator[]>();
    for (const ind of defaults) {
      for (const label of [...ind.aliases, ...ind.abbreviations]) {
        const key = spellingKey(label);
        const list = owners.get(key) ?? [];
        if (!list.includes(ind)) list.push(ind);
        owners.set(key, list);
      }
    }
    for (const [label, list] of owners) {
      for (const a of list) for (const b of list) assert.ok(a === b || related(a, b), `"${label}" names ${a.id} and ${b.id}`);
    }
  });

  it('has no alias of one entry equal to another entry\'s name once accents are folded', () => {
    const names = new Map<string, Indicator[]>();
    for (const ind of defaults) names.set(foldKey(ind.name), [...(names.get(foldKey(ind.name)) ?? []), ind]);
    for (const ind of defaults) {
      for (const label of [...ind.aliases, ...ind.abbreviations]) {
        for (const other of names.get(foldKey(label)) ?? []) assert.equal(other, ind, `alias "${label}" of ${ind.id} is the name of ${other.id}`);
      }
    }
  });

  it('has no alias that is a prefix of another entry\'s name (it would swallow the longer name in prose)', () => {
    for (const ind of defaults) {
      for (const label of ind.aliases) {
        const key = foldKey(label) + ' ';
        for (const other of defaults) {
          if (other === ind || related(ind, other)) continue;
          assert.ok(!(foldKey(other.name) + ' ').startsWith(key), `alias "${label}" of ${ind.id} begins the name of ${other.id}`);
        }
      }
    }
  });

  it('dates every target with a year and cites the documents it lists', () => {
    const docs = new Map(defaultCatalogDocuments().map((d) => [d.id, d]));
    assert.ok(docs.size >= 10, 'the documents registry');
    for (const id of ['749/QĐ-TTg', '411/QĐ-TTg', '942/QĐ-TTg', '06/QĐ-TTg', '964/QĐ-TTg', '57-NQ/TW']) assert.ok(docs.has(id), id);
    for (const ind of defaults) {
      for (const t of ind.targets ?? []) assert.match(t.period, /^(19|20)\d{2}(?:$|-)/, `${ind.id}: target period ${t.period}`);
      for (const d of ind.decisions ?? []) assert.ok(docs.has(d), `${ind.id}: decision ${d} is not in documents`);
    }
    for (const d of docs.values()) if (d.url) assert.ok(isWebAddress(d.url), d.id);
  });

  it('records the 2025 reorganisation in the compilers of the ministry and statistics series', () => {
    const mic = catalog.byId('digital-economy-gdp-share-mic')!;
    assert.deepEqual(mic.compilers?.map((c) => [c.name, c.from, c.until]), [
      ['Bộ Thông tin và Truyền thông', undefined, '2025-02-28'],
      ['Bộ Khoa học và Công nghệ', '2025-03-01', undefined],
    ]);
    const gso = catalog.byId('digital-economy-gdp-share-gso')!;
    assert.equal(gso.compilers?.at(-1)?.name, 'Cục Thống kê (Bộ Tài chính)');
    // A reference naming the new office picks the statistics series.
    const m = catalog.resolve('Tỷ trọng kinh tế số trong GDP @ Cục Thống kê');
    assert.equal('indicator' in m ? m.indicator.id : m.kind, 'digital-economy-gdp-share-gso');
    for (const ind of defaults) {
      for (const c of ind.compilers ?? []) if (c.from && c.until) assert.ok(c.from <= c.until, ind.id);
    }
  });

  it('gives ranks a scope and their denominators by edition', () => {
    const egdi = catalog.byId('egdi-rank')!;
    assert.equal(egdi.scope, 'world');
    assert.equal(egdi.denominators?.find((d) => d.period === '2024')?.value, 193);
    const asean = catalog.byId('egdi-asean-rank')!;
    assert.equal(asean.scope, 'asean');
    assert.equal(asean.family, egdi.family ?? 'egdi');
    assert.equal(catalog.byId('gii-rank')!.denominators?.find((d) => d.period === '2025')?.value, 139);
    for (const ind of defaults) {
      if (ind.scope) assert.ok(ind.measure === 'rank' || ind.measure === 'index', ind.id);
      if (ind.denominators) assert.equal(ind.measure, 'rank', ind.id);
    }
  });
});

/** Names as the sessions' press reports write them (issue 14's list), with the entry each must reach. */
const REPORTED: Array<[string, string]> = [
  ['kim ngạch xuất khẩu sản phẩm công nghệ số', 'digital-products-exports'],
  ['xuất khẩu sản phẩm số', 'digital-products-exports'],
  ['doanh thu phần mềm và dịch vụ công nghệ thông tin', 'software-it-services-revenue'],
  ['xuất khẩu phần mềm', 'software-it-services-exports'],
  ['Chỉ số đổi mới sáng tạo toàn cầu', 'gii-rank'],
  ['GII', 'gii-rank'],
  ['Chỉ số tích hợp phát triển bưu chính', 'postal-2ipd-rank'],
  ['2IPD', 'postal-2ipd-rank'],
  ['cấp độ 2IPD', 'postal-2ipd-level'],
  ['xếp hạng tốc độ băng rộng di động', 'mobile-broadband-speed-rank'],
  ['xếp hạng tốc độ băng rộng cố định', 'fixed-broadband-speed-rank'],
  ['xếp hạng Chính phủ điện tử trong ASEAN', 'egdi-asean-rank'],
  ['tăng trưởng thương mại điện tử', 'ecommerce-growth'],
  ['tăng trưởng du lịch số', 'digital-tourism-growth'],
  ['tài khoản định danh điện tử mức độ 2 đã kích hoạt', 'eid-accounts-level2-activated'],
  ['tài khoản định danh điện tử đã kích hoạt', 'eid-accounts-activated'],
  ['OSI', 'osi-score'],
  ['TII', 'tii-score'],
  ['HCI', 'hci-score'],
  ['GCI', 'gci-rank'],
  ['Chỉ số sẵn sàng AI của Chính phủ', 'ai-readiness-rank'],
  ['NRI', 'nri-rank'],
  ['tỷ lệ dân số được phủ sóng 5G', '5g-population-coverage'],
  ['tỷ lệ phủ sóng 4G', '4g-population-coverage'],
  ['Tỷ lệ hộ gia đình sử dụng Internet cáp quang', 'fibre-household-rate'],
  ['số người sử dụng điện thoại thông minh', 'smartphone-users'],
  ['thuê bao băng rộng di động', 'mobile-broadband-subscriptions'],
  ['số trung tâm dữ liệu', 'data-centres'],
  ['Số thẻ căn cước gắn chíp đã cấp', 'chip-id-cards'],
  ['tỷ lệ thanh toán trực tuyến phí, lệ phí', 'online-fee-payment-rate'],
  ['điểm trụ cột chính quyền số cấp tỉnh', 'dti-province-government-score'],
  ['Tỷ lệ dân số trưởng thành có chữ ký số', 'adults-digital-signature'],
  ['Tỷ lệ người dân trong độ tuổi lao động được đào tạo kỹ năng số cơ bản', 'basic-digital-skills'],
  ['tổ công nghệ số cộng đồng', 'community-digital-tech-teams'],
  ['tỷ lệ dân số từ 15 tuổi trở lên có tài khoản giao dịch thanh toán tại ngân hàng', 'payment-account-ownership'],
  ['doanh thu thương mại điện tử', 'ecommerce-revenue'],
  ['Tỷ lệ dịch vụ công trực tuyến toàn trình', 'e2e-online-services-rate'],
  ['giao dịch thanh toán không dùng tiền mặt', 'cashless-transactions'],
  ['tăng trưởng thanh toán không dùng tiền mặt', 'cashless-transactions-growth'],
  ['người dùng nền tảng số Việt Nam', 'vietnamese-apps-monthly-users'],
  ['tài khoản định danh điện tử', 'eid-accounts-activated'],
  ['dịch vụ công trực tuyến thiết yếu', 'essential-public-services'],
  ['CCCD gắn chip', 'chip-id-cards'],
  ['giá trị tăng thêm của kinh tế số trong GDP', 'digital-economy-gdp-share-gso'],
  ['Doanh thu kinh tế số', 'digital-economy-revenue'],
  ['Tỷ trọng kinh tế số trong GDP @ BKHCN', 'digital-economy-gdp-share-mic'],
  ['Tỷ trọng kinh tế số trong GDP @ Bộ Khoa học và Công nghệ', 'digital-economy-gdp-share-mic'],
  ['Tỷ trọng kinh tế số trong GDP @ NSO', 'digital-economy-gdp-share-gso'],
];

/** Near misses: partial names, unrelated phrases and the examples' deliberate unknowns. */
const NEAR_MISSES = [
  'Tỷ lệ hồ sơ trực tuyến',
  'hồ sơ trực tuyến',
  'Tỷ lệ hồ sơ',
  'Tỷ lệ',
  'Chỉ số',
  'Xếp hạng',
  'kinh tế số',
  'chuyển đổi số',
  'doanh thu',
  'xuất khẩu',
  'tăng trưởng',
  'tài khoản',
  'thương mại điện tử',
  'định danh điện tử',
  'VNeID',
  '5G',
  'ASEAN',
  'GDP',
  'Tốc độ tăng trưởng GDP',
  'Chỉ số cải cách hành chính',
  'Chỉ số hài lòng của người dân',
  'PCI',
  'Số tài khoảng trên Cổng Dịch vụ công quốc gia',
  'Tỷ lệ hồ sơ trực tuyến trọn trình',
  'Số doanh nghiệp công nghệ',
  'Doanh nghiep cong nghe',
  'Chỉ tiêu trong khối code',
  'Không phải chỉ tiêu',
];

describe('catalog breadth: names as reported', () => {
  it('resolves the indicators the sessions report', () => {
    for (const [written, id] of REPORTED) {
      const m = catalog.resolve(written);
      // An alias naming its family ("Chỉ số đổi mới sáng tạo toàn cầu") is its own entry unless a figure picks another.
      const named = m.kind === 'ambiguous' ? m.subject?.find((e) => e.named)?.indicator.id : undefined;
      assert.equal('indicator' in m ? m.indicator.id : (named ?? m.kind), id, written);
    }
  });

  it('does not resolve near-miss names', () => {
    // A subject ("kinh tế số") resolves only by the figure its reference binds (docs/dialect.md §5.2).
    for (const written of NEAR_MISSES) {
      const m = catalog.resolve(written);
      assert.ok(m.kind === 'unknown' || (m.kind === 'ambiguous' && !!m.subject), `${written}: ${m.kind}`);
    }
  });
});

describe('catalog loader: the fields added for breadth', () => {
  it('reads compilers with dates, scope, denominators, decisions, sources and documents', () => {
    const text = [
      'indicators:',
      '  - id: x-rank',
      '    name: Xếp hạng X',
      '    measure: rank',
      '    unit: hạng',
      '    unitClass: rank',
      '    scope: asean',
      '    denominators:',
      '      - { period: "2024", value: 11 }',
      '    compilers:',
      '      - { name: Bộ A, codes: [A], until: "2025-02-28" }',
      '      - { name: Bộ B, from: "2025-03-01" }',
      '    decisions: [1/QĐ-TTg]',
      '    sources: [https://example.org/x]',
      'documents:',
      '  - { id: 1/QĐ-TTg, title: Quyết định một, date: "2020-01-02", url: "https://example.org/1" }',
    ].join('\n');
    const r = parseCatalogYaml(text, 'file:///c.yaml');
    assert.deepEqual(r.errors, []);
    const [x] = r.indicators;
    assert.equal(x.scope, 'asean');
    assert.deepEqual(x.denominators, [{ period: '2024', value: 11 }]);
    assert.deepEqual(x.compilers, [
      { name: 'Bộ A', codes: ['A'], until: '2025-02-28' },
      { name: 'Bộ B', from: '2025-03-01' },
    ]);
    assert.deepEqual(x.decisions, ['1/QĐ-TTg']);
    assert.deepEqual(x.sources, ['https://example.org/x']);
    assert.deepEqual(r.documents, [{ id: '1/QĐ-TTg', title: 'Quyết định một', date: '2020-01-02', url: 'https://example.org/1' }]);
  });

  it('reports broken new fields at their position and keeps the entry', () => {
    const text = [
      'indicators:',
      '  - id: y',
      '    name: Tỷ lệ Y',
      '    measure: ratio',
      '    unit: "%"',
      '    unitClass: percent',
      '    scope: galaxy',
      '    denominators: [{ period: "2024", value: 3 }]',
      '    compilers:',
      '      - { name: Bộ A, from: "2025-13-01" }',
      '      - { name: Bộ B, from: "2025-05-01", until: "2025-01-01" }',
      '      - { codes: [Z] }',
      '      - { name: Bộ C, colour: red }',
      '    sources: [www.example.org, 77777, "https://ok.example/y", [nested]]',
      'documents:',
      '  - { id: D1, title: T, date: "2020-02-30" }',
      '  - { id: D1, title: T2 }',
      '  - { title: no id }',
    ].join('\n');
    const r = parseCatalogYaml(text, 'file:///c.yaml');
    assert.equal(r.indicators.length, 1, 'the entry stays usable');
    const [y] = r.indicators;
    assert.equal(y.scope, undefined);
    assert.equal(y.denominators, undefined);
    assert.deepEqual(y.sources, ['https://ok.example/y']);
    assert.deepEqual(y.compilers, [{ name: 'Bộ C' }]);
    expectError(r.errors, text, 'galaxy', /Unknown scope `galaxy`/);
    expectError(r.errors, text, '[{ period: "2024", value: 3 }]', /`denominators` is for ranks/);
    expectError(r.errors, text, '"2025-13-01"', /`from` must be a date written YYYY-MM-DD/);
    expectError(r.errors, text, '{ name: Bộ B, from: "2025-05-01", until: "2025-01-01" }', /is after `until`/);
    expectError(r.errors, text, '{ codes: [Z] }', /Compiler is missing `name`/);
    expectError(r.errors, text, 'colour', /Unknown compiler field `colour`/);
    expectError(r.errors, text, 'www.example.org', /not an http\(s\) address/);
    expectError(r.errors, text, '77777', /"77777" is not an http\(s\) address/);
    expectError(r.errors, text, '[nested]', /`sources` must be a non-empty string/);
    expectError(r.errors, text, '"2020-02-30"', /`date` must be a date/);
    const dup = rangeOf(text, 'id: D1, title: T2');
    const dupRange = { start: { line: dup.start.line, character: dup.start.character + 4 }, end: { line: dup.start.line, character: dup.start.character + 6 } };
    assert.ok(r.errors.some((e) => JSON.stringify(e.range) === JSON.stringify(dupRange) && /Duplicate document `D1`/.test(e.message.en)), 'duplicate document');
    expectError(r.errors, text, '{ title: no id }', /Document is missing `id`/);
  });

  it('keeps scope to ranks and indices', () => {
    const text = 'indicators:\n  - { id: z, name: Z, measure: stock, cumulative: true, unit: cái, unitClass: count, scope: world }\n';
    const r = parseCatalogYaml(text, 'file:///c.yaml');
    expectError(r.errors, text, 'scope: world'.slice(7), /`scope` is for ranks and indices/);
  });
});
