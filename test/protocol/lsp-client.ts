/**
 * A minimal LSP client for protocol tests: starts the built server over stdio and speaks JSON-RPC
 * to it. Waits on notifications, never on sleeps, and with no clock of its own: a wait ends with the
 * event it waits for, or fails when the server process exits first (with its stderr). The only time
 * limit is mocha's (.mocharc), a backstop for a hang; when a test fails, the root hook below prints
 * what each live client was still waiting for and the server's last stderr.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { repoRoot } from '../helpers';

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity?: number;
  code?: string | number;
  message: string;
}

export class TestLspClient {
  readonly connection: MessageConnection;
  private readonly child: ChildProcess;
  private readonly diagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[] }>();
  private readonly waiters: Array<{ uri: string; ok: (p: { version?: number; diagnostics: Diagnostic[] }) => boolean; resolve: (d: Diagnostic[]) => void }> = [];
  /** Every wait not yet over: what it waits for, and how to fail it when the server exits first. */
  private readonly pending = new Set<{ what: () => string; fail: (e: Error) => void }>();
  /** Set by stop(): the exit that follows is ours, not a fault. */
  private stopping = false;
  stderr = '';
  /** Every publish of diagnostics, in order of arrival (uri, version, how many). */
  readonly published: Array<{ uri: string; version?: number; count: number }> = [];
  /** More client capabilities sent by initialize (e.g. `{ window: { workDoneProgress: true } }`). */
  capabilities: Record<string, unknown> = {};
  /** What the client answers for the `policyReport` section of workspace/configuration. */
  settings: Record<string, unknown> | null = null;

  /** `command` defaults to the standalone CLI entry: `node bin/policy-report.js lsp --stdio`; `env`, the server's environment (default: this process's). */
  constructor(command: string[] = [process.execPath, path.join(repoRoot, 'bin', 'policy-report.js'), 'lsp', '--stdio'], env?: NodeJS.ProcessEnv) {
    this.child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.child.stderr!.on('data', (d) => (this.stderr += String(d)));
    live.add(this);
    this.child.once('exit', (code, signal) => {
      live.delete(this);
      if (this.stopping) return;
      for (const w of [...this.pending]) w.fail(new Error(`the server exited (${signal ?? `code ${code}`}) while the test waited for ${w.what()}; stderr: ${this.stderr}`));
    });
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout!), new StreamMessageWriter(this.child.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(p.uri, p);
      this.published.push({ uri: p.uri, version: p.version, count: p.diagnostics.length });
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.ok(p)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(p.diagnostics);
        }
      }
    });
    // The server may ask for configuration and register watchers; answer like a plain editor.
    this.connection.onRequest('workspace/configuration', (p: { items: Array<{ section?: string }> }) =>
      p.items.map((i) => (i.section === 'policyReport' ? this.settings : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onNotification('window/logMessage', (p: { message: string }) => {
      this.logs.push(p.message);
      for (const w of [...this.logWaiters]) {
        if (w.re.test(p.message)) {
          this.logWaiters.splice(this.logWaiters.indexOf(w), 1);
          w.resolve(p.message);
        }
      }
    });
    this.connection.listen();
  }

  /**
   * A wait for an event: `arm` registers `done` where the event will call it. Fails only if the
   * server exits first (never on a clock).
   */
  private wait<T>(what: () => string, arm: (done: (v: T) => void) => void): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const entry = { what, fail: reject };
      if (this.child.exitCode !== null || this.child.signalCode !== null) {
        if (!this.stopping) reject(new Error(`the server had exited before the test waited for ${what()}; stderr: ${this.stderr}`));
        return;
      }
      this.pending.add(entry);
      arm((v) => {
        this.pending.delete(entry);
        resolve(v);
      });
    });
  }

  /** What the client still waits for (for the failure report of a test that timed out). */
  describePending(): string[] {
    return [...this.pending].map((w) => w.what());
  }

  /** The server's log messages (window/logMessage), in order. */
  readonly logs: string[] = [];
  private readonly logWaiters: Array<{ re: RegExp; resolve: (m: string) => void }> = [];

  /** The first log message that matches `re` (one already received, else the next). */
  waitForLog(re: RegExp): Promise<string> {
    const seen = this.logs.find((m) => re.test(m));
    if (seen !== undefined) return Promise.resolve(seen);
    return this.wait(() => `a log message ${re} (logs so far: ${this.logs.join(' | ').slice(-1000)})`, (done) => this.logWaiters.push({ re, resolve: done }));
  }

  /** The server's history index is in (its log line, lsp/server.ts loadWorkspace). */
  indexed(): Promise<string> {
    return this.waitForLog(/^policy-report: history of \d+ sessions/);
  }

  /** Number of workspace/diagnostic/refresh requests the server sent (pull mode). */
  refreshes = 0;
  private refreshWaiters: Array<() => void> = [];

  /** Resolves at the next workspace/diagnostic/refresh request from the server. */
  nextRefresh(): Promise<void> {
    return this.wait(() => `a workspace/diagnostic/refresh (${this.refreshes} so far)`, (done) => this.refreshWaiters.push(() => done(undefined)));
  }

  async initialize(rootUri: string | null, locale = 'vi', pull = false, initializationOptions?: Record<string, unknown>): Promise<{ capabilities: Record<string, unknown> }> {
    this.connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshes++;
      for (const w of this.refreshWaiters.splice(0)) w();
      return null;
    });
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri,
      locale,
      initializationOptions,
      workspaceFolders: rootUri ? [{ uri: rootUri, name: 'ws' }] : null,
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        textDocument: {
          publishDiagnostics: { relatedInformation: true },
          completion: { completionItem: { snippetSupport: true } },
          ...(pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
        ...(pull ? { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, diagnostics: { refreshSupport: true } } } : {}),
        ...this.capabilities,
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, text: string, languageId = 'policy-report', version = 1): Promise<void> {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
  }

  /**
   * Notifications written in ONE write to the server's stdin, so that it reads them in one chunk
   * and handles them back to back (as an editor's close-then-open of a tab arrives).
   */
  notifyTogether(notes: Array<{ method: string; params: unknown }>): Promise<void> {
    const frames = notes.map(({ method, params }) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', method, params }), 'utf8');
      return Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, 'ascii'), body]);
    });
    return new Promise((resolve, reject) => this.child.stdin!.write(Buffer.concat(frames), (e) => (e ? reject(e) : resolve())));
  }

  change(uri: string, version: number, text: string): Promise<void> {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  /**
   * Resolves with the first diagnostics published for `uri` that satisfy `pred` and are for at
   * least `minVersion` of the document (the latest ones if they already do).
   */
  waitForDiagnostics(uri: string, pred: (d: Diagnostic[]) => boolean = () => true, minVersion = 0): Promise<Diagnostic[]> {
    const ok = (p: { version?: number; diagnostics: Diagnostic[] }) => (p.version ?? Infinity) >= minVersion && pred(p.diagnostics);
    const have = this.diagnostics.get(uri);
    if (have && ok(have)) return Promise.resolve(have.diagnostics);
    const last = () => {
      const p = this.diagnostics.get(uri);
      return p ? `version ${p.version}: ${JSON.stringify(p.diagnostics.map((d) => `${d.range.start.line}:${d.code}`))}` : 'none';
    };
    const what = () => `diagnostics of ${uri} (version >= ${minVersion}) that match ${pred.toString().slice(0, 200)}; last published: ${last()}`;
    return this.wait(what, (done) => this.waiters.push({ uri, ok, resolve: done }));
  }

  /** The latest diagnostics published for every URI so far. */
  publishedDiagnostics(): Map<string, Diagnostic[]> {
    return new Map([...this.diagnostics].map(([uri, p]) => [uri, p.diagnostics]));
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest<T>(method, params);
  }

  /** Shuts the server down politely, and kills it if it does not exit. */
  async stop(): Promise<void> {
    this.stopping = true;
    live.delete(this);
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      /* already gone */
    }
    const gone = () => this.child.exitCode !== null || this.child.signalCode !== null; // (a killed child has no exit code)
    const exited = new Promise<void>((r) => (gone() ? r() : this.child.once('exit', () => r())));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** The clients whose server runs. */
const live = new Set<TestLspClient>();

// A root hook (this module is loaded by the protocol test files, outside any describe): when a test
// fails (mocha's time limit included), say what each live client was still waiting for.
afterEach(function () {
  if (this.currentTest?.state !== 'failed') return;
  for (const c of live) {
    const waits = c.describePending();
    if (waits.length) console.log(`      still waiting for: ${waits.join(' | ')}\n      server stderr (last 2000 characters): ${c.stderr.slice(-2000)}`);
  }
});

/** A minimal session report whose one reference (line 9) states the end-to-end online dossier rate for 2024-S1. */
export function sessionReport(session: number, date: string, value: string): string {
  return `---\nsession: ${session}\ndate: ${date}\nperiod: 2024-S1\ntitle: Phiên họp thứ ${session}\n---\n\n## Kết quả đạt được\n\n[[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt ${value}.\n`;
}
