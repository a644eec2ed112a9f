/**
 * A sentence too long to judge name by name (markup/long-unit.ts): over 4 000 characters it is listed
 * once as `long-sentence`, with the indicators its words may name, and nothing in it is marked; the
 * text is kept byte for byte; a sentence under the bound is judged as before. (Its linear time:
 * linear-shapes.ts "shares each with a growth clause, in one sentence".)
 */
import * as assert from 'node:assert/strict';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions, markText } from '../../server/src/core/markup';
import { LONGEST_JUDGED } from '../../server/src/core/markup/long-unit';

const catalog = new Catalog(loadDefaultCatalog());
const FRONT = '---\nsession: 3\ndate: 2024-05-01\nperiod: 2024\ntitle: t\n---\n\n';
/** One clause naming the digital economy's GDP share with its figure (facts of 2024: vietnamnet, ictvietnam). */
const CLAUSE = 'tỷ trọng kinh tế số trong GDP đạt 18,3%, ';
const sentence = (clauses: number): string => `${FRONT}Năm 2024, ${CLAUSE.repeat(clauses)}như dự báo.\n`;

describe('markup: a sentence too long to judge name by name', () => {
  for (const mode of ['wrap', 'canonical'] as const) {
    it(`${mode}: over the bound, listed once as long-sentence with its candidates, nothing marked, bytes kept`, () => {
      const text = sentence(Math.ceil((LONGEST_JUDGED + 100) / CLAUSE.length));
      const r = detectMentions(text, catalog, { mode });
      assert.equal(r.mentions.length, 0);
      const long = r.ambiguous.filter((a) => a.reason === 'long-sentence');
      assert.equal(long.length, 1);
      assert.ok(long[0].candidates.some((i) => /gdp-share/.test(i.id)), long[0].candidates.map((i) => i.id).join(', '));
      assert.match(long[0].message.en, /^A sentence of [\d,]+ characters \(over 4,000\)/);
      assert.match(long[0].message.vi, /^Câu dài [\d.]+ ký tự \(quá 4\.000\)/);
      assert.equal(markText(text, r.mentions, mode), text);
    });

    it(`${mode}: a sentence naming no index over the bound (ranks told on after a heading) is listed once too`, () => {
      const text = `${FRONT}## Chỉ số đổi mới sáng tạo toàn cầu\n\nNăm 2024, ${'Việt Nam xếp thứ 44, '.repeat(250)}như dự báo.\n`;
      const r = detectMentions(text, catalog, { mode });
      const from = text.indexOf('Năm 2024');
      assert.equal(r.mentions.filter((m) => m.start >= from).length, 0); // (the heading's own name may be marked)
      assert.deepEqual(r.ambiguous.map((a) => [a.reason, a.start]), [['long-sentence', from]]);
    });

    it(`${mode}: under the bound, the same clauses are judged (a mark, no long-sentence case)`, () => {
      const text = sentence(Math.floor((LONGEST_JUDGED - 200) / CLAUSE.length));
      const r = detectMentions(text, catalog, { mode });
      assert.ok(!r.ambiguous.some((a) => a.reason === 'long-sentence'));
      assert.ok(r.mentions.length + r.ambiguous.length > 0);
    });
  }
});
