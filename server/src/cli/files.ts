/** The CLI's file world: finding reports, reading them, naming them relative to the working folder. */
import { existsSync, statSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Finding } from '../core/types';
import type { WorkspaceFiles } from '../core/workspace';

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

export const diskWorkspace: WorkspaceFiles = {
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
    try {
      return await readFile(fileURLToPath(uri), 'utf8');
    } catch {
      return undefined;
    }
  },
};
