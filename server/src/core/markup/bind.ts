/**
 * The detector's reading of a unit, with the checker's readers and binder: the names about to be
 * marked read as spaces (as the parser reads a reference), figures and period phrases read by
 * parse/figures.ts and parse/periods.ts, a sentence's clauses, roles and periods by
 * parse/clauses.ts readSentence, and each name bound by bindInSentence, exactly as parse/document.ts
 * binds a reference; a table row binds as the parser binds in a row (the first figure after the
 * name in its cell or a later cell, else one right before it). Nothing is re-parsed afterwards.
 */
import { bindInSentence, firstIndex, levelIndex, readSentence, type LevelIndex, type SentenceReading } from '../parse/clauses';
import { readFigures } from '../parse/figures';
import { readSentencePeriods } from '../parse/periods';
import { isPeriodCode, yearOfPeriod } from '../parse/period-codes';
import { editionOf } from '../parse/name-year';
import type { Figure, PeriodPhrase } from '../types';
import { work } from '../work';
import type { ProseUnit } from './prose';

/** A span of a part to read as spaces: a name about to be marked. */
export interface Span {
  part: number;
  start: number;
  end: number;
}

/** A unit as the checker will read it once the names are marked. */
export interface UnitReading {
  /** Each part's text with the names as spaces. */
  texts: string[];
  figs: Figure[][];
  periods: PeriodPhrase[][];
  /** A sentence of prose (one part): its clause reading. Null for a table row. */
  prose: { reading: SentenceReading; index: LevelIndex } | null;
  /** A table row: its period (the first period phrase or a cell that is a period code). */
  rowPeriod: { part: number; start: number; end: number; code: string } | null;
}

/** Where a name binds: the figure (index into its part's figures) and the period phrase that gives the figure its period. */
export interface Bound {
  part: number;
  fig: number;
  /** (`edition`: the year written right after the name, parse/name-year.ts: the figure's own period) */
  period: { part: number; start: number; end: number; code: string; edition?: boolean } | null;
}

/** The unit's parts read with `spans` blanked, as parse/document.ts checkSentences reads them. */
export function readUnit(unit: ProseUnit, spans: Span[]): UnitReading {
  const texts = unit.parts.map((part, k) => {
    const own = spans.filter((s) => s.part === k).sort((a, b) => a.start - b.start);
    if (!own.length) return part.text;
    const pieces: string[] = [];
    let at = 0;
    for (const s of own) {
      pieces.push(part.text.slice(at, s.start), ' '.repeat(s.end - s.start));
      at = s.end;
    }
    pieces.push(part.text.slice(at));
    work.steps += part.text.length;
    return pieces.join('');
  });
  return readTexts(unit, texts);
}

/** The unit read from `texts`, its parts' texts with names blanked (readUnit). */
export function readTexts(unit: ProseUnit, texts: string[]): UnitReading {
  const rowCode = (k: number): boolean => unit.table && isPeriodCode(texts[k].trim());
  const figs = texts.map((s, k) => (rowCode(k) ? [] : safe(() => readFigures(s), [])));
  const periods = texts.map((s, k) => (rowCode(k) ? [] : safe(() => readSentencePeriods(s), [])));
  let prose: UnitReading['prose'] = null;
  if (!unit.table) {
    const reading = safe(() => readSentence(texts[0], figs[0], periods[0]), null);
    if (reading) prose = { reading, index: levelIndex(reading, figs[0]) };
  }
  let rowPeriod: UnitReading['rowPeriod'] = null;
  if (unit.table) {
    for (let k = 0; k < texts.length && !rowPeriod; k++) {
      const t = texts[k].trim();
      if (rowCode(k)) {
        const lead = texts[k].length - texts[k].trimStart().length;
        rowPeriod = { part: k, start: lead, end: lead + t.length, code: t };
      } else {
        const p = periods[k].find((x) => !x.comparison);
        if (p) rowPeriod = { part: k, start: p.start, end: p.end, code: p.code };
      }
    }
  }
  return { texts, figs, periods, prose, rowPeriod };
}

