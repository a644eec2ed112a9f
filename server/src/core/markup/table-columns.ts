/**
 * A table header's columns as the detector reads them (table-header.ts detectHeader, table-caption.ts,
 * table-pillars.ts): what a header cell's column holds (values, changes, targets: parse/table-shape.ts's
 * labels), how a column's figures in the body rows fit an indicator, and a header name settled by
 * that fit (marked, or listed with its reason).
 */
import { isMinistrySeries } from '../catalog/ministerial';
import { provinceFacts } from '../catalog/provincial';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import { readFigures } from '../parse/figures';
import { isPeriodCode } from '../parse/period-codes';
import { readPeriods } from '../parse/periods';
import { isProvinceName } from '../parse/subject-list';
import { estimatedYear } from '../parse/table-cells';
import { asRankFigure } from '../parse/table-measures';
import { CHANGE_LABEL, targetCell } from '../parse/table-shape';
import { isMinistryLabel } from '../parse/table-subjects';
import { headerUnit, inHeaderUnit } from '../parse/table-units';
import type { Figure } from '../types';
import { fits } from './judge';
import { ambiguousCase, mentionOutcome, type MentionRun } from './mention';
import { variantMessage } from './messages';
import type { NameIndex } from './name-index';
import type { Named } from './names';
import type { ProseUnit } from './prose';
import { headerLead } from './table-lead';
import { rowText, wrapBySubject } from './table-subject';
import type { AmbiguousCase, MarkMode, Mention } from './types';

/** What the header's detection needs of the detector's run (detect.ts Run). */
export interface HeaderRun extends MentionRun {
  mode: MarkMode;
  threshold: number;
  idx: NameIndex;
  mentions: Mention[];
  ambiguous: AmbiguousCase[];
}


const safe = <T>(f: () => T, d: T): T => {
  try {
    return f();
  } catch {
    return d;
  }
};

/** What a body row's first cell is: a period, a province, or something else (a firm, a ministry). */
function labelKind(label: string): 'period' | 'province' | 'ministry' | null {
  const t = label.replace(/[*_]/g, '').trim();
  if (!t) return null;
  if (isPeriodCode(t) || estimatedYear(t) || safe(() => readPeriods(t), []).some((p) => !p.comparison)) return 'period';
  return isProvinceName(t) ? 'province' : isMinistryLabel(t) ? 'ministry' : null;
}

/** Header cell `c`'s kind: its cells are values, changes or targets (as parse/table-header.ts reads it). */
export function cellKind(cell: string | undefined, c: number): 'value' | 'change' | 'target' {
  return CHANGE_LABEL.test(cell ?? '') ? 'change' : targetCell(cell ?? '', c) ? 'target' : 'value';
}

/**
 * How the figures of column `col` in `rows` (body rows of a header of `cells`) fit `ind`: how many
 * rows the checker will bind, and the first figure that is no value of it (or is in a row of
 * provinces or ministries that `ind` is no series of). A bare number is read in the unit the column's
 * header (or the name's cell `nameCell`) writes in brackets (parse/table-units.ts). `labelCell`: the
 * column naming the rows (a rank-first table's province column; its first column's numbers are ranks).
 */
export function columnFit(ind: Indicator, cells: readonly string[], rows: readonly ProseUnit[], col: number, nameCell: number, labelCell = 0): ColumnFit {
  const provincial = provinceFacts(ind).series;
  const unit = headerUnit(cells[col]) ?? headerUnit(cells[nameCell]);
  let bound = 0;
  let misfit: string | null = null;
  let firstBound: ColumnFit['first'];
  for (const row of rows) {
    // A row of other cells than the header's, or with a reference of its own, is not the column's.
    if (row.parts.length !== cells.length || row.parts.some((p) => p.refs.length)) continue;
    const label = labelKind(row.parts[labelCell].text);
    if (!label) continue;
    const first = safe(() => readFigures(row.parts[col].text), [])[0];
    // (a rank-first table's first column: its bare numbers are ranks, parse/table-cells.ts rankFirstLabel)
    const read = first && labelCell > 0 && col === 0 ? asRankFigure(first) : first;
    if (!read) continue;
    // The header's unit may make a bare number fit; it never makes one that fits as written a misfit.
    const withUnit = inHeaderUnit(read, unit);
    const f = withUnit !== read && !fits(ind, withUnit) && fits(ind, read) ? read : withUnit;
    if (f.change || !fits(ind, f) || (label === 'province' && !provincial) || (label === 'ministry' && !isMinistrySeries(ind))) misfit ??= f.raw;
    else if (!bound++) {
      const texts = row.parts.map((p) => p.text);
      firstBound = { f, row: rowText(texts, col, f.end), after: texts[col].slice(f.end), cells: texts };
    }
  }
  return { bound, misfit, first: firstBound };
}

/** How a column fits (columnFit): its first bound figure, the row's words up to its end and after it. */
export interface ColumnFit {
  bound: number;
  misfit: string | null;
  first?: { f: Figure; row: string; after: string; cells: string[] };
}

/** A header name `n` settled by its column's fit: listed when a figure does not fit, marked (or listed, in wrap, when it cannot be wrapped) when some do. */
export function settleHeaderName(run: HeaderRun, header: ProseUnit, n: Named, plainFigs: Figure[][], fit: ColumnFit): boolean {
  const { misfit } = fit;
  if (misfit !== null) {
    run.ambiguous.push(ambiguousCase(run, header, n, 'figure-does-not-fit', [misfit], msg(`"${misfit}" trong cột của "${n.indicator.name}" không phải giá trị của chỉ tiêu này (hoặc hàng của bảng không phải các kỳ, các tỉnh hay các bộ của nó): chưa đánh dấu.`, `"${misfit}" in the column of "${n.indicator.name}" is not a value of that indicator (or the table's rows are not its periods, provinces or ministries): not marked.`)));
    return false;
  }
  if (!fit.bound) return false;
  // (a subject of several entries: the one the column's first figure picks, as the checker reads it; table-subject.ts)
  const cells = header.parts.map((p) => p.text);
  const line = cells.join('|');
  // (the header cell's measure noun before the name and the row's province or ministry, as the checker reads them: table-lead.ts headerLead)
  const ctx = fit.first && { between: `${rowText(cells, cells.length - 1).slice(rowText(cells, n.part, n.cand.end).length)}\n${fit.first.row}`, line, after: fit.first.after, table: headerLead(cells[n.part].slice(0, n.cand.start), fit.first.cells, n.part) };
  const mention = wrapBySubject(run.catalog, mentionOutcome(run, header, n, null, plainFigs).mention, n.indicator, fit.first?.f, ctx || { between: '', line, after: '' });
  if (run.mode === 'wrap' && !mention.wrappable) run.ambiguous.push(ambiguousCase(run, header, n, 'variant-name', [], variantMessage(mention)));
  else run.mentions.push(mention);
  return true;
}
