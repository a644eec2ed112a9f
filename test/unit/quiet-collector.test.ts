/**
 * lsp/collect.ts: the server's full collections at quiet moments (after the first index, after a
 * large document is closed): one per burst of requests, never while a check is pending, and the
 * collection itself frees what is no longer live; a compacting one also gives back the pages it empties.
 */
import * as assert from 'node:assert/strict';
import v8 from 'node:v8';
import { collectGarbage, QuietCollector, type Timers } from '../../server/src/lsp/collect';

/** Timers run by hand: `fire()` runs what is due, in order. */
class HandTimers implements Timers {
  private next = 1;
  readonly pending = new Map<number, { f: () => void; ms: number }>();
  set(f: () => void, ms: number): number {
    this.pending.set(this.next, { f, ms });
    return this.next++;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  fire(): void {
    const due = [...this.pending.entries()];
    this.pending.clear();
    for (const [, t] of due) t.f();
  }
}

describe('quiet collector (lsp/collect.ts)', () => {
  it('a burst of requests makes one collection, after the delay', () => {
    const timers = new HandTimers();
    let collected = 0;
    const c = new QuietCollector(200, () => false, () => (collected++, true), timers);
    c.soon();
    c.soon();
    c.soon();
    assert.equal(timers.pending.size, 1, 'one timer for the burst');
    assert.equal([...timers.pending.values()][0].ms, 200);
    assert.equal(collected, 0, 'nothing before the delay');
    timers.fire();
    assert.equal(collected, 1);
    assert.equal(c.collections, 1);
    assert.equal(timers.pending.size, 0);
  });

  it('waits while a check is pending, then collects once', () => {
    const timers = new HandTimers();
    let busy = true;
    let collected = 0;
    const c = new QuietCollector(200, () => busy, () => (collected++, true), timers);
    c.soon();
    timers.fire();
    timers.fire();
    assert.equal(collected, 0, 'no collection while busy');
    assert.equal(timers.pending.size, 1, 'still waiting');
    busy = false;
    timers.fire();
    assert.equal(collected, 1);
    assert.equal(timers.pending.size, 0);
  });

  it('dispose drops the pending collection; a process that may not collect counts none', () => {
    const timers = new HandTimers();
    const c = new QuietCollector(200, () => false, () => false, timers);
    c.soon();
    c.dispose();
    assert.equal(timers.pending.size, 0);
    c.soon();
    timers.fire();
    assert.equal(c.collections, 0);
  });

  it('collectGarbage frees what is no longer live', () => {
    let garbage: number[][] | null = Array.from({ length: 200 }, () => Array.from({ length: 10_000 }, (_, i) => i + 0.5));
    assert.ok(collectGarbage());
    const before = v8.getHeapStatistics().used_heap_size;
    assert.equal(garbage.length, 200);
    garbage = null;
    assert.ok(collectGarbage());
    const after = v8.getHeapStatistics().used_heap_size;
    // 200 arrays of 10 000 doubles: 16 MB.
    assert.ok(before - after > 10 * 1024 * 1024, `freed ${((before - after) / 1048576).toFixed(1)} MB`);
  });

  it('a compacting collection gives back the pages a plain one leaves partly empty, and only that one compacts', () => {
    /** The old space's committed pages beyond what it holds (bytes). */
    const slack = () => {
      const old = v8.getHeapSpaceStatistics().find((sp) => sp.space_name === 'old_space')!;
      return old.space_size - old.space_used_size;
    };
    /**
     * Old pages each holding a few survivors: 600 000 small objects promoted, then nine in ten let
     * go; `collect` is the first collection to find them garbage (V8 picks the pages to evacuate
     * from what the previous marking found live, so a plain collection cannot compact these yet).
     */
    const after = (collect: () => boolean): number => {
      let all: Array<{ i: number; s: string }> | null = Array.from({ length: 600_000 }, (_, i) => ({ i, s: `x${i}` }));
      assert.ok(collectGarbage());
      assert.ok(collectGarbage());
      const kept = all.filter((_, i) => i % 10 === 0);
      all = null;
      assert.ok(collect());
      const left = slack();
      assert.equal(kept.length, 60_000);
      assert.ok(collectGarbage({ compact: true }));
      return left;
    };
    const plain = after(() => collectGarbage());
    const compacted = after(() => collectGarbage({ compact: true }));
    // The next plain collection compacts no more than the first did: the flag is set back.
    const plainAgain = after(() => collectGarbage());
    assert.ok(compacted < plain / 4, `slack after a plain collection ${plain}, after a compacting one ${compacted}`);
    assert.ok(plainAgain > compacted * 4, `slack after the next plain collection ${plainAgain}, after the compacting one ${compacted}`);
  });
});
