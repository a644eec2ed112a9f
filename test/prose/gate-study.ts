/**
 * Structural features of every mark the markup detector makes on a press set, each labelled true or
 * false by the set's facts (issue #13, reading.md §53): `node out/test/prose/gate-study.js SET… [--wrap|--canonical]`
 * prints one JSON line per fact found (the set, mode, file, the fact, `false`, and the features of
 * the mention it came from); `node out/test/prose/gate-study.js --table FILE.jsonl…` tabulates the
 * false and true rates per feature value of such lines, and `--gates FILE.jsonl…` what each candidate
 * gate (GATES: a mark listed instead of marked) would stop of them, per mode. The file only uses the detector's public
 * entry points (detectMentions, markText, parseReport, analyze, evaluateMarkup), so it can be copied
 * into an older worktree and built there, to measure a set as it was while it was still blind.
 * Sets still held out are refused, as markup-misses refuses them.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Catalog, loadDefaultCatalog } from '../../server/src/core/catalog';
import { detectMentions, markText } from '../../server/src/core/markup';
import type { MarkMode, Mention } from '../../server/src/core/markup/types';
import { parseReport } from '../../server/src/core/parse/document';
import { analyze } from '../../server/src/core/analyze';
import { NATION_WORDS, ownerProvince, provincesNamed } from '../../server/src/core/provinces';
import { fixturesDir } from '../helpers';
import { evaluateMarkup, type Fact } from './markup-eval';

const BLIND = /press-unmarked-held[4-9]\d\b/;

export type Features = Record<string, string | number | boolean>;
export interface StudyRow {
  set: string;
  mode: MarkMode;
  file: string;
  fact: Fact;
  false: boolean;
  features: Features;
}

const NUMBER = /\d+(?:[.,]\d+)*/g;
const CLAUSE_WORD = /(?:^|[\s,;])(và|còn|trong khi|nhưng|trong đó|so với|gồm|với|của)(?=[\s,;]|$)/iu;

/** The unit family of an entry, as the figure reader names a figure's: percent, currency, count, rank, points. */
function entryUnit(unitClass: string): string {
  return unitClass === 'index' ? 'points' : unitClass;
}

/** The offset of the paragraph (text after a blank line) `at` is in. */
function paragraphStart(text: string, at: number): number {
  const i = text.lastIndexOf('\n\n', at);
  return i < 0 ? 0 : i + 2;
}

/** Offsets of a marked text's line starts, to turn a reference's range into an offset. */
function lineStarts(text: string): number[] {
  const out = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) out.push(i + 1);
  return out;
}

/** The features of one mention (in the unmarked text) and of the fact it yields. */
export function mentionFeatures(text: string, m: Mention, all: Mention[], source: string, role: string, periodSource: string, unitClass: string): Features {
  const f = m.figure;
  const sentence = text.slice(m.sentence.start, m.sentence.end);
  const lineStart = text.lastIndexOf('\n', m.start - 1) + 1;
  const lineEnd = text.indexOf('\n', m.start);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const after = f ? f.start >= m.end : true;
  const gap = f ? (after ? text.slice(m.end, f.start) : text.slice(f.end, m.start)) : '';
  const gapTokens = gap.trim() ? gap.trim().split(/\s+/u).length : 0;
  const inSentence = all.filter((o) => o.sentence.start === m.sentence.start);
  const nameFrom = text.slice(m.sentence.start, m.start);
  const numbersBeforeName = (nameFrom.match(NUMBER) ?? []).length;
  return {
    source,
    kind: m.kind,
    score: m.score >= 1 ? '1' : m.score >= 0.9 ? '0.9-1' : '<0.9',
    label: m.label === m.indicator.name ? 'name' : m.indicator.abbreviations.includes(m.label) ? 'abbreviation' : 'alias',
    wrappable: m.wrappable,
    nameWords: m.text.trim().split(/\s+/u).length,
    measure: m.indicator.measure,
    figureKind: f?.kind ?? 'none',
    figureAfterName: after,
    gapChars: gap.length,
    gapTokens,
    numbersBetween: (gap.match(NUMBER) ?? []).length,
    gapPunct: /[,;:–—]/.test(gap),
    gapParen: /[()]/.test(gap),
    gapClauseWord: CLAUSE_WORD.test(gap),
    role,
    unitAgrees: entryUnit(m.indicator.unitClass) === unitClass || m.indicator.unitClass === 'none',
    figureUnitClass: unitClass,
    entryUnitClass: m.indicator.unitClass,
    markPeriod: m.period ? 'phrase' : 'document',
    periodSource,
    sentenceChars: sentence.length,
    sentenceNumbers: (sentence.match(NUMBER) ?? []).length,
    numbersBeforeName,
    nameTokenAt: nameFrom.trim() ? nameFrom.trim().split(/\s+/u).length : 0,
    mentionsInSentence: inSentence.length,
    entriesInSentence: new Set(inSentence.map((o) => o.indicator.id)).size,
    table: /^\s*\|/.test(line),
    heading: /^\s*#/.test(line),
    listItem: /^\s*(?:[-*+]|\d+[.)])\s/.test(line),
    nameInParens: /\([^)]*$/.test(text.slice(lineStart, m.start)),
    // Whose figure: a province or local unit named by the sentence, by its paragraph before the name,
    // or by the report's opening (its title and lead) as its owner; the nation named by the sentence.
    sentenceProvince: provincesNamed(sentence, { local: true }).length > 0,
    paragraphProvince: provincesNamed(text.slice(paragraphStart(text, m.start), m.start), { local: true }).length > 0,
    reportProvince: ownerProvince(text.slice(0, 400)) !== null,
    sentenceNation: NATION_WORDS.test(sentence),
    entryProvincial: /cấp tỉnh/iu.test(m.indicator.name),
  };
}

