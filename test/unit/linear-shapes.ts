/**
 * The hostile shapes of the linear-time tests: each a text at repeat count k and what reads it. The
 * worst cases found for the regular expressions of parse/, catalog/ and rules/, for the figure
 * binding, for micromark (whose nesting blowups parse/guard.ts defuses), and the reproductions of
 * issue 12 (a paragraph of numbers, an unclosed front matter, a long line of figures, a flat list).
 * Used by work-linear.test.ts (work counted) and faults-linear-time.test.ts (time, secondary).
 */
import { readFigures } from '../../server/src/core/parse/figures';
import { readPeriods } from '../../server/src/core/parse/periods';
import { markdownItTree } from '../../server/src/core/parse/markdown';
import { mayHoldUnitFigure } from '../../server/src/core/markup/unit-told';
import { carriedPeriod } from '../../server/src/core/markup/judge';
import { networkSetElsewhere } from '../../server/src/core/markup/subjects';
import { namesNation } from '../../server/src/core/markup/nation-base';
import { parseVietnameseNumber } from '../../server/src/core/parse/numbers';
import { parseCatalogYaml, loadDefaultCatalog } from '../../server/src/core/catalog/load';
import { Catalog, foldKey, spellingKey } from '../../server/src/core/catalog/catalog';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { fold } from '../../server/src/core/text';

export const FM = '---\nsession: 9\ndate: 2024-07-10\nperiod: 2024-S1\ntitle: T\n---\n';
/** Every rule but the markup detector's, which parses the report again on its own (see below). */
export const service = new LanguageService({ workspace: new InMemoryWorkspace(), lang: 'en' });
service.configure({ severities: { 'unmarked-indicator': 'off' } });
/** Every rule. */
export const everyRule = new LanguageService({ workspace: new InMemoryWorkspace(), lang: 'en' });
const catalog = new Catalog(loadDefaultCatalog());
let n = 0;

export const checkWith = (s: LanguageService) => (text: string): unknown => {
  const uri = `file:///linear/${n++}.report.md`;
  const f = s.check(uri, text, 1);
  s.forget(uri);
  return f;
};
export const check = checkWith(service);

export interface Shape {
  name: string;
  /** The input at repeat count k. */
  make: (k: number) => string;
  run: (text: string) => unknown;
  /** The 1× repeat count: 100× of it should take tens of milliseconds to a few seconds. */
  base: number;
  /**
   * The engine's own string builtins that `run` is made of, on the same text: where the time of those
   * builtins alone is not linear across the sizes (V8's normalize and global replace on strings of 10⁴–10⁵
   * characters: ×12–30 for ten times the text, run to run, as the heap and caches go), the shape is held to
   * twice the peer's ratio measured in the same run, not to the fixed limit.
   */
  peer?: (text: string) => unknown;
}

const report = (body: (k: number) => string) => (k: number) => FM + body(k);

export const shapes: Shape[] = [
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
  {
    name: 'name keys of a long name',
    make: (k) => 'Tỷ lệ hồ sơ '.repeat(k * 10),
    run: (t) => [fold(t), spellingKey(t), foldKey(t)],
    // 3 600 to 360 000 characters: at 1 200 to 120 000 the builtins' ratio alone reached 29.
    base: 30,
    peer: (t) => [t.normalize('NFD').toLowerCase().replace(/\s+/g, ' ').trim(), t.normalize('NFD').replace(/[\p{L}\p{M}]+/gu, (w) => w.toUpperCase())],
  },
];

/** `length` characters of `alphabet`, the same for the same arguments (a fixed-seed generator). */
function randomText(alphabet: string, length: number): string {
  let seed = 42;
  const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('');
}

/**
 * The hostile inputs of figures.test.ts, periods.test.ts and numbers.test.ts ("finishes on hostile
 * input") that the shapes above do not already cover, timed by faults-linear-time.test.ts only (CPU
 * time, ratio of 100× to 10×): those tests asserted a wall-clock limit (1-3 s at 100 000
 * characters), which a loaded machine can pass; they keep what they check of the result.
 */
