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
import type { Indicator } from '../catalog/types';
import type { Figure } from '../types';
import { namesOf } from './names';
import type { ProseUnit } from './prose';
import { detectCaptionMeasures } from './table-caption';
import { detectCaptionParts } from './table-caption-part';
import { cellKind, columnFit, settleHeaderName, type HeaderRun } from './table-columns';
import { detectPillarRows } from './table-pillars';
import { detectPillarPeriodRows } from './table-pillar-periods';
import { detectPillarProvinceColumns } from './table-pillar-provinces';
import { detectCornerPartRows } from './table-corner-part';
import { detectNamedMeasures } from './table-named-measure';
import { detectNetworkRows } from './table-network-rows';
import { detectRankFirst } from './table-rank-first';
import type { AmbiguousCase } from './types';

/**
 * Marks the names of the header row `header` (placed) whose column's figures in `rows` (the body
 * rows' units, unplaced: only their words are read; `rowAt[k]` places row k) the checker will bind; then
 * the measure cells a caption's index names (table-caption.ts) and the rows of pillars (table-pillars.ts).
 */
export function detectHeader(run: HeaderRun, header: ProseUnit, rows: readonly ProseUnit[], rowAt: readonly number[] = []): void {
  const plainFigs: Figure[][] = [];
  const named = namesOf(run.text, header, run.catalog, run.idx, run.threshold, plainFigs);
  const done = new Set<Indicator>();
  const cells = header.parts.map((p) => p.text);
  const taken = new Set<number>();
  const listed = new Map<number, AmbiguousCase[]>();
  for (const n of named) {
    if (n.why || n.subject || done.has(n.indicator) || cellKind(cells[n.part], n.part) !== 'value') continue;
    const col = n.part > 0 ? n.part : cells.findIndex((c, i) => i > 0 && cellKind(c, i) === 'value');
    if (col <= 0) continue;
    const before = run.ambiguous.length;
    if (settleHeaderName(run, header, n, plainFigs, columnFit(n.indicator, cells, rows, col, n.part))) {
      done.add(n.indicator);
      taken.add(n.part);
    } else listed.set(n.part, [...(listed.get(n.part) ?? []), ...run.ambiguous.slice(before)]);
  }
  detectNamedMeasures(run, header, rows, taken, listed, plainFigs);
  if (!taken.has(0)) detectRankFirst(run, header, rows, listed.get(0) ?? [], plainFigs);
  detectCaptionMeasures(run, header, rows, named, plainFigs);
  detectCaptionParts(run, header, rows, named, plainFigs);
  detectPillarRows(run, header, rows, rowAt);
  detectPillarPeriodRows(run, header, rows, rowAt);
  detectPillarProvinceColumns(run, header, rows, rowAt);
  detectCornerPartRows(run, header, rows, rowAt);
  detectNetworkRows(run, header, rows, rowAt);
}

/** Each cell's kind of a header row with a change or target column (cellKind), else undefined: bind.ts valueCell reads its rows so. */
export function headerColumns(header: ProseUnit): ProseUnit['columns'] {
  const kinds = header.parts.map((p, i) => cellKind(p.text, i));
  return kinds.some((k) => k !== 'value') ? kinds : undefined;
}

/** The body rows of the table whose header row is `units[header]`, from a list of units in order (prose.ts). */
export function bodyRows(units: readonly ProseUnit[], header: number): ProseUnit[] {
  const out: ProseUnit[] = [];
  for (let i = header + 1; i < units.length && units[i].table && !units[i].headerRow; i++) out.push(units[i]);
  return out;
}
