/**
 * The language features over the protocol: each handler finds the open report, returns nothing if
 * there is none, delegates to the language service and converts (convert.ts).
 */
import * as v8 from 'node:v8';
import { CodeActionKind, MarkupKind, type CodeAction, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { exportPlain } from '../core/export';
import { overlaps } from '../core/features/locate';
import { markAllEdits } from '../core/markup';
import type { LanguageService } from '../core/service';
import { CATALOG_FILE, joinUri } from '../core/workspace';
import { addToCatalogAction, SHOW_CATALOG_ENTRY } from './catalog-fix';
import { collectGarbage } from './collect';
import { catalogLocation, diagnosticsOf, fixAction, nameCompletions, snippetCompletions, toInlayHint, toSymbol } from './convert';
import type { Disk } from './disk';
import { isReport } from './kinds';
import type { DiagnosticsSync } from './sync';

export function registerFeatures(connection: Connection, documents: TextDocuments<TextDocument>, service: LanguageService, disk: Disk, sync: DiagnosticsSync): void {
  /** The open report a request is about, or undefined. */
  const report = (uri: string): TextDocument | undefined => {
    const doc = documents.get(uri);
    return doc && isReport(doc.uri) ? doc : undefined;
  };

  connection.onCompletion((params) => {
    const doc = report(params.textDocument.uri);
    if (!doc) return null;
    const items = service.completion(doc.uri, doc.getText(), params.position, doc.version);
    return items ? nameCompletions(items) : snippetCompletions(service.teamSnippets(doc.uri));
  });

  connection.onHover((params) => {
    const doc = report(params.textDocument.uri);
    const h = doc && service.hover(doc.uri, doc.getText(), params.position, doc.version);
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
  });

  connection.onReferences((params) => {
    const doc = report(params.textDocument.uri);
    return doc ? service.references(doc.uri, doc.getText(), params.position, doc.version).map((m) => ({ uri: m.uri, range: m.range })) : [];
  });

  connection.onDefinition((params) => {
    const doc = report(params.textDocument.uri);
    return doc ? catalogLocation(service.indicatorAt(doc.uri, doc.getText(), params.position, doc.version)?.origin) : null;
  });

  connection.languages.inlayHint.on((params) => {
    const doc = report(params.textDocument.uri);
    if (!doc || !sync.ready) return [];
    return service.inlayHints(doc.uri, doc.getText(), params.range, doc.version).map(toInlayHint);
  });

  connection.onDocumentSymbol((params) => {
    const doc = report(params.textDocument.uri);
    return doc ? service.sections(doc.uri, doc.getText(), doc.version).map(toSymbol) : [];
  });

  connection.onCodeAction(async (params) => {
    const doc = report(params.textDocument.uri);
    if (!doc) return [];
    const actions: CodeAction[] = service.fixes(doc.uri, doc.getText(), params.range, doc.version).map(({ finding, fix }) => fixAction(doc.uri, finding, fix, params.context.diagnostics));
    // An unknown indicator with a figure: add it to the workspace catalog (the client writes the file).
    const folder = service.folderOf(doc.uri);
    const unknown = folder ? service.check(doc.uri, doc.getText(), doc.version).filter((f) => f.code === 'unknown-indicator' && f.data?.entry && overlaps(f.range, params.range)) : [];
    if (unknown.length) {
      const catalogUri = joinUri(folder, CATALOG_FILE);
      const current = documents.get(catalogUri)?.getText() ?? (await disk.read(catalogUri));
      // A catalog that is there but cannot be read is not replaced by a new one.
      if (current !== undefined || !disk.refusals.has(catalogUri)) {
        for (const finding of unknown) {
          const action = addToCatalogAction(finding, diagnosticsOf(finding, params.context.diagnostics), catalogUri, current, service.langFor(doc.uri));
          if (action) actions.push(action);
        }
      }
    }
    // Mark every indicator mention in the file (or the selection); edits computed on resolve.
    const selection = params.range.start.line !== params.range.end.line || params.range.start.character !== params.range.end.character;
    const en = service.langFor(doc.uri) === 'en';
    actions.push({ title: en ? 'Mark all indicators in the file' : 'Đánh dấu mọi chỉ tiêu trong tệp', kind: CodeActionKind.RefactorRewrite, data: { uri: doc.uri, version: doc.version } });
    if (selection) {
      actions.push({
        title: en ? 'Mark all indicators in the selection' : 'Đánh dấu mọi chỉ tiêu trong vùng chọn',
        kind: CodeActionKind.RefactorRewrite,
        data: { uri: doc.uri, version: doc.version, range: params.range },
      });
    }
    return actions;
  });

  connection.onCodeActionResolve((action) => {
    const data = action.data as { uri: string; version: number; range?: { start: { line: number; character: number }; end: { line: number; character: number } } } | undefined;
    const doc = data && documents.get(data.uri);
    if (!data || !doc || doc.version !== data.version) return action;
    const edits = markAllEdits(doc.getText(), service.catalogs.catalog, { range: data.range, doc: service.document(doc.uri, doc.getText(), doc.version) });
    return { ...action, edit: { changes: { [doc.uri]: edits } } };
  });

  /** After the quick fix added an entry to the workspace catalog: show it for review. */
  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_CATALOG_ENTRY) return;
    const [uri, position] = (params.arguments ?? []) as [string, { line: number; character: number }];
    if (typeof uri !== 'string' || !position) return;
    await connection.window.showDocument({ uri, takeFocus: true, selection: { start: position, end: position } });
  });

  /** The status bar: catalog size, sessions in the history, findings in a file. */
  connection.onRequest('policyReport/status', (params: { uri?: string }) => {
    const doc = params.uri ? documents.get(params.uri) : undefined;
    const findings = doc && isReport(doc.uri) && sync.ready ? service.check(doc.uri, doc.getText(), doc.version) : [];
    return {
      ready: sync.ready,
      catalogSize: service.catalogs.catalog.size,
      sessions: service.history.sessionCount,
      figures: service.history.entryCount,
      findings: findings.length,
      errors: findings.filter((f) => f.severity === 'error').length,
      // Reports of the last (re)index: parsed, or read from the index saved by an earlier session.
      reportsParsed: service.indexStats.parsed,
      reportsRestored: service.indexStats.restored,
    };
  });

  /**
   * The server's memory (for the benchmark and for a report of a problem): the process's resident
   * set, V8's heap as it is, and with `live: true` the heap that is left after a full collection.
   */
  connection.onRequest('policyReport/memory', (params: { live?: boolean } | undefined) => ({
    ...memoryFigures(params?.live === true),
    // The full collections between checks so far (sync.ts checks) and their wall time.
    checkCollections: sync.checks.collections,
    checkCollectMs: sync.checks.collectMs,
  }));

  /** The report as plain Markdown without the dialect's marks, for Word/PDF pipelines. */
  connection.onRequest('policyReport/export', (params: { uri: string }) => {
    const doc = documents.get(params.uri);
    return doc ? exportPlain(service.document(doc.uri, doc.getText(), doc.version)) : null;
  });
}

const MB = 1024 * 1024;


/** Memory figures in MB: process.memoryUsage and v8.getHeapStatistics; `live`: after a full collection. */
export function memoryFigures(live: boolean): Record<string, number | boolean> {
  const collected = live && collectGarbage();
  const m = process.memoryUsage();
  const h = v8.getHeapStatistics();
  return {
    collected,
    rssMb: m.rss / MB,
    heapUsedMb: h.used_heap_size / MB,
    heapTotalMb: h.total_heap_size / MB,
    heapPhysicalMb: h.total_physical_size / MB,
    externalMb: m.external / MB,
    mallocedMb: h.malloced_memory / MB,
    peakMallocedMb: h.peak_malloced_memory / MB,
    arrayBuffersMb: m.arrayBuffers / MB,
    // Per V8 heap space, what it holds (used) and what it has of the process (committed): the young
    // generation's share of the RSS, the old generation's garbage not yet collected.
    ...Object.fromEntries(v8.getHeapSpaceStatistics().flatMap((s) => [[`${s.space_name}UsedMb`, s.space_used_size / MB], [`${s.space_name}SizeMb`, s.space_size / MB]])),
  };
}
