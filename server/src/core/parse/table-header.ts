/**
 * What a table's header, first column and caption say about the figures of its body rows (issue
 * #13, docs/dialect.md §7), once the rows are placed (parse/document.ts parseReport): no row is read
 * again, only the placed figures are linked, so a keystroke in a cell costs a walk over the
 * segments' counts (the rows' own readings stay cached under their lines: table-rows.ts).
 *
 * 1. A reference in a header cell names the index of its column's figures: `| Tỉnh | [[Xếp hạng
 *    DTI]] năm 2022 |` over rows `| Kon Tum | 45 |`. In the first header cell it names the index of
 *    the rows' value columns (`| [[Số cuộc tấn công mạng …]] | Số cuộc | So với cùng kỳ |`). Each body
 *    row whose first cell is a period (its figures have the row's period) or a province gives its
 *    figure of that column; a row of anything else (a firm, a ministry, a country) gives none, nor
 *    does a row with a reference of its own. The first such figure is the reference's, the others
 *    are its further figures (`also`; a province's `listed`, as in a list of provinces in prose).
 * 2. A header cell that is a period (`| Chỉ tiêu | 2022 | 2023 | 6 tháng 2024 |`) is the period of
 *    its column's figures that have none of their own row: a row's reference then takes its figure
 *    with that period and the figures of the row's other period columns as further figures.
 * 3. A column headed as a change ("Tăng/giảm", "So với 2022") or a target ("Mục tiêu 2025", "Kế
 *    hoạch") holds no value: a reference is never bound to its figure (a row's reference bound
 *    there by the row rule takes the next value cell's instead, or none).
 * 4. The period of a figure bound by 1 with no period of its row: its column header's period phrase,
 *    else that of the reference's cell, else the caption's ("Bảng 2. Xếp hạng DTI cấp tỉnh năm
 *    2022": a paragraph line starting "Bảng" right above the table), else the document's.
 * 5. A row's reference whose figure has no period of its own, its row's or its column's, takes the
 *    table's: the first header cell's period phrase when that cell names the rows too ("| Chỉ số
 *    chính năm 2022 | Đà Nẵng | Cần Thơ |"), else the caption's (tablePeriod).
 *    Under a province's column, the row's figures of the next provinces' columns are its further
 *    figures, listed (reading.md §7.1, item 4: table-column-province.ts).
 * The references so made are new objects in place of the placed ones (never changed: versions share
 * them), kept per placed reference while their inputs are the same objects (a keystroke elsewhere
 * gives the same references). cellAt answers the rules' question (rules/table-cells.ts) from the
 * same shapes. Pure but for those caches.
 */
import { readPeriods } from './periods';
import { captionAbove } from './table-caption';
import { provinceCell } from './table-column-province';
import { asRank, measureCell } from './table-measures';
import { CHANGE_LABEL, chunkMayBind, shapedHeader, targetCell } from './table-shape';
import { isProvinceName } from './subject-list';
import { cellCount, cellOf, cellRange, editionInCell, estimatedYear, rankFirstLabel } from './table-cells';
import { isMinistryLabel, rowUnder } from './table-subjects';
import { headerUnit, inHeaderUnit } from './table-units';
import type { PlacedFigure, Reference, ReportDocument } from './model';
import type { RowShape, Segment, SegmentModel } from './table-rows';

/** A piece of parseReport: a chunk's segments and where the chunk starts. */
export interface SegmentPiece {
  base: number;
  model: { segments: readonly Segment[] };
}

/** A row placed: where its line starts, its model and the index of its first figure, reference and sentence in the document. */
interface RowAt {
  base: number;
  model: SegmentModel;
  shape: RowShape;
  figure: number;
  reference: number;
  sentence: number;
}

interface TableAt {
  header: RowAt;
  rows: RowAt[];
}

const piecesOf = new WeakMap<ReportDocument, readonly SegmentPiece[]>();

/**
 * The tables of `doc` placed from `pieces` (in order), each with its rows; `only`: only the tables
 * whose header passes it (the others are counted over, not collected).
 */
