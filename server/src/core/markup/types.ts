/**
 * Types of the markup detector: indicator mentions found in unmarked prose, and the cases it
 * leaves unmarked because it is not sure.
 */
import type { Indicator } from '../catalog/types';
import type { Msg } from '../i18n';
import type { FigureKind, Range, TextEditData } from '../types';

/**
 * How marks are written. `wrap` keeps the words: its edits are two insertions, `[[` before the
 * first word and `]]` after the last (` @ CODE]]` for a name shared by several series, the compiler
 * named nearby), around the words exactly as written; words that would not resolve as written (a
 * fuzzy variant, a name across a line break) are listed as `variant-name`, never rewritten.
 * `canonical` replaces the words by `[[Canonical name]]`; nothing outside the marks changes.
 */
export type MarkMode = 'wrap' | 'canonical';

/** How the words in the text matched a catalog name. */
export type MatchKind = 'exact' | 'alias' | 'abbreviation' | 'fuzzy';

/** A text edit with its offsets as well as its LSP range (offsets are into the input text). */
export interface MarkupEdit extends TextEditData {
  start: number;
  end: number;
}

/** The figure a mention binds to, in the input text. */
export interface MentionFigure {
  /** As the figure reader reads it in the unmarked text ("trên 177 triệu hồ sơ"). */
  raw: string;
  numeral: string;
  value: number;
  unit: string | null;
  kind: FigureKind;
  start: number;
  end: number;
  range: Range;
}

/** An indicator named in unmarked prose and bound to its figure. */
export interface Mention {
  /** Offsets and range of the matched words (the name as written). */
  start: number;
  end: number;
  range: Range;
  /** The words as written. */
  text: string;
  indicator: Indicator;
  /** The catalog name (canonical, alias or abbreviation) the words matched. */
  label: string;
  kind: MatchKind;
  /** 1 for an exact name; the fuzzy score (≥ the threshold) otherwise. */
  score: number;
  /** Compiler code added to the mark ("BTTTT") when the name is shared by several series and the
   * paragraph names the compiler. */
  compiler?: string;
  /** Why that series: the rule that chose it (series-choice.ts: the sentence, the period, a heading, the
   * report's earlier choice, its own front matter). */
  seriesBy?: Msg;
  /** True when `[[words as written]]` resolves to the indicator (a name, alias or abbreviation,
   * or one typed without accents) and lies on one line. Wrap-mode detection reports only such
   * mentions (the others are `variant-name`); canonical-mode detection reports both. */
  wrappable: boolean;
  /** The figure the mark binds to under the dialect's rules; null for a plain mention (only
   * reported with `plainMentions: true`). */
  figure: MentionFigure | null;
  /** The period the marked reference gets from a period phrase of its sentence; null when the
   * document's `period` applies. */
  period: { code: string; raw: string; range: Range } | null;
  /** Offsets of the sentence (or table row). */
  sentence: { start: number; end: number };
  /** What a canonical mark replaces: [start, end), widened over words of the writer right next to
   * the name that the canonical name also says (mention.ts absorbNameWords), so that the name it
   * writes never repeats them. */
  canonicalSpan: { start: number; end: number };
  /** The edits that mark this mention: in `wrap` mode always the two insertions (`[[` at `start`,
   * `]]` or ` @ CODE]]` at `end`); in `canonical` one replacement of `canonicalSpan`. */
  edits(mode: MarkMode): MarkupEdit[];
}

/** Why a mention was left unmarked. */
export type AmbiguityReason =
  /** Two catalog names of different indicators fit the same words about equally well. */
  | 'two-names'
  /** A name shared by several series, and no compiler is named nearby. */
  | 'shared-name'
  /** The figure the checker would bind is in another clause, or more than eight words away. */
  | 'far-figure'
  /** The figure the checker would bind is nearer another name of the sentence (that one's). */
  | 'figure-of-another-name'
  /** The figure the checker would bind is already bound by a reference of the sentence. */
  | 'figure-taken'
  /** The only figure the checker would bind is a target, the base of a change, or a change that
   * does not fit the indicator, or a forecast ("dự kiến … sẽ đạt …"). */
  | 'figure-role'
  /** The figure the checker would bind does not fit the indicator's unit. */
  | 'figure-does-not-fit'
  /** The number may be a document number, a year or a date rather than a figure; or the only
   * period phrase of the sentence is a date that may belong to a cited document. */
  | 'document-number-or-date'
  /** Wrap mode: the words as written are a variant of a catalog name (a word inserted, missing,
   * moved or misspelt, or a line break inside) that `[[words]]` would not resolve; wrap never
   * changes the words, so the mention is listed, not marked. */
  | 'variant-name'
  /** A later clause names a second indicator only by the "của …" that sets it apart from the
   * first ("… của bộ, ngành đạt 61%; của địa phương đạt 17%"): no name to wrap. */
  | 'elliptical-name'
  /** The figure's sentence has no period phrase of its own, so the mark would date it by the
   * report's period, while an earlier sentence of its paragraph set another ("số liệu đến tháng
   * 9/2023 … Cả nước có 22,3 triệu thuê bao"): which one the writer meant is not sure. */
  | 'period-of-another-sentence'
  /** The period phrase the reader would lend the figure is written right after another figure of
   * another clause, as that one's ("đạt 85%, cao hơn mức 79% của năm 2023"). */
  | 'period-of-another-figure'
  /** The sentence gives the figure's source ("Theo Google, …"), a body that is no state agency and
   * none of the indicator's compilers: the figure is that source's estimate, not the series'. */
  | 'other-source'
  /** The figure's sentence names no indicator (a rank or score of Việt Nam) while the paragraph or a
   * heading named the index before it: no words to wrap (canonical mode inserts the name). */
  | 'name-elsewhere'
  /** The report gives no year (its front matter lacks `period` or does not parse) and the figure's
   * sentence and paragraph write none: the checker would read the mark as a fact of no period. */
  | 'no-period'
  /** The sentence (or table row) is too long to judge name by name (over 4 000 characters,
   * markup/long-unit.ts): listed once with the indicators its words may name, left unmarked. */
  | 'long-sentence';

/** A mention the detector did not mark, with the reason. */
export interface AmbiguousCase {
  start: number;
  end: number;
  range: Range;
  /** The words as written. */
  text: string;
  reason: AmbiguityReason;
  message: Msg;
  /** The indicators the words may name. */
  candidates: Indicator[];
  /** The figures in question, as written. */
  figures: string[];
  /** A suggested edit (not applied by `markText`): e.g. a reference inserted before the figure. */
  fix?: { title: Msg; edits: MarkupEdit[] };
}

export interface DetectOptions {
  /** The mode of the marks (default `wrap`): wrap lists variants it would have to rewrite. */
  mode?: MarkMode;
  /** Also report mentions that bind to no figure (default false). */
  plainMentions?: boolean;
  /** Only look at sentences that overlap these offsets. */
  range?: { start: number; end: number };
  /** Fuzzy-match threshold in [0, 1] (default 0.8). */
  threshold?: number;
  /** The parsed text, if the caller has it (saves one parse). Must be `parseReport(text, …)`. */
  doc?: import('../parse/model').ReportDocument;
}

export interface MarkupResult {
  mentions: Mention[];
  ambiguous: AmbiguousCase[];
}
