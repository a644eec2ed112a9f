/**
 * The history's snapshot on the disk (core/history/snapshot.ts): read before the workspace is
 * indexed, written after. It lives in the editor's storage for the workspace (VS Code's
 * `storageUri`, given as `initializationOptions.storagePath`), never in the workspace itself.
 * Beside it (or in the editor's storage for every workspace, `initializationOptions.globalStoragePath`),
 * the embedded default catalog's parse, so that the YAML is not parsed before the first diagnostics.
 * Written atomically (io/write.ts: a temporary file renamed over it, never through a link), so a
 * crash leaves the old one or the new one. A snapshot
 * that cannot be read, or that another build wrote, is ignored: the reports are then parsed.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { defaultCatalogParsed, defaultCatalogSource, restoreDefaultCatalog, type ParsedCatalog } from '../core/catalog/load';
import { textHash, type Snapshot } from '../core/history/snapshot';
import { readSnapshotBytes } from '../core/history/snapshot-bytes';
import type { LanguageService } from '../core/service';
import { writeFileAtomic } from '../io/write';

const FILE = 'history-index.json';
/** The embedded default catalog as this build parses it (core/catalog/load.ts), beside the snapshot. */
const CATALOG_FILE = 'default-catalog.json';
/** A saved default catalog larger than this is not read (the embedded one's parse is about 290 KB of JSON). */
const MAX_CATALOG_BYTES = 16 * 1024 * 1024;

/** What CATALOG_FILE holds: the parse of the text whose hash is `source`, by the build `build`. */
interface SavedCatalog {
  build: string;
  source: string;
  parsed: ParsedCatalog;
}
/** A snapshot larger than this is not read (a workspace of 200 sessions writes about 15 MB). */
const MAX_BYTES = 512 * 1024 * 1024;

/** This build: the server bundle's size and time (a new parser means a new snapshot). */
function buildId(): string {
  try {
    const st = statSync(__filename);
    return `${st.size}-${Math.round(st.mtimeMs)}`;
  } catch {
    return 'unknown';
  }
}

/**
 * A file this store saved, as bytes: null if it is not a regular file (a FIFO put in its place would
 * block the read: never waited on) or is larger than `maxBytes`. Throws what reading throws.
 */
async function readSaved(file: string, maxBytes: number): Promise<Buffer | null> {
  const st = await stat(file);
  if (!st.isFile() || st.size > maxBytes) return null;
  return readFile(file);
}

export class IndexStore {
  private readonly build = buildId();
  private writing: Promise<void> = Promise.resolve();
  /** `catalogDir`: where the default catalog's parse is kept (the editor's storage for every workspace), by default `dir`. */
  constructor(
    private readonly dir: string | undefined,
    private readonly catalogDir = dir,
  ) {}

  /** The saved snapshot, or null (none, unreadable, too large, another build's). */
  async load(): Promise<Snapshot | null> {
    if (!this.dir) return null;
    const file = path.join(this.dir, FILE);
    try {
      // Read a report at a time from the bytes (snapshot-bytes.ts), not parsed at once.
      const bytes = await readSaved(file, MAX_BYTES);
      return bytes === null ? null : readSnapshotBytes(bytes, this.build);
    } catch {
      return null;
    }
  }

  /**
   * The embedded default catalog's parse from the copy this build saved (saveDefaultCatalog), if
   * there is one for the same text: restored into the core (load.ts restoreDefaultCatalog), so that
   * the first check does not parse the YAML. False (and nothing restored) when there is none, it
   * cannot be read, or another build or another text made it.
   */
  async loadDefaultCatalog(): Promise<boolean> {
    const parsed = await this.savedDefaultCatalog();
    return !!parsed && restoreDefaultCatalog(parsed);
  }

  /**
   * Is there a file where the default catalog's parse is saved (not read: whether it is this build's
   * for the same text is loadDefaultCatalog's to say)? Asked at initialize, to start its parse in a
   * worker thread only when there is none (lsp/index-worker.ts defaultCatalogApart).
   */
  hasSavedDefaultCatalog(): boolean {
    if (!this.catalogDir) return false;
    try {
      return statSync(path.join(this.catalogDir, CATALOG_FILE)).isFile();
    } catch {
      return false;
    }
  }

