/**
 * Binding: in one unit (a sentence of a paragraph, or a table row), the references are found, the
 * figures and period phrases read (figures.ts, periods.ts), each figure given its role and period
 * (clauses.ts), and each reference bound to its figure (docs/dialect.md §6).
 */
import type { Figure, PeriodPhrase } from '../types';
import { work } from '../work';
import { carryOf, type Carry } from './carry';
import { pieceLend, type Piece } from './piece-year';
import { datedByEdition } from './name-year';
import { bindInSentence, firstIndex, levelIndex, type LevelIndex, type SentenceReading } from './clauses';
import { carryOn, REGION, type FamilyAnchor } from './family-carry'; import { anchorOf } from './family-anchor'; import { keepsAnchor } from './share-anaphor';
import { furtherFigures, listedRanks, NATION } from './further';
import type { Block } from './mask';
import { provinceRanks } from './province-items';
import { rankOpenedBefore } from './ranking-opened';
import type { PlacedFigure, Reference, ReportDocument } from './model';
import { cellPeriodCode, resolveSamePeriod, yearOfPeriod } from './period-codes';
import { readCell, readPart, readPartOnce, splitReference, splitReferenceOnce } from './part-reading';
import { sentenceSpans } from './sentences';

export { forgetHistoryReadings, splitReference } from './part-reading';

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
 *
 * `history` (parseReport's history path: what history/snapshot.ts keeps, the references and the
 * figures they bind): a unit with no reference is not read at all, no sentence is recorded, and
 * of a unit's figures only those a reference binds are placed (and put in `doc.figures`). The
 * references, their figures and periods are exactly those of the full reading.
 */
