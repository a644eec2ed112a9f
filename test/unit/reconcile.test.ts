/**
 * The history's rescan of the disk (server/src/lsp/reconcile.ts) over an injected disk: which
 * files are read (counted), which are applied and dropped, open documents left alone, and the
 * concurrency promises (one pass at a time, requests during a pass coalesced into one more pass,
 * a watcher event during a pass not lost).
 */
import * as assert from 'node:assert/strict';
import { RACY_MS, Reconciler, type DiskStat, type ReconcileHost, type ReconcileResult } from '../../server/src/lsp/reconcile';

const NOW = 1_000_000_000;
const OLD = NOW - 60_000;

interface DiskFile {
  text: string | undefined; // undefined: present but unreadable (refused by the reader)
  stat: DiskStat;
}

/** A fake disk and history: files by URI, reads counted, the history as applied texts. */
class FakeHost implements ReconcileHost {
  readonly disk = new Map<string, DiskFile>();
  readonly history = new Map<string, string>();
  readonly open = new Set<string>();
  readonly reads: string[] = [];
  readonly applied: Array<[string, string | undefined]> = [];
  clock = NOW;
  /** When set, each read waits for this gate (a pass held in the middle). */
  gate: Promise<void> | undefined;
  private nextIno = 1;

  write(uri: string, text: string | undefined, mtimeMs = OLD, size = text?.length ?? 0): void {
    const ino = this.disk.get(uri)?.stat.ino ?? this.nextIno++;
    this.disk.set(uri, { text, stat: { size, mtimeMs, ino } });
  }
  list(): string[] {
    return [...this.disk.keys()];
  }
  async stat(uri: string): Promise<DiskStat | undefined> {
    const f = this.disk.get(uri);
    return f && { ...f.stat };
  }
  async read(uri: string): Promise<string | undefined> {
    this.reads.push(uri);
    const text = this.disk.get(uri)?.text; // taken when the read starts
    if (this.gate) await this.gate;
    return text;
  }
  now(): number {
    return this.clock;
  }
  isOpen(uri: string): boolean {
    return this.open.has(uri);
  }
  known(): Iterable<string> {
    return this.history.keys();
  }
  /** False when the history already held exactly that, as the server's apply says. */
  apply(uri: string, text: string | undefined): boolean {
    this.applied.push([uri, text]);
    if (text === undefined) return this.history.delete(uri);
    const same = this.history.get(uri) === text;
    this.history.set(uri, text);
    return !same;
  }
  /** Starting state: the history holds every readable file, as the server's first indexing leaves it. */
  indexAll(): void {
    for (const [uri, f] of this.disk) if (f.text !== undefined) this.history.set(uri, f.text);
  }
}

function setup(files: Record<string, string>): { host: FakeHost; r: Reconciler; passes: ReconcileResult[] } {
  const host = new FakeHost();
  for (const [uri, text] of Object.entries(files)) host.write(uri, text);
  const passes: ReconcileResult[] = [];
  const r = new Reconciler(host, { onPass: (p) => passes.push(p) });
  reconcilers.push(r);
  return { host, r, passes };
}

/** Every reconciler made, disposed after each test (racy follow-ups leave a timer). */
const reconcilers: Reconciler[] = [];
afterEach(() => reconcilers.splice(0).forEach((r) => r.dispose()));

const A = 'file:///ws/a.report.md';
const B = 'file:///ws/b.report.md';
const C = 'file:///ws/sub/c.report.md';

