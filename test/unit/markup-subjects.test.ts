/**
 * Subjects (server/src/core/markup/subjects.ts): press text names an indicator by its subject and
 * lets the figure say the measure ("Kinh tế số … tăng trưởng 22,4%", "xếp thứ 5/11 tại Đông Nam Á
 * về Chính phủ điện tử", "chính quyền số của tỉnh xếp thứ 12"). The bound figure picks the entry;
 * `canonical` marks it with the entry's name and the checker then binds the same figure; `wrap`
 * never changes the words, so it lists the subject (`variant-name`); what no entry fits is not
 * marked. Also: the press aliases of the default catalog resolve, and collide with no other entry.
 */
import * as assert from 'node:assert/strict';
import { Catalog, foldKey, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions, markText } from '../../server/src/core/markup';
import { subjectIndex, subjectsIn } from '../../server/src/core/markup/subjects';
import { tokenize } from '../../server/src/core/markup/name-index';
import { analyze } from '../../server/src/core/analyze';
import { parseReport } from '../../server/src/core/parse/document';

const catalog = new Catalog(loadDefaultCatalog());
const doc = (body: string, period = '2024') => `---\nperiod: ${period}\n---\n\n${body}\n`;

/** The (indicator id, figure) pairs `markup --mode canonical` marks, read back as the checker reads them. */
function canonicalFacts(body: string, period?: string): Array<[string, string]> {
  const text = doc(body, period);
  const { mentions } = detectMentions(text, catalog, { mode: 'canonical' });
  const marked = markText(text, mentions, 'canonical');
  const a = analyze(parseReport(marked, 'file:///t.report.md'), catalog);
  return a.refs.filter((r) => r.indicator && r.ref.figure).map((r): [string, string] => [r.indicator!.id, r.ref.figure!.raw]);
}

