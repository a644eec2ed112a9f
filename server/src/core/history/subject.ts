/**
 * The province a figure of a provincial series is about: part of the history's key, so that the
 * rules compare a province's DTI score or rank only with the same province's earlier statements
 * (docs/history.md "Provinces in the history").
 *
 * A provincial series is a catalog entry of scope `national` whose name says "cấp tỉnh" or whose
 * denominator counts the provinces (the provincial DTI, its ranks, pillars and indices:
 * catalog/provincial.ts). Its figure's subject is, in this order:
 * 1. the one province named in the figure's clause (the text between the clause breaks , ; : ( )
 *    around it, references left out); "trung bình"/"bình quân" there and no province: the national
 *    average (`NATIONAL`), a subject of its own, never a province's; a figure in parentheses is
 *    that of the words before them ("bình quân cả nước (0,4014 điểm)", "sau Hà Nội (0,8241)");
 * 2. else the one province the sentence names;
 * 3. else, when the sentence names none ("về kinh tế số, tỉnh xếp thứ 8", a table row): the one
 *    named last before it in its paragraph or table (a table's header), else the one its section's
 *    heading names, else, when no province is named in its section before it, the report's own
 *    province: the one its front matter's `committee`, `issuer` or `issuer-parent` names ("Ủy ban
 *    nhân dân tỉnh Quảng Ninh");
 * 4. else none: the figure is compared with nothing (as every provincial figure was before).
 * Two provinces where one is looked for (a list, "Đà Nẵng sau sáp nhập với Quảng Nam", a clause
 * that opens with the last province of a list) is none; but "Hà Nội, Huế lần lượt đạt 0,82 và 0,79"
 * pairs as many provinces with as many figures, in order (parse/subject-list.ts respectiveSubject).
 *
 * Province names are read by the one reader of them (provinces.ts provincesNamed); whether a series
 * is provincial is the catalog's word (catalog/provincial.ts provinceFacts(…).series). Pure.
 */
import { unpinned } from '../caches';
import { isMinistrySeries } from '../catalog/ministerial';
import { provinceFacts } from '../catalog/provincial';
import type { Indicator } from '../catalog/types';
import type { FrontMatter, PlacedFigure, Reference } from '../parse/model';
import { captionAbove } from '../parse/table-caption';
import { columnProvince } from '../parse/table-column-province';
import { itemSubject, respectiveSubject } from '../parse/subject-list';
import { groupSubject } from '../parse/province-items';
import { ministryOfFigure } from './ministry-subject';
import { NATION_WORDS, provincesNamed } from '../provinces';
import type { Position } from '../types';
import { bodyStart, LOOKBACK, readsAlike, SENTENCE_REACH } from './subject-read';

/** The subject of a provincial figure that states the provinces' average ("giá trị trung bình DTI cấp tỉnh"). */
export const NATIONAL = 'cả nước';

/** The front-matter fields that may name the body a report is of (docs/dialect.md §2). */
export const PROVINCE_FIELDS = ['committee', 'issuer', 'issuer-parent'] as const;

/**
 * The province a report is of: the one province its `committee`, `issuer` and `issuer-parent` name
 * ("Ủy ban nhân dân tỉnh Quảng Ninh", "Sở Khoa học và Công nghệ thành phố Huế"); undefined when they
 * name none, or more than one.
 */
export function reportProvince(fm: FrontMatter | null | undefined): string | undefined {
  if (!fm) return undefined;
  const kept = provinceOf.get(fm);
  if (kept) return kept.name;
  const found = new Set<string>();
  for (const field of PROVINCE_FIELDS) {
    const v = fm.data[field];
    if (typeof v === 'string') for (const p of provincesNamed(v)) found.add(p.name);
  }
  const name = found.size === 1 ? [...found][0] : undefined;
  provinceOf.set(fm, { name });
  return name;
}

