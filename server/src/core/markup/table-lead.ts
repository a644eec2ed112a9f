/**
 * What a table tells a subject named in a body row's first cell (docs/dialect.md §6.9; docs/reading.md
 * §67): "| [[Chính quyền số]] | 0,3105 | 51/63 |" under "Kết quả từng trụ cột của tỉnh trong năm
 * 2020:" names no province in its own line, so the subject's "cấp tỉnh" entries were closed to it
 * (subjects.ts pickBySubject), and "| [[Chính quyền số]] | 39 | 28 |" under "| Xếp hạng trụ cột của
 * Bến Tre | Năm 2020 | Năm 2021 |" says its measure only in the header. The table's lead is what the
 * pillar-table detectors read (table-pillars.ts, table-pillar-periods.ts, table-pillar-provinces.ts):
 * the rows are one province's when the caption or line right above the table, the first header
 * cell, or a province column's header names one (and no other), or none names any and the report's
 * title one; the figure's column gives its measure: a measure cell ("Thứ hạng", "Điểm", "Giá trị"),
 * or over a column of periods or of provinces the measure the line above or the first header cell
 * opens with ("Xếp hạng trụ cột …"), else the figure's shape ("28/63": a rank; "0,8253": a score). A
 * target's table ("Mục tiêu …") tells nothing. The checker (series.ts byFigureAt) and the detector
 * (table-subject.ts wrapBySubject) read the same lead with this function. Pure.
 */
import { isProvinceName } from '../parse/subject-list';
import { captionAbove } from '../parse/table-caption';
import { measureCell } from '../parse/table-measures';
import { TARGET_LABEL } from '../parse/table-shape';
import { isMinistryLabel } from '../parse/table-subjects';
import type { Figure } from '../types';
import { work } from '../work';
import { LEAD_MEASURE, lineAbove, oneProvinceRows, periodAlone, scoreValueCell, shapeMeasure } from './table-pillar-shapes';

/** A table's word on a body row's subject: the rows are one province's; the measure of the figure's column. */
export interface TableLead {
  province: boolean;
  measure: 'score' | 'rank' | null;
  /** The rows are ministries' (a header cell's subject over a column, headerLead): the ministries' series. */
  ministry?: boolean;
}

/** A table line: white space, then "|". */
const TABLE_LINE = /^[ \t]{0,3}\|/;
/** The delimiter row under a table's header. */
const DELIMITER = /^[ \t]{0,3}\|?[ \t]*:?-{1,}:?[ \t]*(?:\|[ \t]*:?-{1,}:?[ \t]*)*\|?[ \t]*$/;
/** Table lines read back at most from a row to its header. */
const MAX_ROWS = 60;

/** The cells of a table line (its outer pipes dropped). */
const cellsOf = (line: string): string[] => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());

/**
 * The lead of the table whose body row holds offset `at` of `text`, for the figure `f` in that row's
 * cell `col` (0: the row's first cell); null when `at` is in no table's body row, or the table is a
 * target's.
 */
export function tableLead(text: string, at: number, col: number, f: Figure): TableLead | null {
  const rowStart = text.lastIndexOf('\n', at - 1) + 1;
  const rowEnd = text.indexOf('\n', at);
  if (!TABLE_LINE.test(text.slice(rowStart, rowEnd < 0 ? text.length : rowEnd))) return null;
  // Up to the delimiter row; the header is the line above it.
  let lineStart = rowStart;
  let delimiter = -1;
  for (let n = 0; n < MAX_ROWS && lineStart > 0; n++) {
    const prev = text.lastIndexOf('\n', lineStart - 2) + 1;
    const line = text.slice(prev, lineStart - 1).replace(/\r$/, '');
    work.steps += line.length;
    if (!TABLE_LINE.test(line)) return null;
    if (DELIMITER.test(line)) {
      delimiter = prev;
      break;
    }
    lineStart = prev;
  }
  if (delimiter <= 0) return null;
  const headerStart = text.lastIndexOf('\n', delimiter - 2) + 1;
  const header = text.slice(headerStart, delimiter - 1).replace(/\r$/, '');
  if (!TABLE_LINE.test(header)) return null;
  const cells = cellsOf(header).map((c) => c.replace(/[*_]/g, ''));
  const above = captionAbove(text, headerStart)?.line ?? lineAbove(text, headerStart);
  if (TARGET_LABEL.test(cells[0] ?? '') || TARGET_LABEL.test(above)) return null;
  const cell = cells[col] ?? '';
  const provinceColumn = col > 0 && isProvinceName(cell);
  const province = oneProvinceRows(text, [provinceColumn ? cell : '', above, cells[0] ?? '']);
  let measure: TableLead['measure'] = null;
  if (col > 0) {
    const named = measureCell(cell)?.measure ?? (scoreValueCell(cell) ? 'score' : null);
    const worded = periodAlone(cell) || provinceColumn ? (LEAD_MEASURE.exec(above) ?? LEAD_MEASURE.exec(cells[0] ?? '')) : null;
    measure = named ?? (worded ? (/^(?:điểm|giá trị)/iu.test(worded[1]) ? 'score' : 'rank') : periodAlone(cell) || provinceColumn ? shapeMeasure(f) : null);
  }
  return { province, measure };
}