describe('markup: subjects (a name without its measure word)', () => {
  it('index: a subject is a name or alias without its measure prefix, lead and tails', () => {
    const idx = subjectIndex(catalog);
    const ids = (s: string) => (idx.entries.get(s) ?? []).map((e) => e.indicator.id).sort();
    assert.ok(ids('kinh te so').includes('digital-economy-growth'));
    assert.ok(ids('kinh te so').includes('digital-economy-revenue'));
    assert.deepEqual(ids('chinh phu dien tu'), ['egdi-asean-rank', 'egdi-rank']);
    assert.ok(ids('chinh quyen so').includes('dti-province-government-rank'));
    // One word, or none after the prefix: no subject.
    assert.equal(idx.entries.get('so'), undefined);
  });

  it('finds subjects on words joined by spaces only, outside covered words', () => {
    const idx = subjectIndex(catalog);
    const t = 'Xét theo trụ cột, chính quyền số của tỉnh xếp thứ 12';
    const hits = subjectsIn(t, tokenize(t), idx, () => false).map((h) => t.slice(h.start, h.end));
    assert.deepEqual(hits, ['chính quyền số']);
    assert.deepEqual(subjectsIn(t, tokenize(t), idx, () => true), []);
  });

  it('canonical: the figure picks the entry, and the checker binds that figure to it', () => {
    assert.deepEqual(canonicalFacts('Kinh tế số 6 tháng đầu năm ước đạt tăng trưởng 22,4%.', '2024-S1'), [['digital-economy-growth', 'ước đạt tăng trưởng 22,4%']]);
    assert.equal(canonicalFacts('Việt Nam xếp thứ 5/11 tại Đông Nam Á về Chính phủ điện tử.')[0]?.[0], 'egdi-asean-rank');
    assert.equal(canonicalFacts('Năm 2024, Việt Nam xếp thứ 71/193 về Chính phủ điện tử.')[0]?.[0], 'egdi-rank');
    assert.deepEqual(canonicalFacts('Trong ba trụ cột của tỉnh, chính quyền số xếp thứ 29.', '2022').map(([i]) => i), ['dti-province-government-rank']);
    assert.deepEqual(canonicalFacts('Trong ba trụ cột của tỉnh, chính quyền số đạt 0,66 điểm.', '2022').map(([i]) => i), ['dti-province-government-score']);
  });

  it('a name whose figure its indicator does not fit is retargeted to the entry of its subject the figure fits', () => {
    // "tốc độ tải băng rộng di động" names the speed (Mbps); a rank after it is the speed's rank.
    assert.deepEqual(canonicalFacts('Tốc độ tải băng rộng di động tăng 14 bậc, xếp hạng 37/110 quốc gia trên thế giới.').map(([i]) => i), ['mobile-broadband-speed-rank']);
    assert.deepEqual(canonicalFacts('Tốc độ tải băng rộng di động đạt 45 Mbps.').map(([i]) => i), ['mobile-broadband-download-speed']);
  });

  it('no entry fits, or a province entry outside a province: not marked', () => {
    // A percentage without a growth word is no growth; "kinh tế số" has no share entry of its own.
    assert.deepEqual(canonicalFacts('Kinh tế số đạt 18,3%.'), []);
    // "cấp tỉnh" entries only where the sentence speaks of a province.
    assert.deepEqual(canonicalFacts('Kinh tế số xếp thứ 13.'), []);
    assert.deepEqual(canonicalFacts('Kinh tế số của tỉnh xếp thứ 13.', '2023').map(([i]) => i), ['dti-province-economy-rank']);
    // No figure: nothing (a subject is never a plain mention).
    assert.equal(detectMentions(doc('Phát triển kinh tế số là nhiệm vụ trọng tâm.'), catalog, { mode: 'canonical', plainMentions: true }).mentions.length, 0);
  });

  it('a subject never takes the figure a name of the sentence binds', () => {
    const facts = canonicalFacts('Tăng trưởng kinh tế số đạt 20%, kinh tế số đóng góp lớn.');
    assert.deepEqual(facts.map(([i]) => i), ['digital-economy-growth']);
  });

  it('wrap: the subject is marked with brackets only ([[subject]] resolves by its figure); a counted noun is listed', () => {
    const text = doc('Kinh tế số 6 tháng đầu năm ước đạt tăng trưởng 22,4%.', '2024-S1');
    const r = detectMentions(text, catalog, { mode: 'wrap' });
    assert.deepEqual(r.mentions.map((m) => [m.text, m.indicator.id, m.wrappable]), [['Kinh tế số', 'digital-economy-growth', true]]);
    assert.equal(markText(text, r.mentions, 'wrap'), text.replace('Kinh tế số', '[[Kinh tế số]]'));
    // A counted noun is no subject of the catalog, but the checker reads "[[tài khoản]]" as the one
    // count entry its sentence settles (round 19, markup/counted-words.ts): wrap marks it.
    const counted = detectMentions(doc('Cổng Dịch vụ công quốc gia có gần 8 triệu tài khoản.', '2023-S1'), catalog, { mode: 'wrap' });
    assert.deepEqual(counted.mentions.map((m) => [m.text, m.indicator.id, m.wrappable]), [['tài khoản', 'national-portal-accounts', true]]);
    // Named by no other words of its sentence, it is listed, as before.
    const bare = detectMentions(doc('Cả nước có gần 8 triệu tài khoản.', '2023-S1'), catalog, { mode: 'wrap' });
    assert.equal(bare.mentions.length, 0);
  });

  it('canonical changes only the subject\'s words: the text outside the mark is the input', () => {
    const body = 'Xét theo trụ cột, chính quyền số của tỉnh xếp thứ 12, kinh tế số xếp thứ 13 và xã hội số xếp thứ 14 trong 63 tỉnh, thành phố.';
    const text = doc(body, '2023');
    const { mentions } = detectMentions(text, catalog, { mode: 'canonical' });
    assert.deepEqual(mentions.map((m) => m.indicator.id), ['dti-province-government-rank', 'dti-province-economy-rank', 'dti-province-society-rank']);
    let back = markText(text, mentions, 'canonical');
    for (const m of [...mentions].reverse()) back = back.replace(`[[${m.indicator.name}]]`, m.text);
    assert.equal(back, text);
  });
});

