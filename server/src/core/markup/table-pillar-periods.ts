/**
 * Pillar rows over period columns (issue 13, round 17, audit19; the rows of table-pillars.ts under
 * columns of periods instead of measures): "Thứ hạng của ba trụ cột qua hai năm đầu đánh giá:" right
 * above "| Trụ cột | Năm 2020 | Năm 2021 |" and "| Chính quyền số | 47 | 24 |". The measure is the
 * lead line's (the line right above the table, opening with "Thứ hạng", "Xếp hạng", "Điểm", "Giá
 * trị"); the province the one that line names or, none named there, the one the report's level-1
 * title names; each header cell after the first is a period alone. A row's first cell is a subject of
 * the catalog: the one series of provinces of that subject and measure (table-pillars.ts pillarOf),
 * when the row's first figure fits it, is marked — canonical writes its name (the checker binds the
 * first period column's figure and the next columns' as further figures, each with its column's
 * period: parse/table-header.ts), wrap lists the words (no one series's name). Pure.
 */
import { readFigures } from '../parse/figures';
import { asRankFigure } from '../parse/table-measures';
import { fits } from './judge';
import type { ProseUnit } from './prose';
import type { HeaderRun } from './table-columns';
import { LEAD_MEASURE, leadingColumns, lineAbove, oneProvinceRows, periodAlone } from './table-pillar-shapes';
import { markPillarRow, pillarOf } from './table-pillars';

/** Marks the pillar rows under period columns of the table whose header row is `header` (the module comment). */
export function detectPillarPeriodRows(run: HeaderRun, header: ProseUnit, rows: readonly ProseUnit[], rowAt: readonly number[]): void {
  const cells = header.parts.map((p) => p.text);
  // (columns of changes after the periods hold no value: "| Năm 2020 | Năm 2021 | Biến động |", table-pillar-shapes.ts)
  if (cells.length < 2 || !leadingColumns(cells, periodAlone)) return;
  let lineStart = header.start;
  while (lineStart > 0 && run.text[lineStart - 1] !== '\n' && run.text[lineStart - 1] !== '\r') lineStart--;
  const lead = lineAbove(run.text, lineStart);
  // The measure: the lead line's, else the one the first header cell opens with ("Xếp hạng trụ cột của Bến Tre").
  const m = LEAD_MEASURE.exec(lead) ?? LEAD_MEASURE.exec(cells[0]);
  if (!m) return;
  const measure = /^(?:điểm|giá trị)/iu.test(m[1]) ? 'score' : 'rank';
  // The rows are one province's: the lead line or the first header cell names it, or neither names any and the report's title one.
  if (!oneProvinceRows(run.text, [lead, cells[0]])) return;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.parts.length !== cells.length || row.parts.some((p) => p.refs.length)) continue;
    const f = readFigures(row.parts[1].text)[0];
    if (!f || f.change) continue;
    const indicator = pillarOf(run, row.parts[0].text.replace(/[*_]/g, ''), measure);
    if (indicator && fits(indicator, measure === 'rank' ? asRankFigure(f) : f)) markPillarRow(run, row, rowAt[r], indicator);
  }
}
