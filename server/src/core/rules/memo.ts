/**
 * The rules' own memo of values derived from the history: keyed by the array a history query
 * returned (HistoryIndex.earlier, atPeriod). The history never changes such an array and answers
 * with a new one once the entries behind it change (another session's figures edited, a report
 * added or removed, figures.csv read again), so a value kept here cannot go stale: a history
 * change makes it unreachable. The history knows nothing of this memo; it is bounded by the
 * history's own (entries garbage collected with the arrays they hang on).
 */
import type { Analysis } from '../analyze';
import type { Indicator } from '../catalog/types';
import type { HistoryIndex, SessionKey } from '../history/history';
import type { HistoryEntry } from '../history/types';
import { selfKey } from './history-context';

const memo = new WeakMap<readonly HistoryEntry[], Map<string, unknown>>();

/** `compute(source)`, computed once per source array and `key` (the rule's id and what else it depends on). */
export function derived<T>(source: readonly HistoryEntry[], key: string, compute: (source: readonly HistoryEntry[]) => T): T {
  let values = memo.get(source);
  if (!values) memo.set(source, (values = new Map()));
  if (values.has(key)) return values.get(key) as T;
  const value = compute(source);
  values.set(key, value);
  return value;
}

const keys = new Map<string, Map<string, string>>();

/**
 * The key `rule \0 part` of `derived`, one string per pair: the rules ask once per level figure on
 * every check, and a key built each time is garbage a keystroke need not make.
 */
export function memoKey(rule: string, part: string): string {
  let byPart = keys.get(rule);
  if (!byPart) keys.set(rule, (byPart = new Map()));
  let key = byPart.get(part);
  if (key === undefined) byPart.set(part, (key = `${rule}\0${part}`));
  return key;
}

/** The history's answers for one analysis (its report's session), while the history is as it was. */
interface Answers {
  history: HistoryIndex;
  generation: number;
  self: SessionKey;
  /** Per indicator and period: earlier entries (`earlier`), or every entry (`all`). */
  earlier: Map<Indicator, Map<string, HistoryEntry[]>>;
  all: Map<Indicator, Map<string, HistoryEntry[]>>;
  earlierById: Map<string, HistoryEntry[]>;
}
const answers = new WeakMap<Analysis, Answers>();

function answersOf(analysis: Analysis, history: HistoryIndex): Answers {
  let a = answers.get(analysis);
  // The history bumps its generation on every change (of entries or of their positions): then it
  // is asked again (an analysis the service keeps by version may be checked again after a change).
  if (!a || a.history !== history || a.generation !== history.generation) {
    a = { history, generation: history.generation, self: selfKey(analysis), earlier: new Map(), all: new Map(), earlierById: new Map() };
    answers.set(analysis, a);
  }
  return a;
}

/**
 * `history.atPeriod(indicator, period, self)` for the analysis's own session (`earlierOnly`, the
 * default) or for none: the same array, asked of the history once per check and (indicator, period)
 * and not again while the history is unchanged. A check asks thousands of times (per level figure,
 * per sibling series), and each question of the history builds its key strings.
 */
export function atPeriodFor(analysis: Analysis, history: HistoryIndex, indicator: Indicator, period: string, earlierOnly = true): readonly HistoryEntry[] {
  const a = answersOf(analysis, history);
  const byIndicator = earlierOnly ? a.earlier : a.all;
  let byPeriod = byIndicator.get(indicator);
  if (!byPeriod) byIndicator.set(indicator, (byPeriod = new Map()));
  let entries = byPeriod.get(period);
  if (!entries) byPeriod.set(period, (entries = earlierOnly ? history.atPeriod(indicator, period, a.self) : history.atPeriod(indicator, period)));
  return entries;
}

/** `history.earlier(indicatorId, self)` for the analysis's session, asked once per check and indicator (as atPeriodFor). */
export function earlierFor(analysis: Analysis, history: HistoryIndex, indicatorId: string): readonly HistoryEntry[] {
  const a = answersOf(analysis, history);
  let entries = a.earlierById.get(indicatorId);
  if (!entries) a.earlierById.set(indicatorId, (entries = history.earlier(indicatorId, a.self)));
  return entries;
}
