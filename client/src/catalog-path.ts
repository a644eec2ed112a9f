/**
 * Which `policyReport.catalogPath` the client passes to the server. A shared catalog outside the
 * workspace (a team's catalog on a network drive) is honoured only from the user's own settings: a
 * workspace, which may come from anywhere, cannot point the extension at files elsewhere on the
 * machine. A workspace or folder setting is honoured when it stays inside the workspace folder.
 * No vscode import: the client calls it with `inspect()`'s values; tests call it directly. It looks
 * at the disk only to resolve links.
 */
import * as path from 'node:path';
import { isWithin, realPathOf } from '../../server/src/io/paths';

export interface CatalogPathValues {
  /** User settings. */
  globalValue?: unknown;
  /** Workspace settings (.code-workspace or .vscode/settings.json). */
  workspaceValue?: unknown;
  /** Folder settings. */
  workspaceFolderValue?: unknown;
}

export interface CatalogPathChoice {
  /** The absolute path to use, or null for none. */
  path: string | null;
  /** Why a workspace value was not used (in both languages), if it was not. */
  refused?: string;
}

const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/**
 * True if `p` is `folder` or inside it, both as written (after resolving `..`) and on the disk (links
 * resolved): `.policy-report/shared.yaml -> /etc/passwd` inside the folder is outside it.
 */
export function isInside(p: string, folder: string): boolean {
  return isWithin(path.resolve(p), path.resolve(folder)) && isWithin(realPathOf(p), realPathOf(folder));
}

/**
 * The catalog path to use for `folder` (the workspace folder's file system path, if any). A
 * relative path is relative to the folder; without a folder a relative path is not used.
 */
export function vetCatalogPath(values: CatalogPathValues, folder: string | undefined): CatalogPathChoice {
  const resolve = (v: string): string | null => (path.isAbsolute(v) ? path.normalize(v) : folder ? path.resolve(folder, v) : null);
  const fromWorkspace = text(values.workspaceFolderValue) ?? text(values.workspaceValue);
  const fromUser = text(values.globalValue);
  let refused: string | undefined;
  if (fromWorkspace) {
    const p = resolve(fromWorkspace);
    if (p && folder && isInside(p, folder)) return { path: p };
    refused =
      `policyReport.catalogPath "${fromWorkspace}" từ thiết lập của workspace trỏ ra ngoài thư mục workspace nên không được dùng; đặt nó trong thiết lập người dùng nếu bạn tin tệp đó. / ` +
      `policyReport.catalogPath "${fromWorkspace}" from the workspace settings points outside the workspace folder and is not used; set it in your user settings if you trust that file.`;
  }
  const p = fromUser ? resolve(fromUser) : null;
  return refused ? { path: p, refused } : { path: p };
}
