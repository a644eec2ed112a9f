/**
 * File changes, routed once by kind (kinds.ts), whichever way they come: an editor buffer opened,
 * edited or closed, a watcher event, or a rescan of the disk (reconcile.ts). Data files update the
 * workspace (catalog, figures.csv, config.yaml, team snippets); reports update the history; the
 * diagnostics that depend on them are refreshed (sync.ts).
 */
import { FileChangeType, type Connection, type FileEvent, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../core/service';
import { collectGarbage } from './collect';
import { isDirectory, diskStat, type Disk } from './disk';
import { fileKind, isDataKind, isNoise, type FileKind } from './kinds';
import { Reconciler, type ReconcileResult } from './reconcile';
import type { DiagnosticsSync } from './sync';

/** How long after a folder event the rescan starts (a burst of events makes one rescan). */
const RECONCILE_DEBOUNCE_MS = 300;

export class FileRouter {
  /**
   * The history's view of the disk, rescanned (sizes and modification times; only what changed is
   * read) on a folder created or deleted, on window focus and periodically: watcher events alone
   * miss files (reconcile.ts).
   */
  readonly reconciler: Reconciler;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LanguageService,
    private readonly disk: Disk,
    private readonly sync: DiagnosticsSync,
    /** The history changed: save its snapshot a while later. */
    private readonly historySaved: () => void,
  ) {
    this.reconciler = new Reconciler(
      {
        list: () => [...this.disk.folders.flatMap((f) => this.disk.reports(f)).filter((uri) => service.countsAsHistory(uri)), ...this.dataFileUris()],
        stat: diskStat,
        read: async (uri) => {
          const text = await this.disk.read(uri);
          // A file found unreadable (a FIFO, too large…) is said on the file at once: a pass that
          // finds nothing else new calls no onPass, and the refusal would wait for another event.
          if (text === undefined && this.sync.refusalsMoved()) this.sync.publishWorkspaceFindings();
          return text;
        },
        isOpen: (uri) => documents.get(uri) !== undefined,
        // What the history holds from the workspace folders (a report outside them came from a closed editor).
        known: () => service.history.reportUris().filter((uri) => this.disk.folders.length > 0 && this.disk.inside(uri)),
        apply: (uri, text) => {
          // Catalog, config, snippets and figures.csv: a new version, or gone (an unreadable one keeps the last).
          if (this.dataChanged(uri, text, true)) return !(text === undefined && this.disk.refusals.has(uri));
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
      { onPass: (r) => this.reconciled(r), ready: () => sync.whenIndexed },
    );
  }

  kind(uri: string): FileKind {
    return fileKind(uri, (u) => this.service.catalogs.isCatalogUri(u));
  }

  /** A rescan when the server is ready (a burst of requests makes one). */
  reconcileSoon(): void {
    this.reconciler.reconcileSoon(RECONCILE_DEBOUNCE_MS);
  }

  /** The workspace data files on disk (catalogs, figures.csv, config.yaml, snippets), for the rescan. */
  private dataFileUris(): string[] {
    return [...this.service.catalogs.catalogUris(), ...this.service.figuresUris(), ...this.disk.configAndSnippetUris()].filter((u) => u.startsWith('file:'));
  }

  /**
   * A new version of a workspace data file (an editor buffer, the disk, undefined = deleted), routed
   * by its kind. From the disk, a file that is there but cannot be read keeps the version in use
   * (its refusal is said on it). False if `uri` is no data file.
   */
  dataChanged(uri: string, text: string | undefined, fromDisk = false): boolean {
    const kind = this.kind(uri);
    if (!isDataKind(kind)) return false;
    if (fromDisk && text === undefined && this.disk.refusals.has(uri)) {
      this.sync.publishWorkspaceFindings();
      return true;
    }
    if (kind === 'catalog') this.service.updateCatalogFile(uri, text);
    else if (kind === 'figures') this.service.updateFiguresCsv(uri, text);
    else if (kind === 'config') this.service.updateConfigFile(uri, text);
    else this.service.updateSnippetFile(uri, text);
    if (text === undefined) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
    if (kind === 'config') this.sync.configure(uri);
    this.sync.publishWorkspaceFindings();
    // Snippets change completions only; the rest changes findings.
    if (kind !== 'snippets') this.sync.revalidateAll();
    return true;
  }

  opened(doc: TextDocument): void {
    if (!this.dataChanged(doc.uri, doc.getText())) this.sync.validate(doc.uri);
  }

  edited(doc: TextDocument): void {
    if (!this.dataChanged(doc.uri, doc.getText())) this.sync.schedule(doc.uri);
  }

  /**
   * A document closed. `large`: a full collection once its analysis is let go, before its disk text
   * is read into the history: its versions' garbage (every keystroke's analysis of a 1 MB draft)
   * is then not under the reading's, which peaked the process's RSS; and one after the reading, so
   * that the next keystrokes start from what is live (docs/performance.md 3.7).
   */
  async closed(uri: string, large = false): Promise<void> {
    // Back to what is on disk. A report from outside the workspace folders the user had open
    // leaves the history (the disk outside is not read, and closing it is no fault to report).
    const inside = this.disk.inside(uri) || isDataKind(this.kind(uri));
    const disk = inside ? await this.disk.read(uri) : undefined;
    // Opened again while its disk text was read (a preview tab replaced and reopened, an editor's
    // close-then-open): the new buffer owns the document now. Forgetting it here would drop the
    // reopened buffer's analysis and publish empty diagnostics over its own.
    if (this.documents.get(uri)) return;
    if (this.dataChanged(uri, disk, true)) return;
    const { historyChanged } = this.service.forget(uri, disk, large ? () => void collectGarbage() : undefined);
    if (large && collectGarbage()) this.sync.checks.collected();
    this.sync.closed(uri);
    if (this.disk.refusals.has(uri)) this.sync.publishWorkspaceFindings();
    if (historyChanged) this.sync.dependentsChanged(uri);
  }

  /**
   * The history after a rescan that found files new, changed or gone: the open reports are
   * re-checked and the index saved.
   */
  private reconciled(r: ReconcileResult): void {
    if (r.error) this.connection.console.warn(`policy-report: rescanning the workspace failed: ${r.error instanceof Error ? r.error.message : String(r.error)}`);
    // A file that appeared or changed but cannot be read (a FIFO, too large…) is said on the file.
    if (this.sync.refusalsMoved()) this.sync.publishWorkspaceFindings();
    const files = [...r.added, ...r.changed, ...r.removed];
    if (!files.length) return;
    const names = (uris: string[]) => (uris.length ? `: ${uris.slice(0, 5).map((u) => decodeURIComponent(u.slice(u.lastIndexOf('/', u.lastIndexOf('/') - 1) + 1))).join(', ')}${uris.length > 5 ? ', …' : ''}` : '');
    this.connection.console.log(
      `policy-report: rescan (${r.reads} read, ${r.unchanged} unchanged): ${r.added.length} new${names(r.added)}; ${r.changed.length} changed${names(r.changed)}; ${r.removed.length} gone${names(r.removed)}`,
    );
    this.sync.dependentsChanged();
    this.historySaved();
  }

  /** A watcher event for something that is not a file the server reads: is it a folder that may hold reports? */
  private async isFolderEvent(uri: string, type: FileChangeType): Promise<boolean> {
    if (isNoise(uri)) return false;
    if (type === FileChangeType.Created) return isDirectory(uri);
    if (type !== FileChangeType.Deleted) return false;
    // Gone, so no stat: it matters if the history has files under it.
    const prefix = uri.replace(/\/+$/, '') + '/';
    return [...this.reconciler.trackedUris(), ...this.service.history.reportUris()].some((u) => u.startsWith(prefix));
  }

  async watched(events: FileEvent[]): Promise<void> {
    let historyChanged = false;
    let folderChanged = false;
    let historyFileRead = false;
    // One change per file (the editor's watchers overlap: a report matches several globs); the last wins.
    const changes = new Map(events.map((c) => [c.uri, c]));
    for (const change of changes.values()) {
      const uri = change.uri;
      // An open document's buffer is the truth; the disk catches up on save.
      if (this.documents.get(uri)) continue;
      const kind = this.kind(uri);
      if (kind === 'other') {
        if (!folderChanged && (await this.isFolderEvent(uri, change.type))) folderChanged = true;
        continue;
      }
      if (change.type === FileChangeType.Deleted) this.disk.refusals.delete(uri);
      const text = change.type === FileChangeType.Deleted ? undefined : await this.disk.read(uri);
      if (this.dataChanged(uri, text, true)) {
        // figures.csv is history too: the rescan below reads it once more.
      } else if (text === undefined && this.disk.refusals.has(uri)) {
        // A report there but unreadable leaves the history; its refusal is said on it.
        this.service.removeFile(uri);
        historyChanged = true;
        this.sync.publishWorkspaceFindings();
      } else {
        if (text === undefined) this.service.removeFile(uri);
        else this.service.indexText(uri, text);
        historyChanged = true;
      }
      // What the history now holds of the file: a rescan reads it once more (it may have been read
      // half written), and one running meanwhile is followed by another (it may apply an older text).
      if (kind === 'report' ? this.service.countsAsHistory(uri) : kind === 'figures' && this.service.figuresUris().includes(uri)) {
        this.reconciler.touched(uri, text);
        historyFileRead = true;
      }
    }
    if (historyChanged) {
      this.sync.dependentsChanged();
      this.historySaved();
    }
    // A file read at its creation event may not have been written whole yet, and the event for the
    // rest may never come: a rescan after the burst reads it again (only if its text differs is
    // anything re-checked).
    if (folderChanged || historyFileRead) this.reconcileSoon();
  }
}
