/** The document model the parser returns: what a session report says, with source ranges. */
import type { Figure, Range } from '../types';
import type { LineIndex } from '../text';

/** The YAML front matter of a report, as far as it could be read. */
export interface FrontMatter {
  /** The whole block, `---` lines included. */
  range: Range;
  session?: number;
  /** ISO date of the session, YYYY-MM-DD. */
  date?: string;
  /** Default reporting period code ("2022-Q1", "2024-S1", "2023"...). */
  period?: string;
  title?: string;
  /** Every key as parsed (unknown keys kept). */
  data: Record<string, unknown>;
  /** Range of each top-level key's value, for precise diagnostics. */
  fieldRanges: Record<string, Range>;
}

/** A heading and the part of the document it opens. */
export interface Section {
  title: string;
  level: number;
  /** The heading line. */
  headingRange: Range;
  /** From the heading to the next heading of the same or a higher level. */
  range: Range;
  children: Section[];
}

/** A figure placed in the document. */
export interface PlacedFigure extends Figure {
  /** Range of the whole figure text in the document. */
  range: Range;
  /** Range of the numeral alone. */
  numeralRange: Range;
  /** Index into `ReportDocument.sentences` of the sentence (or table row) the figure is in. */
  sentence: number;
  /**
   * The figure's own period (parse/clauses.ts): the period phrase attached to it or governing its
   * clause, the row's period in a table, else the document's period.
   */
  period?: string | null;
  periodSource?: 'phrase' | 'document' | null;
  /** The period phrase that set the period, if one did. */
  periodRange?: Range;
}

/** A sentence (or a table row): the unit within which references bind and arithmetic is checked. */
export interface Sentence {
  start: number;
  end: number;
  /** Period phrases of the sentence, comparison bases included. */
  periods: Array<{ code: string; comparison: boolean; start: number; end: number }>;
}

/** An indicator reference `[[name]]` or `[[name @ CODE]]`, and what it binds to. */
export interface Reference {
  /** The text between the brackets, as written. */
  written: string;
  /** The name part (before " @ "), whitespace-collapsed. */
  name: string;
  /** The compiler code after " @ ", if any. */
  compiler?: string;
  /** The whole `[[...]]`. */
  range: Range;
  /** The name part alone, for edits that replace the name. */
  nameRange: Range;
  /**
   * The figure the reference binds to (parse/clauses.ts: the level figure of its clause, before or
   * after the name; in a table row the first figure after it), or null for a mere mention.
   */
  figure: PlacedFigure | null;
  /**
   * Further figures of the same indicator with a period of their own in the sentence: the base A of
   * "tăng từ A năm X lên B năm Y" is the value for X. They enter the history too. `carried`: a figure
   * of a later sentence of the paragraph that tells on the named index (parse/family-carry.ts);
   * `listed`: another province's figure of a list the name is over (parse/subject-list.ts).
   */
  also?: Array<{ figure: PlacedFigure; period: string; carried?: true; listed?: true }>;
  /** The period of the bound figure (its own phrase), else the sentence's governing phrase, else the document's period. */
  period: string | null;
  periodSource: 'phrase' | 'document' | null;
  /** The period phrase that set the period, if one did. */
  periodRange?: Range;
  /** Offsets of the sentence (or table row) the reference is in. */
  sentence: { start: number; end: number };
  inTable: boolean;
}

/** A problem found while parsing (malformed front matter and the like). */
export interface ParseProblem {
  code: 'front-matter';
  message: { vi: string; en: string };
  range: Range;
}

/** A parsed session report. Parsing never throws; problems are listed in `problems`. */
export interface ReportDocument {
  uri: string;
  text: string;
  lines: LineIndex;
  frontMatter: FrontMatter | null;
  sections: Section[];
  references: Reference[];
  /** Every figure found in checked text, bound or not. */
  figures: PlacedFigure[];
  /** Every sentence and table row of checked text, in document order. */
  sentences: Sentence[];
  /** HTML comments (block and inline), in document order: where inline directives live. */
  comments: Array<{ start: number; end: number; text: string }>;
  problems: ParseProblem[];
  /** Offsets [start, end) of text that is never checked: code, HTML comments, front matter. */
  ignored: Array<[number, number]>;
}
