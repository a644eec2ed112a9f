/**
 * A .docx is untrusted input: a zip that io/word.ts (import) or docx's patchDocument (a team template)
 * would unzip whole. `checkDocxZip` looks at it first and says, in both languages, why it will not
 * be opened: not a zip (an old .doc, or a .docx Word encrypted with a password), truncated,
 * an encrypted entry, too many entries, an entry named with `..` or an absolute path, a link
 * entry, more than MAX_DOCX_UNZIPPED bytes once unzipped, an entry that inflates more than
 * MAX_ZIP_RATIO times its compressed size, or no word/document.xml.
 * The sizes are first the ones the central directory declares (JSZip lists the entries without
 * inflating them); then each entry is inflated with a cap at its declared size (zlib's
 * maxOutputLength), so a zip that lies about its sizes is caught before any byte past the limit
 * is made. Never throws.
 */
import { inflateRawSync } from 'node:zlib';
import JSZip from 'jszip';
import { msg, type Msg } from '../core/i18n';

/** Everything in a .docx once unzipped (bytes): a report with its pictures is far below it. */
export const MAX_DOCX_UNZIPPED = 64 * 1024 * 1024;
/** Entries in a .docx (a Word report has 10–60; a few hundred with many pictures). */
export const MAX_ZIP_ENTRIES = 2000;
/** Compression ratio refused for an entry larger than MAX_RATIO_FROM once unzipped. */
export const MAX_ZIP_RATIO = 100;
/** Entries smaller than this (unzipped) may compress better than MAX_ZIP_RATIO (XML of repeated runs). */
export const MAX_RATIO_FROM = 1024 * 1024;

const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;

/** The compressed data JSZip keeps for an entry (its internal CompressedObject: the declared sizes). */
interface Compressed {
  compressedSize: number;
  uncompressedSize: number;
  compression: { magic: string };
  compressedContent: Uint8Array;
}

/** The end of central directory record's entry count, or null when the bytes hold none (not a zip, or truncated). */
function declaredEntries(b: Uint8Array): number | null {
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 0x05 && b[i + 3] === 0x06) return b[i + 10] | (b[i + 11] << 8);
  }
  return null;
}

/** Why a .docx's bytes are refused, or null when it may be unzipped. */
export async function checkDocxZip(bytes: Uint8Array): Promise<Msg | null> {
  // An OLE compound file: how Word saves a .docx with a password, and the old .doc format.
  if (bytes.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((x, i) => bytes[i] === x)) {
    return msg(
      'tệp Word được mã hóa (có mật khẩu) hoặc định dạng .doc cũ: hãy lưu lại dạng .docx không mật khẩu',
      'an encrypted (password-protected) Word file or an old .doc: save it as .docx without a password',
    );
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return msg('không phải tệp Word .docx (không phải tệp zip)', 'not a Word .docx document (not a zip file)');
  }
  const count = declaredEntries(bytes);
  if (count === null) return msg('tệp zip bị cắt cụt hoặc hỏng (không có thư mục trung tâm)', 'a truncated or damaged zip file (no central directory)');
  if (count > MAX_ZIP_ENTRIES && count !== 0xffff) return tooMany(count);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes, { checkCRC32: false });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    if (/encrypt/i.test(why)) return msg('tệp .docx được mã hóa (có mật khẩu): hãy lưu lại không mật khẩu', 'an encrypted .docx (password-protected): save it without a password');
    return msg(`tệp zip hỏng hoặc bị cắt cụt (${why})`, `a damaged or truncated zip file (${why})`);
  }
  const entries = Object.values(zip.files);
  if (entries.length > MAX_ZIP_ENTRIES) return tooMany(entries.length);
  let total = 0;
  const data: Array<{ name: string; c: Compressed }> = [];
  for (const entry of entries) {
    // A folder entry's name is JSZip's resolved one ("../a.xml" also makes "/"): only files keep the name as written.
    if (entry.dir) continue;
    const raw = (entry as unknown as { unsafeOriginalName?: string }).unsafeOriginalName ?? entry.name;
    if (/(^|[\\/])\.\.([\\/]|$)/.test(raw) || /^([\\/]|[a-z]:)/i.test(raw)) {
      return msg(`có mục mang đường dẫn không an toàn: "${raw.slice(0, 200)}"`, `an entry with an unsafe path: "${raw.slice(0, 200)}"`);
    }
    // Unix mode in the external attributes: a symbolic link entry (S_IFLNK).
    if (typeof entry.unixPermissions === 'number' && (entry.unixPermissions & 0o170000) === 0o120000) {
      return msg(`có mục là liên kết tượng trưng: "${raw.slice(0, 200)}"`, `an entry that is a symbolic link: "${raw.slice(0, 200)}"`);
    }
    const c = (entry as unknown as { _data?: Compressed })._data;
    if (!c || typeof c.uncompressedSize !== 'number' || typeof c.compressedSize !== 'number') {
      return msg('không đọc được kích thước các mục của tệp zip', 'the sizes of the zip entries cannot be read');
    }
    total += c.uncompressedSize;
    if (total > MAX_DOCX_UNZIPPED) return tooLarge(total);
    if (c.uncompressedSize > MAX_RATIO_FROM && c.uncompressedSize > MAX_ZIP_RATIO * Math.max(1, c.compressedSize)) {
      const ratio = Math.round(c.uncompressedSize / Math.max(1, c.compressedSize));
      return msg(
        `mục "${raw.slice(0, 200)}" nén ${ratio}:1 (giới hạn ${MAX_ZIP_RATIO}:1): có thể là bom zip`,
        `the entry "${raw.slice(0, 200)}" is compressed ${ratio}:1 (the limit is ${MAX_ZIP_RATIO}:1): a possible zip bomb`,
      );
    }
    data.push({ name: raw, c });
  }
  if (!zip.file('word/document.xml')) return msg('không phải tệp Word .docx (không có word/document.xml)', 'not a Word .docx document (no word/document.xml)');
  // The declared sizes are believed only once each entry has inflated to no more than them.
  for (const { name, c } of data) {
    const method = c.compression?.magic;
    if (method === '\x00\x00') {
      if (c.compressedContent.length !== c.uncompressedSize) return lies(name);
      continue;
    }
    try {
      const out = inflateRawSync(c.compressedContent, { maxOutputLength: Math.max(1, c.uncompressedSize) });
      if (out.length !== c.uncompressedSize) return lies(name);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) return lies(name);
      return msg(`mục "${name.slice(0, 200)}" hỏng (${(e as Error).message})`, `the entry "${name.slice(0, 200)}" is damaged (${(e as Error).message})`);
    }
  }
  return null;
}

const tooMany = (n: number): Msg => msg(`quá nhiều mục trong tệp zip (${n}; giới hạn ${MAX_ZIP_ENTRIES})`, `too many entries in the zip (${n}; the limit is ${MAX_ZIP_ENTRIES})`);
const tooLarge = (n: number): Msg =>
  msg(`quá lớn khi giải nén (${mb(n)} trở lên; giới hạn ${mb(MAX_DOCX_UNZIPPED)})`, `too large once unzipped (${mb(n)} or more; the limit is ${mb(MAX_DOCX_UNZIPPED)})`);
const lies = (name: string): Msg =>
  msg(`mục "${name.slice(0, 200)}" giải nén ra khác kích thước đã khai: có thể là bom zip`, `the entry "${name.slice(0, 200)}" does not inflate to its declared size: a possible zip bomb`);
