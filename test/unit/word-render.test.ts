/**
 * Proof the exported .docx opens: LibreOffice (headless) renders the examples draft to a PDF and a
 * PNG of page 1; the page is A4-shaped and has ink where the header block is (issuing body on the
 * left, Quốc hiệu on the right), the title and the body. And LibreOffice's own reading of the file
 * (its text export) holds the header block, the table rows and the draft's text without marks.
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
import { repoRoot } from '../helpers';

const DRAFT = path.join(repoRoot, 'examples', 'du-thao-phien-10.report.md');

function hasSoffice(): boolean {
  return spawnSync('soffice', ['--version'], { encoding: 'utf8', timeout: 60000 }).status === 0;
}

/** Runs LibreOffice headless with its own profile (no clash with another instance). */
function soffice(profile: string, args: string[], cwd: string): void {
  const r = spawnSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', ...args], { cwd, encoding: 'utf8', timeout: 180000 });
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
  this.timeout(300000);
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
});
