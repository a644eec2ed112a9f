/**
 * Provinces in the history (docs/history.md "Provinces in the history"): the province a provincial
 * series' figure is about (history/subject.ts) is part of the history's key, so the rules compare a
 * province only with itself and the provinces' average only with the average. The scenario
 * test/fixtures/rules/figure-conflict/province-history (its exact findings are rules.test.ts's):
 * each finding marked `<!-- expect: rule (N) -->` names the earlier session N, in both languages.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROVINCES_2025 } from '../../server/src/core/agencies';
import { loadDefaultCatalog } from '../../server/src/core/catalog/load';
import { HistoryIndex } from '../../server/src/core/history/history';
import { NATIONAL, reportProvince, seriesKey, subjectOf } from '../../server/src/core/history/subject';
import { PROVINCE_NAMES, provincesNamed } from '../../server/src/core/provinces';
import { provinceFacts } from '../../server/src/core/catalog/provincial';
import { parseReport } from '../../server/src/core/parse/document';
import { historyDocument, saveReport } from '../../server/src/core/history/snapshot';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { checkNamedSessions, loadWorkspace, ruleFixturesDir } from '../rule-fixtures';

const catalog = loadDefaultCatalog();
const byId = (id: string) => catalog.find((i) => i.id === id)!;
const isProvincial = (i: (typeof catalog)[number]) => provinceFacts(i).series;

/** The subject of the first figure of `sentence` (the whole text is the sentence). */
function subject(sentence: string, figure: string, own?: string): string | undefined {
  const at = sentence.indexOf(figure);
  assert.ok(at >= 0, figure);
  return subjectOf(sentence, { start: 0, end: sentence.length }, at, at + figure.length, own);
}

