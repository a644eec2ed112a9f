/** The history of figures: what earlier sessions (and figures.csv) reported, per indicator. */
import type { Range } from '../types';
import type { FigureChange, FigureKind, Qualifier } from '../types';

/** Where a figure of the history was stated. */
export interface HistoryOrigin {
  kind: 'report' | 'csv';
  uri: string;
  range: Range;
  /** Session number and date from the report's front matter. */
  session?: number;
  date?: string;
  /** figures.csv: compiler, status ("chính thức", "ước tính"...), source. */
  compiler?: string;
  status?: string;
  source?: string;
}

/** One figure of one indicator for one period, as stated somewhere in the workspace. */
export interface HistoryEntry {
  indicatorId: string;
  period: string;
  raw: string;
  value: number;
  interval: [number, number];
  unit: string | null;
  kind: FigureKind;
  decimals: number;
  qualifier: Qualifier | null;
  denominator?: number;
  change?: FigureChange;
  growth?: boolean;
  /**
   * For a provincial series (catalog/provincial.ts provinceFacts(…).series): the province the figure is about, or
   * NATIONAL for the provinces' average; absent when the text does not say (then the rules compare
   * it with nothing) and for every other series; for a `local` figure, the province it is about.
   */
  subject?: string;
  /**
   * A figure of an entry that is no series of provinces, stated in a province's own report about a
   * province (subject.ts figureKey): listed under its subject's key only, never with the entry's
   * national figures (without a subject: under no key).
   */
  local?: true;
  origin: HistoryOrigin;
}
