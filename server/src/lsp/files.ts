/** The server finds the workspace's reports the same way the CLI does (io/walk.ts), and names files as the editor does. */
import { URI } from 'vscode-uri';
import { walkReports } from '../io/walk';

/** Absolute paths of every `*.report.md` under `dir` (node_modules, .git, dot-folders and links to folders skipped). */
export function listReportFiles(dir: string): string[] {
  return walkReports(dir).files;
}

/**
 * A file's URI spelled as VS Code spells it (vscode-uri: every reserved character escaped, where
 * Node's pathToFileURL leaves `( ) ! , ; = @ & + $ '` as they are). The history is keyed by URI: a
 * report found on disk and the same report opened in the editor must be one key.
 */
export function fileUri(p: string): string {
  return URI.file(p).toString();
}
