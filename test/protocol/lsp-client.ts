/**
 * A minimal LSP client for protocol tests: starts the built server over stdio and speaks JSON-RPC
 * to it. Waits on notifications (with a time limit), never on sleeps.
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
  stderr = '';
  /** Every publish of diagnostics, in order of arrival (uri, version, how many). */
  readonly published: Array<{ uri: string; version?: number; count: number }> = [];
  /** More client capabilities sent by initialize (e.g. `{ window: { workDoneProgress: true } }`). */
  capabilities: Record<string, unknown> = {};
  /** What the client answers for the `policyReport` section of workspace/configuration. */
  settings: Record<string, unknown> | null = null;

  /** `command` defaults to the standalone CLI entry: `node bin/policy-report.js lsp --stdio`. */
  constructor(command: string[] = [process.execPath, path.join(repoRoot, 'bin', 'policy-report.js'), 'lsp', '--stdio']) {
    this.child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', (d) => (this.stderr += String(d)));
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

  /** The server's log messages (window/logMessage), in order. */
  readonly logs: string[] = [];
  private readonly logWaiters: Array<{ re: RegExp; resolve: (m: string) => void }> = [];

  /** The first log message that matches `re` (one already received, else the next). */
  waitForLog(re: RegExp, timeoutMs = 30000): Promise<string> {
    const seen = this.logs.find((m) => re.test(m));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no log message ${re} within ${timeoutMs} ms; logs: ${this.logs.join(' | ')}`)), timeoutMs);
      this.logWaiters.push({
        re,
        resolve: (m) => {
          clearTimeout(timer);
          resolve(m);
        },
      });
    });
  }

  /** The server's history index is in (its log line, lsp/server.ts loadWorkspace). */
  indexed(): Promise<string> {
    return this.waitForLog(/^policy-report: history of \d+ sessions/);
  }

  /** Number of workspace/diagnostic/refresh requests the server sent (pull mode). */
  refreshes = 0;
  private refreshWaiters: Array<() => void> = [];

  /** Resolves at the next workspace/diagnostic/refresh request from the server. */
  nextRefresh(timeoutMs = 10000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostic refresh within ${timeoutMs} ms`)), timeoutMs);
      this.refreshWaiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
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
  waitForDiagnostics(uri: string, pred: (d: Diagnostic[]) => boolean = () => true, minVersion = 0, timeoutMs = 10000): Promise<Diagnostic[]> {
    const ok = (p: { version?: number; diagnostics: Diagnostic[] }) => (p.version ?? Infinity) >= minVersion && pred(p.diagnostics);
    const have = this.diagnostics.get(uri);
    if (have && ok(have)) return Promise.resolve(have.diagnostics);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr}`)), timeoutMs);
      this.waiters.push({
        uri,
        ok,
        resolve: (d) => {
          clearTimeout(timer);
          resolve(d);
        },
      });
    });
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
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
      await this.connection.sendNotification('exit');
    } catch {
      /* already gone */
    }
    const exited = new Promise<void>((r) => (this.child.exitCode !== null ? r() : this.child.once('exit', () => r())));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}

/** A minimal session report whose one reference (line 9) states the end-to-end online dossier rate for 2024-S1. */
export function sessionReport(session: number, date: string, value: string): string {
  return `---\nsession: ${session}\ndate: ${date}\nperiod: 2024-S1\ntitle: Phiên họp thứ ${session}\n---\n\n## Kết quả đạt được\n\n[[Tỷ lệ hồ sơ trực tuyến toàn trình]] cả nước đạt ${value}.\n`;
}
