/**
 * A .docx is untrusted input (io/zip.ts): hostile files made here with JSZip — a zip bomb of zeros,
 * a zip that lies about its sizes, a 1 GB declared size, a truncated file, a non-zip, an encrypted
 * entry, 2 001 entries, `..` and absolute names, a link entry, a zip without word/document.xml —
 * are refused with a reason in both languages before the reader (io/word.ts) or docx unzips them; through the
 * CLI's import (exit 2, the other files still imported) and as a team template (export refused,
 * nothing written). A real .docx passes. The guarded reader refuses a FIFO and a huge file.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { MAX_DOCX_UNZIPPED, MAX_ZIP_ENTRIES, MAX_ZIP_RATIO, checkDocxZip } from '../../server/src/io/zip';
import { DocxRefused, MAX_DOCX_BYTES, docxBlocks, reportToDocx } from '../../server/src/io/word';
import { readBytesFile } from '../../server/src/io/read';
import { repoRoot, HANG_MS } from '../helpers';
import { paragraphsDocx } from './docx-fixture';

const bin = path.join(repoRoot, 'bin', 'policy-report.js');
const MB = 1024 * 1024;

/** A real .docx of one paragraph (WordprocessingML as Word saves it: test/unit/docx-fixture.ts). */
const realDocx = (text = 'Nội dung báo cáo.'): Promise<Uint8Array> => paragraphsDocx([text]);

/** A zip with a word/document.xml and the given extra entries. */
async function zipWith(entries: Record<string, Uint8Array | string>, options: { document?: boolean; compression?: 'DEFLATE' | 'STORE'; platform?: 'UNIX' | 'DOS' } = {}): Promise<Uint8Array> {
  const z = new JSZip();
  if (options.document !== false) z.file('word/document.xml', '<w:document/>');
  for (const [name, data] of Object.entries(entries)) z.file(name, data);
  return z.generateAsync({ type: 'uint8array', compression: options.compression ?? 'DEFLATE', platform: options.platform ?? 'DOS' });
}

/** Each central directory record of a zip: its offset (signature PK\x01\x02) and its name. */
function centralRecords(b: Uint8Array): Array<{ at: number; name: string }> {
  const out: Array<{ at: number; name: string }> = [];
  const view = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i + 46 <= b.length; i++) {
    if (view.readUInt32LE(i) === 0x02014b50) out.push({ at: i, name: view.toString('utf8', i + 46, i + 46 + view.readUInt16LE(i + 28)) });
  }
  return out;
}

/** Rewrites a field of an entry's central directory record (offset in the record, 2 or 4 bytes). */
function patchCentral(b: Uint8Array, entry: string, field: number, value: number, width: 2 | 4): Uint8Array {
  const copy = Buffer.from(b);
  const rec = centralRecords(copy).find((r) => r.name === entry);
  assert.ok(rec, `no central record for ${entry}`);
  if (width === 4) copy.writeUInt32LE(value, rec.at + field);
  else copy.writeUInt16LE(value, rec.at + field);
  return new Uint8Array(copy);
}
/** Central directory record fields: general purpose flags, uncompressed size. */
const FLAGS = 8;
const UNCOMPRESSED = 24;

async function refusal(bytes: Uint8Array): Promise<{ vi: string; en: string }> {
  const why = await checkDocxZip(bytes);
  assert.ok(why, 'refused');
  assert.ok(why.vi && why.en && why.vi !== why.en, 'a reason in both languages');
  // docxBlocks (before unzipping) refuses it the same way, as DocxRefused, never a crash.
  await assert.rejects(docxBlocks(bytes), (e: unknown) => e instanceof DocxRefused && e.why.en === why.en);
  return why;
}

