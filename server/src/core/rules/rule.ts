/** The shape of a rule: metadata plus a check over an analysed report (one rule per file). */
import type { Analysis } from '../analyze';
import type { Msg } from '../i18n';
import type { FixData, Range, RelatedLocation, Severity } from '../types';

/** What a rule reports; the checker adds the rule id, the configured severity and the language. */
export interface RuleFinding {
  range: Range;
  message: Msg;
  fixes?: Array<Omit<FixData, 'title'> & { title: Msg }>;
  related?: Array<Omit<RelatedLocation, 'message'> & { message: Msg }>;
  data?: Record<string, unknown>;
}

export interface Rule {
  /** Stable kebab-case id: the diagnostic code, the setting key, the doc page name. */
  id: string;
  /** One line: what the rule finds. */
  description: Msg;
  defaultSeverity: Severity;
  check(analysis: Analysis, report: (f: RuleFinding) => void): void;
}
