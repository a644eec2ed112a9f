/**
 * The session of an exported .docx comes back on import (custom document properties,
 * core/word/properties.ts), with no `--session`; and a closing block written as plain paragraphs
 * ("Nơi nhận:", the "- …" recipients, then or before them the signature block) is read as
 * recipients and signer, not the signer's lines as recipients (core/word/closing.ts).
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { importReport } from '../../server/src/core/word/import';
import { buildWordReport } from '../../server/src/core/word/model';
import { renderDocx } from '../../server/src/core/word/docx';
import { PROPERTY_NAMES, readStoredFields } from '../../server/src/core/word/properties';
import { signerOf } from '../../server/src/core/word/closing';
import { parseReport } from '../../server/src/core/parse/document';
import { docxBlocks } from '../../server/src/io/word';
import { repoRoot, HANG_MS } from '../helpers';
import { docxPackage, paraXml } from './docx-fixture';

const bin = path.join(repoRoot, 'bin', 'policy-report.js');

const REPORT = `---
session: 12
date: 2025-03-07
period: 2025-01
title: "Tình hình chuyển đổi số tháng 01/2025"
place: "Hà Nội"
recipients:
  - "Như trên;"
  - "Lưu: VT."
---

# Tình hình chuyển đổi số tháng 01/2025

## I. KẾT QUẢ

Nội dung không nêu số phiên họp.
`;

async function catalog() {
  const service = new LanguageService({ workspace: new InMemoryWorkspace({}), folders: ['file:///ws'], lang: 'en' });
  await service.reloadCatalog();
  return service.catalogs.catalog;
}

const p = (text: string, opts: { bold?: boolean; italics?: boolean; center?: boolean; breaks?: string[] } = {}): string =>
  paraXml([{ text, bold: opts.bold, italic: opts.italics }, ...(opts.breaks ?? []).map((t) => ({ text: t, bold: opts.bold, br: true }))], { center: opts.center });

/** The import of a .docx of these paragraphs (WordprocessingML as Word saves it: test/unit/docx-fixture.ts). */
async function importOf(paragraphs: string[]) {
  const { blocks } = await docxBlocks(await docxPackage(paragraphs.join('')));
  return importReport(blocks, await catalog(), { session: 1, date: '2025-01-02', period: '2024' });
}

const frontMatter = (text: string) => parseReport(text, 'file:///x.report.md').frontMatter?.data ?? {};

