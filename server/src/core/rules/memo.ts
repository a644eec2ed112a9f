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
 * One question asked of the history (`atPeriod` for an indicator and period, earlier only or not, or
 * `earlier` for an indicator id) and its answer. The same object stands for the same answer across
 * history generations: when the history changes (a figure typed in the open draft, another session
 * edited), the question asked again gets this object back if the history answers with the same
 * entries, in the same order, with the same origins (history.ts setReport gives the entries of a
 * report it updates in place new origins, their positions; an entry's value fields are its figure's,
 * unchanged while the object is kept: see carried). findingsOfFigure keeps the questions a figure's findings read and
 * works them out again only when one of them is answered differently.
 */
interface Question {
  kind: 'earlier' | 'atPeriod' | 'atPeriodAll';
  indicator: Indicator | null;
  id: string;
  period: string;
  /** The history's latest array for it (the same entries as when the object was made). */
  entries: readonly HistoryEntry[];
  /** The place of each report's first entry in `entries`, and that entry's origin when the object was made. */
  probes: readonly number[];
  origins: ReadonlyArray<HistoryEntry['origin']>;
}

/** The history's answers for one analysis (its report's session), while the history is as it was. */
interface Answers {
  /** A number of its own (findingsOfFigure keeps it, not the answers). */
  serial: number;
  history: HistoryIndex;
  generation: number;
  self: SessionKey;
  /** Per indicator and period: earlier entries (`earlier`), or every entry (`all`). */
  earlier: Map<Indicator, Map<string, Question>>;
  all: Map<Indicator, Map<string, Question>>;
  earlierById: Map<string, Question>;
  /** The same session's answers at the generation before, whose questions are carried over when answered the same. */
  previous: Answers | null;
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
    if (!a || a.generation !== history.generation) {
      // Only one generation back: the questions of older answers are not looked at again.
      if (a) a.previous = null;
      a = { serial: ++serials, history, generation: history.generation, self, earlier: new Map(), all: new Map(), earlierById: new Map(), previous: a ?? null };
    }
    bySession.set(key, a);
    if (bySession.size > SESSIONS_KEPT) bySession.delete(bySession.keys().next().value!);
    answers.set(analysis, a);
  }
  return a;
}

/**
 * The question `q` of the answers before, if the history answers it now with `entries` the same way;
 * else a new question. The same entries (by identity, a pointer compare per entry), and for each
 * report among them the first entry's origin the same: history.ts setReport gives every entry of a
 * report it updates in place a new origin (Object.assign of the new entry), all of them at once, so
 * one entry per report tells whether its entries moved (loading each entry would cost a cache miss
 * per entry: 84 000 of them for an earlier-entries question per indicator of a 200-session history).
 */
function carried(q: Question | undefined, kind: Question['kind'], indicator: Indicator | null, id: string, period: string, entries: readonly HistoryEntry[]): Question {
  if (q && q.entries.length === entries.length) {
    let same = true;
    if (q.entries !== entries) for (let i = 0; i < entries.length && same; i++) same = q.entries[i] === entries[i];
    for (let k = 0; k < q.probes.length && same; k++) same = entries[q.probes[k]].origin === q.origins[k];
    if (same) {
      q.entries = entries;
      return q;
    }
  }
  const probes: number[] = [];
  const origins: Array<HistoryEntry['origin']> = [];
  const seen = new Set<string>();
  entries.forEach((e, i) => {
    if (seen.has(e.origin.uri)) return;
    seen.add(e.origin.uri);
    probes.push(i);
    origins.push(e.origin);
  });
  return { kind, indicator, id, period, entries, probes, origins };
}

/** The questions a findingsOfFigure computation reads (null: none is being computed). */
let reading: Question[] | null = null;

function atPeriodQuestion(a: Answers, indicator: Indicator, period: string, earlierOnly: boolean): Question {
  const byIndicator = earlierOnly ? a.earlier : a.all;
  let byPeriod = byIndicator.get(indicator);
  if (!byPeriod) byIndicator.set(indicator, (byPeriod = new Map()));
  let q = byPeriod.get(period);
  if (!q) {
    const entries = earlierOnly ? a.history.atPeriod(indicator, period, a.self) : a.history.atPeriod(indicator, period);
    const before = a.previous ? (earlierOnly ? a.previous.earlier : a.previous.all).get(indicator)?.get(period) : undefined;
    byPeriod.set(period, (q = carried(before, earlierOnly ? 'atPeriod' : 'atPeriodAll', indicator, indicator.id, period, entries)));
  }
  if (reading) reading.push(q);
  return q;
}