export function checkSentences(blocks: Block[], doc: ReportDocument, isRow: boolean, isHeaderRow = false, history = false): void {
  const units: Array<Array<{ cell: number; from: number; to: number }>> = [];
  // (built by push, as a sentence's unit is: one elements kind for both, no wrong-map deopt of this function)
  if (isRow) units.push(blocks.reduce<Array<{ cell: number; from: number; to: number }>>((row, b, i) => (row.push({ cell: i, from: 0, to: b.masked.length }), row), []));
  else for (const [from, to] of sentenceSpans(blocks[0].masked)) units.push([{ cell: 0, from, to }]);

  // Prose: the period a sentence's lead phrase lends the next sentences of the paragraph (carry.ts).
  // The history path skips the sentences with no reference: they are read only when a later
  // sentence needs the carry (the same carry as the full reading's).
  let carry: Carry | null = null;
  let pending: Array<{ text: string; base: number }> = [];
  const lent = (): Carry | null => {
    for (let i = pending.length - 1; i >= 0; i--) {
      const { text, base } = pending[i];
      const r = readPart(text, false);
      const st = r.reading ? carryOf(text, r.figs, r.phrases, r.reading, base) : undefined;
      if (st !== undefined) {
        carry = st;
        break;
      }
    }
    pending = [];
    return carry;
  };
  const settle = (st: Carry | null | undefined): void => {
    if (st === undefined) return;
    carry = st;
    pending = [];
  };

  // The reference of the last sentence whose rank the next sentences may go on listing (further.ts listedRanks).
  let ranking: Reference | null = null;
  // The one reference of an earlier sentence whose index the next sentences may go on telling of (family-carry.ts).
  let family: FamilyAnchor | null = null;
  // The last earlier piece (ending with ";") of the sentence a unit is a piece of (piece-year.ts).
  let pieces: Piece | null = null;
  for (const unit of units) {
    const refs: FoundRef[] = [];
    // Mask the references before reading figures: a name such as "nền tảng số trên 10 triệu
    // người dùng" holds digits that are not a figure.
    const texts: string[] = []; for (const { cell, from, to } of unit) texts.push(maskReferences(blocks[cell].masked.slice(from, to), cell, from, refs)); // (pushed: unit.map's array deoptimized every texts[k] here in a first reading, wrong map)
    const earlier: Piece | null = pieces;
    pieces = !isRow && texts[0].endsWith(';') ? { text: texts[0], base: blocks[unit[0].cell].start + unit[0].from, prev: earlier } : null;
    // The history keeps nothing of a unit with no reference.
    if (history && !refs.length && !ranking && !family) {
      if (!isRow) pending.push({ text: texts[0], base: blocks[unit[0].cell].start + unit[0].from });
      continue;
    }
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
    if (!history) doc.sentences.push(sentence);
    // Each part's figures as read (local offsets), placed (PlacedFigure) when first asked.
    const parts: Part[] = [];
    unit.forEach(({ cell, from }, k) => {
      const base = blocks[cell].start + from;
      const text = texts[k];
      const cp = isRow ? cellPeriodCode(text) : null;
      if (cp) {
        const p = { code: cp.code, start: base + cp.at, end: base + cp.at + cp.code.length };
        periods.push(p);
        sentence.periods.push({ code: p.code, start: p.start, end: p.end, comparison: false }); // no spread: V8's slow path (place)
        parts.push({ base, figs: [], phrases: [], reading: null, placed: [] });
        return;
      }
      // Yearless phrases ("Sang tháng 2", "6 tháng đầu năm") keep `XXXX` for the year: the chunk is
      // read without the document, which lends its year when the chunks are put together.
      // (the history's rows from its memo; its sentences read anew: part-reading.ts readPartOnce)
      const { phrases, figs, reading } = isRow ? (history ? readPartOnce(text, true) : readCell(text)) : readPart(text, false);
      for (const p of phrases) {
        sentence.periods.push({ code: p.code, comparison: p.comparison, start: base + p.start, end: base + p.end });
        if (!p.comparison) periods.push({ code: p.code, start: base + p.start, end: base + p.end });
      }
      parts.push({ base, figs, phrases, reading, placed: new Array(figs.length) });
      if (reading) {
        prose = { text, from, figures: figs, periods: phrases, reading, index: levelIndex(reading, figs) };
        const gp = reading.governing >= 0 ? phrases[reading.governing] : undefined;
        if (gp) governing = { code: gp.code, start: base + gp.start, end: base + gp.end };
      }
    });
    // What this sentence does to the carry; one that says "now" takes none itself.
    const own = prose ? carryOf(prose.text, prose.figures, prose.periods, prose.reading, blocks[unit[0].cell].start + prose.from) : undefined;
    let byPiece: Carry | null | undefined; // (a piece with no lead: what an earlier piece of its sentence lends, else the paragraph's, §35.2)
    const lentHere = (): Carry | null => (own === null ? null : ((byPiece ??= own === undefined && earlier ? pieceLend(earlier, readPart) : null) ?? lent()));
    // Table rows: every figure takes the row's period (its first period phrase or code).
    const rowPeriod = isRow ? periods[0] : undefined;
    const figureAt = (k: number, i: number): PlacedFigure => {
      const part = parts[k];
      let g = part.placed[i];
      if (!g) {
        g = placeFigure(part, i, doc, sentenceIndex, rowPeriod, lentHere);
        part.placed[i] = g;
        if (history) doc.figures.push(g);
      }
      return g;
    };
    if (!history) {
      for (let k = 0; k < parts.length; k++) {
        for (let i = 0; i < parts[k].figs.length; i++) figureAt(k, i);
        doc.figures.push(...parts[k].placed);
      }
    }
    if (!refs.length) {
      ranking = prose && ranking ? continueRanking(ranking, prose, (i) => figureAt(0, i), doc.text) : null;
      family = prose && family ? carryOn(family, prose.text, prose.figures, prose.reading, (i) => figureAt(0, i), prose.periods) : null;
      settle(own);
      continue;
    }
    const made = doc.references.length;
    const period = periods[0];
    // nextFigure[j]: the first figure of parts j, j+1, … (the cells after a reference's cell): [part, index].
    // (Not needed by prose, which binds by its clause reading.)
    const nextFigure: Array<[number, number] | null> = prose ? [] : new Array(parts.length + 1).fill(null);
    if (!prose) for (let j = parts.length - 1; j >= 0; j--) nextFigure[j] = parts[j].figs.length ? [j, 0] : nextFigure[j + 1];
    for (const r of refs) {
      work.steps++;
      // The part of the reference's cell: part k is cell k of a row, a sentence's one part is cell 0.
      const k = r.cell < parts.length ? r.cell : -1;
      const absStart = blocks[r.cell].start + r.start;
      const absEnd = blocks[r.cell].start + r.end;
      let figure: PlacedFigure | null = null;
      let also: Reference['also'];
      if (prose) {
        // Prose: the level figure of the reference's clause (clauses.ts).
        const idx = bindInSentence(prose.text, r.start - prose.from, r.end - prose.from, prose.figures, prose.reading, prose.index, r.inner);
        figure = idx >= 0 ? figureAt(k, idx) : null;
        if (figure) datedByEdition(figure, prose.text, r.end - prose.from, prose.figures[idx], prose.periods, parts[k].base, doc); // "trong [[DTI]] 2022" (name-year.ts)
        // "từ A năm X lên B năm Y": A is the indicator's value for X; "đạt B, cuối năm X là A" too;
        // the rank beside a score, the other units of a "lần lượt" list (further.ts).
        const further = idx >= 0 ? furtherFigures(idx, prose.text, prose.figures, prose.periods, prose.reading, r.start - prose.from, r.end - prose.from) : [];
        for (const { at, samePeriod, listed, rank, period: told } of further) {
          const g = figureAt(k, at);
          if (rank) g.role = 'rank';
          // The rank beside a score, another unit of a list: with no phrase of its own, the bound
          // figure's period ("năm 2023 đạt cấp độ 6/10, xếp thứ 38": 2023); none (`''` here), the
          // document's, filled in when the chunks are put together.
          // (a "cùng kỳ" base of a figure dated by an earlier sentence: that period a year back, earlier-bases.ts; none, no figure)
          const moved = told?.startsWith('SPLY') ? (figure?.period && resolveSamePeriod(told, figure.period)) || null : told;
          if (moved === null) continue;
          const period = moved ?? (samePeriod && !prose.reading.figures[at].own ? figure?.period : g.period);
          if (samePeriod || (period && period !== figure?.period)) (also ??= []).push(listed ? { figure: g, period: period ?? '', listed } : { figure: g, period: period ?? '' });
        }
      } else if (!isHeaderRow) {
        // The first figure after the reference in its sentence (or in the cells after it)…
        // (binary searches over the part's figures, in order: a unit with thousands of figures and
        // references must not cost figures × references; see docs/reliability.md)
        // (a figure's range in the document is [base + start, base + end))
        const { base, figs } = parts[k];
        const after = firstIndex(figs.length, (i) => base + figs[i].start >= absEnd);
        const next = after < figs.length ? [k, after] : nextFigure[k + 1];
        figure = next ? figureAt(next[0], next[1]) : null;
        // …or, failing that, a figure written right before it ("35/35 [[nền tảng số quốc gia]]"):
        // the last figure that ends before it, with only white space between.
        if (!figure) {
          const last = firstIndex(figs.length, (i) => base + figs[i].end > absStart) - 1;
          if (last >= 0 && onlySpaceBetween(doc.text, base + figs[last].end, absStart)) figure = figureAt(k, last);
        }
      }
      const { name, compiler, nameStart, nameEnd } = history ? splitReferenceOnce(r.inner) : splitReference(r.inner);
      const innerStart = absStart + 2;
      const range = doc.lines.range(absStart, absEnd);
      const nameRange = doc.lines.range(innerStart + nameStart, innerStart + nameEnd);
      const { period: p, periodSource, periodRange } = referencePeriod(figure, prose ? (governing ?? lentHere() ?? undefined) : period, doc);
      const at = { start: sentence.start, end: sentence.end };
      // (literals, not spreads of `also` and the period: V8's slow path; the same keys in the same order)
      doc.references.push(
        also
          ? { written: r.inner, name, compiler, range, nameRange, figure, also, period: p, periodSource, periodRange, sentence: at, inTable: isRow }
          : { written: r.inner, name, compiler, range, nameRange, figure, period: p, periodSource, periodRange, sentence: at, inTable: isRow },
      );
    }
    ranking = prose ? rankingOf(doc.references.slice(made), prose) : null;
    family = prose ? (keepsAnchor(prose.text, doc.references.slice(made), family) ? family : anchorOf(doc.references.slice(made), prose.text, refs.map((r) => r.inner))) : null; // (a share told through an anaphor keeps the amount's: share-anaphor.ts)
    settle(own);
  }
}

