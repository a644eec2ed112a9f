/**
 * Evaluation of the markup detector on unseen press-style reports (test/fixtures/press-unmarked):
 * each report is unmarked prose of one session, with its (indicator, figure, period) facts listed in
 * facts.yaml. The detector marks it (wrap mode); the marked text is parsed as the checker parses it;
 * every reference bound to a figure (and the further figures it carries, `also`) is a fact found,
 * but one bound to a target (the reader's role `target`: it states a target, not a value, and never
 * enters the history as one).
 *
 * - recall: expected facts found (same catalog indicator, the figure's text, the period);
 * - precision: facts found that are expected;
 * - bytes: the marked text minus the inserted marks is the input, byte for byte, and every edit is
 *   an insertion of `[[` or `]]` (` @ CODE]]`).
 * Misses are listed with the detector's reason when it gave one (an ambiguous case on the words).
 */
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Catalog, foldKey, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions, markEdits, markText } from '../../server/src/core/markup';
import type { MarkMode } from '../../server/src/core/markup/types';
import { parseReport } from '../../server/src/core/parse/document';
import { analyze } from '../../server/src/core/analyze';
import type { Indicator } from '../../server/src/core/catalog/types';
import { currencyMember, type CurrencyShape } from '../../server/src/core/catalog/currency-members';
import { onePeriod } from '../../server/src/core/history/period-key';
import { fixturesDir } from '../helpers';

export interface Fact {
  indicator: string;
  figure: string;
  period: string;
}

export interface FileResult {
  file: string;
  expected: Fact[];
  found: Fact[];
  /** Expected facts not found, each with why (the detector's ambiguity, or what was found instead). */
  misses: Array<{ fact: Fact; why: string }>;
  /** Found facts not expected. */
  extra: Fact[];
  /** Byte check: only `[[`/`]]` inserted, nothing else changed. */
  bytesKept: boolean;
  byteProblem?: string;
}

export interface Evaluation {
  files: FileResult[];
  expected: number;
  found: number;
  right: number;
  recall: number;
  precision: number;
  bytesKept: boolean;
}

const CLOSE = /^(?: @ [^\[\]\r\n@]+)?\]\]$/;

/**
 * The same fact: the indicator, the figure's text, and one period of that indicator as the history
 * compares periods (history/period-key.ts: a stock's month and its last day, a share's too).
 */
const matches = (want: Fact, got: Fact, byName: Map<string, Indicator>, catalog: Catalog): boolean =>
  sameIndicator(want, got, byName, catalog) && got.figure.includes(want.figure) && onePeriod(want.period, got.period, factEntry(want, byName, catalog) ?? {});

/**
 * The entry a fact names: by its canonical name, or by a name the catalog keeps as an alias of one
 * entry (an entry merged into another keeps its name as an alias: a set's facts written before the
 * merge still name its series).
 */
function factEntry(want: Fact, byName: Map<string, Indicator>, catalog: Catalog): Indicator | undefined {
  const named = byName.get(want.indicator);
  if (named) return named;
  const m = catalog.resolve(want.indicator);
  return m.kind === 'alias' ? m.indicator : undefined;
}

/** The currency of each found fact's figure (its unit class and unit), for sameIndicator. */
const currencyOfFound = new WeakMap<Fact, CurrencyShape>();

/**
 * The same indicator: the fact's name, or the entry that name stands for with the found figure's
 * currency, as the checker resolves it (catalog/currency-members.ts: "Doanh thu công nghiệp công nghệ
 * thông tin" with a figure in đồng is the family's đồng series, "Doanh thu công nghiệp công nghệ số").
 */
function sameIndicator(want: Fact, got: Fact, byName: Map<string, Indicator>, catalog: Catalog): boolean {
  if (want.indicator === got.indicator) return true;
  const named = factEntry(want, byName, catalog);
  if (named?.name === got.indicator) return true;
  return !!named && currencyMember(catalog, named, currencyOfFound.get(got))?.name === got.indicator;
}

