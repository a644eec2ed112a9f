/**
 * Which table headers may bind their columns (table-header.ts bindTableHeaders): a header row that
 * holds a reference, a period, a change's or a target's label, or a measure cell (table-measures.ts).
 * Remembered per header row model and per chunk model (the same text: the same answer), so that a
 * version none of whose chunks has such a header walks nothing.
 */
import type { ReportDocument } from './model';
import { changeOrTarget } from './table-labels';
import { hasMeasureCell } from './table-measures';
import type { Segment, SegmentModel } from './table-rows';

export { CHANGE_LABEL, TARGET_LABEL, targetCell } from './table-labels';

/** Per header row model: whether its header may bind. */
const shapedHeaders = new WeakMap<SegmentModel, boolean>();

/** Whether header row `h`, placed at `base` in `doc`, may bind (bindTableHeaders), once per model. */
export function shapedHeader(doc: ReportDocument, h: SegmentModel, base: number): boolean {
  let shaped = shapedHeaders.get(h);
  if (shaped === undefined) {
    const { cells } = h.row!;
    const text = cells.length ? doc.text.slice(base, base + cells[cells.length - 1]) : '';
    shaped = h.part.references.length > 0 || h.part.sentences.some((s) => s.periods.length > 0) || changeOrTarget(text) || hasMeasureCell(text);
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
