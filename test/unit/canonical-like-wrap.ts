/**
 * Canonical mode marks what wrap mode marks, and writes only the name (issue 13, round 12). For one
 * text: every wrap mark has a canonical mark on the same words with the same indicator and series
 * (or canonical mode marked that entry earlier in the sentence, at a variant wrap only lists);
 * a canonical mark wrap does not make is listed by wrap at its words (a variant wrap would not
 * rewrite, a name canonical inserts); and the canonical output is the text with each canonical
 * mark's span replaced by `[[canonical name]]`, where the span is the mention's words plus at most
 * the writer's words right beside them that the canonical name itself says at its start or end
 * (mention.ts absorbNameWords): never another word of the writer ("tăng tương" swallowed before
 * "ứng 56,52%" in round 11). Shared by markup-bytes.test.ts (random prose, fixture texts) and
 * markup-canonical.test.ts (every press set).
 */
import * as assert from 'node:assert/strict';
import type { Catalog } from '../../server/src/core/catalog';
import { foldKey } from '../../server/src/core/catalog';
import { detectMentions, markText } from '../../server/src/core/markup';
import type { Mention } from '../../server/src/core/markup/types';

/** Folded words of a text (letters and digits), as the name is compared word by word. */
const wordsOf = (s: string): string[] => foldKey(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** What one text gave: marks in each mode, canonical marks wrap only lists, words taken in. */
export interface LikeWrapTally {
  texts: number;
  wrapMarks: number;
  canonicalMarks: number;
  listedInWrap: number;
  absorbed: number;
  /** Wrap marks canonical mode leaves for a variant of the same entry it marked earlier in the sentence. */
  variantInstead: number;
}

export function newLikeWrapTally(): LikeWrapTally {
  return { texts: 0, wrapMarks: 0, canonicalMarks: 0, listedInWrap: 0, absorbed: 0, variantInstead: 0 };
}

/** Checks the property on `text` (see the module comment); `where` names it in a failure. */
export function checkCanonicalLikeWrap(text: string, catalog: Catalog, where: string, tally: LikeWrapTally): void {
  tally.texts++;
  const wrap = detectMentions(text, catalog, { mode: 'wrap' });
  const canon = detectMentions(text, catalog, { mode: 'canonical' });
  tally.wrapMarks += wrap.mentions.length;
  tally.canonicalMarks += canon.mentions.length;
  const show = (m: Mention) => `"${m.text}" (${m.indicator.id}) at ${m.start}: …${text.slice(Math.max(0, m.start - 40), m.end + 40).replace(/\s+/g, ' ')}…`;
  // The same marks: each wrap mark in canonical mode, on the same words, of the same entry and series.
  for (const w of wrap.mentions) {
    const c = canon.mentions.find((x) => x.start === w.start);
    if (!c) {
      // Canonical mode marked the entry at a variant of the sentence wrap could only list (its
      // first name); wrap marked a later name of the same entry in its stead.
      const variant = canon.mentions.find((x) => x.indicator === w.indicator && x.sentence.start === w.sentence.start && x.start < w.start && !wrap.mentions.some((y) => y.start === x.start));
      assert.ok(variant, `${where}: wrap marks ${show(w)}; canonical mode does not`);
      tally.variantInstead++;
      continue;
    }
    assert.equal(c.end, w.end, `${where}: canonical mode marks other words than wrap: ${show(c)} against ${show(w)}`);
    assert.equal(c.indicator, w.indicator, `${where}: canonical mode gives ${show(c)} another entry than wrap (${w.indicator.id})`);
    assert.equal(c.compiler, w.compiler, `${where}: canonical mode gives ${show(c)} another series than wrap`);
  }
  // A mark of canonical mode only: wrap lists it at its words (it would have to rewrite them).
  for (const c of canon.mentions) {
    if (wrap.mentions.some((w) => w.start === c.start)) continue;
    // (a header cell's measure noun and abbreviation, "Giá trị DTI 2024": wrap marks the abbreviation
    // inside the words canonical rewrites, the same entry; table-named-measure.ts wrapFrom, reading.md §71)
    if (wrap.mentions.some((w) => w.indicator === c.indicator && w.start > c.start && w.end <= c.end)) continue;
    assert.ok(
      wrap.ambiguous.some((a) => a.start <= c.start && c.start <= a.end),
      `${where}: canonical mode marks ${show(c)}; wrap mode neither marks nor lists it`,
    );
    tally.listedInWrap++;
  }
  // The words: the canonical output is the text with each span replaced by the name, and a span
  // goes beyond the mention's words only over words the name says at its edge.
  const sorted = [...canon.mentions].sort((a, b) => a.canonicalSpan.start - b.canonicalSpan.start);
  let expected = '';
  let at = 0;
  for (const c of sorted) {
    const { start, end } = c.canonicalSpan;
    assert.ok(start <= c.start && c.end <= end && start >= at, `${where}: the canonical span of ${show(c)} does not cover its words, or overlaps another`);
    const name = wordsOf(c.indicator.name);
    const before = text.slice(start, c.start);
    const after = text.slice(c.end, end);
    assert.doesNotMatch(before + after, /[\r\n\p{N},.;:()%]/u, `${where}: canonical mode takes "${before}|${after}" in with ${show(c)}`);
    const wb = wordsOf(before);
    const wa = wordsOf(after);
    assert.deepEqual(wb, name.slice(0, wb.length), `${where}: canonical mode swallows "${before}" before ${show(c)}: not the start of "${c.indicator.name}"`);
    assert.deepEqual(wa, wa.length ? name.slice(-wa.length) : [], `${where}: canonical mode swallows "${after}" after ${show(c)}: not the end of "${c.indicator.name}"`);
    if (wb.length || wa.length) tally.absorbed++;
    const inner = c.compiler ? `${c.indicator.name} @ ${c.compiler}` : catalog.referenceName(c.indicator);
    expected += text.slice(at, start) + (start === end ? `[[${inner} ]]` : `[[${inner}]]`);
    at = end;
  }
  expected += text.slice(at);
  assert.equal(markText(text, canon.mentions, 'canonical'), expected, `${where}: the canonical output is not the text with each mark's words replaced by its canonical name`);
}
