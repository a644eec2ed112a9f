/**
 * Which table headers may bind their columns (table-header.ts bindTableHeaders): a header row that
 * holds a reference, a period, a change's or a target's label, or a measure cell (table-measures.ts).
 * Remembered per header row model and per chunk model (the same text: the same answer), so that a
 * version none of whose chunks has such a header walks nothing.
 */
import type { ReportDocument } from './model';
import { hasMeasureCell } from './table-measures';
import type { Segment, SegmentModel } from './table-rows';

/** A header or row label that says its cells are changes (rules/figure-context.ts reads cells so too). */
export const CHANGE_LABEL = /(?:^|[^\p{L}])(?:tăng|giảm|so với|so cùng kỳ|thay đổi|biến động|chênh lệch)(?![\p{L}])|±|\+\s*\/\s*[-−]/iu;
/** A header that says its cells are targets, plans or forecasts ("Đề ra năm 2023": set out; "Chỉ tiêu" first names the indicators: targetCell). */
export const TARGET_LABEL = /(?:^|[^\p{L}])(?:mục tiêu|kế hoạch|phấn đấu|dự kiến|dự báo|định hướng|đề ra)(?![\p{L}])/iu;
/** A later column headed "Chỉ tiêu …" ("| Nội dung | Chỉ tiêu năm 2023 | Thực hiện |"): its cells are targets (reading.md §30). */
const TARGET_COLUMN = /^\s*chỉ tiêu(?![\p{L}])/iu;

/** Whether header cell `c` (its text) heads a column of targets: TARGET_LABEL, or "Chỉ tiêu …" after the first cell. */
export const targetCell = (text: string, c: number): boolean => TARGET_LABEL.test(text) || (c > 0 && TARGET_COLUMN.test(text.replace(/[*_]/g, '')));

/** Whether a header row's text (pipes included) heads a column of targets (targetCell) in one of its cells. */
const targetRow = (text: string): boolean => TARGET_LABEL.test(text) || text.replace(/^\s*\|/, '').split('|').some((cell, c) => targetCell(cell, c));

/** Per header row model: whether its header may bind. */
const shapedHeaders = new WeakMap<SegmentModel, boolean>();

/** Whether header row `h`, placed at `base` in `doc`, may bind (bindTableHeaders), once per model. */
export function shapedHeader(doc: ReportDocument, h: SegmentModel, base: number): boolean {
  let shaped = shapedHeaders.get(h);
  if (shaped === undefined) {
    const { cells } = h.row!;
    const text = cells.length ? doc.text.slice(base, base + cells[cells.length - 1]) : '';
    shaped = h.part.references.length > 0 || h.part.sentences.some((s) => s.periods.length > 0) || CHANGE_LABEL.test(text) || targetRow(text) || hasMeasureCell(text);
    shapedHeaders.set(h, shaped);
  }
  return shaped;
}

/** Per chunk model: whether one of its headers may bind (the same model: the same chunk text). */
const chunksThatBind = new WeakMap<ChunkSegments, boolean>();

/** A chunk's segments (table-header.ts SegmentPiece's model). */
type ChunkSegments = { segments: readonly Segment[] };

export function chunkMayBind(doc: ReportDocument, piece: { base: number; model: ChunkSegments }): boolean {
  let binds = chunksThatBind.get(piece.model);
  if (binds === undefined) {
    binds = piece.model.segments.some((seg) => !!seg.model.row?.header && shapedHeader(doc, seg.model, piece.base + seg.base));
    chunksThatBind.set(piece.model, binds);
  }
  return binds;
}
