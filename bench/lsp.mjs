// A JSON-RPC client that starts the language server over stdio and speaks to it as an editor does
// (push diagnostics; answers workspace/configuration with the benchmark's settings).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import rpc from 'vscode-jsonrpc/node.js';
import { shippedEnv } from './server-options.mjs';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = rpc;

export class BenchClient {
  /** @param {string[]} command  @param {Record<string, unknown>} settings the `policyReport` section  @param {NodeJS.ProcessEnv} [env] the server's environment (default: this process's and the shipped SERVER_ENV, client/src/server-options.ts) */
  constructor(command, settings, env = { ...process.env, ...shippedEnv() }) {
    this.child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], env });
    this.stderr = '';
    this.child.stderr.on('data', (d) => (this.stderr += String(d)));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    /** uri -> last publish {version, diagnostics, at} */
    this.last = new Map();
    this.waiters = [];
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      const at = performance.now();
      const rec = { version: p.version, diagnostics: p.diagnostics, at, seq: (this.last.get(p.uri)?.seq ?? 0) + 1 };
      this.last.set(p.uri, rec);
      for (const w of [...this.waiters]) {
        if (w.uri === p.uri && w.ok(rec)) {
          this.waiters.splice(this.waiters.indexOf(w), 1);
          w.resolve(rec);
        }
      }
    });
    this.connection.onRequest('workspace/configuration', (p) => p.items.map((i) => (i.section === 'policyReport' ? settings : null)));
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    /** Log messages of the server, and who waits for one. */
    this.logWaiters = [];
    this.connection.onNotification('window/logMessage', (p) => {
      const at = performance.now();
      for (const w of [...this.logWaiters]) {
        if (w.re.test(p.message)) {
          this.logWaiters.splice(this.logWaiters.indexOf(w), 1);
          w.resolve({ message: p.message, at });
        }
      }
    });
    this.connection.listen();
  }

  get pid() {
    return this.child.pid;
  }

  /** `initializationOptions`: as the VS Code client sends them (storagePath: where the index is saved). */
  async initialize(rootUri, initializationOptions = undefined) {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri,
      initializationOptions,
      locale: 'vi',
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: {
          synchronization: { didSave: true },
          publishDiagnostics: { relatedInformation: true, versionSupport: true },
        },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri, text, version = 1) {
    return this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'policy-report', version, text } });
  }

  close(uri) {
    return this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  /** An incremental edit: `text` replaces `range` (what an editor sends for a keystroke). */
  edit(uri, version, range, text) {
    return this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
  }

  /** The next log message of the server that matches `re`, with when it arrived. */
  nextLog(re, timeoutMs = 600000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no log message ${re} within ${timeoutMs} ms`)), timeoutMs);
      this.logWaiters.push({
        re,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  /** The next publish for `uri` that satisfies `ok` (not one already received). */
  next(uri, ok = () => true, timeoutMs = 120000) {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics for ${uri} within ${timeoutMs} ms; stderr: ${this.stderr.slice(-2000)}`)), timeoutMs);
      this.waiters.push({
        uri,
        ok,
        resolve: (r) => {
          clearTimeout(timer);
          resolve(r);
        },
      });
    });
  }

  /**
   * The empty, unversioned publish of a document's close (sync.ts closed): not a check of it still on
   * its way, which would end the wait before the close is handled.
   */
  nextClosed(uri, timeoutMs = 120000) {
    return this.next(uri, (r) => r.version === undefined && r.diagnostics.length === 0, timeoutMs);
  }

  /** Peak and current resident set of the server process, in MB (Linux /proc). */
  memory() {
    try {
      const status = readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
      return { hwm: kb('VmHWM') / 1024, rss: kb('VmRSS') / 1024 };
    } catch {
      return { hwm: NaN, rss: NaN };
    }
  }

  /**
   * The server's own memory figures in MB (policyReport/memory: rssMb, heapUsedMb…); `live`: after
   * a full collection (changes what follows: ask at the end of a run).
   */
  serverMemory(live = false) {
    return this.connection.sendRequest('policyReport/memory', { live }).catch(() => null);
  }

  async stop() {
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 3000))]);
      await this.connection.sendNotification('exit');
    } catch {
      /* gone */
    }
    const exited = new Promise((r) => (this.child.exitCode !== null ? r() : this.child.once('exit', () => r())));
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 3000);
    await exited;
    clearTimeout(timer);
    this.connection.dispose();
  }
}
