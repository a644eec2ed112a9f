/**
 * Pillar rows under columns of provinces (docs/reading.md §7.1 (4); the shapes' shared rules are in
 * table-pillar-shapes.ts, the marking of a pillar row in table-pillars.ts): "| Chỉ số chính năm 2022 |
 * Đà Nẵng | Cần Thơ |" over "| Thể chế số | 0,9000 | 0,8000 |".
 */
import { readFigures } from '../parse/figures';
import { isProvinceName } from '../parse/subject-list';
import { asRankFigure } from '../parse/table-measures';
import { TARGET_LABEL } from '../parse/table-shape';
import type { Figure } from '../types';
import { fits } from './judge';
import type { ProseUnit } from './prose';
import type { HeaderRun } from './table-columns';
import { LEAD_MEASURE, leadingColumns, lineAbove, shapeMeasure } from './table-pillar-shapes';
import { markPillarRow, pillarOf } from './table-pillars';

/**
 * Pillar rows under columns of provinces (module comment): "| Chỉ số chính năm 2022 | Đà Nẵng |
 * Cần Thơ |" over "| Thể chế số | 0,9000 | 0,8000 |", "| Trụ cột năm 2022 | Bến Tre | So với năm
 * trước |" over "| Chính quyền số | 28/63 | giữ nguyên |". The measure: the one the first header
 * cell or the line above opens with, else the one every row's first figure's shape tells; a row's
 * first cell a subject of the catalog whose one series of provinces of that measure its first
 * figure fits is marked (the checker binds that figure and the other provinces' columns' figures as
 * further figures, each filed under its column's province: parse/table-header.ts, history/subject.ts).
 */
export function detectPillarProvinceColumns(run: HeaderRun, header: ProseUnit, rows: readonly ProseUnit[], rowAt: readonly number[]): void {
  const cells = header.parts.map((p) => p.text.replace(/[*_]/g, '').trim());
  if (cells.length < 2 || header.parts.some((p) => p.refs.length) || !leadingColumns(cells, isProvinceName)) return;
  let lineStart = header.start;
  while (lineStart > 0 && run.text[lineStart - 1] !== '\n' && run.text[lineStart - 1] !== '\r') lineStart--;
  const above = lineAbove(run.text, lineStart);
  // (targets, "| Mục tiêu xếp hạng năm 2025 | Quảng Ngãi | Thanh Hóa |": no value of the index)
  if (TARGET_LABEL.test(cells[0]) || TARGET_LABEL.test(above)) return;
  const worded = LEAD_MEASURE.exec(cells[0]) ?? LEAD_MEASURE.exec(above);
  const firsts = rows.map((row) => (row.parts.length === cells.length && !row.parts.some((p) => p.refs.length) ? readFigures(row.parts[1].text)[0] : undefined));
  const shapes = new Set(firsts.filter((f): f is Figure => !!f).map(shapeMeasure));
  const measure = worded ? (/^(?:điểm|giá trị)/iu.test(worded[1]) ? 'score' : 'rank') : shapes.size === 1 ? [...shapes][0] : null;
  if (!measure) return;
  for (let r = 0; r < rows.length; r++) {
    const f = firsts[r];
    if (!f || f.change) continue;
    const indicator = pillarOf(run, rows[r].parts[0].text.replace(/[*_]/g, ''), measure);
    if (indicator && fits(indicator, measure === 'rank' ? asRankFigure(f) : f)) markPillarRow(run, rows[r], rowAt[r], indicator);
  }
}

