/**
 * The history's snapshot on the disk (core/history/snapshot.ts): read before the workspace is
 * indexed, written after. It lives in the editor's storage for the workspace (VS Code's
 * `storageUri`, given as `initializationOptions.storagePath`), never in the workspace itself.
 * Written atomically (io/write.ts: a temporary file renamed over it, never through a link), so a
 * crash leaves the old one or the new one. A snapshot
 * that cannot be read, or that another build wrote, is ignored: the reports are then parsed.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { readSnapshot, type Snapshot } from '../core/history/snapshot';
import type { LanguageService } from '../core/service';
import { writeFileAtomic } from '../io/write';

const FILE = 'history-index.json';
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

export class IndexStore {
  private readonly build = buildId();
  private writing: Promise<void> = Promise.resolve();
  constructor(private readonly dir: string | undefined) {}

  /** The saved snapshot, or null (none, unreadable, too large, another build's). */
  async load(): Promise<Snapshot | null> {
    if (!this.dir) return null;
    const file = path.join(this.dir, FILE);
    try {
      if ((await stat(file)).size > MAX_BYTES) return null;
      return readSnapshot(await readFile(file, 'utf8'), this.build);
    } catch {
      return null;
    }
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
    const json = { pieces: Array.from(service.snapshotJson(this.build), (piece) => Buffer.from(piece, 'utf8')) };
    // One write at a time, in order.
    this.writing = this.writing.then(async () => {
      try {
        await mkdir(dir, { recursive: true });
        await writeFileAtomic(path.join(dir, FILE), json, { force: true });
      } catch (e) {
        warn(`policy-report: could not save the history index in ${dir}: ${String(e)}`);
      }
    });
    return this.writing;
  }
}