export const readerShapes: Shape[] = [
  { name: 'figures: digits and commas', make: (k) => '12,'.repeat(k * 30), run: readFigures, base: 20 },
  { name: 'figures: slashes only', make: (k) => '/'.repeat(k * 100), run: readFigures, base: 20 },
  { name: 'figures: quarter words then a period', make: (k) => 'quý '.repeat(k * 25) + 'I/2022', run: readFigures, base: 20 },
  { name: 'figures: years', make: (k) => 'năm 2022 '.repeat(k * 10), run: readFigures, base: 20 },
  { name: 'figures: spaces then a number', make: (k) => ' '.repeat(k * 100) + '5%', run: readFigures, base: 20 },
  { name: 'figures: a long word after a number', make: (k) => '5 ' + 'x'.repeat(k * 100), run: readFigures, base: 20 },
  { name: 'figures: letters then a number', make: (k) => 'a'.repeat(k * 100) + '5', run: readFigures, base: 20 },
  { name: 'figures: many figures', make: (k) => 'tăng trên 5 triệu hồ sơ so với cuối năm 2022, '.repeat(k * 2), run: readFigures, base: 20 },
  { name: 'figures: random characters of numbers and periods', make: (k) => randomText('0123456789.,/-–: %()[]“”khoảngtrêntăngtỷtriệuquýInămthứ', k * 100), run: readFigures, base: 100 },
  { name: 'periods: year words then a year', make: (k) => 'năm '.repeat(k * 25) + '2022', run: (t) => readPeriods(t, { all: true }), base: 20 },
  { name: 'periods: slashes', make: (k) => '1/'.repeat(k * 50), run: (t) => readPeriods(t, { all: true }), base: 20 },
  { name: 'periods: dashes', make: (k) => '1-1-'.repeat(k * 25), run: (t) => readPeriods(t, { all: true }), base: 20 },
  { name: 'periods: comparison words', make: (k) => 'cùng kỳ '.repeat(k * 12), run: (t) => readPeriods(t, { all: true }), base: 20 },
  { name: 'periods: spaces', make: (k) => ' '.repeat(k * 100), run: (t) => readPeriods(t, { all: true }), base: 20 },
  { name: 'numbers: dotted ones', make: (k) => '1.'.repeat(k * 100) + '1', run: parseVietnameseNumber, base: 20 },
  { name: 'numbers: dotted groups', make: (k) => '123.'.repeat(k * 30) + '123', run: parseVietnameseNumber, base: 20 },
  { name: 'numbers: nines', make: (k) => '9'.repeat(k * 100), run: parseVietnameseNumber, base: 20 },
  // A paragraph's ends trimmed (parse/markdown-blocks.ts): a regex's `[ \t]+$` retried from every blank of a run
  // inside the text (an 800 KB paragraph of blanks: over 120 s before round 34).
  { name: 'markdown: a paragraph with a long run of blanks inside', make: (k) => 'a' + ' '.repeat(k * 100) + 'b\n', run: markdownItTree, base: 20 },
  // "thành phố" standing for a province (markup/unit-told.ts): the words after it read in a bounded window, not by a
  // lookahead whose `\s*,?\s*` splits a long run of blanks every way (20 000 blanks: 0.74 s before round 34's fix).
  { name: 'unit-told: a province word before a long run of blanks', make: (k) => 'thứ 3, thành phố' + ' '.repeat(k * 100) + 'b', run: mayHoldUnitFigure, base: 20 },
  // A move's base year (markup/moved-from.ts, round 35): every phrase a base, each tried against the next one only.
  { name: 'moved-from: a chain of moves, every year a base', make: (k) => 'từ hạng 1 năm 2022 lên hạng 2 '.repeat(k * 10) + 'năm 2023', run: (t) => carriedPeriod(t, '2024'), base: 20 },
  { name: 'moved-from: "từ" and a figure before a long run of blanks', make: (k) => 'từ hạng 15' + ' '.repeat(k * 100) + 'năm 2022 lên hạng 11 năm 2023', run: (t) => carriedPeriod(t, '2024'), base: 20 },
  // A network named alone looked behind (markup/subjects.ts networkSetElsewhere, §83.3; its caller hands it 120
  // characters, the reader itself scans what it is given): sentence ends and blanks. (upload-figure.ts reads a
  // fixed 64 characters before the figure: no shape, nothing grows with the text.)
  { name: 'network-elsewhere: sentence ends and blanks before a network', make: (k) => 'Tại Hà Nội. '.repeat(k * 10) + ' '.repeat(k * 100), run: networkSetElsewhere, base: 20 },
  // The nation as a comparison base (markup/nation-base.ts, round 35): every blank run of its pattern bounded, so a
  // comparative and an average word before a long run of blanks, or repeated, are read once each.
  { name: 'nation-base: a comparison before a long run of blanks', make: (k) => 'cao hơn bình quân' + ' '.repeat(k * 100) + 'cả nước', run: namesNation, base: 20 },
  { name: 'nation-base: comparisons repeated', make: (k) => 'cao hơn mức trung bình chung của cả nước, '.repeat(k * 3), run: namesNation, base: 20 },
];

