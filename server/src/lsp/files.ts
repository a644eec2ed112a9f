/** The server finds the workspace's reports the same way the CLI does. */
import { expandPaths } from '../cli/files';

/** Absolute paths of every `*.report.md` under `dir` (node_modules, .git and dot-folders skipped). */
export function listReportFiles(dir: string): string[] {
  return expandPaths([dir]).files;
}
