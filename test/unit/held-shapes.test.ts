/**
 * core/held-shapes.ts: the classes a report's reading makes objects of are registered, and a full
 * collection (lsp/collect.ts collectGarbage) passes their constructors and prototypes to `gc`, so
 * that V8 keeps their maps and the optimized code embedding them (docs/performance.md §5).
 */
import * as assert from 'node:assert/strict';
import Token from 'markdown-it/lib/token.mjs';
import StateBlock from 'markdown-it/lib/rules_block/state_block.mjs';
import { Composer, Schema } from 'yaml';
import { heldShapes } from '../../server/src/core/held-shapes';
import { LineIndex } from '../../server/src/core/text';
import { ScanCursor } from '../../server/src/core/parse/figure-cursor';
import { parseReport } from '../../server/src/core/parse/document';
import { anchorOf } from '../../server/src/core/parse/family-anchor';
import type { Reference } from '../../server/src/core/parse/model';
import { collectGarbage } from '../../server/src/lsp/collect';

describe('held shapes (full collections keep the reading classes\' maps)', () => {
  it('registers the reading\'s classes with their prototypes, and literals\' (Object, Array)', () => {
    void parseReport; // (the parser's modules loaded: their registrations run)
    const directives = (new Composer() as unknown as { directives: object }).directives.constructor;
    for (const c of [Object, Array, Token, StateBlock, LineIndex, ScanCursor, Schema, directives, URL]) {
      const at = heldShapes.indexOf(c);
      assert.ok(at >= 0, `${c.name} held`);
      assert.equal(heldShapes[at + 1], c.prototype, `${c.name}'s prototype held beside it`);
    }
    assert.equal(new Set(heldShapes).size, heldShapes.length, 'each once');
  });

  it('registers the family carry\'s anchor (made per sentence with one reference; parse/family-anchor.ts)', () => {
    const anchor = anchorOf([{ inTable: false, figure: null } as unknown as Reference], 'Theo chỉ số, tỉnh đứng thứ 12.', ['Chỉ số DTI']);
    assert.ok(anchor);
    const c = anchor.constructor;
    assert.notEqual(c, Object, 'a class of its own');
    const at = heldShapes.indexOf(c);
    assert.ok(at >= 0, `${c.name} held`);
    assert.equal(heldShapes[at + 1], c.prototype);
  });

  it('passes them to gc as arguments after an undefined options argument', () => {
    const g = globalThis as { gc?: (...a: unknown[]) => void };
    const before = g.gc;
    let args: unknown[] = [];
    g.gc = (...a: unknown[]) => {
      args = a;
    };
    try {
      assert.equal(collectGarbage(), true);
    } finally {
      g.gc = before;
    }
    assert.equal(args[0], undefined);
    assert.deepEqual(args.slice(1), heldShapes);
  });
});
