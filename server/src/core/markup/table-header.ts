/**
 * The detector on a table's header row (issue #13; the checker's side: parse/table-header.ts): an
 * index named in a header cell, over body rows of periods or provinces whose figures in its column
 * fit it, is marked there — `wrap` around the words as written, `canonical` with the catalog's name
 * in the header cell, never in the rows. The checker then binds the mark to the column's figures.
 * The same conditions as the checker's: a body row counts when its first cell is a period (a code
 * such as "2022", or a period phrase) or a province, and has no reference of its own; the column is
 * the name's own, or from the first cell the first value column (a column headed as a change or a
 * target holds none). Every such row's figure must fit the indicator (judge.ts fits) and none may
 * be a change; a province's rows only for a series of provinces (else the first province's figure
 * would be read as the country's). Otherwise nothing is marked and, when a column was found, the
 * case is listed (`figure-does-not-fit`) with its reason.
 */
import { isMinistrySeries } from '../catalog/ministerial';
import { provinceFacts } from '../catalog/provincial';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import { readFigures } from '../parse/figures';
import { isPeriodCode } from '../parse/period-codes';
import { readPeriods } from '../parse/periods';
import { isProvinceName } from '../parse/subject-list';
import { estimatedYear } from '../parse/table-header';
import { isMinistryLabel } from '../parse/table-subjects';
import { headerUnit, inHeaderUnit } from '../parse/table-units';
import type { Figure } from '../types';
import { fits } from './judge';
import { ambiguousCase, mentionOutcome, type MentionRun } from './mention';
import { variantMessage } from './messages';
import type { NameIndex } from './name-index';
import { namesOf, type Named } from './names';
import type { ProseUnit } from './prose';
import { detectCaptionMeasures } from './table-caption';
import { detectPillarRows } from './table-pillars';
import type { AmbiguousCase, MarkMode, Mention } from './types';

/** What the header's detection needs of the detector's run (detect.ts Run). */
export interface HeaderRun extends MentionRun {
  mode: MarkMode;
  threshold: number;
  idx: NameIndex;
  mentions: Mention[];
  ambiguous: AmbiguousCase[];
}

/** As parse/table-header.ts reads a header cell: its cells are changes, or targets. */
const CHANGE_LABEL = /(?:^|[^\p{L}])(?:tăng|giảm|so với|so cùng kỳ|thay đổi|biến động|chênh lệch)(?![\p{L}])|±|\+\s*\/\s*[-−]/iu;
const TARGET_LABEL = /(?:^|[^\p{L}])(?:mục tiêu|kế hoạch|phấn đấu|dự kiến|dự báo|định hướng)(?![\p{L}])/iu;

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

/** A header cell's kind: its cells are values, changes or targets (as parse/table-header.ts reads it). */
export function cellKind(cell: string | undefined): 'value' | 'change' | 'target' {
  return CHANGE_LABEL.test(cell ?? '') ? 'change' : TARGET_LABEL.test(cell ?? '') ? 'target' : 'value';
}

/**
 * How the figures of column `col` in `rows` (body rows of a header of `cells`) fit `ind`: how many
 * rows the checker will bind, and the first figure that is no value of it (or is in a row of
 * provinces or ministries that `ind` is no series of). A bare number is read in the unit the column's
 * header (or the name's cell `nameCell`) writes in brackets (parse/table-units.ts).
 */
export function columnFit(ind: Indicator, cells: readonly string[], rows: readonly ProseUnit[], col: number, nameCell: number): { bound: number; misfit: string | null } {
  const provincial = provinceFacts(ind).series;
  const unit = headerUnit(cells[col]) ?? headerUnit(cells[nameCell]);
  let bound = 0;
  let misfit: string | null = null;
  for (const row of rows) {
    // A row of other cells than the header's, or with a reference of its own, is not the column's.
    if (row.parts.length !== cells.length || row.parts.some((p) => p.refs.length)) continue;
    const label = labelKind(row.parts[0].text);
    if (!label) continue;
    const read = safe(() => readFigures(row.parts[col].text), [])[0];
    const f = read && inHeaderUnit(read, unit);
    if (!f) continue;
    if (f.change || !fits(ind, f) || (label === 'province' && !provincial) || (label === 'ministry' && !isMinistrySeries(ind))) misfit ??= f.raw;
    else bound++;
  }
  return { bound, misfit };
}

/** A header name `n` settled by its column's fit: listed when a figure does not fit, marked (or listed, in wrap, when it cannot be wrapped) when some do. */
export function settleHeaderName(run: HeaderRun, header: ProseUnit, n: Named, plainFigs: Figure[][], fit: { bound: number; misfit: string | null }): boolean {
  const { misfit } = fit;
  if (misfit !== null) {
    run.ambiguous.push(ambiguousCase(run, header, n, 'figure-does-not-fit', [misfit], msg(`"${misfit}" trong cột của "${n.indicator.name}" không phải giá trị của chỉ tiêu này (hoặc hàng của bảng không phải các kỳ, các tỉnh hay các bộ của nó): chưa đánh dấu.`, `"${misfit}" in the column of "${n.indicator.name}" is not a value of that indicator (or the table's rows are not its periods, provinces or ministries): not marked.`)));
    return false;
  }
  if (!fit.bound) return false;
  const { mention } = mentionOutcome(run, header, n, null, plainFigs);
  if (run.mode === 'wrap' && !mention.wrappable) run.ambiguous.push(ambiguousCase(run, header, n, 'variant-name', [], variantMessage(mention)));
  else run.mentions.push(mention);
  return true;
}

/**
 * Marks the names of the header row `header` (placed) whose column's figures in `rows` (the body
 * rows' units, unplaced: only their words are read; `base` places them) the checker will bind; then
 * the measure cells a caption's index names (table-caption.ts) and the rows of pillars (table-pillars.ts).
 */
export function detectHeader(run: HeaderRun, header: ProseUnit, rows: readonly ProseUnit[], base = 0): void {
  const plainFigs: Figure[][] = [];
  const named = namesOf(run.text, header, run.catalog, run.idx, run.threshold, plainFigs);
  const done = new Set<Indicator>();
  const cells = header.parts.map((p) => p.text);
  for (const n of named) {
    if (n.why || n.subject || done.has(n.indicator) || cellKind(cells[n.part]) !== 'value') continue;
    const col = n.part > 0 ? n.part : cells.findIndex((c, i) => i > 0 && cellKind(c) === 'value');
    if (col <= 0) continue;
    if (settleHeaderName(run, header, n, plainFigs, columnFit(n.indicator, cells, rows, col, n.part))) done.add(n.indicator);
  }
  detectCaptionMeasures(run, header, rows, named, plainFigs);
  detectPillarRows(run, header, rows, base);
}

/** The body rows of the table whose header row is `header`, from a list of units in order (prose.ts). */
export function bodyRows(units: readonly ProseUnit[], header: ProseUnit): ProseUnit[] {
  const out: ProseUnit[] = [];
  for (let i = units.indexOf(header) + 1; i < units.length && units[i].table && !units[i].headerRow; i++) out.push(units[i]);
  return out;
}