describe('markup: counted nouns (the figure\'s noun names the count)', () => {
  it('canonical: the noun after a count figure is the count entry the sentence\'s other words settle', () => {
    assert.deepEqual(canonicalFacts('Cổng Dịch vụ công quốc gia có gần 8 triệu tài khoản.', '2023-S1'), [['national-portal-accounts', 'gần 8 triệu']]);
    assert.deepEqual(
      canonicalFacts('Nền tảng tích hợp, chia sẻ dữ liệu quốc gia đã có 388 hệ thống kết nối, thuộc 95 cơ quan, đơn vị.', '2024-04').map(([i]) => i),
      ['ndxp-connected-systems', 'ndxp-connected-agencies'],
    );
  });
  it('a noun no name of the sentence settles, or several entries equally, is not marked', () => {
    // "tài khoản" counts accounts of several entries; nothing else in the sentence says which.
    assert.deepEqual(canonicalFacts('Đến nay đã có 8 triệu tài khoản.'), []);
    assert.deepEqual(canonicalFacts('Tỉnh đã hỗ trợ 1.200 doanh nghiệp.'), []);
  });
  it('wrap keeps the words and marks the counted noun its sentence settles (round 19: the checker reads it, markup/counted-words.ts)', () => {
    const r = detectMentions(doc('Cổng Dịch vụ công quốc gia có gần 8 triệu tài khoản.', '2023-S1'), catalog, { mode: 'wrap' });
    assert.deepEqual(r.mentions.map((m) => [m.text, m.indicator.id]), [['tài khoản', 'national-portal-accounts']]);
    assert.deepEqual(r.ambiguous, []);
  });
});

describe('default catalog: press aliases', () => {
  const press: Array<[string, string]> = [
    ['tốc độ truy cập băng rộng cố định', 'fixed-broadband-download-speed'],
    ['tốc độ Internet di động', 'mobile-broadband-download-speed'],
    ['thứ hạng tốc độ Internet di động', 'mobile-broadband-speed-rank'],
    ['tỷ lệ người trưởng thành sử dụng điện thoại thông minh', 'adults-with-smartphone'],
    ['thôn, bản lõm sóng', 'dead-zone-villages-covered'],
    ['tỉnh, thành phố đã ban hành Kế hoạch chuyển đổi số', 'provinces-annual-dx-plan'],
    ['bảng xếp hạng Chính phủ điện tử của Liên Hợp Quốc', 'egdi-rank'],
    ['quy mô thị trường TMĐT bán lẻ', 'ecommerce-revenue'],
  ];
  it('resolve to their entry', () => {
    for (const [written, id] of press) {
      const m = catalog.resolve(written);
      // An alias that also names its family ("tốc độ Internet di động": the speed, and the subject of
      // "xếp hạng tốc độ Internet di động") resolves to its entry when no figure picks a sibling.
      const named = m.kind === 'ambiguous' && m.subject ? m.subject.find((e) => e.named)?.indicator.id : undefined;
      assert.equal('indicator' in m ? m.indicator.id : (named ?? m.kind), id, written);
    }
  });
  it('are no name or alias of another entry once folded', () => {
    const owners = new Map<string, Set<string>>();
    for (const ind of catalog.all()) for (const l of [ind.name, ...ind.aliases]) (owners.get(foldKey(l)) ?? owners.set(foldKey(l), new Set()).get(foldKey(l))!).add(ind.family ?? ind.id);
    for (const [written] of press) assert.equal(owners.get(foldKey(written))?.size, 1, written);
  });
  it('wrap marks a press alias as written, bound to its figure', () => {
    const text = doc('Theo Cục Viễn thông, tỷ lệ người trưởng thành sử dụng điện thoại thông minh ước khoảng 73,5%.', '2022-03');
    const { mentions } = detectMentions(text, catalog, { mode: 'wrap' });
    assert.deepEqual(mentions.map((m) => [m.indicator.id, m.text, m.figure?.numeral]), [['adults-with-smartphone', 'tỷ lệ người trưởng thành sử dụng điện thoại thông minh', '73,5']]);
  });
});
