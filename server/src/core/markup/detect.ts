/**
 * The detector: indicators named in unmarked prose, each bound to its figure, and the cases it
 * leaves unmarked because it is not sure. Pure: text and catalog in, mentions and cases out.
 *
 * Per sentence (or table row) of the prose (see prose.ts):
 * 1. names (names.ts): the catalog's names in the words; `two-names`, `shared-name` when the words
 *    cannot be settled on one indicator.
 * 2. binding (bind.ts): the sentence read with the names as spaces, exactly as the checker will
 *    read it once they are marked, and each name bound by the checker's own binder
 *    (parse/clauses.ts): the level figure of its clause, before or after it, and that figure's
 *    period. No second parse: what the detector reports is what the checker binds.
 * 3. confidence: a mark is made only when the bound figure is in the name's clause and near it
 *    (at most eight words between, period phrases aside), fits the indicator's unit, is no year or
 *    document number, is not the figure of another name or of an existing reference, and is the
 *    indicator's value (a change only for a growth indicator, or one the unit fits; never a target
 *    or a base). Otherwise the name is listed as ambiguous with the reason; a name with no figure
 *    in its sentence is a plain mention (reported only with `plainMentions`).
 *    In `wrap` mode, words the dialect would not read as the indicator when wrapped as written (a
 *    fuzzy variant; a name across a line break) → `variant-name`: wrap inserts `[[` and `]]` only.
 */