/** A fact found for figure `f`, its currency noted for sameIndicator. */
function foundFact(indicator: string, f: CurrencyShape & { raw: string }, period: string): Fact {
  const fact = { indicator, figure: f.raw, period };
  currencyOfFound.set(fact, { unitClass: f.unitClass, unit: f.unit });
  return fact;
}

/**
 * `folder`: press-unmarked (the set the detector was tuned on) or press-unmarked-held (held out, never tuned on).
 * `mode`: wrap (only `[[`/`]]` inserted) or canonical (a mention's words replaced by `[[canonical name]]`:
 * the byte check is then that each edit replaces exactly one mention's words, nothing around them).
 */
export function evaluateMarkup(folder = 'press-unmarked', mode: MarkMode = 'wrap'): Evaluation {
  const dir = path.join(fixturesDir, folder);
  const catalog = new Catalog(loadDefaultCatalog());
  const byName = new Map(catalog.all().map((i) => [i.name, i]));
  const facts = parseYaml(readFileSync(path.join(dir, 'facts.yaml'), 'utf8')) as Record<string, Fact[]>;
  const files: FileResult[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.report.md')).sort()) {
    const text = readFileSync(path.join(dir, file), 'utf8');
    const result = detectMentions(text, catalog, { mode });
    const marked = markText(text, result.mentions, mode);
    // Bytes: every edit inserts a mark at a point; removing the marks gives the input back.
    let bytesKept = true;
    let byteProblem: string | undefined;
    for (const m of result.mentions)
      for (const e of markEdits([m], mode)) {
        // (canonical: the mention's words, and at most words beside them that the canonical name says: mention.ts absorbNameWords)
        const taken = foldKey(text.slice(e.start, m.start)) + '\u0000' + foldKey(text.slice(m.end, e.end));
        const [head, tail] = taken.split('\u0000');
        const name = foldKey(m.indicator.name);
        const absorbedOk = e.start <= m.start && m.end <= e.end && (!head || name.startsWith(head + ' ')) && (!tail || name.endsWith(' ' + tail)) && !/[\r\n]/.test(text.slice(e.start, e.end));
        const ok = mode === 'wrap' ? e.start === e.end && (e.newText === '[[' || CLOSE.test(e.newText)) : e.start === m.canonicalSpan.start && e.end === m.canonicalSpan.end && absorbedOk && /^\[\[[^\[\]\r\n]+\]\]$/.test(e.newText);
        if (!ok) {
          bytesKept = false;
          byteProblem = `edit ${e.start}-${e.end} → ${JSON.stringify(e.newText)}`;
        }
      }
    const unmarked = marked.replace(/\[\[|(?: @ [^\[\]\r\n@]+)?\]\]/g, '');
    if (mode === 'wrap' && unmarked !== text) {
      bytesKept = false;
      byteProblem ??= 'the marked text minus its marks differs from the input';
    }
    // Facts found: what the checker reads in the marked text.
    const doc = parseReport(marked, `file:///${file}`);
    const found: Fact[] = [];
    for (const { ref: r, match: m, indicator: settled, also } of analyze(doc, catalog).refs) {
      // The catalog's name as the checker resolves it (a subject settled by its figure; a series
      // shared by several compilers keeps the shared name).
      const indicator = settled ? settled.name : m.kind === 'ambiguous' && !m.subject ? m.candidates[0].name : r.name;
      if (r.figure && r.figure.role !== 'target') found.push(foundFact(indicator, r.figure, r.period ?? ''));
      // A further figure states the series the analysis gives it (the rank beside a score); none: no fact.
      // (A name no series was settled for keeps the shared name, as its bound figure does.)
      for (const a of also ?? []) {
        const name = a.indicator ? a.indicator.name : settled ? null : indicator;
        if (name) found.push(foundFact(name, a.figure, a.period));
      }
    }
    const expected = facts[file] ?? [];
    const misses: FileResult['misses'] = [];
    for (const want of expected) {
      if (found.some((g) => matches(want, g, byName, catalog))) continue;
      // The same indicator read: with this figure and another period, or only with other figures.
      const same = found.filter((g) => g.indicator === want.indicator);
      // (not a fact of its own: "86" of 2020 found, the same place held in 2022 not read, is not another period)
      const near = same.find((g) => sameFigure(want.figure, g.figure) && !expected.some((w) => w !== want && matches(w, g, byName, catalog)));
      // The detector's own word on it: a case about this figure, else one on the same line.
      const amb =
        result.ambiguous.find((a) => a.figures.some((g) => g.includes(want.figure))) ??
        result.ambiguous.find((a) => sentenceOf(text, a.start).includes(want.figure));
      const why = near
        ? `found as another period: ${JSON.stringify(near)}`
        : same.length
          ? `this figure not read (the indicator read with ${same.length === 1 ? 'another figure' : `${same.length} other figures`}: ${JSON.stringify(same[0])})`
          : amb
          ? `left ambiguous (${amb.reason}): "${text.slice(amb.start, amb.end)}"`
          : 'not marked (no name matched, or its figure did not fit)';
      misses.push({ fact: want, why });
    }
    const extra = found.filter((g) => !expected.some((w) => matches(w, g, byName, catalog)));
    files.push({ file, expected, found, misses, extra, bytesKept, byteProblem });
  }
  const expected = files.reduce((n, f) => n + f.expected.length, 0);
  const found = files.reduce((n, f) => n + f.found.length, 0);
  const right = files.reduce((n, f) => n + f.expected.length - f.misses.length, 0);
  const rightFound = files.reduce((n, f) => n + f.found.length - f.extra.length, 0);
  return {
    files,
    expected,
    found,
    right,
    recall: expected ? right / expected : 0,
    precision: found ? rightFound / found : 1,
    bytesKept: files.every((f) => f.bytesKept),
  };
}

