/**
 * `import`: a Word report made here with the `docx` package from known text (the ND 30/2020 header
 * block as a table, "BÁO CÁO" and the title, sections as bold paragraphs as old reports write them,
 * a Word heading, a list, an indicator table, "Nơi nhận:" and the signature) becomes the same report
 * typed in the dialect: the same text, the same marks, the same findings; the front matter is read
 * from the header block and title (or given as options); an imported folder of old reports is the
 * history at once (its figures conflict with a later report's restatement).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { importReport } from '../../server/src/core/word/import';
import { docxBlocks } from '../../server/src/io/word';
import { buildWordReport } from '../../server/src/core/word/model';
import { renderDocx } from '../../server/src/core/word/docx';
import { parseReport } from '../../server/src/core/parse/document';
import { repoRoot, HANG_MS } from '../helpers';

const bin = path.join(repoRoot, 'bin', 'policy-report.js');

/** The report as a writer types it in the dialect. */
const TYPED = `---
session: 3
date: 2022-07-22
period: 2022-S1
title: "Kết quả chuyển đổi số 6 tháng đầu năm 2022"
issuer: "BỘ THÔNG TIN VÀ TRUYỀN THÔNG"
number: "25/BC-BTTTT"
place: "Hà Nội"
recipients:
  - "Thủ tướng Chính phủ;"
  - "Lưu: VT, CĐSQG."
signer:
  authority: "KT. BỘ TRƯỞNG"
  title: "THỨ TRƯỞNG"
  name: "Nguyễn Văn A"
---

# Kết quả chuyển đổi số 6 tháng đầu năm 2022

## I. KẾT QUẢ ĐẠT ĐƯỢC

Trong 6 tháng đầu năm 2022, [[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 120%.

[[Số doanh nghiệp công nghệ số]] đạt 50,350 doanh nghiệp trong 6 tháng đầu năm 2022.

Trên Cổng Dịch vụ công quốc gia có thêm 1.5 triệu tài khoản.

### 1. Kinh tế số

Theo Tổng cục Thống kê, [[Tỷ trọng kinh tế số trong GDP @ TCTK]] năm 2021 là 11,91%.

## II. NHIỆM VỤ THỜI GIAN TỚI

- Đẩy mạnh dịch vụ công trực tuyến toàn trình.
- Phát triển doanh nghiệp công nghệ số.

| Chỉ tiêu | Kỳ | Giá trị |
|---|---|---|
| [[Số doanh nghiệp công nghệ số]] | 2022-S1 | 50.350 doanh nghiệp |
| [[Tỷ lệ hồ sơ trực tuyến toàn trình]] | 2022-S1 | 120% |
`;

const p = (text: string, opts: { bold?: boolean; italics?: boolean; center?: boolean; heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel] } = {}) =>
  new Paragraph({ heading: opts.heading, alignment: opts.center ? AlignmentType.CENTER : undefined, children: [new TextRun({ text, bold: opts.bold, italics: opts.italics })] });
const cell = (...children: Paragraph[]) => new TableCell({ children, width: { size: 4500, type: WidthType.DXA } });
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const noBorders = { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none };

