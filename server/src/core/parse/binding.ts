/**
 * Binding: in one unit (a sentence of a paragraph, or a table row), the references are found, the
 * figures and period phrases read (figures.ts, periods.ts), each figure given its role and period
 * (clauses.ts), and each reference bound to its figure (docs/dialect.md §6).
 */
import type { Figure, PeriodPhrase } from '../types';
import { work } from '../work';
import { bindInSentence, firstIndex, levelIndex, readSentence, type LevelIndex, type SentenceReading } from './clauses';
import { readFigures } from './figures';
import { furtherFigures } from './further';
import type { Block } from './mask';
import type { PlacedFigure, Reference, ReportDocument } from './model';
import { isPeriodCode, yearOfPeriod } from './period-codes';
import { readSentencePeriods } from './periods';
import { sentenceSpans } from './sentences';

const REFERENCE = /\[\[([^\[\]\r\n]*)\]\]/g;

/** A sentence of prose as the clause reader saw it (offsets local to `text`, which starts at `from` in its block). */
interface ProseReading {
  text: string;
  from: number;
  figures: Figure[];
  periods: PeriodPhrase[];
  reading: SentenceReading;
  index: LevelIndex;
}

interface FoundRef {
  cell: number;
  start: number; // local to the cell's masked text
  end: number;
  inner: string;
}

/**
 * Finds references and figures in a list of blocks that form one unit: a paragraph (one block)
 * or a table row (one block per cell). In a paragraph each sentence is a unit; in a row the row is.
 */
export function checkSentences(blocks: Block[], doc: ReportDocument, isRow: boolean, isHeaderRow = false): void {
  const units: Array<Array<{ cell: number; from: number; to: number }>> = [];
  if (isRow) units.push(blocks.map((b, i) => ({ cell: i, from: 0, to: b.masked.length })));
  else for (const [from, to] of sentenceSpans(blocks[0].masked)) units.push([{ cell: 0, from, to }]);

  for (const unit of units) {
    const refs: FoundRef[] = [];
    // Mask the references before reading figures: a name such as "nền tảng số trên 10 triệu
    // người dùng" holds digits that are not a figure.
    const texts = unit.map(({ cell, from, to }) => {
      const src = blocks[cell].masked.slice(from, to);
      return src.replace(REFERENCE, (m: string, inner: string, at: number) => {
        refs.push({ cell, start: from + at, end: from + at + m.length, inner });
        return ' '.repeat(m.length);
      });
    });
    const figuresPerPart: PlacedFigure[][] = [];
    // A sentence of prose: its clause reading (roles, periods per figure, binding).
    let prose = null as ProseReading | null;
    let governing: { code: string; start: number; end: number } | undefined;
    const periods: Array<{ code: string; start: number; end: number }> = [];
    const sentenceIndex = doc.sentences.length;
    const sentence = {
      start: blocks[unit[0].cell].start + unit[0].from,
      end: blocks[unit[unit.length - 1].cell].start + unit[unit.length - 1].to,
      periods: [] as Array<{ code: string; comparison: boolean; start: number; end: number }>,
    };
    doc.sentences.push(sentence);
    unit.forEach(({ cell, from }, k) => {
      const base = blocks[cell].start + from;
      const text = texts[k];
      if (isRow && isPeriodCode(text.trim())) {
        const lead = text.length - text.trimStart().length;
        const p = { code: text.trim(), start: base + lead, end: base + lead + text.trim().length };
        periods.push(p);
        sentence.periods.push({ ...p, comparison: false });
        figuresPerPart.push([]);
        return;
      }
      // Yearless phrases ("Sang tháng 2", "6 tháng đầu năm") keep `XXXX` for the year: the chunk is
      // read without the document, which lends its year when the chunks are put together.
      const phrases = safe(() => readSentencePeriods(text), []);
      for (const p of phrases) {
        sentence.periods.push({ code: p.code, comparison: p.comparison, start: base + p.start, end: base + p.end });
        if (!p.comparison) periods.push({ code: p.code, start: base + p.start, end: base + p.end });
      }
      const figs = safe(() => readFigures(text), []);
      const reading = isRow ? null : safe(() => readSentence(text, figs, phrases), null);
      const placed = figs.map((f, i) => {
        const g = place(f, base, doc, sentenceIndex);
        const rd = reading?.figures[i];
        if (rd) {
          g.role = rd.role;
          if (rd.scope) g.scope = rd.scope;
          if (rd.against && g.change && !g.change.against) g.change = { ...g.change, against: rd.against };
        }
        // The figure's own period: its phrase (prose), the row's period phrase or code (tables).
        const own = reading ? (rd && rd.period >= 0 ? phrases[rd.period] : undefined) : undefined;
        if (own) {
          g.period = rd?.yearOf ? yearOfPeriod(own.code) : own.code;
          g.periodSource = 'phrase';
          g.periodRange = doc.lines.range(base + own.start, base + own.end);
        } else {
          g.period = null;
          g.periodSource = null;
        }
        return g;
      });
      if (reading) {
        prose = { text, from, figures: figs, periods: phrases, reading, index: levelIndex(reading, figs) };
        const gp = reading.governing >= 0 ? phrases[reading.governing] : undefined;
        if (gp) governing = { code: gp.code, start: base + gp.start, end: base + gp.end };
      }
      figuresPerPart.push(placed);
      doc.figures.push(...placed);
    });
    // Table rows: every figure takes the row's period (its first period phrase or code).
    if (isRow && periods[0]) {
      const rp = periods[0];
      for (const part of figuresPerPart) for (const g of part) {
        g.period = rp.code;
        g.periodSource = 'phrase';
        g.periodRange = doc.lines.range(rp.start, rp.end);
      }
    }
    if (!refs.length) continue;
    const period = periods[0];
    const partStarts = figuresPerPart.map((fs) => fs.map((f) => doc.lines.offsetAt(f.range.start)));
    const partEnds = figuresPerPart.map((fs) => fs.map((f) => doc.lines.offsetAt(f.range.end)));
    // nextFigure[j]: the first figure of parts j, j+1, … (the cells after a reference's cell).
    const nextFigure: Array<PlacedFigure | null> = new Array(figuresPerPart.length + 1).fill(null);
    for (let j = figuresPerPart.length - 1; j >= 0; j--) nextFigure[j] = figuresPerPart[j][0] ?? nextFigure[j + 1];
    // The part of each cell (a row of thousands of cells and references must not cost cells × references).
    const partOfCell = new Map<number, number>();
    unit.forEach((u, k) => {
      if (!partOfCell.has(u.cell)) partOfCell.set(u.cell, k);
    });
    for (const r of refs) {
      work.steps++;
      const k = partOfCell.get(r.cell) ?? -1;
      const absStart = blocks[r.cell].start + r.start;
      const absEnd = blocks[r.cell].start + r.end;
      let figure: PlacedFigure | null = null;
      let also: Reference['also'];
      if (prose) {
        // Prose: the level figure of the reference's clause (clauses.ts).
        const idx = bindInSentence(prose.text, r.start - prose.from, r.end - prose.from, prose.figures, prose.reading, prose.index);
        figure = idx >= 0 ? figuresPerPart[k][idx] : null;
        // "từ A năm X lên B năm Y": A is the indicator's value for X; "đạt B, cuối năm X là A" too.
        for (const j of idx >= 0 ? furtherFigures(idx, prose.text, prose.figures, prose.periods, prose.reading) : []) {
          const g = figuresPerPart[k][j];
          if (g.period && g.period !== figure?.period) (also ??= []).push({ figure: g, period: g.period });
        }
      } else if (!isHeaderRow) {
        // The first figure after the reference in its sentence (or in the cells after it)…
        // (binary searches over the part's figures, in order: a unit with thousands of figures and
        // references must not cost figures × references; see docs/reliability.md)
        const own = figuresPerPart[k];
        const starts = partStarts[k];
        const after = firstIndex(starts.length, (i) => starts[i] >= absEnd);
        figure = own[after] ?? nextFigure[k + 1] ?? null;
        // …or, failing that, a figure written right before it ("35/35 [[nền tảng số quốc gia]]"):
        // the last figure that ends before it, with only white space between.
        if (!figure) {
          const ends = partEnds[k];
          const last = firstIndex(ends.length, (i) => ends[i] > absStart) - 1;
          if (last >= 0 && onlySpaceBetween(doc.text, ends[last], absStart)) figure = own[last];
        }
      }
      const { name, compiler, nameStart, nameEnd } = splitReference(r.inner);
      const innerStart = absStart + 2;
      doc.references.push({
        written: r.inner,
        name,
        compiler,
        range: doc.lines.range(absStart, absEnd),
        nameRange: doc.lines.range(innerStart + nameStart, innerStart + nameEnd),
        figure,
        ...(also ? { also } : {}),
        ...referencePeriod(figure, prose ? governing : period, doc),
        sentence: { start: sentence.start, end: sentence.end },
        inTable: isRow,
      });
    }
  }
}