/** The figure the checker binds a reference at [start, end) of part `part` to, or null; `name`: the words the mark will hold (parse/population-share.ts). */
export function bindSpan(unit: ProseUnit, r: UnitReading, part: number, start: number, end: number, name?: string): Bound | null {
  if (r.prose) {
    const figs = r.figs[0];
    const idx = bindInSentence(r.texts[0], start, end, figs, r.prose.reading, r.prose.index, name);
    if (idx < 0) return null;
    const rd = r.prose.reading.figures[idx];
    // "xuống thứ 39 trong DTI 2022": the index's edition dates its figure, as the checker reads it (parse/name-year.ts).
    const y = editionOf(r.texts[0], end, figs[idx], r.periods[0], rd.role);
    if (y) return { part: 0, fig: idx, period: { part: 0, start: y.start, end: y.end, code: y.code, edition: true } };
    const p = rd.period >= 0 ? r.periods[0][rd.period] : undefined;
    return { part: 0, fig: idx, period: p ? { part: 0, start: p.start, end: p.end, code: rd.yearOf ? yearOfPeriod(p.code) : p.code } : null };
  }
  if (!unit.table) return null;
  // A row: the first figure after the reference in its cell, else the first of a later cell…
  const own = r.figs[part];
  const after = firstIndex(own.length, (i) => own[i].start >= end);
  if (after < own.length) return valueCell(unit, r, { part, fig: after, period: r.rowPeriod });
  for (let k = part + 1; k < r.figs.length; k++) if (r.figs[k].length) return valueCell(unit, r, { part: k, fig: 0, period: r.rowPeriod });
  // …else a figure right before it, with only white space between.
  const last = firstIndex(own.length, (i) => own[i].end > start) - 1;
  if (last >= 0 && /^\s*$/.test(r.texts[part].slice(own[last].end, start))) return valueCell(unit, r, { part, fig: last, period: r.rowPeriod });
  return null;
}

/**
 * A row's figure under a column headed as a change or a target ("Đề ra năm 2023", "Tăng/giảm";
 * unit.columns): the checker binds the first figure of a later value cell instead, or none
 * (parse/table-header.ts bindRow; docs/reading.md §30).
 */
function valueCell(unit: ProseUnit, r: UnitReading, b: Bound): Bound | null {
  const kinds = unit.columns;
  if (!kinds || kinds.length !== r.figs.length || kinds[b.part] === 'value') return b;
  for (let k = b.part + 1; k < r.figs.length; k++) {
    const i = kinds[k] === 'value' ? r.figs[k].findIndex((f) => !f.change) : -1;
    if (i >= 0) return { part: k, fig: i, period: r.rowPeriod };
  }
  return null;
}

/** The clause (index into the reading's clauses) an offset of a sentence is in. */
export function clauseAt(r: UnitReading, at: number): number {
  const cs = r.prose?.reading.clauses ?? [];
  return Math.max(0, firstIndex(cs.length, (k) => cs[k].start > at) - 1);
}

/** The role the clause reader gave a bound figure (a table's figures are levels). */
export function roleOf(r: UnitReading, b: Bound): ReturnType<typeof readSentence>['figures'][number]['role'] {
  return r.prose ? r.prose.reading.figures[b.fig].role : 'level';
}


function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/** A bound figure's key within its unit ('' for none). */
export const boundKey = (b: Bound | null): string => (b ? `${b.part}:${b.fig}` : '');

/** The figures the unit's existing references bind (by the same binder): not bound twice. */
export function figuresOfReferences(unit: ProseUnit, reading: UnitReading): Set<string> {
  const out = new Set<string>();
  unit.parts.forEach((p, k) => {
    for (const r of p.refs) out.add(boundKey(bindSpan(unit, reading, k, r.start - p.start, r.end - p.start)));
  });
  out.delete('');
  return out;
}

