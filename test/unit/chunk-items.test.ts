/**
 * The cuts between the items of a long flat list (parse/chunks.ts: a list of thousands of items
 * with no blank line is cut every few kilobytes, so that micromark never holds the whole list):
 * the chunked parse must give exactly the model of the parse as one piece, whatever runs on into
 * an item line (a fence, an HTML block, a table, a paragraph, a nested item, a lazy line, a block
 * quote), and the cuts must happen.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseReport } from '../../server/src/core/parse/document';
import { chunkStarts, ChunkCache, mapChunks } from '../../server/src/core/parse/chunks';
import { defuseMarkdown } from '../../server/src/core/parse/guard';
import { clearContentCaches } from '../../server/src/core/caches';
import { work } from '../../server/src/core/work';

const RUNS = Number(process.env.FC_NUM_RUNS) || 40;
const SEED = Number(process.env.FC_SEED) || 20261203;
const FM = '---\nsession: 2\ndate: 2024-07-10\nperiod: 2024-S1\ntitle: T\n---\n';

const model = (t: string, whole: boolean) => {
  const { uri: _u, lines: _l, ...rest } = parseReport(t, 'file:///items.report.md', { whole });
  return rest;
};

/** Item lines (a cut may fall before any of them) and lines that may run on into the next one. */
const itemLine = fc.constantFrom('- Tỷ lệ hồ sơ trực tuyến đạt 42%.', '* [[Tỷ lệ hồ sơ]] 12%', '+ c; 7 hồ sơ', '- [[x]] đạt 5%, tăng 2 điểm', '-\tmột tab 3%', '- ```', '- <!--', '- | a | b |');
const otherLine = fc.constantFrom(
  '```', '~~~', '````', '<!--', '-->', '<div>', '</div>', '<pre>', '</pre>', '<script>', '</script>',
  '| a | b |', '|---|---|', '| [[x]] | 5% |', 'Một đoạn văn 9%.', '  tiếp theo 3%', '    mã', '> trích 5%', '>', '1. một', '2. hai 4%',
  '  - lồng 6%', '- - -', '* * *', '---', '===', 'a', '', '  ```', '  <!--', '-', '*', '    - mã trong mục', '- [[y]]: a',
);
const line = fc.oneof({ weight: 5, arbitrary: itemLine }, { weight: 2, arbitrary: otherLine });
/** Enough lines for several cuts (a cut needs some 4 KB of text before it), after a front matter, none, or an unclosed one. */
const longList = fc
  .tuple(fc.constantFrom(FM, '', '---\n', '\uFEFF---\n'), fc.array(line, { minLength: 300, maxLength: 900 }), fc.constantFrom('\n', '\n', '\r\n', '\r'))
  .map(([head, ls, eol]) => head + ls.join(eol) + eol);

describe('chunks: cuts between the items of a long list', function () {
  this.timeout(0);

  it('the chunked parse gives exactly the model of the parse as one piece', () => {
    let cut = 0;
    fc.assert(
      fc.property(longList, (text) => {
        fc.pre(defuseMarkdown(text) === text);
        clearContentCaches();
        if (chunkStarts(text).length > 1) cut++;
        assert.deepEqual(model(text, false), model(text, true));
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
    assert.ok(cut > RUNS / 2, `only ${cut} of ${RUNS} texts were cut`);
  });

  it('a flat list of 20 000 items is parsed in pieces of a few kilobytes, and reads as in one piece', () => {
    const text = FM + Array.from({ length: 20_000 }, (_, i) => `- Mục ${i}: [[Tỷ lệ hồ sơ]] đạt ${i % 100}%`).join('\n') + '\n';
    work.largestParse = 0;
    clearContentCaches();
    const pieces = mapChunks(text, new ChunkCache<null>(0), () => null);
    assert.ok(pieces.length > 50, `${pieces.length} pieces`);
    assert.ok(work.largestParse < 8 * 1024, `largest piece ${work.largestParse} characters`);
    const chunked = model(text, false);
    assert.equal(chunked.references.length, 20_000);
    assert.deepEqual(chunked, model(text, true));
  });

  it('an unclosed front matter: the text is cut as any other, and the problem is still reported', () => {
    const text = '---\n' + 'Tỷ lệ hồ sơ 12%.\n\n'.repeat(2000);
    assert.ok(chunkStarts(text).length > 1000);
    const doc = model(text, false);
    assert.deepEqual(doc, model(text, true));
    assert.ok(doc.problems.some((p) => p.message.en.includes('not closed')));
  });
  it('a text with no CR is cut where the same text with a CR line end after its last line is cut', () => {
    // chunkStarts reads LF-only texts line by line with indexOf, others character by character: the
    // trailing CR (a line end after the last line, where no chunk can start) sends the same lines
    // down the other path.
    const blankish = fc.constantFrom('', ' ', '\t', '  \t ', '   ');
    const anyLine = fc.oneof(line, blankish, blankish);
    fc.assert(
      fc.property(fc.constantFrom(FM, '', '---\n'), fc.array(anyLine, { minLength: 1, maxLength: 1500 }), (head, ls) => {
        const text = head + ls.join('\n');
        assert.deepEqual(chunkStarts(text), chunkStarts(`${text}\r`));
      }),
      { numRuns: RUNS * 5, seed: SEED },
    );
  });
});
