/**
 * The CLI bundle's exports (init, the next draft, Word import and export, the atomic writes of
 * export and import), loaded when a command first needs them: they carry the report parser and the .docx libraries, which the client bundle
 * otherwise does without (the .vsix stays small; the server is the same out/cli.js).
 */
import type * as Cli from '../../server/src/cli';

/** The extension's folder (out/cli.js is there); set on activation. */
let extensionPath = '';

export function setExtensionPath(p: string): void {
  extensionPath = p;
}

export function cli(): typeof Cli {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`${extensionPath}/out/cli.js`) as typeof Cli;
}
