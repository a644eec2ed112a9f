/**
 * Untrusted workspaces: nothing a workspace file contains (a report, a catalog) can make the
 * checker take more than linear time. Each hostile shape is run at three sizes (1×, 10×, 100× its
 * repeat count) in the same process, and the time of the largest is compared with the middle one,
 * scaled to ten times the text: linear work grows about 10×, quadratic work 100×. The limit (30×)
 * leaves room for a noisy, loaded machine; no absolute time limit is asserted. The shapes are the worst cases found for the regular
 * expressions of parse/, catalog/ and rules/, for the figure binding, and for micromark (whose
 * nesting blowups parse/guard.ts defuses).
 */
import * as assert from 'node:assert/strict';
import { readFigures } from '../../server/src/core/parse/figures';
import { readPeriods } from '../../server/src/core/parse/periods';
import { parseCatalogYaml, loadDefaultCatalog } from '../../server/src/core/catalog/load';
import { Catalog, foldKey, spellingKey } from '../../server/src/core/catalog/catalog';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { fold } from '../../server/src/core/text';
import { clearContentCaches } from '../../server/src/core/caches';

/** Largest allowed t(100×) / t(10×). */
const MAX_RATIO = Number(process.env.LINEAR_MAX_RATIO) || 30;
/** Times below this are noise: a ratio is taken against at least this (ms). */
const FLOOR_MS = 2;

const FM = '---\nsession: 9\ndate: 2024-07-10\nperiod: 2024-S1\ntitle: T\n---\n';
/** Every rule but the markup detector's, which parses the report again on its own (see below). */
const service = new LanguageService({ workspace: new InMemoryWorkspace(), lang: 'en' });
service.configure({ severities: { 'unmarked-indicator': 'off' } });
/** Every rule. */
const everyRule = new LanguageService({ workspace: new InMemoryWorkspace(), lang: 'en' });
const catalog = new Catalog(loadDefaultCatalog());
let n = 0;

const checkWith = (s: LanguageService) => (text: string): unknown => {
  const uri = `file:///linear/${n++}.report.md`;
  const f = s.check(uri, text, 1);
  s.forget(uri);
  return f;
};
const check = checkWith(service);

