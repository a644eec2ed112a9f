/**
 * Plain text in, dialect out: finds catalog indicators named in unmarked prose, binds each to its
 * figure and period as the dialect would, and marks them (`[[...]]`) where the mark is sure to bind
 * as intended. See docs/markup.md.
 */
export type { AmbiguityReason, AmbiguousCase, DetectOptions, MarkMode, MarkupEdit, MarkupResult, Mention, MentionFigure, MatchKind } from './types';
export { detectMentions, fits } from './detect';
export { markAllEdits, markEdits, markText } from './edits';
export { nameIndex } from './name-index';