/** The same report as an office writes it in Word (no marks, sections in bold, the ND 30/2020 blocks). */
async function wordReport(): Promise<Buffer> {
  const doc = new Document({
    sections: [
      {
        children: [
          new Table({
            borders: noBorders,
            rows: [
              new TableRow({
                children: [
                  cell(p('BỘ THÔNG TIN VÀ TRUYỀN THÔNG', { bold: true, center: true }), p('Số: 25/BC-BTTTT', { center: true })),
                  cell(p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true }), p('Độc lập - Tự do - Hạnh phúc', { bold: true, center: true }), p('Hà Nội, ngày 22 tháng 7 năm 2022', { italics: true, center: true })),
                ],
              }),
            ],
          }),
          p('BÁO CÁO', { bold: true, center: true }),
          p('Kết quả chuyển đổi số 6 tháng đầu năm 2022', { bold: true, center: true }),
          p('I. KẾT QUẢ ĐẠT ĐƯỢC', { bold: true }),
          p('Trong 6 tháng đầu năm 2022, Tỷ lệ hồ sơ trực tuyến toàn trình đạt 120%.'),
          p('Số doanh nghiệp công nghệ số đạt 50,350 doanh nghiệp trong 6 tháng đầu năm 2022.'),
          p('Trên Cổng Dịch vụ công quốc gia có thêm 1.5 triệu tài khoản.'),
          p('1. Kinh tế số', { bold: true }),
          p('Theo Tổng cục Thống kê, Tỷ trọng kinh tế số trong GDP năm 2021 là 11,91%.'),
          p('II. NHIỆM VỤ THỜI GIAN TỚI', { bold: true }),
          p('- Đẩy mạnh dịch vụ công trực tuyến toàn trình.'),
          p('- Phát triển doanh nghiệp công nghệ số.'),
          new Table({
            rows: [
              ['Chỉ tiêu', 'Kỳ', 'Giá trị'],
              ['Số doanh nghiệp công nghệ số', '2022-S1', '50.350 doanh nghiệp'],
              ['Tỷ lệ hồ sơ trực tuyến toàn trình', '2022-S1', '120%'],
            ].map((r, i) => new TableRow({ children: r.map((c) => cell(p(c, { bold: i === 0 }))) })),
          }),
          new Table({
            borders: noBorders,
            rows: [
              new TableRow({
                children: [
                  cell(p('Nơi nhận:', { bold: true, italics: true }), p('- Thủ tướng Chính phủ;'), p('- Lưu: VT, CĐSQG.')),
                  cell(p('KT. BỘ TRƯỞNG', { bold: true, center: true }), p('THỨ TRƯỞNG', { bold: true, center: true }), p('Nguyễn Văn A', { bold: true, center: true })),
                ],
              }),
            ],
          }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}

async function serviceFor(files: Record<string, string>) {
  const service = new LanguageService({ workspace: new InMemoryWorkspace(files), folders: ['file:///ws'], lang: 'en' });
  await service.reloadCatalog();
  await service.indexWorkspace();
  return service;
}

/** Findings as comparable records: rule, message, and the line's text with the marks taken out. */
function findingsOf(service: LanguageService, uri: string, text: string): string[] {
  const lines = text.split('\n');
  return service
    .check(uri, text)
    .map((f) => `${f.code} | ${f.message} | ${lines[f.range.start.line].replace(/\[\[|\]\]/g, '').replace(/ @ \w+/g, '')}`)
    .sort();
}

const body = (t: string) => t.slice(t.indexOf('\n---\n') + 5);

describe('word import (docx)', function () {

  it('a Word report becomes the report typed in the dialect: same front matter, text, marks and findings', async () => {
    const { blocks } = await docxBlocks(await wordReport());
    const catalog = (await serviceFor({})).catalogs.catalog;
    const result = importReport(blocks, catalog, { fileName: 'bao-cao.docx' });
    // Read from the document itself: the title, the header's date line, the title's period.
    assert.deepEqual([result.session.value, result.date.value, result.period.value], [null, '2022-07-22', '2022-S1']);
    assert.equal(result.date.source, 'header');
    assert.equal(result.period.source, 'title');
    assert.deepEqual(result.unsure, ['session']);
    // The session is not in this document: given, as the editor asks for it.
    const imported = importReport(blocks, catalog, { fileName: 'bao-cao.docx', session: 3 });
    assert.deepEqual(imported.unsure, []);
    assert.equal(body(imported.text), body(TYPED));
    assert.deepEqual(parseReport(imported.text, 'file:///ws/a.report.md').frontMatter?.data, parseReport(TYPED, 'file:///ws/b.report.md').frontMatter?.data);
    assert.equal(imported.indicatorTables, 1);
    assert.equal(imported.marked.length, parseReport(TYPED, 'file:///ws/t.report.md').references.length);
    // The same findings (and there are some: the draft has mistakes).
    const service = await serviceFor({ 'file:///ws/imported.report.md': imported.text, 'file:///ws/typed.report.md': TYPED });
    const a = findingsOf(service, 'file:///ws/imported.report.md', imported.text);
    const b = findingsOf(service, 'file:///ws/typed.report.md', TYPED);
    assert.ok(a.some((f) => f.startsWith('percent-out-of-range')), a.join('\n'));
    assert.ok(a.some((f) => f.startsWith('english-decimal')), a.join('\n'));
    assert.ok(a.some((f) => f.startsWith('count-decimals')), a.join('\n'));
    assert.deepEqual(a, b);
  });

  it('an exported report imports back to the same text and marks', async () => {
    const bytes = await renderDocx(buildWordReport(parseReport(TYPED, 'file:///ws/t.report.md')));
    const { blocks } = await docxBlocks(bytes);
    const catalog = (await serviceFor({})).catalogs.catalog;
    // The session number is not part of an official document's text: given, as when importing.
    const back = importReport(blocks, catalog, { session: 3 });
    assert.deepEqual(back.unsure, []);
    assert.equal(body(back.text), body(TYPED));
    assert.deepEqual(parseReport(back.text, 'file:///ws/a.report.md').frontMatter?.data, parseReport(TYPED, 'file:///ws/b.report.md').frontMatter?.data);
  });

  it('text that looks like Markdown stays text; bold and italic runs are kept', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            p('Tiêu đề', { heading: HeadingLevel.HEADING_1 }),
            new Paragraph({ children: [new TextRun('Có '), new TextRun({ text: 'chữ đậm', bold: true }), new TextRun(' và '), new TextRun({ text: 'nghiêng', italics: true }), new TextRun(' *sao* _gạch_ [[ngoặc]] <b>.')] }),
            p('2024. Một năm bắt đầu câu.'),
            p('# không phải tiêu đề'),
          ],
        },
      ],
    });
    const { blocks } = await docxBlocks(await Packer.toBuffer(doc));
    const r = importReport(blocks, (await serviceFor({})).catalogs.catalog, { session: 1, date: '2024-01-02', period: '2023' });
    assert.match(r.text, /^# Tiêu đề$/m);
    assert.match(r.text, /^Có \*\*chữ đậm\*\* và \*nghiêng\* \\\*sao\\\* \\_gạch\\_ \\\[\\\[ngoặc\\\]\\\] \\<b>\.$/m);
    assert.match(r.text, /^2024\\\. Một năm bắt đầu câu\.$/m);
    assert.match(r.text, /^\\# không phải tiêu đề$/m);
    const doc2 = parseReport(r.text, 'file:///x.report.md');
    assert.deepEqual(doc2.problems, []);
    assert.equal(doc2.references.length, 0, 'no mark made by accident');
  });

  it('an old report without a header table: Quốc hiệu as paragraphs, a title on two lines, the session as a word, a date in figures', async () => {
    const doc = new Document({
      sections: [
        {
          children: [
            p('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true, center: true }),
            p('Độc lập - Tự do - Hạnh phúc', { bold: true, center: true }),
            p('---------------', { center: true }),
            p('Bắc Kạn, ngày 05 tháng 01 năm 2023', { italics: true }),
            p('BÁO CÁO', { bold: true, center: true }),
            p('Tình hình chuyển đổi số năm 2022', { bold: true, center: true }),
            p('phục vụ Phiên họp thứ hai của Ban Chỉ đạo', { bold: true, center: true }),
            p('_______', { center: true }),
            p('I. KẾT QUẢ', { bold: true }),
            p('1. Hạ tầng số', { bold: true }),
            p('a) Băng rộng', { bold: true }),
            p('Năm 2022, Số doanh nghiệp công nghệ số đạt 1.200 doanh nghiệp.'),
            p('Nơi nhận:', { bold: true, italics: true }),
            p('- UBND tỉnh;'),
            p('- Lưu: VT.'),
          ],
        },
      ],
    });
    const { blocks } = await docxBlocks(await Packer.toBuffer(doc));
    const r = importReport(blocks, (await serviceFor({})).catalogs.catalog, {});
    assert.equal(r.title, 'Tình hình chuyển đổi số năm 2022 phục vụ Phiên họp thứ hai của Ban Chỉ đạo');
    assert.deepEqual([r.session.value, r.date.value, r.period.value], [2, '2023-01-05', '2022']);
    assert.deepEqual([r.session.source, r.date.source, r.period.source], ['title', 'header', 'title']);
    assert.match(r.text, /^place: "Bắc Kạn"$/m);
    assert.match(r.text, /^recipients:\n {2}- "UBND tỉnh;"\n {2}- "Lưu: VT\."$/m);
    assert.match(r.text, /^## I\. KẾT QUẢ\n\n### 1\. Hạ tầng số\n\n#### a\) Băng rộng\n\nNăm 2022, \[\[Số doanh nghiệp công nghệ số\]\] đạt 1\.200 doanh nghiệp\.\n$/m);
    assert.ok(!/CỘNG HÒA|Độc lập|---|___/.test(r.text.slice(r.text.indexOf('\n---\n') + 5)), r.text);
    assert.deepEqual(parseReport(r.text, 'file:///x.report.md').problems, []);
  });

  it('a table of indicators by period, with a unit column, becomes an indicator table: one row per indicator and period', async () => {
    const rows = [
      ['STT', 'Chỉ tiêu', 'Đơn vị', 'Năm 2023', '6 tháng đầu năm 2024', 'Ghi chú'],
      ['1', 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', '40', '42', ''],
      ['2', 'Số doanh nghiệp công nghệ số', 'doanh nghiệp', '45.600', '50.350', 'ước tính'],
    ];
    const doc = new Document({ sections: [{ children: [p('Tiêu đề', { heading: HeadingLevel.HEADING_1 }), new Table({ rows: rows.map((r) => new TableRow({ children: r.map((c) => cell(p(c))) })) })] }] });
    const { blocks } = await docxBlocks(await Packer.toBuffer(doc));
    const r = importReport(blocks, (await serviceFor({})).catalogs.catalog, { session: 9, date: '2024-07-10', period: '2024-S1' });
    assert.match(
      r.text,
      /\| Chỉ tiêu \| Kỳ \| Giá trị \| Ghi chú \|\n\|---\|---\|---\|---\|\n\| \[\[Tỷ lệ hồ sơ trực tuyến toàn trình\]\] \| 2023 \| 40% \| {3}\|\n\| \[\[Tỷ lệ hồ sơ trực tuyến toàn trình\]\] \| 2024-S1 \| 42% \| {3}\|\n\| \[\[Số doanh nghiệp công nghệ số\]\] \| 2023 \| 45\.600 doanh nghiệp \| ước tính \|\n/,
    );
    assert.equal(r.indicatorTables, 1);
    // Each figure with its period, as the checker reads the table.
    const refs = parseReport(r.text, 'file:///t.report.md').references.map((x) => [x.name, x.figure?.raw, x.period]);
    assert.deepEqual(refs, [
      ['Tỷ lệ hồ sơ trực tuyến toàn trình', '40%', '2023'],
      ['Tỷ lệ hồ sơ trực tuyến toàn trình', '42%', '2024-S1'],
      ['Số doanh nghiệp công nghệ số', '45.600 doanh nghiệp', '2023'],
      ['Số doanh nghiệp công nghệ số', '50.350 doanh nghiệp', '2024-S1'],
    ]);
  });

  it('the CLI imports a folder of old reports, which is then the history of a later report', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pr-import-'));
    try {
      const old = new Document({
        sections: [
          {
            children: [
              p('BÁO CÁO', { bold: true }),
              p('Phiên họp thứ 2 của Ủy ban Quốc gia về chuyển đổi số', { bold: true }),
              p('Hà Nội, ngày 27 tháng 4 năm 2022', { italics: true }),
              p('Kết quả đạt được', { heading: HeadingLevel.HEADING_1 }),
              p('Trong quý I/2022, Doanh thu kinh tế số đạt khoảng 50 tỷ USD.'),
            ],
          },
        ],
      });
      writeFileSync(path.join(dir, 'phien-02.docx'), await Packer.toBuffer(old));
      writeFileSync(path.join(dir, 'hong.docx'), 'not a zip');
      const later = `---\nsession: 3\ndate: 2022-07-22\nperiod: 2022-S1\ntitle: Phiên họp thứ 3\n---\n\n# Phiên họp thứ 3\n\n## Kết quả đạt được\n\nNhắc lại kết quả quý I/2022, [[Doanh thu kinh tế số]] khoảng 60 tỷ USD.\n`;
      writeFileSync(path.join(dir, 'phien-03.report.md'), later);
      const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C' }, timeout: HANG_MS });
      // Before the import: nothing to conflict with.
      let r = run('check', '.', '--format', 'json');
      assert.ok(!r.stdout.includes('figure-conflict'), r.stdout);
      r = run('import', '.', '--report', 'json');
      assert.equal(r.status, 2, 'the broken .docx is named, the other imported');
      assert.match(r.stderr, /cannot read hong\.docx: not a Word \.docx document/);
      const report = JSON.parse(r.stdout);
      assert.equal(report.length, 1);
      assert.deepEqual([report[0].session.value, report[0].date.value, report[0].period.value], [2, '2022-04-27', '2022-Q1']);
      assert.deepEqual(report[0].marked.map((m: { indicator: string }) => m.indicator).length, 1);
      const imported = readFileSync(path.join(dir, 'phien-02.report.md'), 'utf8');
      assert.match(imported, /\[\[Doanh thu kinh tế số\]\] đạt khoảng 50 tỷ USD/);
      // The imported report is history: the later report's restatement now conflicts with it.
      r = run('check', '.', '--format', 'json');
      const findings = JSON.parse(r.stdout) as Array<{ file: string; code: string }>;
      assert.ok(findings.some((f) => f.file === 'phien-03.report.md' && f.code === 'figure-conflict'), r.stdout);
      assert.ok(!findings.some((f) => f.file === 'phien-02.report.md' && f.code === 'front-matter'), r.stdout);
      // Not over an existing file without --force; options are validated.
      r = run('import', 'phien-02.docx');
      assert.equal(r.status, 2);
      assert.match(r.stderr, /exists/);
      r = run('import', 'phien-02.docx', '--period', 'quý 1', '--out', '-');
      assert.equal(r.status, 2);
      r = run('import', 'phien-02.docx', '--session', '7', '--out', '-');
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /^session: 7$/m);
      assert.ok(existsSync(path.join(dir, 'phien-02.report.md')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