describe('provinces in the history', () => {
  it('knows the 63 provinces and the 34 after the merger', () => {
    assert.equal(new Set(PROVINCE_NAMES).size, 63);
    assert.equal(PROVINCES_2025.length, 34);
    for (const p of PROVINCES_2025) assert.ok(PROVINCE_NAMES.includes(p), p);
  });

  it('reads province names as written, and only names', () => {
    const names = (s: string) => provincesNamed(s).map((p) => p.name);
    assert.deepEqual(names('Quảng Ninh đứng thứ 3, Khánh Hoà và Thanh Hoá sau đó'), ['Quảng Ninh', 'Khánh Hòa', 'Thanh Hóa']);
    assert.deepEqual(names('TP.HCM, TP HCM, Thành phố Hồ Chí Minh'), ['Thành phố Hồ Chí Minh', 'Thành phố Hồ Chí Minh', 'Thành phố Hồ Chí Minh']);
    // A renamed province is the same one; a merged one stays its own.
    assert.deepEqual(names('Thừa Thiên Huế, Thừa Thiên - Huế và Hải Dương'), ['Huế', 'Huế', 'Hải Dương']);
    assert.deepEqual(names('Bà Rịa – Vũng Tàu, Đăk Lăk'), ['Bà Rịa - Vũng Tàu', 'Đắk Lắk']);
    // Not a name: lower case ("diễn biến" folds like "Điện Biên" would without đ), the Pacific, a longer word.
    assert.deepEqual(names('diễn biến phức tạp, cao bằng năm trước, khu vực châu Á – Thái Bình Dương, Hà Nộii'), []);
  });

  it('finds the subject in the clause, then the sentence, then the front matter', () => {
    assert.equal(subject('Năm 2022, điểm của Quảng Ninh đạt 0,7024, đứng thứ 3/63.', '3/63'), 'Quảng Ninh');
    assert.equal(subject('Hà Nội đạt 0,8241, Huế đạt 0,7951.', '0,7951'), 'Huế');
    assert.equal(subject('Hà Nội và Huế đạt 0,8241.', '0,8241'), undefined);
    // Lists: the clause's one province is the last of a list, or the figures follow "lần lượt".
    // (as many provinces as figures after "lần lượt": the n-th is the n-th's, parse/subject-list.ts; else none)
    assert.equal(subject('Hà Nội, Huế lần lượt đạt 0,8241 và 0,7951.', '0,8241'), 'Hà Nội');
    assert.equal(subject('Hà Nội, Huế lần lượt đạt 0,8241 và 0,7951.', '0,7951'), 'Huế');
    assert.equal(subject('Hà Nội, Huế và Cần Thơ lần lượt đạt 0,8241 và 0,7951.', '0,8241'), undefined);
    assert.equal(subject('Hà Nội, Huế đều đạt trên 0,79.', 'trên 0,79'), undefined);
    assert.equal(subject('Hà Nội dẫn đầu, Huế đạt 0,7951.', '0,7951'), 'Huế');
    assert.equal(subject('Huế đạt 0,7951, cao hơn giá trị trung bình 0,6961.', '0,6961'), NATIONAL);
    assert.equal(subject('Năm 2024, giá trị bình quân đạt 0,6961.', '0,6961', 'Huế'), NATIONAL);
    // In parentheses: the figure of the words before them.
    assert.equal(subject('Ninh Bình đạt 0,5064 điểm, cao hơn điểm bình quân cả nước (0,4014 điểm).', '0,4014 điểm'), NATIONAL);
    assert.equal(subject('Huế đạt 0,7951, sau Hà Nội (0,8241).', '0,8241'), 'Hà Nội');
    assert.equal(subject('Huế đạt 0,7951 (tăng 1 bậc).', '0,7951'), 'Huế');
    assert.equal(subject('Năm 2024, thành phố đạt 0,7951, xếp thứ hai.', '0,7951', 'Huế'), 'Huế');
    assert.equal(subject('Năm 2024, thành phố đạt 0,7951, xếp thứ hai.', '0,7951'), undefined);
    // A reference's name is no naming of a province.
    assert.equal(subject('[[Điểm DTI Huế]] đạt 0,7951.', '0,7951'), undefined);
  });

  it('a sentence that names no province speaks of the one its paragraph, table or section names', () => {
    /** The subject of `figure` in the last line of `text` (that line its sentence). */
    const last = (text: string, figure: string, own?: string) => {
      const start = text.lastIndexOf('\n') + 1;
      const at = text.lastIndexOf(figure);
      return subjectOf(text, { start, end: text.length }, at, at + figure.length, own);
    };
    // The paragraph named Ninh Bình last: "tỉnh" is Ninh Bình, not the report's own Bắc Ninh.
    assert.equal(last('## So sánh\n\nNinh Bình đứng thứ 6/63.\nVề kinh tế số, tỉnh xếp thứ 8.', 'thứ 8', 'Bắc Ninh'), 'Ninh Bình');
    // A table's header names its province.
    assert.equal(last('## Kết quả\n\n| Thanh Hóa, DTI năm 2021 | Kết quả |\n|---|---|\n| [[Xếp hạng]] | 12/63 |', '12/63', 'Bắc Ninh'), 'Thanh Hóa');
    // The section's heading names it.
    assert.equal(last('## Kết quả của Lào Cai\n\nNăm 2024, tỉnh xếp thứ 14/34.', 'thứ 14/34', 'Bắc Ninh'), 'Lào Cai');
    // The last one named was one of a list: nobody's referent.
    assert.equal(last('## Top\n\nHà Nội và Huế dẫn đầu.\nTỉnh đạt 0,79.', '0,79', 'Huế'), undefined);
    // Another province named earlier in the section (another paragraph): the report's own is not sure.
    assert.equal(last('## So sánh\n\nĐà Nẵng đứng đầu.\n\nTỉnh xếp thứ 5.', 'thứ 5', 'Huế'), undefined);
    // Nothing named before it in its section: the report's own.
    assert.equal(last('## Kết quả\n\nNăm 2024, thành phố xếp thứ 2/34.', 'thứ 2/34', 'Huế'), 'Huế');
  });

  it('reads the report\'s province from its front matter', () => {
    const fm = (data: Record<string, unknown>) => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, data, fieldRanges: {} });
    assert.equal(reportProvince(fm({ issuer: 'Ủy ban nhân dân tỉnh Quảng Ninh' })), 'Quảng Ninh');
    assert.equal(reportProvince(fm({ 'issuer-parent': 'UBND thành phố Huế', issuer: 'Sở Khoa học và Công nghệ' })), 'Huế');
    assert.equal(reportProvince(fm({ committee: 'Ủy ban Quốc gia về chuyển đổi số', place: 'Hà Nội' })), undefined);
    assert.equal(reportProvince(fm({ issuer: 'Ủy ban nhân dân tỉnh Quảng Ninh', committee: 'Ban Chỉ đạo tỉnh Lạng Sơn' })), undefined);
  });

  it('keys only the provincial series', () => {
    for (const id of ['dti-province-score', 'dti-province-rank', 'dti-province-government-rank', 'dti-province-security-score']) assert.ok(isProvincial(byId(id)), id);
    for (const id of ['dti-ministry-rank', 'dti-ministry-score']) assert.ok(!isProvincial(byId(id)), id);
    assert.ok(catalog.filter((i) => i.scope !== 'national').every((i) => !isProvincial(i)));
  });

  it('keeps each province\'s entries under its own key, as reports come and go', () => {
    const history = new HistoryIndex();
    const report = (uri: string, text: string) => {
      const doc = parseReport(text, uri);
      const refs = doc.references.map((ref) => ({ ref, indicator: byId(ref.written.startsWith('Xếp hạng') ? 'dti-province-rank' : 'dti-province-score') }));
      history.setReport({ doc, refs });
      return doc;
    };
    const head = (s: number) => `---\nsession: ${s}\ndate: 2025-0${s}-01\nperiod: 2024\ntitle: Phiên ${s}\n---\n\n`;
    const id = 'dti-province-score';
    report('file:///a.report.md', `${head(1)}Năm 2024, [[Điểm Chỉ số chuyển đổi số cấp tỉnh]] của Hà Nội đạt 0,8241.\n\nNăm 2024, [[Điểm Chỉ số chuyển đổi số cấp tỉnh]] của Huế đạt 0,7951.\n`);
    // Asked once: the index is built, then kept up to date entry by entry.
    assert.deepEqual(history.entries(seriesKey(id, 'Huế')).map((e) => e.raw), ['đạt 0,7951']);
    report('file:///b.report.md', `${head(2)}Năm 2024, giá trị trung bình [[Điểm Chỉ số chuyển đổi số cấp tỉnh]] đạt 0,6961.\n\nNăm 2024, [[Điểm Chỉ số chuyển đổi số cấp tỉnh]] của Huế là 0,7915.\n\nNăm 2024, [[Điểm Chỉ số chuyển đổi số cấp tỉnh]] đạt 0,70.\n`);
    assert.deepEqual(history.entries(seriesKey(id, 'Huế')).map((e) => e.raw), ['đạt 0,7951', '0,7915']);
    assert.deepEqual(history.entries(seriesKey(id, 'Hà Nội')).map((e) => e.raw), ['đạt 0,8241']);
    assert.deepEqual(history.entries(seriesKey(id, NATIONAL)).map((e) => e.raw), ['đạt 0,6961']);
    // The indicator's own key holds every entry (series-outlier's median, the hover's table); the one that names no province is under no province.
    assert.equal(history.entries(id).length, 5);
    assert.equal(history.entries(id).filter((e) => e.subject === undefined).length, 1);
    assert.deepEqual(history.earlier(seriesKey(id, 'Huế'), { uri: 'file:///c.report.md', session: 3 }).map((e) => e.origin.session), [1, 2]);
    history.remove('file:///a.report.md');
    assert.deepEqual(history.entries(seriesKey(id, 'Huế')).map((e) => e.raw), ['0,7915']);
    assert.deepEqual(history.entries(seriesKey(id, 'Hà Nội')), []);
  });
});

