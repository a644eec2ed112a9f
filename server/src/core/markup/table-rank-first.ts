/**
 * Rank-first tables (issue #13, round 20; docs/reading.md §7.1): "| Hạng DTI 2023 | Tỉnh, thành
 * phố |" over "| 7 | Bình Dương |", or "| Thứ hạng | Tỉnh | Điểm |" under a caption naming the index
 * ("Bảng 1. Chỉ số DTI cấp tỉnh năm 2022"). The first column is the rank (every body row's first cell
 * a bare whole number) and a later column names the rows, all provinces (parse/table-cells.ts
 * rankFirstLabel). The first header cell says the measure, a rank: with the index's words
 * (table-named-measure.ts namedMeasure) or alone (parse/table-measures.ts measureCell) under a
 * caption naming the index (table-caption.ts captionEntries); the one rank member of the provinces'
 * series is the column's entry. When every row's rank fits it, canonical writes its name over the
 * cell's measure and index words (the checker binds each row's rank to it, the row's province
 * listed: parse/table-header.ts); wrap marks the index's abbreviation alone ("Hạng [[DTI]] 2023",
 * table-named-measure.ts wrapFrom), else lists the case (`variant-name`). Pure.
 */
import { captionAbove } from '../parse/table-caption';
import { rankFirstLabel } from '../parse/table-cells';
import { measureCell } from '../parse/table-measures';
import { rowUnder } from '../parse/table-subjects';
import type { Figure } from '../types';
import { tokensOf } from './names';
import type { ProseUnit } from './prose';
import { subjectCandidate } from './subject-names';
import { pickNamed } from './table-caption';
import { columnFit, settleHeaderName, type HeaderRun } from './table-columns';
import { namedMeasure, wrapFrom } from './table-named-measure';
import type { AmbiguousCase } from './types';

/** The column naming the rows of a rank-first table with header `header` over `rows` (0: none). */
export function rankFirstOf(header: ProseUnit, rows: readonly ProseUnit[]): number {
  const body = rows.filter((r) => r.parts.length === header.parts.length);
  return rankFirstLabel(body.map((r) => r.parts.map((p) => p.text)), (l, k) => rowUnder(header.parts[k]?.text ?? '', l));
}

/** The index's words of a header cell naming a measure (namedMeasure) with no digit after them (no year), else ''. */
function undated(cell: string): string {
  const m = namedMeasure(cell);
  return m && !/\d/.test(cell.slice(m.end)) ? m.index : '';
}

/** Marks the first header cell of a rank-first table (the module comment); `listed`: the name reading's cases on it, dropped when it is marked. */
export function detectRankFirst(run: HeaderRun, header: ProseUnit, rows: readonly ProseUnit[], listed: readonly AmbiguousCase[], plainFigs: Figure[][]): void {
  const cells = header.parts.map((p) => p.text);
  if (cells.length < 2 || header.parts[0].refs.length) return;
  const corner = cells[0].replace(/[*_]/g, ' ');
  const named = namedMeasure(corner);
  let words: { measure: 'score' | 'rank'; start: number; end: number } | null = named && { ...named, start: wrapFrom(run, named) };
  // The index's words: the cell's own, else the caption's, else (no caption) those a later header
  // cell names with its measure and no period ("| Thứ hạng | Bộ, ngành | Giá trị DTI |", docs/reading.md
  // §30: the ranks then take the document's period, as that column's figures do).
  let index = named?.index ?? '';
  if (!words) {
    words = measureCell(corner);
    let lineStart = header.start;
    while (lineStart > 0 && run.text[lineStart - 1] !== '\n' && run.text[lineStart - 1] !== '\r') lineStart--;
    index = captionAbove(run.text, lineStart)?.line ?? cells.slice(1).map((c) => undated(c.replace(/[*_]/g, ' '))).find(Boolean) ?? '';
  }
  if (!words || words.measure !== 'rank' || !index) return;
  // (the rows read last: a header with no rank measure reads none)
  const k = rankFirstOf(header, rows);
  if (!k) return;
  const body = rows.filter((r) => r.parts.length === cells.length);
  const indicator = pickNamed(run, index, 'rank', body, k);
  if (!indicator) return;
  const span = words;
  const tokens = tokensOf(header.parts[0]).map((t, i) => ({ ...t, i })).filter((t) => t.start >= span.start && t.end <= span.end);
  if (!tokens.length) return;
  const cand = subjectCandidate(run, indicator, { first: tokens[0].i, last: tokens[tokens.length - 1].i, start: tokens[0].start, end: tokens[tokens.length - 1].end });
  if (!settleHeaderName(run, header, { cand, part: 0, indicator, candidates: [indicator] }, plainFigs, columnFit(indicator, cells, body, 0, 0, k))) return;
  for (const a of listed) if (run.ambiguous.includes(a)) run.ambiguous.splice(run.ambiguous.indexOf(a), 1);
}
