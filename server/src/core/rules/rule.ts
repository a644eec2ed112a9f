/**
 * The shape of a rule: `meta` (id, default severity, whether it offers quick fixes, and every
 * message it shows, by id, in Vietnamese and English) and a check over an analysed report. One rule
 * per file; the registry is index.ts.
 */
import type { Analysis } from '../analyze';
import { renderMessage, type Lang, type Msg, type MsgParams } from '../i18n';
import type { Finding, FixData, Range, RelatedLocation, Severity } from '../types';

/** A message of the rule's `meta.messages`, with the values of its placeholders. */
export interface MessageRef<K extends string = string> {
  id: K;
  params?: MsgParams;
}

export interface RuleMeta<K extends string = string> {
  /** Stable kebab-case id: the diagnostic code, the setting key, the doc page name. */
  id: string;
  /** One line: what the rule finds (the README table, the settings, SARIF). */
  description: Msg;
  /** The default severity. */
  severity: Severity;
  /** Whether its findings may carry quick fixes. */
  fixable: boolean;
  /**
   * Every user-facing string of the rule (messages, quick fix titles, related information), by id:
   * templates with named placeholders (`{value}`), the same names in both languages, filled by
   * i18n.ts renderMessage in the language of the check.
   */
  messages: Readonly<Record<K, Msg>>;
}

/** What a rule reports; the checker renders its messages and adds the rule id and the severity. */
export interface RuleFinding<K extends string = string> {
  range: Range;
  message: MessageRef<K>;
  fixes?: Array<Omit<FixData, 'title'> & { title: MessageRef<K> }>;
  related?: Array<Omit<RelatedLocation, 'message'> & { message: MessageRef<K> }>;
  data?: Record<string, unknown>;
}

export interface Rule<K extends string = string> {
  meta: RuleMeta<K>;
  check(analysis: Analysis, report: (f: RuleFinding<K>) => void): void;
}

/** A rule, its message ids checked by the compiler: `report` accepts only ids of `meta.messages`. */
export function defineRule<K extends string>(rule: Rule<K>): Rule<K> {
  return rule;
}

/** A rule's finding with its messages rendered from the rule's message table in one language. */
export function renderFinding(f: RuleFinding, messages: Readonly<Record<string, Msg>>, lang: Lang, code: string, severity: Severity): Finding {
  const text = (ref: RuleFinding['message']) => renderMessage(messages, ref, lang);
  return {
    code,
    severity,
    range: f.range,
    message: text(f.message),
    related: f.related?.map((r) => renderRelated(r, messages, lang)),
    fixes: f.fixes?.map((x) => ({ ...x, title: text(x.title) })),
    data: f.data,
  };
}

type RelatedRef = NonNullable<RuleFinding['related']>[number];

/**
 * Related information rendered, once per related object, message table and language: the history
 * rules give the same object for the same earlier statement on every check (history-context.ts
 * relatedOf), and a keystroke re-renders every finding of the report. A related object is never
 * changed once made, nor is its rendering (a Finding's parts are read only).
 */
const renderedRelated = new WeakMap<RelatedRef, { messages: Readonly<Record<string, Msg>>; lang: Lang; out: RelatedLocation }>();

function renderRelated(r: RelatedRef, messages: Readonly<Record<string, Msg>>, lang: Lang): RelatedLocation {
  const hit = renderedRelated.get(r);
  if (hit && hit.messages === messages && hit.lang === lang) return hit.out;
  const out = { ...r, message: renderMessage(messages, r.message, lang) };
  renderedRelated.set(r, { messages, lang, out });
  return out;
}
