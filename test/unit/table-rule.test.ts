/**
 * The lean table rule (parse/table-rule.ts) takes exactly the lines markdown-it's own GFM table
 * rule takes: on random texts of table-like lines (pipes, escapes, delimiter rows, blank lines,
 * indents, lists and quotes around), markdown-it with either rule gives the same block tokens
 * outside tables and, for each table, the same lines, rows and column alignments. And its count
 * of a row's cells is markdown-it's split's.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { cellCount, escapedSplit, leanTable } from '../../server/src/core/parse/table-rule';

/** markdown-it's escapedSplit (copied as it is) with the table rule's dropping of an empty first and last cell. */
function splitCount(str: string): number {
  const result = escapedSplit(str);
  if (result.length && result[0] === '') result.shift();
  if (result.length && result[result.length - 1] === '') result.pop();
  return result.length;
}

function parser(lean: boolean): MarkdownIt {
  const md = new MarkdownIt('commonmark', { html: true });
  md.enable('table');
  if (lean) md.block.ruler.at('table', leanTable, { alt: ['paragraph', 'reference'] });
  return md;
}

/** The block tokens, a table as its lines, its rows' lines and the header's alignments. */
function blocks(md: MarkdownIt, src: string): unknown[] {
  const tokens: Token[] = md.parse(src, {});
  const out: unknown[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.type === 'table_open') {
      const rows: unknown[] = [];
      const align: unknown[] = [];
      for (i++; tokens[i].type !== 'table_close'; i++) {
        if (tokens[i].type === 'tr_open') rows.push(tokens[i].map);
        if (tokens[i].type === 'th_open') align.push(tokens[i].attrGet('style'));
      }
      out.push({ table: t.map, rows, align });
    } else if (t.block) out.push([t.type, t.map, t.type === 'inline' ? t.content : null]);
  }
  return out;
}

const LINES = ['| a | b |', '|---|---|', '|:--|--:|', '| :-: | --- |', 'a | b', '--- | ---', '|x|', '| \\| | c |', 'x \\\\| y', '| a | b | c |', '', '  | a |', '    | a | b |', '- | a |', '> | a | b |', '> |---|---|', '1. x', 'text', '---', '===', '|', '||', '| a \\|', '`|` | b', '\t| a | b |'];

describe('the lean table rule (parse/table-rule.ts)', () => {
  it("counts a row's cells as markdown-it's split does", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('|', '\\', 'a', ' ', '`'), { maxLength: 12 }).map((a) => a.join('')), (s) => {
        assert.equal(cellCount(s), splitCount(s), JSON.stringify(s));
      }),
      { numRuns: 3000 },
    );
    for (const s of ['', '|', '||', '|||', '\\|', '|\\|', 'a|', '|a', '\\\\|', 'a\\|']) assert.equal(cellCount(s), splitCount(s), JSON.stringify(s));
  });

  it("takes the lines markdown-it's table rule takes, with the same rows and alignments", () => {
    const full = parser(false);
    const lean = parser(true);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...LINES), { maxLength: 14 }), (lines) => {
        const src = lines.join('\n') + '\n';
        assert.deepEqual(blocks(lean, src), blocks(full, src), JSON.stringify(src));
      }),
      { numRuns: 3000 },
    );
  });

  it('stops a table at the same row when too many cells would be filled in', () => {
    const src = `${'| a '.repeat(300)}|\n${'|---'.repeat(300)}|\n${'| x |\n'.repeat(300)}\nafter\n`;
    assert.deepEqual(blocks(parser(true), src), blocks(parser(false), src));
  });
});