/** Best of `repeat` runs, in ms. Each run starts afresh: the content caches (core/caches.ts) are emptied first. */
function time(f: () => unknown, repeat: number): number {
  let best = Infinity;
  for (let r = 0; r < repeat; r++) {
    clearContentCaches();
    const t0 = process.hrtime.bigint();
    f();
    best = Math.min(best, Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return best;
}

interface Shape {
  name: string;
  /** The input at repeat count k. */
  make: (k: number) => string;
  run: (text: string) => unknown;
  /** The 1× repeat count: 100× of it should take tens of milliseconds to a few seconds. */
  base: number;
}

const report = (body: (k: number) => string) => (k: number) => FM + body(k);

const shapes: Shape[] = [
  // Reports, through every rule (service.check): the parser, the binding, the readers, the rules.
  { name: 'figures then references in one sentence', make: report((k) => '1 '.repeat(k) + '[[x]] '.repeat(k)), run: check, base: 6 },
  { name: 'references then figures in one sentence', make: report((k) => '[[Tỷ lệ hồ sơ]] '.repeat(k) + '42% '.repeat(k)), run: check, base: 6 },
  { name: 'a table row of references and figures', make: report((k) => `|${' [[x]] 5% |'.repeat(k)}\n|${'---|'.repeat(k)}\n|${' [[x]] |'.repeat(k)} 5 |\n`), run: check, base: 4 },
  { name: 'unclosed [[', make: report((k) => '[['.repeat(k * 10)), run: check, base: 10 },
  { name: '[[ and ] without ]]', make: report((k) => '[[a]'.repeat(k * 5)), run: check, base: 8 },
  { name: 'heading closed by # # # …', make: report((k) => '# a' + ' #'.repeat(k * 20) + ' x\n'), run: check, base: 10 },
  { name: 'heading of spaces', make: report((k) => '## a' + ' '.repeat(k * 50) + 'x\n'), run: check, base: 20 },
  { name: 'nested list markers on one line', make: report((k) => '- '.repeat(k * 10) + '[[a]] 5%'), run: check, base: 2 },
  { name: 'nested block quotes', make: report((k) => '> '.repeat(k * 10) + '[[a]] 5%'), run: check, base: 2 },
  { name: 'ordered list markers', make: report((k) => '1. '.repeat(k * 10) + 'a'), run: check, base: 2 },
  { name: 'indented list (depth by indentation)', make: report((k) => Array.from({ length: k }, (_, i) => ' '.repeat((i * 2) % 400) + '- a 5%').join('\n')), run: check, base: 3 },
  { name: 'nested emphasis', make: report((k) => '*'.repeat(k * 10) + '[[a]] 5%' + '*'.repeat(k * 10)), run: check, base: 2 },
  { name: 'emphasis openers then closers', make: report((k) => '*a '.repeat(k * 5) + 'b*'.repeat(k * 5)), run: check, base: 2 },
  { name: 'underscores', make: report((k) => '_'.repeat(k * 10) + 'a' + '_'.repeat(k * 10)), run: check, base: 2 },
  { name: 'nested images', make: report((k) => '!['.repeat(k * 5) + 'a' + '](b)'.repeat(k * 5)), run: check, base: 2 },
  { name: 'brackets', make: report((k) => '['.repeat(k * 10) + ']'.repeat(k * 10)), run: check, base: 2 },
  { name: 'backtick runs of growing length', make: report((k) => Array.from({ length: k }, (_, i) => '`'.repeat(1 + (i % 200)) + 'a').join(' ')), run: check, base: 5 },
  { name: 'setext headings', make: report((k) => 'a\n=\n'.repeat(k * 2)), run: check, base: 3 },
  { name: 'link reference definitions', make: report((k) => '[a]: b\n'.repeat(k * 2) + '[a]'.repeat(k * 2)), run: check, base: 3 },
  { name: 'HTML comment openers', make: report((k) => '<!--'.repeat(k * 10)), run: check, base: 20 },
  { name: 'front matter of many keys', make: (k) => '---\n' + Array.from({ length: k * 5 }, (_, i) => `k${i}: v`).join('\n') + '\nsession: 1\n---\n', run: check, base: 10 },
  { name: 'front matter of nested flow collections', make: (k) => '---\na: ' + '['.repeat(k * 5) + '\n---\n', run: check, base: 20 },
  { name: 'decomposed (NFD) Vietnamese', make: report((k) => 'Tỷ lệ hồ sơ trực tuyến đạt 42%. '.normalize('NFD').repeat(k)), run: check, base: 6 },
  { name: 'CR line ends', make: report((k) => '[[Tỷ lệ hồ sơ]] đạt 42%\r'.repeat(k)), run: check, base: 4 },
  // The readers alone, on one long sentence.
  { name: 'digits', make: (k) => '1'.repeat(k * 100), run: readFigures, base: 20 },
  { name: 'dotted digits', make: (k) => '1.'.repeat(k * 50) + '5', run: readFigures, base: 20 },
  { name: 'comma digits', make: (k) => '1,'.repeat(k * 50) + '5 tỷ', run: readFigures, base: 20 },
  { name: 'slashes', make: (k) => '1/'.repeat(k * 50), run: readFigures, base: 20 },
  { name: 'dashes', make: (k) => '1-'.repeat(k * 50), run: readFigures, base: 20 },
  { name: 'qualifiers before a numeral', make: (k) => 'khoảng '.repeat(k * 20) + '5', run: readFigures, base: 20 },
  { name: 'spaces before a multiplier', make: (k) => '5' + ' '.repeat(k * 100) + 'tỷ', run: readFigures, base: 20 },
  { name: 'targets', make: (k) => '5 hồ sơ/mục tiêu '.repeat(k * 10), run: readFigures, base: 20 },
  { name: 'date words', make: (k) => 'ngày '.repeat(k * 20) + '1/2', run: readPeriods, base: 20 },
  { name: 'quarter words', make: (k) => 'quý '.repeat(k * 20), run: readPeriods, base: 20 },
  { name: 'spaces inside a period phrase', make: (k) => 'năm' + ' '.repeat(k * 50) + '2022', run: readPeriods, base: 20 },
  { name: 'dates', make: (k) => '1/1/2022 '.repeat(k * 10), run: readPeriods, base: 20 },
  // Workspace catalogs, and names looked up in the catalog.
  {
    name: 'catalog of many entries',
    make: (k) => 'indicators:\n' + Array.from({ length: k }, (_, i) => `  - id: x${i}\n    name: Chỉ tiêu ${i}\n    measure: stock\n    unit: hồ sơ\n    unitClass: count\n`).join(''),
    run: (t) => parseCatalogYaml(t, 'file:///ws/.policy-report/indicators.yaml'),
    base: 6 },
  { name: 'catalog of broken entries', make: (k) => 'indicators:\n' + '  - id: X Y\n    foo: 1\n    range: [48.000, 1]\n'.repeat(k), run: (t) => parseCatalogYaml(t, 'u'), base: 6 },
  { name: 'catalog of nested brackets', make: (k) => 'indicators: ' + '['.repeat(k * 10), run: (t) => parseCatalogYaml(t, 'u'), base: 10 },
  { name: 'catalog value with trailing blank lines', make: (k) => 'indicators:\n  - id: a' + ' \n'.repeat(k * 20), run: (t) => parseCatalogYaml(t, 'u'), base: 10 },
  { name: 'a long unknown name (suggestions)', make: (k) => 'ab '.repeat(k * 3), run: (t) => catalog.resolve(t), base: 10 },
  { name: 'name keys of a long name', make: (k) => 'Tỷ lệ hồ sơ '.repeat(k * 10), run: (t) => [fold(t), spellingKey(t), foldKey(t)], base: 10 },
];

/** Nesting shapes through every rule, the markup detector's included. */
const markupShapes: Shape[] = shapes
  .filter((s) => ['[[ and ] without ]]', 'nested list markers on one line', 'ordered list markers', 'indented list (depth by indentation)', 'nested emphasis', 'underscores', 'nested images'].includes(s.name))
  .map((s) => ({ ...s, name: `${s.name} (every rule)`, run: checkWith(everyRule) }));

function ratioTest(shape: Shape, rows: string[]): void {
  it(shape.name, () => {
    const sizes = [shape.base, shape.base * 10, shape.base * 100];
    const texts = sizes.map((k) => shape.make(k));
    shape.run(texts[0]); // warm up
    const [t1, t10, t100] = texts.map((t, i) => time(() => shape.run(t), i === 2 ? 2 : 3));
    // The time ratio for ten times the text (some shapes grow faster than k).
    const perTenfold = 10 / (texts[2].length / texts[1].length);
    const ratio = (t100 / Math.max(t10, FLOOR_MS)) * perTenfold;
    rows.push(`${shape.name}: ${texts.map((t) => t.length).join(' / ')} chars → ${[t1, t10, t100].map((t) => t.toFixed(1)).join(' / ')} ms (×${ratio.toFixed(1)})`);
    if (ratio >= MAX_RATIO) {
      // One retry: a pause of the machine (GC, another process) must not fail the suite.
      const again = (time(() => shape.run(texts[2]), 2) / Math.max(time(() => shape.run(texts[1]), 5), FLOOR_MS)) * perTenfold;
      assert.ok(again < MAX_RATIO, `${shape.name}: 100× took ${ratio.toFixed(1)}× (then ${again.toFixed(1)}×) the time of 10× — superlinear`);
    }
  });
}

describe('untrusted input: linear time (t(10× the text) / t below ' + MAX_RATIO + ')', function () {
  this.timeout(0);
  const rows: string[] = [];
  after(() => {
    for (const r of rows) console.log(`      ${r}`);
  });
  for (const shape of shapes) ratioTest(shape, rows);
  // The markup detector (server/src/core/markup/prose.ts) reads the chunks' trees too: before it
  // went through parse/guard.ts, nested markup was quadratic there (2 000 nested list markers:
  // 2.6 s; 20 000 (40 KB): 9 minutes).
  describe('the markup detector (unmarked-indicator) too', () => {
    for (const shape of markupShapes) ratioTest(shape, rows);
  });
});