/** A found figure's text holds the fact's figure as a whole number ("3" is not in "4/63", "86" not in "0,86"). */
function sameFigure(want: string, got: string): boolean {
  for (let at = got.indexOf(want); at >= 0; at = got.indexOf(want, at + 1)) {
    const before = got[at - 1] ?? ' ';
    const after = got.slice(at + want.length);
    if (!/[\d,./]/.test(before) && !/^(?:\d|[,.]\d)/.test(after)) return true;
  }
  return false;
}

/** The sentence (line) around an offset: enough to tell which fact an ambiguous case is about. */
function sentenceOf(text: string, at: number): string {
  const s = text.lastIndexOf('\n', at) + 1;
  const e = text.indexOf('\n', at);
  return text.slice(s, e < 0 ? text.length : e);
}

/** A report of the evaluation, for `npm run accuracy`. */
export function markupReport(ev: Evaluation): string {
  const lines = [
    `markup on press-style reports: recall ${ev.right}/${ev.expected} = ${ev.recall.toFixed(3)}, precision ${(ev.precision * ev.found).toFixed(0)}/${ev.found} = ${ev.precision.toFixed(3)}, bytes ${ev.bytesKept ? 'kept' : 'CHANGED'}`,
  ];
  for (const f of ev.files) {
    lines.push(`  ${f.file}: ${f.expected.length - f.misses.length}/${f.expected.length} facts, ${f.extra.length} extra${f.bytesKept ? '' : `, bytes changed: ${f.byteProblem}`}`);
    for (const m of f.misses) lines.push(`    missed ${m.fact.indicator} = ${m.fact.figure} (${m.fact.period}): ${m.why}`);
    for (const x of f.extra) lines.push(`    extra  ${x.indicator} = ${x.figure} (${x.period})`);
  }
  return lines.join('\n');
}
