/** The CLI's file world: finding reports, reading them, naming them relative to the working folder. */
import { existsSync, statSync, readdirSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Finding } from '../core/types';
import type { WorkspaceFiles } from '../core/workspace';
import { MAX_REPORT_CHARS } from '../core/parse/guard';

/** A finding with the file it is in, as the CLI prints it. */
export interface FileFinding extends Finding {
  /** Path relative to the working folder, with forward slashes. */
  file: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git', 'out', '.vscode-test']);

/** Expands folders to the `*.report.md` files under them; files given by name are kept as they are. */
export function expandPaths(inputs: string[]): { files: string[]; missing: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const walk = (dir: string): void => {
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      missing.push(dir);
      return;
    }
    for (const name of names) {
      const p = path.join(dir, name);
      let st;
      try {
        st = statSync(p);
      } catch {
        // A broken link or a file that vanished: a report is reported as unreadable, not skipped.
        if (name.endsWith('.report.md')) files.push(p);
        continue;
      }
      if (st.isDirectory()) {
        if (!SKIP_DIRS.has(name) && !(name.startsWith('.') && name !== '.policy-report')) walk(p);
      } else if (name.endsWith('.report.md')) files.push(p);
    }
  };
  for (const input of inputs) {
    const abs = path.resolve(input);
    if (!existsSync(abs)) missing.push(input);
    else if (statSync(abs).isDirectory()) walk(abs);
    else files.push(abs);
  }
  return { files: [...new Set(files)], missing };
}

/** The workspace folder of a path: the nearest folder above it that has `.policy-report/`. */
export function workspaceRoot(p: string): string {
  let dir = existsSync(p) && statSync(p).isDirectory() ? p : path.dirname(p);
  for (;;) {
    if (existsSync(path.join(dir, '.policy-report'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) return existsSync(p) && statSync(p).isDirectory() ? p : path.dirname(p);
    dir = up;
  }
}

export function toUri(p: string): string {
  return pathToFileURL(p).toString();
}

export function fromUri(uri: string): string {
  return fileURLToPath(uri);
}

/** Relative to the working folder, forward slashes: what users and CI annotations expect. */
export function displayPath(p: string): string {
  return path.relative(process.cwd(), p).split(path.sep).join('/') || path.basename(p);
}

/** Largest file read from the disk (bytes); figures.csv has a smaller limit, a report also one in characters. */
export const MAX_FILE_BYTES = 8 * 1024 * 1024;
/** figures.csv: each row's indicator is looked up in the catalog (about 1 ms for an unknown name). */
export const MAX_CSV_BYTES = 1024 * 1024;

/**
 * Reads a text file from the disk, or says in words why it cannot be used: not there, not a regular
 * file (a folder, a FIFO that would block, a device), larger than `maxBytes`, binary (NUL bytes), not
 * UTF-8. A report longer than the core's limit (MAX_REPORT_CHARS) is refused too: checking it would
 * stall. Never throws.
 */
export async function readTextFile(file: string, maxBytes = MAX_FILE_BYTES): Promise<{ text: string } | { reason: string }> {
  const report = file.endsWith('.report.md');
  const limit = file.endsWith('.csv') ? Math.min(maxBytes, MAX_CSV_BYTES) : maxBytes;
  const mb = (n: number): string => `${(n / (1024 * 1024)).toFixed(1)} MB`;
  try {
    const st = await stat(file);
    if (!st.isFile()) return { reason: st.isDirectory() ? 'a folder, not a file' : 'not a regular file (a pipe, socket or device)' };
    if (st.size > limit) return { reason: `too large (${mb(st.size)}; the limit is ${mb(limit)})` };
    const bytes = await readFile(file);
    const nul = bytes.indexOf(0);
    if (nul >= 0) return { reason: `a binary file, not text (a NUL byte at offset ${nul})` };
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      return { reason: 'not valid UTF-8 text (save it as UTF-8)' };
    }
    if (report && text.length > MAX_REPORT_CHARS) return { reason: `too large to check (${text.length} characters; the limit is ${MAX_REPORT_CHARS})` };
    return { text };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why: Record<string, string> = { ENOENT: 'no such file (or a broken link)', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'a folder, not a file', ELOOP: 'a link loop' };
    return { reason: (code && why[code]) ?? (e instanceof Error ? e.message : String(e)) };
  }
}

/**
 * The workspace on the disk. A file that is there but cannot be used (binary, not UTF-8, too large,
 * not a regular file) reads as absent, and `onRefused` hears why (the CLI reports it).
 */
export function createDiskWorkspace(onRefused: (file: string, reason: string) => void = () => undefined): WorkspaceFiles {
  return {
    async listDir(folder) {
      try {
        const dir = fileURLToPath(folder);
        return readdirSync(dir)
          .sort()
          .map((n) => path.join(dir, n))
          .filter((p) => statSync(p).isFile())
          .map(toUri);
      } catch {
        return [];
      }
    },
    async listReports(folder) {
      return expandPaths([fileURLToPath(folder)]).files.map(toUri);
    },
    async readFile(uri) {
      let file: string;
      try {
        file = fileURLToPath(uri);
      } catch {
        return undefined;
      }
      if (!existsSync(file)) return undefined; // absent: nothing to say
      const r = await readTextFile(file);
      if ('text' in r) return r.text;
      onRefused(file, r.reason);
      return undefined;
    },
  };
}

export const diskWorkspace: WorkspaceFiles = createDiskWorkspace();
