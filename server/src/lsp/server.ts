/**
 * The LSP shell: converts between the protocol and the core, and does the IO. Each handler finds the
 * document, returns nothing if there is none, and delegates to the language service.
 *
 * Diagnostics: pulled (textDocument/diagnostic, with interFileDependencies) when the client can,
 * pushed (publishDiagnostics) otherwise. Either way a check waits `debounceMs` after the last edit
 * and is dropped if a newer version arrived meanwhile (stale work is cancelled).
 */
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  InlayHintKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  TextDocumentSyncKind,
  TextDocuments,
  WatchKind,
  LSPErrorCodes,
  ResponseError,
  type DiagnosticServerCancellationData,
  type CancellationToken,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
  type DocumentSymbol,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { LanguageService } from '../core/service';
import { langFromLocale, pick, type Lang, type Msg } from '../core/i18n';
import type { Finding, Severity } from '../core/types';
import type { Section } from '../core/parse/model';
import type { RuleSetting } from '../core/check';
import { CATALOG_FILE, joinUri } from '../core/workspace';
import { FIGURES_FILE } from '../core/history/csv';
import { DEFAULT_CATALOG_URI } from '../core/catalog/load';
import { CONFIG_FILE, type PolicyConfig } from '../core/config';
import { fileUri, listReportFiles } from './files';
import { readTextFile, refusalMessage } from '../io/read';
import { listFiles } from '../io/walk';
import { SNIPPETS_DIR } from '../core/snippets';
import { markAllEdits } from '../core/markup';
import { exportPlain } from '../core/export';
import { IndexStore } from './index-store';
import { Reconciler, type DiskStat, type ReconcileResult } from './reconcile';
import { addToCatalogAction, SHOW_CATALOG_ENTRY } from './catalog-fix';
import { overlaps } from '../core/features/locate';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** VS Code's `policyReport.*` settings; null or 'auto' means "not set here" (config.yaml decides). */
interface Settings {
  language?: 'auto' | Lang | null;
  debounceMs?: number | null;
  rules?: Record<string, RuleSetting> | null;
  requiredSections?: string[] | null;
  history?: { include?: string[]; exclude?: string[] } | null;
  /** A shared catalog file, already vetted by the client (client/src/catalog-path.ts). */
  catalogPath?: string | null;
}