/**
 * The one reference of a sentence of prose bound to a rank, or to a score (class
 * listed-ranks-with-scores, round 18: "… dẫn đầu cả nước, với [[điểm DTI]] 0,8002. Huế và Cần Thơ lần
 * lượt xếp thứ 4 và thứ 5, với số điểm tương ứng là …": after a score, only such lists, continueRanking),
 * that the next sentences may go on listing: not the country's
 * ("Việt Nam xếp thứ 44 về [[X]]": the places after it are other countries'; a unit leading the
 * nation, "dẫn đầu cả nước", is no figure of the nation), else null.
 */
function rankingOf(made: Reference[], prose: ProseReading): Reference | null {
  // (a ranking named with no figure, "Trong bảng [[xếp hạng … cấp tỉnh]] năm 2022, …": the next sentences may list its places, §34.1)
  if (made.length === 1 && !made[0].figure && !made[0].inTable && !prose.figures.length) return REGION.test(prose.text) ? null : made[0];
  const ranked = made.filter((r) => r.figure?.role === 'rank' || indexScore(r.figure));
  if (ranked.length !== 1 || NATION.test(prose.text.replace(LEADS_NATION, ' '))) return null;
  // (another ranking opened the sentence, its subject's first place: the places listed next are its, ranking-opened.ts)
  const read = made.flatMap((r) => [r.figure?.start ?? -1, ...(r.also ?? []).map((a) => a.figure.start)]);
  return ranked[0].figure?.role === 'rank' && rankOpenedBefore(prose.figures, prose.periods, prose.reading, ranked[0].figure, read) ? null : ranked[0];
}

