/**
 * Document sync and diagnostics. Pulled (textDocument/diagnostic, with interFileDependencies) when
 * the client can, pushed (publishDiagnostics) otherwise. Either way a check waits `debounceMs` after
 * the last edit and is dropped if a newer version arrived meanwhile (stale work is cancelled).
 */
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DiagnosticServerCancellationData,
  type DocumentDiagnosticReport,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { pick } from '../core/i18n';
import type { LanguageService } from '../core/service';
import { refusalMessage } from '../io/read';
import { GrowthCollector, heldUntilFullCollection, LARGE_DOCUMENT_CHARS, QuietCollector } from './collect';
import { toDiagnostic } from './convert';
import type { Disk } from './disk';
import { isReport } from './kinds';
import { startPhase } from './start-trace';
import { UNMARKED_INDICATOR } from '../core/rules/unmarked-indicator';

/**
 * How much the old generation may grow between two full collections while a large document is
 * checked (MB): each keystroke in the 1 MB draft promotes its previous version's analysis (about
 * 10-15 MB), and V8 let the old space grow from 170 to 300 MB used over ten of them before its own
 * collection (measured, round 15). 16 against 64: the peak RSS while typing in the 1 MB draft
 * 433-463 → 382 MB, 24 and 32 gave 407 and 413 MB; the CPU time of 20 keystrokes the same within
 * the machine's noise (7.2-7.9 s at load1 20; round 17, bench/memory.mjs).
 */
const LARGE_CHECK_SLACK_MB = 16;
/** Env overriding LARGE_CHECK_SLACK_MB (a measurement's knob, as worker-heap.ts WORKER_SLACK_ENV). */
const LARGE_CHECK_SLACK_ENV = 'POLICY_REPORT_LARGE_CHECK_SLACK_MB';

/**
 * The same for every other report's checks (MB), counted from the last full collection of any kind:
 * the old generation grew about 0.4 MB a prose keystroke in the 100 KB draft and 0.6 MB a figure
 * keystroke (what outlived two scavenges), and V8 let it grow from the 96 MB live after the 1 MB
 * draft's close to 240 MB before its own full collection: the session's peak RSS, 465-471 MB, came
 * after the history edit (round 18, bench/memory.mjs --history-edit, load1 23: 469 → 374 MB, the
 * peak then at the 1 MB draft's close; the 200 keystrokes' CPU 3.7 → 4.1 s at that load). One full
 * collection of the live heap (about 110 MB) every 48 MB of growth: one or two in 200 keystrokes.
 */
const CHECK_SLACK_MB = 48;
/**
 * How long the checks of reports other than a large one pause before that collection (ms): made at
 * once after a check, the full collection of about 110 MB live landed inside the typing and took the
 * 100 KB draft's keystroke p99 from 24-25 to 38-102 ms (bench stdio, round 18, load1 1.5-2.5).
 */
const CHECK_PAUSE_MS = 500;
const CHECK_SLACK_ENV = 'POLICY_REPORT_CHECK_SLACK_MB';

function slackMb(env: string, fallback: number): number {
  const asked = Number(process.env[env]);
  return Number.isInteger(asked) && asked >= 1 ? asked : fallback;
}

/** The rules whose findings the open reports' first diagnostics leave to their second publish (checkOpenNow). */
const FIRST_DEFERRED = (rule: string): boolean => rule === UNMARKED_INDICATOR;

