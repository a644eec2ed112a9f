/**
 * Canonical mode's words on every press set (issue 13, round 12; canonical-like-wrap.ts): canonical
 * mode marks the spans wrap mode marks (or lists), and its output is wrap's with each mark's words
 * replaced by the canonical name, taking in no word of the writer but the name's own. The random
 * prose of the same property runs in markup-bytes.test.ts. The sets still written blind are not read.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { fixturesDir } from '../helpers';
import { checkCanonicalLikeWrap, newLikeWrapTally } from './canonical-like-wrap';
import { detectMentions, markText } from '../../server/src/core/markup';

/** Press sets being written or measured blind: no test prints their sentences. */
const BLIND = new Set(['press-unmarked-held40', 'press-unmarked-held41', 'press-unmarked-held42', 'press-unmarked-held43', 'press-unmarked-held44']);

const catalog = new Catalog(loadDefaultCatalog());
const sets = readdirSync(fixturesDir).filter((d) => /^press-unmarked(?:-held\d*|-neg\d+)?$/.test(d) && !BLIND.has(d)).sort();

describe('markup: canonical mode marks what wrap marks, and writes only the name (every press set)', () => {
  let marks = 0;
  let texts = 0;
  it('finds the press sets', () => assert.ok(sets.length >= 10, sets.join(', ')));
  for (const set of sets)
    it(set, function () {
      this.timeout(600_000);
      const tally = newLikeWrapTally();
      const files = readdirSync(path.join(fixturesDir, set)).filter((f) => f.endsWith('.md')).sort();
      for (const f of files) checkCanonicalLikeWrap(readFileSync(path.join(fixturesDir, set, f), 'utf8'), catalog, `${set}/${f}`, tally);
      // The property is worth something only where the sets are marked (held18, blind until
      // round 16, has 2 wrap marks in its 4 reports: at least one mark per set, and one per file overall).
      assert.ok(tally.wrapMarks >= 1, `${set}: ${JSON.stringify(tally)}`);
      marks += tally.wrapMarks;
      texts += files.length;
    });
  it('marks at least one name per text over all the sets', () => assert.ok(marks >= texts, `${marks} wrap marks in ${texts} texts`));
});

describe('markup: canonical mode on a name other entries share', () => {
  // Facts: the statistics office's value-added share 12,33% (2023, first published) and the ministry's
  // estimate 16,5% (2023), both from https://m.thanhnien.vn/phat-trien-kinh-te-so-dat-20-gdp-vao-nam-2025-post1445066.html
  // as the default catalog notes them. Each alias belongs to one series; the canonical name is both series'.
  const text = 'Giá trị tăng thêm của kinh tế số trong GDP năm 2023 đạt 12,33%.\n\nTỷ lệ đóng góp của kinh tế số vào GDP năm 2023 ước đạt 16,5%.\n';
  it('writes the series\' compiler code, so each mark names the entry its alias named', () => {
    const marked = markText(text, detectMentions(text, catalog, { mode: 'canonical' }).mentions, 'canonical');
    const inner = [...marked.matchAll(/\[\[([^\]]+)\]\]/g)].map((m) => m[1]);
    assert.deepEqual(inner, ['Tỷ trọng kinh tế số trong GDP @ TCTK', 'Tỷ trọng kinh tế số trong GDP @ BTTTT'], marked);
    const ids = inner.map((n) => { const r = catalog.resolve(n); return 'indicator' in r ? r.indicator.id : r.kind; });
    assert.deepEqual(ids, ['digital-economy-gdp-share-gso', 'digital-economy-gdp-share-mic']);
  });
  it('keeps a name no other entry shares without a code', () => {
    const one = 'Tỷ lệ đóng góp của kinh tế số vào GDP năm 2023 ước đạt 16,5%.\n'.replace('Tỷ lệ đóng góp của kinh tế số vào GDP', 'Doanh thu kinh tế số').replace('16,5%', 'khoảng 53 tỷ USD');
    const marked = markText(one, detectMentions(one, catalog, { mode: 'canonical' }).mentions, 'canonical');
    assert.match(marked, /\[\[Doanh thu kinh tế số\]\]/);
  });
});