describe('word guard (.docx as untrusted input)', function () {

  it('a real .docx passes, and is read', async () => {
    const bytes = await realDocx();
    assert.equal(await checkDocxZip(bytes), null);
    const { blocks } = await docxBlocks(bytes);
    assert.equal(blocks.length, 1);
  });

  it('a file that is not a zip, or a truncated one, or one without word/document.xml', async () => {
    assert.match((await refusal(new TextEncoder().encode('not a zip at all'))).en, /not a Word \.docx document \(not a zip file\)/);
    assert.match((await refusal(new Uint8Array(0))).en, /not a zip file/);
    const real = await realDocx();
    for (const cut of [0.5, 0.9, 0.99]) {
      assert.match((await refusal(real.subarray(0, Math.floor(real.length * cut)))).en, /truncated/);
    }
    // The end record kept but the data before it cut: damaged.
    const glued = new Uint8Array([...real.subarray(0, 200), ...real.subarray(real.length - 400)]);
    assert.match((await refusal(glued)).en, /damaged|truncated|inflate|declared/);
    assert.match((await refusal(await zipWith({ '[Content_Types].xml': '<Types/>' }, { document: false }))).en, /no word\/document\.xml/);
  });

  it(`a zip bomb of zeros: an entry compressed over ${MAX_ZIP_RATIO}:1 is refused before it is inflated`, async () => {
    const bomb = await zipWith({ 'word/media/image1.png': new Uint8Array(16 * MB) });
    assert.ok(bomb.length < 100 * 1024, `the bomb is small (${bomb.length} bytes)`);
    const why = await refusal(bomb);
    assert.match(why.en, /image1\.png" is compressed \d+:1 \(the limit is 100:1\): a possible zip bomb/);
    assert.match(why.vi, /bom zip/);
    // A small entry may compress better (the XML of a long table): accepted.
    assert.equal(await checkDocxZip(await zipWith({ 'word/styles.xml': '<a/>'.repeat(100_000) })), null);
  });

  it(`more than ${MAX_DOCX_UNZIPPED / MB} MB once unzipped: declared (1 GB), or honest (incompressible entries)`, async () => {
    const small = await zipWith({ 'word/media/a.bin': randomBytes(1000) }, { compression: 'STORE' });
    const declared = patchCentral(small, 'word/media/a.bin', UNCOMPRESSED, 1024 * MB, 4);
    assert.match((await refusal(declared)).en, /too large once unzipped \(1024\.0 MB or more; the limit is 64\.0 MB\)/);
    const entries: Record<string, Uint8Array> = {};
    const chunk = randomBytes(4 * MB);
    for (let i = 0; i < 17; i++) entries[`word/media/image${i}.jpg`] = chunk;
    assert.match((await refusal(await zipWith(entries, { compression: 'STORE' }))).en, /too large once unzipped \(6\d\.\d MB or more; the limit is 64\.0 MB\)/);
  });

  it('a zip that lies about its sizes is caught while inflating, at its declared size', async () => {
    // 4 MB of zeros declared as 1 000 bytes: the ratio looks harmless, the total too.
    const liar = patchCentral(await zipWith({ 'word/media/x.bin': new Uint8Array(4 * MB) }), 'word/media/x.bin', UNCOMPRESSED, 1000, 4);
    assert.match((await refusal(liar)).en, /x\.bin" does not inflate to its declared size: a possible zip bomb/);
    // Declared larger than it inflates to: also refused (a damaged entry).
    const short = patchCentral(await zipWith({ 'word/a.xml': 'abc'.repeat(1000) }), 'word/a.xml', UNCOMPRESSED, 5000, 4);
    assert.match((await refusal(short)).en, /a\.xml" does not inflate to its declared size/);
  });

  it('an encrypted entry, too many entries, unsafe names and link entries', async () => {
    // Word saves a .docx with a password (and the old .doc) as an OLE compound file.
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    assert.match((await refusal(ole)).en, /an encrypted \(password-protected\) Word file or an old \.doc/);
    const enc = patchCentral(await realDocx(), 'word/document.xml', FLAGS, 1, 2);
    assert.match((await refusal(enc)).en, /an encrypted \.docx \(password-protected\)/);
    const many: Record<string, string> = {};
    for (let i = 0; i < MAX_ZIP_ENTRIES + 1; i++) many[`word/p${i}.xml`] = '';
    assert.match((await refusal(await zipWith(many))).en, /too many entries in the zip \(\d{4}; the limit is 2000\)/);
    assert.match((await refusal(await zipWith({ '../../evil.xml': 'x' }))).en, /an entry with an unsafe path: "\.\.\/\.\.\/evil\.xml"/);
    assert.match((await refusal(await zipWith({ 'word/../../evil.xml': 'x' }))).en, /unsafe path/);
    assert.match((await refusal(await zipWith({ '/etc/cron.d/x': 'x' }))).en, /unsafe path: "\/etc\/cron\.d\/x"/);
    assert.match((await refusal(await zipWith({ 'C:\\Windows\\x': 'x' }))).en, /unsafe path/);
    const z = new JSZip();
    z.file('word/document.xml', '<w:document/>');
    z.file('word/media/link', '/etc/passwd', { unixPermissions: 0o120777 });
    assert.match((await refusal(await z.generateAsync({ type: 'uint8array', platform: 'UNIX' }))).en, /an entry that is a symbolic link: "word\/media\/link"/);
  });

  it('the guarded reader refuses a FIFO and a file over 64 MB before reading it', async function () {
    const dir = mkdtempSync(path.join(tmpdir(), 'pr-guard-'));
    try {
      const huge = path.join(dir, 'huge.docx');
      writeFileSync(huge, '');
      truncateSync(huge, MAX_DOCX_BYTES + 1);
      const r = await readBytesFile(huge, { maxBytes: MAX_DOCX_BYTES });
      assert.ok(!('bytes' in r) && /too large \(64\.0 MB; the limit is 64\.0 MB\)/.test(r.reason), JSON.stringify(r));
      const fifo = path.join(dir, 'pipe.docx');
      if (spawnSync('mkfifo', [fifo]).status === 0) {
        const f = await readBytesFile(fifo, { maxBytes: MAX_DOCX_BYTES });
        assert.ok(!('bytes' in f) && /not a regular file/.test(f.reason), JSON.stringify(f));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the CLI: import refuses a bomb and a truncated file (exit 2) and imports the rest; export refuses a bomb as the team template', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pr-guard-cli-'));
    try {
      writeFileSync(path.join(dir, 'bom.docx'), await zipWith({ 'word/media/image1.png': new Uint8Array(8 * MB) }));
      const real = await realDocx('Báo cáo phiên họp thứ 4.');
      writeFileSync(path.join(dir, 'cut.docx'), real.subarray(0, real.length >> 1));
      writeFileSync(path.join(dir, 'phien-04.docx'), real);
      const run = (...args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C' }, timeout: HANG_MS });
      let r = run('import', '.');
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, /cannot read bom\.docx: the entry "word\/media\/image1\.png" is compressed \d+:1 \(the limit is 100:1\): a possible zip bomb\.?$/m);
      assert.ok(!/bom zip|không/.test(r.stderr), 'one language (LANG=C: English)');
      assert.match(r.stderr, /cannot read cut\.docx: a truncated or damaged zip file/);
      assert.ok(!/at \w+ \(|Error:/.test(r.stderr), 'no stack trace');
      assert.ok(existsSync(path.join(dir, 'phien-04.report.md')), 'the good file is still imported');
      assert.ok(!existsSync(path.join(dir, 'bom.report.md')) && !existsSync(path.join(dir, 'cut.report.md')));
      // The same bomb as the team's template.
      mkdirSync(path.join(dir, '.policy-report'));
      writeFileSync(path.join(dir, '.policy-report', 'template.docx'), await zipWith({ 'word/media/image1.png': new Uint8Array(8 * MB) }));
      await assert.rejects(reportToDocx('# Báo cáo\n', path.join(dir, 'a.report.md'), dir), (e: unknown) => e instanceof DocxRefused && /template\.docx: not a usable \.docx template: .*zip bomb/.test(e.message) && /mẫu \.docx không dùng được/.test(e.why.vi));
      writeFileSync(path.join(dir, 'a.report.md'), '---\nsession: 4\n---\n\n# Báo cáo\n');
      r = run('export', 'a.report.md', '--format', 'docx');
      assert.equal(r.status, 2);
      assert.match(r.stderr, /template\.docx: not a usable \.docx template: the entry .* a possible zip bomb/);
      assert.ok(!existsSync(path.join(dir, 'a.docx')), 'nothing written');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
