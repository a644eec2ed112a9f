/**
 * Property-based tests (fast-check) of the parser, the figure and period readers, the number
 * reader, every rule and every quick fix: for any text, nothing throws, nothing stalls (a time
 * budget per case), every range is inside the document, and applying a quick fix removes its
 * finding and changes nothing outside the edit.
 *
 * Inputs are biased toward the dialect (front matter, `[[names]]` from the catalog, Vietnamese
 * figures, tables, code spans, HTML comments) and mixed with raw UTF-16 (lone surrogates, NUL,
 * CR/LF mixes, combining marks, BOMs) and a few huge shapes (long lines, thousands of `[[`, deep
 * nesting, wide tables).
 *
 * Runs: `FC_NUM_RUNS` scales every property (default below, for a fast `npm test`);
 * `FC_SEED` replays a run; `FC_HUGE_MAX` sets the largest repeat count of the huge shapes (1 500);
 * `FC_CASE_BUDGET_MS` the time budget of one case. The slowest case of each property is printed.
 */
import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { parseReport } from '../../server/src/core/parse/document';
import { chunkStarts, holdsNoReference } from '../../server/src/core/parse/chunks';
import { historyDocument } from '../../server/src/core/history/snapshot';
import { readFigures } from '../../server/src/core/parse/figures';
import { readPeriods } from '../../server/src/core/parse/periods';
import { parseVietnameseNumber, prepareScan } from '../../server/src/core/parse/numbers';
import { defuseMarkdown } from '../../server/src/core/parse/guard';
import { parseCatalogYaml } from '../../server/src/core/catalog/load';
import { LanguageService } from '../../server/src/core/service';
import { InMemoryWorkspace } from '../../server/src/core/workspace';
import { LineIndex } from '../../server/src/core/text';
import type { Finding, Position, Range, TextEditData } from '../../server/src/core/types';
import { catalogNames, rawString, reference, sentence, frontMatter, block, blankLines, report, fixtures, mutatedFixture } from './arbitraries';

/** Default number of runs per property; FC_NUM_RUNS overrides it (e.g. 20000 for a campaign). */
const RUNS = Number(process.env.FC_NUM_RUNS) || 30;
// A fixed seed, so that CI is reproducible; FC_SEED explores others.
const SEED = process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261204;
/** Time budget of one case (parse + check + every fix re-checked), generous for a loaded CI machine. */
const CASE_BUDGET_MS = Number(process.env.FC_CASE_BUDGET_MS) || 10000;

const params = (runs = RUNS): fc.Parameters<unknown> => ({ numRuns: runs, seed: SEED, endOnFailure: true });

// ---------------------------------------------------------------------------------------------
// Arbitraries

/** Big shapes, at a size chosen by fast-check (kept moderate: the linear-time tests go bigger). */
const HUGE_MAX = Number(process.env.FC_HUGE_MAX) || 1500;
const huge = fc.tuple(fc.integer({ min: 1, max: HUGE_MAX }), fc.constantFrom(...Object.keys(hugeShapes()))).map(([n, k]) => hugeShapes()[k](n));

