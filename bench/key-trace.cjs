// Where a keystroke's time goes in the language server over stdio (issue #15, the p99's tail), per
// message: preloaded with `node bench/run.mjs --only stdio --server DIR/server.js --server-node-args
// "--require bench/key-trace.cjs"` and KEY_TRACE_FILE=F set, the server's main thread appends to
// F.<pid>.jsonl one line per event: a message's bytes arriving on stdin ("in": method, version,
// which draft), a notification written to stdout ("out"), every GC (PerformanceObserver: kind 1
// scavenge, 4 mark-compact, 8 incremental marking, 16 weak callbacks; flags 4 a forced one, ours, 64 V8's own; its wall duration), and the marks of
// an instrumented bundle that calls globalThis.__keyTrace(event, fields) (round 26's private marks:
// "sched"/"fire" around sync.ts schedule's timer, "chk0"/"chk1" around checkReport with the chunk
// caches' misses, "sent" after sendDiagnostics, "fullgc" in collect.ts collectGarbage). Each line
// carries the main thread's CPU time and run-queue wait so far (/proc/thread-self/schedstat, ms):
// on a loaded machine the wait, not the work, is most of a keystroke's wall time. Read by
// bench/key-tail.mjs. Nothing is written to stdout but the server's own messages.
// Preload: per-message timestamps on stdin/stdout, GC entries, and marks from an instrumented bundle.
const { appendFileSync } = require('node:fs');
const { performance, PerformanceObserver } = require('node:perf_hooks');
const wt = require('node:worker_threads');
const file = process.env.KEY_TRACE_FILE;
if (file && wt.isMainThread) {
  const out = `${file}.${process.pid}.jsonl`;
  const buf = [];
  const flush = () => { if (buf.length) { appendFileSync(out, buf.join('\n') + '\n'); buf.length = 0; } };
  setInterval(flush, 2000).unref();
  process.on('exit', flush);
  const { readFileSync } = require('node:fs');
  const sched = () => { const f = readFileSync('/proc/thread-self/schedstat', 'utf8').split(' '); return [Number(f[0]) / 1e6, Number(f[1]) / 1e6]; };
  const rec = (o) => { o.t = Math.round(performance.now() * 100) / 100; const [c, w] = sched(); o.cpu_ms = Math.round(c * 100) / 100; o.wait_ms = Math.round(w * 100) / 100; buf.push(JSON.stringify(o)); };
  globalThis.__keyTrace = (ev, extra) => rec({ ev, ...extra });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) buf.push(JSON.stringify({ ev: 'gc', t: Math.round(e.startTime * 100) / 100, d: Math.round(e.duration * 100) / 100, kind: e.detail?.kind ?? e.kind, flags: e.detail?.flags ?? e.flags }));
  }).observe({ entryTypes: ['gc'] });
  process.stdin.on('data', (c) => {
    const s = c.length < 4096 ? String(c) : String(c.subarray(0, 4096));
    const m = /"method":"([^"]+)"/.exec(s);
    const v = /"version":(\d+)/.exec(s);
    rec({ ev: 'in', method: m?.[1], v: v ? Number(v[1]) : undefined, len: c.length, kb: /du-thao-(\d+)kb/.exec(s)?.[1] });
  });
  const w = process.stdout.write.bind(process.stdout);
  process.stdout.write = function (c, ...rest) {
    if (typeof c !== 'string' && c.length > 30) {
      const s = String(c.subarray(0, 300));
      const m = /"method":"([^"]+)"/.exec(s);
      if (m) rec({ ev: 'out', method: m[1], len: c.length, kb: /du-thao-(\d+)kb/.exec(s)?.[1], v: Number(/"version":(\d+)/.exec(String(c.subarray(c.length - 200)))?.[1] ?? /"version":(\d+)/.exec(s)?.[1]) });
    } else if (typeof c === 'string' && c.length > 30) {
      const m = /"method":"([^"]+)"/.exec(c.slice(0, 300));
      if (m) rec({ ev: 'out', method: m[1], len: c.length, s: 1 });
    }
    return w(c, ...rest);
  };
}
