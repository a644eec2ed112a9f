/** Applying the marks of a detection to the text. */
import { applyWithMaps } from './detect';
import type { MarkMode, MarkupEdit, Mention } from './types';

/** Every edit that marks `mentions`, in text order. */
export function markEdits(mentions: Mention[], mode: MarkMode): MarkupEdit[] {
  return mentions.flatMap((m) => m.edits(mode)).sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The text with `mentions` marked. */
export function markText(text: string, mentions: Mention[], mode: MarkMode): string {
  return applyWithMaps(text, markEdits(mentions, mode)).text;
}