describe('reconcile: the history rescans the disk', () => {
  it('after prime(), an unchanged disk is stat-ed, not read', async () => {
    const { host, r, passes } = setup({ [A]: 'a1', [B]: 'b1' });
    await r.prime();
    host.indexAll();
    assert.equal(host.reads.length, 0, 'prime reads nothing');
    const res = await r.reconcile();
    assert.deepEqual(host.reads, []);
    assert.equal(res.unchanged, 2);
    assert.deepEqual(host.applied, []);
    assert.deepEqual(passes, [], 'a pass that changed nothing is not reported');
  });

  it('a file created (in a new folder) is read and applied; only it is read', async () => {
    const { host, r, passes } = setup({ [A]: 'a1', [B]: 'b1' });
    await r.prime();
    host.indexAll();
    host.write(C, 'c1');
    const res = await r.reconcile();
    assert.deepEqual(host.reads, [C]);
    assert.deepEqual(res.added, [C]);
    assert.equal(host.history.get(C), 'c1');
    assert.equal(passes.length, 1);
  });

  for (const [what, change] of [
    ['its size', (h: FakeHost) => h.write(A, 'a22')],
    ['its modification time', (h: FakeHost) => h.write(A, 'a2', OLD + 1)],
    ['its inode (replaced by a rename, same size and time)', (h: FakeHost) => h.disk.set(A, { text: 'a2', stat: { size: 2, mtimeMs: OLD, ino: 999 } })],
  ] as const) {
    it(`a file whose stat changed (${what}) is read again; the others are not`, async () => {
      const { host, r } = setup({ [A]: 'a1', [B]: 'b1' });
      await r.prime();
      host.indexAll();
      change(host);
      const res = await r.reconcile();
      assert.deepEqual(host.reads, [A]);
      assert.deepEqual(res.changed, [A]);
      assert.equal(res.unchanged, 1);
      assert.equal(host.history.get(A), host.disk.get(A)!.text);
      // And not again while it stays so.
      await r.reconcile();
      assert.deepEqual(host.reads, [A]);
    });
  }

  it('a file touched on disk (new time) but with the same text is read, counted unchanged and not reported', async () => {
    const { host, r, passes } = setup({ [A]: 'a1', [B]: 'b1' });
    await r.prime();
    host.indexAll();
    host.write(A, 'a1', OLD + 1);
    const res = await r.reconcile();
    assert.deepEqual(host.reads, [A]);
    assert.equal(res.unchanged, 2);
    assert.deepEqual([res.added, res.changed, res.removed], [[], [], []]);
    assert.deepEqual(passes, []);
  });

  it('a file deleted (or its folder) leaves the history, without a read', async () => {
    const { host, r } = setup({ [A]: 'a1', [B]: 'b1', [C]: 'c1' });
    await r.prime();
    host.indexAll();
    host.disk.delete(C);
    host.disk.delete(B);
    const res = await r.reconcile();
    assert.deepEqual(host.reads, []);
    assert.deepEqual(res.removed.sort(), [B, C]);
    assert.deepEqual([...host.history.keys()], [A]);
  });

  it('a file the history learned of elsewhere (never stat-ed) and that is gone is dropped too', async () => {
    const { host, r } = setup({ [A]: 'a1' });
    await r.prime();
    host.indexAll();
    host.history.set(B, 'b-from-an-event');
    const res = await r.reconcile();
    assert.deepEqual(res.removed, [B]);
    assert.ok(!host.history.has(B));
  });

  it('open documents are neither read nor dropped: their buffer is the truth', async () => {
    const { host, r } = setup({ [A]: 'a1', [B]: 'b1' });
    await r.prime();
    host.indexAll();
    host.open.add(A).add(C);
    host.write(A, 'a-changed-on-disk', OLD + 5);
    host.write(C, 'c-new-and-open');
    host.history.set('file:///ws/gone-but-open.report.md', 'buffer');
    host.open.add('file:///ws/gone-but-open.report.md');
    const res = await r.reconcile();
    assert.deepEqual(host.reads, []);
    assert.deepEqual(host.applied, []);
    assert.deepEqual(res.removed, []);
    // Closed: the next pass reads what changed on disk since its stat was taken (the close itself
    // reads the disk in the server; the pass may read it once more, never less).
    host.open.clear();
    host.write(A, 'a-saved-later', OLD + 9);
    await r.reconcile();
    assert.equal(host.history.get(A), 'a-saved-later');
  });

  it('an unreadable file leaves the history and is not read again until it changes', async () => {
    const { host, r } = setup({ [A]: 'a1', [B]: 'b1' });
    await r.prime();
    host.indexAll();
    host.write(B, undefined, OLD + 1, 50_000_000);
    const res = await r.reconcile();
    assert.deepEqual(res.removed, [B]);
    assert.ok(!host.history.has(B));
    await r.reconcile();
    assert.deepEqual(host.reads, [B], 'read once');
    host.write(B, 'b2', OLD + 2);
    await r.reconcile();
    assert.equal(host.history.get(B), 'b2');
    assert.deepEqual(host.reads, [B, B]);
  });

  it('a file written just before its stat (racy) is read once more by the next pass, then no more', async () => {
    const { host, r } = setup({ [A]: 'a1' });
    await r.prime();
    host.indexAll();
    host.write(A, 'a2', NOW - RACY_MS / 2);
    await r.reconcile();
    // Rewritten within the same timestamp and size: only the racy rule catches it.
    host.write(A, 'a3', NOW - RACY_MS / 2);
    await r.reconcile();
    assert.equal(host.history.get(A), 'a3');
    assert.deepEqual(host.reads, [A, A]);
    // Time passes: read once more (the stat taken last was still racy), then no more.
    host.clock = NOW + RACY_MS;
    await r.reconcile();
    await r.reconcile();
    await r.reconcile();
    assert.deepEqual(host.reads, [A, A, A]);
  });

  it('a file a watcher event applied is read once more by the next pass, and applied only if its text differs', async () => {
    const { host, r, passes } = setup({ [A]: 'a1', [B]: 'b1' });
    await r.prime();
    host.indexAll();
    // The event for A read it whole; the one for B read it half written.
    host.write(A, 'a2', OLD + 1);
    host.apply(A, 'a2');
    r.touched(A, 'a2');
    host.write(B, 'b2-whole', OLD + 1);
    host.apply(B, 'b2');
    r.touched(B, 'b2');
    host.applied.length = 0;
    const res = await r.reconcile();
    assert.deepEqual(host.reads.sort(), [A, B]);
    assert.deepEqual(host.applied, [[B, 'b2-whole']]);
    assert.deepEqual(res.changed, [B]);
    assert.equal(passes.length, 1);
    await r.reconcile();
    assert.equal(host.reads.length, 2, 'and not again');
  });

  it('without prime(), the first pass reads every file once (and applies nothing new twice)', async () => {
    const { host, r } = setup({ [A]: 'a1', [B]: 'b1' });
    const res = await r.reconcile();
    assert.deepEqual(host.reads.sort(), [A, B]);
    assert.deepEqual(res.added.sort(), [A, B]);
    await r.reconcile();
    assert.equal(host.reads.length, 2);
  });
});