/**
 * A reference's period: its figure's own (prose: the phrase attached to or governing the figure;
 * tables: the row's), else the sentence's governing phrase, else none: the document's period is
 * filled in when the chunks are put together (document.ts assemble).
 */
function referencePeriod(
  figure: PlacedFigure | null,
  phrase: { code: string; start: number; end: number } | undefined,
  doc: ReportDocument,
): Pick<Reference, 'period' | 'periodSource' | 'periodRange'> {
  if (figure?.periodSource === 'phrase' && figure.period) return { period: figure.period, periodSource: 'phrase', periodRange: figure.periodRange };
  if (!figure && phrase) return { period: phrase.code, periodSource: 'phrase', periodRange: doc.lines.range(phrase.start, phrase.end) };
  return { period: null, periodSource: null, periodRange: undefined };
}

/** True if text[from, to) is only white space (scanned backwards: stops at the first other char). */
function onlySpaceBetween(text: string, from: number, to: number): boolean {
  for (let i = to - 1; i >= from; i--) if (!/\s/.test(text[i])) return false;
  return true;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

function place(f: Figure, base: number, doc: ReportDocument, sentence: number): PlacedFigure {
  return {
    ...f,
    sentence,
    range: doc.lines.range(base + f.start, base + f.end),
    numeralRange: doc.lines.range(base + f.numeralStart, base + f.numeralEnd),
  };
}

/** "tỷ trọng kinh tế số trong GDP @ TCTK" → name, compiler, and the name's offsets in `inner`. */
export function splitReference(inner: string): { name: string; compiler?: string; nameStart: number; nameEnd: number } {
  const at = inner.lastIndexOf('@');
  const namePart = at >= 0 ? inner.slice(0, at) : inner;
  const lead = namePart.length - namePart.trimStart().length;
  const nameStart = lead;
  const nameEnd = lead + namePart.trim().length;
  const compiler = at >= 0 ? inner.slice(at + 1).trim() || undefined : undefined;
  return { name: namePart.trim().replace(/\s+/g, ' '), compiler, nameStart, nameEnd };
}
