/**
 * lsp/collect.ts: the server's full collections at quiet moments (after the first index, after a
 * large document is closed): one per burst of requests, never while a check is pending; between
 * pieces of work once the old generation grew by a slack; the collection itself frees what is no
 * longer live.
 */
import * as assert from 'node:assert/strict';
import v8 from 'node:v8';
import { collectGarbage, GrowthCollector, QuietCollector, type Timers } from '../../server/src/lsp/collect';

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

  it('the growth collector collects when the old generation grew by its slack since its last collection, then from what is left', () => {
    const MB = 1024 * 1024;
    let used = 100 * MB;
    const c = new GrowthCollector(64, () => used, () => ((used = 120 * MB), true));
    c.between(); // the first call sets the mark: 100 + 64
    used = 150 * MB;
    c.between();
    assert.equal(c.collections, 0, 'under the slack');
    used = 164 * MB;
    c.between();
    assert.equal(c.collections, 1);
    assert.equal(used, 120 * MB);
    used = 180 * MB; // under 120 + 64
    c.between();
    assert.equal(c.collections, 1);
    used = 190 * MB;
    c.between();
    assert.equal(c.collections, 2);
    const never = new GrowthCollector(1, () => (used += 10 * MB), () => false);
    never.between();
    never.between();
    assert.equal(never.collections, 0, 'a process that may not collect counts none');
  });

  it('a following growth collector counts its slack from any full collection, its own or another', () => {
    const MB = 1024 * 1024;
    let used = 100 * MB;
    const c = new GrowthCollector(48, () => used, () => ((used = 110 * MB), true), true);
    c.between(); // the mark: 100 + 48
    used = 60 * MB; // V8 (or a large document's close) collected: the mark follows, 60 + 48
    c.between();
    used = 120 * MB;
    c.between();
    assert.equal(c.collections, 1, 'grown 60 MB since the last collection: over the slack');
    assert.equal(used, 110 * MB);
    used = 150 * MB; // under 110 + 48
    c.between();
    assert.equal(c.collections, 1);
    used = 120 * MB;
    c.between(8); // a large document's check: its own, smaller slack
    assert.equal(c.collections, 2);
    used = 200 * MB;
    c.collected(); // collected elsewhere, 200 MB left: the slack counts from there
    used = 240 * MB;
    c.between();
    assert.equal(c.collections, 2);
    const kept = new GrowthCollector(48, () => used, () => ((used = 110 * MB), true));
    kept.between(); // 150 + 48
    used = 60 * MB;
    kept.between();
    used = 120 * MB;
    kept.between();
    assert.equal(kept.collections, 0, 'without following, the mark stays where its own collection set it');
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
});