describe('reconcile: concurrency', () => {
  it('requests during a pass are coalesced into one more pass, which sees what changed meanwhile', async () => {
    const { host, r } = setup({ [A]: 'a1' });
    await r.prime();
    host.indexAll();
    host.write(B, 'b1');
    let open!: () => void;
    host.gate = new Promise((res) => (open = res));
    const first = r.reconcile();
    // The first pass is reading B; a folder appears with C, and three requests come.
    await new Promise((res) => setImmediate(res));
    host.write(C, 'c1');
    const second = r.reconcile();
    const third = r.reconcile();
    assert.equal(second, third, 'one pass for both requests');
    assert.notEqual(first, second);
    host.gate = undefined;
    open();
    await first;
    const res = await second;
    assert.equal(r.passes, 3, 'prime, the first pass, one more');
    assert.deepEqual(res.added, [C]);
    assert.equal(host.history.get(C), 'c1');
  });

  it('a watcher event that re-read a file during a pass is not overwritten by the older text the pass read', async () => {
    const { host, r } = setup({ [A]: 'a1' });
    await r.prime();
    host.indexAll();
    host.write(A, 'a2', OLD + 1);
    let open!: () => void;
    host.gate = new Promise((res) => (open = res));
    const pass = r.reconcile();
    await new Promise((res) => setImmediate(res)); // the pass has started reading 'a2'
    // Meanwhile the file is written again, within the same timestamp tick and at the same size
    // (so its stat does not change), and its event handled: the server applies the new text.
    host.write(A, 'a3', OLD + 1);
    host.apply(A, 'a3');
    r.touched(A, 'a3');
    host.gate = undefined;
    open();
    await pass; // it applied the older 'a2' it had read...
    // ...and the pass that touched() queued reads the file again, unasked: the disk's text wins.
    await r.idle();
    assert.equal(host.history.get(A), 'a3');
    assert.equal(r.passes, 3, 'prime, the pass, the one touched() queued');
    assert.deepEqual(host.reads, [A, A]);
  });

  it('a pass that throws is reported and the next one runs', async () => {
    const { host, r, passes } = setup({ [A]: 'a1' });
    await r.prime();
    host.indexAll();
    const list = host.list.bind(host);
    host.list = () => {
      throw new Error('walker failed');
    };
    const res = await r.reconcile();
    assert.match(String(res.error), /walker failed/);
    assert.equal(passes.length, 1);
    host.list = list;
    host.write(B, 'b1');
    assert.deepEqual((await r.reconcile()).added, [B]);
  });

  it('reconcileSoon makes one pass of a burst, after ready(); periodic passes stop at dispose()', async () => {
    const host = new FakeHost();
    host.write(A, 'a1');
    let onReady = (): void => undefined;
    let onPass = (): void => undefined;
    let readyCalls = 0;
    const r = new Reconciler(host, {
      ready: async () => {
        readyCalls++;
        onReady();
      },
      onPass: () => onPass(),
    });
    reconcilers.push(r);
    await r.prime();
    host.indexAll();
    host.write(B, 'b1');
    const passed = new Promise<void>((res) => (onPass = res));
    r.reconcileSoon(5);
    r.reconcileSoon(5);
    r.reconcileSoon(5);
    await passed;
    assert.equal(readyCalls, 1, 'one timed pass for the burst');
    assert.equal(host.history.get(B), 'b1');
    const before = r.passes;
    await new Promise<void>((res) => {
      let ticks = 0;
      onReady = () => {
        if (++ticks === 3) res();
      };
      r.startPeriodic(2);
    });
    r.dispose();
    assert.equal(r.periodic, false, 'no timer left after dispose()');
    await r.idle();
    assert.ok(r.passes > before);
  });

  it('a file read while it may still be written (racy) is read again by a follow-up pass, unasked', async () => {
    const host = new FakeHost();
    host.write(A, 'a1');
    let onPass = (_: ReconcileResult): void => undefined;
    const r = new Reconciler(host, { racyMs: 20, onPass: (p) => onPass(p) });
    reconcilers.push(r);
    await r.prime();
    host.indexAll();
    // Written just now (by the injected clock): the pass reads 'a2'...
    host.clock = OLD + 10;
    host.write(A, 'a2', OLD + 5);
    await r.reconcile();
    assert.equal(host.history.get(A), 'a2');
    // ...and the writer goes on within the same tick and size; no event, no request follows.
    host.write(A, 'a3', OLD + 5);
    const res = await new Promise<ReconcileResult>((resolve) => (onPass = resolve));
    assert.deepEqual(res.changed, [A]);
    assert.equal(host.history.get(A), 'a3');
  });
});
