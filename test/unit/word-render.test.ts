/**
 * Proof the exported .docx opens: LibreOffice (headless) renders the examples draft to a PDF and a
 * PNG of page 1; the page is A4-shaped and has ink where the header block is (issuing body on the
 * left, Quốc hiệu on the right), the title and the body. And LibreOffice's own reading of the file
 * (its text export) holds the header block, the table rows and the draft's text without marks.
 * And a Word report written by another program (LibreOffice's own .docx writer, from HTML) imports
 * with the same findings as the same report typed in the dialect.
 * Runs when `soffice` is on the PATH; with POLICY_REPORT_REQUIRE_SOFFICE=1 (.ci/run sets it after
 * installing LibreOffice) a missing `soffice` is a failure, never a silent skip.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { inflateSync } from 'node:zlib';
import { parseReport } from '../../server/src/core/parse/document';
import { exportPlain } from '../../server/src/core/export';
import { buildWordReport } from '../../server/src/core/word/model';
import { QUOC_HIEU, TIEU_NGU, renderDocx } from '../../server/src/core/word/docx';
import { importReport } from '../../server/src/core/word/import';
import { docxBlocks } from '../../server/src/io/word';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { repoRoot, HANG_MS } from '../helpers';

const DRAFT = path.join(repoRoot, 'examples', 'du-thao-phien-10.report.md');

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: HANG_MS }).status === 0;
}

/** Runs LibreOffice headless with its own profile (no clash with another instance). */
function soffice(profile: string, args: string[], cwd: string): void {
  const r = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', ...args], { cwd, encoding: 'utf8', timeout: HANG_MS });
  assert.equal(r.status, 0, `soffice ${args.join(' ')}: ${r.stderr}`);
}

/** A PNG's pixels as grey levels (8-bit RGB or RGBA, non-interlaced, as LibreOffice writes it). */
export function decodePng(png: Buffer): { width: number; height: number; grey: (x: number, y: number) => number } {
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
  let at = 8;
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  while (at < png.length) {
    const len = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    const data = png.subarray(at + 8, at + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      assert.equal(data[8], 8, 'bit depth 8');
      channels = { 2: 3, 6: 4, 0: 1, 4: 2 }[data[9]] ?? 0;
      assert.ok(channels, `colour type ${data[9]}`);
      assert.equal(data[12], 0, 'not interlaced');
    } else if (type === 'IDAT') idat.push(data);
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? pixels[y * stride + i - channels] : 0;
      const b = y > 0 ? pixels[(y - 1) * stride + i] : 0;
      const c = y > 0 && i >= channels ? pixels[(y - 1) * stride + i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      pixels[y * stride + i] = v & 0xff;
    }
  }
  const grey = (x: number, y: number): number => {
    const o = y * stride + x * channels;
    if (channels <= 2) return pixels[o];
    // Transparent is white paper.
    if (channels === 4 && pixels[o + 3] === 0) return 255;
    return (pixels[o] + pixels[o + 1] + pixels[o + 2]) / 3;
  };
  return { width, height, grey };
}

/** The share of dark pixels in a rectangle given as fractions of the page. */
function ink(img: ReturnType<typeof decodePng>, x0: number, y0: number, x1: number, y1: number): number {
  let dark = 0;
  let all = 0;
  for (let y = Math.floor(y0 * img.height); y < Math.floor(y1 * img.height); y++) {
    for (let x = Math.floor(x0 * img.width); x < Math.floor(x1 * img.width); x++) {
      all++;
      if (img.grey(x, y) < 128) dark++;
    }
  }
  return dark / all;
}