function walk(doc: ReportDocument, pieces: readonly SegmentPiece[], only?: (header: SegmentModel, base: number) => boolean): TableAt[] {
  const out: TableAt[] = [];
  let figure = 0;
  let reference = 0;
  let sentence = 0;
  let current: TableAt | null = null;
  for (const piece of pieces) {
    for (const seg of piece.model.segments) {
      const { model } = seg;
      const shape = model.row;
      if (!shape) current = null;
      else if (shape.header) {
        current = null;
        if (!only || only(model, piece.base + seg.base)) {
          current = { header: { base: piece.base + seg.base, model, shape, figure, reference, sentence }, rows: [] };
          out.push(current);
        }
      } else current?.rows.push({ base: piece.base + seg.base, model, shape, figure, reference, sentence });
      figure += model.part.figures.length;
      reference += model.part.references.length;
      sentence += model.part.sentences.length;
    }
  }
  // (a count that does not match the document's lists: a placement this walk does not know; bind nothing)
  return figure === doc.figures.length && reference === doc.references.length && sentence === doc.sentences.length ? out : [];
}


/** The text of cell `c` of a placed row, trimmed, without the pipes around it ('' if none). */
function cellText(doc: ReportDocument, row: RowAt, c: number): string {
  const cell = cellRange(row.shape, c);
  return cell && cell[0] >= 0 ? doc.text.slice(row.base + cell[0], row.base + cell[1]).trim().replace(/^\|/, '').replace(/(?<!\\)\|$/, '').trim() : '';
}

type Period = { code: string; start: number; end: number };

/** The first period of a placed row's sentence inside cell `c` (a comparison base aside). */
function periodIn(doc: ReportDocument, row: RowAt, c: number): Period | undefined {
  const cell = cellRange(row.shape, c);
  const s = row.model.part.sentences.length ? doc.sentences[row.sentence] : undefined;
  if (!cell || cell[0] < 0 || !s) return undefined;
  const from = row.base + cell[0];
  const to = row.base + cell[1];
  return s.periods.find((p) => !p.comparison && p.start >= from && p.end <= to);
}

interface Column {
  kind: 'value' | 'change' | 'target';
  /** The header cell's period phrase (a value column's only). */
  period?: Period;
  /** The whole header cell is that period ("2022", "6 tháng 2024", "Năm 2023"). */
  periodOnly: boolean;
  /** The cell names a measure alone ("Điểm", "Xếp hạng": table-measures.ts). */
  measure?: 'score' | 'rank';
  /** The cell is a province's name alone (a column of its figures: table-column-province.ts). */
  province?: true;
}

const periodWords = (more: string): RegExp => new RegExp(`(?<![\\p{L}])(?:năm|kỳ|ước|ước tính|sơ bộ${more})(?![\\p{L}])`, 'giu');
const [PERIOD_WORDS, RESULT_WORDS] = [periodWords(''), periodWords('|thực hiện|kết quả')];

function columnsOf(doc: ReportDocument, header: RowAt): Column[] {
  return Array.from({ length: cellCount(header.shape) }, (_, c) => {
    const text = cellText(doc, header, c);
    const kind = CHANGE_LABEL.test(text) ? 'change' : targetCell(text, c) ? 'target' : 'value';
    const period = kind === 'value' ? periodIn(doc, header, c) : undefined;
    // Nothing but the phrase, "năm"/"kỳ" and an estimate's mark ("2023 (ước)"); a column's results
    // ("Thực hiện 2024") too, never the corner's ("Kết quả năm 2022" over provinces dates the table: 5).
    const rest = period ? text.replace(doc.text.slice(period.start, period.end), '').replace(c > 0 ? RESULT_WORDS : PERIOD_WORDS, '').replace(/[^\p{L}\p{N}]/gu, '') : 'x';
    const periodOnly = rest === '';
    const measure = kind === 'value' && c > 0 ? measureCell(text.replace(/[*_]/g, ''))?.measure : undefined;
    const province = kind === 'value' && c > 0 && provinceCell(text);
    return { kind, period, periodOnly, ...(measure ? { measure } : {}), ...(province ? { province } : {}) };
  });
}

