/**
 * The LSP shell: converts between the protocol and the core, and does the IO. Each handler finds the
 * document, returns nothing if there is none, and delegates to the language service.
 */
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  MarkupKind,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LanguageService } from '../core/service';
import { langFromLocale, type Lang } from '../core/i18n';
import type { Finding, Severity } from '../core/types';
import type { Section } from '../core/parse/model';
import type { RuleSetting } from '../core/check';
import { CATALOG_FILE } from '../core/workspace';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

interface Settings {
  language?: 'auto' | Lang;
  debounceMs?: number;
  rules?: Record<string, RuleSetting>;
}

/** Is this URI a report the server checks? */
function isReport(uri: string): boolean {
  return /\.report\.md$/i.test(uri);
}

function isCatalogFile(uri: string): boolean {
  return uri.endsWith('/' + CATALOG_FILE);
}

/** Where the rule docs are, next to the bundle (out/server.js → docs/rules). */
function ruleDocUri(code: string): string | undefined {
  const file = path.join(__dirname, '..', 'docs', 'rules', `${code}.md`);
  return existsSync(file) ? pathToFileURL(file).toString() : undefined;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  const readFromDisk = async (uri: string): Promise<string | undefined> => {
    try {
      return await readFile(fileURLToPath(uri), 'utf8');
    } catch {
      return undefined;
    }
  };
  const service = new LanguageService({
    workspace: {
      // Unsaved text of an open document wins over the disk.
      async readFile(uri) {
        return documents.get(uri)?.getText() ?? readFromDisk(uri);
      },
    },
  });
  let debounceMs = 200;
  let locale: string | undefined;
  let hasConfiguration = false;
  let watchRegistration = false;
  const timers = new Map<string, NodeJS.Timeout>();
  // Until the workspace catalog is loaded, findings would be wrong; onInitialized checks every open document once it is.
  let ready = false;
  const docLinks = new Map<string, string | undefined>();

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = params.locale;
    service.configure({ lang: langFromLocale(locale) });
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    service.catalogs.setFolders(folders);
    hasConfiguration = !!params.capabilities.workspace?.configuration;
    watchRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['['], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
        documentSymbolProvider: true,
      },
      serverInfo: { name: 'policy-report', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (watchRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [{ globPattern: `**/${CATALOG_FILE}` }],
      });
    }
    await loadSettings();
    await service.reloadCatalog();
    ready = true;
    publishCatalogErrors();
    revalidateAll();
  });

  async function loadSettings(): Promise<void> {
    if (!hasConfiguration) return;
    try {
      const s = ((await connection.workspace.getConfiguration('policyReport')) ?? {}) as Settings;
      debounceMs = typeof s.debounceMs === 'number' && s.debounceMs >= 0 ? s.debounceMs : 200;
      const lang = s.language && s.language !== 'auto' ? s.language : langFromLocale(locale);
      service.configure({ lang, severities: s.rules ?? {} });
    } catch (e) {
      connection.console.warn(`policy-report: could not read settings: ${String(e)}`);
    }
  }

  connection.onDidChangeConfiguration(async () => {
    await loadSettings();
    publishCatalogErrors();
    revalidateAll();
  });

  function toDiagnostic(f: Finding): Diagnostic {
    if (!docLinks.has(f.code)) docLinks.set(f.code, ruleDocUri(f.code));
    const href = docLinks.get(f.code);
    return {
      range: f.range,
      severity: SEVERITY[f.severity],
      code: f.code,
      codeDescription: href ? { href } : undefined,
      source: 'policy-report',
      message: f.message,
      relatedInformation: f.related?.map((r) => ({ location: { uri: r.uri, range: r.range }, message: r.message })),
      data: f.data,
    };
  }

  function validate(uri: string): void {
    const doc = documents.get(uri);
    if (!doc || !isReport(uri) || !ready) return;
    try {
      const findings = service.check(uri, doc.getText(), doc.version);
      void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: findings.map(toDiagnostic) });
    } catch (e) {
      connection.console.error(`policy-report: checking ${uri} failed: ${e instanceof Error ? e.stack : String(e)}`);
    }
  }

  /** Debounced: a newer edit cancels the pending check of the older version. */
  function schedule(uri: string): void {
    const pending = timers.get(uri);
    if (pending) clearTimeout(pending);
    const version = documents.get(uri)?.version;
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        // Stale work: the document moved on (or closed) while we waited.
        if (documents.get(uri)?.version !== version) return;
        validate(uri);
      }, debounceMs),
    );
  }

  function revalidateAll(): void {
    for (const d of documents.all()) if (isReport(d.uri)) validate(d.uri);
  }

  function publishCatalogErrors(): void {
    for (const [uri, findings] of service.catalogFindings()) {
      void connection.sendDiagnostics({ uri, diagnostics: findings.map(toDiagnostic) });
    }
  }

  function catalogChanged(uri: string, text: string | undefined): void {
    service.updateCatalogFile(uri, text);
    if (text === undefined) void connection.sendDiagnostics({ uri, diagnostics: [] });
    publishCatalogErrors();
    revalidateAll();
  }

  documents.onDidOpen((e) => {
    if (isCatalogFile(e.document.uri)) catalogChanged(e.document.uri, e.document.getText());
    else validate(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    if (isCatalogFile(e.document.uri)) catalogChanged(e.document.uri, e.document.getText());
    else schedule(e.document.uri);
  });
  documents.onDidClose(async (e) => {
    const uri = e.document.uri;
    if (isCatalogFile(uri)) {
      // Back to what is on disk.
      catalogChanged(uri, await readFromDisk(uri));
      return;
    }
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.delete(uri);
    service.forget(uri);
    void connection.sendDiagnostics({ uri, diagnostics: [] });
  });

  connection.onDidChangeWatchedFiles(async (params) => {
    for (const change of params.changes) {
      if (!isCatalogFile(change.uri) || documents.get(change.uri)) continue;
      catalogChanged(change.uri, await readFromDisk(change.uri));
    }
  });

  connection.onCompletion((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isReport(doc.uri)) return null;
    const items = service.completion(doc.uri, doc.getText(), params.position, doc.version);
    if (!items) return null;
    return {
      isIncomplete: true,
      items: items.map((i) => ({
        label: i.label,
        kind: i.kind === 'canonical' ? CompletionItemKind.Value : CompletionItemKind.Reference,
        detail: i.detail,
        documentation: { kind: MarkupKind.Markdown, value: i.documentation },
        textEdit: { range: i.range, newText: i.newText },
        filterText: i.filterText,
        sortText: i.sortText,
        data: { id: i.indicatorId },
      })),
    };
  });

  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isReport(doc.uri)) return null;
    const h = service.hover(doc.uri, doc.getText(), params.position, doc.version);
    return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
  });

  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isReport(doc.uri)) return [];
    const actions: CodeAction[] = [];
    for (const { finding, fix } of service.fixes(doc.uri, doc.getText(), params.range, doc.version)) {
      actions.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: params.context.diagnostics.filter(
          (d) => d.code === finding.code && d.range.start.line === finding.range.start.line && d.range.start.character === finding.range.start.character,
        ),
        isPreferred: fix.preferred,
        edit: { changes: { [doc.uri]: fix.edits } },
      });
    }
    return actions;
  });

  connection.onDocumentSymbol((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isReport(doc.uri)) return [];
    const toSymbol = (s: Section): DocumentSymbol => ({
      name: s.title,
      kind: SymbolKind.String,
      range: s.range,
      selectionRange: s.headingRange,
      children: s.children.map(toSymbol),
    });
    return service.sections(doc.uri, doc.getText(), doc.version).map(toSymbol);
  });

  documents.listen(connection);
  connection.listen();
}
