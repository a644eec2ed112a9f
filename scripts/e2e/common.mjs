// Shared by the e2e scripts: paths, versions, logging and process control.
import { spawn, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CODE_SERVER_VERSION = '4.100.3'; // = VS Code 1.100.3; the last line that runs on Node 20
export const CHROMIUM = process.env.POLICY_REPORT_CHROMIUM || '/usr/bin/chromium';
/**
 * Where code-server is installed: outside the extension's node_modules, and outside the clone, so
 * that it is kept between runs and between clones (CI runs in a fresh clone on the same machine).
 */
export const CACHE = resolve(
  process.env.POLICY_REPORT_E2E_CACHE || join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'policy-report-e2e'),
);
export const CODE_SERVER_DIR = join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_ENTRY = join(CODE_SERVER_DIR, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
export const CODE_SERVER_DONE = join(CODE_SERVER_DIR, '.installed');

export function log(...args) {
  console.log('[e2e]', ...args);
}

export function seconds(ms) {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Runs a command to completion with inherited output; throws on a non-zero exit. */
export function sh(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', ...opts });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
  return r;
}

/**
 * Starts a command in its own process group (detached), so that `killGroup` ends it and every
 * child it forks. Its output is passed to `onLine`, line by line.
 */
export function spawnGroup(cmd, args, opts, onLine) {
  const child = spawn(cmd, args, { ...opts, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  for (const s of [child.stdout, child.stderr]) {
    let buf = '';
    s.setEncoding('utf8');
    s.on('data', (d) => {
      buf += d;
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        onLine(buf.slice(0, i));
        buf = buf.slice(i + 1);
      }
    });
  }
  return child;
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** SIGTERM to the process group, then SIGKILL to whatever is left after `graceMs`. */
export async function killGroup(pid, graceMs = 3000) {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    return; // the group is gone already
  }
  const until = Date.now() + graceMs;
  while (Date.now() < until) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    /* gone */
  }
}

/**
 * Every process whose environment holds `NAME=value` (all that this run started inherit the
 * marker, also those that left the process group with setsid), except this process itself.
 */
export function processesMarked(name, value) {
  const want = `${name}=${value}`;
  const out = [];
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    const pid = Number(d);
    if (pid === process.pid) continue;
    try {
      const env = readFileSync(`/proc/${d}/environ`, 'latin1').split('\0');
      if (env.includes(want)) out.push(pid);
    } catch {
      /* gone, or not ours to read */
    }
  }
  return out;
}

/** Kills the marked processes (SIGKILL) and returns how many there were. */
export async function sweepMarked(name, value) {
  const pids = processesMarked(name, value);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }
  const until = Date.now() + 2000;
  while (pids.some(alive) && Date.now() < until) await new Promise((r) => setTimeout(r, 50));
  return pids;
}
