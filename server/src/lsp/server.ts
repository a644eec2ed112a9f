/**
 * The LSP shell's wiring: the connection's lifecycle (initialize, initialized, settings, shutdown)
 * and the modules that do the work: disk.ts (the workspace on disk, through the guarded reader),
 * sync.ts (document sync, debounce, pushed or pulled diagnostics), routing.ts (file changes routed
 * once by kind, the rescans), handlers.ts (the language features), convert.ts (core ↔ LSP types).
 */
import { CodeActionKind, DidChangeWatchedFilesNotification, TextDocumentSyncKind, TextDocuments, WatchKind, type Connection, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileURLToPath } from 'node:url';
import { LanguageService } from '../core/service';
import { langFromLocale, msg, pick, warmIntl } from '../core/i18n';
import { SHOW_CATALOG_ENTRY } from './catalog-fix';
import { Disk } from './disk';
import { registerFeatures } from './handlers';
import { IndexStore } from './index-store';
import { defaultCatalogApart, historyReader, releaseSpare } from './index-worker';
import type { HistoryReader } from '../core/indexed';
import { restoreDefaultCatalog, type ParsedCatalog } from '../core/catalog/load';
import { parseReport } from '../core/parse/document';
import { collectGarbage, LARGE_DOCUMENT_CHARS, limitHeapGrowth, QuietCollector } from './collect';
import { isReport, WATCHED_GLOBS } from './kinds';
import { FileRouter } from './routing';
import { catalogUriOf, toConfig, type Settings } from './settings';
import { DiagnosticsSync } from './sync';
import { codeCacheUsed, saveCodeCache, takeCodeCache } from './code-cache';
import { logStartPhases, startPhase } from './start-trace';
import { deflateHistoryTexts } from './text-packing';

/** The periodic rescan (initializationOptions.reconcileIntervalMs; 0: none). */
const RECONCILE_INTERVAL_MS = 60_000;

