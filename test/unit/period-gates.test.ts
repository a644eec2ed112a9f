/**
 * The period reader's gates (parse/periods.ts GATES: a cheap necessary condition of each pattern,
 * tested before the pattern's own scan) change no reading: every period phrase and every figure
 * read with the gates is the one read without them, on every line of the fixtures, the examples and
 * the docs, the bench's generated sessions, and random texts of period words, numerals and
 * separators (fast-check; FC_NUM_RUNS scales it, FC_SEED explores).
 */
import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import * as path from 'node:path';
import * as fc from 'fast-check';
import { readFigures } from '../../server/src/core/parse/figures';
import { readPeriods, withoutPeriodGates } from '../../server/src/core/parse/periods';
import { repoRoot } from '../helpers';
// The bench's generator of synthetic sessions (plain JavaScript).
import { sizedReport } from '../../bench/workspace.mjs';

const RUNS = Number(process.env.FC_NUM_RUNS) || 30;
// A fixed seed, so that CI is reproducible; FC_SEED explores others.
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261204;

function reading(text: string) {
  return { periods: readPeriods(text, { all: true }), figures: readFigures(text) };
}

function assertSameReading(text: string): void {
  const gated = reading(text);
  const plain = withoutPeriodGates(() => reading(text));
  assert.deepStrictEqual(gated, plain, JSON.stringify(text));
}

function markdownFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) markdownFiles(p, out);
    else if (name.endsWith('.md')) out.push(p);
  }
  return out;
}

// Words and marks the period patterns are made of, and their near misses.
const PIECES = [
  'năm', 'Năm', 'tháng', 'quý', 'Quý', 'ngày', 'sáng', 'chiều', 'tối', 'trưa', 'đêm', 'hôm', 'đầu', 'cuối', 'hết', 'nửa', 'sáu',
  'cùng', 'kỳ', 'kì', 'trước', 'ngoái', 'so', 'sánh', 'với', 'trong', 'đến', 'tính', 'từ', 'giai đoạn', 'vào', 'lần', 'đợt', 'đánh giá',
  'I', 'II', 'III', 'IV', 'i', 'iv', '1', '2', '6', '9', '12', '13', '25', '31', '02', '2019', '2021', '2023', '2025', '1899', '2200', '20234',
  '/', '-', '.', ',', '–', '—', ' ', '  ', '   ', '    ', '\n', 'tăng', '8,5%', '40.590', 'tỷ', 'USD', 'xã', 'thángg', 'nămm', '(', ')',
];
const pieceText = fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).chain((words) =>
  fc.array(fc.constantFrom('', ' ', '', '  '), { minLength: words.length, maxLength: words.length }).map((gaps) => words.map((w, i) => w + gaps[i]).join('')),
);

describe('period gates: the same readings with and without', () => {
  it('on every line of the fixtures, examples and docs', () => {
    let lines = 0;
    for (const dir of ['test/fixtures', 'examples', 'docs']) {
      for (const file of markdownFiles(path.join(repoRoot, dir))) {
        for (const line of readFileSync(file, 'utf8').split('\n')) {
          if (!/\d|năm|tháng|quý|cùng/i.test(line)) continue;
          assertSameReading(line);
          lines++;
        }
      }
    }
    assert.ok(lines > 1000, `${lines} lines read`);
  });

  it("on the bench's generated sessions, line by line", () => {
    for (const s of [1, 50, 120, 200]) {
      for (const line of sizedReport({ s, sessions: 200, kb: 12, mistakes: true }).split('\n')) if (line.trim()) assertSameReading(line);
    }
  });

  it('on random texts of period words, numerals and separators', () => {
    fc.assert(fc.property(pieceText, (text) => assertSameReading(text)), { numRuns: RUNS * 100, seed: SEED, endOnFailure: true });
  });
});