describe('word round trip: stored session, closing paragraphs', function () {

  it('an exported .docx stores session, date and period, and the import reads them back with no option', async () => {
    const bytes = await renderDocx(buildWordReport(parseReport(REPORT, 'file:///ws/r.report.md')));
    const xml = await (await JSZip.loadAsync(bytes)).file('docProps/custom.xml')!.async('string');
    assert.match(xml, new RegExp(`name="${PROPERTY_NAMES.session}"`));
    assert.deepEqual(readStoredFields(xml), { session: 12, date: '2025-03-07', period: '2025-01' });
    const read = await docxBlocks(bytes);
    assert.deepEqual(read.stored, { session: 12, date: '2025-03-07', period: '2025-01' });
    const back = importReport(read.blocks, await catalog(), { stored: read.stored });
    assert.deepEqual([back.session.value, back.date.value, back.period.value], [12, '2025-03-07', '2025-01']);
    assert.deepEqual([back.session.source, back.date.source, back.period.source], ['properties', 'properties', 'properties']);
    assert.deepEqual(back.unsure, []);
    assert.deepEqual(frontMatter(back.text), frontMatter(REPORT));
    // An option still wins over what the file stored.
    assert.equal(importReport(read.blocks, await catalog(), { stored: read.stored, session: 13 }).session.value, 13);
    // A document with no stored fields: guessed as before (the session not found).
    assert.equal(importReport(read.blocks, await catalog(), {}).session.value, null);
  });

  it('stored fields that are not valid are ignored', () => {
    const prop = (name: string, value: string) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="${name}"><vt:lpwstr>${value}</vt:lpwstr></property>`;
    const xml = `<Properties>${prop(PROPERTY_NAMES.session, '0')}${prop(PROPERTY_NAMES.date, '2025-02-30')}${prop(PROPERTY_NAMES.period, 'last year')}${prop('Other', '5')}</Properties>`;
    assert.deepEqual(readStoredFields(xml), {});
    assert.deepEqual(readStoredFields(`<Properties>${prop(PROPERTY_NAMES.session, '7')}${prop(PROPERTY_NAMES.period, '2024-S1')}</Properties>`), { session: 7, period: '2024-S1' });
    assert.deepEqual(readStoredFields('<not xml'), {});
  });

  it('the CLI: export, then import with no --session, gives the same front matter', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pr-roundtrip-'));
    try {
      writeFileSync(path.join(dir, 'phien.report.md'), REPORT);
      const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C' }, timeout: HANG_MS });
      let r = run('export', 'phien.report.md', '--format', 'docx', '--out', 'xuat.docx');
      assert.equal(r.status, 0, r.stderr);
      r = run('import', 'xuat.docx', '--report', 'json');
      assert.equal(r.status, 0, r.stderr);
      const [report] = JSON.parse(r.stdout);
      assert.deepEqual([report.session.source, report.unsure], ['properties', []]);
      assert.deepEqual(frontMatter(readFileSync(path.join(dir, 'xuat.report.md'), 'utf8')), frontMatter(REPORT));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('"Nơi nhận:" and the signature as plain paragraphs after it: the recipients are the "- …" lines, the signer the rest', async () => {
    const r = await importOf([
      p('Tiêu đề', { bold: true }),
      p('Nội dung báo cáo.'),
      p('Nơi nhận:', { bold: true, italics: true }),
      p('- Thủ tướng Chính phủ (để b/c);'),
      p('- Các Phó Thủ tướng;'),
      p('- Lưu: VT, CĐSQG.'),
      p('KT. BỘ TRƯỞNG', { bold: true, center: true }),
      p('THỨ TRƯỞNG', { bold: true, center: true }),
      p('(Đã ký)', { italics: true, center: true }),
      p('Nguyễn Văn A', { bold: true, center: true }),
    ]);
    const fm = frontMatter(r.text);
    assert.deepEqual(fm.recipients, ['Thủ tướng Chính phủ (để b/c);', 'Các Phó Thủ tướng;', 'Lưu: VT, CĐSQG.']);
    assert.deepEqual(fm.signer, { authority: 'KT. BỘ TRƯỞNG', title: 'THỨ TRƯỞNG', name: 'Nguyễn Văn A' });
    assert.ok(!/Nơi nhận|THỨ TRƯỞNG|Nguyễn Văn A/.test(r.text.slice(r.text.indexOf('\n---\n'))), r.text);
    assert.match(r.text, /Nội dung báo cáo\.\n$/);
  });

  it('the signature block before "Nơi nhận:", lines broken inside one paragraph, two authority lines', async () => {
    const r = await importOf([
      p('Tiêu đề', { bold: true }),
      p('Nội dung báo cáo.'),
      p('TM. ỦY BAN NHÂN DÂN', { bold: true, center: true }),
      p('KT. CHỦ TỊCH', { bold: true, center: true }),
      p('PHÓ CHỦ TỊCH', { bold: true, center: true }),
      p('Trần Thị B', { bold: true, center: true }),
      p('Nơi nhận:', { bold: true, italics: true, breaks: ['- Bộ Khoa học và Công nghệ;', '- Lưu: VT.'] }),
    ]);
    const fm = frontMatter(r.text);
    assert.deepEqual(fm.recipients, ['Bộ Khoa học và Công nghệ;', 'Lưu: VT.']);
    assert.deepEqual(fm.signer, { authority: 'TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Trần Thị B' });
    assert.match(r.text, /Nội dung báo cáo\.\n$/, 'the body ends before the signature block');
  });

  it('the signer of a signature block: authority lines, title, name; notes and placeholders left out', () => {
    assert.deepEqual(signerOf(['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG', '(Đã ký và đóng dấu)', 'Nguyễn Văn A']), { authority: 'KT. BỘ TRƯỞNG', title: 'THỨ TRƯỞNG', name: 'Nguyễn Văn A' });
    assert.deepEqual(signerOf(['BỘ TRƯỞNG', 'Lê C']), { title: 'BỘ TRƯỞNG', name: 'Lê C' });
    assert.deepEqual(signerOf(['BỘ KHOA HỌC', 'BỘ TRƯỞNG', 'Lê C']), { authority: 'BỘ KHOA HỌC', title: 'BỘ TRƯỞNG', name: 'Lê C' });
    assert.deepEqual(signerOf(['…', '(Đã ký)']), undefined);
  });
});