export function startServer(connection: Connection): void {
  startPhase('loaded');
  deflateHistoryTexts();
  const documents = new TextDocuments(TextDocument);
  const disk = new Disk();
  const service = new LanguageService({
    workspace: {
      // Unsaved text of an open document wins over the disk.
      async readFile(uri) {
        return documents.get(uri)?.getText() ?? disk.read(uri);
      },
      async listReports(folder) {
        return disk.reports(folder);
      },
      async listDir(folder) {
        return disk.listDir(folder);
      },
    },
  });
  const sync = new DiagnosticsSync(connection, documents, service, disk);
  /** What the client can do, and what it asked for at initialize. */
  const client = { configuration: false, watchRegistration: false, workDoneProgress: false, reconcileIntervalMs: RECONCILE_INTERVAL_MS };

  /** The history's snapshot between sessions (initializationOptions.storagePath), the default catalog's parse (globalStoragePath, else the same). */
  let indexStore = new IndexStore(undefined);
  /** The default catalog's parse in a worker thread, started at initialize when no saved copy is there (loadShared waits for it). */
  let catalogApart: Promise<ParsedCatalog | null> | undefined;
  let saveTimer: NodeJS.Timeout | undefined;
  const saveIndex = (): Promise<void> => indexStore.save(service, (m) => connection.console.warn(m));
  /**
   * Saves the index a while after the last change to it (and at once on shutdown). Its bytes (made
   * at once, report by report: some 20 MB of Buffers for 200 sessions) are garbage once written,
   * outside V8's heap and freed only by a full collection: the quiet collector runs then.
   */
  const saveIndexSoon = (): void => {
    if (saveTimer) clearTimeout(saveTimer);
    saveTimer = setTimeout(() => {
      saveTimer = undefined;
      void saveIndex().then(() => collector.soon());
    }, 10_000);
  };
  const router = new FileRouter(connection, documents, service, disk, sync, saveIndexSoon);
  /**
   * A full collection after the first index once what it saves is written, and after a later save
   * of the index (collect.ts; a large document closed is collected at its close).
   */
  const collector = new QuietCollector(200, () => sync.busy);

  connection.onShutdown(async () => {
    router.reconciler.dispose();
    collector.dispose();
    if (saveTimer) {
      clearTimeout(saveTimer);
      saveTimer = undefined;
      void saveIndex();
    }
    await indexStore.flush();
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    startPhase('initialize');
    const options = params.initializationOptions as { storagePath?: unknown; globalStoragePath?: unknown; reconcileIntervalMs?: unknown } | undefined;
    if (typeof options?.reconcileIntervalMs === 'number' && options.reconcileIntervalMs >= 0) client.reconcileIntervalMs = options.reconcileIntervalMs;
    const storage = typeof options?.storagePath === 'string' && options.storagePath ? options.storagePath : undefined;
    // The default catalog's parse is kept for every workspace when the client gives its global storage.
    indexStore = new IndexStore(storage, typeof options?.globalStoragePath === 'string' && options.globalStoragePath ? options.globalStoragePath : storage);
    // No saved parse of the default catalog: its YAML is parsed in a worker thread from now on,
    // while this thread answers the handshake and parses the open drafts (loadShared).
    if (!indexStore.hasSavedDefaultCatalog()) catalogApart = defaultCatalogApart(true);
    service.configure({ lang: langFromLocale(params.locale) });
    disk.folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    service.setFolders(disk.folders);
    client.configuration = !!params.capabilities.workspace?.configuration;
    client.watchRegistration = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    sync.pull = !!params.capabilities.textDocument?.diagnostic;
    client.workDoneProgress = !!params.capabilities.window?.workDoneProgress;
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
        ...(sync.pull ? { diagnosticProvider: { identifier: 'policy-report', interFileDependencies: true, workspaceDiagnostics: false } } : {}),
      },
      serverInfo: { name: 'policy-report', version: '0.1.0' },
    };
  });

  connection.onInitialized(async () => {
    startPhase('initialized');
    if (client.watchRegistration) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, {
        watchers: [
          ...WATCHED_GLOBS.map((globPattern) => ({ globPattern })),
          // Folders created and deleted (a rename is both): their files may have no events of their own.
          { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
        ],
      });
    }
    await loadWorkspace();
    sync.setIndexed();
    router.reconciler.startPeriodic(client.reconcileIntervalMs);
    sync.publishWorkspaceFindings();
    sync.revalidateAll();
  });

  /**
   * The history's reports are read and parsed in a worker thread (index-worker.ts); the reports
   * open in the editor are not: their unsaved text is their history, and their check (at once,
   * below) puts it there.
   */
  const workerReader = historyReader({
    readOptions: () => disk.readOptions(),
    noteRead: (uri, why) => disk.noteRead(uri, why),
    log: (m) => connection.console.log(m),
    starting: (n, running) => connection.console.log(`policy-report: the index's worker threads start (${n}${running ? ", the first already running: the default catalog's" : ''})`),
  });
  const reader: HistoryReader = (uris, ...rest) => workerReader(uris.filter((uri) => !documents.get(uri)), ...rest);

  /**
   * Everything the workspace shares: config.yaml, settings, catalog, snippets, the history. The
   * open reports' own check comes first (it needs the catalog, not the history); then the saved
   * index is read and the history's worker starts: on two cores, the saved index's parse (a
   * second for 200 sessions), the reports' listing, the worker's start (its bundle loaded and
   * initialised) and its reading would each slow that check (docs/performance.md 3.4).
   */
  async function loadWorkspace(): Promise<void> {
    const cached = codeCacheUsed();
    if (cached !== undefined) connection.console.log(`policy-report: the bundle was loaded ${cached ? 'through its code cache' : 'without a code cache'}`);
    // The default catalog's parse as this build saved it at an earlier start (not parsed again).
    const catalogSaved = await indexStore.loadDefaultCatalog();
    startPhase('catalog-restored');
    await service.reloadConfig();
    await loadSettings();
    startPhase('settings');
    // The progress notification is asked for meanwhile (a round trip to the client).
    const progress = indexProgress();
    let t0 = 0;
    try {
      await loadShared();
      takeCodeCache();
      // The files' stats before the index reads them: the rescans read only what changed after
      // this. Taken once the open drafts' diagnostics are out (the workspace's walk and a stat per
      // file: 25–55 ms of this thread before them); what was read before (config.yaml, the
      // catalog, the snippets) is then, as config.yaml already was, read before its stat.
      await router.reconciler.prime();
      startPhase('primed');
      // Reports unchanged since the last session come from the snapshot, not the parser.
      t0 = Date.now();
      service.restoreSnapshot(await indexStore.load());
      await service.indexWorkspace(async (done, total) => (await progress)?.report(done, total), reader);
    } finally {
      releaseSpare();
      (await progress)?.done();
    }
    const { parsed, restored } = service.indexStats;
    // The benchmark reads "ready at" (the log message itself may wait behind the first checks).
    connection.console.log(
      `policy-report: history of ${service.history.sessionCount} sessions: ${parsed} reports parsed, ${restored} from the saved index, in ${Date.now() - t0} ms (ready at ${Math.round(process.uptime() * 1000)} ms)`,
    );
    // The index's garbage (the records, the analyses of the putting in: about 100 MB for 200
    // sessions over 90 MB live) collected at once, before the saves and the checks that follow:
    // the quiet collection below waits for a moment with no check pending, which typing right
    // after the index does not give (the 1 MB draft's keystrokes then grew the heap from 190 MB).
    // From this collection on, V8's own full collections come after a smaller growth (collect.ts).
    limitHeapGrowth();
    if (collectGarbage()) sync.checks.collected();
    // What is saved now (the index's bytes, the default catalog's JSON, the code cache) is garbage
    // once written: the quiet collection waits for the writes (before, it ran while the index's
    // 20 MB of Buffers were still being written, and they stayed until V8's next full collection,
    // which ten keystrokes in the 1 MB draft did not bring: measured, round 15).
    const saves = [parsed ? saveIndex() : undefined, catalogSaved ? undefined : indexStore.saveDefaultCatalog((m) => connection.console.warn(m)), saveCodeCache((m) => connection.console.warn(m), (m) => connection.console.log(m))];
    void Promise.allSettled(saves).then(() => collector.soon());
  }

  /** What the open reports' own check needs (the catalog, the snippets); then that check, at the first load. */
  async function loadShared(): Promise<void> {
    if (catalogApart) {
      // The default catalog is being parsed in a worker thread: meanwhile the open reports are
      // parsed here (their chunks are remembered: the check's own parse finds them made), then its
      // parse is what the catalog is made of. Null (no worker): parsed here as before.
      const apart = catalogApart;
      catalogApart = undefined;
      let answered = false;
      void apart.then(() => (answered = true));
      for (const d of documents.all()) if (isReport(d.uri)) parseReport(d.getText(), d.uri);
      startPhase('drafts-parsed');
      // The worker's answer, if it came meanwhile, is read in this turn of the loop; if not, this
      // thread would wait idle for it: what the check's messages make at their first use is made now.
      await new Promise((resolve) => setImmediate(resolve));
      if (!answered) warmIntl(service.lang);
      const parsed = await apart;
      startPhase('catalog-parsed');
      if (parsed) restoreDefaultCatalog(parsed);
    }
    await service.reloadCatalog();
    await service.reloadSnippets();
    startPhase('catalog');
    if (!sync.ready) {
      // The open reports' own findings first: the index runs in a worker thread, and when it is
      // in they are checked again (with the findings across sessions). Checked now in pull mode
      // too (the client pulls the result): the reader leaves them to this check, whose text is
      // their history, visible or not. Pushed, the saved index's parse and the index's worker
      // thread start once these diagnostics are written.
      sync.setReady();
      await sync.checkOpenNow();
      startPhase('sent');
      logStartPhases((m) => connection.console.log(m));
    }
  }

  /**
   * Work-done progress of an index ($/progress after window/workDoneProgress/create: begin, a
   * report at each whole percent of the reports, end), when the client supports it and accepts the
   * token; undefined otherwise (the index then runs without).
   */
  async function indexProgress(): Promise<{ report: (done: number, total: number) => Promise<void>; done: () => void } | undefined> {
    if (!client.workDoneProgress) return undefined;
    let reporter: Awaited<ReturnType<typeof connection.window.createWorkDoneProgress>>;
    try {
      reporter = await connection.window.createWorkDoneProgress();
    } catch {
      return undefined;
    }
    reporter.begin(pick(msg('Policy Report: đang lập chỉ mục lịch sử', 'Policy Report: indexing the history'), service.lang), 0, undefined, false);
    let shown = 0;
    return {
      report: async (done, total) => {
        const percent = Math.floor((done * 100) / total);
        if (percent === shown) return;
        shown = percent;
        reporter.report(percent, pick(msg(`${done}/${total} báo cáo`, `${done}/${total} reports`), service.lang));
        // Lets the notification out now, not after the whole index.
        await new Promise((resolve) => setImmediate(resolve));
      },
      done: () => reporter.done(),
    };
  }

  /**
   * Reads the editor's settings, per workspace folder (settings are resource-scoped). True if the
   * shared catalog (catalogPath) changed: the catalog is then to be read again.
   */
  async function loadSettings(): Promise<boolean> {
    let sharedCatalogChanged = false;
    if (client.configuration) {
      try {
        const raw = (await connection.workspace.getConfiguration('policyReport')) as Settings | null;
        service.setEditorSettings('', toConfig(raw));
        const shared = catalogUriOf(raw?.catalogPath, disk.folders);
        disk.allowFiles = shared?.startsWith('file:') ? [fileURLToPath(shared)] : [];
        sharedCatalogChanged = service.catalogs.setExtra(shared);
        for (const folder of disk.folders) {
          service.setEditorSettings(folder, toConfig((await connection.workspace.getConfiguration({ scopeUri: folder, section: 'policyReport' })) as Settings));
        }
      } catch (e) {
        connection.console.warn(`policy-report: could not read settings: ${String(e)}`);
      }
    }
    sync.configure(disk.folders[0] ? disk.folders[0] + '/x' : '');
    return sharedCatalogChanged;
  }

  connection.onDidChangeConfiguration(async () => {
    if (await loadSettings()) await service.reloadCatalog();
    sync.publishWorkspaceFindings();
    sync.revalidateAll();
  });

  /** Re-reads everything the workspace shares and re-checks the open reports. */
  connection.onRequest('policyReport/reindex', async () => {
    await loadWorkspace();
    sync.publishWorkspaceFindings();
    sync.revalidateAll();
    return { catalogSize: service.catalogs.catalog.size, sessions: service.history.sessionCount, figures: service.history.entryCount };
  });

  /** Window focus (the client): the disk may have changed while the user was elsewhere. */
  connection.onNotification('policyReport/reconcile', () => router.reconcileSoon());
  connection.onDidChangeWatchedFiles((params) => router.watched(params.changes));
  documents.onDidOpen((e) => router.opened(e.document));
  documents.onDidChangeContent((e) => router.edited(e.document));
  documents.onDidClose((e) => {
    // A large one is collected at its close (routing.ts closed), not by the quiet collector.
    void router.closed(e.document.uri, e.document.getText().length >= LARGE_DOCUMENT_CHARS);
  });
  sync.listenForPulls();
  registerFeatures(connection, documents, service, disk, sync);

  documents.listen(connection);
  connection.listen();
}
