/** What a file is to the server, by its URI: the one routing of file kinds (documents, watchers, rescans). */
import { FIGURES_FILE } from '../core/history/csv';
import { CONFIG_FILE } from '../core/config';
import { isSnippetFileName, SNIPPET_GLOB, SNIPPETS_DIR } from '../core/snippets';
import { CATALOG_FILE } from '../core/workspace';

/** A report, one of the workspace data files, or something else (a folder, another file). */
export type FileKind = 'report' | 'catalog' | 'figures' | 'config' | 'snippets' | 'other';

/**
 * The kind of `uri`. `sharedCatalog` tells the catalog the settings name (any file name); the data
 * files win over the report pattern.
 */
export function fileKind(uri: string, sharedCatalog: (uri: string) => boolean): FileKind {
  if (uri.endsWith('/' + CATALOG_FILE) || sharedCatalog(uri)) return 'catalog';
  if (uri.endsWith('/' + FIGURES_FILE)) return 'figures';
  if (uri.endsWith('/' + CONFIG_FILE)) return 'config';
  if (uri.includes('/' + SNIPPETS_DIR + '/') && isSnippetFileName(uri)) return 'snippets';
  if (isReport(uri)) return 'report';
  return 'other';
}

/** A workspace data file: catalog, figures.csv, config.yaml, a team snippet file. */
export function isDataKind(kind: FileKind): boolean {
  return kind !== 'report' && kind !== 'other';
}

/** Is this URI a report the server checks? */
export function isReport(uri: string): boolean {
  return /\.report\.md$/i.test(uri);
}

/** Folders whose events never concern the history (the walker skips them too). */
export function isNoise(uri: string): boolean {
  return /\/(\.git|node_modules)(\/|$)/.test(uri);
}

/** The file watchers the server registers: every kind above, and folders created or deleted. */
export const WATCHED_GLOBS = [`**/${CATALOG_FILE}`, `**/${FIGURES_FILE}`, `**/${CONFIG_FILE}`, SNIPPET_GLOB, '**/*.report.md'];
