import type { TableCell, TableRow } from 'mdast';

/** A row's cut, then its cells once cut: non-enumerable (no copy of the row has it). */
const CUT = Symbol('cut');
type Lazy = TableRow & { [CUT]: (() => TableCell[]) | TableCell[] };
/**
 * One accessor for every row: rows keep one shape. An own getter per row (an object literal's
 * `get children()`) made each row a dictionary-mode object in V8; the first index's CPU went up
 * 3–5 s with it (round 28, cold28: the index worker's and V8's helper threads').
 */
const CHILDREN: PropertyDescriptor = {
  get(this: Lazy): TableCell[] {
    let c = this[CUT];
    if (typeof c === 'function') this[CUT] = c = c();
    return c;
  },
  enumerable: true,
  configurable: true,
};

/**
 * A table row whose cells are cut when first asked, once (`cut` let go then): the history's rows
 * read from the row cache or skipped (no `[[`: parse/table-rows.ts) never are. An own enumerable
 * getter: a copy of the row (spread, JSON, structured clone) has its cells.
 */
export function lazyRow(cut: () => TableCell[], position: TableRow['position']): TableRow {
  const row = { type: 'tableRow' } as Lazy;
  Object.defineProperty(row, 'children', CHILDREN);
  row.position = position;
  Object.defineProperty(row, CUT, { value: cut, writable: true });
  return row;
}