/** The shared catalog's URI from the setting: a file URI, an absolute path, or a path relative to the first folder. */
function catalogUriOf(value: unknown, folders: string[]): string | undefined {
  if (typeof value !== 'string' || !value.trim()) return undefined;
  const v = value.trim();
  if (/^file:\/\//i.test(v)) return v;
  if (path.isAbsolute(v)) return fileUri(v);
  return folders[0] ? fileUri(path.resolve(fileURLToPath(folders[0]), v)) : undefined;
}

function toConfig(s: Settings | null | undefined): PolicyConfig {
  const c: PolicyConfig = {};
  if (!s) return c;
  if (s.language === 'vi' || s.language === 'en') c.language = s.language;
  if (typeof s.debounceMs === 'number' && s.debounceMs >= 0) c.debounceMs = s.debounceMs;
  if (s.rules && typeof s.rules === 'object') c.rules = s.rules;
  if (Array.isArray(s.requiredSections)) c.requiredSections = s.requiredSections.filter((x) => typeof x === 'string');
  if (s.history && typeof s.history === 'object') c.history = s.history;
  return c;
}

/** Is this URI a report the server checks? */
function isReport(uri: string): boolean {
  return /\.report\.md$/i.test(uri);
}

function isCatalogFile(uri: string): boolean {
  return uri.endsWith('/' + CATALOG_FILE);
}

function isFiguresFile(uri: string): boolean {
  return uri.endsWith('/' + FIGURES_FILE);
}

function isConfigFile(uri: string): boolean {
  return uri.endsWith('/' + CONFIG_FILE);
}

function isSnippetFile(uri: string): boolean {
  return uri.includes('/' + SNIPPETS_DIR + '/') && uri.endsWith('.json');
}

/** Folders whose events never concern the history (the walker skips them too). */
function isNoise(uri: string): boolean {
  return /\/(\.git|node_modules)(\/|$)/.test(uri);
}

/**
 * The stat the reconciler compares; undefined for a folder or nothing. A FIFO or device named like
 * a report has one too: the guarded reader then refuses it, and the refusal is said on the file.
 */
async function diskStat(uri: string): Promise<DiskStat | undefined> {
  try {
    const st = await stat(fileURLToPath(uri));
    return st.isDirectory() ? undefined : { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
  } catch {
    return undefined;
  }
}

async function isDirectory(uri: string): Promise<boolean> {
  try {
    return uri.startsWith('file:') && (await stat(fileURLToPath(uri))).isDirectory();
  } catch {
    return false;
  }
}

/** How long after a folder event the rescan starts (a burst of events makes one rescan). */
const RECONCILE_DEBOUNCE_MS = 300;
/** The periodic rescan (initializationOptions.reconcileIntervalMs; 0: none). */
const RECONCILE_INTERVAL_MS = 60_000;

/** A workspace data file: catalog, figures.csv, config.yaml, a team snippet file. */
function isDataFile(uri: string): boolean {
  return isCatalogFile(uri) || isFiguresFile(uri) || isConfigFile(uri) || isSnippetFile(uri);
}

/** Where the rule docs are, next to the bundle (out/server.js → docs/rules). */
function ruleDocUri(code: string): string | undefined {
  const file = path.join(__dirname, '..', 'docs', 'rules', `${code}.md`);
  return existsSync(file) ? fileUri(file) : undefined;
}

/** The embedded catalog as a file, for go to definition (the build copies it next to the bundle). */
function catalogLocationUri(uri: string): string | undefined {
  if (uri !== DEFAULT_CATALOG_URI) return uri;
  const file = path.join(__dirname, 'default-catalog.yaml');
  return existsSync(file) ? fileUri(file) : undefined;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);
  let folders: string[] = [];
  /** The shared catalog the user's settings name: read wherever it is (the client vetted it). */
  let allowFiles: string[] = [];
  /**
   * Workspace files on the disk that could not be read, with why: a FIFO, a device, over the size
   * limit, binary, not UTF-8, a link to outside the workspace folders (io/read.ts). Each is a
   * diagnostic on its file (publishCatalogErrors); a data file's last readable version stays in use.
   */
  const refusals = new Map<string, Msg>();
  const readFromDisk = async (uri: string): Promise<string | undefined> => {
    let file: string;
    try {
      file = fileURLToPath(uri);
    } catch {
      return undefined;
    }
    const roots = folders.filter((f) => f.startsWith('file:')).map((f) => fileURLToPath(f));
    const r = await readTextFile(file, { within: roots.length ? roots : undefined, allowFiles });
    if ('text' in r) {
      refusals.delete(uri);
      return r.text;
    }
    if (r.missing) refusals.delete(uri);
    else refusals.set(uri, r.why);
    return undefined;
  };
  const service = new LanguageService({
    workspace: {
      // Unsaved text of an open document wins over the disk.
      async readFile(uri) {
        return documents.get(uri)?.getText() ?? readFromDisk(uri);
      },
      async listReports(folder) {
        return folder.startsWith('file:') ? listReportFiles(fileURLToPath(folder)).map(fileUri) : [];
      },
      async listDir(folder) {
        return folder.startsWith('file:') ? listFiles(fileURLToPath(folder)).map(fileUri) : [];
      },
    },
  });
  let debounceMs = 200;
  let locale: string | undefined;
  let hasConfiguration = false;
  let watchRegistration = false;
  let pullDiagnostics = false;
  const timers = new Map<string, NodeJS.Timeout>();
  // Until the workspace catalog and history are loaded, findings would be wrong; onInitialized
  // checks every open document once they are.
  let ready = false;
  let whenReady: () => void = () => undefined;
  const readyPromise = new Promise<void>((r) => (whenReady = r));
  const docLinks = new Map<string, string | undefined>();
  /** The history's snapshot between sessions (initializationOptions.storagePath). */
  let indexStore = new IndexStore(undefined);
  let saveTimer: NodeJS.Timeout | undefined;
  const saveIndex = (): void => void indexStore.save(service, (m) => connection.console.warn(m));
  /** Saves the index a while after the last change to it (and at once on shutdown). */
  const saveIndexSoon = (): void => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      saveIndex();
    }, 10_000);
  };
  /**
   * The history's view of the disk, rescanned (sizes and modification times; only what changed is
   * read) on a folder created or deleted, on window focus and periodically: watcher events alone
   * miss files (reconcile.ts).
   */
  let reconcileIntervalMs = RECONCILE_INTERVAL_MS;
  /** A data file of this workspace: by its name, or the shared catalog the settings name. */
  const isData = (uri: string): boolean => isDataFile(uri) || service.catalogs.isCatalogUri(uri);
  /** The workspace data files on disk (catalogs, config.yaml, figures.csv, snippets), for the rescan. */
  const dataFileUris = (): string[] => {
    const uris = [...service.catalogs.catalogUris(), ...service.figuresUris(), ...folders.map((f) => joinUri(f, CONFIG_FILE))];
    for (const f of folders) if (f.startsWith('file:')) uris.push(...listFiles(fileURLToPath(joinUri(f, SNIPPETS_DIR))).filter((p) => p.endsWith('.json')).map(fileUri));
    return uris.filter((u) => u.startsWith('file:'));
  };
  const reconciler = new Reconciler(
    {
      list: () => {
        const uris: string[] = [];
        for (const folder of folders) {
          if (!folder.startsWith('file:')) continue;
          for (const p of listReportFiles(fileURLToPath(folder))) {
            const uri = fileUri(p);
            if (service.countsAsHistory(uri)) uris.push(uri);
          }
        }
        return [...uris, ...dataFileUris()];
      },
      stat: diskStat,
      read: (uri) => readFromDisk(uri),
      isOpen: (uri) => documents.get(uri) !== undefined,
      // What the history holds from the workspace folders (a report outside them came from a closed editor).
      known: () => service.history.reportUris().filter((uri) => folders.some((f) => uri.startsWith(f.replace(/\/+$/, '') + '/'))),
      apply: (uri, text) => {
        // Catalog, config, snippets and figures.csv: a new version, or gone (an unreadable one keeps the last).
        if (isData(uri)) return dataFileChanged(uri, text, true) && !(text === undefined && refusals.has(uri));
        if (text === undefined) {
          const had = service.history.has(uri);
          service.removeFile(uri);
          return had;
        }
        // indexText counts what it parses or restores; the same text as indexed is neither.
        const before = service.indexStats.parsed + service.indexStats.restored;
        service.indexText(uri, text);
        return service.indexStats.parsed + service.indexStats.restored !== before;
      },
    },
    { onPass: (r) => historyReconciled(r), ready: () => readyPromise },
  );
  /** A rescan when the server is ready (a burst of requests makes one). */
  const reconcileSoon = (): void => reconciler.reconcileSoon(RECONCILE_DEBOUNCE_MS);

  connection.onShutdown(async () => {
    reconciler.dispose();
    if (saveTimer) {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      saveIndex();
    }
    await indexStore.flush();
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    locale = params.locale;
    const options = params.initializationOptions as { storagePath?: unknown; reconcileIntervalMs?: unknown } | undefined;
    if (typeof options?.reconcileIntervalMs === 'number' && options.reconcileIntervalMs >= 0) reconcileIntervalMs = options.reconcileIntervalMs;
    indexStore = new IndexStore(typeof options?.storagePath === 'string' && options.storagePath ? options.storagePath : undefined);
    service.configure({ lang: langFromLocale(locale) });
    folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    service.setFolders(folders);
    hasConfiguration = !!params.capabilities.workspace?.configuration;
    watchRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    pullDiagnostics = !!params.capabilities.textDocument?.diagnostic;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['['], resolveProvider: false },
        hoverProvider: true,
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite], resolveProvider: true },
        documentSymbolProvider: true,
        referencesProvider: true,
        definitionProvider: true,
        inlayHintProvider: true,
        executeCommandProvider: { commands: [SHOW_CATALOG_ENTRY] },
        // A change to one session changes the findings of the drafts that cite the same indicators.
        ...(pullDiagnostics ? { diagnosticProvider: { identifier: 'policy-report', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'policy-report', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    if (watchRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          { globPattern: `**/${CATALOG_FILE}` },
          { globPattern: `**/${FIGURES_FILE}` },
          { globPattern: `**/${CONFIG_FILE}` },
          { globPattern: `**/${SNIPPETS_DIR}/*.json` },
          { globPattern: '**/*.report.md' },
          // Folders created and deleted (a rename is both): their files may have no events of their own.
          { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
        ],
      });
    }
    await loadWorkspace();
    ready = true;
    whenReady();
    reconciler.startPeriodic(reconcileIntervalMs);
    publishCatalogErrors();
    revalidateAll();
  });

  /** Everything the workspace shares: config.yaml, settings, catalog, snippets, the history. */
  async function loadWorkspace(): Promise<void> {
    await service.reloadConfig();
    await loadSettings();
    await service.reloadCatalog();
    await service.reloadSnippets();
    // The files' stats before they are read: the rescans read only what changed after this.
    await reconciler.prime();
    // Reports unchanged since the last session come from the snapshot, not the parser.
    const t0 = Date.now();
    service.restoreSnapshot(await indexStore.load());
    await service.indexWorkspace();
    const { parsed, restored } = service.indexStats;
    // The benchmark reads "ready at" (the log message itself may wait behind the first checks).
    connection.console.log(
      `policy-report: history of ${service.history.sessionCount} sessions: ${parsed} reports parsed, ${restored} from the saved index, in ${Date.now() - t0} ms (ready at ${Math.round(process.uptime() * 1000)} ms)`,
    );
    if (parsed) saveIndex();
  }

  /**
   * Reads the editor's settings, per workspace folder (settings are resource-scoped). True if the
   * shared catalog (catalogPath) changed: the catalog is then to be read again.
   */
  async function loadSettings(): Promise<boolean> {
    let sharedCatalogChanged = false;
    if (hasConfiguration) {
      try {
        const raw = (await connection.workspace.getConfiguration('policyReport')) as Settings | null;
        service.setEditorSettings('', toConfig(raw));
        const shared = catalogUriOf(raw?.catalogPath, folders);
        allowFiles = shared?.startsWith('file:') ? [fileURLToPath(shared)] : [];
        sharedCatalogChanged = service.catalogs.setExtra(shared);
        for (const folder of folders) {
          service.setEditorSettings(folder, toConfig((await connection.workspace.getConfiguration({ scopeUri: folder, section: 'policyReport' })) as Settings));
        }
      } catch (e) {
        connection.console.warn(`policy-report: could not read settings: ${String(e)}`);
      }
    }
    debounceMs = service.configFor(folders[0] ? folders[0] + '/x' : '').debounceMs ?? 200;
    return sharedCatalogChanged;
  }

  connection.onDidChangeConfiguration(async () => {
    if (await loadSettings()) await service.reloadCatalog();
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

  /** Checks one open report; if its own figures changed the history, its dependents are re-checked. */
  function diagnose(uri: string): Diagnostic[] | null {
    const doc = documents.get(uri);
    if (!doc || !isReport(uri) || !ready) return null;
    const before = service.history.generation;
    try {
      const findings = service.check(uri, doc.getText(), doc.version);
      if (service.history.generation !== before) dependentsChanged(uri);
      return findings.map(toDiagnostic);
    } catch (e) {
      connection.console.error(`policy-report: checking ${uri} failed: ${e instanceof Error ? e.stack : String(e)}`);
      return null;
    }
  }

  function validate(uri: string): void {
    // Pull mode: the client pulls the result; checking now puts the report's figures in the
    // history at once (an opened report that is not visible is never pulled).
    if (pullDiagnostics) {
      diagnose(uri);
      return;
    }
    const doc = documents.get(uri);
    const diagnostics = diagnose(uri);
    if (doc && diagnostics) void connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }

  /**
   * Debounced: a newer edit cancels the pending check of the older version. In pull mode the check
   * still runs (the client pulls its result from the cache), so that the edited report's figures
   * reach the history and the reports that depend on it are refreshed even if it is not visible.
   */
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
        if (pullDiagnostics) diagnose(uri);
        else validate(uri);
      }, debounceMs),
    );
  }

  let dependentsTimer: NodeJS.Timeout | undefined;
  /** Another report's figures changed: re-check the open reports (debounced, once for a burst). */
  function dependentsChanged(changed?: string): void {
    if (dependentsTimer) clearTimeout(dependentsTimer);
    dependentsTimer = setTimeout(() => {
      dependentsTimer = undefined;
      if (pullDiagnostics) connection.languages.diagnostics.refresh();
      else for (const d of documents.all()) if (isReport(d.uri) && d.uri !== changed) validate(d.uri);
    }, debounceMs);
  }

  function revalidateAll(): void {
    if (pullDiagnostics) {
      connection.languages.diagnostics.refresh();
      return;
    }
    for (const d of documents.all()) if (isReport(d.uri)) validate(d.uri);
  }

  /** Pull mode: wait out the debounce, give up if the client cancelled (a newer edit came). */
  connection.languages.diagnostics.on(async (params, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
    await readyPromise;
    const uri = params.textDocument.uri;
    const version = documents.get(uri)?.version;
    if (debounceMs > 0 && version !== undefined && version > 1) await new Promise((r) => setTimeout(r, debounceMs));
    if (token.isCancellationRequested || documents.get(uri)?.version !== version) {
      // Stale: not an empty report (the client would show no diagnostics until the next pull), but
      // "cancelled by the server, ask again", which the client does for the current version.
      const data: DiagnosticServerCancellationData = { retriggerRequest: true };
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'policy-report: a newer version of the document is being checked', data);
    }
    return { kind: DocumentDiagnosticReportKind.Full, items: diagnose(uri) ?? [] };
  });

  /** Files whose refusal was published last time (cleared when they become readable). */
  let refusalsPublished = new Set<string>();
  /** Diagnostics of the workspace data files, and of the files that could not be read. */
  function publishCatalogErrors(): void {
    const all = service.catalogFindings();
    const zero = { line: 0, character: 0 };
    for (const [uri, why] of refusals) {
      const code = isReport(uri) ? 'unreadable-file' : uri.endsWith('/config.yaml') ? 'config-error' : 'catalog-error';
      const severity = service.configFor(uri).rules?.[code] ?? 'error';
      if (severity === 'off') continue;
      const message = pick(refusalMessage(isReport(uri) ? 'report' : 'data', why), service.langFor(uri));
      all.set(uri, [{ code, severity, range: { start: zero, end: zero }, message }, ...(all.get(uri) ?? [])]);
    }
    for (const uri of refusalsPublished) if (!all.has(uri)) all.set(uri, []);
    refusalsPublished = new Set(refusals.keys());
    for (const [uri, findings] of all) {
      void connection.sendDiagnostics({ uri, diagnostics: findings.map(toDiagnostic) });
    }
  }

  function catalogChanged(uri: string, text: string | undefined): void {
    service.updateCatalogFile(uri, text);
    if (text === undefined) void connection.sendDiagnostics({ uri, diagnostics: [] });
    publishCatalogErrors();
    revalidateAll();
  }

  function configChanged(uri: string, text: string | undefined): void {
    service.updateConfigFile(uri, text);
    if (text === undefined) void connection.sendDiagnostics({ uri, diagnostics: [] });
    debounceMs = service.configFor(uri).debounceMs ?? 200;
    publishCatalogErrors();
    revalidateAll();
  }

  function snippetsChanged(uri: string, text: string | undefined): void {
    service.updateSnippetFile(uri, text);
    if (text === undefined) void connection.sendDiagnostics({ uri, diagnostics: [] });
    publishCatalogErrors();
  }

  function figuresChanged(uri: string, text: string | undefined): void {
    service.updateFiguresCsv(uri, text);
    if (text === undefined) void connection.sendDiagnostics({ uri, diagnostics: [] });
    publishCatalogErrors();
    revalidateAll();
  }

  /**
   * A new version of a workspace data file (an editor buffer, the disk, undefined = deleted), routed
   * by its kind. From the disk, a file that is there but cannot be read keeps the version in use
   * (its refusal is said on it). False if `uri` is no data file.
   */
  function dataFileChanged(uri: string, text: string | undefined, fromDisk = false): boolean {
    if (!isData(uri)) return false;
    if (fromDisk && text === undefined && refusals.has(uri)) publishCatalogErrors();
    else if (isCatalogFile(uri) || service.catalogs.isCatalogUri(uri)) catalogChanged(uri, text);
    else if (isFiguresFile(uri)) figuresChanged(uri, text);
    else if (isConfigFile(uri)) configChanged(uri, text);
    else snippetsChanged(uri, text);
    return true;
  }

  documents.onDidOpen((e) => {
    if (!dataFileChanged(e.document.uri, e.document.getText())) validate(e.document.uri);
  });
  documents.onDidChangeContent((e) => {
    if (!dataFileChanged(e.document.uri, e.document.getText())) schedule(e.document.uri);
  });
  documents.onDidClose(async (e) => {
    const uri = e.document.uri;
    // Back to what is on disk. A report from outside the workspace folders the user had open
    // leaves the history (the disk outside is not read, and closing it is no fault to report).
    const inside = !folders.length || isData(uri) || folders.some((f) => uri.startsWith(f.replace(/\/+$/, '') + '/'));
    const disk = inside ? await readFromDisk(uri) : undefined;
    if (dataFileChanged(uri, disk, true)) return;
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.delete(uri);
    const before = service.history.generation;
    service.forget(uri, disk);
    if (!pullDiagnostics) void connection.sendDiagnostics({ uri, diagnostics: [] });
    if (refusals.has(uri)) publishCatalogErrors();
    if (service.history.generation !== before) dependentsChanged(uri);
  });

  /**
   * The history after a rescan that found files new, changed or gone: the open reports are
   * re-checked and the index saved.
   */
  function historyReconciled(r: ReconcileResult): void {
    if (r.error) connection.console.warn(`policy-report: rescanning the workspace failed: ${r.error instanceof Error ? r.error.message : String(r.error)}`);
    // A file that appeared or changed but cannot be read (a FIFO, too large…) is said on the file.
    const refusalsMoved = refusals.size !== refusalsPublished.size || [...refusals.keys()].some((u) => !refusalsPublished.has(u));
    if (refusalsMoved) publishCatalogErrors();
    const files = [...r.added, ...r.changed, ...r.removed];
    if (!files.length) return;
    const names = (uris: string[]) => (uris.length ? `: ${uris.slice(0, 5).map((u) => decodeURIComponent(u.slice(u.lastIndexOf('/', u.lastIndexOf('/') - 1) + 1))).join(', ')}${uris.length > 5 ? ', …' : ''}` : '');
    connection.console.log(
      `policy-report: rescan (${r.reads} read, ${r.unchanged} unchanged): ${r.added.length} new${names(r.added)}; ${r.changed.length} changed${names(r.changed)}; ${r.removed.length} gone${names(r.removed)}`,
    );
    dependentsChanged();
    saveIndexSoon();
  }

  /** A watcher event for something that is not a file the server reads: is it a folder that may hold reports? */
  async function isFolderEvent(uri: string, type: FileChangeType): Promise<boolean> {
    if (isNoise(uri)) return false;
    if (type === FileChangeType.Created) return isDirectory(uri);
    if (type !== FileChangeType.Deleted) return false;
    // Gone, so no stat: it matters if the history has files under it.
    const prefix = uri.replace(/\/+$/, '') + '/';
    return [...reconciler.trackedUris(), ...service.history.reportUris()].some((u) => u.startsWith(prefix));
  }

  /** Window focus (the client): the disk may have changed while the user was elsewhere. */
  connection.onNotification('policyReport/reconcile', () => reconcileSoon());

  connection.onDidChangeWatchedFiles(async (params) => {
    let historyChanged = false;
    let folderChanged = false;
    let historyFileRead = false;
    // One change per file (the editor's watchers overlap: a report matches several globs); the last wins.
    const changes = new Map(params.changes.map((c) => [c.uri, c]));
    for (const change of changes.values()) {
      const uri = change.uri;
      // An open document's buffer is the truth; the disk catches up on save.
      if (documents.get(uri)) continue;
      if (!isData(uri) && !isReport(uri)) {
        if (!folderChanged && (await isFolderEvent(uri, change.type))) folderChanged = true;
        continue;
      }
      if (change.type === FileChangeType.Deleted) refusals.delete(uri);
      const text = change.type === FileChangeType.Deleted ? undefined : await readFromDisk(uri);
      if (dataFileChanged(uri, text, true)) {
        // figures.csv is history too: the rescan below reads it once more.
      } else if (text === undefined && refusals.has(uri)) {
        // A report there but unreadable leaves the history; its refusal is said on it.
        service.removeFile(uri);
        historyChanged = true;
        publishCatalogErrors();
      } else if (isReport(uri)) {
        if (text === undefined) service.removeFile(uri);
        else service.indexText(uri, text);
        historyChanged = true;
      }
      // What the history now holds of the file: a rescan reads it once more (it may have been read
      // half written), and one running meanwhile is followed by another (it may apply an older text).
      if (isReport(uri) ? service.countsAsHistory(uri) : isFiguresFile(uri) && service.figuresUris().includes(uri)) {
        reconciler.touched(uri, text);
        historyFileRead = true;
      }
    }
    if (historyChanged) {
      dependentsChanged();
      saveIndexSoon();
    }
    // A file read at its creation event may not have been written whole yet, and the event for the
    // rest may never come: a rescan after the burst reads it again (only if its text differs is
    // anything re-checked).
    if (folderChanged || historyFileRead) reconcileSoon();
  });

  connection.onCompletion((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isReport(doc.uri)) return null;
    const items = service.completion(doc.uri, doc.getText(), params.position, doc.version);
    if (!items) {
      // Outside a reference: the team's snippets (the built-in ones come from the extension manifest).
      return {
        isIncomplete: false,
        items: service.teamSnippets(doc.uri).flatMap((sn) =>
          sn.prefixes.map((prefix) => ({
            label: prefix,
            kind: CompletionItemKind.Snippet,
            detail: `${sn.name}${sn.description ? ` — ${sn.description}` : ''}`,
            documentation: { kind: MarkupKind.Markdown, value: '```markdown\n' + sn.body + '\n```\n\n' + path.basename(fileURLToPath(sn.uri)) },
            insertText: sn.body,
            insertTextFormat: InsertTextFormat.Snippet,
            sortText: `~${prefix}`,
          })),
        ),
      };
    }
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

  connection.onReferences((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isReport(doc.uri)) return [];
    return service.references(doc.uri, doc.getText(), params.position, doc.version).map((m) => ({ uri: m.uri, range: m.range }));
  });

  connection.onDefinition((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isReport(doc.uri)) return null;
    const indicator = service.indicatorAt(doc.uri, doc.getText(), params.position, doc.version);
    const origin = indicator?.origin;
    const uri = origin && catalogLocationUri(origin.uri);
    if (!origin || !uri) return null;
    return { uri, range: origin.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
  });

  connection.languages.inlayHint.on((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || !isReport(doc.uri) || !ready) return [];
    return service.inlayHints(doc.uri, doc.getText(), params.range, doc.version).map((h) => ({
      position: h.position,
      label: h.label,
      tooltip: h.tooltip,
      kind: InlayHintKind.Parameter,
      paddingLeft: false,
    }));
  });

  connection.onCodeAction(async (params) => {
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
    // An unknown indicator with a figure: add it to the workspace catalog (the client writes the file).
    const folder = service.folderOf(doc.uri);
    const unknown = folder ? service.check(doc.uri, doc.getText(), doc.version).filter((f) => f.code === 'unknown-indicator' && f.data?.entry && overlaps(f.range, params.range)) : [];
    if (unknown.length) {
      const catalogUri = joinUri(folder, CATALOG_FILE);
      const current = documents.get(catalogUri)?.getText() ?? (await readFromDisk(catalogUri));
      // A catalog that is there but cannot be read is not replaced by a new one.
      if (current !== undefined || !refusals.has(catalogUri)) {
        for (const finding of unknown) {
          const diagnostics = params.context.diagnostics.filter((d) => d.code === finding.code && d.range.start.line === finding.range.start.line && d.range.start.character === finding.range.start.character);
          const action = addToCatalogAction(finding, diagnostics, catalogUri, current, service.langFor(doc.uri));
          if (action) actions.push(action);
        }
      }
    }
    // Mark every indicator mention in the file (or the selection); edits computed on resolve.
    const selection = params.range.start.line !== params.range.end.line || params.range.start.character !== params.range.end.character;
    const en = service.langFor(doc.uri) === 'en';
    actions.push({
      title: en ? 'Mark all indicators in the file' : 'Đánh dấu mọi chỉ tiêu trong tệp',
      kind: CodeActionKind.RefactorRewrite,
      data: { uri: doc.uri, version: doc.version },
    });
    if (selection) {
      actions.push({
        title: en ? 'Mark all indicators in the selection' : 'Đánh dấu mọi chỉ tiêu trong vùng chọn',
        kind: CodeActionKind.RefactorRewrite,
        data: { uri: doc.uri, version: doc.version, range: params.range },
      });
    }
    return actions;
  });

  /** After the quick fix added an entry to the workspace catalog: show it for review. */
  connection.onExecuteCommand(async (params) => {
    if (params.command !== SHOW_CATALOG_ENTRY) return;
    const [uri, position] = (params.arguments ?? []) as [string, { line: number; character: number }];
    if (typeof uri !== 'string' || !position) return;
    await connection.window.showDocument({ uri, takeFocus: true, selection: { start: position, end: position } });
  });

  connection.onCodeActionResolve((action) => {
    const data = action.data as { uri: string; version: number; range?: { start: { line: number; character: number }; end: { line: number; character: number } } } | undefined;
    const doc = data && documents.get(data.uri);
    if (!data || !doc || doc.version !== data.version) return action;
    const edits = markAllEdits(doc.getText(), service.catalogs.catalog, { range: data.range, doc: service.document(doc.uri, doc.getText(), doc.version) });
    return { ...action, edit: { changes: { [doc.uri]: edits } } };
  });

  /** The status bar: catalog size, sessions in the history, findings in a file. */
  connection.onRequest('policyReport/status', (params: { uri?: string }) => {
    const doc = params.uri ? documents.get(params.uri) : undefined;
    const findings = doc && isReport(doc.uri) && ready ? service.check(doc.uri, doc.getText(), doc.version) : [];
    return {
      ready,
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

  /** Re-reads everything the workspace shares and re-checks the open reports. */
  connection.onRequest('policyReport/reindex', async () => {
    await loadWorkspace();
    publishCatalogErrors();
    revalidateAll();
    return { catalogSize: service.catalogs.catalog.size, sessions: service.history.sessionCount, figures: service.history.entryCount };
  });

  /** The report as plain Markdown without the dialect's marks, for Word/PDF pipelines. */
  connection.onRequest('policyReport/export', (params: { uri: string }) => {
    const doc = documents.get(params.uri);
    return doc ? exportPlain(service.document(doc.uri, doc.getText(), doc.version)) : null;
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
