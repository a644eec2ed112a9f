/**
 * The server's view of the workspace on disk: the folders, the guarded reader (io/read.ts) with the
 * refusals it met, stats and listings. Nothing here knows the protocol.
 */
import { stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Msg } from '../core/i18n';
import { joinUri } from '../core/workspace';
import { CONFIG_FILE } from '../core/config';
import { isSnippetFileName, SNIPPETS_DIR } from '../core/snippets';
import { readTextFile, type ReadOptions } from '../io/read';
import { listFiles } from '../io/walk';
import { fileUri, listReportFiles } from './files';
import type { DiskStat } from './reconcile';

export class Disk {
  folders: string[] = [];
  /** The shared catalog the user's settings name: read wherever it is (the client vetted it). */
  allowFiles: string[] = [];
  /**
   * Workspace files on the disk that could not be read, with why: a FIFO, a device, over the size
   * limit, binary, not UTF-8, a link to outside the workspace folders (io/read.ts). Each is a
   * diagnostic on its file; a data file's last readable version stays in use.
   */
  readonly refusals = new Map<string, Msg>();

  /** The file's text, or undefined (missing, or refused: the refusal is kept until it reads again). */
  async read(uri: string): Promise<string | undefined> {
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    const r = await readTextFile(file, this.readOptions());
    this.noteRead(uri, 'text' in r || r.missing ? undefined : r.why);
    return 'text' in r ? r.text : undefined;
  }

  /** What the guarded reader is given: the folders a file must be in, the files allowed anyway. */
  readOptions(): ReadOptions {
    const roots = this.folders.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f));
    return { within: roots.length ? roots : undefined, allowFiles: this.allowFiles };
  }

  /** A read's outcome (here or in the index's worker thread): `refusal`, or undefined (read, or missing). */
  noteRead(uri: string, refusal: Msg | undefined): void {
    if (refusal) this.refusals.set(uri, refusal);
    else this.refusals.delete(uri);
  }

  /** Is `uri` inside one of the workspace folders (or are there none)? */
  inside(uri: string): boolean {
    return !this.folders.length || this.folders.some((f) => uri.startsWith(f.replace(/\/+$/, '') + '/'));
  }

  /** Every report under a folder (the walker's rules). */
  reports(folder: string): string[] {
    return folder.startsWith('file:') ? listReportFiles(fileURLToPath(folder)).map(fileUri) : [];
  }

  /** The files of a folder, not recursive. */
  listDir(folder: string): string[] {
    return folder.startsWith('file:') ? listFiles(fileURLToPath(folder)).map(fileUri) : [];
  }

  /** config.yaml and the team snippet files of every folder (those on disk). */
  configAndSnippetUris(): string[] {
    const uris = this.folders.map((f) => joinUri(f, CONFIG_FILE));
    for (const f of this.folders) uris.push(...this.listDir(joinUri(f, SNIPPETS_DIR)).filter(isSnippetFileName));
    return uris;
  }
}

/**
 * The stat the reconciler compares; undefined for a folder or nothing. A FIFO or device named like
 * a report has one too: the guarded reader then refuses it, and the refusal is said on the file.
 */
export async function diskStat(uri: string): Promise<DiskStat | undefined> {
  try {
    const st = await stat(fileURLToPath(uri));
    return st.isDirectory() ? undefined : { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
  } catch {
    return undefined;
  }
}

export async function isDirectory(uri: string): Promise<boolean> {
  try {
    return uri.startsWith('file:') && (await stat(fileURLToPath(uri))).isDirectory();
  } catch {
    return false;
  }
}