function hugeShapes(): Record<string, (n: number) => string> {
  return {
    longLine: (n) => 'Tỷ lệ 42% [[Tỷ lệ hồ sơ trực tuyến toàn trình]] đạt khoảng 53 tỷ USD '.repeat(Math.ceil(n / 10)) + 'x'.repeat(25 * n),
    unclosed: (n) => '[['.repeat(n),
    unclosedNames: (n) => '[[Tỷ lệ hồ sơ 42% '.repeat(n),
    closers: (n) => ']]'.repeat(n) + '[['.repeat(n),
    quotes: (n) => '> '.repeat(n) + '[[a]] 5%',
    lists: (n) => '- '.repeat(n) + '[[a]] 5%',
    indented: (n) => Array.from({ length: Math.min(n, 300) }, (_, i) => ' '.repeat(i) + '- [[a]] 5%').join('\n'),
    emphasis: (n) => '*'.repeat(n) + '[[a]] 5%' + '*'.repeat(n),
    images: (n) => '!['.repeat(n) + 'a' + '](b)'.repeat(n),
    tableRows: (n) => '| a | b |\n|---|---|\n' + '| [[Tỷ lệ hồ sơ trực tuyến toàn trình]] | 42% |\n'.repeat(n),
    tableCols: (n) => `|${' [[a]] 5% |'.repeat(n)}\n|${'---|'.repeat(n)}\n|${' 1 |'.repeat(n)}\n`,
    digits: (n) => '1'.repeat(n * 10),
    numbers: (n) => '1.'.repeat(n) + ',5 tỷ',
    refsThenFigures: (n) => '[[x]] '.repeat(n) + '1 '.repeat(n),
    figuresThenRefs: (n) => '1 '.repeat(n) + '[[x]] '.repeat(n),
    nfd: (n) => 'Tỷ lệ hồ sơ đạt 42%. '.normalize('NFD').repeat(n),
    crs: (n) => 'a\r'.repeat(n) + '[[b]] 5',
    setext: (n) => 'a\n=\n'.repeat(n),
    backticks: (n) => Array.from({ length: Math.min(n, 400) }, (_, i) => '`'.repeat(i + 1) + '[[a]]').join(' '),
    nul: (n) => '\u0000'.repeat(n) + '[[a]] 5%',
    surrogates: (n) => '\uD800[[\uDC00]] 5'.repeat(n),
    combining: (n) => 'a' + '\u0301'.repeat(n * 5) + ' 5%',
  };
}

const anyText = fc.oneof(
  { weight: 6, arbitrary: report },
  { weight: 3, arbitrary: mutatedFixture },
  { weight: 2, arbitrary: rawString(300) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.tuple(report, huge).map(([a, b]) => a + b) },
);

// ---------------------------------------------------------------------------------------------
// Checks

/** Offsets of the line starts and the length of each line without its line break. */
function lineTable(text: string): { count: number; length: (line: number) => number } {
  const starts = [0];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      ends.push(i);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  ends.push(text.length);
  return { count: starts.length, length: (l) => ends[l] - starts[l] };
}

function assertPosition(t: ReturnType<typeof lineTable>, p: Position, what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: not integers ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.line < t.count, `${what}: line ${p.line} outside 0..${t.count - 1}`);
  assert.ok(p.character >= 0 && p.character <= t.length(p.line), `${what}: character ${p.character} past the end of line ${p.line} (${t.length(p.line)})`);
}

function assertRange(t: ReturnType<typeof lineTable>, r: Range, what: string): void {
  assertPosition(t, r.start, what);
  assertPosition(t, r.end, what);
  assert.ok(r.start.line < r.end.line || (r.start.line === r.end.line && r.start.character <= r.end.character), `${what}: start after end ${JSON.stringify(r)}`);
}

