/** The CLI's file world: finding reports, reading them, naming them relative to the working folder. */
import { existsSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Finding } from '../core/types';
import type { WorkspaceFiles } from '../core/workspace';
import type { Msg } from '../core/i18n';
import { readTextFile, type ReadResult } from '../io/read';
import { listFiles, walkReports } from '../io/walk';

/** A finding with the file it is in, as the CLI prints it. */
export interface FileFinding extends Finding {
  /** Path relative to the working folder, with forward slashes. */
  file: string;
}

/**
 * Expands folders to the `*.report.md` files under them (io/walk.ts: links to folders are not
 * followed, each real file once); files given by name are kept as they are.
 */
export function expandPaths(inputs: string[]): { files: string[]; missing: string[]; truncated: string[] } {
  const files: string[] = [];
  const missing: string[] = [];
  const truncated: string[] = [];
  for (const input of inputs) {
    const abs = path.resolve(input);
    let st;
    try {
      st = statSync(abs);
    } catch {
      missing.push(input);
      continue;
    }
    if (st.isDirectory()) {
      const r = walkReports(abs);
      files.push(...r.files);
      if (r.truncated) truncated.push(r.truncated);
    } else files.push(abs);
  }
  return { files: [...new Set(files)], missing, truncated };
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

export { MAX_FILE_BYTES, MAX_CSV_BYTES, readTextFile } from '../io/read';

const rootCache = new Map<string, string>();
/** The workspace root of a file, memoized by its folder (asked once per file read). */
function rootOf(file: string): string {
  const dir = path.dirname(file);
  let r = rootCache.get(dir);
  if (r === undefined) {
    r = workspaceRoot(dir);
    if (rootCache.size > 10_000) rootCache.clear();
    rootCache.set(dir, r);
  }
  return r;
}

/**
 * Reads a workspace file for the CLI: the guarded reader, with its real path kept inside the
 * workspace root of the path it was reached by (a link `draft.report.md -> ~/.ssh/config` is
 * refused, not read), unless it is one of `allowFiles` (a catalog named on the command line).
 */
export function readWorkspaceFile(file: string, allowFiles: string[] = []): Promise<ReadResult> {
  return readTextFile(file, { within: [rootOf(path.resolve(file))], allowFiles });
}

/**
 * The workspace on the disk. A file that is there but cannot be used (binary, not UTF-8, too large,
 * not a regular file) reads as absent, and `onRefused` hears why (the CLI reports it).
 */
export function createDiskWorkspace(
  onRefused: (file: string, reason: string, why: Msg) => void = () => undefined,
  options: { allowFiles?: string[] } = {},
): WorkspaceFiles {
  const read = (file: string) => readWorkspaceFile(file, options.allowFiles);
  return {
    async listDir(folder) {
      return folder.startsWith('file:') ? listFiles(fileURLToPath(folder)).map(toUri) : [];
    },
    async listReports(folder) {
      return folder.startsWith('file:') ? walkReports(fileURLToPath(folder)).files.map(toUri) : [];
    },
    async readFile(uri) {
      let file: string;
      try {
        file = fileURLToPath(uri);
      } catch {
        return undefined;
      }
      const r = await read(file);
      if ('text' in r) return r.text;
      if (!r.missing) onRefused(file, r.reason, r.why); // absent: nothing to say
      return undefined;
    },
  };
}

export const diskWorkspace: WorkspaceFiles = createDiskWorkspace();