/** reportProvince of each front matter (never changed once parsed). */
const provinceOf = new WeakMap<FrontMatter, { name: string | undefined }>();

/** The front-matter fields reportProvince reads, when they name a province (what a history document keeps of them). */
export function provinceFields(fm: FrontMatter | null | undefined): Record<string, string> | null {
  if (!fm || reportProvince(fm) === undefined) return null;
  const out: Record<string, string> = {};
  for (const field of PROVINCE_FIELDS) if (typeof fm.data[field] === 'string') out[field] = fm.data[field] as string;
  return out;
}

const CLAUSE_BREAK = /[,;:()\n]/u;

/** True if `s[i]` is a comma between digits ("0,7024"): a decimal sign, not a clause's break. */
function decimalComma(s: string, i: number): boolean {
  return s[i] === ',' && /\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? '');
}
const RESPECTIVELY = /(?:^|[^\p{L}])lần lượt(?![\p{L}])/iu;
const AVERAGE = /(?:^|[^\p{L}])(?:trung bình|bình quân)(?![\p{L}])/iu;

/**
 * `text` with its references and HTML comments blanked, same length: "[[…]]" names a series, a
 * comment (a source note) is no statement, and neither names the province a figure is about.
 */
function masked(text: string): string {
  return text.includes('[[') || text.includes('<!--') ? text.replace(/\[\[[^\]\r\n]*\]\]|<!--[^]*?-->/g, (m) => m.replace(/[^\r\n]/g, ' ')) : text;
}

/**
 * The subject of a figure of a provincial series (see the module comment): `text` the document's,
 * `sentence` the offsets of the figure's sentence, [at, end) the figure's, `own` the report's own
 * province (reportProvince). A province's name, NATIONAL, or undefined. `local`: a figure of another
 * entry in a province's own report (figureKey): NATIONAL is then a clause that says the country
 * ("cả nước", "toàn quốc", "Việt Nam"), not the provinces' average.
 */
export function subjectOf(text: string, sentence: { start: number; end: number }, at: number, end: number, own: string | undefined, local = false): string | undefined {
  // What it reads: the sentence and the text before it (fromContext), the figure's place, the
  // report's province. A keystroke checks every figure again: the same reading is not done again.
  const from = Math.max(0, sentence.start - LOOKBACK);
  // Its own copy (caches.ts unpinned): a slice in it would keep the whole text of this version alive.
  const key = unpinned(`${local ? 'L' : ''}${own ?? ''}\0${at - from}\0${end - from}\0${sentence.start - from}\0${from === 0 ? '' : '…'}${text.slice(from, sentence.end)}`);
  const kept = subjects.get(key);
  if (kept !== undefined) return kept === NONE ? undefined : kept;
  const subject = readSubject(text, sentence, at, end, own, local ? NATION_WORDS : AVERAGE);
  if (subjects.size >= 1_000) subjects.clear();
  subjects.set(key, subject ?? NONE);
  return subject;
}

/** subjectOf's answers by what they read: at most 1 000 (each key up to 3 000 characters of text, about 6 MB at worst). */
const subjects = new Map<string, string>();
const NONE = '\0';