  /** The saved parse of the embedded default catalog, or null (none, unreadable, another build's or text's). */
  async savedDefaultCatalog(): Promise<ParsedCatalog | null> {
    if (!this.catalogDir) return null;
    const file = path.join(this.catalogDir, CATALOG_FILE);
    try {
      const bytes = await readSaved(file, MAX_CATALOG_BYTES);
      if (bytes === null) return null;
      const saved = JSON.parse(bytes.toString('utf8')) as Partial<SavedCatalog> | null;
      if (saved?.build !== this.build || saved.source !== textHash(defaultCatalogSource())) return null;
      const parsed = saved.parsed;
      return parsed && Array.isArray(parsed.indicators) && Array.isArray(parsed.errors) ? parsed : null;
    } catch {
      return null;
    }
  }

  /**
   * Saves the embedded default catalog's parse (once it is loaded), for the next start; nothing
   * when the saved copy is this build's for the same text. Failures are reported to `warn`.
   */
  async saveDefaultCatalog(warn: (m: string) => void): Promise<void> {
    if (!this.catalogDir || (await this.savedDefaultCatalog())) return;
    const dir = this.catalogDir;
    const saved: SavedCatalog = { build: this.build, source: textHash(defaultCatalogSource()), parsed: defaultCatalogParsed() };
    const json = JSON.stringify(saved);
    // Only what JSON gives back as it was (an Infinity, an undefined in a list would not be).
    if (!isDeepStrictEqual((JSON.parse(json) as SavedCatalog).parsed, saved.parsed)) return;
    return this.write(dir, CATALOG_FILE, json, 'the default catalog', warn);
  }

  /** Resolves when every save asked for is written (or failed). */
  flush(): Promise<void> {
    return this.writing;
  }

  /** Saves the service's index; failures are reported to `warn` and otherwise ignored. */
  save(service: LanguageService, warn: (m: string) => void): Promise<void> {
    if (!this.dir) return Promise.resolve();
    const dir = this.dir;
    // The index as it is now, made at once as UTF-8 report by report (never one string: 39 MB for
    // 200 sessions as V8's two-byte string, and every report's saved form at once), so that a
    // shutdown soon after has only the bytes to write.
    // Each piece is let go once written: the bytes (about 20 MB for 200 sessions) would otherwise
    // stay until the whole file is, which waits on the event loop, busy with the first checks.
    const json = { pieces: lettingGo(Array.from(joined(service.snapshotJson(this.build), PIECE_CHARS), (piece) => Buffer.from(piece, 'utf8'))) };
    return this.write(dir, FILE, json, 'the history index', warn);
  }

  /** Writes `file` in `dir` atomically after the saves asked for before (one write at a time, in order); failures go to `warn`. */
  private write(dir: string, file: string, data: Parameters<typeof writeFileAtomic>[1], what: string, warn: (m: string) => void): Promise<void> {
    this.writing = this.writing.then(async () => {
      try {
        await mkdir(dir, { recursive: true });
        await writeFileAtomic(path.join(dir, file), data, { force: true });
      } catch (e) {
        warn(`policy-report: could not save ${what} in ${dir}: ${String(e)}`);
      }
    });
    return this.writing;
  }
}

/**
 * The least characters of a saved index's piece as bytes (UTF-8: at least as many bytes), at or over
 * the server's mmap threshold (client/src/server-options.ts SERVER_ENV, 1 MB): glibc's malloc maps a
 * block that large on its own and unmaps it when it is freed. A report's piece (about 100 KB) was a
 * block in the main heap, and the 20 MB of them, freed once written, left holes there that the
 * process kept: the main heap 25 → 45 MB at the first save, and so for the session.
 */
export const PIECE_CHARS = 1 << 20;

/** The strings of `pieces` joined in order into strings of at least `chars` characters (the last one shorter). */
export function* joined(pieces: Iterable<string>, chars: number): Generator<string> {
  let batch: string[] = [];
  let size = 0;
  for (const piece of pieces) {
    batch.push(piece);
    size += piece.length;
    if (size >= chars) {
      yield batch.join('');
      batch = [];
      size = 0;
    }
  }
  if (batch.length) yield batch.join('');
}

/** Each item of `list` in order, its slot emptied as it is taken (the list keeps none it has given). */
export function* lettingGo<T>(list: (T | undefined)[]): Generator<T> {
  for (let i = 0; i < list.length; i++) {
    const item = list[i] as T;
    list[i] = undefined;
    yield item;
  }
}