/** The figures of a placed row with their cells, in order. */
function rowFigures(doc: ReportDocument, row: RowAt): Array<{ f: PlacedFigure; cell: number }> {
  return row.model.part.figures.map((g, k) => ({ f: doc.figures[row.figure + k], cell: cellOf(row.shape, g.range.start.character) }));
}

/** True if the figure is a value a header may bind: not a change nor a target by its own words. */
const isValue = (f: PlacedFigure): boolean => !f.change && f.role !== 'target' && f.role !== 'base';

type Further = NonNullable<Reference['also']>[number];

/** A bound figure with its period (and range), for a reference made here. */
interface Binding {
  f: PlacedFigure;
  period: string | null;
  range?: Reference['periodRange'];
  listed?: true;
}

/** The period a header lends a figure with none of its row: its column's, else `fallback`'s. */
function lent(doc: ReportDocument, f: PlacedFigure, column: Column | undefined, fallback: Period | undefined): Pick<Binding, 'period' | 'range'> {
  if (f.periodSource === 'phrase' && f.period) return { period: f.period, range: f.periodRange };
  const p = column?.period ?? fallback;
  return p ? { period: p.code, range: doc.lines.range(p.start, p.end) } : { period: f.period ?? null, range: undefined };
}

/** References made, per placed reference: the same inputs give the same object. */
const made = new WeakMap<Reference, { inputs: unknown[]; out: Reference }>();

function makeRef(r: Reference, bound: Binding | null, further: Binding[]): Reference {
  const inputs: unknown[] = [bound?.f ?? null, bound?.period, ...further.flatMap((b) => [b.f, b.period, b.listed])];
  const kept = made.get(r);
  if (kept && kept.inputs.length === inputs.length && kept.inputs.every((x, i) => x === inputs[i])) return kept.out;
  const also: Further[] = further.filter((b) => b.period).map((b) => (b.listed ? { figure: b.f, period: b.period!, listed: true } : { figure: b.f, period: b.period! }));
  const { also: _old, ...fields } = r;
  const out: Reference = {
    ...fields,
    figure: bound?.f ?? null,
    ...(also.length ? { also } : {}),
    period: bound ? bound.period : r.period,
    periodSource: bound ? (bound.range ? 'phrase' : bound.period ? 'document' : null) : r.periodSource,
    periodRange: bound ? bound.range : r.periodRange,
  };
  made.set(r, { inputs, out });
  return out;
}

/**
 * The caption's period: the line right above the header (one blank line between or none) when it
 * opens with "Bảng", its first period phrase (a comparison base aside). Read from the text, one line:
 * the history's reading (parseReport `history`) does not read a paragraph with no reference.
 */
function captionPeriod(doc: ReportDocument, t: TableAt): Period | undefined {
  const caption = captionAbove(doc.text, t.header.base);
  if (!caption) return undefined;
  const p = safeRead(caption.line).find((x) => !x.comparison && !x.code.startsWith('XXXX'));
  return p ? { code: p.code, start: caption.start + p.start, end: caption.start + p.end } : undefined;
}

/**
 * The period of a whole table (5 in the module comment): the phrase of its first header cell when
 * that cell also names what the rows are ("| Chỉ số chính năm 2022 | Đà Nẵng | Cần Thơ |", "|
 * Thanh Hóa, DTI năm 2021 | Kết quả |"; a cell that is only a period is its column's), else the
 * caption's; none when another header cell has a period of its own (the columns date their figures).
 */
function tablePeriod(doc: ReportDocument, t: TableAt, columns: Column[]): Period | undefined {
  if (columns.some((col, i) => i > 0 && col.period)) return undefined;
  const corner = columns[0];
  return (corner?.kind === 'value' && !corner.periodOnly ? corner.period : undefined) ?? captionPeriod(doc, t);
}

function safeRead(line: string): ReturnType<typeof readPeriods> {
  try {
    return readPeriods(line);
  } catch {
    return [];
  }
}