/** Every fact found on a set in one mode, with its label and the features of its mention. */
export function studySet(set: string, mode: MarkMode): StudyRow[] {
  const ev = evaluateMarkup(set, mode);
  const catalog = new Catalog(loadDefaultCatalog());
  const rows: StudyRow[] = [];
  for (const fr of ev.files) {
    const text = readFileSync(path.join(fixturesDir, set, fr.file), 'utf8');
    const r = detectMentions(text, catalog, { mode });
    const mentions = [...r.mentions].sort((a, b) => a.start - b.start);
    const marked = markText(text, r.mentions, mode);
    const opens: number[] = [];
    for (let i = marked.indexOf('[['); i >= 0; i = marked.indexOf('[[', i + 2)) opens.push(i);
    const starts = lineStarts(marked);
    const doc = parseReport(marked, `file:///${fr.file}`);
    // The facts in evaluateMarkup's order (markup-eval.ts): each reference's figure, then its further figures.
    const tied: Array<{ fact: Fact; mention?: Mention; source: string; role: string; periodSource: string; unitClass: string }> = [];
    for (const entry of analyze(doc, catalog).refs) {
      const ref = entry.ref;
      // (older versions keep the further figures on the reference)
      const also = entry.also ?? (ref as { also?: typeof entry.also }).also;
      const at = starts[ref.range.start.line] + ref.range.start.character;
      const idx = opens.filter((o) => o <= at).length - 1;
      const mention = opens.length === mentions.length ? mentions[idx] : undefined;
      if (ref.figure && ref.figure.role !== 'target')
        tied.push({ fact: { indicator: '', figure: ref.figure.raw, period: ref.period ?? '' }, mention, source: 'bound', role: ref.figure.role ?? 'none', periodSource: ref.periodSource ?? 'none', unitClass: ref.figure.unitClass });
      for (const a of also ?? []) {
        // (carried and listed are said on the reference's own further figure)
        const own = (ref.also ?? []).find((x) => x.figure === a.figure) as { carried?: true; listed?: true } | undefined;
        tied.push({ fact: { indicator: '', figure: a.figure.raw, period: a.period }, mention, source: own?.carried ? 'also-carried' : own?.listed ? 'also-listed' : 'also', role: a.figure.role ?? 'none', periodSource: 'also', unitClass: a.figure.unitClass });
      }
    }
    // Align with the evaluation's found facts (a further figure with no series is no fact there).
    let j = 0;
    let x = 0;
    for (const found of fr.found) {
      while (j < tied.length && tied[j].fact.figure !== found.figure) j++;
      const t = tied[j++];
      const isFalse = x < fr.extra.length && JSON.stringify(fr.extra[x]) === JSON.stringify(found);
      if (isFalse) x++;
      const features = t?.mention ? mentionFeatures(text, t.mention, mentions, t.source, t.role, t.periodSource, t.unitClass) : { source: t ? t.source : 'unaligned' };
      rows.push({ set, mode, file: fr.file, fact: found, false: isFalse, features });
    }
  }
  return rows;
}

/** Buckets of a numeric feature, so the table reads by range. */
function bucket(key: string, v: string | number | boolean): string {
  if (typeof v !== 'number') return String(v);
  const cuts: Record<string, number[]> = {
    gapChars: [0, 10, 30, 60, 120],
    gapTokens: [0, 2, 5, 8, 15],
    sentenceChars: [80, 160, 240, 400],
    sentenceNumbers: [1, 2, 4, 8],
    numbersBeforeName: [0, 1, 3],
    nameTokenAt: [0, 3, 10, 25],
    numbersBetween: [0, 1, 2],
    mentionsInSentence: [1, 2, 3],
    entriesInSentence: [1, 2, 3],
    nameWords: [1, 3, 6],
  };
  const c = cuts[key];
  if (!c) return String(v);
  for (const limit of c) if (v <= limit) return `≤${limit}`;
  return `>${c[c.length - 1]}`;
}