export class DiagnosticsSync {
  /** The client pulls diagnostics (else they are pushed). */
  pull = false;
  debounceMs = 200;
  /**
   * Until the workspace catalog and settings are loaded, findings would be wrong. The history's
   * first index comes after: the open reports' own findings are published first, and checked
   * again when the index is in (server.ts).
   */
  ready = false;
  readonly whenReady: Promise<void>;
  private markReady: () => void = () => undefined;
  /** The first index is done (the rescans wait for it: before, the history knows no file). */
  readonly whenIndexed: Promise<void>;
  private markIndexed: () => void = () => undefined;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private dependentsTimer: NodeJS.Timeout | undefined;
  /** Files whose refusal was published last time (cleared when they become readable). */
  private refusalsPublished = new Set<string>();
  /** While the first load's check is in two parts (pull mode, checkOpenNow): the rules a pull's answer leaves out. */
  private firstDefer: ((rule: string) => boolean) | undefined;
  /**
   * Between two checks, a full collection when the old generation and the Buffers grew since the
   * last full collection (any: V8's own, a large document's close) by LARGE_CHECK_SLACK_MB after
   * a large document's check, CHECK_SLACK_MB after another's: the versions' analyses would
   * otherwise pile up to V8's own limit (the server's peak RSS, typing in the 1 MB draft, then in
   * the 100 KB draft and editing a session after it).
   */
  readonly checks = new GrowthCollector(slackMb(CHECK_SLACK_ENV, CHECK_SLACK_MB), heldUntilFullCollection, undefined, true);
  private readonly largeSlackMb = slackMb(LARGE_CHECK_SLACK_ENV, LARGE_CHECK_SLACK_MB);
  /** The other reports' growth collection, CHECK_PAUSE_MS after the last check while no check is pending. */
  private readonly pause = new QuietCollector(CHECK_PAUSE_MS, () => this.busy, () => {
    const before = this.checks.collections;
    this.checks.between();
    return this.checks.collections > before;
  });

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly service: LanguageService,
    private readonly disk: Disk,
  ) {
    this.whenReady = new Promise<void>((r) => (this.markReady = r));
    this.whenIndexed = new Promise<void>((r) => (this.markIndexed = r));
  }

  /** The first index is done. */
  setIndexed(): void {
    this.markIndexed();
  }

  /** The workspace is loaded: checks may run. */
  setReady(): void {
    this.ready = true;
    this.markReady();
  }

  /** The debounce as configured for the first folder (config.yaml, settings). */
  configure(uri: string): void {
    this.debounceMs = this.service.configFor(uri).debounceMs ?? 200;
  }

  /**
   * Checks one open report; if its own figures changed the history, its dependents are re-checked.
   * `defer`: rules left for a later check of the same version (checkOpenNow).
   */
  diagnose(uri: string, defer?: (rule: string) => boolean): Diagnostic[] | null {
    const doc = this.documents.get(uri);
    if (!doc || !isReport(uri) || !this.ready) return null;
    try {
      const { findings, historyChanged } = this.service.checkReport(uri, doc.getText(), doc.version, defer);
      if (historyChanged) this.dependentsChanged(uri);
      // After the findings are sent (the caller sends them in this turn).
      // A large document's checks collect between them (each keystroke promotes its previous analysis);
      // another's only once the typing pauses, so that no keystroke waits on a full collection.
      if (doc.getText().length >= LARGE_DOCUMENT_CHARS) setImmediate(() => this.checks.between(this.largeSlackMb));
      else this.pause.soon();
      return findings.map(toDiagnostic);
    } catch (e) {
      this.connection.console.error(`policy-report: checking ${uri} failed: ${e instanceof Error ? e.stack : String(e)}`);
      return null;
    }
  }

  validate(uri: string): void {
    // Pull mode: the client pulls the result; checking now puts the report's figures in the
    // history at once (an opened report that is not visible is never pulled).
    if (this.pull) {
      this.diagnose(uri);
      return;
    }
    const doc = this.documents.get(uri);
    const diagnostics = this.diagnose(uri);
    if (doc && diagnostics) void this.connection.sendDiagnostics({ uri, version: doc.version, diagnostics });
  }

  /**
   * Debounced: a newer edit cancels the pending check of the older version. In pull mode the check
   * still runs (the client pulls its result from the cache), so that the edited report's figures
   * reach the history and the reports that depend on it are refreshed even if it is not visible.
   */
  schedule(uri: string): void {
    this.cancel(uri);
    const version = this.documents.get(uri)?.version;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        // Stale work: the document moved on (or closed) while we waited.
        if (this.documents.get(uri)?.version !== version) return;
        if (this.pull) this.diagnose(uri);
        else this.validate(uri);
      }, this.debounceMs),
    );
  }

  /** A check is waiting for its debounce (a document's or its dependents'). */
  get busy(): boolean {
    return this.timers.size > 0 || this.dependentsTimer !== undefined;
  }

  /** Drops the pending check of a document. */
  cancel(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
  }

  /** Another report's figures changed: re-check the open reports (debounced, once for a burst). */
  dependentsChanged(changed?: string): void {
    if (this.dependentsTimer) clearTimeout(this.dependentsTimer);
    this.dependentsTimer = setTimeout(() => {
      this.dependentsTimer = undefined;
      if (this.pull) this.connection.languages.diagnostics.refresh();
      else for (const d of this.documents.all()) if (isReport(d.uri) && d.uri !== changed) this.validate(d.uri);
    }, this.debounceMs);
  }

  /**
   * The first load's check of the open reports (server.ts loadShared): each checked now, and, pushed,
   * resolves once their diagnostics are written to the client, so that what comes next (the index's
   * worker thread, the saved index's parse) starts after them. In two parts: every rule's findings
   * but unmarked-indicator's (the detector: a fifth of a first check's CPU, its code cold) first,
   * then all of them once the detector has run. Pushed, each report is published twice; pulled,
   * the pulls waiting for the first load are answered with the first part, and the client is
   * asked to pull again once every finding is in (as revalidateAll).
   */
  async checkOpenNow(): Promise<void> {
    if (this.pull) {
      this.firstDefer = FIRST_DEFERRED;
      for (const d of this.documents.all()) this.diagnose(d.uri, FIRST_DEFERRED);
      // The pulls that waited for the first load are answered now (listenForPulls), with these.
      await new Promise((resolve) => setImmediate(resolve));
      this.firstDefer = undefined;
      for (const d of this.documents.all()) this.diagnose(d.uri);
      this.revalidateAll();
      return;
    }
    await this.publishOpen(FIRST_DEFERRED);
    startPhase('first-sent');
    await this.publishOpen();
  }

  /** Each open report checked (`defer`: diagnose's) and its diagnostics published; resolves once they are written. */
  private async publishOpen(defer?: (rule: string) => boolean): Promise<void> {
    const sent: Array<Promise<void>> = [];
    for (const d of this.documents.all()) {
      if (!isReport(d.uri)) continue;
      const diagnostics = this.diagnose(d.uri, defer);
      if (diagnostics) sent.push(this.connection.sendDiagnostics({ uri: d.uri, version: d.version, diagnostics }));
    }
    startPhase(defer ? 'first-checked' : 'checked');
    await Promise.all(sent);
  }

  revalidateAll(): void {
    if (this.pull) {
      this.connection.languages.diagnostics.refresh();
      return;
    }
    for (const d of this.documents.all()) if (isReport(d.uri)) this.validate(d.uri);
  }

  /** A closed document: no pending check; in push mode its diagnostics go. */
  closed(uri: string): void {
    this.cancel(uri);
    if (!this.pull) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Pull mode: wait out the debounce, give up if the client cancelled (a newer edit came). */
  listenForPulls(): void {
    this.connection.languages.diagnostics.on(async (params, token: CancellationToken): Promise<DocumentDiagnosticReport> => {
      await this.whenReady;
      const uri = params.textDocument.uri;
      const version = this.documents.get(uri)?.version;
      if (this.debounceMs > 0 && version !== undefined && version > 1) await new Promise((r) => setTimeout(r, this.debounceMs));
      if (token.isCancellationRequested || this.documents.get(uri)?.version !== version) {
        // Stale: not an empty report (the client would show no diagnostics until the next pull), but
        // "cancelled by the server, ask again", which the client does for the current version.
        const data: DiagnosticServerCancellationData = { retriggerRequest: true };
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'policy-report: a newer version of the document is being checked', data);
      }
      return { kind: DocumentDiagnosticReportKind.Full, items: this.diagnose(uri, this.firstDefer) ?? [] };
    });
  }

  /** Did the set of unreadable files change since it was last published? */
  refusalsMoved(): boolean {
    const { refusals } = this.disk;
    return refusals.size !== this.refusalsPublished.size || [...refusals.keys()].some((u) => !this.refusalsPublished.has(u));
  }

  /** Diagnostics of the workspace data files, and of the files that could not be read. */
  publishWorkspaceFindings(): void {
    const all = this.service.catalogFindings();
    const zero = { line: 0, character: 0 };
    for (const [uri, why] of this.disk.refusals) {
      const code = isReport(uri) ? 'unreadable-file' : uri.endsWith('/config.yaml') ? 'config-error' : 'catalog-error';
      const severity = this.service.configFor(uri).rules?.[code] ?? 'error';
      if (severity === 'off') continue;
      const message = pick(refusalMessage(isReport(uri) ? 'report' : 'data', why), this.service.langFor(uri));
      all.set(uri, [{ code, severity, range: { start: zero, end: zero }, message }, ...(all.get(uri) ?? [])]);
    }
    for (const uri of this.refusalsPublished) if (!all.has(uri)) all.set(uri, []);
    this.refusalsPublished = new Set(this.disk.refusals.keys());
    for (const [uri, findings] of all) {
      void this.connection.sendDiagnostics({ uri, diagnostics: findings.map(toDiagnostic) });
    }
  }
}
