// A memory timeline of the language server, thread by thread (bench/memory.mjs --trace FILE):
// preloaded with `node --require bench/mem-trace.cjs server.js --stdio` and MEM_TRACE_FILE set.
// Every MEM_TRACE_MS (default 100) each thread appends one JSON line to the file: the time since
// the process started, the thread (main, or the index worker's threadId), the process's RSS (main
// thread only: /proc is per process), and V8's heap of that thread by space (used / size, MB).
// The worker threads the server starts get the same preload (their execArgv is extended here), so
// the worker's heap is seen beside the main thread's. A thread's timer is unref'd and runs when its
// event loop is free: a long synchronous task shows as a gap, and each line says when it was taken.
// Nothing is written to stdout (the protocol's channel).
'use strict';
const { appendFileSync, readFileSync } = require('node:fs');
const v8 = require('node:v8');
const wt = require('node:worker_threads');

const file = process.env.MEM_TRACE_FILE;
const every = Number(process.env.MEM_TRACE_MS) || 100;
const MB = 1024 * 1024;
const r1 = (x) => Math.round((x / MB) * 10) / 10;
const thread = wt.isMainThread ? 'main' : `worker${wt.threadId}`;

function rssMb() {
  const m = /VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 102.4) / 10 : null;
}

function sample(event) {
  const o = { t_ms: Math.round(process.uptime() * 1000), thread };
  if (event) o.event = event;
  if (wt.isMainThread) o.rss = rssMb();
  const h = v8.getHeapStatistics();
  o.heap_used = r1(h.used_heap_size);
  o.heap_total = r1(h.total_heap_size);
  o.external = r1(process.memoryUsage().external);
  for (const s of v8.getHeapSpaceStatistics()) {
    if (s.space_size === 0) continue;
    o[s.space_name.replace('_space', '')] = [r1(s.space_used_size), r1(s.space_size)];
  }
  appendFileSync(file, JSON.stringify(o) + '\n');
}

if (file) {
  setInterval(() => sample(), every).unref();
  sample('start');
  process.on('exit', () => sample('exit'));
  if (wt.isMainThread) {
    // The server's worker threads: the same preload.
    const Worker = wt.Worker;
    wt.Worker = class extends Worker {
      constructor(filename, options = {}) {
        super(filename, { ...options, execArgv: [...(options.execArgv ?? []), '--require', __filename] });
      }
    };
  }
}