function applyEdits(text: string, edits: TextEditData[]): { text: string; start: number; end: number } {
  const lines = new LineIndex(text);
  const sorted = edits.map((e) => ({ s: lines.offsetAt(e.range.start), e: lines.offsetAt(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return { text: out, start: Math.min(...sorted.map((e) => e.s)), end: Math.max(...sorted.map((e) => e.e)) };
}

const before = (a: Position, b: Position): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
const within = (inner: Range, outer: Range): boolean => before(outer.start, inner.start) && before(inner.end, outer.end);

/** Cases tried, all properties together (printed at the end). */
let cases = 0;

/** The slowest case of each property, printed at the end. */
const slowest = new Map<string, { ms: number; length: number; sample: string }>();
function timed<T>(what: string, text: string, f: () => T): T {
  // CPU time of this process: other processes' load on a shared machine does not count.
  const t0 = process.cpuUsage();
  const out = f();
  const d = process.cpuUsage(t0);
  const ms = (d.user + d.system) / 1000;
  const prev = slowest.get(what);
  if (!prev || ms > prev.ms) slowest.set(what, { ms, length: text.length, sample: JSON.stringify(text.slice(0, 60)) });
  assert.ok(ms < CASE_BUDGET_MS, `${what}: ${ms.toFixed(0)} ms for ${text.length} characters (budget ${CASE_BUDGET_MS} ms)`);
  return out;
}

let counter = 0;
const service = new LanguageService({ workspace: new InMemoryWorkspace(), lang: 'en' });

function checkOnce(text: string): { uri: string; findings: Finding[] } {
  const uri = `file:///property/${counter++}.report.md`;
  const findings = service.check(uri, text, 1);
  return { uri, findings };
}

/** Every finding in range; no rule failed internally. */
function assertFindings(text: string, findings: Finding[]): void {
  const t = lineTable(text);
  for (const f of findings) {
    assert.ok(!/internal error in rule/.test(f.message), `${f.code}: ${f.message}`);
    assertRange(t, f.range, `finding ${f.code}`);
    for (const fix of f.fixes ?? []) {
      assert.ok(fix.edits.length > 0, `${f.code}: a fix without edits`);
      for (const e of fix.edits) assertRange(t, e.range, `fix of ${f.code}`);
    }
  }
}

describe('property: parser, readers and rules on any text', function () {
  this.timeout(0);

  after(() => {
    console.log(`      ${cases} cases (FC_NUM_RUNS=${RUNS}, FC_SEED=${SEED})`);
    for (const [what, s] of slowest) console.log(`      slowest ${what}: ${s.ms.toFixed(1)} ms, ${s.length} chars, ${s.sample}`);
  });

  it('parseReport never throws and every reference, figure, sentence and section range is inside the document', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        cases++;
        const doc = timed('parseReport', text, () => parseReport(text, 'file:///p.report.md'));
        const t = lineTable(text);
        assert.equal(doc.lines.lineCount, t.count, 'LineIndex line count');
        for (const p of doc.problems) {
          assertRange(t, p.range, 'problem');
          assert.ok(!/could not be (fully )?parsed/.test(p.message.en), p.message.en);
        }
        for (const r of doc.references) {
          assertRange(t, r.range, 'reference');
          assertRange(t, r.nameRange, 'reference name');
          const s = doc.lines.offsetAt(r.range.start);
          const e = doc.lines.offsetAt(r.range.end);
          // `written` is read from the prose (markup inside the brackets is blanked), so only the length matches.
          const src = text.slice(s, e);
          assert.ok(src.startsWith('[[') && src.endsWith(']]') && src.length === r.written.length + 4, `a reference range covers [[…]]: ${JSON.stringify(src)}`);
          for (const [a, b] of doc.ignored) assert.ok(e <= a || s >= b, `reference ${s}-${e} inside ignored ${a}-${b}`);
          if (r.periodRange) assertRange(t, r.periodRange, 'period');
          assert.ok(r.sentence.start >= 0 && r.sentence.end <= text.length && r.sentence.start <= s && e <= r.sentence.end, 'sentence holds its reference');
        }
        for (const f of doc.figures) {
          assertRange(t, f.range, 'figure');
          assertRange(t, f.numeralRange, 'numeral');
          const ns = doc.lines.offsetAt(f.numeralRange.start);
          const ne = doc.lines.offsetAt(f.numeralRange.end);
          assert.equal(text.slice(ns, ne), f.numeral, 'the numeral range covers the numeral');
          assert.ok(Number.isFinite(f.value), `value ${f.value}`);
          assert.ok(!(f.interval[0] > f.interval[1]) && !Number.isNaN(f.interval[0]) && !Number.isNaN(f.interval[1]), `interval ${f.interval}`);
          const s = doc.lines.offsetAt(f.range.start);
          for (const [a, b] of doc.ignored) assert.ok(ne <= a || s >= b, `figure inside ignored text`);
        }
        const walk = (ss: typeof doc.sections): void => {
          for (const sec of ss) {
            assertRange(t, sec.range, 'section');
            assertRange(t, sec.headingRange, 'heading');
            walk(sec.children);
          }
        };
        walk(doc.sections);
        if (doc.frontMatter) {
          assertRange(t, doc.frontMatter.range, 'front matter');
          for (const r of Object.values(doc.frontMatter.fieldRanges)) assertRange(t, r, 'front matter field');
        }
      }),
      params(RUNS * 2),
    );
  });

  it('a BOM, CRLF or CR line ends change nothing that is read, only positions', () => {
    const summary = (t: string) => {
      const d = parseReport(t, 'file:///p.report.md');
      const n = (s: string | undefined) => s?.replace(/\s+/g, ' ') ?? null;
      return {
        refs: d.references.map((r) => [r.written, n(r.figure?.raw), r.period, r.inTable]),
        figures: d.figures.map((f) => [n(f.raw), f.value]),
        frontMatter: d.frontMatter && [d.frontMatter.session, d.frontMatter.date, d.frontMatter.period, n(d.frontMatter.title)],
        sections: d.sections.map((s) => s.title),
        problems: d.problems.length,
      };
    };
    fc.assert(
      fc.property(report, (text) => {
        cases++;
        const lf = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
        const base = summary(lf);
        assert.deepEqual(summary('\uFEFF' + lf), base, 'with a BOM');
        assert.deepEqual(summary(lf.replace(/\n/g, '\r\n')), base, 'with CRLF');
        assert.deepEqual(summary(lf.replace(/\n/g, '\r')), base, 'with CR');
      }),
      params(),
    );
  });

  // Blocks that a blank line does not end (fences, HTML comments, list items with code), open
  // or closed, between chunks: where the chunker must not cut, or must merge again.
  const runOn = fc.constantFrom('```', '~~~', '````', '<!--', '-->', '<pre>', '</pre>', '- a\n\n  ```', '> ```', '1. x\n\n   <!--', '[y]: http://a', '<script>', '</script>', '[[x]]: a', '[a\\]]: /u', '[[y]\n]: /u');
  const chunky = fc
    .tuple(frontMatter, fc.array(fc.tuple(fc.oneof({ weight: 3, arbitrary: block }, { weight: 2, arbitrary: runOn }), blankLines), { maxLength: 14 }))
    .map(([fm, blocks]) => fm + blocks.map(([b, s]) => b + s).join(''));

  it('the chunked parse gives exactly the model of the parse as one piece', () => {
    const model = (t: string, whole: boolean) => {
      const { uri: _u, lines: _l, ...rest } = parseReport(t, 'file:///p.report.md', { whole });
      return rest;
    };
    fc.assert(
      fc.property(fc.oneof(chunky, anyText), (text) => {
        // Past the guard's limits (thousands of setext underlines…), counted per chunk or per
        // document, the two may differ: that is adversarial input, not a report.
        fc.pre(defuseMarkdown(text) === text);
        cases++;
        assert.deepEqual(model(text, false), model(text, true));
      }),
      params(RUNS * 10),
    );
    for (const text of fixtures) assert.deepEqual(model(text, false), model(text, true));
  });

  it("the history's cheap path (parseReport history) gives exactly the history of the full parse", () => {
    // What the history keeps of a report (history/snapshot.ts historyDocument), both ways.
    const history = (t: string, cheap: boolean) => {
      const { lines: _l, ...rest } = historyDocument(parseReport(t, 'file:///h.report.md', { history: cheap, remember: false }));
      return rest;
    };
    let skipped = 0;
    fc.assert(
      fc.property(fc.oneof(chunky, anyText), (text) => {
        cases++;
        const cheap = history(text, true);
        assert.deepEqual(cheap, history(text, false));
        if (chunkStarts(text).some((at, k, all) => holdsNoReference(text.slice(at, all[k + 1] ?? text.length), k, k === all.length - 1))) skipped++;
      }),
      params(RUNS * 10),
    );
    for (const text of fixtures) assert.deepEqual(history(text, true), history(text, false));
    // The path was taken: some texts had chunks that were not parsed.
    assert.ok(skipped > 0, 'no text had a chunk the cheap path skips');
  });

  it('readFigures and readPeriods never throw and give offsets into their text', () => {
    fc.assert(
      fc.property(fc.oneof(sentence, rawString(200), fc.string({ unit: 'grapheme', maxLength: 200 }), huge), (text) => {
        cases++;
        const figures = timed('readFigures', text, () => readFigures(text));
        let last = 0;
        for (const f of figures) {
          assert.ok(0 <= f.start && f.start <= f.numeralStart && f.numeralStart < f.numeralEnd && f.numeralEnd <= f.end && f.end <= text.length, JSON.stringify(f));
          assert.ok(f.start >= last, 'figures in order, not overlapping');
          last = f.end;
          assert.equal(text.slice(f.start, f.end), f.raw);
          assert.equal(text.slice(f.numeralStart, f.numeralEnd), f.numeral);
          assert.ok(Number.isFinite(f.value) && Number.isFinite(f.mantissa), `value ${f.value}`);
          assert.ok(!Number.isNaN(f.interval[0]) && !Number.isNaN(f.interval[1]) && f.interval[0] <= f.interval[1], `interval ${f.interval}`);
          if (f.denominator !== undefined) assert.ok(Number.isFinite(f.denominator));
        }
        for (const options of [{}, { all: true }, { year: 2024 }]) {
          for (const p of timed('readPeriods', text, () => readPeriods(text, options))) {
            assert.ok(0 <= p.start && p.start <= p.end && p.end <= text.length, JSON.stringify(p));
            assert.equal(text.slice(p.start, p.end), p.raw);
          }
        }
        const P = prepareScan(text);
        assert.equal(P.s.length, P.o.length);
        assert.equal(P.map[P.s.length], text.length);
        for (let i = 1; i < P.map.length; i++) assert.ok(P.map[i - 1] <= P.map[i], 'map is monotone');
      }),
      params(RUNS * 2),
    );
  });

  it('parseVietnameseNumber never throws and gives a finite value or null', () => {
    fc.assert(
      fc.property(fc.oneof(fc.stringMatching(/^[0-9.,]{0,40}$/), rawString(12), fc.string({ maxLength: 40 })), (s) => {
        cases++;
        const n = parseVietnameseNumber(s);
        if (n) {
          assert.ok(Number.isFinite(n.value) && n.value >= 0, `${s} → ${n.value}`);
          assert.ok(Number.isInteger(n.decimals) && n.decimals >= 0);
        }
      }),
      params(RUNS * 5),
    );
  });

  it('defuseMarkdown keeps the length and changes nothing in a plausible report', () => {
    fc.assert(
      fc.property(fc.oneof(report, huge, rawString(200)), (text) => {
        cases++;
        const out = defuseMarkdown(text);
        assert.equal(out.length, text.length);
        for (let i = 0; i < text.length; i++) {
          if (out[i] !== text[i]) assert.ok(out[i] === ' ' || out[i] === '$', `replaced by ${JSON.stringify(out[i])}`);
        }
      }),
      params(),
    );
    fc.assert(
      fc.property(report, (text) => {
        cases++;
        assert.equal(defuseMarkdown(text), text);
      }),
      params(),
    );
    for (const text of fixtures) assert.equal(defuseMarkdown(text), text);
  });

  it('every rule: no throw, findings and fixes inside the document', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        cases++;
        const { uri, findings } = timed('check', text, () => checkOnce(text));
        assertFindings(text, findings);
        service.forget(uri);
      }),
      params(),
    );
  });

  it('every quick fix removes its finding and leaves the rest of the text byte-identical', () => {
    // Biased to texts with fixable findings: catalog names misspelled, unaccented, aliased, ambiguous.
    const fixable = fc.oneof(
      report,
      fc.array(fc.tuple(reference, fc.constantFrom(' đạt 42%. ', ' 1.5 triệu. ', ' 50,350 doanh nghiệp. ', '\n\n', ' ')), { minLength: 1, maxLength: 6 }).map(
        (xs) => '---\nsession: 9\ndate: 2024-07-10\nperiod: 2024-S1\ntitle: T\n---\n' + xs.map(([a, b]) => a + b).join(''),
      ),
      mutatedFixture,
    );
    let fixesApplied = 0;
    fc.assert(
      fc.property(fixable, (text) => {
        cases++;
        const { uri, findings } = checkOnce(text);
        service.forget(uri);
        const refRanges = parseReport(text, uri).references.map((r) => r.range);
        for (const f of findings) {
          for (const fix of f.fixes ?? []) {
            const { text: fixed, start, end } = timed('fix + re-check', text, () => applyEdits(text, fix.edits));
            assert.equal(fixed.slice(0, start), text.slice(0, start), `${f.code} "${fix.title}": text before the edit changed`);
            assert.equal(fixed.slice(fixed.length - (text.length - end)), text.slice(end), `${f.code} "${fix.title}": text after the edit changed`);
            const again = checkOnce(fixed);
            service.forget(again.uri);
            assertFindings(fixed, again.findings);
            // The same finding again: same rule, same place, same message (several findings of one
            // rule may share a place, e.g. each missing section at the end of the report).
            const same = again.findings.filter(
              (g) => g.code === f.code && g.message === f.message && g.range.start.line === f.range.start.line && g.range.start.character === f.range.start.character,
            );
            assert.equal(same.length, 0, `${f.code} "${fix.title}" did not remove its finding: ${same.map((g) => g.message).join(' | ')}\nin ${JSON.stringify(fixed.slice(Math.max(0, start - 40), end + 40))}`);
            // A fix inside a reference (a name fix) keeps every reference.
            const inRef = fix.edits.every((e) => refRanges.some((r) => within(e.range, r)));
            if (inRef) assert.equal(parseReport(fixed, uri).references.length, refRanges.length, `${f.code} "${fix.title}" changed the number of references`);
            fixesApplied++;
          }
        }
      }),
      params(),
    );
    assert.ok(fixesApplied > 0, 'no fix was tried');
    console.log(`      ${fixesApplied} quick fixes applied and re-checked`);
  });

  it('the language features (hover, completion, outline, fixes at a range) never throw, at any position', () => {
    fc.assert(
      fc.property(anyText, fc.nat(), fc.nat(200), (text, lineSeed, character) => {
        cases++;
        const uri = `file:///property/features-${counter++}.report.md`;
        const t = lineTable(text);
        const pos = { line: lineSeed % (t.count + 1), character };
        timed('features', text, () => {
          service.hover(uri, text, pos, 1);
          service.completion(uri, text, pos, 1);
          service.sections(uri, text, 1);
          service.fixes(uri, text, { start: pos, end: pos }, 1);
        });
        service.forget(uri);
      }),
      params(Math.ceil(RUNS / 2)),
    );
  });

  it('parseCatalogYaml never throws and reports errors inside the file', () => {
    const entry = fc
      .record({
        id: fc.oneof(fc.constantFrom('a', 'x-1', 'Bad Id', '', '1'), fc.string({ maxLength: 8 })),
        name: fc.oneof(fc.constantFrom(...catalogNames), fc.string({ maxLength: 10 }), fc.constant('')),
        measure: fc.constantFrom('stock', 'flow', 'ratio', 'bogus', ''),
        unit: fc.constantFrom('%', 'hồ sơ', '', '[a'),
        unitClass: fc.constantFrom('percent', 'count', 'nope'),
        extra: fc.constantFrom('', '    range: [0, 100]\n', '    range: [100, 0]\n', '    targets: 5\n', '    range: [48.000, 1]\n', '    aliases: x\n', '    foo: 1\n', '\t\n'),
      })
      .map((r) => `  - id: ${r.id}\n    name: ${r.name}\n    measure: ${r.measure}\n    unit: ${r.unit}\n    unitClass: ${r.unitClass}\n${r.extra}`);
    const yamlText = fc.oneof(
      fc.array(entry, { maxLength: 5 }).map((es) => 'indicators:\n' + es.join('')),
      rawString(200),
      fc.string({ maxLength: 200 }),
      fc.tuple(fc.array(entry, { maxLength: 3 }), rawString(20), fc.double({ min: 0, max: 1, noNaN: true })).map(([es, junk, w]) => {
        const t = 'indicators:\n' + es.join('');
        const at = Math.floor(w * t.length);
        return t.slice(0, at) + junk + t.slice(at);
      }),
    );
    fc.assert(
      fc.property(yamlText, (text) => {
        cases++;
        const { errors, indicators } = timed('parseCatalogYaml', text, () => parseCatalogYaml(text, 'file:///ws/.policy-report/indicators.yaml'));
        const t = lineTable(text);
        for (const e of errors) assertRange(t, e.range, 'catalog error');
        for (const i of indicators) assert.ok(i.id && i.name, 'a kept indicator has an id and a name');
      }),
      params(RUNS * 2),
    );
  });
});