/** A unit said to lead (first place) in its sentence: "dẫn đầu", "đứng đầu", "đứng/xếp thứ nhất". */
const LEADS = /(?<![\p{L}])(?:dẫn đầu|đứng đầu|(?:đứng|xếp)(?: ở)?(?: vị trí)? thứ nhất)(?![\p{L}])/iu;
/** A list of an index's parts ("trụ cột", "chỉ số", "tiêu chí"), no units: its ranks are the parts'. */
const PARTS = /(?<![\p{L}])(?:trụ cột|chỉ số|tiêu chí)(?![\p{L}])/iu;
/** A unit leading or trailing the nation: the nation is its scope, not the subject. */
const LEADS_NATION = /(?:dẫn đầu|đứng đầu|cao nhất|thấp nhất)\s+(?:cả nước|toàn quốc)(?![\p{L}])/giu;

/** A score of an index: a level with no unit but "điểm", written with two decimals or more, or in "điểm". */
function indexScore(f: PlacedFigure | null): boolean {
  if (!f || f.role !== 'level' || f.kind !== 'number' || f.change) return false;
  const unit = f.unit?.normalize('NFC').toLowerCase();
  return unit === 'điểm' || (!unit && f.decimals >= 2);
}

/**
 * "… vị trí thứ 11 trên bảng [[X]] năm 2022; Hậu Giang, Tiền Giang và Vĩnh Long lần lượt đứng thứ
 * 17, 20 và 30.": a sentence with no reference that only lists places and their ranks after the
 * sentence of a ranking's reference, or that only names other units, each with its rank ("Hà Tĩnh
 * xếp thứ 37; Quảng Bình, Quảng Trị đứng thứ 46 và 55", province-items.ts): its ranks are further
 * figures of that reference (the latter `listed`: each its unit's), with the period of their own
 * phrase, else the bound rank's. The reference, for the next sentence; null if
 * the sentence is no such list.
 */