/** The year of an estimated row label (estimatedYear) as a column's period would be, its range the year's digits. */
function labelYear(doc: ReportDocument, row: RowAt, year: string): Column {
  const start = doc.text.indexOf(year, row.base + row.shape.cells[0]);
  return { kind: 'value', period: { code: year, start, end: start + year.length }, periodOnly: true };
}

/** 1: a header cell's reference bound to its column's figures (see the module comment). */
function bindHeader(doc: ReportDocument, t: TableAt, columns: Column[], j: number, out: Map<number, Reference>): void {
  const r = doc.references[t.header.reference + j];
  const c = cellOf(t.header.shape, t.header.model.part.references[j].range.start.character);
  if (c < 0 || columns[c]?.kind !== 'value') return;
  // The value columns it names: its own; from the first cell, the value columns, all of them when each has a period of its own.
  const values = columns.flatMap((col, i) => (i > 0 && col.kind === 'value' ? [i] : []));
  // (a rank-first table, "| Hạng DTI 2023 | Tỉnh |" over "| 7 | Bình Dương |": the rows' label is column k, the first cell's reference names the ranks of column 0)
  const k = rankFirstLabel(t.rows.map((row) => Array.from({ length: cellCount(row.shape) }, (_, i) => cellText(doc, row, i))), (l, i) => rowUnder(cellText(doc, t.header, i), l));
  const named = c > 0 ? [c] : k ? [0] : values.length > 1 && values.every((i) => columns[i].period) ? values : values.slice(0, 1);
  const fallback = columns[c].period ?? editionInCell(doc.text, doc.lines.offsetAt(r.range.end)) ?? captionPeriod(doc, t); // ("Điểm [[DTI]] 2022")
  const bound: Binding[] = [];
  for (const row of t.rows) {
    if (row.model.part.references.length) continue;
    const label = cellText(doc, row, k).replace(/[*_]/g, '').trim();
    const ownPeriod = !!periodIn(doc, row, 0);
    const estimated = ownPeriod ? null : estimatedYear(label);
    const province = !ownPeriod && !estimated && (isProvinceName(label) || isMinistryLabel(label));
    if (!ownPeriod && !estimated && !province) continue;
    const figs = rowFigures(doc, row);
    for (const col of named) {
      const hit = figs.find((x) => x.cell === col);
      if (!hit || !isValue(hit.f)) continue;
      const year = estimated ? labelYear(doc, row, estimated) : undefined;
      const f = k && !col ? asRank(hit.f) : inHeaderUnit(hit.f, headerUnit(cellText(doc, t.header, col)) ?? headerUnit(cellText(doc, t.header, c)));
      bound.push({ f, ...lent(doc, hit.f, year ?? columns[col], fallback), ...(province ? { listed: true as const } : {}) });
    }
  }
  if (!bound.length) return;
  const [first, ...rest] = bound;
  // The first figure's period stays its own; the others' with another period or subject only.
  out.set(t.header.reference + j, makeRef(r, first, rest.filter((b) => b.listed || b.period !== first.period)));
}

