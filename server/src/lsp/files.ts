/** The server finds the workspace's reports the same way the CLI does (io/walk.ts). */
import { walkReports } from '../io/walk';

/** Absolute paths of every `*.report.md` under `dir` (node_modules, .git, dot-folders and links to folders skipped). */
export function listReportFiles(dir: string): string[] {
  return walkReports(dir).files;
}