function earlierQuestion(a: Answers, indicatorId: string): Question {
  let q = a.earlierById.get(indicatorId);
  if (!q) a.earlierById.set(indicatorId, (q = carried(a.previous?.earlierById.get(indicatorId), 'earlier', null, indicatorId, '', a.history.earlier(indicatorId, a.self))));
  if (reading) reading.push(q);
  return q;
}

/**
 * `history.atPeriod(indicator, period, self)` for the analysis's own session (`earlierOnly`, the
 * default) or for none: the same array, asked of the history once per check and (indicator, period)
 * and not again while the history is unchanged. A check asks thousands of times (per level figure,
 * per sibling series), and each question of the history builds its key strings.
 */
export function atPeriodFor(analysis: Analysis, history: HistoryIndex, indicator: Indicator, period: string, earlierOnly = true): readonly HistoryEntry[] {
  return atPeriodQuestion(answersOf(analysis, history), indicator, period, earlierOnly).entries;
}

/** `history.earlier(indicatorId, self)` for the analysis's session, asked once per check and indicator (as atPeriodFor). */
export function earlierFor(analysis: Analysis, history: HistoryIndex, indicatorId: string): readonly HistoryEntry[] {
  return earlierQuestion(answersOf(analysis, history), indicatorId).entries;
}

/** The question asked again of the answers `a` (the same object if answered the same way). */
function askedAgain(a: Answers, q: Question): Question {
  return q.kind === 'earlier' ? earlierQuestion(a, q.id) : atPeriodQuestion(a, q.indicator!, q.period, q.kind === 'atPeriod');
}

/** What a rule reported for one level figure, and what that depended on (findingsOfFigure). */
interface FigureFindings {
  /** The serial of the history's answers they were last found valid against. */
  answers: number;
  /** The questions of the history they read (each the same object while answered the same way). */
  questions: Question[];
  catalog: Analysis['catalog'];
  indicator: Indicator;
  period: string;
  findings: RuleFinding[];
}
/** Per rule, per figure (one entry per level figure of the open documents, so kept small). */
const figureFindings = new Map<string, WeakMap<PlacedFigure, FigureFindings>>();
/** The questions of a figure whose findings read no history, shared. */
const NO_QUESTIONS: Question[] = [];
/** The findings of a figure that has none (most), shared. */
const NONE: RuleFinding[] = [];

/**
 * The findings `rule` reports for one level figure, worked out by `compute` once and reported again
 * on the next checks while nothing they depend on changed: the figure (a placed figure is never
 * changed once made, and a keystroke elsewhere leaves it the same object: parse/document.ts
 * assemble), its indicator and period, the catalog, and the history's answers to the questions
 * `compute` asked (atPeriodFor, earlierFor) for the document's session: while the history's
 * generation is the same, they are; after a change (a figure typed, another session edited) each
 * question is asked again and the findings are kept if every answer is the same entries with the
 * same origins (Question). `compute` must read nothing else: no other figure, no text, no setting,
 * and the history only through atPeriodFor / earlierFor (and `derived` of their arrays). The same
 * finding objects are reported again (check.ts renders each once).
 */
export function findingsOfFigure<K extends string>(
  analysis: Analysis,
  history: HistoryIndex,
  rule: string,
  level: { f: PlacedFigure; indicator: Indicator; period: string },
  report: (f: RuleFinding<K>) => void,
  compute: (report: (f: RuleFinding<K>) => void) => void,
): void {
  const answers = answersOf(analysis, history);
  let byFigure = figureFindings.get(rule);
  if (!byFigure) figureFindings.set(rule, (byFigure = new WeakMap()));
  let kept = byFigure.get(level.f);
  let valid = !!kept && kept.catalog === analysis.catalog && kept.indicator === level.indicator && kept.period === level.period;
  if (valid && kept!.answers !== answers.serial) {
    // Another generation (or session): the same questions, answered the same way?
    for (const q of kept!.questions) {
      if (askedAgain(answers, q) !== q) {
        valid = false;
        break;
      }
    }
    if (valid) kept!.answers = answers.serial;
  }
  if (!valid) {
    let findings: RuleFinding<K>[] = NONE as RuleFinding<K>[];
    const outer = reading;
    const questions: Question[] = (reading = []);
    try {
      compute((f) => (findings === NONE ? (findings = [f]) : findings.push(f)));
    } finally {
      reading = outer;
    }
    byFigure.set(level.f, (kept = { answers: answers.serial, questions: questions.length ? [...new Set(questions)] : NO_QUESTIONS, catalog: analysis.catalog, indicator: level.indicator, period: level.period, findings }));
  }
  for (const f of kept!.findings as RuleFinding<K>[]) report(f);
}
