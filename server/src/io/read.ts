/**
 * The one guarded reader of the server and the CLI. A workspace is untrusted data: a file in it may
 * be a FIFO that would block a plain read for ever, a device, 450 MB of text, binary, in another
 * encoding, or a link to a file elsewhere on the machine. `readTextFile` opens without blocking,
 * checks what it opened (fstat of the same descriptor, so nothing can be swapped in between),
 * reads at most the limit, and returns the text or, in both languages, why it cannot be used.
 * Never throws, never blocks on a pipe.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { msg, type Msg } from '../core/i18n';
import { MAX_REPORT_CHARS } from '../core/parse/guard';
import { isWithin, realPathOf } from './paths';

export { isWithin, realPathOf } from './paths';

/** Largest file read from the disk (bytes). figures.csv and snippets have smaller limits. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** figures.csv: each row's indicator is looked up in the catalog. */
export const MAX_CSV_BYTES = 1024 * 1024;
/** A team snippet file (`.policy-report/snippets/*.json`). */
export const MAX_SNIPPET_BYTES = 1024 * 1024;

/** The limit in bytes for a file, by its kind (the caller's limit, when given, can only lower it). */
export function byteLimitFor(file: string, maxBytes = MAX_FILE_BYTES): number {
  if (/\.csv$/i.test(file)) return Math.min(maxBytes, MAX_CSV_BYTES);
  if (/\.(json|code-snippets)$/i.test(file)) return Math.min(maxBytes, MAX_SNIPPET_BYTES);
  return maxBytes;
}

export interface ReadOptions {
  /** Largest size in bytes (default by kind: byteLimitFor). */
  maxBytes?: number;
  /**
   * Containment: the file's real path (links resolved) must be inside one of these folders (real
   * paths, or paths that are resolved here) or be one of `allowFiles`. Undefined: no containment.
   */
  within?: string[];
  /** Files allowed wherever their real path is (a catalog the user named in their own settings). */
  allowFiles?: string[];
}

/** Why a file cannot be used. */
export type Refusal = { reason: string; why: Msg; missing?: boolean };
export type ReadResult = { text: string } | Refusal;

const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;

function refusal(why: Msg, missing = false): Refusal {
  return missing ? { reason: why.en, why, missing } : { reason: why.en, why };
}

const ERRNO: Record<string, Msg> = {
  ENOENT: msg('không có tệp này (hoặc liên kết hỏng)', 'no such file (or a broken link)'),
  EACCES: msg('không có quyền đọc', 'permission denied'),
  EPERM: msg('không có quyền đọc', 'permission denied'),
  EISDIR: msg('là thư mục, không phải tệp', 'a folder, not a file'),
  ELOOP: msg('vòng lặp liên kết', 'a link loop'),
  ENXIO: msg('không phải tệp thông thường (ống, socket hoặc thiết bị)', 'not a regular file (a pipe, socket or device)'),
};

/** Bytes as text, exactly: refused if binary (a NUL byte) or not UTF-8 (never U+FFFD written back). A BOM is kept. */
export function decodeText(bytes: Uint8Array): ReadResult {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return refusal(msg(`là tệp nhị phân, không phải văn bản (byte NUL ở vị trí ${nul})`, `a binary file, not text (a NUL byte at offset ${nul})`));
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes) };
  } catch {
    return refusal(msg('không phải văn bản UTF-8 hợp lệ (hãy lưu tệp dạng UTF-8)', 'not valid UTF-8 text (save it as UTF-8)'));
  }
}

/**
 * Reads a text file, or says why it cannot be used: not there, not a regular file (a folder, a
 * FIFO, a socket, a device), a link to outside the allowed folders, larger than the limit, binary
 * (a NUL byte), not UTF-8, or (a report) longer than the core checks (MAX_REPORT_CHARS).
 */
export async function readTextFile(file: string, options: number | ReadOptions = {}): Promise<ReadResult> {
  const read = await readBytesFile(file, options);
  if (!('bytes' in read)) return read;
  const decoded = decodeText(read.bytes);
  if (!('text' in decoded)) return decoded;
  const text = decoded.text;
  if (/\.report\.md$/i.test(file) && text.length > MAX_REPORT_CHARS) {
    return refusal(
      msg(`quá lớn để kiểm tra (${text.length} ký tự; giới hạn ${MAX_REPORT_CHARS})`, `too large to check (${text.length} characters; the limit is ${MAX_REPORT_CHARS})`),
    );
  }
  return { text };
}

/** The bytes of a file (a .docx), with the same guards as readTextFile: regular file, containment, size limit. Never throws. */
export async function readBytesFile(file: string, options: number | ReadOptions = {}): Promise<{ bytes: Uint8Array } | Refusal> {
  const opts: ReadOptions = typeof options === 'number' ? { maxBytes: options } : options;
  const limit = byteLimitFor(file, opts.maxBytes);
  if (opts.within) {
    const real = realPathOf(file);
    const allowed = (opts.allowFiles ?? []).map(realPathOf);
    const roots = opts.within.map(realPathOf);
    if (!allowed.includes(real) && !roots.some((r) => isWithin(real, r))) {
      return refusal(
        msg('là liên kết tới tệp nằm ngoài thư mục workspace: không được đọc', 'a link to a file outside the workspace folder: it is not read'),
      );
    }
  }
  let handle;
  try {
    // O_NONBLOCK: opening a FIFO for reading returns at once instead of waiting for a writer.
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return refusal(ERRNO[code] ?? msg(String((e as Error).message ?? e), String((e as Error).message ?? e)), code === 'ENOENT');
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) return refusal(st.isDirectory() ? ERRNO.EISDIR : ERRNO.ENXIO);
    if (st.size > limit) {
      return refusal(msg(`quá lớn (${mb(st.size)}; giới hạn ${mb(limit)})`, `too large (${mb(st.size)}; the limit is ${mb(limit)})`));
    }
    // Read at most limit + 1 bytes: a file that grows after the fstat is still caught.
    const buf = Buffer.alloc(Math.min(limit + 1, st.size + 1 || 1));
    let len = 0;
    for (;;) {
      if (len === buf.length) break;
      const { bytesRead } = await handle.read(buf, len, buf.length - len, len);
      if (!bytesRead) break;
      len += bytesRead;
    }
    if (len > limit) return refusal(msg(`quá lớn (giới hạn ${mb(limit)})`, `too large (the limit is ${mb(limit)})`));
    return { bytes: buf.subarray(0, len) };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? '';
    return refusal(ERRNO[code] ?? msg(String((e as Error).message ?? e), String((e as Error).message ?? e)));
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The message of a finding on a file that could not be read: a report (not checked) or workspace data (not used). */
export function refusalMessage(kind: 'report' | 'data', why: Msg): Msg {
  return kind === 'report'
    ? msg(`Không đọc được tệp, tệp không được kiểm tra: ${why.vi}.`, `The file cannot be read and is not checked: ${why.en}.`)
    : msg(`Không đọc được tệp dữ liệu của workspace, tệp không được dùng: ${why.vi}.`, `The workspace data file cannot be read and is not used: ${why.en}.`);
}
