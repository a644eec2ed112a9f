/**
 * `export --format docx`: the .docx read back (io/word.ts) has the ND 30/2020 header block, the
 * title, and a body whose text is the draft's text without the marks, block by block (headings,
 * paragraphs, list items, table rows), figures as written; the front matter's header fields fill
 * the header, recipients and signature; a team template's placeholders are filled; the CLI writes
 * the file atomically and refuses what it must.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { toString } from 'mdast-util-to-string';
import type { RootContent } from 'mdast';
import { parseReport } from '../../server/src/core/parse/document';
import { parseMarkdown } from '../../server/src/core/parse/guard';
import { exportPlain } from '../../server/src/core/export';
import { buildWordReport, runsText } from '../../server/src/core/word/model';
import { PAGE, QUOC_HIEU, TIEU_NGU, fillTemplate, renderDocx } from '../../server/src/core/word/docx';
import { PROPERTY_NAMES, customXml, readStoredFields } from '../../server/src/core/word/properties';
import { docxBlocks } from '../../server/src/io/word';
import type { Block } from '../../server/src/core/word/model';
import { repoRoot, HANG_MS } from '../helpers';
import { docxPackage, paraXml, paragraphsDocx } from './docx-fixture';

const bin = path.join(repoRoot, 'bin', 'policy-report.js');
const DRAFT = path.join(repoRoot, 'examples', 'du-thao-phien-10.report.md');

const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** What a reader sees of a block: the text, a list item with its marker, a table row's cells joined by " | ". */
function blockLines(blocks: Block[]): string[] {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.kind === 'table') for (const row of b.rows) out.push(row.map((c) => squash(runsText(c))).join(' | '));
    else out.push(squash((b.kind === 'paragraph' && b.marker ? b.marker : '') + runsText(b.runs)));
  }
  return out;
}

/**
 * The expected body, straight from the Markdown tree of the text without marks (independent of the
 * exporter's model): every heading, paragraph, list item and table row; comments and the front matter left out.
 */
function expectedLines(text: string): string[] {
  const plain = exportPlain(parseReport(text, 'file:///x.report.md'));
  const out: string[] = [];
  const visit = (n: RootContent, prefix = ''): void => {
    if (n.type === 'heading' || n.type === 'paragraph') {
      const t = squash(toString(n, { includeHtml: false }));
      if (t || prefix) out.push(squash(prefix + t));
    } else if (n.type === 'list') {
      let i = n.start ?? 1;
      for (const item of n.children) {
        const marker = n.ordered ? `${i++}. ` : '- ';
        item.children.forEach((c, k) => visit(c, k === 0 ? marker : ''));
      }
    } else if (n.type === 'table') {
      for (const row of n.children) out.push(row.children.map((c) => squash(toString(c, { includeHtml: false }))).join(' | '));
    } else if (n.type === 'blockquote') n.children.forEach((c) => visit(c));
  };
  for (const n of parseMarkdown(plain).children) visit(n);
  return out;
}

async function readBack(bytes: Uint8Array): Promise<Block[]> {
  return (await docxBlocks(bytes)).blocks;
}

const WITH_FIELDS = `---
session: 3
date: 2025-03-05
period: 2025-01
title: Tình hình chuyển đổi số tháng 01/2025
committee: Ủy ban Quốc gia về chuyển đổi số
issuer-parent: Bộ Khoa học và Công nghệ
issuer: Cục Chuyển đổi số quốc gia
number: 15/BC-CĐSQG
place: Hà Nội
issued: 2025-03-07
recipients:
  - Thủ tướng Chính phủ (để b/c);
  - Lưu: VT, CĐSQG.
signer:
  authority: KT. Cục trưởng
  title: Phó Cục trưởng
  name: Nguyễn Văn A
---

# Tình hình chuyển đổi số tháng 01/2025

## I. Kết quả đạt được

Trong tháng 01/2025, [[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt **45,2%**, *tăng* so với tháng trước.
Dòng tiếp theo của cùng đoạn.

<!-- ghi chú cho người viết: không vào văn bản -->

1. Đẩy mạnh [[Số doanh nghiệp công nghệ số]] lên 51.000 doanh nghiệp;
2. Hoàn thành sớm.

- Gạch đầu dòng một.

| Chỉ tiêu | Kỳ | Giá trị |
|---|---|--:|
| [[Tỷ lệ hồ sơ trực tuyến toàn trình]] | 2025-01 | 45,2% |
| [[Số doanh nghiệp công nghệ số]] | 2025-01 | 50.350 doanh nghiệp |

## II. Kiến nghị, đề xuất

Đề nghị các bộ, ngành tiếp tục phối hợp.
`;