import type { Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import { chunksOf } from '../parse/document';
import { LineIndex } from '../text';
import type { Figure } from '../types';
import { work } from '../work';
import { carriedAfter } from './carried';
import { carriedBelowHeading, carriedIntoNextParagraph } from './heading-anchor';
import { plannedBefore } from '../parse/family-carry';
import { bindSpan, boundKey as key, clauseAt, figuresOfReferences, readUnit, roleOf, type Bound, type UnitReading } from './bind'; import { byMode, markWords, rateByCount } from './rate-by-mode';
import { periodDoubt } from './dating';
import { blockNamed, falseByClass, TITLE } from './classes';
import { bareScaleLevel } from './scale-level';
import { ellipses } from './ellipsis';
import { grownOfClash } from './clash-growth';
import { countsANoun, dateBesideDocument, documentLike, fits, FORECAST, forecast, nounFits, ownClauses, provincialFigure, rankWrittenAsFraction, sentenceFrom, whoseFigure } from './judge';
import { nameMessage, variantDoubt } from './messages';
import { nameIndex } from './name-index';
import { markedIndicators, namesOf, tokensOf, type Named } from './names';
import { channelBindsOther, channelNames } from './channel-names'; import { channelIndex, channelsIn } from './channel-words';
import { carriedFrom, entryOfUnnamed, mayHoldUnnamed, namedBefore, unnamedFigures } from './unnamed';
import { mayTellOn, toldOnFigure } from './told-on'; import { mayTellNext, nextShare } from './next-share'; import { relabelShareGrowth, shareGrowthNames } from './share-growth';
import { mayNamePillar, pillarNames } from './pillars';
import { memberAlone } from './member-alone';
import { mayOpenWithMember, memberFar, memberNames, settleLists, shareFigure } from './member-lists';
import { rankOfName } from './bound-measure';
import { asEntry, bySubject, countedNames, familyNamed, growthOfChange, anotherIndexNamed, noGrowthMessage, partMessage, partNotShare, subjectBoundAlone, subjectCandidate, subjectNames } from './subject-names';
import { compilerCodeAt, farFigure, scopeFits, SCOPE_EN, SCOPE_VI } from './placement'; import { provinceOnly } from './province-only';
import { proseUnitPieces, shiftUnit, type ProseUnit } from './prose';
import { nearestNames } from './figure-owner';
import { groupNameLists, pairedMarks } from './name-lists';
import { opensProvinceList } from './subject-list';
import { headingsOf } from './context';
import { bodyRows, detectHeader, headerColumns } from './table-header';
import { absorbNameWords, ambiguousCase, mentionOutcome, listUnwrappable } from './mention';
import { mayName } from './readings';
import { mayNameKnown, namesNothing, noteMayName, noteNamesNothing, noteWordsNameNothing, wordsKey, wordsNameNothing } from './unit-memo';
import { frontMatterDate, frontMatterPeriod } from '../parse/front-matter';
import { countMember } from '../catalog/count-members';
import { sharedSeries } from './series-choice';
import type { AmbiguousCase, DetectOptions, MarkMode, MarkupResult, Mention } from './types';
import { currencyNotKept } from './currency-fit'; import { listLead } from './piece-lead';
import { definedNames, usesDefined } from './defined-abbreviations'; import { longUnit } from './long-unit';

export { fits } from './judge';

const DEFAULT_THRESHOLD = 0.8;

/** What one detection shares across its units. */
interface Run {
  text: string;
  catalog: Catalog;
  lines: LineIndex;
  mode: MarkMode;
  threshold: number;
  plainMentions: boolean;
  idx: ReturnType<typeof nameIndex>;
  mentions: Mention[];
  ambiguous: AmbiguousCase[];
  /** The document's period (front matter), for a shared name whose figure has no period phrase. */
  docPeriod: string | null;
  /** The report's date (front matter): a figure of a later period is no value reached. */
  docDate: string | null;
}

/** A name's outcome: a mention to mark, or a case listed as ambiguous. */
type Outcome = { mention: Mention; ambiguous?: undefined } | { ambiguous: AmbiguousCase; mention?: undefined };

export function detectMentions(text: string, catalog: Catalog, options: DetectOptions = {}): MarkupResult {
  const run: Run = {
    text,
    catalog,
    // The document's own line index when it is of this text (a 100 KB report: not built again).
    lines: options.doc?.text === text ? options.doc.lines : new LineIndex(text),
    mode: options.mode ?? 'wrap',
    threshold: options.threshold ?? DEFAULT_THRESHOLD,
    plainMentions: options.plainMentions ?? false,
    idx: nameIndex(catalog),
    mentions: [],
    ambiguous: [],
    docPeriod: options.doc ? (options.doc.frontMatter?.period ?? null) : frontMatterPeriod(text),
    docDate: options.doc ? (options.doc.frontMatter?.date ?? null) : frontMatterDate(text),
  };
  if (options.doc?.text === text) headingsOf(text, options.doc); // context.ts: the caller's outline, not parsed again
  let columns: ProseUnit['columns'];
  for (const { model, base } of proseUnitPieces(text, options.doc && chunksOf(options.doc))) {
    for (let i = 0, u = model.units[0], by = base + model.at[0]; i < model.units.length; u = model.units[++i], by = base + model.at[i]) {
      columns = u.headerRow ? headerColumns(u) : u.table ? columns : undefined; // a row under a change or target column (bind.ts valueCell)
      if (options.range && (u.end + by <= options.range.start || u.start + by >= options.range.end)) continue;
      // A cached unit known to name nothing is skipped before it is put in place (shifted): a
      // keystroke shifts only the units that name something, not all of the report's.
      if (u.headerRow) { const rows = bodyRows(model.units, i); detectHeader(run, by ? shiftUnit(u, by) : u, rows, rows.map((_, k) => base + model.at[i + 1 + k])); continue; } // table-header.ts
      // A rank or score of Việt Nam in a sentence that names nothing may be the index's named before (unnamed.ts).
      // (or a value of the measure an earlier paragraph of the section told of: told-on.ts)
      const unnamed = !u.table && u.parts.length === 1 && !u.parts[0].refs.length && (mayHoldUnnamed(u.parts[0].text) || mayTellOn(u.parts[0].text, text, u.parts[0].start + by) || mayTellNext(u.parts[0].text));
      const defined = usesDefined(text, catalog, u, by); // an abbreviation the report defined before (defined-abbreviations.ts): its words name something here only
      if (!defined && namesNothing(u, run.idx, run.threshold)) {
        if (unnamed) detectUnnamed(run, by ? shiftUnit(u, by) : u);
        continue;
      }
      // Words in which no finder can find a name (readings.ts) name nothing: known so at once.
      const known = defined || mayNameKnown(u, run.idx, run.threshold);
      if (!known && !mayName(u, catalog, run.idx, run.threshold)) {
        noteNamesNothing(u, run.idx, run.threshold);
        if (unnamed) detectUnnamed(run, by ? shiftUnit(u, by) : u);
        continue;
      }
      if (!known) noteMayName(u, run.idx, run.threshold);
      const shifted = by ? shiftUnit(u, by) : u;
      // A list item's text takes its list's lead line and the report's title as its lead (piece-lead.ts listLead).
      const lead = !u.table && !u.lead ? listLead(text, shifted.start) : '';
      const placed = lead || columns ? { ...shifted, ...(lead ? { lead } : {}), ...(columns ? { columns } : {}) } : shifted;
      if (!(defined ? detectNamed(run, placed) : detectInUnit(run, placed)) && unnamed) detectUnnamed(run, placed);
    }
  }
  run.mentions.sort((a, b) => a.start - b.start);
  run.ambiguous.sort((a, b) => a.start - b.start);
  return { mentions: run.mentions, ambiguous: relabelShareGrowth(run) }; // (a growth beside a share, listed in wrap: share-growth.ts)
}

/** Detects in one unit, unless its words are known to name nothing unmarked; false if they name nothing. */
function detectInUnit(run: Run, unit: ProseUnit): boolean {
  const { idx, threshold } = run;
  if (namesNothing(unit, idx, threshold)) return false;
  const key = wordsKey(run.text, unit, threshold);
  if (wordsNameNothing(idx, key)) {
    noteNamesNothing(unit, idx, threshold);
    return false;
  }
  if (!detectNamed(run, unit)) {
    if (unit.parts.some((p) => mayNamePillar(tokensOf(p), run.catalog) || mayOpenWithMember(tokensOf(p), run.catalog) || channelsIn(tokensOf(p), channelIndex(run.catalog), p.text).length)) return false; // a pillar in part, a list's member, a channel: its context decides (pillars.ts, member-lists.ts, channel-words.ts)
    noteWordsNameNothing(idx, key);
    noteNamesNothing(unit, idx, threshold);
    return false;
  }
  return true;
}

/**
 * The ranks and scores of Việt Nam in a sentence that names no indicator, each the index's that
 * the paragraph or a heading named nearest before (unnamed.ts), else the value of the measure an
 * earlier paragraph of the section named (told-on.ts), judged as a subject written right before the
 * figure would be: `canonical` inserts the name there, `wrap` lists the case.
 */
function detectUnnamed(run: Run, unit: ProseUnit): void {
  if (longUnit(run, unit, [])) return; // (too long to judge figure by figure: listed once, long-unit.ts)
  const part = unit.parts[0];
  const reading = readUnit(unit, []);
  if (!reading.prose) return;
  const figures = unnamedFigures(part.text, reading).filter((i) => !plannedBefore(part.text, reading.figs[0][i].start)); // (a plan's or target's: none, §6.7)
  const told = figures.length ? null : (toldOnFigure(run.catalog, run.text, part.start, part.text, reading) ?? nextShare(run, part.start, part.text, reading)); // next-share.ts: a share told through an anaphor
  if (told) figures.push(told.at);
  const named = told ? [told.indicator] : figures.length ? namedBefore(run.catalog, run.text, unit.start, run.docPeriod, (p) => !carriedFrom(run.mentions, run.text, run.catalog, run.docPeriod, p)) : null;
  if (!named) return;
  const tokens = tokensOf(part);
  const done = new Set<string>();
  for (const i of figures) {
    const at = reading.figs[0][i].start;
    const b = bindSpan(unit, reading, 0, at, at);
    if (!b || b.fig !== i) continue;
    const first = tokens.findIndex((t) => t.start >= at);
    const indicator = told ? told.indicator : entryOfUnnamed(run.catalog, named, reading.figs[0][i], roleOf(reading, b), reading.prose.reading.figures[i]?.scope, part.text, b.period?.code ?? run.docPeriod);
    if (!indicator) continue;
    const n: Named = {
      cand: subjectCandidate(run, indicator, { first, last: first, start: at, end: at }),
      part: 0,
      indicator,
      candidates: [indicator],
    };
    work.steps++;
    const r = judge(run, unit, reading, n, b, new Set(), undefined, reading.figs);
    const m = r?.mention ?? null;
    const listed = r?.ambiguous?.reason === 'variant-name' ? r.ambiguous : null;
    if (!m && !listed) continue;
    // One mark per indicator and period (a rank for another year beside it is a mark of its own).
    const ind = m ? m.indicator : listed!.candidates[0];
    const once = `${ind.id}\u0000${b.period?.code ?? ''}`;
    if (done.has(once)) continue;
    done.add(once);
    if (m) run.mentions.push(m);
    else {
      const f = reading.figs[0][i];
      const pos = part.start + at;
      run.ambiguous.push({ start: pos, end: pos, range: run.lines.range(pos, pos), text: '', reason: 'name-elsewhere', candidates: [ind], figures: [f.raw], message: msg(`"${f.raw}": "${ind.name}" ở câu trước.`, `"${f.raw}": "${ind.name}" is named earlier.`) });
    }
  }
}

/** Names, binds and judges the names of one unit; false if it names no indicator not marked already. */
function detectNamed(run: Run, unit: ProseUnit): boolean {
  const plainFigs: Figure[][] = [];
  const named = namesOf(run.text, unit, run.catalog, run.idx, run.threshold, plainFigs);
  named.push(...subjectNames(run, unit, named));
  named.push(...countedNames(run, unit, named, plainFigs));
  named.push(...channelNames(run, unit, named, plainFigs)); // "qua mã QR tăng 50,94%": channel-names.ts
  named.push(...shareGrowthNames(run, unit, named, plainFigs)); // "chiếm 18,3% GDP, tốc độ tăng trưởng 20%": share-growth.ts
  named.push(...pillarNames(run, unit, named, markedIndicators(unit, run.catalog)));
  named.push(...memberNames(run, unit, named), ...definedNames(run, unit, named, markedIndicators(unit, run.catalog)));
  named.sort((x, y) => x.part - y.part || x.cand.start - y.cand.start);
  if (!named.length) return false;
  if (longUnit(run, unit, named)) return true; // (a sentence too long to judge name by name: listed once, long-unit.ts)
  groupNameLists(unit, named); // names one after another before their figures ("lần lượt"): name-lists.ts
  const reading = readUnit(unit, named.map((n) => ({ part: n.part, start: n.cand.start, end: n.cand.end })));
  const bound = named.map((n) => bindSpan(unit, reading, n.part, n.cand.start, n.cand.end, markWords(run.mode, unit, n)));
  settleLists(named, bound, reading);
  const taken = figuresOfReferences(unit, reading);
  const owner = nearestNames(run.catalog, named, bound, reading, plainFigs);
  // Per indicator, the first mention that can be marked (an indicator is marked once a sentence;
  // its other cases then need no answer); else every case, each with its reason.
  const marks = new Map<Indicator, Mention>();
  const cases: AmbiguousCase[] = [];
  named.forEach((n, i) => {
    work.steps++;
    const r = judge(run, unit, reading, n, bound[i], taken, owner.get(key(bound[i])), plainFigs);
    // Keyed by the entry the mark names (a name whose figure picks a sibling entry marks that one:
    // "xếp thứ 2/34 về Chỉ số chuyển đổi số cấp tỉnh, với điểm DTI đạt 0,7951" marks the rank, then the score).
    if (r?.mention) {
      if (!marks.has(r.mention.indicator)) marks.set(r.mention.indicator, r.mention);
    } else if (r) cases.push(r.ambiguous); else if (run.mode === 'wrap' && byMode(unit, reading, n)) cases.push(rateByCount(run, unit, reading, n)); // (rate-by-mode.ts: canonical marks it)
  });
  // Subjects and counted nouns that came to nothing name nothing: the unit is then known to name
  // nothing (its words decide it) and a keystroke elsewhere skips it.
  cases.push(...pairedMarks(unit, named, marks, (n, figure, message) => ambiguousCase(run, unit, n, 'far-figure', [figure], message)));
  if (named.every((n) => n.subject) && !marks.size && !cases.length && !named.some((n) => byMode(unit, reading, n))) return false; // (a rate's binding by mode: rate-by-mode.ts byMode)
  absorbNameWords(unit, [...marks.values()], named.map((n) => ({ start: unit.parts[n.part].start + n.cand.start, end: unit.parts[n.part].start + n.cand.end })));
  run.mentions.push(...marks.values());
  // (a variant before its indicator's mark is listed: canonical mode marks it, the first case; seed 2014377241)
  const before = (c: AmbiguousCase) => c.reason === 'variant-name' && c.candidates.every((i) => (marks.get(i)?.start ?? Infinity) > c.start);
  for (const c of cases) if (!c.candidates.some((i) => marks.has(i)) || before(c)) run.ambiguous.push(c);
  // "… của bộ, ngành đạt 61%; của địa phương đạt 17%": the second indicator, named only by its
  // "của …" (after a ";" it is a sentence of its own: the rest of the line is read with this one).
  if (!unit.table) {
    const part = unit.parts[0];
    const eol = run.text.indexOf('\n', part.start + part.text.length);
    const rest = /;\s*$/.test(part.text) ? run.text.slice(part.start + part.text.length, eol < 0 ? run.text.length : eol) : '';
    for (const e of ellipses(part.text + rest, named.filter((n) => n.part === 0 && !n.subject), run.catalog)) {
      if (marks.has(e.indicator)) continue;
      const start = part.start + e.start;
      const end = part.start + e.end;
      const words = run.text.slice(start, end);
      run.ambiguous.push({
        start, end, range: run.lines.range(start, end), text: words, reason: 'elliptical-name', candidates: [e.indicator], figures: [e.figure.raw],
        message: msg(
          `"${words}" (${e.figure.raw}) là chỉ tiêu "${e.indicator.name}" nhờ tên ở vế trước; "[[${words}]]" sẽ không tra ra chỉ tiêu và chế độ wrap không sửa chữ của người viết: chưa đánh dấu. Viết tên đầy đủ để đánh dấu.`,
          `"${words}" (${e.figure.raw}) is the indicator "${e.indicator.name}" by the name of the clause before; "[[${words}]]" would not resolve and wrap mode does not change the writer's words: left unmarked. Write the full name to mark it.`,
        ),
      });
    }
  }
  return true;
}

/** A name's outcome given where the checker binds it; null: a plain mention not reported. */
function judge(run: Run, unit: ProseUnit, reading: UnitReading, n: Named, b: Bound | null, taken: Set<string>, owner: Named | undefined, plainFigs: Figure[][]): Outcome | null {
  // Fuzzy words the binder gives no figure may hold a subject it does ("trụ cột của tỉnh, chính
  // quyền số xếp thứ 29": the subject "chính quyền số" binds the rank).
  if (!b && !n.subject && !n.cand.exact) {
    const alone = subjectBoundAlone(run, unit, reading, n);
    if (alone) ({ n, b, reading } = alone);
  }
  const self = n;
  const part = unit.parts[n.part];
  const words = part.text.slice(n.cand.start, n.cand.end);
  const amb = (reason: AmbiguousCase['reason'], figures: string[], message: AmbiguousCase['message'], fix?: AmbiguousCase['fix']): Outcome => ({
    ambiguous: ambiguousCase(run, unit, n, reason, figures, message, fix),
  });
  if (!b) {
    if (n.subject) return null;
    const level = bareScaleLevel(run.catalog, n.indicator, part.text); // "đạt cấp độ 6": listed, "cấp độ 6/10" marks (scale-level.ts)
    if (level) return amb('figure-does-not-fit', [level.raw], level.message);
    // (a name in a heading whose section's paragraphs tell on its index is marked where written: heading-anchor.ts)
    if (!unit.table && n.part === 0 && unit.parts.length === 1 && carriedBelowHeading(run.text, part.start + n.cand.start, part.start + n.cand.end, run.catalog, n.indicator, run.docPeriod)) return listUnwrappable(run.mode, mentionOutcome(run, unit, n, null, plainFigs), amb);
    if (n.why) return amb(n.why, [], nameMessage(n, words));
    // (a name as the catalog writes it whose index the next sentences of its paragraph, or the next paragraphs (§6.8), tell on is marked: carried.ts, heading-anchor.ts; in wrap mode, listed if `[[words]]` cannot mark it)
    return listUnwrappable(run.mode, run.plainMentions || (n.cand.exact && !unit.table && (carriedAfter(run.text, unit.start, unit.end, part.start + n.cand.start, part.start + n.cand.end, run.catalog, n.indicator) || carriedIntoNextParagraph(run.text, part.start + n.cand.start, part.start + n.cand.end, run.catalog, n.indicator, run.docPeriod))) ? mentionOutcome(run, unit, n, null, plainFigs) : null, amb);
  }
  const f = reading.figs[b.part][b.fig];
  const otherThanChannel = channelBindsOther(n, b, f, words); if (otherThanChannel) return amb('far-figure', [f.raw], otherThanChannel); // (a channel bound to another figure than its change: channel-names.ts)
  // A counted noun is the count (a level, not a change: "có thêm 1,5 triệu tài khoản") of the figure before it, or of nothing.
  if (n.countedAt !== undefined && (b.part !== n.part || f.numeralStart !== n.countedAt || !['level', 'part'].includes(roleOf(reading, b) ?? ''))) return null;
  // A relative change of a count or an amount with no level beside it ("số doanh nghiệp công nghệ
  // số … tăng 8%") is its growth rate: the family's growth entry of its subject, when the catalog keeps one.
  const growth = !n.subject && f.change && !f.change.times && f.kind === 'percent' && roleOf(reading, b) === 'change' ? growthOfChange(run.catalog, n.indicator) : null;
  if (growth === 'none') return amb('figure-role', [f.raw], noGrowthMessage(f.raw, words));
  // A level in % of a count is its share ("… được phê duyệt cấp độ an toàn đạt 77%": catalog/count-members.ts).
  // A rate per population of a count is its per-population entry ("… đạt 52,8 thuê bao/100 dân": reading.md §37.3).
  const fRole = roleOf(reading, b);
  const member = growth ?? (!n.subject && !f.change && (fRole === 'level' || fRole === 'rate') ? countMember(run.catalog, n.indicator, { kind: f.kind, role: fRole, growth: f.growth, per: f.per }) : null);
  n = member ? asEntry(run, n, member) : blockNamed(run, n, unit.parts[b.part].text, f); // else a block's member ("khối địa phương": blocks.ts)
  // A rank bound to a name of no ranking ("đứng thứ 58 về tốc độ … di động"): its ranking's, as the checker reads the mark (bound-measure.ts).
  // (a name as the catalog writes it: fuzzy words may hold a subject bySubject reads, "về chuyển đổi số cấp tỉnh")
  const ranking = !n.subject && !member && n.cand.exact && f.kind === 'rank' ? rankOfName(run.catalog, n.indicator, { kind: f.kind, value: f.value, scope: reading.prose?.reading.figures[b.fig]?.scope }) : null;
  if (ranking) n = asEntry(run, n, ranking);
  if (b.part === n.part && !unit.table && partNotShare(part.text, n, f, !growth && !f.growth && !!member)) return amb('figure-role', [f.raw], partMessage(f.raw, words));
  // A subject's entry is the one its figure fits; a name whose figure does not fit its indicator
  // may hold the subject of another entry that it fits ("kinh tế số nền tảng mang về 8 tỷ USD").
  const fitsHere = (ind: Indicator): boolean =>
    (fits(ind, f) || rankWrittenAsFraction(ind, words, f)) &&
    nounFits(ind, reading, plainFigs, b!) &&
    !((ind.unitClass === 'rank' || ind.unitClass === 'index') && countsANoun(reading.texts[b!.part], f));
  if (n.subject || !fitsHere(n.indicator) || familyNamed(run, unit, n)) {
    const picked = bySubject(run, unit, reading, n, b);
    if (n.subject && picked === 'none') return ((m) => (m ? amb('figure-does-not-fit', [f.raw], m) : null))(provinceOnly(unit, reading, n, b, words)); // province-only.ts
    if (n.subject && picked === 'several') return amb('two-names', [f.raw], nameMessage({ ...n, why: 'two-names' }, words));
    if (typeof picked === 'object') ({ n, reading, b } = picked);
  }
  { const namesake = anotherIndexNamed(run, unit, n, words, f.raw); if (namesake) return amb('figure-does-not-fit', [f.raw], namesake); } // "GCI của WEF"; "Chỉ số kết nối toàn cầu (GCI)" earlier (reading.md §69.2)
  // A shared name: the compiler its sentence names, the period one series publishes, the document (series-choice.ts; a yearless "6 tháng đầu năm" is of its kind whatever the year).
  const periodCode = b.period?.code.replace(/^XXXX/, '2000') ?? run.docPeriod;
  const bySeries = n.why === 'shared-name' ? sharedSeries(run, unit, n, periodCode) : null;
  const code = bySeries ? compilerCodeAt(bySeries.indicator, periodCode) : undefined;
  const asked = n.why === 'shared-name' && (!code || bySeries!.fromDoc); // (a choice of the document's still asks whether a province's clause holds it)
  if (bySeries && code) n = { ...n, indicator: bySeries.indicator, candidates: [bySeries.indicator], compiler: code, why: undefined, seriesBy: bySeries.reason };
  const province = asked && !unit.table && b.part === n.part ? provincialFigure(ownClauses(unit.parts[n.part].text, reading, n.cand, f), n.indicator, f.raw) : null;
  if (province) return amb('figure-does-not-fit', [f.raw], province); // a shared name in a clause about a province: the province's figure
  if (b.part === n.part && !unit.table) n = grownOfClash(n, f, part.text) ?? n; // a percent after "tăng": a clash's one growth entry (clash-growth.ts)
  if (n.why) return amb(n.why, [f.raw], nameMessage(n, words));
  // A subject never takes a figure a name of the sentence binds (unless the figure is its own: a sub-index after its index, figure-owner.ts).
  if (self.subject && owner && owner !== self) return null;
  if (owner && owner !== self && !shareFigure(self, owner)) {
    const other = unit.parts[owner.part].text.slice(owner.cand.start, owner.cand.end);
    return amb('figure-of-another-name', [f.raw], msg(
      `"${words}" sẽ gắn với "${f.raw}", nhưng số liệu đó gần tên "${other}" hơn: chưa đánh dấu.`,
      `"${words}" would bind "${f.raw}", but that figure is nearer the name "${other}": left unmarked.`,
    ));
  }
  if (taken.has(key(b)))
    return amb('figure-taken', [f.raw], msg(
      `"${words}" sẽ gắn với "${f.raw}", nhưng một tham chiếu [[...]] đã có trong câu đã gắn với số liệu đó: chưa đánh dấu.`,
      `"${words}" would bind "${f.raw}", which a [[...]] reference of the sentence already binds: left unmarked.`,
    ));
  // A target is the indicator's too ("phấn đấu 70% người dân … có tài khoản"); a base is not.
  const role = roleOf(reading, b);
  if (role === 'base' || (role === 'change' && !fitsHere(n.indicator)))
    return amb('figure-role', [f.raw], msg(
      `Số liệu "${f.raw}" mà "${words}" sẽ gắn là ${role === 'base' ? 'mốc so sánh' : 'một thay đổi'}, không phải giá trị của chỉ tiêu: chưa đánh dấu.`,
      `The figure "${f.raw}" that "${words}" would bind is ${role === 'base' ? 'the base of a change' : 'a change'}, not the indicator's value: left unmarked.`,
    ));
  const clauses = reading.prose?.reading.clauses;
  if (forecast(reading.texts[b.part], reading.figs[b.part], b.fig, clauses ? clauses[Math.max(0, clauseAt(reading, f.start) - 1)].start : 0) || (b.part === n.part && n.cand.start >= f.end && FORECAST.test(words)))
    return amb('figure-role', [f.raw], msg(
      `Số liệu "${f.raw}" mà "${words}" sẽ gắn là một dự kiến, chưa phải giá trị đã đạt của chỉ tiêu: chưa đánh dấu.`,
      `The figure "${f.raw}" that "${words}" would bind is a forecast, not a value the indicator has reached: left unmarked.`,
    ));
  const far = !unit.table && n.channelAt === undefined && !opensProvinceList(reading, n, b.fig) && (n.list ? memberFar(reading, n, f) : farFigure(reading, n, f, run.catalog, words)); // subject-list.ts; no gap count for a channel read with this very figure: channel-words.ts vetted the words between ("Mã QR tiếp tục là phương thức tăng nhanh nhất với mức tăng 106,7%", reading.md §73)
  if (far)
    return amb('far-figure', [f.raw], msg(
      `"${words}" sẽ gắn với "${f.raw}", ${far === 'clause' ? 'ở một vế câu khác' : 'quá xa tên'}: chưa chắc là số liệu của chỉ tiêu, chưa đánh dấu.`,
      `"${words}" would bind "${f.raw}", ${far === 'clause' ? 'in another clause' : 'too far from the name'}: not surely the indicator's figure, left unmarked.`,
    ));
  const scope = reading.prose?.reading.figures[b.fig]?.scope;
  if (scope && !scopeFits(scope, n.indicator.scope))
    return amb('figure-does-not-fit', [f.raw], msg(
      `"${f.raw}" mà "${words}" sẽ gắn là thứ hạng ${SCOPE_VI[scope]}, còn chỉ tiêu "${n.indicator.name}" xếp hạng ${SCOPE_VI[n.indicator.scope!] ?? n.indicator.scope}: chưa đánh dấu.`,
      `"${f.raw}", which "${words}" would bind, is a rank ${SCOPE_EN[scope]}, while "${n.indicator.name}" ranks ${SCOPE_EN[n.indicator.scope!] ?? n.indicator.scope}: left unmarked.`,
    ));
  if (!fitsHere(n.indicator))
    return amb('figure-does-not-fit', [f.raw], msg(
      `Số liệu "${f.raw}" mà "${words}" sẽ gắn không hợp với đơn vị của chỉ tiêu (${n.indicator.unit}).`,
      `The figure "${f.raw}" that "${words}" would bind does not fit the indicator's unit (${n.indicator.unit}).`,
    ));
  const currency = currencyNotKept(run.catalog, n.indicator, f, words); // currency-fit.ts
  if (currency) return amb('figure-does-not-fit', [f.raw], currency);
  const why = documentLike(reading.texts[b.part], f) ?? (b.part === 0 && !unit.table ? dateBesideDocument(unit, reading.texts[0], reading.periods[0]) : null);
  if (why) return amb('document-number-or-date', [f.raw], why);
  const doubt = whoseFigure(run.text, run.catalog, unit, reading, n, b, f) ?? memberAlone(run.catalog, run.text, unit, n, f); // member-alone.ts
  if (doubt) return amb(doubt.reason, [f.raw], doubt.message);
  const byClass = falseByClass({ plain: unit.parts[b.part].text, figs: reading.figs[b.part], fig: b.fig, role, name: b.part === n.part ? n.cand : null, indicator: n.indicator, scope: reading.prose?.reading.figures[b.fig]?.scope, before: unit.table ? '' : sentenceFrom(run.text, unit.start, ''), title: !unit.table && TITLE.test(run.text.slice(unit.blockStart, unit.blockStart + 6)), period: b.period?.code ?? run.docPeriod ?? undefined });
  if (byClass) return amb('figure-role', [f.raw], byClass); // classes.ts: a change, a tier, a mapping list, an obligation, a part abroad
  // Whether the period the checker gives the figure is surely its own (dating.ts).
  const dating = periodDoubt(run.text, unit, reading, b, f, role, run.docPeriod, run.docDate);
  if (dating) return amb(dating.reason, [f.raw], dating.message);
  const outcome = mentionOutcome(run, unit, n, b, plainFigs, reading);
  // Wrap never changes the words, canonical never deletes a year of the writer's (messages.ts variantDoubt).
  const variant = variantDoubt(run.mode, outcome.mention!, n.defined);
  if (variant) return amb('variant-name', [outcome.mention!.figure?.raw ?? f.raw], variant);
  return outcome;
}