/** `national`: the words that make a clause with no province the country's (AVERAGE for a provincial series, NATION_WORDS for another entry). */
function readSubject(text: string, sentence: { start: number; end: number }, at: number, end: number, own: string | undefined, national: RegExp): string | undefined {
  const s = masked(text.slice(sentence.start, sentence.end));
  const from = at - sentence.start;
  const to = end - sentence.start;
  if (from < 0 || to > s.length) return undefined;
  // The figure's clause: from the break before it to the break after it.
  let a = from;
  // (a decimal comma is no break: "| Quảng Ninh | 0,7024 | 3 |", the rank's clause is its row)
  // (a sentence's end too, when the figure is a later sentence's: parse/family-carry.ts, province-items.ts)
  while (a > 0 && !(CLAUSE_BREAK.test(s[a - 1]) && !decimalComma(s, a - 1)) && !(s[a - 1] === '.' && /\s/u.test(s[a] ?? ''))) a--;
  let b = to;
  while (b < s.length && !(CLAUSE_BREAK.test(s[b]) && !decimalComma(s, b))) b++;
  // A table row is one clause, brackets in its cells included ("| Tiền Giang | 09 (0,665) | 20 |": 20 is Tiền Giang's).
  const lineStart = s.lastIndexOf('\n', from - 1) + 1;
  if (s[lineStart + (/^[ \t]*/.exec(s.slice(lineStart, lineStart + 8))?.[0].length ?? 0)] === '|') {
    a = Math.min(a, lineStart);
    const nl = s.indexOf('\n', to);
    b = Math.max(b, nl < 0 ? s.length : nl);
  }
  const clause = s.slice(a, b);
  const named = provincesNamed(s);
  const inSentence = new Set(named.map((p) => p.name));
  // Several provinces and "lần lượt" ("Hà Nội, Huế lần lượt đạt 0,8241 và 0,7951"): which figure is
  // whose is the order of two lists, not a clause's.
  // "… Thanh Hóa, Hà Tĩnh và Quảng Bình lần lượt đứng thứ 37, 46 và 55": the n-th of as many (parse/subject-list.ts).
  // (a figure before "lần lượt" is read by its clause: "Đà Nẵng đạt 0,8002 điểm, tiếp theo là Huế và … lần lượt …")
  // (a figure past that list is read by its clause: "…; Hưng Yên (33) ở khoảng giữa")
  const respective = inSentence.size > 1 && RESPECTIVELY.test(s) && from > RESPECTIVELY.exec(s)!.index ? respectiveSubject(s, from, named) : undefined;
  if (respective) return respective;
  // "Quảng Bình, Quảng Trị đứng thứ 46 và 55": the n-th of as many, no "lần lượt" (parse/province-items.ts).
  const grouped = inSentence.size > 1 ? groupSubject(s, from, named) : undefined;
  if (grouped) return grouped;
  // An item of a list of provinces, each with its figure: the item's own (parse/subject-list.ts).
  const item = itemSubject(s, from, named);
  if (item) return item;
  const inClause = new Set(named.filter((p) => p.at >= a && p.end <= b).map((p) => p.name));
  if (inClause.size === 1) {
    // The last of a list of provinces ("Hà Nội, Huế đạt trên 0,79"): the clause is not its own.
    if (inSentence.size > 1 && s[a - 1] === ',' && named.some((p) => p.end <= a - 1 && /^\s*$/.test(s.slice(p.end, a - 1)))) return undefined;
    return [...inClause][0];
  }
  if (inClause.size > 1) return undefined;
  if (national.test(clause)) return NATIONAL;
  // A figure in parentheses is the one of the words before them: "so với điểm bình quân cả nước
  // (0,4014 điểm)" is the average's, "cao hơn Đà Nẵng (0,8002)" Đà Nẵng's.
  if (s[a - 1] === '(') {
    let p = a - 1;
    while (p > 0 && !CLAUSE_BREAK.test(s[p - 1])) p--;
    const lead = s.slice(p, a - 1);
    // ("Thái Nguyên và Bắc Giang (hạng 9)": the name right before the bracket, parse/province-items.ts)
    const right = named.find((n) => n.at >= p && /^\s*$/u.test(s.slice(n.end, a - 1)));
    if (right && !national.test(lead)) return right.name;
    const inLead = new Set(named.filter((n) => n.at >= p && n.end <= a - 1).map((n) => n.name));
    if (inLead.size) return inLead.size === 1 && !national.test(lead) ? [...inLead][0] : undefined;
    if (national.test(lead)) return NATIONAL;
  }
  if (inSentence.size === 1) return [...inSentence][0];
  if (inSentence.size > 1) return undefined;
  // A table cell under a province's column ("| Thể chế số | 0,9000 | 0,8000 |" under "| … | Đà Nẵng | Cần Thơ |"): parse/table-column-province.ts.
  return columnProvince(text, at) ?? fromContext(text, sentence.start, own);
}

