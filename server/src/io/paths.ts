/**
 * Path containment, shared by the guarded reader and the VS Code client's vetting of
 * `policyReport.catalogPath`. Node's `fs` and `path` only (the client bundles it).
 */
import { realpathSync } from 'node:fs';
import * as path from 'node:path';

/** True if `p` is `folder` or inside it (both already absolute and normalized; `..a` is a name, not a way up). */
export function isWithin(p: string, folder: string): boolean {
  const rel = path.relative(folder, p);
  return rel === '' || (rel !== '..' && !rel.startsWith('..' + path.sep) && !path.isAbsolute(rel));
}

/** The real path of `p` (links resolved); for a path that does not exist, its nearest existing parent's real path joined with the rest. */
export function realPathOf(p: string): string {
  const abs = path.resolve(p);
  try {
    return realpathSync(abs);
  } catch {
    const parent = path.dirname(abs);
    return parent === abs ? abs : path.join(realPathOf(parent), path.basename(abs));
  }
}
