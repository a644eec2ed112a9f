/**
 * The detector on rows that are an index's pillars (issue #13, round 14): "| Trụ cột | Điểm | Xếp
 * hạng |" over "| Chính quyền số | 0,6683 | 29 |", under a caption that names one province ("Bảng
 * 3. Kết quả chuyển đổi số năm 2022 của tỉnh Trà Vinh"). A row's first cell is a subject of the
 * catalog (catalog/subjects.ts: "chính quyền số" of "Điểm trụ cột chính quyền số cấp tỉnh"); its
 * first figure's column names a measure alone (parse/table-measures.ts), which picks the one series
 * of provinces of that subject and measure. When that figure fits it, canonical mode writes the
 * entry's name over the row's words (the checker binds the row's first figure to it, its other
 * measure columns as its further figures, a rank column's as ranks, with the caption's period, and
 * keys them by the caption's province: parse/table-header.ts, history/subject.ts); wrap lists the
 * case (`variant-name`: "Chính quyền số" alone names no one series). Pure.
 */
import { provinceFacts } from '../catalog/provincial';
import { subjectKey } from '../catalog/subjects';
import type { Indicator } from '../catalog/types';
import { readFigures } from '../parse/figures';
import type { Figure } from '../types';
import { captionAbove } from '../parse/table-caption';
import { asRankFigure, measureCell } from '../parse/table-measures';
import { fits } from './judge';
import { ambiguousCase, mentionOutcome } from './mention';
import { variantMessage } from './messages';
import { tokensOf } from './names';
import { shiftUnit, type ProseUnit } from './prose';
import { subjectCandidate } from './subject-names';
import { cellKind, type HeaderRun } from './table-columns';
import { rowSubjectLead } from './table-lead';
import { rowText, wrapBySubject } from './table-subject';
import { lineAbove, oneProvinceRows, scoreValueCell } from './table-pillar-shapes';

/** The one series of provinces of `subject` (a row's words) and `measure`, or null. */
export function pillarOf(run: HeaderRun, subject: string, measure: 'score' | 'rank'): Indicator | null {
  const kept = [...new Set((run.catalog.subjects().entries.get(subjectKey(subject)) ?? []).filter((e) => e.measure === measure && provinceFacts(e.indicator).series).map((e) => e.indicator))];
  return kept.length === 1 ? kept[0] : null;
}

/** Marks the pillar rows of the table whose header row is `header` (the module comment). */
export function detectPillarRows(run: HeaderRun, header: ProseUnit, rows: readonly ProseUnit[], rowAt: readonly number[]): void {
  const cells = header.parts.map((p) => p.text);
  // (a "Giá trị" column: the pillar's score, table-pillar-shapes.ts)
  const measureOf = (c: string) => measureCell(c) ?? (scoreValueCell(c) ? { measure: 'score' as const } : null);
  const measures = cells.map((c, i) => (i > 0 && !header.parts[i].refs.length && cellKind(c, i) === 'value' ? measureOf(c.replace(/[*_]/g, '')) : null));
  if (!measures.some(Boolean)) return;
  let lineStart = header.start;
  while (lineStart > 0 && run.text[lineStart - 1] !== '\n' && run.text[lineStart - 1] !== '\r') lineStart--;
  const caption = captionAbove(run.text, lineStart);
  // The rows are one province's: the caption, the first header cell or the line above names it (and no other), or none of them any and the report's title one.
  if (!oneProvinceRows(run.text, [caption?.line ?? '', cells[0], caption ? '' : lineAbove(run.text, lineStart)])) return;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.parts.length !== cells.length || row.parts.some((p) => p.refs.length)) continue;
    const label = row.parts[0];
    // The row's first figure and its column (the checker binds a row's name to the first figure after it).
    let col = -1;
    let f;
    for (let k = 1; k < row.parts.length && col < 0; k++) {
      const read = readFigures(row.parts[k].text)[0];
      if (read) [col, f] = [k, read];
    }
    const measure = col > 0 ? measures[col] : null;
    if (!f || !measure || f.change) continue;
    const indicator = pillarOf(run, label.text.replace(/[*_]/g, ''), measure.measure);
    if (!indicator || !fits(indicator, measure.measure === 'rank' ? asRankFigure(f) : f)) continue;
    markPillarRow(run, row, rowAt[r], indicator);
  }
}

/** Marks a pillar row's first cell (its words before offset `end`) as `indicator` (canonical: its name; wrap lists the words, no one series's name). */
export function markPillarRow(run: HeaderRun, row: ProseUnit, at: number, indicator: Indicator, end = Infinity): void {
  const tokens = tokensOf(row.parts[0]).filter((t) => t.end <= end);
  if (!tokens.length) return;
  const cand = subjectCandidate(run, indicator, { first: 0, last: tokens.length - 1, start: tokens[0].start, end: tokens[tokens.length - 1].end });
  const n = { cand, part: 0, indicator, candidates: [indicator] };
  // (the body rows come unplaced: placed here, the one row marked)
  const placed = at ? shiftUnit(row, at) : row;
  // (a subject of several entries: the one the row's first figure picks, as the checker reads it; table-subject.ts)
  const texts = row.parts.map((p) => p.text);
  let k = -1;
  let f: Figure | undefined;
  for (let i = 1; i < texts.length && !f; i++) if ((f = readFigures(texts[i])[0])) k = i;
  const table = f ? rowSubjectLead(run.text, placed.parts[0].start + tokens[0].start, placed.parts[k].start + f.start, f) : null;
  const ctx = { between: f ? rowText(texts, k, f.end).slice(tokens[tokens.length - 1].end) : '', line: texts.join('|'), after: f ? texts[k].slice(f.end) : '', table };
  const mention = wrapBySubject(run.catalog, mentionOutcome(run, placed, n, null, []).mention, indicator, f, ctx);
  if (run.mode === 'wrap' && !mention.wrappable) run.ambiguous.push(ambiguousCase(run, placed, n, 'variant-name', [], variantMessage(mention)));
  else run.mentions.push(mention);
}
