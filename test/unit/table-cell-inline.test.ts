/**
 * A table cell's inline content (parse/markdown.ts): markdown-it's core rule leaves the cells
 * unread, and a cell that is plain text to the inline parser (plainInline) is made its one text
 * node without the parser. Each cell must read as the same content read as a paragraph's line does
 * (the inline parser's own reading): the same nodes, types and values, at the same offsets from the
 * content's start. Random contents of characters that start inline rules and of plain ones.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { markdownItTree } from '../../server/src/core/parse/markdown';
import { maskBlock } from '../../server/src/core/parse/mask';

type Node = { type: string; value?: string; position?: { start: { offset?: number }; end: { offset?: number } }; children?: Node[] };

/** The nodes with their offsets made relative to `base`. */
function shape(nodes: Node[], base: number): unknown {
  return nodes.map((n) => ({
    type: n.type,
    value: n.value,
    at: n.position ? [n.position.start.offset! - base, n.position.end.offset! - base] : null,
    children: n.children ? shape(n.children, base) : undefined,
  }));
}

/** The children of the first cell of the body row of `| x | <content> |`, and of the paragraph `x <content>`. */
function readBoth(content: string, defs: string): { cell: unknown; paragraph: unknown } {
  const table = markdownItTree(`${defs}| h | h |\n|---|---|\n| x ${content} | y |\n`);
  const t = table.children.find((c) => c.type === 'table') as unknown as { children: Array<{ children: Array<{ children: Node[] }> }> };
  const cell = t.children[1].children[0];
  const cellStart = cell.children[0]?.position?.start.offset ?? 0;
  const para = markdownItTree(`${defs}x ${content}\n`);
  const p = para.children.find((c) => c.type === 'paragraph') as unknown as Node;
  const paraStart = p.children![0]?.position?.start.offset ?? 0;
  return { cell: shape(cell.children, cellStart), paragraph: shape(p.children!, paraStart) };
}

describe('table cells read by the inline parser only when they are not plain text', () => {
  const pieces = ['a', 'ế', ' ', '%', ':', '-', '+', '[', ']', '[[', ']]', '](', '(', ')', '*', '_', '`', '!', '<', '>', '&', '&amp;', '\\', '~', '=', '#', '2023', 'tỷ lệ', '[[Tên]]', '[a](b)', '<b>', '`c`', '**d**', '![i](u)', '[r]'];
  const content = fc
    .array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 8 })
    .map((xs) => xs.join('').trim())
    .filter((s) => s.length > 0 && !s.includes('|'));

  it('a cell reads as the same content in a paragraph (random contents, with and without a link definition)', () => {
    fc.assert(
      fc.property(content, fc.boolean(), (c, withDefs) => {
        const { cell, paragraph } = readBoth(c, withDefs ? '[r]: /u\n[tên]: /v\n\n' : '');
        assert.deepEqual(cell, paragraph, JSON.stringify(c));
      }),
      { numRuns: 3000, seed: 15 },
    );
  });

  it('cases: a reference, a percentage, a link, an image, a link reference with its definition', () => {
    for (const c of ['[[Tỷ lệ dân số]] 45%', '2023-08', 'ước tính', '[a](b) c', '![i](u)', '[[a]](b)', 'a_b_', 'x & y', '&amp;', '`a|b`'.replace('|', '')]) {
      const { cell, paragraph } = readBoth(c, '');
      assert.deepEqual(cell, paragraph, c);
    }
    const { cell, paragraph } = readBoth('[r] and [[r]]', '[r]: /u\n\n');
    assert.deepEqual(cell, paragraph);
    assert.ok(JSON.stringify(cell).includes('linkReference'));
  });
});

describe('a block of text nodes masked without a typed array (mask.ts textOnly)', () => {
  it('keeps exactly its text nodes\' units, spaces elsewhere (random spans, lone surrogates, with and without a code span)', () => {
    const unit = fc.constantFrom('a', 'ế', ' ', '|', '\ud83d', '\ude00', '😀', '[', '\n');
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 60 }), fc.array(fc.nat(), { maxLength: 8 }), fc.boolean(), (units, cuts, code) => {
        const text = units.join('');
        const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const start = at.length ? at[0] : 0;
        const end = at.length ? at[at.length - 1] : text.length;
        const pos = (o: number) => ({ line: 1, column: o + 1, offset: o });
        const children: Array<{ type: string; value?: string; position: unknown }> = [];
        let expected = ' '.repeat(end - start).split('');
        for (let k = 1; k + 1 < at.length; k += 2) {
          const [s, e] = [at[k], at[k + 1]];
          const kept = !(code && k === 1);
          children.push(kept ? { type: 'text', value: text.slice(s, e), position: { start: pos(s), end: pos(e) } } : { type: 'inlineCode', value: '', position: { start: pos(s), end: pos(e) } });
          if (kept) for (let i = s; i < e; i++) expected[i - start] = text[i];
        }
        const node = { type: 'tableCell', children, position: { start: pos(start), end: pos(end) } } as unknown as Parameters<typeof maskBlock>[0];
        const block = maskBlock(node, text);
        assert.ok(block);
        assert.equal(block.start, start);
        assert.equal(block.masked, expected.join(''));
        expected = [];
      }),
      { numRuns: 3000, seed: 15 },
    );
  });
});

describe("a table row's cells cut when first asked (parse/markdown.ts table)", () => {
  it('the same cells at every ask, and in a copy of the row (spread, JSON)', () => {
    const tree = markdownItTree('| h | k |\n|---|---|\n| a | [[b]] 5% |\n');
    const row = (tree.children[0] as unknown as { children: Array<{ children: Array<{ children: Node[] }> }> }).children[1];
    const cells = row.children;
    assert.equal(row.children, cells); // cut once: every reader of the tree shares them
    assert.deepEqual(cells.map((c) => c.children.map((n) => n.value)), [['a'], ['[[b]] 5%']]);
    assert.equal({ ...row }.children, cells);
    assert.deepEqual((JSON.parse(JSON.stringify(row)) as { children: unknown[] }).children, JSON.parse(JSON.stringify(cells)));
    assert.deepEqual(Object.keys(row), ['type', 'children', 'position']);
    assert.deepEqual((structuredClone(row) as { children: unknown[] }).children, JSON.parse(JSON.stringify(cells)));
  });
  it('one accessor for every row (its own getter per row made each row a dictionary of its own in V8)', () => {
    const rows = (markdownItTree('| h |\n|---|\n| a |\n| b |\n').children[0] as unknown as { children: object[] }).children;
    const getter = (r: object) => Object.getOwnPropertyDescriptor(r, 'children')?.get;
    assert.ok(getter(rows[1]));
    assert.equal(getter(rows[1]), getter(rows[2]));
  });
});
