/**
 * The one guarded walker of the server and the CLI: finds the `*.report.md` files under a folder.
 * A workspace is untrusted: links to folders are never followed (`a -> .` and `b -> .` would make
 * the walk endless, or count every report many times), a folder reached twice by its device and
 * inode is walked once, files are de-duplicated by their real path, and the walk stops after
 * MAX_WALK_ENTRIES entries (saying so) instead of running for ever on a mount loop.
 * A link named `*.report.md` is listed: the reader (read.ts) decides whether it may be read (a link
 * to outside the workspace is not), so that the refusal can be reported on it.
 */
import { lstatSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import * as path from 'node:path';

/** Folders never searched for reports (besides dot-folders other than `.policy-report`). */
export const SKIP_DIRS = new Set(['node_modules', '.git', 'out', '.vscode-test']);
/** Folders deeper than this under the walked one are not searched. */
export const MAX_WALK_DEPTH = 64;
/** Directory entries looked at in one walk, at most. */
export const MAX_WALK_ENTRIES = 500_000;

export const isReportName = (name: string): boolean => /\.report\.md$/i.test(name);

export interface WalkResult {
  /** Reports found, sorted, each real path once (the first path that reaches it). */
  files: string[];
  /** Why the walk did not look everywhere (depth or entry limit), if it did not. */
  truncated?: string;
}

/** Every `*.report.md` under `dir` (see the module comment for what is not followed). */
export function walkReports(dir: string): WalkResult {
  const files: string[] = [];
  const seenDirs = new Set<string>();
  const seenReal = new Set<string>();
  let entries = 0;
  let truncated: string | undefined;
  const add = (p: string): void => {
    let real: string;
    try {
      real = realpathSync(p);
    } catch {
      real = p; // a broken link: listed, the reader says why it cannot be read
    }
    if (seenReal.has(real)) return;
    seenReal.add(real);
    files.push(p);
  };
  const walk = (d: string, depth: number): void => {
    if (truncated) return;
    if (depth > MAX_WALK_DEPTH) {
      truncated = `folders nested more than ${MAX_WALK_DEPTH} deep are not searched (${d})`;
      return;
    }
    let st;
    try {
      st = statSync(d);
    } catch {
      return;
    }
    const key = `${st.dev}:${st.ino}`;
    if (seenDirs.has(key)) return;
    seenDirs.add(key);
    let list: Dirent[];
    try {
      list = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of list) {
      if (++entries > MAX_WALK_ENTRIES) {
        truncated = `more than ${MAX_WALK_ENTRIES} entries: the rest is not searched`;
        return;
      }
      const p = path.join(d, e.name);
      let kind: 'dir' | 'link' | 'other' = e.isDirectory() ? 'dir' : e.isSymbolicLink() ? 'link' : 'other';
      if (!e.isDirectory() && !e.isSymbolicLink() && !e.isFile() && !e.isFIFO() && !e.isSocket() && !e.isCharacterDevice() && !e.isBlockDevice()) {
        // The file system did not say (DT_UNKNOWN): ask.
        try {
          const l = lstatSync(p);
          kind = l.isDirectory() ? 'dir' : l.isSymbolicLink() ? 'link' : 'other';
        } catch {
          continue;
        }
      }
      if (kind === 'dir') {
        if (!SKIP_DIRS.has(e.name) && !(e.name.startsWith('.') && e.name !== '.policy-report')) walk(p, depth + 1);
      } else if (isReportName(e.name)) add(p); // files, links, and FIFOs or devices (refused, with a reason, when read)
    }
  };
  walk(path.resolve(dir), 0);
  return truncated ? { files, truncated } : { files };
}

/** The entries directly in a folder that are not folders (files, links, pipes: the reader refuses what it cannot read), sorted. */
export function listFiles(dir: string): string[] {
  let list: Dirent[];
  try {
    list = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return list
    .filter((e) => !e.isDirectory())
    .map((e) => e.name)
    .sort()
    .map((n) => path.join(dir, n));
}