describe('word export (docx)', function () {

  it('the examples draft: header block, title, and the body text equal to the draft without marks, figures as written', async () => {
    const text = readFileSync(DRAFT, 'utf8');
    const doc = parseReport(text, 'file:///draft.report.md');
    const report = buildWordReport(doc);
    const bytes = await renderDocx(report, 'Ủy ban Quốc gia về chuyển đổi số');
    const blocks = await readBack(bytes);
    // The header block: a two-column table, issuing body and number left, Quốc hiệu and tiêu ngữ right.
    const header = blocks[0];
    assert.equal(header.kind, 'table');
    if (header.kind !== 'table') return;
    const [left, right] = header.rows[0].map((c) => runsText(c).split('\n').map(squash));
    assert.deepEqual(left, ['ỦY BAN QUỐC GIA VỀ CHUYỂN ĐỔI SỐ', 'Số: /BC-…']);
    assert.deepEqual(right, [QUOC_HIEU, TIEU_NGU, 'Hà Nội, ngày 20 tháng 02 năm 2025']);
    // Then BÁO CÁO and the title (the draft's first heading).
    assert.deepEqual(blockLines(blocks.slice(1, 3)), ['BÁO CÁO', 'Dự thảo báo cáo Phiên họp thứ 10 của Ủy ban Quốc gia về chuyển đổi số']);
    // The body, block by block, is the draft's text without marks (the first heading is the title).
    const body = blockLines(blocks.slice(3, -1));
    const expected = expectedLines(text).slice(1);
    assert.deepEqual(body, expected);
    const all = body.join('\n');
    assert.ok(!all.includes('[['), 'no mark left');
    // Every figure of the draft, exactly as written.
    for (const f of doc.figures) assert.ok(all.includes(squash(f.raw)), `figure ${f.raw}`);
    // The closing block: recipients and signature.
    const closing = blocks[blocks.length - 1];
    assert.equal(closing.kind, 'table');
    if (closing.kind === 'table') assert.deepEqual(runsText(closing.rows[0][0]).split('\n').map(squash), ['Nơi nhận:', '- Như trên;', '- Lưu: VT.']);
  });

  it('front matter header fields fill the header, date, recipients and signature; lists and tables keep their text', async () => {
    const doc = parseReport(WITH_FIELDS, 'file:///t.report.md');
    assert.deepEqual(doc.problems, []);
    const blocks = await readBack(await renderDocx(buildWordReport(doc)));
    const header = blocks[0];
    assert.ok(header.kind === 'table');
    const [left, right] = header.rows[0].map((c) => runsText(c).split('\n').map(squash));
    assert.deepEqual(left, ['BỘ KHOA HỌC VÀ CÔNG NGHỆ', 'CỤC CHUYỂN ĐỔI SỐ QUỐC GIA', 'Số: 15/BC-CĐSQG']);
    assert.equal(right[2], 'Hà Nội, ngày 07 tháng 3 năm 2025');
    const body = blockLines(blocks.slice(3, -1));
    assert.deepEqual(body, expectedLines(WITH_FIELDS).slice(1));
    assert.ok(body.includes('Tỷ lệ hồ sơ trực tuyến toàn trình | 2025-01 | 45,2%'));
    assert.ok(body.includes('1. Đẩy mạnh Số doanh nghiệp công nghệ số lên 51.000 doanh nghiệp;'));
    assert.ok(!body.some((l) => l.includes('ghi chú cho người viết')), 'HTML comments are not the document');
    // Headings are Word headings (read back as h2).
    assert.deepEqual(
      blocks.filter((b) => b.kind === 'heading').map((b) => b.kind === 'heading' && [b.level, runsText(b.runs)]),
      [
        [2, 'I. Kết quả đạt được'],
        [2, 'II. Kiến nghị, đề xuất'],
      ],
    );
    const closing = blocks[blocks.length - 1];
    assert.ok(closing.kind === 'table');
    assert.deepEqual(runsText(closing.rows[0][0]).split('\n').map(squash), ['Nơi nhận:', '- Thủ tướng Chính phủ (để b/c);', '- Lưu: VT, CĐSQG.']);
    assert.deepEqual(runsText(closing.rows[0][1]).split('\n').map(squash), ['KT. CỤC TRƯỞNG', 'PHÓ CỤC TRƯỞNG', 'Nguyễn Văn A']);
  });

  it('the page is A4 with the ND 30/2020 margins and Times New Roman', async () => {
    const bytes = await renderDocx(buildWordReport(parseReport(WITH_FIELDS, 'file:///t.report.md')));
    // The document part, from the zip.
    const JSZip = (await import('jszip')).default;
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    assert.match(xml, new RegExp(`<w:pgSz w:w="${PAGE.width}" w:h="${PAGE.height}"`));
    const margins = /<w:pgMar [^>]*>/.exec(xml)![0];
    const mm = (name: string) => Math.round((Number(new RegExp(`w:${name}="(\\d+)"`).exec(margins)![1]) / 1440) * 25.4);
    assert.ok(mm('top') >= 20 && mm('top') <= 25 && mm('bottom') >= 20 && mm('bottom') <= 25, 'top and bottom 20-25 mm');
    assert.ok(mm('left') >= 30 && mm('left') <= 35 && mm('right') >= 15 && mm('right') <= 20, 'left 30-35 mm, right 15-20 mm');
    // Page numbers at the top from page 2: a default header with the PAGE field, an empty first-page one.
    assert.match(xml, /<w:titlePg\/>/);
    const zip = await JSZip.loadAsync(bytes);
    const headers = await Promise.all(Object.keys(zip.files).filter((f) => /^word\/header\d+\.xml$/.test(f)).map((f) => zip.file(f)!.async('string')));
    assert.equal(headers.filter((h) => /PAGE/.test(h)).length, 1);
    const styles = await (await JSZip.loadAsync(bytes)).file('word/styles.xml')!.async('string');
    assert.match(styles, /w:ascii="Times New Roman"/);
    assert.match(styles, /<w:sz w:val="28"\/>/);
  });

  it('invalid header fields are front-matter problems', () => {
    const bad = WITH_FIELDS.replace('issued: 2025-03-07', 'issued: 7/3/2025').replace('  name: Nguyễn Văn A', '  name: 5');
    const problems = parseReport(bad, 'file:///t.report.md').problems.map((p) => p.message.en);
    assert.equal(problems.length, 2, problems.join('\n'));
    assert.match(problems[0], /`issued` must be a valid ISO date/);
    assert.match(problems[1], /`signer` must be a mapping/);
  });

  it("a team's template: its placeholders are filled, the body poured in", async () => {
    const template = await paragraphsDocx(['{{issuer}}', 'Số: {{number}}', '{{place_date}}', '{{title}}', '{{body}}', '{{recipients}}', '{{signer_name}}']);
    const report = buildWordReport(parseReport(WITH_FIELDS, 'file:///t.report.md'));
    const lines = blockLines(await readBack(await fillTemplate(template, report)));
    assert.deepEqual(lines.slice(0, 4), ['CỤC CHUYỂN ĐỔI SỐ QUỐC GIA', 'Số: 15/BC-CĐSQG', 'Hà Nội, ngày 07 tháng 3 năm 2025', 'Tình hình chuyển đổi số tháng 01/2025']);
    assert.deepEqual(lines.slice(4, -4), expectedLines(WITH_FIELDS).slice(1));
    assert.deepEqual(lines.slice(-4), ['Nơi nhận:', '- Thủ tướng Chính phủ (để b/c);', '- Lưu: VT, CĐSQG.', 'Nguyễn Văn A']);
    assert.ok(!lines.some((l) => l.includes('{{')), 'no placeholder left');
  });

  it("a filled team template stores the session, date and period like a generated report; the template's own properties are kept", async () => {
    const plain = await paragraphsDocx(['{{title}}', '{{body}}']);
    // A template with its own custom properties, one of them named as ours (an old export's), as Word writes the part.
    const own = (pid: number, name: string, value: string) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${pid}" name="${name}"><vt:lpwstr>${value}</vt:lpwstr></property>`;
    const custom = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${own(2, 'Department', 'Vụ Kế hoạch')}${own(3, PROPERTY_NAMES.session, '99')}</Properties>`;
    const withOwn = await docxPackage(['{{title}}', '{{body}}'].map((t) => paraXml(t)).join(''), { custom });
    const report = buildWordReport(parseReport(WITH_FIELDS, 'file:///t.report.md'));
    for (const template of [plain, withOwn]) {
      const filled = await fillTemplate(template, report);
      assert.deepEqual((await docxBlocks(filled)).stored, { session: 3, date: '2025-03-05', period: '2025-01' });
      const zip = await (await import('jszip')).default.loadAsync(filled);
      assert.match(await zip.file('[Content_Types].xml')!.async('string'), /PartName="\/docProps\/custom\.xml"/);
      assert.match(await zip.file('_rels/.rels')!.async('string'), /relationships\/custom-properties" Target="docProps\/custom\.xml"/);
      const custom = await zip.file('docProps/custom.xml')!.async('string');
      const pids = [...custom.matchAll(/pid="(\d+)"/g)].map((m) => m[1]);
      assert.equal(new Set(pids).size, pids.length, `unique pids: ${custom}`);
      if (template === withOwn) assert.match(custom, /name="Department"><vt:lpwstr>Vụ Kế hoạch</);
      assert.equal((custom.match(/PolicyReport\.Session/g) ?? []).length, 1, custom);
    }
  });

  it('customXml: a part that cannot be read is written anew; pids after those of the part', () => {
    const xml = customXml('<not xml', { session: 4, period: '2025-Q1' });
    assert.match(xml, /^<\?xml[^>]*>\n<Properties xmlns=/);
    assert.deepEqual(readStoredFields(xml), { session: 4, period: '2025-Q1' });
    assert.match(customXml(undefined, { date: '2025-03-05' }), /pid="2" name="PolicyReport\.Date"><vt:lpwstr>2025-03-05</);
  });

  it('the CLI: export --format docx writes FILE.docx atomically, uses .policy-report/template.docx, refuses a bad template and an existing file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pr-docx-'));
    try {
      const report = path.join(dir, 'bao-cao.report.md');
      writeFileSync(report, WITH_FIELDS);
      const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C' }, timeout: HANG_MS });
      let r = run('export', 'bao-cao.report.md', '--format', 'docx');
      assert.equal(r.status, 0, r.stderr);
      const out = path.join(dir, 'bao-cao.docx');
      assert.ok(existsSync(out));
      const first = readFileSync(out);
      assert.equal(first.subarray(0, 2).toString(), 'PK');
      r = run('export', 'bao-cao.report.md', '--format', 'docx');
      assert.equal(r.status, 2);
      assert.match(r.stderr, /exists/);
      // A team template in .policy-report/.
      mkdirSync(path.join(dir, '.policy-report'));
      const template = await paragraphsDocx(['MẪU CỦA ĐƠN VỊ {{number}}', '{{body}}']);
      writeFileSync(path.join(dir, '.policy-report', 'template.docx'), template);
      r = run('export', 'bao-cao.report.md', '--format', 'docx', '--out', 'mau.docx');
      assert.equal(r.status, 0, r.stderr);
      const lines = blockLines(await readBack(readFileSync(path.join(dir, 'mau.docx'))));
      assert.equal(lines[0], 'MẪU CỦA ĐƠN VỊ 15/BC-CĐSQG');
      // A template that is not a .docx: a clear error, nothing written.
      writeFileSync(path.join(dir, '.policy-report', 'template.docx'), 'not a zip');
      r = run('export', 'bao-cao.report.md', '--format', 'docx', '--out', 'hong.docx');
      assert.equal(r.status, 2);
      assert.match(r.stderr, /template\.docx: not a usable \.docx template/);
      assert.ok(!existsSync(path.join(dir, 'hong.docx')));
      // Never over its own input.
      r = run('export', 'bao-cao.report.md', '--format', 'docx', '--out', 'bao-cao.report.md', '--force');
      assert.equal(r.status, 2);
      assert.equal(readFileSync(report, 'utf8'), WITH_FIELDS);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