describe('provinces in the saved index', () => {
  const dir = path.join(ruleFixturesDir, 'figure-conflict', 'province-history');
  const refsOf = (doc: ReturnType<typeof parseReport>) => doc.references.map((ref) => ({ ref, indicator: byId(ref.written.startsWith('Xếp hạng') ? 'dti-province-rank' : 'dti-province-score') }));

  it('keeps the front-matter fields that name the report\'s province, and only those', () => {
    const hue = parseReport(readFileSync(path.join(dir, 'hue-phien-13.report.md'), 'utf8'), 'file:///hue.report.md', { history: true });
    const saved = saveReport(hue, 'h');
    assert.deepEqual(saved.fm?.[5], { issuer: 'Ủy ban nhân dân thành phố Huế' });
    // Read back (a history document): the figure that names no province is still Huế's.
    const light = historyDocument(hue);
    const history = new HistoryIndex();
    history.setReport({ doc: light, refs: refsOf(light) });
    assert.deepEqual(history.entries(seriesKey('dti-province-score', 'Huế')).map((e) => e.raw), ['đạt 0,7915']);
    // A report of no province saves what it saved before: five fields.
    const national = parseReport(readFileSync(path.join(dir, 'phien-12.report.md'), 'utf8'), 'file:///p12.report.md', { history: true });
    assert.equal(saveReport(national, 'h').fm?.length, 5);
  });
});