/** 2 and 3: a body row's references given their column's period and the row's other period columns. */
function bindRow(doc: ReportDocument, t: TableAt, columns: Column[], row: RowAt, out: Map<number, Reference>): void {
  const { header } = t;
  const refs = row.model.part.references;
  const figs = rowFigures(doc, row);
  const ownPeriod = row.model.part.sentences.length > 0 && doc.sentences[row.sentence].periods.some((p) => !p.comparison);
  refs.forEach((placed, m) => {
    const r = doc.references[row.reference + m];
    const c = cellOf(row.shape, placed.range.start.character);
    const next = m + 1 < refs.length ? cellOf(row.shape, refs[m + 1].range.start.character) : cellCount(row.shape);
    if (c < 0 || !r.figure) return;
    const at = figs.findIndex((x) => x.f === r.figure);
    if (at < 0) return;
    const col = figs[at].cell;
    const kind = columns[col]?.kind ?? 'value';
    const periodCols = !ownPeriod && columns[col]?.periodOnly;
    if (kind === 'value' && !periodCols) {
      // A pillar's row under measure columns ("| [[…chính quyền số…]] | 0,6683 | 29 |"): table-measures.ts.
      if (!ownPeriod && columns[col]?.measure) bindMeasureRow(doc, t, columns, r, figs, at, c, next, row.reference + m, out);
      // 5. A row's figure with no period of its own, its row's or its column's: the table's (the corner cell's, else the caption's).
      else if (!ownPeriod && !columns[col]?.period && r.figure.periodSource !== 'phrase') {
        const whole = tablePeriod(doc, t, columns);
        // (a rank column's figure after it is its further figure, read as a rank: a network's row
        // under "| Tốc độ tải xuống | Thứ hạng |", markup/table-network-rows.ts; docs/reading.md §7.1)
        const ranks = figs.filter((x) => x.cell > col && x.cell < next && columns[x.cell]?.measure === 'rank' && isValue(x.f) && figs.find((y) => y.cell === x.cell) === x);
        const further = [...ranks.map((x): Binding => ({ f: asRank(x.f), ...lent(doc, x.f, columns[x.cell], whole) })), ...otherProvinces(doc, columns, figs, col, next, whole)];
        if (whole || further.length) out.set(row.reference + m, makeRef(r, { f: r.figure, ...lent(doc, r.figure, undefined, whole) }, further.filter((b) => b.period)));
      }
      return;
    }
    // The value it binds: its own (a period column's), or the next value cell's after a change or target column.
    const pick = kind === 'value' ? figs[at] : figs.slice(at + 1).find((x) => x.cell < next && columns[x.cell]?.kind === 'value' && isValue(x.f));
    if (!pick) {
      out.set(row.reference + m, makeRef(r, null, []));
      return;
    }
    // (a bare number in the unit the reference's cell or the column's header writes in brackets,
    // table-units.ts; the row's own only when it scales the value or is money: other units of a row's
    // label were seen to turn the series its name resolves to)
    const label = headerUnit(cellText(doc, row, c));
    const unit = label?.scales ? label : null;
    const own = (x: { f: PlacedFigure; cell: number }): Binding => ({ f: inHeaderUnit(x.f, unit ?? headerUnit(cellText(doc, header, x.cell))), ...(ownPeriod ? { period: x.f.period ?? null, range: x.f.periodRange } : lent(doc, x.f, columns[x.cell], undefined)) });
    const further = ownPeriod
      ? []
      : figs.filter((x) => x !== pick && x.cell > c && x.cell < next && columns[x.cell]?.periodOnly && isValue(x.f) && figs.find((y) => y.cell === x.cell) === x).map(own);
    const first = own(pick);
    out.set(row.reference + m, makeRef(r, first, further.filter((b) => b.period && b.period !== first.period)));
  });
}

/** Under a province's column, the row's figures of the next provinces' columns (round 21): each its column's province's, listed. */
function otherProvinces(doc: ReportDocument, columns: Column[], figs: Array<{ f: PlacedFigure; cell: number }>, col: number, next: number, whole: Period | undefined): Binding[] {
  if (!columns[col]?.province) return [];
  return figs.filter((x) => x.cell > col && x.cell < next && columns[x.cell]?.province && isValue(x.f) && figs.find((y) => y.cell === x.cell) === x).map((x) => ({ f: x.f, ...lent(doc, x.f, columns[x.cell], whole), listed: true as const }));
}

/**
 * A row's reference over measure columns (table-measures.ts: "| Trụ cột | Điểm | Xếp hạng |", the
 * row a pillar of the index): its figure takes the caption's period when neither its row nor its
 * column has one, and the figures of the row's other measure columns are its further figures, a
 * rank column's as ranks (the series of the reference's subject that ranks: analyze.ts furtherSeries).
 */
