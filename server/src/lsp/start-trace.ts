/**
 * The start's phases, for measurement (bench/start.mjs): with POLICY_REPORT_TRACE_START=1 in the
 * server's environment, each phase of the path to the open drafts' first diagnostics is logged as
 * "policy-report: start PHASE at N ms, cpu M ms": N the time since the process started, M the CPU
 * time of the server's own thread so far (Linux; the process's elsewhere), all logged once the
 * drafts' first diagnostics are written. Nothing otherwise.
 */
import { readFileSync } from 'node:fs';

export const TRACE_START_ENV = 'POLICY_REPORT_TRACE_START';

const on = process.env[TRACE_START_ENV] === '1';

/** The CPU time of this thread (the process's main thread: its id is the process's), in ms (schedstat's ns; stat's ticks are 10 ms). */
function threadCpuMs(): number {
  try {
    return Math.round(Number(readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6);
  } catch {
    const u = process.cpuUsage();
    return Math.round((u.user + u.system) / 1000);
  }
}

const phases: string[] = [];

/** A phase reached: noted when tracing, else nothing (and nothing computed). */
export function startPhase(phase: string): void {
  if (on) phases.push(`policy-report: start ${phase} at ${Math.round(process.uptime() * 1000)} ms, cpu ${threadCpuMs()} ms`);
}

/** The phases noted so far, each a line to `log` (once the first diagnostics are out), then forgotten. */
export function logStartPhases(log: (m: string) => void): void {
  for (const m of phases.splice(0)) log(m);
}