/**
 * The lead for a subject named at offset `nameAt` whose bound figure `f` starts at `figureAt`: the
 * table's (tableLead) when the name is in a body row's first cell and the figure in a later cell of
 * the same row; null else.
 */
export function rowSubjectLead(text: string, nameAt: number, figureAt: number, f: Figure): TableLead | null {
  const rowStart = text.lastIndexOf('\n', nameAt - 1) + 1;
  if (figureAt < nameAt || text.lastIndexOf('\n', figureAt - 1) + 1 !== rowStart) return null;
  const before = text.slice(rowStart, nameAt);
  const row = text.slice(rowStart, figureAt);
  const pipes = (s: string): number => s.split('|').length - 1;
  // (the name in the first cell: one pipe before it, the row's opening one)
  if (pipes(before) !== 1 || !TABLE_LINE.test(before)) return null;
  return tableLead(text, nameAt, pipes(row) - 1, f);
}

/** A header cell's measure noun right before the name ("Hạng [[DTI]] 2023", "Giá trị [[DTI]]"): rank or score. */
const HEAD_MEASURE = /(?:^|[\s*_])(giá trị|điểm số|điểm|xếp hạng|thứ hạng|hạng|vị trí)[\s*_]*$/iu;

/**
 * What a table says of a name written in a header cell over a body row's figure (docs/reading.md §71):
 * the measure the cell's words before the name say ("Hạng DTI 2023": a rank; "Giá trị DTI 2024",
 * "Điểm DTI": a score; none: the figure's shape decides), and whose the row is — a province's when
 * another cell of the row is a province's name, a ministry's when one is a ministry's ("| 1 | Bộ Tài
 * chính | 0,6321 |"). `beforeName`: the header cell's text before the name; `row`: the figure's row's
 * cells; `col`: the figure's cell. Null when the row names neither, or the header's cell is a
 * target's. Pure.
 */
export function headerLead(beforeName: string, row: readonly string[], col: number): TableLead | null {
  if (TARGET_LABEL.test(beforeName)) return null;
  const labels = row.filter((_, k) => k !== col).map((c) => c.replace(/[*_]/g, '').trim());
  const province = labels.some((l) => l && isProvinceName(l));
  const ministry = !province && labels.some((l) => l && isMinistryLabel(l));
  if (!province && !ministry) return null;
  const head = HEAD_MEASURE.exec(beforeName);
  const measure = head ? (/^(?:giá trị|điểm)/iu.test(head[1]) ? 'score' : 'rank') : null;
  return { province, measure, ...(ministry ? { ministry } : {}) };
}

/**
 * The lead for a name at offset `nameAt` written in a table's header cell whose bound figure starts
 * at `figureAt` in the same column of a body row of that table (headerLead); null else.
 */
export function headerSubjectLead(text: string, nameAt: number, figureAt: number): TableLead | null {
  const headerStart = text.lastIndexOf('\n', nameAt - 1) + 1;
  const headerEnd = text.indexOf('\n', nameAt);
  if (headerEnd < 0 || figureAt <= headerEnd) return null;
  const header = text.slice(headerStart, headerEnd).replace(/\r$/, '');
  if (!TABLE_LINE.test(header)) return null;
  const delimiterEnd = text.indexOf('\n', headerEnd + 1);
  if (!DELIMITER.test(text.slice(headerEnd + 1, delimiterEnd < 0 ? text.length : delimiterEnd).replace(/\r$/, ''))) return null;
  // (every line from the delimiter to the figure's a table line: the figure is in this table's body)
  const rowStart = text.lastIndexOf('\n', figureAt - 1) + 1;
  if (rowStart <= headerEnd + 1 || rowStart - headerEnd > MAX_ROWS * 400) return null;
  const lines = text.slice(headerEnd + 1, rowStart).split('\n');
  work.steps += lines.length;
  if (lines.length - 1 > MAX_ROWS || lines.slice(0, -1).some((l) => !TABLE_LINE.test(l))) return null;
  const rowEnd = text.indexOf('\n', figureAt);
  const row = text.slice(rowStart, rowEnd < 0 ? text.length : rowEnd).replace(/\r$/, '');
  if (!TABLE_LINE.test(row)) return null;
  const pipes = (s: string): number => s.split('|').length - 1;
  const nameCol = pipes(text.slice(headerStart, nameAt)) - 1;
  const figureCol = pipes(text.slice(rowStart, figureAt)) - 1;
  if (nameCol < 0 || nameCol !== figureCol) return null;
  const cellStart = text.lastIndexOf('|', nameAt - 1) + 1;
  return headerLead(text.slice(cellStart, nameAt), cellsOf(row), figureCol);
}
