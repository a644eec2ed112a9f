// The slowest keystrokes of a bench/key-trace.cjs trace, each split: stdin → the check scheduled →
// its timer → the check (wall, and the process's CPU) → findings converted → sent → written; the
// main thread's CPU and run-queue wait; the chunk caches' misses; the GCs that overlapped it.
//   node bench/key-tail.mjs F.<pid>.jsonl [KB] [FROM] [TO]   (the draft's size in KB, 100; the versions, 2-201:
//   bench/run.mjs's prose typing; 202-251 its figure keystrokes). TOP=N rows; BY=mcpu sorts by main-thread CPU.
//   HIST=1: the history edits instead (an earlier session's didChange, FROM-TO its versions, 2-21: the edit → the
//   draft's next publish). Every collection but a scavenge is listed with its flags (4: forced, ours; 64: V8's own).
import { readFileSync } from 'node:fs';
const [file, kbWant = '100', from = '2', to = '201'] = process.argv.slice(2);
const ev = readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
ev.sort((a, b) => a.t - b.t);
const gcs = ev.filter((e) => e.ev === 'gc');
const rows = [];
const hist = !!process.env.HIST;
for (let i = 0; i < ev.length; i++) {
  const e = ev[i];
  if (e.ev !== 'in' || e.method !== 'textDocument/didChange' || e.kb !== (hist ? undefined : kbWant)) continue;
  if (e.v < +from || e.v > +to) continue;
  // following events until 'out' with the same version
  const r = { v: e.v, tin: e.t, cin: e.cpu_ms, win: e.wait_ms };
  for (let j = i + 1; j < ev.length; j++) {
    const f = ev[j];
    if (f.ev === 'sched' && f.v === e.v) r.sched = f.t;
    if (f.ev === 'fire' && f.v === e.v) r.fire = f.t;
    if (f.ev === 'chk0' && f.v === e.v) { r.chk0 = f.t; r.miss0 = f.miss; r.c0 = f.cpu_ms; }
    if (f.ev === 'chk1' && f.v === e.v) { r.chk1 = f.t; r.cpu = f.cpu; r.miss = f.miss - r.miss0; r.hc = f.hc; r.c1 = f.cpu_ms; }
    if (f.ev === 'conv' && f.v === e.v) r.conv = f.t;
    if (f.ev === 'sent' && f.v === e.v) r.sent = f.t;
    if (f.ev === 'fullgc') (r.fullgc ??= []).push(f.d.toFixed(1));
    if (f.ev === 'out' && f.method === 'textDocument/publishDiagnostics' && (hist || f.v === e.v) && (f.kb === kbWant)) { r.out = f.t; r.cout = f.cpu_ms; r.wout = f.wait_ms; break; }
  }
  if (r.out === undefined) continue;
  r.total = r.out - r.tin; r.mcpu = r.cout - r.cin; r.wait = r.wout - r.win; r.ccpu = r.c1 - r.c0;
  const g = gcs.filter((x) => x.t + x.d >= r.tin && x.t <= r.out);
  r.gcMinor = g.filter((x) => x.kind === 1).reduce((s, x) => s + x.d, 0);
  r.gcMajor = g.filter((x) => x.kind !== 1).reduce((s, x) => s + x.d, 0);
  r.gcKinds = g.map((x) => `${x.kind}${x.kind === 1 ? '' : `/${x.flags}`}:${x.d.toFixed(1)}`).join(',');
  rows.push(r);
}
const f1 = (x) => (x === undefined ? '-' : x.toFixed(1));
const key = process.env.BY ?? 'total'; const sorted = [...rows].sort((a, b) => b[key] - a[key]);
const n = rows.length;
console.log(`n=${n} p50=${f1([...rows].sort((a,b)=>a.total-b.total)[Math.floor(n/2)].total)} p99=${f1([...rows].sort((a,b)=>a.total-b.total)[Math.ceil(0.99*n)-1].total)}`);
console.log('v total mainCPU(checkCPU) runqWait | in->sched sched->fire fire->chk0 check(cpu) conv conv->sent sent->out | miss gcMinor gcMajor kinds fullgc');
const show = (r) => console.log(`${r.v} ${f1(r.total)} ${f1(r.mcpu)}(${f1(r.ccpu)}) ${f1(r.wait)} | ${f1(r.sched - r.tin)} ${f1(r.fire - r.sched)} ${f1(r.chk0 - r.fire)} ${f1(r.chk1 - r.chk0)}(${f1(r.cpu)}) ${f1(r.conv - r.chk1)} ${f1(r.sent - r.conv)} ${f1(r.out - r.sent)} | ${r.miss} ${f1(r.gcMinor)} ${f1(r.gcMajor)} ${r.gcKinds} ${r.fullgc ?? ''}`);
for (const r of sorted.slice(0, Number(process.env.TOP ?? 12))) show(r);
console.log('--- medians');
const med = (k) => { const xs = rows.map(k).filter((x) => !isNaN(x)).sort((a, b) => a - b); return f1(xs[Math.floor(xs.length / 2)]); };
console.log(`mainCPU ${med((r) => r.mcpu)} checkCPU ${med((r) => r.ccpu)} wait ${med((r) => r.wait)} total ${med((r) => r.total)} check ${med((r) => r.chk1 - r.chk0)} cpu ${med((r) => r.cpu)} conv ${med((r) => r.conv - r.chk1)} sent->out ${med((r) => r.out - r.sent)} in->fire ${med((r) => r.fire - r.tin)} gcMinor ${med((r) => r.gcMinor)}`);
const withMajor = rows.filter((r) => r.gcMajor > 0).length, withMinor = rows.filter((r) => r.gcMinor > 0).length;
console.log(`keystrokes with a scavenge ${withMinor}, with a major gc event ${withMajor}`);
if (process.env.ALLGC) { for (const g of gcs) if (g.kind !== 1 || g.d > 5) console.log(JSON.stringify(g)); }
{
  const a = rows.filter((r) => r.gcMinor > 0).map((r) => r.mcpu).sort((x, y) => x - y), b = rows.filter((r) => r.gcMinor === 0).map((r) => r.mcpu).sort((x, y) => x - y);
  const q = (xs, p) => f1(xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]);
  console.log(`mainCPU with scavenge: n=${a.length} p50 ${q(a, 0.5)} p90 ${q(a, 0.9)} max ${q(a, 1)}; without: n=${b.length} p50 ${q(b, 0.5)} p90 ${q(b, 0.9)} p98 ${q(b, 0.98)} max ${q(b, 1)}`);
  const gd = rows.filter((r) => r.gcMinor > 0).map((r) => r.gcMinor).sort((x, y) => x - y);
  console.log(`scavenge wall in keystroke p50 ${q(gd, 0.5)} max ${q(gd, 1)}`);
}