describe('provinces across sessions (issue 13)', () => {
  const dir = path.join(ruleFixturesDir, 'figure-conflict', 'province-history');
  for (const lang of ['vi', 'en'] as const) {
    it(`every finding names the earlier session it compares with (${lang})`, async () => {
      assert.equal(await checkNamedSessions(dir, lang, assert), 6);
    });
  }

  // A province's own report: its figures of national entries are the province's (docs/history.md
  // "A province's own report"): silent beside a national report's other value, flagged against the
  // same province's earlier report, which the finding names.
  for (const lang of ['vi', 'en'] as const) {
    it(`a province's own report: its national entries' figures are compared with the same province's (${lang})`, async () => {
      assert.equal(await checkNamedSessions(path.join(ruleFixturesDir, 'figure-conflict', 'province-own-report'), lang, assert), 1);
    });
  }

  it('hover and inlay hints show the province\'s own history', async () => {
    const { service, files, folder } = await loadWorkspace({ rule: 'figure-conflict', dir });
    const uri = `${folder}/hue-phien-13.report.md`;
    const text = files[uri];
    const line = text.split('\n').findIndex((l) => l.includes('0,7915'));
    const h = service.hover(uri, text, { line, character: text.split('\n')[line].indexOf('[[') + 3 }, 1)!;
    assert.match(h.markdown, /tỉnh: Huế/);
    // Huế's 0,7951 (session 12), not Hà Nội's 0,8241 nor the average.
    assert.match(h.markdown, /0,7951/);
    assert.doesNotMatch(h.markdown, /0,8241|0,6961/);
    const hints = service.inlayHints(uri, text, { start: { line: 0, character: 0 }, end: { line: 30, character: 0 } }, 1);
    assert.deepEqual(hints.map((x) => x.label.trim()).sort(), ['◂ phiên 12: 0,6961', '◂ phiên 12: 0,7951', '◂ phiên 12: 0,8241'].sort());
  });

  it('a province named in the front matter changes which figures conflict', async () => {
    const folder = pathToFileURL(dir).toString();
    const files: Record<string, string> = {};
    for (const f of readdirSync(dir).filter((f) => f.endsWith('.report.md')).sort()) files[`${folder}/${f}`] = readFileSync(path.join(dir, f), 'utf8');
    const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: [folder], lang: 'en', severities: { 'missing-section': 'off', 'section-order': 'off' } });
    await service.reloadConfig();
    await service.reloadCatalog();
    await service.indexWorkspace();
    const uri = `${folder}/hue-phien-13.report.md`;
    const conflicts = (text: string, version: number) => service.check(uri, text, version).filter((f) => f.code === 'figure-conflict').length;
    assert.equal(conflicts(files[uri], 1), 1);
    // Another province's report: Hà Nội's 0,7915 is no statement of Huế's (nothing earlier for it).
    assert.equal(conflicts(files[uri].replace('Ủy ban nhân dân thành phố Huế', 'Ủy ban nhân dân thành phố Hà Nội'), 2), 1, 'Hà Nội stated 0,8241: 0,7915 conflicts with it');
    // No province: the figure is compared with nothing.
    assert.equal(conflicts(files[uri].replace('Ủy ban nhân dân thành phố Huế', 'Cục Chuyển đổi số quốc gia'), 3), 0);
  });
});
