/**
 * What a table says about a figure in one of its cells: the header of the figure's column and the
 * label of its row (the first cell). A column headed "So với cùng kỳ" or "Tăng/giảm" holds changes,
 * whatever the cells' own words: "| Tháng 8/2024 | 349 | −75,1% |". Asked of the document model
 * (parse/table-header.ts cellAt: the rows' shapes the parser kept, table-rows.ts), not read again.
 */
import { cellAt } from '../parse/table-header';
import type { ReportDocument } from '../parse/model';

/** The header of the cell's column and its row's label (first cell), as plain text; null outside a table. */
export interface CellContext {
  header: string;
  rowLabel: string;
}

/** The header and row label of the cell at document offset `at`, or null when `at` is not in a table's body row. */
export function cellContext(doc: ReportDocument, at: number): CellContext | null {
  return cellAt(doc, at);
}
