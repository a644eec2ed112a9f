/** Runs the rule registry over an analysed report and turns rule findings into user-facing findings. */
import type { Analysis } from './analyze';
import { msg, renderMessage, type Lang, type Msg } from './i18n';
import { rules } from './rules';
import type { Finding, RuleSetting, Severity } from './types';
import { renderFinding, type RuleFinding } from './rules/rule';
import { directiveFilter } from './directives';

export interface CheckOptions {
  lang: Lang;
  /** Severity per rule id; a rule not listed keeps its default severity. */
  severities?: Record<string, RuleSetting | undefined>;
}

/** The checker's own message: a rule that failed (a bug), said where it is seen. */
const CHECKER_MESSAGES = { internalError: msg('lỗi nội bộ trong quy tắc {rule}: {error}', 'internal error in rule {rule}: {error}') };

/**
 * Each rule finding's rendering, kept with the finding object: a rule that reports the same object
 * again on the next check (rules/memo.ts findingsOfFigure: a keystroke elsewhere) has it rendered
 * once. A rule finding and a Finding are never changed once made.
 */
const rendered = new WeakMap<RuleFinding, { messages: Readonly<Record<string, Msg>>; lang: Lang; code: string; severity: Severity; out: Finding }>();

function renderOnce(f: RuleFinding, messages: Readonly<Record<string, Msg>>, lang: Lang, code: string, severity: Severity): Finding {
  const hit = rendered.get(f);
  if (hit && hit.messages === messages && hit.lang === lang && hit.code === code && hit.severity === severity) return hit.out;
  const out = renderFinding(f, messages, lang, code, severity);
  rendered.set(f, { messages, lang, code, severity, out });
  return out;
}

/**
 * Every finding of every enabled rule, in document order. A failing rule never stops the others.
 * `only`: the rules it accepts, the others not run (the findings of two complementary sets put
 * together by mergeFindings are those of one run of all).
 */
export function checkAnalysis(analysis: Analysis, options: CheckOptions, only?: (rule: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const { id, messages } = rule.meta;
    if (only && !only(id)) continue;
    const severity = options.severities?.[id] ?? rule.meta.severity;
    if (severity === 'off') continue;
    try {
      rule.check(analysis, (f) => {
        findings.push(renderOnce(f, messages, options.lang, id, severity));
      });
    } catch (e) {
      // A bug in one rule must not hide the findings of the others; say so where it is seen.
      findings.push({
        code: id,
        severity: 'error',
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        message: renderMessage(CHECKER_MESSAGES, { id: 'internalError', params: { rule: id, error: e instanceof Error ? e.message : String(e) } }, options.lang),
      });
    }
  }
  return inDocumentOrder(findings.filter(directiveFilter(analysis.doc)));
}

/** Findings by position, then code (stable: a rule's findings at one place keep the order it reported them in). */
function inDocumentOrder(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}

/**
 * The findings of two runs of checkAnalysis on one analysis whose rule sets are complementary, as
 * one run of every rule gives them: the sort is stable and findings of one code at one place come
 * from one rule, in the order it reported them.
 */
export function mergeFindings(first: readonly Finding[], rest: readonly Finding[]): Finding[] {
  return inDocumentOrder([...first, ...rest]);
}
