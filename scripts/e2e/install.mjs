// Installs what the e2e run needs, once, and reuses it afterwards:
//  - Debian's Chromium and fonts-noto-mono (Vietnamese letters in the editor's font), plus
//    libkrb5-dev and a compiler for code-server's native modules, via apt;
//  - code-server (the real VS Code 1.100.3 server and web workbench) from the npm registry into
//    CACHE, outside the extension's own node_modules.
// `node scripts/e2e/install.mjs` runs it alone; run.mjs calls install() first.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CACHE, CHROMIUM, CODE_SERVER_DIR, CODE_SERVER_DONE, CODE_SERVER_ENTRY, CODE_SERVER_VERSION, log, seconds, sh } from './common.mjs';

const APT_PACKAGES = ['chromium', 'fonts-noto-mono', 'libkrb5-dev', 'build-essential', 'python3'];
const RUNTIME_PACKAGES = ['chromium', 'fonts-noto-mono']; // the rest only builds code-server's native modules
// @vscode/ripgrep (a dependency of VS Code) downloads ripgrep from GitHub in its postinstall,
// unless this file is in <TMPDIR>/vscode-ripgrep-cache-<its version>/. The same binary ships in
// the npm package @vscode/ripgrep-linux-x64.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ASSET = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';
const RIPGREP_NPM = '@vscode/ripgrep-linux-x64@1.18.0';

function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

const INSTALL_LIMIT_MS = 20 * 60_000; // per install command

function asRoot(cmd, args) {
  const opts = { timeout: INSTALL_LIMIT_MS, stdio: ['ignore', 'inherit', 'inherit'] };
  if (process.getuid?.() === 0) return sh(cmd, args, { ...opts, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  return sh('sudo', ['-n', 'env', 'DEBIAN_FRONTEND=noninteractive', cmd, ...args], opts);
}

export function installSystemPackages() {
  const needed = existsSync(CODE_SERVER_DONE) ? RUNTIME_PACKAGES : APT_PACKAGES;
  const missing = needed.filter((p) => !dpkgInstalled(p));
  if (missing.length === 0 && existsSync(CHROMIUM)) return 0;
  if (missing.length === 0) throw new Error(`${CHROMIUM} is missing (set POLICY_REPORT_CHROMIUM to Chromium's path)`);
  const t = Date.now();
  log(`apt-get install ${missing.join(' ')}`);
  asRoot('apt-get', ['update']);
  asRoot('apt-get', ['install', '-y', '--no-install-recommends', ...missing]);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is still missing after installing chromium`);
  return Date.now() - t;
}

function ripgrepTarball(tmp) {
  const dir = join(tmp, RIPGREP_CACHE);
  const tarball = join(dir, RIPGREP_ASSET);
  if (existsSync(tarball)) return;
  mkdirSync(dir, { recursive: true });
  const work = mkdtempSync(join(tmp, 'rg-'));
  sh('npm', ['pack', RIPGREP_NPM, '--silent', '--pack-destination', work], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'], timeout: INSTALL_LIMIT_MS });
  sh('tar', ['-xzf', 'vscode-ripgrep-linux-x64-1.18.0.tgz'], { cwd: work });
  copyFileSync(join(work, 'package', 'bin', 'rg'), join(work, 'rg'));
  chmodSync(join(work, 'rg'), 0o755);
  sh('tar', ['-czf', tarball, 'rg'], { cwd: work });
  rmSync(work, { recursive: true, force: true });
}

export function installCodeServer() {
  if (existsSync(CODE_SERVER_DONE) && existsSync(CODE_SERVER_ENTRY)) return 0;
  const t = Date.now();
  log(`installing code-server@${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (about a minute, once)`);
  rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
  mkdirSync(CODE_SERVER_DIR, { recursive: true });
  writeFileSync(join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({ name: 'policy-report-e2e-vscode', private: true }, null, 2) + '\n');
  // Its own temp folder: the ripgrep tarball goes there, and nothing lands in the system's /tmp.
  const tmp = join(CACHE, 'tmp');
  mkdirSync(tmp, { recursive: true });
  ripgrepTarball(tmp);
  sh('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--unsafe-perm', '--no-audit', '--no-fund', '--no-save', '--loglevel=error'], {
    cwd: CODE_SERVER_DIR,
    // --unsafe-perm: its postinstall refuses to run as root without it; yes: node-pty's postinstall
    // runs `npx node-gyp`, which would stop at a prompt.
    env: { ...process.env, npm_config_yes: 'true', TMPDIR: tmp, npm_config_update_notifier: 'false' },
    stdio: ['ignore', 'inherit', 'inherit'],
    timeout: INSTALL_LIMIT_MS,
  });
  if (!existsSync(CODE_SERVER_ENTRY)) throw new Error(`code-server is not at ${CODE_SERVER_ENTRY} after npm install`);
  writeFileSync(CODE_SERVER_DONE, `${new Date().toISOString()}\n`);
  return Date.now() - t;
}

/** Installs what is missing; returns the time spent per step (0 when it was already there). */
export function install() {
  const apt = installSystemPackages();
  const codeServer = installCodeServer();
  if (apt || codeServer) log(`install: apt ${seconds(apt)}, code-server ${seconds(codeServer)}`);
  return { apt, codeServer };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    install();
    log('ready:', CHROMIUM, CODE_SERVER_ENTRY);
  } catch (e) {
    console.error('[e2e] install failed:', e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
