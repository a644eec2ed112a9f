/** Applying the marks of a detection to the text. */
import type { Catalog } from '../catalog/catalog';
import type { ReportDocument } from '../parse/model';
import { LineIndex } from '../text';
import type { Range, TextEditData } from '../types';
import { applyWithMaps } from './apply';
import { detectMentions } from './detect';
import type { MarkMode, MarkupEdit, Mention } from './types';

/** Every edit that marks `mentions`, in text order. */
export function markEdits(mentions: Mention[], mode: MarkMode): MarkupEdit[] {
  return mentions.flatMap((m) => m.edits(mode)).sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The text with `mentions` marked. */
export function markText(text: string, mentions: Mention[], mode: MarkMode): string {
  return applyWithMaps(text, markEdits(mentions, mode)).text;
}

/**
 * The edits of "mark every indicator in the file" (or in `range`, an LSP range: the sentences that
 * overlap it). `wrap` (default) only inserts `[[` and `]]` around the words as written (variants
 * that would not resolve are left unmarked); `canonical` writes the canonical names inside the marks.
 */
export function markAllEdits(text: string, catalog: Catalog, options: { range?: Range; mode?: MarkMode; doc?: ReportDocument } = {}): TextEditData[] {
  const mode = options.mode ?? 'wrap';
  let range: { start: number; end: number } | undefined;
  if (options.range) {
    const lines = options.doc?.lines ?? new LineIndex(text);
    range = { start: lines.offsetAt(options.range.start), end: lines.offsetAt(options.range.end) };
    if (range.end === range.start) range = { start: range.start, end: range.start + 1 };
  }
  const { mentions } = detectMentions(text, catalog, { mode, range, doc: options.doc });
  return markEdits(mentions, mode).map(({ range: r, newText }) => ({ range: r, newText }));
}