/** A markdown table per feature: value, false marks, true marks, false rate. */
export function tabulate(rows: StudyRow[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r.features)))];
  const nFalse = rows.filter((r) => r.false).length;
  const nTrue = rows.length - nFalse;
  const out = [`${rows.length} facts found: ${nFalse} false, ${nTrue} true`, '', '| feature | value | false | true | false share of value | share of all false | share of all true |', '|---|---|---|---|---|---|---|'];
  for (const k of keys) {
    const by = new Map<string, [number, number]>();
    for (const r of rows) {
      const v = k in r.features ? bucket(k, r.features[k]) : '—';
      const c = by.get(v) ?? [0, 0];
      c[r.false ? 0 : 1]++;
      by.set(v, c);
    }
    for (const [v, [fa, tr]] of [...by].sort((a, b) => a[0].localeCompare(b[0])))
      out.push(`| ${k} | ${v} | ${fa} | ${tr} | ${(fa / (fa + tr)).toFixed(2)} | ${nFalse ? (fa / nFalse).toFixed(2) : '-'} | ${nTrue ? (tr / nTrue).toFixed(2) : '-'} |`);
  }
  return out.join('\n');
}

/**
 * The candidate gates of reading.md §53, on a mention's features: each lists a mark dated by the
 * report's period (its sentence has no period phrase for it) when its sentence is also of a shape.
 */
export const GATES: Array<[string, (f: Features) => boolean]> = [
  ...[10, 15, 20, 25].map((c): [string, (f: Features) => boolean] => [`document period & name after > ${c} words`, (f) => f.markPeriod === 'document' && (f.nameTokenAt as number) > c]),
  ...[1, 2, 3].map((c): [string, (f: Features) => boolean] => [`document period & > ${c} numbers before the name`, (f) => f.markPeriod === 'document' && (f.numbersBeforeName as number) > c]),
  ['document period & (> 2 numbers before or name after > 20 words)', (f) => f.markPeriod === 'document' && ((f.numbersBeforeName as number) > 2 || (f.nameTokenAt as number) > 20)],
  ['document period & list item', (f) => f.markPeriod === 'document' && f.listItem === true],
  ['document period & figure before the name', (f) => f.markPeriod === 'document' && f.figureAfterName === false],
  ['document period', (f) => f.markPeriod === 'document'],
  ['name after > 20 words', (f) => (f.nameTokenAt as number) > 20],
  ["a province's report & an entry not of the province level", (f) => f.reportProvince === true && f.entryProvincial === false],
];

/** Per gate and mode: false marks stopped, true marks lost, and the precision left. */
export function gateTable(rows: StudyRow[]): string {
  const out = ['| gate | wrap: false stopped · true lost | canonical: false stopped · true lost |', '|---|---|---|'];
  for (const [name, gate] of GATES) {
    const cells = [name];
    for (const mode of ['wrap', 'canonical']) {
      const r = rows.filter((x) => x.mode === mode && 'kind' in x.features);
      const falses = r.filter((x) => x.false);
      const trues = r.filter((x) => !x.false);
      const f = falses.filter((x) => gate(x.features)).length;
      const t = trues.filter((x) => gate(x.features)).length;
      const left = trues.length - t + falses.length - f;
      cells.push(`${f}/${falses.length} · ${t}/${trues.length} (${trues.length ? ((100 * t) / trues.length).toFixed(1) : '0'}%); precision ${left ? ((trues.length - t) / left).toFixed(3) : '-'}`);
    }
    out.push(`| ${cells.join(' | ')} |`);
  }
  return out.join('\n');
}

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args[0] === '--table' || args[0] === '--gates') {
    const rows = args
      .slice(1)
      .flatMap((f) => readFileSync(f, 'utf8').split('\n'))
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l) as StudyRow);
    process.stdout.write((args[0] === '--table' ? tabulate(rows) : gateTable(rows)) + '\n');
  } else {
    const modes: MarkMode[] = args.includes('--canonical') ? ['canonical'] : args.includes('--wrap') ? ['wrap'] : ['wrap', 'canonical'];
    for (const set of args.filter((a) => !a.startsWith('--'))) {
      if (BLIND.test(set)) {
        process.stderr.write(`${set} is held out: not studied\n`);
        process.exitCode = 2;
        continue;
      }
      for (const mode of modes) for (const row of studySet(set, mode)) process.stdout.write(JSON.stringify(row) + '\n');
    }
  }
}
