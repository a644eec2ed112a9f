/**
 * The real-prose corpus (test/fixtures/prose/corpus.yaml): sentences in the constructions of
 * public reporting on the committee's sessions and on provincial digital transformation, each with
 * its expected readings (the figure each reference binds to, its role and period, and its own
 * further figures with their series; other figures' roles and periods). Also: the corpus, as reports, draws no finding from the figure rules.
 */
import * as assert from 'node:assert/strict';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { analyzeEntry, corpusReport as report, furtherProblems, loadCorpus, measure, parseEntry, seen, type Entry } from '../prose/accuracy';

const corpus = loadCorpus('corpus.yaml');
/** The tuned part the readers get right; entries with a `gap` are known misreadings, measured by `npm run accuracy`. */
const tuned = corpus.filter((e) => !e.gap);
/** Written before the readers were changed for them, never used to change them: measured apart. */
const heldOut = loadCorpus('held-out.yaml');
/** The binder's second-figure cases: tuned, outside the corpus's count. */
const further = loadCorpus('further.yaml');
/** The reader's rule cases of the eighth round (a positive and a negative each): tuned, outside the corpus's count. */
const reading = loadCorpus('reading.yaml');

/** One entry read as expected: each reference's figure, role, period and further figures; the other figures' roles and periods. */
function checkEntry(e: Entry): void {
  const doc = parseEntry(e);
  assert.equal(doc.references.length, e.readings.length, 'references');
  e.readings.forEach(({ also, ...want }, i) => {
    const ref = doc.references[i];
    assert.deepEqual(seen(ref.figure, want), want, `reference ${i + 1} [[${ref.name}]]`);
    if (want.period && ref.figure) assert.equal(ref.period, want.period, `period of [[${ref.name}]]`);
    // Its further figures (the rank beside a score, a base with its own period, a list's other units) and their series.
    if (also) assert.deepEqual(furtherProblems(analyzeEntry(e, doc).refs[i], also), [], `further figures of [[${ref.name}]]`);
  });
  for (const want of e.figures ?? []) {
    const f = doc.figures.find((g) => g.raw.includes(want.figure ?? '\0'));
    assert.ok(f, `no figure "${want.figure}" among ${doc.figures.map((g) => g.raw).join(' | ')}`);
    assert.deepEqual(seen(f, want), want);
  }
}

describe('real-prose corpus', () => {
  it('has 300 sentences or more with a fifth held out, each with its source', () => {
    assert.ok(corpus.length + heldOut.length >= 300, `${corpus.length} + ${heldOut.length} sentences`);
    assert.ok(heldOut.length >= 60 && heldOut.length * 5 >= corpus.length + heldOut.length, `${heldOut.length} held out`);
    assert.ok(corpus.filter((e) => e.gap).length <= 2, 'known gaps (docs/accuracy.md)');
    for (const e of corpus) assert.ok(e.source && e.text && Array.isArray(e.readings), e.text);
  });

  for (const e of corpus) (e.gap ? it.skip : it)(e.gap ? `${e.text} (known gap: ${e.gap})` : e.text, () => checkEntry(e));

  describe('second figures of a name (further.yaml)', () => {
    for (const e of further) it(e.text, () => checkEntry(e));
    it('reads every further figure, role and period right', () => {
      for (const [key, a] of measure(further)) assert.equal(a.right, a.total, `${key}: ${a.right}/${a.total}\n${a.misses.join('\n')}`);
    });
  });

  describe("the reader's rule cases (reading.yaml)", () => {
    for (const e of reading) it(e.text, () => checkEntry(e));
  });

  it('reads every binding, role and period right (accuracy per role and period kind)', () => {
    for (const [key, a] of measure(tuned)) assert.equal(a.right, a.total, `${key}: ${a.right}/${a.total}\n${a.misses.join('\n')}`);
  });

  it('held out: keeps at least the accuracy measured when it was written', () => {
    // Measured on 2026-12-03 for the 66 held-out sentences (16 of the first round, 50 of the second,
    // written before the readers were changed for the grown corpus): bindings 64/67, roles 119/124,
    // periods 113/121 when written; 64, 120 and 114 after the corpus-driven fixes; 65, 121 and 116
    // after the eighth round's reading rules (the floor; the held-out part was not read to tune).
    // `npm run accuracy -- --misses` lists what is missed.
    const acc = measure(heldOut);
    const floor: Record<string, [number, number]> = { binding: [65, 67], role: [121, 124], period: [116, 121] };
    for (const [key, [right, total]] of Object.entries(floor)) {
      const a = acc.get(key)!;
      assert.equal(a.total, total, `${key}: total`);
      assert.ok(a.right >= right, `${key} ${a.right}/${a.total}, below the floor ${right}\n${a.misses.join('\n')}`);
    }
    for (const e of heldOut) assert.ok(e.source && e.text, e.text);
  });

  it('draws no finding from the figure rules on the corpus (consistent text)', () => {
    const FIGURE_RULES = new Set([
      'unit-mismatch', 'percent-out-of-range', 'count-decimals', 'english-decimal', 'fraction-exceeds-whole', 'fraction-percent-mismatch',
      'parts-total-mismatch', 'rank-change-mismatch', 'figure-conflict', 'implied-base-conflict', 'stock-decrease', 'denominator-mismatch',
      'series-outlier', 'target-claim', 'wrong-series',
    ]);
    const service = new LanguageService({ workspace: new InMemoryWorkspace(), lang: 'en' });
    const groups = new Map<string, string[]>();
    // (further.yaml and reading.yaml too: the further figures enter the history, and consistent text stays silent.)
    for (const e of [...tuned, ...further, ...reading]) {
      const key = `${e.period}\0${e.date ?? '2024-07-10'}`;
      groups.set(key, [...(groups.get(key) ?? []), e.text]);
    }
    const all: string[] = [];
    for (const [key, texts] of groups) {
      const [period, date] = key.split('\0');
      const uri = `file:///corpus-${period}-${date}.report.md`;
      const findings = service.check(uri, report(period, texts.join('\n\n'), date), 1).filter((f) => FIGURE_RULES.has(f.code));
      all.push(...findings.map((f) => `${key.replace('\0', ' ')} ${f.code}: ${f.message}`));
    }
    assert.deepEqual(all, []);
  });
});
