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
import { selfKey, type LevelFigure } from './history-context';
import type { PlacedFigure } from '../parse/model';
import type { RuleFinding } from './rule';

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

/**
 * The history's answers for one analysis (its report's session), while the history is as it was.
 * A class, not an object literal: V8 makes a literal's boilerplate the second time the literal runs,
 * and that widens its fields' types (the history's class, a Map) for every object of the shape and
 * throws away the optimized code that relied on them. This literal ran once at the draft's first
 * check and again only when the history changed, at the first figure keystroke after prose (issue #15).
 */
class Answers {
  /** Per indicator and period: earlier entries (`earlier`), or every entry (`all`). */
  readonly earlier = new Map<Indicator, Map<string, HistoryEntry[]>>();
  readonly all = new Map<Indicator, Map<string, HistoryEntry[]>>();
  readonly earlierById = new Map<string, HistoryEntry[]>();
  constructor(
    /** A number of its own (findingsOfFigure keeps it, not the answers). */
    readonly serial: number,
    readonly history: HistoryIndex,
    readonly generation: number,
    readonly self: SessionKey,
    /** The session asking (uri, number, date), as a string. */
    readonly key: string,
  ) {}
}
const answers = new WeakMap<Analysis, Answers>();

/**
 * The answers by session (uri, session number, date), per history: every check of a document makes
 * a new Analysis (a keystroke's new version, its settings applied), but what the history answers
 * depends only on the history's state and the session asking, so the next keystroke's check asks
 * none of it again. The last few sessions asked (the open documents) are kept; an entry of another
 * generation is replaced.
 */
const answersBySession = new WeakMap<HistoryIndex, Map<string, Answers>>();
const SESSIONS_KEPT = 16;
let serials = 0;

