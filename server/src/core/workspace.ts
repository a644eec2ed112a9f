/**
 * The core reads files only through this interface: the LSP shell backs it with the editor's open
 * documents and the file system, the CLI with the file system, tests with an in-memory map.
 */
export interface WorkspaceFiles {
  /** The text of a file, or undefined if it does not exist or cannot be read. */
  readFile(uri: string): Promise<string | undefined>;
  /** URIs of every `*.report.md` under a folder (the history of sessions). Optional: without it there is no history. */
  listReports?(folder: string): Promise<string[]>;
  /** URIs of the files directly in a folder (for `.policy-report/snippets/`); [] if it does not exist. */
  listDir?(folder: string): Promise<string[]>;
}

/** The workspace catalog file, relative to a workspace folder. */
export const CATALOG_FILE = '.policy-report/indicators.yaml';

/** Joins a folder URI and a relative path with forward slashes. */
export function joinUri(folder: string, relative: string): string {
  return folder.replace(/\/+$/, '') + '/' + relative;
}

/** An in-memory workspace, for tests and for text already in hand. */
export class InMemoryWorkspace implements WorkspaceFiles {
  readonly files = new Map<string, string>();
  constructor(files: Record<string, string> = {}) {
    for (const [k, v] of Object.entries(files)) this.files.set(k, v);
  }
  async readFile(uri: string): Promise<string | undefined> {
    return this.files.get(uri);
  }
  async listDir(folder: string): Promise<string[]> {
    const prefix = folder.replace(/\/+$/, '') + '/';
    return [...this.files.keys()].filter((k) => k.startsWith(prefix) && !k.slice(prefix.length).includes('/')).sort();
  }
  async listReports(folder: string): Promise<string[]> {
    const prefix = folder.replace(/\/+$/, '') + '/';
    return [...this.files.keys()].filter((k) => k.startsWith(prefix) && k.endsWith('.report.md')).sort();
  }
}