function continueRanking(ref: Reference, prose: ProseReading, figureAt: (i: number) => PlacedFigure, text: string): Reference | null {
  // (a piece with no figure before ";", "Đà Nẵng vẫn dẫn đầu;": the rest of its sentence may list on, §34.1)
  if (!prose.figures.length && /;\s*$/u.test(prose.text)) return ref;
  const respective = listedRanks(prose.text, prose.figures, prose.reading);
  // After a score, only ranks told with their scores ("…, với số điểm tương ứng là …"): ranks alone
  // are no telling of the score (test/fixtures/prose/reading.yaml).
  // (class leader-then-ranks, round 19: unless the score's sentence says its unit leads, "Hà Nội dẫn đầu cả nước, với giá trị [[DTI]] 0,8241. Huế, Hải Phòng … lần lượt xếp thứ 2, 3 …": the ranking told on)
  if (ref.figure && ref.figure.role !== 'rank' && !respective?.some((i) => prose.reading.figures[i].role !== 'rank') && !(respective && LEADS.test(text.slice(ref.sentence.start, ref.sentence.end)) && !PARTS.test(prose.text))) return null;
  // Else each unit with its rank ("Hà Tĩnh xếp thứ 37; Quảng Bình, Quảng Trị đứng thứ 46 và 55"): other units' (province-items.ts).
  // (a region's places, "Trong vùng, Lạng Sơn đứng thứ 1 …", are no places of the ranking told of)
  if ((!ref.figure && respective) || REGION.test(prose.text)) return null;
  const units = respective ? null : provinceRanks(prose.text, prose.figures, prose.reading, text.slice(ref.sentence.start, ref.sentence.end));
  const listed = respective ?? units;
  if (!listed) return null;
  const also = (ref.also ??= []);
  for (const i of listed) {
    const g = figureAt(i);
    const period = (prose.reading.figures[i].own || !ref.figure ? g.period : ref.figure.period) ?? '';
    if (units) g.role = 'rank'; // ("Kiên Giang (32)": a bare place in a list of ranks)
    also.push(units ? { figure: g, period, listed: true } : { figure: g, period });
  }
  return ref;
}

/**
 * `src` (a unit's text from offset `from` of its cell) with each `[[…]]` blanked by as many spaces,
 * its references pushed to `refs`: `src.replace(REFERENCE, …)` without a callback per reference,
 * and `src` itself when it holds no `[[`.
 */
function maskReferences(src: string, cell: number, from: number, refs: FoundRef[]): string {
  if (src.indexOf('[[') < 0) return src;
  let out = '';
  let last = 0;
  REFERENCE.lastIndex = 0;
  for (let m = REFERENCE.exec(src); m !== null; m = REFERENCE.exec(src)) {
    const end = m.index + m[0].length;
    refs.push({ cell, start: from + m.index, end: from + end, inner: m[1] });
    out += src.slice(last, m.index) + ' '.repeat(end - m.index);
    last = end;
  }
  return last === 0 ? src : out + src.slice(last);
}

/** One part of a unit (a sentence, or a cell of a row): what was read of it, and its figures placed so far. */
interface Part {
  /** Absolute offset of the part's text. */
  base: number;
  figs: Figure[];
  phrases: PeriodPhrase[];
  reading: SentenceReading | null;
  placed: PlacedFigure[];
}

/**
 * Figure `i` of a part, placed in the document: its range, its role and scope from the clause
 * reading, and its period (prose: its own phrase; a table row: the row's first period).
 */
function placeFigure(
  part: Part,
  i: number,
  doc: ReportDocument,
  sentenceIndex: number,
  rowPeriod: { code: string; start: number; end: number } | undefined,
  lent: () => Carry | null,
): PlacedFigure {
  const { base, reading, phrases } = part;
  const g = place(part.figs[i], base, doc, sentenceIndex);
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
    // Prose with no phrase of its own: the period the paragraph's last lead phrase lends (carry.ts).
    const c = reading ? lent() : null;
    g.period = c ? (rd?.role === 'target' ? yearOfPeriod(c.code) : c.code) : null;
    g.periodSource = c ? 'phrase' : null;
    if (c) g.periodRange = doc.lines.range(c.start, c.end);
  }
  if (rowPeriod) {
    g.period = rowPeriod.code;
    g.periodSource = 'phrase';
    g.periodRange = doc.lines.range(rowPeriod.start, rowPeriod.end);
  }
  return g;
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

function place(f: Figure, base: number, doc: ReportDocument, sentence: number): PlacedFigure {
  // `{ ...f, sentence, range, numeralRange }` field by field: the same keys in the same order, but
  // V8 (Node 20) takes a slow path for fields added to a spread copy (microseconds per figure).
  const g = Object.assign({}, f) as PlacedFigure;
  g.sentence = sentence;
  g.range = doc.lines.range(base + f.start, base + f.end);
  g.numeralRange = doc.lines.range(base + f.numeralStart, base + f.numeralEnd);
  return g;
}