function answersOf(analysis: Analysis, history: HistoryIndex): Answers {
  let a = answers.get(analysis);
  // The history bumps its generation on every change (of entries or of their positions): then it
  // is asked again (an analysis the service keeps by version may be checked again after a change).
  if (!a || a.history !== history || a.generation !== history.generation) {
    const self = selfKey(analysis);
    let bySession = answersBySession.get(history);
    if (!bySession) answersBySession.set(history, (bySession = new Map()));
    const key = JSON.stringify([self.uri, self.session ?? null, self.date ?? null]);
    a = bySession.get(key);
    bySession.delete(key);
    if (!a || a.generation !== history.generation) a = new Answers(++serials, history, history.generation, self, key);
    bySession.set(key, a);
    if (bySession.size > SESSIONS_KEPT) bySession.delete(bySession.keys().next().value!);
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
  asked?.push(indicator.id);
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
  asked?.push(indicatorId);
  const a = answersOf(analysis, history);
  let entries = a.earlierById.get(indicatorId);
  if (!entries) a.earlierById.set(indicatorId, (entries = history.earlier(indicatorId, a.self)));
  return entries;
}

/** What a rule reported for one level figure, and what that depended on (findingsOfFigure). */
interface FigureFindings {
  /** The history, the session asking (Answers key) and the history's generation they were worked out at. */
  history: HistoryIndex;
  session: string;
  generation: number;
  /** The indicators (ids or series keys) the history was asked about meanwhile (atPeriodFor, earlierFor). */
  asked: string[];
  catalog: Analysis['catalog'];
  indicator: Indicator;
  series: Indicator;
  period: string;
  findings: RuleFinding[];
}
/** Per rule, per figure (one entry per level figure of the open documents, so kept small). */
const figureFindings = new Map<string, WeakMap<PlacedFigure, FigureFindings>>();
/** The findings of a figure that has none (most), shared. */
const NONE: RuleFinding[] = [];
/** While a `compute` of findingsOfFigure runs: the indicators it asks the history about. */
let asked: string[] | null = null;

/** What a history rule works out for one level figure: `series`, the indicator it asks the history about. */
export type FigureCompute<K extends string> = (
  analysis: Analysis,
  history: HistoryIndex,
  level: LevelFigure,
  series: Indicator,
  report: (f: RuleFinding<K>) => void,
) => void;

/**
 * The findings `rule` reports for one level figure, worked out by `compute` once and reported again
 * on the next checks while nothing they depend on changed: the figure (a placed figure is never
 * changed once made, and a keystroke elsewhere leaves it the same object: parse/assemble.ts), its
 * indicator, `series` and period, the catalog, and the history's answers for the document's
 * session about the indicators `compute` asked of atPeriodFor and earlierFor (recorded as it runs):
 * the same while the history, the document's session and date are the same and none of those
 * indicators' entries changed (HistoryIndex.changedSince: a figure typed into one table row changes
 * one indicator's entries; a move of kept entries, figures.csv or a reindex changes all). `compute`
 * must read nothing else: of `level` its figure, indicator and period only (not its reference), no
 * other figure, no text, no setting, no history but through those two. The same finding objects are
 * reported again (check.ts renders each once). A rule walks every level figure of the draft on every
 * check: `compute` is a function of the rule's module (no closure made per figure), and a figure whose
 * findings are kept costs a lookup and no allocation.
 */
export function findingsOfFigure<K extends string>(
  analysis: Analysis,
  history: HistoryIndex,
  rule: string,
  level: LevelFigure,
  series: Indicator,
  report: (f: RuleFinding<K>) => void,
  compute: FigureCompute<K>,
): void {
  const answers = answersOf(analysis, history);
  let byFigure = figureFindings.get(rule);
  if (!byFigure) figureFindings.set(rule, (byFigure = new WeakMap()));
  let kept = byFigure.get(level.f);
  if (
    !kept ||
    kept.history !== history ||
    kept.session !== answers.key ||
    kept.catalog !== analysis.catalog ||
    kept.indicator !== level.indicator ||
    kept.series !== series ||
    kept.period !== level.period ||
    (kept.generation !== history.generation && history.changedSince(kept.asked, kept.generation))
  ) {
    let findings: RuleFinding<K>[] = NONE as RuleFinding<K>[];
    const outer = asked;
    asked = [];
    const generation = history.generation;
    try {
      compute(analysis, history, level, series, (f) => (findings === NONE ? (findings = [f]) : findings.push(f)));
      // (`asked` copied at its length: grown by push it keeps room for 17, 120 B more per figure and rule)
      kept = { history, session: answers.key, generation, asked: asked.slice(), catalog: analysis.catalog, indicator: level.indicator, series, period: level.period, findings };
    } finally {
      asked = outer;
    }
    byFigure.set(level.f, kept);
  }
  const findings = kept.findings as RuleFinding<K>[];
  for (let i = 0; i < findings.length; i++) report(findings[i]);
}

/** What a rule reported for one figure from its sentence alone (findingsInSentence), and its inputs. */
interface SentenceFindings {
  uri: string;
  catalog: Analysis['catalog'];
  input: unknown;
  detail: string;
  findings: RuleFinding[];
}
/** Per rule, per figure: one entry per figure the rule looks at in the open documents. */
const sentenceFindings = new Map<string, WeakMap<PlacedFigure, SentenceFindings>>();

/**
 * The entries with no findings (most), one per rule, catalog, input, uri and detail, shared by the
 * figures they stand for: an entry per figure and rule kept 2.2 MB alive for the 1 MB draft's
 * 9 255 figures. Under the catalog (weakly), then by input; a uri's and detail's entries are let go
 * past SHARED_KEPT per input (a figure then gets an entry of its own: the same fields).
 */
const noFindings = new Map<string, WeakMap<Analysis['catalog'], Map<unknown, Map<string, SentenceFindings>>>>();
const SHARED_KEPT = 256;

function noFindingsEntry(rule: string, uri: string, catalog: Analysis['catalog'], input: unknown, detail: string): SentenceFindings {
  let byCatalog = noFindings.get(rule);
  if (!byCatalog) noFindings.set(rule, (byCatalog = new WeakMap()));
  let byInput = byCatalog.get(catalog);
  if (!byInput) byCatalog.set(catalog, (byInput = new Map()));
  let byKey = byInput.get(input);
  if (!byKey) byInput.set(input, (byKey = new Map()));
  const key = `${uri}\0${detail}`;
  let entry = byKey.get(key);
  if (!entry) {
    if (byKey.size >= SHARED_KEPT) byKey.clear();
    byKey.set(key, (entry = { uri, catalog, input, detail, findings: NONE }));
  }
  return entry;
}

/**
 * What a rule works out for one figure from that figure's sentence: of the document, `f`, the
 * figures of its sentence (figure-context.ts figuresOfSentence) and that sentence's text (through
 * ranges: offsets may have moved), and its uri; besides, `input` and `detail` only (the caller's:
 * `input` compared by identity, the indicator bound to `f` say; `detail` a string, its reference's
 * period say), and the catalog. Nothing else: no other sentence, no history, no setting.
 */
export type SentenceCompute<K extends string, I> = (analysis: Analysis, f: PlacedFigure, input: I, report: (f: RuleFinding<K>) => void, detail: string) => void;

/**
 * The findings `rule` reports for figure `f` from its sentence, worked out by `compute` once and
 * reported again (the same objects) while `f`, the document's uri, the catalog, `input` and `detail` are the same. A placed
 * figure is the same object only when its chunk's model (the same text) is placed on the same line
 * after as many sentences with the same document period (parse/assemble.ts): then the figures of its
 * sentence are the same objects, and the sentence's text the same characters, at an offset that may
 * have moved (a keystroke earlier on the line above). Two documents with the same paragraph at the
 * same place share its figures: the uri tells them apart. As findingsOfFigure, `compute` is a
 * function of the rule's module, and a figure whose findings are kept costs a lookup and no allocation.
 */
export function findingsInSentence<K extends string, I>(
  analysis: Analysis,
  rule: string,
  f: PlacedFigure,
  input: I,
  report: (f: RuleFinding<K>) => void,
  compute: SentenceCompute<K, I>,
  detail = '',
): void {
  const uri = analysis.doc.uri;
  let byFigure = sentenceFindings.get(rule);
  if (!byFigure) sentenceFindings.set(rule, (byFigure = new WeakMap()));
  let kept = byFigure.get(f);
  const catalog = analysis.catalog;
  if (!kept || kept.uri !== uri || kept.catalog !== catalog || kept.input !== input || kept.detail !== detail) {
    let findings: RuleFinding<K>[] = NONE as RuleFinding<K>[];
    compute(analysis, f, input, (x) => (findings === NONE ? (findings = [x]) : findings.push(x)), detail);
    kept = findings === NONE ? noFindingsEntry(rule, uri, catalog, input, detail) : { uri, catalog, input, detail, findings };
    byFigure.set(f, kept);
  }
  const findings = kept.findings as RuleFinding<K>[];
  for (let i = 0; i < findings.length; i++) report(findings[i]);
}