describe('word export rendered by LibreOffice', function () {
  let dir = '';

  before(function () {
    if (!hasSoffice()) {
      if (process.env.POLICY_REPORT_REQUIRE_SOFFICE === '1') throw new Error('soffice (LibreOffice) is required (POLICY_REPORT_REQUIRE_SOFFICE=1) but is not on the PATH');
      this.skip();
    }
    dir = mkdtempSync(path.join(tmpdir(), 'pr-render-'));
  });
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('renders the examples draft to a PDF and an A4 PNG of page 1 with the header block, title and body', async () => {
    const text = readFileSync(DRAFT, 'utf8');
    writeFileSync(path.join(dir, 'draft.docx'), await renderDocx(buildWordReport(parseReport(text, 'file:///draft.report.md'))));
    const profile = path.join(dir, 'profile');
    soffice(profile, ['--convert-to', 'pdf', '--outdir', dir, 'draft.docx'], dir);
    const pdf = readFileSync(path.join(dir, 'draft.pdf'));
    assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
    assert.ok(pages >= 2, `the draft fills more than a page (${pages})`);
    // A4 in points: 595 × 842.
    const box = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    assert.ok(box, 'a media box');
    assert.ok(Math.abs(Number(box[1]) - 595.3) < 1 && Math.abs(Number(box[2]) - 841.9) < 1, `A4 (${box[1]} × ${box[2]})`);

    soffice(profile, ['--convert-to', 'png', '--outdir', dir, 'draft.docx'], dir);
    const img = decodePng(readFileSync(path.join(dir, 'draft.png')));
    assert.ok(Math.abs(img.height / img.width - 297 / 210) < 0.01, `A4-shaped page (${img.width} × ${img.height})`);
    // Margins: nothing in the left 30 mm nor the top 15 mm.
    assert.equal(ink(img, 0, 0, 25 / 210, 1), 0, 'left margin empty');
    assert.equal(ink(img, 0, 0, 1, 15 / 297), 0, 'top margin empty');
    // The header block: issuing body on the left, Quốc hiệu on the right, in the top 50 mm.
    assert.ok(ink(img, 30 / 210, 20 / 297, 90 / 210, 45 / 297) > 0.003, 'issuing body');
    assert.ok(ink(img, 100 / 210, 20 / 297, 195 / 210, 45 / 297) > 0.003, 'Quốc hiệu and tiêu ngữ');
    // The body fills the page below.
    assert.ok(ink(img, 30 / 210, 80 / 297, 195 / 210, 270 / 297) > 0.02, 'body text');
  });

  it("LibreOffice's reading of the file has the header block, the tables' rows and the draft's text without marks", async () => {
    const text = readFileSync(DRAFT, 'utf8');
    writeFileSync(path.join(dir, 'read.docx'), await renderDocx(buildWordReport(parseReport(text, 'file:///draft.report.md'))));
    soffice(path.join(dir, 'profile'), ['--convert-to', 'txt:Text (encoded):UTF8', '--outdir', dir, 'read.docx'], dir);
    const seen = readFileSync(path.join(dir, 'read.txt'), 'utf8').replace(/^\uFEFF/, '');
    const squash = (s: string) => s.replace(/\s+/g, ' ').trim();
    const flat = squash(seen);
    for (const s of [QUOC_HIEU, TIEU_NGU, 'Hà Nội, ngày 20 tháng 02 năm 2025', 'BÁO CÁO', 'Nơi nhận:']) assert.ok(flat.includes(s), s);
    assert.ok(!flat.includes('[['), 'no mark');
    // Every line of prose of the draft without marks (not the Markdown syntax: headings' #, table pipes, comments) is in LibreOffice's text.
    const plain = exportPlain(parseReport(text, 'file:///draft.report.md'));
    const prose = plain
      .split('\n')
      .filter((l) => l.trim() && !/^(---|<!--|\||#|[a-z]+:|\s*[-*] |\d+\. )/.test(l));
    assert.ok(prose.length > 20);
    for (const l of prose) assert.ok(flat.includes(squash(l)), `line: ${l}`);
    // Table rows: each cell's text, in order, within one stretch of LibreOffice's text.
    const rows = plain.split('\n').filter((l) => /^\|[^-]/.test(l));
    assert.ok(rows.length >= 3);
    for (const row of rows) {
      const cells = row.split('|').slice(1, -1).map(squash).filter(Boolean);
      let at = 0;
      for (const c of cells) {
        const i = flat.indexOf(c, at);
        assert.ok(i >= 0, `cell ${c} of ${row}`);
        at = i + c.length;
      }
    }
  });

  it('a Word report written by another program (LibreOffice, from HTML) imports with the findings of the same report typed in the dialect', async () => {
    writeFileSync(path.join(dir, 'other.html'), OTHER_HTML);
    soffice(path.join(dir, 'profile'), ['--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, 'other.html'], dir);
    const { blocks } = await docxBlocks(readFileSync(path.join(dir, 'other.docx')));
    const service = new LanguageService({ workspace: new InMemoryWorkspace({}), folders: ['file:///ws'], lang: 'en' });
    await service.reloadCatalog();
    const r = importReport(blocks, service.catalogs.catalog, { fileName: 'other.docx' });
    assert.deepEqual([r.session.value, r.date.value, r.period.value, r.unsure], [11, '2025-07-15', '2025-S1', []]);
    assert.equal(r.indicatorTables, 1);
    const findings = (uri: string, text: string) => {
      const lines = text.split('\n');
      return service
        .check(uri, text)
        .map((f) => `${f.code} | ${lines[f.range.start.line].replace(/\[\[|\]\]/g, '').toLowerCase()}`)
        .sort();
    };
    const imported = findings('file:///ws/imported.report.md', r.text);
    assert.ok(imported.some((f) => f.startsWith('english-decimal')), imported.join('\n'));
    assert.deepEqual(imported, findings('file:///ws/typed.report.md', OTHER_TYPED));
    assert.deepEqual(parseReport(r.text, 'file:///ws/a.report.md').frontMatter?.data, parseReport(OTHER_TYPED, 'file:///ws/b.report.md').frontMatter?.data);
  });
});

/** A report as a ministry's department writes it (headings as Word headings, a numbered list, an indicator table with a unit column). */
const OTHER_HTML = `<html><head><meta charset="utf-8"></head><body>
<table border="0"><tr><td><p align="center">BỘ KHOA HỌC VÀ CÔNG NGHỆ</p><p align="center"><b>CỤC CHUYỂN ĐỔI SỐ QUỐC GIA</b></p><p align="center">Số: 112/BC-CĐSQG</p></td>
<td><p align="center"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b></p><p align="center"><b>Độc lập - Tự do - Hạnh phúc</b></p><p align="center"><i>Hà Nội, ngày 15 tháng 7 năm 2025</i></p></td></tr></table>
<p align="center"><b>BÁO CÁO</b></p>
<p align="center"><b>Kết quả chuyển đổi số 6 tháng đầu năm 2025</b></p>
<p align="center"><b>phục vụ Phiên họp thứ 11 của Ủy ban Quốc gia về chuyển đổi số</b></p>
<h1>I. KẾT QUẢ ĐẠT ĐƯỢC</h1>
<p>Trong 6 tháng đầu năm 2025, Tỷ lệ hồ sơ trực tuyến toàn trình đạt 48%, tăng so với cùng kỳ.</p>
<h2>1. Phát triển doanh nghiệp</h2>
<p>Số doanh nghiệp công nghệ số đạt 52.300 doanh nghiệp; doanh thu kinh tế số khoảng 2.5 tỷ USD.</p>
<ol><li>Hoàn thành kết nối cơ sở dữ liệu quốc gia về dân cư.</li><li>Triển khai nền tảng số dùng chung.</li></ol>
<table border="1"><tr><td><b>STT</b></td><td><b>Chỉ tiêu</b></td><td><b>Đơn vị</b></td><td><b>6 tháng đầu năm 2025</b></td></tr>
<tr><td>1</td><td>Tỷ lệ hồ sơ trực tuyến toàn trình</td><td>%</td><td>48</td></tr>
<tr><td>2</td><td>Số doanh nghiệp công nghệ số</td><td>doanh nghiệp</td><td>52.300</td></tr></table>
<h1>II. KIẾN NGHỊ, ĐỀ XUẤT</h1>
<p>Đề nghị các bộ, ngành, địa phương tiếp tục phối hợp.</p>
<table border="0"><tr><td><p><b><i>Nơi nhận:</i></b></p><p>- Thủ tướng Chính phủ (để b/c);</p><p>- Lưu: VT, CĐSQG.</p></td><td><p align="center"><b>CỤC TRƯỞNG</b></p><p align="center"><b>Nguyễn Văn B</b></p></td></tr></table>
</body></html>`;

/** The same report typed in the dialect. */
const OTHER_TYPED = `---
session: 11
date: 2025-07-15
period: 2025-S1
title: Kết quả chuyển đổi số 6 tháng đầu năm 2025 phục vụ Phiên họp thứ 11 của Ủy ban Quốc gia về chuyển đổi số
issuer-parent: BỘ KHOA HỌC VÀ CÔNG NGHỆ
issuer: CỤC CHUYỂN ĐỔI SỐ QUỐC GIA
number: 112/BC-CĐSQG
place: Hà Nội
recipients:
  - Thủ tướng Chính phủ (để b/c);
  - "Lưu: VT, CĐSQG."
signer:
  title: CỤC TRƯỞNG
  name: Nguyễn Văn B
---

# Kết quả chuyển đổi số 6 tháng đầu năm 2025 phục vụ Phiên họp thứ 11 của Ủy ban Quốc gia về chuyển đổi số

## I. KẾT QUẢ ĐẠT ĐƯỢC

Trong 6 tháng đầu năm 2025, [[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt 48%, tăng so với cùng kỳ.

### 1. Phát triển doanh nghiệp

[[Số doanh nghiệp công nghệ số]] đạt 52.300 doanh nghiệp; [[Doanh thu kinh tế số]] khoảng 2.5 tỷ USD.

1. Hoàn thành kết nối cơ sở dữ liệu quốc gia về dân cư.
2. Triển khai nền tảng số dùng chung.

| Chỉ tiêu | Kỳ | Giá trị | Ghi chú |
|---|---|---|---|
| [[Tỷ lệ hồ sơ trực tuyến toàn trình]] | 2025-S1 | 48% | |
| [[Số doanh nghiệp công nghệ số]] | 2025-S1 | 52.300 doanh nghiệp | |

## II. KIẾN NGHỊ, ĐỀ XUẤT

Đề nghị các bộ, ngành, địa phương tiếp tục phối hợp.
`;