/** Nesting shapes through every rule, the markup detector's included. */
export const markupShapes: Shape[] = shapes
  .filter((s) => ['[[ and ] without ]]', 'nested list markers on one line', 'ordered list markers', 'indented list (depth by indentation)', 'nested emphasis', 'underscores', 'nested images'].includes(s.name))
  .map((s) => ({ ...s, name: `${s.name} (every rule)`, run: checkWith(everyRule) }));


/**
 * The reproductions of issue 12, through every rule (the markup detector's included): each took
 * from 20 s to over a minute at the size given (k ≈ 10 000 repeats) before it was made linear.
 */
export const issueShapes: Shape[] = [
  // A 160 KB paragraph of numbers: 45 s (every token looked through every numeral's interval).
  { name: 'a paragraph of numbers', make: report((k) => '12 345 67,8 9% '.repeat(k)), run: checkWith(everyRule), base: 40 },
  { name: 'a paragraph of names and numbers', make: report((k) => 'Tỷ lệ hồ sơ trực tuyến 12 345 67,8 9% '.repeat(k)), run: checkWith(everyRule), base: 20 },
  // An unclosed front matter of 1 MB: over 60 s and 1.26 GB.
  { name: 'an unclosed front matter', make: (k) => '---\n' + 'a: b c d e f 12\n'.repeat(k), run: checkWith(everyRule), base: 40 },
  { name: 'an unclosed front matter over paragraphs', make: (k) => '---\n' + 'Tỷ lệ hồ sơ 12%.\n\n'.repeat(k), run: checkWith(everyRule), base: 40 },
  // A 5 MB single line with figures: over 60 s.
  { name: 'one line of figures (one sentence)', make: report((k) => 'Tỷ lệ hồ sơ trực tuyến đạt 42%, '.repeat(k)), run: checkWith(everyRule), base: 20 },
  { name: 'one line of figures (sentences)', make: report((k) => 'Tỷ lệ hồ sơ trực tuyến đạt 42%. '.repeat(k)), run: checkWith(everyRule), base: 20 },
  { name: 'one line of marked figures', make: report((k) => '[[Tỷ lệ hồ sơ trực tuyến]] đạt 42%, '.repeat(k)), run: checkWith(everyRule), base: 20 },
  // A flat list of 80 000 items: 22 s and 2.6 GB.
  { name: 'a flat list', make: report((k) => '- Tỷ lệ hồ sơ 5%\n'.repeat(k)), run: checkWith(everyRule), base: 40 },
  { name: 'a flat list of marked figures', make: report((k) => '* [[Tỷ lệ hồ sơ trực tuyến]] đạt 5%\n'.repeat(k)), run: checkWith(everyRule), base: 40 },
  // A long section of pillars written in part (markup/pillars.ts read the whole section before each: 22 s at 1 000 paragraphs).
  { name: 'a section of pillars written in part', make: report((k) => '# Chỉ số an toàn, an ninh mạng toàn cầu\n\n' + 'Trụ cột pháp lý của Việt Nam đạt 20/20 điểm.\n\n'.repeat(k)), run: checkWith(everyRule), base: 20 },
  // One index over a list of provinces (parse/subject-list.ts): items after a colon, ";" between them, references among them.
  { name: 'figures joined by "và" after a forecast word (markup/judge.ts forecast walks back over them)', make: report((k) => 'Dự báo doanh thu kinh tế số năm 2025 đạt ' + '10 tỷ USD và '.repeat(k) + '12 tỷ USD.'), run: checkWith(everyRule), base: 20 },
  { name: 'a list of provinces after a colon', make: report((k) => 'Thứ hạng DTI năm 2022 như sau: ' + 'Yên Bái thứ 15, [[DTI]] Điện Biên thứ 35; '.repeat(k)), run: checkWith(everyRule), base: 10 },
  { name: 'provinces, "lần lượt" and figures before names', make: report((k) => 'Hà Nội, '.repeat(k) + 'Huế lần lượt đứng thứ ' + '1, '.repeat(k) + '2 về [[DTI]]. ' + 'Theo [[DTI]], Hà Nội và Huế lần lượt đứng thứ 1 và 2. '.repeat(k)), run: checkWith(everyRule), base: 6 },  // (parse/scoped-ranks.ts: each world rank walks its chain of regional ranks, at most one per scope)
  { name: 'world ranks, their moves and regional ranks in a row', make: report((k) => '[[Xếp hạng EGDI]] đứng thứ 86/193, tăng 2 bậc so với năm 2018; xếp thứ 23 ở châu Á và thứ 6 trong ASEAN, '.repeat(k) + 'thứ 5 trong ASEAN.'), run: checkWith(everyRule), base: 10 },
  // A share then its growth in sentence after sentence, and a share whose whole runs on before a growth clause (markup/share-growth.ts:
  // each name's percent and the names after it found by halving, the words between read only up to 160 characters).
  // (Many shares in one sentence are superlinear before this reader too, ×98 with it off: the detector's names of one sentence.)
  // Many shares in one sentence with no full stop: a sentence over 4 000 characters is listed once, not judged name by
  // name (markup/long-unit.ts; a 136 KB one took 65 s to check before round 35, every name reading the whole sentence).
  { name: 'shares each with a growth clause, in one sentence', make: report((k) => 'Năm 2024, ' + 'tỷ trọng kinh tế số trong GDP đạt 18,3%, tốc độ tăng trưởng 20%, '.repeat(k) + 'như dự báo.'), run: checkWith(everyRule), base: 10 },
  { name: "Việt Nam's ranks in one sentence naming no index, after a heading that names one", make: report((k) => '## Chỉ số đổi mới sáng tạo toàn cầu\n\nNăm 2024, ' + 'Việt Nam xếp thứ 44, '.repeat(k) + 'như dự báo.'), run: checkWith(everyRule), base: 30 },
  { name: 'shares each with a growth clause, sentence after sentence', make: report((k) => 'Năm 2024, tỷ trọng kinh tế số trong GDP đạt 18,3%, tốc độ tăng trưởng 20%. '.repeat(k)), run: checkWith(everyRule), base: 10 },
  { name: 'a share whose whole runs on before a growth clause', make: report((k) => 'Năm 2024, kinh tế số chiếm 18,3% GDP' + ' và GDP'.repeat(k) + ', tốc độ tăng trưởng 20%.'), run: checkWith(everyRule), base: 20 },
  { name: 'provinces, "lần lượt" and figures before names', make: report((k) => 'Hà Nội, '.repeat(k) + 'Huế lần lượt đứng thứ ' + '1, '.repeat(k) + '2 về [[DTI]]. ' + 'Theo [[DTI]], Hà Nội và Huế lần lượt đứng thứ 1 và 2. '.repeat(k)), run: checkWith(everyRule), base: 6 },
  // Round 35 (neg35): publication days, gaps against a base and a published edition's lead (parse/document-date.ts, difference.ts, published-lead.ts).
  { name: 'publication days and gaps "ít hơn … so với" in one sentence', make: report((k) => 'Kết quả công bố ngày 26/4 '.repeat(k) + '[[Tỷ lệ người sử dụng Internet]] ít hơn 5% '.repeat(k) + 'so với cùng kỳ.'), run: checkWith(everyRule), base: 10 },
  { name: 'a half-year review then "công bố" and many words before the year', make: report((k) => 'Tại hội nghị sơ kết 6 tháng đầu năm 2023, Bộ công bố kết quả ' + 'đánh giá '.repeat(k) + '(DTI) năm 2022. Nam Định xếp thứ 10/63 về [[DTI]].'), run: checkWith(everyRule), base: 20 },
];