function bindMeasureRow(doc: ReportDocument, t: TableAt, columns: Column[], r: Reference, figs: Array<{ f: PlacedFigure; cell: number }>, at: number, c: number, next: number, index: number, out: Map<number, Reference>): void {
  const caption = captionPeriod(doc, t);
  const own = (x: { f: PlacedFigure; cell: number }): Binding => {
    const f = columns[x.cell]?.measure === 'rank' ? asRank(x.f) : x.f;
    return { f, ...lent(doc, x.f, columns[x.cell], caption) };
  };
  const further = figs.filter((x, i) => i !== at && x.cell > c && x.cell < next && x.cell !== figs[at].cell && columns[x.cell]?.measure && isValue(x.f) && figs.find((y) => y.cell === x.cell) === x).map(own);
  if (!caption && !columns[figs[at].cell]?.period && !further.length) return;
  out.set(index, makeRef(r, own(figs[at]), further.filter((b) => b.period)));
}

/**
 * parseReport's last step: the references of `doc`'s tables bound as their headers, first columns
 * and captions say (the module comment), in place in `doc.references`. `pieces`: the chunks `doc`
 * was put together from, in order (kept for cellAt).
 */
export function bindTableHeaders(doc: ReportDocument, pieces: readonly SegmentPiece[]): void {
  piecesOf.set(doc, pieces);
  // Only a table whose header holds a reference, a period, a change's or a target's column is
  // looked at (most tables: none); what the header says is its model's (the same line: the same
  // model), and whether a chunk has such a header its model's: a version none of whose chunks has
  // one (a keystroke in a draft whose tables name their indicators in the rows) walks nothing.
  if (!pieces.some((piece) => chunkMayBind(doc, piece))) return;
  const tables = walk(doc, pieces, (h, base) => shapedHeader(doc, h, base));
  if (!tables.length) return;
  const out = new Map<number, Reference>();
  for (const t of tables) {
    const columns = columnsOf(doc, t.header);
    const hasRows = t.rows.some((row) => row.model.part.references.length);
    const shaped = columns.some((col) => col.kind !== 'value' || col.periodOnly || col.measure);
    for (let j = 0; j < t.header.model.part.references.length; j++) bindHeader(doc, t, columns, j, out);
    // (5: a table whose first header cell or caption holds a period dates its rows' figures too)
    if (hasRows && (shaped || tablePeriod(doc, t, columns))) for (const row of t.rows) if (row.model.part.references.length) bindRow(doc, t, columns, row, out);
  }
  for (const [i, r] of out) doc.references[i] = r;
}

/**
 * rules/table-cells.ts: the header of the column of the cell at document offset `at` and its row's
 * label (its first cell), as written (trimmed, emphasis marks left out); null outside a table's body
 * row. Only the chunk holding `at` is looked at (a table never runs over a chunk's end: chunks.ts
 * cuts after a blank line or at a list item, both of which end a table), and nothing is kept.
 */
export function cellAt(doc: ReportDocument, at: number): { header: string; rowLabel: string } | null {
  const pieces = piecesOf.get(doc);
  if (!pieces?.length) return null;
  // The last piece starting at or before `at`.
  let lo = 0;
  let hi = pieces.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (pieces[mid].base <= at) lo = mid;
    else hi = mid - 1;
  }
  const piece = pieces[lo];
  let header: RowAt | null = null;
  for (const seg of piece.model.segments) {
    const { model } = seg;
    const shape = model.row;
    const base = piece.base + seg.base;
    if (base > at) break;
    if (!shape) header = null;
    else if (shape.header) header = { base, model, shape, figure: 0, reference: 0, sentence: 0 };
    else if (header) {
      const c = cellOf(shape, at - base);
      if (c < 0) continue;
      const row: RowAt = { base, model, shape, figure: 0, reference: 0, sentence: 0 };
      const plain = (s: string) => s.replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1').replace(/(\*\*|__|\*|_|`)(?=\S)|(?<=\S)(\*\*|__|\*|_|`)/g, '').trim();
      return { header: plain(cellText(doc, header, c)), rowLabel: c > 0 ? plain(cellText(doc, row, 0)) : '' };
    }
  }
  return null;
}
