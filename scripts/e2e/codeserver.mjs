// Starts and stops a code-server (VS Code's server + web workbench) with all its state in one folder.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { CODE_SERVER_ENTRY, killGroup, sh, spawnGroup } from './common.mjs';

/** User settings for a quiet workbench: no welcome page, tips, trust prompt, update checks. */
const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  // DejaVu Sans Mono (Debian's default monospace) lacks many Vietnamese letters (ể, ổ, ố); Noto
  // Sans Mono (fonts-noto-mono) has them all.
  'editor.fontFamily': "'Noto Sans Mono', 'Droid Sans Mono', monospace",
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/** The environment of code-server and everything it starts: all state inside `dir`. */
function serverEnv(dir, extra) {
  const env = {};
  for (const [k, v] of Object.entries(process.env)) {
    // Nothing of an outer VS Code (when run from its terminal) may leak in.
    if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') continue;
    env[k] = v;
  }
  return {
    ...env,
    TMPDIR: join(dir, 'tmp'),
    XDG_DATA_HOME: join(dir, 'xdg-data'),
    XDG_CONFIG_HOME: join(dir, 'xdg-config'),
    XDG_CACHE_HOME: join(dir, 'xdg-cache'),
    EXTENSIONS_GALLERY: '{}',
    ...extra,
  };
}

function layout(dir) {
  const paths = { userData: join(dir, 'user-data'), extensions: join(dir, 'extensions') };
  for (const d of ['tmp', 'xdg-data', 'xdg-config', 'xdg-cache']) mkdirSync(join(dir, d), { recursive: true });
  mkdirSync(join(paths.userData, 'User'), { recursive: true });
  mkdirSync(paths.extensions, { recursive: true });
  // POLICY_REPORT_E2E_TRACE=1: the LSP traffic goes to the "Policy Report" output channel, kept in
  // user-data/logs/*/exthost*/output_logging_*/ (with POLICY_REPORT_E2E_KEEP=1 to look at it).
  const trace = process.env.POLICY_REPORT_E2E_TRACE === '1' ? { 'policyReport.trace.server': 'verbose' } : {};
  writeFileSync(join(paths.userData, 'User', 'settings.json'), JSON.stringify({ ...SETTINGS, ...trace }, null, 2));
  return paths;
}

/** `code-server --install-extension FILE.vsix` into the state folder's extensions dir. */
export function installExtension(dir, vsix) {
  const p = layout(dir);
  sh(process.execPath, [CODE_SERVER_ENTRY, '--user-data-dir', p.userData, '--extensions-dir', p.extensions, '--install-extension', vsix], {
    env: serverEnv(dir, {}),
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: 120_000,
  });
}

/**
 * Starts code-server on 127.0.0.1 in its own process group. Resolves once `/healthz` answers.
 * `onLine` gets the server's log. Returns { url, port, pid, stop() }.
 */
export async function startCodeServer(dir, { env = {}, onLine = () => {}, timeoutMs = 60_000 } = {}) {
  const p = layout(dir);
  const port = await freePort();
  const args = [
    CODE_SERVER_ENTRY,
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    '--user-data-dir', p.userData,
    '--extensions-dir', p.extensions,
  ];
  const child = spawnGroup(process.execPath, args, { env: serverEnv(dir, env), cwd: dir }, onLine);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => killGroup(child.pid);
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`code-server exited before it answered (${exited.code ?? exited.signal})`);
    try {
      const r = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) });
      if (r.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > until) {
      await stop();
      throw new Error(`code-server did not answer on ${url} within ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port, pid: child.pid, stop, exited: () => exited };
}

/** The workbench address: a folder, and optionally an extension under development and its tests. */
export function workbenchUrl(server, folder, { extensionDevelopmentPath, extensionTestsPath } = {}) {
  const remote = (p) => `vscode-remote://127.0.0.1:${server.port}${p}`;
  const payload = [];
  if (extensionDevelopmentPath) payload.push(['extensionDevelopmentPath', remote(extensionDevelopmentPath)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  return `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}
