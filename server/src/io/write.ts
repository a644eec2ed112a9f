/**
 * Writing the files the tools produce (the IO layer shared by the CLI and the server; the core never
 * writes). Every write:
 * - is atomic: the data goes to a temporary file created with O_EXCL in the target's own folder
 *   (a random name), is flushed to the disk (fsync), then takes the target's name in one step
 *   (rename, or link when nothing may be replaced). A process killed at any point leaves the target
 *   with its old content or its new content, never a mix; at worst a stray `.NAME.XXXX.tmp` file.
 * - never goes through a symbolic link: the target is lstat'ed, and a link there is refused (not
 *   followed), as is a folder, a FIFO, a socket or a device.
 * - never replaces a file unless the caller says so (`force`: the user's --force, or a command whose
 *   documented contract is to rewrite its own input, like `markup --write`).
 * - never lands on one of the caller's inputs (`inputs`: compared by real path and by device and
 *   inode, so `./x/../x`, a symbolic link and a hard link are all caught).
 * - with `unchangedSince`, never replaces a file that changed (device, inode, size, modification
 *   time) since the caller read it: an edit saved meanwhile is not lost.
 * On any error the temporary file is removed.
 */
import { constants } from 'node:fs';
import { link, lstat, open, realpath, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { msg, type Msg } from '../core/i18n';

/** Why a write was refused; `reason` is in both languages for the edge to pick. */
export class WriteRefused extends Error {
  constructor(
    readonly target: string,
    readonly code: 'symlink' | 'not-regular' | 'exists' | 'same-as-input' | 'no-folder' | 'changed',
    readonly reason: Msg,
  ) {
    super(`${target}: ${reason.en}`);
  }
}

export interface WriteOptions {
  /** Replace an existing regular file (its permission bits are kept). Default: refuse it. */
  force?: boolean;
  /** Refuse an existing target even with `force`: the write may only create a file. */
  createOnly?: boolean;
  /** Files the output must not be (the command's inputs). */
  inputs?: string[];
  /**
   * The target as the caller saw it when it read it (lstat): a target that has changed since (another
   * program saved it) is not replaced, so that edit is not lost.
   */
  unchangedSince?: { dev: number; ino: number; size: number; mtimeMs: number };
}

/** How many fresh names are tried for a temporary file or a backup before giving up. */
const MAX_NAME_TRIES = 1000;

/**
 * Writes `data` to `target` atomically; see the module comment for the guarantees. Throws
 * WriteRefused when the target may not be written, or the system's error for an IO failure (the
 * target is then untouched).
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array | TextPieces, options: WriteOptions = {}): Promise<void> {
  const { final, existing } = await preflight(target, options);
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  const tmp = await writeTemp(final, bytes, existing ? existing.mode & 0o7777 : undefined);
  try {
    if (existing) {
      // The file checked above must still be the one replaced (not swapped for a link or another file).
      const now = await lstat(final).catch(() => undefined);
      if (!now || !now.isFile() || now.dev !== existing.dev || now.ino !== existing.ino) {
        throw new WriteRefused(target, 'changed', msg('tệp bị thay đổi bởi một tiến trình khác trong lúc ghi; không thay thế', 'was replaced by another process during the write; not replaced'));
      }
      await rename(tmp, final);
    } else {
      await moveNoReplace(tmp, final, target);
    }
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  await syncFolder(path.dirname(final));
}

/**
 * Copies `file` (a regular file, never read through a link) to a new backup beside it: `FILE.bak`,
 * or when that name is taken by anything at all (a file, a folder, a link, even a broken one)
 * `FILE.bak.1`, `FILE.bak.2`, … Each name is claimed without replacing or following what is there
 * (link(2) fails on any existing name), and the backup is complete or absent. Returns its path.
 */
export async function backupFile(file: string): Promise<string> {
  const final = await resolveTarget(file);
  const { bytes, mode } = await readRegularNoFollow(final, file);
  const tmp = await writeTemp(final, bytes, mode);
  try {
    for (let i = 0; i < MAX_NAME_TRIES; i++) {
      const name = `${final}.bak${i ? `.${i}` : ''}`;
      try {
        await moveNoReplace(tmp, name, name);
        return path.join(path.dirname(file), path.basename(name));
      } catch (e) {
        if (!(e instanceof WriteRefused && e.code === 'exists')) throw e;
      }
    }
    throw new WriteRefused(file, 'exists', msg(`đã có ${MAX_NAME_TRIES} tệp sao lưu; hãy dọn bớt`, `${MAX_NAME_TRIES} backups already exist; clear some`));
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
}

/**
 * Whether `a` and `b` name the same file: the same real path (`./x/../x`, a link to it), or the same
 * device and inode (a hard link). A path that does not exist is compared by its folder's real path.
 */
export async function sameFile(a: string, b: string): Promise<boolean> {
  const [ra, rb] = await Promise.all([realish(a), realish(b)]);
  if (ra === rb) return true;
  const [sa, sb] = await Promise.all([stat(a).catch(() => undefined), stat(b).catch(() => undefined)]);
  return !!sa && !!sb && sa.dev === sb.dev && sa.ino === sb.ino;
}

/**
 * Checks, without writing, that `target` could be written with these options; throws WriteRefused
 * if not. For a caller with a step before the write (a backup) that should not run in vain.
 */
export async function checkWritable(target: string, options: WriteOptions = {}): Promise<void> {
  await preflight(target, options);
}

/** The target's resolved path and its lstat (undefined when absent), or WriteRefused. */
async function preflight(target: string, options: WriteOptions) {
  const final = await resolveTarget(target);
  for (const input of options.inputs ?? []) {
    if (await sameFile(final, input)) throw new WriteRefused(target, 'same-as-input', msg(`là chính tệp đầu vào ${input}; không ghi đè lên đầu vào`, `is the input file ${input} itself; the input is never overwritten`));
  }
  const existing = await checkTarget(target, final);
  if (existing && (options.createOnly || !options.force)) {
    throw new WriteRefused(
      target,
      'exists',
      options.createOnly
        ? msg('đã có tệp này; lệnh chỉ tạo tệp mới', 'already exists; this write only creates a new file')
        : msg('đã có tệp này; thêm --force để thay thế', 'already exists; add --force to replace it'),
    );
  }
  const seen = options.unchangedSince;
  if (seen && (!existing || existing.dev !== seen.dev || existing.ino !== seen.ino || existing.size !== seen.size || existing.mtimeMs !== seen.mtimeMs)) {
    throw new WriteRefused(target, 'changed', msg('tệp đã thay đổi từ khi được đọc; không ghi đè, hãy chạy lại', 'has changed since it was read; not overwritten, run again'));
  }
  return { final, existing };
}

async function realish(p: string): Promise<string> {
  try {
    return await realpath(p);
  } catch {
    const dir = path.dirname(path.resolve(p));
    return path.join(await realpath(dir).catch(() => dir), path.basename(p));
  }
}

/** The target's path with its folder resolved to a real folder (the temporary file goes there). */
async function resolveTarget(target: string): Promise<string> {
  const abs = path.resolve(target);
  const base = path.basename(abs);
  if (!base || base === '.' || base === '..') throw new WriteRefused(target, 'not-regular', msg('là một thư mục, không phải tệp', 'is a folder, not a file'));
  let dir: string;
  try {
    dir = await realpath(path.dirname(abs));
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new WriteRefused(target, 'no-folder', msg('thư mục chứa tệp không tồn tại', 'its folder does not exist'));
  }
  return path.join(dir, base);
}

/** lstat of the target: undefined when absent, the stats of a regular file, else WriteRefused. */
async function checkTarget(target: string, final: string) {
  let st;
  try {
    st = await lstat(final);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  if (st.isSymbolicLink()) throw new WriteRefused(target, 'symlink', msg('là một liên kết tượng trưng; không ghi xuyên qua liên kết', 'is a symbolic link; a write never goes through a link'));
  if (st.isDirectory()) throw new WriteRefused(target, 'not-regular', msg('là một thư mục, không phải tệp', 'is a folder, not a file'));
  if (!st.isFile()) throw new WriteRefused(target, 'not-regular', msg('không phải tệp thường (ống FIFO, socket hoặc thiết bị)', 'is not a regular file (a FIFO, socket or device)'));
  return st;
}

/**
 * A text given in pieces, written one piece after the other (taken as the write goes), a string as
 * UTF-8: a large text (the history's index) need not be one string, nor its bytes one buffer. A
 * string piece must end on a whole character (no lone surrogate at its ends).
 */
export interface TextPieces {
  pieces: Iterable<string | Uint8Array>;
}

/** The bytes of `data` in writes of about 1 MB. */
function* chunksOf(data: Uint8Array | TextPieces): Generator<Uint8Array> {
  if (data instanceof Uint8Array) {
    for (let off = 0; off < data.length; off += 1 << 20) yield data.subarray(off, Math.min(data.length, off + (1 << 20)));
    return;
  }
  let batch: string[] = [];
  let size = 0;
  for (const piece of data.pieces) {
    if (typeof piece !== 'string') {
      if (batch.length) yield Buffer.from(batch.join(''), 'utf8');
      batch = [];
      size = 0;
      yield piece;
      continue;
    }
    batch.push(piece);
    size += piece.length;
    if (size >= 1 << 19) {
      yield Buffer.from(batch.join(''), 'utf8');
      batch = [];
      size = 0;
    }
  }
  if (batch.length) yield Buffer.from(batch.join(''), 'utf8');
}

/** Creates a fresh temporary file beside `final` (O_EXCL, random name), writes and fsyncs `bytes`. */
async function writeTemp(final: string, bytes: Uint8Array | TextPieces, mode: number | undefined): Promise<string> {
  const dir = path.dirname(final);
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  let handle: FileHandle | undefined;
  let tmp = '';
  for (let i = 0; !handle; i++) {
    tmp = path.join(dir, `.${path.basename(final)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      handle = await open(tmp, flags, 0o666);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST' || i >= MAX_NAME_TRIES) throw e;
    }
  }
  try {
    // Chunked, so a large file is many writes (and a kill can land between them: the tests do that).
    for (const chunk of chunksOf(bytes)) {
      for (let off = 0; off < chunk.length; ) {
        const { bytesWritten } = await handle.write(chunk, off, chunk.length - off);
        off += bytesWritten;
      }
    }
    // A replaced file keeps its permission bits; a new one has the usual 0666 minus the umask.
    if (mode !== undefined) await handle.chmod(mode);
    await handle.sync();
    await handle.close();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await unlink(tmp).catch(() => undefined);
    throw e;
  }
  return tmp;
}

/** Moves `tmp` to `name` unless something (anything, even a broken link) already has that name. */
async function moveNoReplace(tmp: string, name: string, shown: string): Promise<void> {
  const exists = () => new WriteRefused(shown, 'exists', msg('đã có tệp này; thêm --force để thay thế', 'already exists; add --force to replace it'));
  try {
    await link(tmp, name);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') throw exists();
    // A file system without hard links (FAT, some network shares): check, then rename. A file
    // created in between by another process could be replaced; nothing is ever followed.
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS' && code !== 'EOPNOTSUPP') throw e;
    if (await lstat(name).then(() => true, () => false)) throw exists();
    await rename(tmp, name);
    return;
  }
  await unlink(tmp);
}

/** Reads a regular file without following a link at its name, and without blocking on a FIFO. */
async function readRegularNoFollow(final: string, shown: string): Promise<{ bytes: Uint8Array; mode: number }> {
  let handle: FileHandle;
  try {
    handle = await open(final, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') throw new WriteRefused(shown, 'symlink', msg('là một liên kết tượng trưng; không sao lưu xuyên qua liên kết', 'is a symbolic link; it is not followed'));
    throw e;
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw new WriteRefused(shown, 'not-regular', msg('không phải tệp thường', 'is not a regular file'));
    return { bytes: await handle.readFile(), mode: st.mode & 0o7777 };
  } finally {
    await handle.close();
  }
}

/** Makes the rename itself durable (best effort: not every system can fsync a folder). */
async function syncFolder(dir: string): Promise<void> {
  try {
    const h = await open(dir, constants.O_RDONLY);
    try {
      await h.sync();
    } finally {
      await h.close();
    }
  } catch {
    /* Windows, some network file systems */
  }
}
