/**
 * The quick fix "add to the workspace catalog" of an unknown-indicator finding: a WorkspaceEdit
 * that creates `.policy-report/indicators.yaml` or inserts the entry at the end of its list (the
 * client applies it; the server writes nothing), and a command that then shows the new entry.
 * The entry and the insertion are computed by the core (core/catalog/add-entry.ts).
 */
import { fileURLToPath } from 'node:url';
import { CodeActionKind, type CodeAction, type Diagnostic, type Position } from 'vscode-languageserver/node';
import { catalogAddition, type EntryDraft } from '../core/catalog/add-entry';
import { pick, type Lang } from '../core/i18n';
import { LineIndex } from '../core/text';
import { schemaReference } from '../io/schema';
import type { Finding } from '../core/types';

/** The server command that shows a catalog file at a position (window/showDocument). */
export const SHOW_CATALOG_ENTRY = 'policyReport.showCatalogEntry';

/**
 * The code action for one finding, or null when it carries no entry or the catalog file cannot take
 * one by insertion (it does not parse). `current` is the catalog's text (an open buffer's, else the
 * disk's), undefined if there is none.
 */
export function addToCatalogAction(
  finding: Finding,
  diagnostics: Diagnostic[],
  catalogUri: string,
  current: string | undefined,
  lang: Lang,
): CodeAction | null {
  const entry = finding.data?.entry as EntryDraft | undefined;
  if (!entry) return null;
  const add = catalogAddition(current, entry, current === undefined && catalogUri.startsWith('file:') ? schemaReference(fileURLToPath(catalogUri)) : undefined);
  if (!add) return null;
  const at = new LineIndex(current ?? '').positionAt(add.offset);
  const after = (current ?? '').slice(0, add.offset) + add.text + (current ?? '').slice(add.offset);
  const entryAt: Position = new LineIndex(after).positionAt(add.entryOffset);
  const edit = { range: { start: at, end: at }, newText: add.text };
  const title = pick({ vi: `Thêm "${entry.name}" vào danh mục của workspace`, en: `Add "${entry.name}" to the workspace catalog` }, lang);
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics,
    edit: add.create
      ? {
          documentChanges: [
            { kind: 'create', uri: catalogUri, options: { ignoreIfExists: true } },
            { textDocument: { uri: catalogUri, version: null }, edits: [edit] },
          ],
        }
      : { changes: { [catalogUri]: [edit] } },
    command: { title, command: SHOW_CATALOG_ENTRY, arguments: [catalogUri, entryAt] },
  };
}