/** What fromContext reads of the text before a sentence (absolute offsets). */
interface ContextIndex {
  /** Province names outside references and comments, in text order. */
  mentions: Array<{ name: string; at: number; end: number }>;
  /** Where each paragraph or table starts (after a blank line), ascending. */
  paragraphs: number[];
  /** Each heading line: its start, end, and the provinces it names. */
  headings: Array<{ at: number; end: number; names: Set<string> }>;
}

/** The ContextIndex of text[from, to): a bounded window, read once per sentence that needs it. */
function contextIndex(text: string, from: number, to: number): ContextIndex {
  const w = text.slice(from, to);
  // A reference or a comment names none (as spans).
  const spans: Array<[number, number]> = [];
  for (const x of w.matchAll(/\[\[[^\]\r\n]*\]\]|<!--[^]*?-->/g)) spans.push([x.index, x.index + x[0].length]);
  // A comment open at the window's end reaches the sentence: nothing after its start counts.
  const open = w.lastIndexOf('<!--');
  if (open >= 0 && w.indexOf('-->', open) < 0) spans.push([open, w.length]);
  const mentions: ContextIndex['mentions'] = [];
  let k = 0;
  for (const p of provincesNamed(w)) {
    while (k < spans.length && spans[k][1] <= p.at) k++;
    if (!(k < spans.length && spans[k][0] < p.end)) mentions.push({ name: p.name, at: from + p.at, end: from + p.end });
  }
  const paragraphs: number[] = [];
  for (const b of w.matchAll(/\n[ \t]*\r?\n/g)) paragraphs.push(from + b.index + b[0].length);
  const headings: ContextIndex['headings'] = [];
  let j = 0;
  for (const h of w.matchAll(/(?:^|\n)([ \t]{0,3}#{1,6}[ \t][^\n]*)/g)) {
    const at = from + h.index + h[0].length - h[1].length;
    const end = at + h[1].length;
    const names = new Set<string>();
    while (j < mentions.length && mentions[j].end <= end) {
      if (mentions[j].at >= at) names.add(mentions[j].name);
      j++;
    }
    headings.push({ at, end, names });
  }
  return { mentions, paragraphs, headings };
}

/** The last element of ascending `list` whose key is at most `x`, as an index; -1 if none. */
function lastAtMost<T>(list: T[], key: (t: T) => number, x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (key(list[mid]) <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/**
 * The province a sentence that names none speaks of ("về kinh tế số, tỉnh xếp thứ 8", a table row):
 * the one named last before it in its paragraph or table (a table's header: "| Thanh Hóa, DTI năm
 * 2021 | Kết quả |"), else the one its section's heading names, else — when nothing between that
 * heading and the sentence names a province — the report's own. Several at the place looked at: none.
 */
function fromContext(text: string, start: number, own: string | undefined): string | undefined {
  const body = bodyStart(text);
  const from = Math.max(body, start - LOOKBACK);
  const { mentions, paragraphs, headings } = contextIndex(text, from, start);
  const m = text;
  const p = lastAtMost(paragraphs, (x) => x, start);
  // (a table's caption, "Bảng 3. … của tỉnh Trà Vinh", is of its table: parse/table-caption.ts)
  const paragraphStart = tableCaptionStart(text, p >= 0 ? paragraphs[p] : from);
  const k = lastAtMost(mentions, (x) => x.end, start);
  const last = k >= 0 ? mentions[k] : undefined;
  if (last && last.at >= paragraphStart) {
    // The last one named, unless its sentence (or row) names several: a list is nobody's referent.
    const open = Math.max(paragraphStart - 1, m.lastIndexOf('.', last.at), m.lastIndexOf(';', last.at), m.lastIndexOf('\n', last.at));
    const close = [m.indexOf('.', last.end), m.indexOf(';', last.end), m.indexOf('\n', last.end)].filter((x) => x >= 0);
    const stop = Math.min(start, ...close);
    let several = false;
    for (let j = k - 1; j >= 0 && mentions[j].at > open; j--) if (mentions[j].name !== last.name && mentions[j].end <= stop) several = true;
    return several ? undefined : last.name;
  }
  // The section's heading: the nearest line above that opens with "#".
  const h = lastAtMost(headings, (x) => x.at, start - 1);
  const heading = h >= 0 && headings[h].end <= start ? headings[h] : undefined;
  if (heading?.names.size) return heading.names.size === 1 ? [...heading.names][0] : undefined;
  // Another province named in the section before the sentence: whose figure this is is not sure.
  if (last && last.at >= (heading?.end ?? from)) return undefined;
  return own;
}

/** Where the caption above the table starting at `at` starts (parse/table-caption.ts), else `at`. */
function tableCaptionStart(text: string, at: number): number {
  return /^[ \t]*\|/.test(text.slice(at, at + 8)) ? (captionAbove(text, at)?.start ?? at) : at;
}

/** The history's key of a series for one subject ("dti-province-score" for Huế); the indicator's id when none. */
export function seriesKey(indicatorId: string, subject: string | undefined): string {
  return subject === undefined ? indicatorId : `${indicatorId}\u0001${subject}`;
}

/** What figureKey reads of a report: its front matter (its own province), its text and line index. */
export interface SubjectDoc {
  frontMatter: FrontMatter | null;
  text?: string;
  lines?: { offsetAt(p: Position): number };
}

/**
 * How the history keys figure `f` of `indicator`, whose sentence is `sentence` in `doc`
 * (docs/history.md "Provinces in the history", "A province's own report"):
 * - a series of provinces: its subject (subjectOf: a province, NATIONAL, or undefined);
 * - another entry (not a ranking of other units) in a province's own report (reportProvince): `local`, with the province the
 *   figure is about (subjectOf, local: its clause, sentence, paragraph, heading, else the report's
 *   own province; undefined when that is not sure); null when its clause says it is the country's
 *   ("cả nước", "toàn quốc", "Việt Nam"): the entry's own series, as in any report;
 * - any other figure: null, the entry's own series.
 * The subject is undefined too when the text is not at hand or the figure has no sentence.
 * `before`: an earlier version of the same report (a keystroke's previous one); a figure it shares
 * takes its key when every character the reading reads is the same (subject-read.ts readsAlike).
 */
export function figureKey(doc: SubjectDoc, indicator: Indicator, sentence: { start: number; end: number } | undefined, f: PlacedFigure, before?: SubjectDoc): { subject: string | undefined; local: boolean } | null {
  // (a series of ministries is keyed by ministry the same way: ministry-subject.ts)
  const ministries = isMinistrySeries(indicator);
  const series = provinceFacts(indicator).series || ministries;
  const own = reportProvince(doc.frontMatter);
  // (A ranking of other units, scope `national`: the ministries' DTI is no province's.)
  if (!series && (own === undefined || indicator.scope === 'national')) return null;
  if (!sentence) return { subject: undefined, local: !series };
  // Once per document and figure (a keystroke's sameForHistory, then the rules, ask the same).
  // Looked up before the text is taken: a history document's text is its bytes decoded when
  // asked (snapshot.ts), and the first index's putting in asks for every report's keys, made as
  // its record arrived (indexed.ts warmKeys). An answer is kept only when the text was at hand.
  let byFigure = keysOf.get(doc);
  const kept = byFigure?.get(f);
  if (kept && kept.series === series) return kept.key;
  const { text, lines } = doc;
  if (text === undefined || !lines) return { subject: undefined, local: !series };
  if (!byFigure) keysOf.set(doc, (byFigure = new Map()));
  const at = lines.offsetAt(f.range.start);
  const to = lines.offsetAt(f.range.end);
  // A figure carried from a later sentence of the paragraph (parse/family-carry.ts): read from the name's sentence to it.
  // (to the end of the figure's own sentence: "Quảng Bình, Quảng Trị đứng thứ 46 và 55", parse/province-items.ts)
  const span = to > sentence.end ? { start: sentence.start, end: sentenceEnd(text, to) } : sentence;
  // The previous version's answer for the same figure when what it read is the same (subject-read.ts).
  const was = before && before !== doc ? keysOf.get(before)?.get(f) : undefined;
  if (was && was.series === series && was.ministries === ministries && was.own === own && before!.text !== undefined && before!.lines && readsAlike(before as Required<SubjectDoc>, doc as Required<SubjectDoc>, f, span, at, to)) {
    byFigure.set(f, was);
    return was.key;
  }
  const subject = ministries ? ministryOfFigure(masked(text.slice(span.start, span.end)), at - span.start, to - span.start) : subjectOf(text, span, at, to, own, !series);
  const key = series ? { subject, local: false } : subject === NATIONAL ? null : { subject, local: true };
  byFigure.set(f, { series, ministries, own, key });
  return key;
}

/** The end of the sentence that goes on at offset `to`: its ".", ";" or line end (at most 300 characters on). */
function sentenceEnd(text: string, to: number): number {
  const m = /[.;](?=\s|$)|\n/u.exec(text.slice(to, to + SENTENCE_REACH));
  return m ? to + m.index : Math.min(text.length, to + SENTENCE_REACH);
}

/** figureKey's answers per document object and figure (a placed figure is shared by versions: not across documents). */
const keysOf = new WeakMap<SubjectDoc, Map<PlacedFigure, { series: boolean; ministries: boolean; own: string | undefined; key: { subject: string | undefined; local: boolean } | null }>>();

/**
 * The keys (figureKey) of a report's figures, in order (each reference's figure and further
 * figures), as one string: what its history entries are filed under besides the references
 * themselves. A heading or a paragraph above a figure decides its province, so an edit there
 * changes them while no reference changes (analyze.ts sameForHistory compares them). Only a report
 * with a provincial series or of a province reads any text here. Kept per report object (an
 * analysis is never changed once made). `before`: the previous version of the report, whose keys of
 * the figures it shares are taken when what they read is the same (figureKey).
 */
export function provincialSubjects(report: SubjectReport, before?: SubjectDoc): string {
  let kept = subjectsKept.get(report);
  if (kept !== undefined) return kept;
  kept = '';
  const add = (ind: Indicator | null, sentence: { start: number; end: number }, f: PlacedFigure) => {
    if (!ind) return;
    const key = figureKey(report.doc, ind, sentence, f, before);
    if (key) kept += `${key.local ? 'L' : ''}${key.subject ?? NONE}\u0001`;
  };
  for (const { ref, indicator, also } of report.refs) {
    if (!ref.sentence) continue;
    if (ref.figure) add(indicator, ref.sentence, ref.figure);
    const further = also ?? ref.also;
    if (further) for (let i = 0; i < further.length; i++) add(also ? also[i].indicator : indicator, ref.sentence, further[i].figure);
  }
  subjectsKept.set(report, kept);
  return kept;
}

/** provincialSubjects of each report object. */
const subjectsKept = new WeakMap<SubjectReport, string>();

/** What provincialSubjects reads of a report (history.ts BoundReport, not imported: history.ts imports this module). */
interface SubjectReport {
  doc: SubjectDoc;
  refs: ReadonlyArray<{ ref: Reference; indicator: Indicator | null; also?: ReadonlyArray<{ figure: PlacedFigure; indicator: Indicator | null }> }>;
}
