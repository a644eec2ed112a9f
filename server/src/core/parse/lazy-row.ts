import type { TableCell, TableRow } from 'mdast';

/**
 * A table row whose cells are cut when first asked, once (`cut` let go then): the history's rows
 * read from the row cache or skipped (no `[[`: parse/table-rows.ts) never are. An own enumerable
 * getter: a copy of the row (spread, JSON, structured clone) has its cells.
 */
export function lazyRow(cut: () => TableCell[], position: TableRow['position']): TableRow {
  let pending: (() => TableCell[]) | null = cut;
  let cells!: TableCell[];
  return {
    type: 'tableRow',
    get children(): TableCell[] {
      if (pending) {
        cells = pending();
        pending = null;
      }
      return cells;
    },
    position,
  };
}
