/**
 * A named index told on across a paragraph (docs/reading.md §6.6): a sentence names an index once
 * ("Theo [[Chỉ số DTI]], năm 2020 tỉnh đứng thứ 12."), the next sentences of its paragraph go on
 * with its figures for other years without naming it again ("Năm 2021 tỉnh tăng 4 bậc, lên thứ
 * 8/63. Bảng xếp hạng năm 2022 giữ tỉnh ở vị trí thứ 8, với 0,6924 điểm."). Each such figure whose
 * shape is a member of the index's family (a rank, a level on a scale, a score in "điểm") and that
 * has a period (a phrase of its own sentence, else the paragraph's lead) is a further figure of the
 * named reference (binding.ts adds it to `also`, marked `carried`); which member it states the
 * analysis decides from its shape (catalog/family.ts memberByShape). A change ("tăng 4 bậc")
 * stays a change and is not carried.
 *
 * The carry stops at the paragraph's end (binding.ts reads a paragraph at a time), at a sentence
 * with a reference (it anchors anew, or ends it), at a sentence naming another subject (a proper
 * name other than the one told of: "trong khi Bắc Ninh đứng thứ 3") or another index (a "chỉ số
 * …", an "Index", an acronym the anchor's sentence does not hold). Never carried: a rank of another
 * thing ("đứng thứ 2 về số doanh nghiệp"), a figure of a pillar or criterion ("trụ cột", "tiêu
 * chí", "chỉ số chính"), an average or a maximum ("bình quân", "tối đa"), a figure with no period
 * but the document's, a second value of one kind for a period already told.
 */
import type { Figure, PeriodPhrase } from '../types';
import { aspectOpening } from './aspect';
import { toldBare } from './anaphor';
import type { SentenceReading } from './clauses';
import type { PlacedFigure, Reference } from './model';
import { rankBases } from './rank-bases';
import { yearBeforeTold } from './year-before';
import { comparedUnits, regionalTold, withoutPassed } from './passed-countries';
import { addToldBases } from './told-bases';
import { foreignCountry, foreignWord, PLANNED } from './subject-words';
import { changeOfOther } from './rise-clause';

export { foreignCountry, PLANNED };
/** The names told with an index. */
export interface Names {
  /** Folded proper names of the subject (a province, a country) told of; empty until a sentence names one. */
  subjects: Set<string>;
  /** Folded acronyms of the anchor's sentence, the reference's own words included ("DTI", "2IPD"). */
  acronyms: Set<string>;
  /** The shape of the anchor's bound figure when it is no member of an index's family (§17): figures of that shape are carried too. */
  measure?: Measure;
  /** The index told of is a part (its name says "nhóm chỉ số", "đầu vào", "trụ cột" …: PART_WORDS; §75.2). */
  part?: boolean;
}

/** An indicator's value told on (docs/reading.md §17): the bound figure's shape and the words of the name. */
export interface Measure {
  kind: Figure['kind'];
  unit: string;
  growth: boolean;
  /** Lower-case words of the name as written ("doanh", "thu", …): a later clause may say them again. */
  words: Set<string>;
}

/** The reference a paragraph's next sentences may go on telling of, and the names told with it. */
export interface FamilyAnchor extends Names {
  ref: Reference;
}

/** A carried figure: its index, and the figure whose period it takes (a score beside a rank), if not its own. */
export interface Carried {
  at: number;
  periodOf?: number;
}

/** A run of capitalized words (a province, a country, an organisation), or an acronym. */
const NAME_RUN = /(?<![\p{L}\p{M}\p{N}])(?:\p{Lu}[\p{L}\p{M}]*|\p{N}?\p{Lu}{2,}[\p{Lu}\p{N}]*)(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}]*|\p{Lu}{2,}))*(?![\p{L}\p{M}\p{N}])/gu;
const ACRONYM = /^\p{N}?\p{Lu}{2,}[\p{Lu}\p{N}]*$/u;
/** Words that say where a rank stands, not whose it is. */
const SCOPE_NAMES = new Set(['asean', 'đông nam á', 'châu á', 'thế giới', 'á', 'thái bình dương', 'châu á - thái bình dương']);
/** Who publishes an index, or a body of the state: no subject of a ranking. */
const ORGANISATION = /^(?:bộ|tổng cục|cục|viện|liên minh|liên hợp quốc|liên hiệp quốc|ủy ban|uỷ ban|tổ chức|ngân hàng|diễn đàn|trường|sở|đại học|báo cáo|hội nghị|phiên họp|chính phủ|thủ tướng)(?: |$)/u;
/** An international organisation's name written in sentence case: its head, then capitalized words and "quốc tế", "thế giới" (namesIn). */
const ORG_NAME = /^(?:Liên minh|Tổ chức|Diễn đàn|Ngân hàng|Liên (?:Hợp|hợp|Hiệp|hiệp) (?:Quốc|quốc))(?:[ \t]+(?:\p{Lu}[\p{L}\p{M}]*|quốc tế|thế giới|và))*/u;
/** The kind written before a province's name. */
const UNIT_KIND = /^(?:tỉnh|thành phố|tp\.?) (?=\S)/u;
/** Publishers' and scopes' acronyms: no other index. */
const PUBLISHERS = new Set(['wipo', 'itu', 'upu', 'wef', 'un', 'desa', 'oecd', 'asean', 'ubnd', 'tp']);
/**
 * Another index written out ("Chỉ số sẵn sàng …", "ICT Index"), not one of its parts, nor a count of
 * indicators ("đánh giá 160 quốc gia bằng 42 chỉ số", "nhiều hơn 9 chỉ số": a number of one to three
 * digits right before, not a date's or a place's: "tháng 8 chỉ số …" names one; docs/reading.md §6.8).
 */
export const OTHER_INDEX = /(?<![\p{L}])(?<!(?<!(?:tháng|quý|năm|ngày|thứ|hạng|top)\s+)(?<![\p{N}.,/])\p{N}{1,3}\s+)(?:chỉ số|index)(?![\p{L}])(?!\s+(?:chính|thành phần|con|này)(?![\p{L}]))/iu;
/** The words OTHER_INDEX needs (writesOtherIndex's gate). */
const OTHER_INDEX_WORDS = /chỉ số|index/iu;
const PART = '(?:trụ cột|tiêu chí|chỉ số chính|chỉ số thành phần|chỉ số con|nhóm chỉ số|lĩnh vực|đầu vào|đầu ra)(?![\\p{L}])';
/** The country as a sentence's subject. */
const COUNTRY = /(?<![\p{L}])(?:Việt Nam|[Nn]ước ta)(?![\p{L}])/u;
/** A part of the index named: its figures are a pillar's or a criterion's. */
export const PART_WORDS = new RegExp(`(?<![\\p{L}])${PART}`, 'iu');
/** A part named right after a figure, a word or two between. */
const PART_AFTER = new RegExp(`^\\s*(?:[\\p{L}\\p{M}]+\\s+){0,2}${PART}`, 'iu');
/** Words before a score that make it no value of the subject's. */
const NOT_OWN_SCORE = /(?<![\p{L}])(?:bình quân|trung bình|tối đa|tối thiểu|cao nhất|thấp nhất|từ|ngưỡng)(?:\s+\S+){0,2}\s*$/iu;
/** Qualifiers of a threshold, not of a value reached. */
const THRESHOLD = new Set(['trên', 'hơn', 'dưới', 'tối thiểu', 'tối đa']);
/** After a rank: what it ranks, when not the index ("thứ 2 về số doanh nghiệp"). */
const RANK_OF_OTHER = /^\s*(?:về|trong số các|ở hạng mục|ở lĩnh vực)(?![\p{L}])/iu;
/** "Bản năm 2023 xếp hạng 193 quốc gia": how many are ranked (no "thứ", no "/M"), not a place (docs/reading.md §6.8). */
const RANKS_A_COUNT = /^xếp hạng\s+\d+\s+(?:quốc gia|nền kinh tế|nước|tỉnh|thành phố|địa phương|vùng lãnh thổ)(?![\p{L}])/iu;
/** Between a rank and the score beside it: a bracket, or ", với". */
/** A clause opening on the parts of what was told ("; trong đó chính quyền số xếp thứ 8"): no carry. */
const PARTS_OPENING = /^\s*(?:trong đó|trong số đó)(?![\p{L}])/iu;
/** Between a change and the next figure it lists: "và", a comma. */
const CHANGE_LISTED = /^\s*(?:,|và)\s*$/u;
const SCORE_BESIDE = /^\s*(?:\(|,?\s*với)\s*$/u;

/** The folded names of a text: proper-name runs (subjects) and acronyms; the text's first word alone is no name. */
export function namesIn(text: string): { subjects: string[]; acronyms: string[] } {
  const out = { subjects: [] as string[], acronyms: [] as string[] };
  const first = text.search(/\S/);
  // An organisation's name runs on to the next punctuation ("Bộ Khoa học và Công nghệ").
  let orgUntil = -1;
  for (const m of text.matchAll(NAME_RUN)) {
    if (m.index < orgUntil) continue;
    // Class organisation-in-sentence-case (round 18): "Liên minh Viễn thông quốc tế (ITU)", "Tổ chức
    // Sở hữu trí tuệ thế giới": the head word goes on in lower case after its capital, so the runs
    // of capitals ("Liên", "Viễn") are no subjects; the name runs over its capitals and "quốc tế",
    // "thế giới" (ORG_NAME), not further.
    const org = ORG_NAME.exec(text.slice(m.index, m.index + 120).normalize('NFC'));
    if (org) {
      orgUntil = m.index + org[0].length;
      continue;
    }
    const words = m[0].split(/[ \t]+/);
    const acronym = words.length === 1 && ACRONYM.test(words[0]);
    // The sentence's first word is capitalized as a first word ("Năm 2021", "Sang năm 2023, …").
    // (but a foreign name of more than one syllable is a name there too: "Indonesia xếp thứ 24")
    if (m.index === first && words.length === 1 && !acronym && !foreignWord(words[0])) continue;
    // (a province named with its kind, "Tỉnh Quảng Ninh", "Thành phố Huế", is the province)
    const name = (m.index === first && words.length > 1 && isCommonOpening(words[0]) ? words.slice(1) : words).join(' ').normalize('NFC').toLowerCase().replace(UNIT_KIND, '');
    if (acronym) {
      if (!PUBLISHERS.has(name)) out.acronyms.push(name);
    } else if (ORGANISATION.test(name)) {
      const stop = text.slice(m.index).search(/[,.;:()]/);
      orgUntil = stop < 0 ? text.length : m.index + stop;
    } else if (!SCOPE_NAMES.has(name)) out.subjects.push(name);
  }
  return out;
}

/** A capitalized first word that is no name's ("Theo", "Năm", "Sang", "Bảng"): lower-case words of the vocabulary. */
function isCommonOpening(word: string): boolean {
  return /^(?:theo|năm|sang|đến|tới|trong|ở|tại|với|bảng|kết|còn|riêng|cũng|từ|trên)$/iu.test(word.normalize('NFC'));
}

/** (anchorOf and its Anchor: family-anchor.ts, which imports this module; binding.ts imports it there.) */

/** The words of `text` before `at` back to the clause's start (a comma, semicolon, colon or bracket); none if `at` < 0. */
export function clauseBefore(text: string, at: number): string {
  return at < 0 ? '' : (text.slice(0, at).split(/[,;:(]/).pop() ?? '');
}

/**
 * The measure a reference's bound figure lets the next sentences tell on (§17): a level with a
 * unit that no index's family shape is (a rank, a level on a scale, a score in "điểm" are §15's).
 */
export function measureOf(f: Figure | null, written: string): Measure | null {
  const unit = (f?.unit ?? '').normalize('NFC').toLowerCase();
  if (!f || !unit || f.change || f.kind === 'rank' || (f.role !== undefined && f.role !== 'level') || unit === 'điểm' || unit === 'cấp độ') return null;
  const words = new Set<string>();
  for (const m of written.normalize('NFC').toLowerCase().matchAll(/[\p{L}\p{M}]+/gu)) words.add(m[0]);
  return { kind: f.kind, unit, growth: !!f.growth, words };
}

/** The names an anchor's sentence tells with its index: `text` with the names masked, `written` the names. */
export function toldNames(text: string, written: string[]): Names {
  const { subjects, acronyms } = namesIn(text);
  const told: Names = { subjects: new Set(subjects), acronyms: new Set(acronyms), part: written.some((w) => PART_WORDS.test(w)) };
  for (const w of written) for (const a of namesIn(' ' + w).acronyms) told.acronyms.add(a);
  return told;
}

/**
 * The figures of a sentence with no reference that carry the anchor's index (see the module
 * comment), in text order; null when the sentence ends the carry (another subject, another index).
 * A sentence naming the subject when the anchor's named none sets it (`anchor.subjects`).
 */
export function carriedFigures(text: string, figures: Figure[], reading: SentenceReading, anchor: Names): (Carried[] & { ends?: boolean }) | null {
  if (reading.masked.length || PARTS_OPENING.test(text) || aspectOpening(text)) return null; // (an aspect's figures: aspect.ts)
  // Countries the subject passed or stands behind ("vượt Thái Lan", "sau Singapore (hạng 7)") are no subject (§25.1).
  const passed = withoutPassed(text);
  let { subjects, acronyms } = namesIn(passed.text);
  if (acronyms.some((a) => !anchor.acronyms.has(a))) return null;
  // Provinces compared ("sau Đà Nẵng, …", "cùng nhóm cuối với Phú Yên, …") are no subject either,
  // when the rest names none but the one told of: only a rank of its own period is carried then (§29.2).
  const units = otherSubjects(subjects, anchor) ? withoutPassed(passed.text, comparedUnits(passed.text)) : null;
  if (units?.any) subjects = namesIn(units.text).subjects;
  // (a sentence naming no subject leaves the anchor's names unread: Anchor reads them when asked)
  // Another country never sets the subject (the catalog's rankings are Việt Nam's or its provinces'):
  // "Tổ chức … công bố [[GII]] năm 2023. Trong khu vực ASEAN, Singapore xếp hạng 5." carries nothing.
  if (otherSubjects(subjects, anchor)) return null;
  // Another index written out, outside a clause about the index's parts.
  if (writesOtherIndex(text, reading)) return null;
  for (const n of subjects) anchor.subjects.add(n);
  const out: Carried[] & { ends?: boolean } = [];
  figures.forEach((f, i) => {
    const rd = reading.figures[i];
    // A part named before the figure in its sentence ("Ở trụ cột chính quyền số, tỉnh xếp thứ 3"),
    // or right after it ("thứ 3 ở trụ cột kinh tế số"): the part's figure.
    // (beside a passed country, only a figure with a period phrase of its own sentence: §25.1)
    if (!rd || f.change || (passed.any && (passed.inside(f.start) || rd.period < 0)) || PART_WORDS.test(text.slice(0, f.start)) || PART_AFTER.test(text.slice(f.end))) return;
    // After a part's name, the country as the subject ("năm 2020, Việt Nam đứng thứ 42") tells of the whole index, not the part (§75.2).
    if (anchor.part && COUNTRY.test(text.slice(0, f.start))) return;
    // (beside provinces compared: a rank of its own period, no region's: "thứ 2 vùng …, sau Long An")
    if (units?.any && (units.inside(f.start) || rd.period < 0 || rd.role !== 'rank' || f.kind !== 'rank' || REGION.test(text))) return;
    // A figure listed after a change with "và" or a comma ("tăng 5 bậc và 0,06 điểm") is a change too (round 19).
    if (i > 0 && figures[i - 1].change && reading.clauseOf[i - 1] === reading.clauseOf[i] && CHANGE_LISTED.test(text.slice(figures[i - 1].end, f.start))) return;
    // A value of the measure told on (§17): carried with a period phrase of its own sentence; one
    // told of another thing, or planned, ends the carry.
    if (anchor.measure && (sameMeasure(anchor.measure, f, rd.role) || toldBare(anchor.measure, f, rd.role, text))) {
      const told = measureTold(text, figures, reading, i, anchor.measure);
      if (told === 'other') out.ends = true;
      else if (told === 'value' && rd.period >= 0 && !out.ends) out.push({ at: i });
      return;
    }
    // (beside a passed country, a rank with no scope written may be the region's: not carried, unless the ranking told is the region's, §35.1)
    const rank = rd.role === 'rank' && f.kind === 'rank' && !(passed.any && !rd.scope && !regionalTold(anchor));
    const scale = rd.role === 'scale';
    // (a threshold is no value: "trên 0,5 điểm", "từ 0,5 điểm")
    const score = rd.role === 'level' && (f.unit ?? '').normalize('NFC').toLowerCase() === 'điểm' && !THRESHOLD.has(f.qualifier ?? '') && !NOT_OWN_SCORE.test(text.slice(0, f.start));
    if (!(rank || scale || score) || (rank && (RANK_OF_OTHER.test(text.slice(f.end)) || RANKS_A_COUNT.test(f.raw)))) return;
    // What the figure is of: its clause before it holds no words but the subject's, linking words
    // and the ranking's ("hệ sinh thái khởi nghiệp xếp thứ 55", "riêng phát triển năng lực đạt
    // 19,74 điểm": another thing's).
    if (otherThing(passed.text.slice(reading.clauses[reading.clauseOf[i]]?.start ?? 0, f.start)) || changeOfOther(passed.text, reading, i, otherThing, anchor.measure?.words)) return; // (rise-clause.ts)
    // A count or a part before it in its clause is what the clause tells of ("20/63 tỉnh đạt 0,7 điểm").
    for (let j = i - 1; j >= 0 && reading.clauseOf[j] === reading.clauseOf[i]; j--) if (reading.figures[j].role === 'part' || figures[j].unitClass === 'count') return;
    // Its period: a phrase of its own sentence, else the paragraph's lead (binding.ts placeFigure);
    // a score with none right after a carried rank ("lùi xuống thứ 4 (0,6975 điểm)", "thứ 8, với
    // 0,6924 điểm") is of the rank's period.
    const prev = out[out.length - 1];
    const beside = score && i > 0 && figures[i - 1].kind === 'rank' && SCORE_BESIDE.test(text.slice(figures[i - 1].end, f.start));
    // A score beside a rank that is not carried ("chính quyền số xếp thứ 8 (0,4449 điểm)": a part's) is that rank's thing's.
    if (beside && prev?.at !== i - 1) return;
    if (rd.period < 0 && beside) out.push({ at: i, periodOf: i - 1 });
    else out.push({ at: i });
  });
  return out;
}

/** Names of the sentence that end the carry: another than the one told of, two when none was told, another country. */
function otherSubjects(subjects: string[], anchor: Names): boolean {
  return (subjects.length > 0 && (anchor.subjects.size ? subjects.some((n) => !anchor.subjects.has(n)) : new Set(subjects).size > 1)) || subjects.some(foreignCountry);
}

/** A region's ranking ("vùng đồng bằng sông Cửu Long", "khu vực", "miền"): provinces compared there rank in the region. */
export const REGION = /(?<![\p{L}])(?:vùng|khu vực|miền)(?![\p{L}])/iu;

/** Another index written out ("chỉ số …", "Index") in a clause that is not about the index's parts. */
function writesOtherIndex(text: string, reading: SentenceReading): boolean {
  // (OTHER_INDEX's words, a necessary condition: no clause is tested in a sentence without them)
  if (!OTHER_INDEX_WORDS.test(text)) return false;
  return reading.clauses.some((c) => !PART_WORDS.test(text.slice(c.start, c.end)) && OTHER_INDEX.test(text.slice(c.start, c.end)));
}

/** A sentence naming another index than the anchor's: written out, or an acronym the anchor's sentence does not hold (heading-carry.ts). */
export function namesOtherIndex(text: string, reading: SentenceReading, anchor: Names): boolean {
  return namesIn(text).acronyms.some((a) => !anchor.acronyms.has(a)) || writesOtherIndex(text, reading);
}

/**
 * A sentence with no reference after an anchor: its carried figures (carriedFigures) added to the
 * anchor's reference as further figures (`also`, `carried`), each with its own period. The anchor,
 * for the next sentence; null when the sentence ends the carry.
 */
export function carryOn(anchor: FamilyAnchor, text: string, figures: Figure[], reading: SentenceReading, figureAt: (i: number) => PlacedFigure, periods: PeriodPhrase[] = []): FamilyAnchor | null {
  const carried = carriedFigures(text, figures, reading, anchor);
  if (!carried) return null;
  const also = (anchor.ref.also ??= []);
  // Another value of the same kind for a period already told: a place in another ranking ("thứ
  // 2/34 địa phương …; trong nhóm 63 tỉnh, … thứ 5"), not carried.
  const add = (g: PlacedFigure, period: string | null | undefined): boolean => {
    const bound = anchor.ref.figure;
    const told = [...(bound ? [{ figure: bound, period: bound.period }] : []), ...also];
    if (!period || told.some((a) => a.figure === g || (a.period === period && sameKind(a.figure, g) && a.figure.value !== g.value))) return false;
    also.push({ figure: g, period, carried: true });
    return true;
  };
  const before = yearBeforeTold(text, figures, periods, anchor.ref); // "…; năm trước, tỉnh còn đứng thứ 28" (§29.1)
  addToldBases(text, figures, reading, periods, figureAt, add, otherThing, carried.map((c) => c.at)); // "tăng 2 bậc so với vị trí 46 của năm 2023" (§42)
  for (const { at, periodOf } of carried) {
    const g = figureAt(at);
    if (!add(g, before !== undefined ? before : periodOf === undefined ? g.period : figureAt(periodOf).period)) continue;
    // A carried place's earlier place ("Tỉnh xếp thứ 27/63, tăng 26 bậc so với năm 2021 (khi đó
    // xếp thứ 53/63)"): a place of the comparison's period, carried too (rank-bases.ts).
    for (const b of rankBases(at, text, figures, periods, reading, -1)) {
      const base = figureAt(b.at);
      if (b.rank) base.role = 'rank';
      add(base, b.period ?? base.period);
    }
  }
  return turnsToParts(text) || carried.ends ? null : anchor;
}

/**
 * Words a clause may hold before a figure of the index told of: linking words, the ranking's words,
 * the subject named by a common noun, period words. Any two other lower-case words name another thing.
 */
const TOLD_WORDS = new Set(
  ('theo đó này sang đến tới còn riêng rồi và nhưng song cũng vẫn đã được bị chỉ mới lại tiếp tục trở lên xuống lùi vươn tăng giảm giữ đứng ' +
    'xếp hạng thứ vị trí ở tại đạt với nằm trong top tốp nhóm dẫn đầu toàn quốc cả nước ta tỉnh thành phố địa phương quốc gia nền kinh tế ' +
    'bảng kết quả chỉ số đánh giá công bố năm quý tháng đầu cuối kỳ trước sau liên tiếp là có mức điểm cấp độ bậc đơn vị thì khi đó của mình').split(' '),
);

/** True if `before` (a clause's words before a figure) names another thing than the subject told of; `also`: more words of the telling. */
export function otherThing(before: string, ...also: Array<Set<string>>): boolean {
  let other = 0;
  for (const m of before.matchAll(/[\p{L}\p{M}]+/gu)) {
    const w = m[0];
    if (/^\p{Lu}/u.test(w) && m.index > 0) continue; // a name (the subject's, checked above)
    const low = w.normalize('NFC').toLowerCase();
    if (!TOLD_WORDS.has(low) && !also.some((s) => s.has(low)) && ++other >= 2) return true;
  }
  return false;
}

/** Words a clause says of a measure told on besides its name's: "con số này", "tỷ lệ này", "mức này", "quy mô", "giá trị" (§17). */
const BACK_WORDS = new Set('con số này tỷ lệ trọng mức quy mô giá trị tổng ước khoảng gần hơn vượt tiếp tục ghi nhận lên tới'.split(' '));
/** Words after a value that compare it or say its scope, not another thing ("so với cùng kỳ", "cả nước"). */
const AFTER_WORDS = new Set('so với cùng kỳ cao hơn thấp gấp lần tăng giảm trước đó cả nước toàn quốc'.split(' '));
/** Before a value in its stretch: a milestone or threshold passed, an average, a bound (skipped). */
const NOT_REACHED = /(?<![\p{L}])(?:mốc|ngưỡng|bình quân|trung bình|tối đa|tối thiểu|từ)(?![\p{L}])/iu;
/** A plan or target word before offset `at` of a sentence, outside brackets ("Mục tiêu đến năm 2025, … thứ 40"; not "đạt 63,47% (mục tiêu 70%); … đạt 18,54%"). */
export function plannedBefore(text: string, at: number): boolean {
  return PLANNED.test(text.slice(0, at).replace(/\([^()]*\)/g, ' '));
}

/**
 * A figure of the measure's shape: a level of the same kind, unit and growth; a count's noun may be
 * written with its words or without ("1.010 cuộc tấn công mạng", "349 cuộc").
 */
export function sameMeasure(m: Measure, f: Figure, role: string): boolean {
  const unit = (f.unit ?? '').normalize('NFC').toLowerCase();
  return role === 'level' && f.kind === m.kind && !!f.growth === m.growth && (unit === m.unit || unit.startsWith(m.unit + ' ') || m.unit.startsWith(unit + ' '));
}

/**
 * What figure `i` of the measure's shape is in its sentence: `value` (the measure's, for its
 * period), `skip` (a milestone, an average, a base "từ": no value reached, judged from the figure
 * before it in its clause), `other` (another thing's, or a plan: the carry ends). Another thing: two
 * or more words before it in its sentence, or after it up to the next punctuation, that are neither
 * the telling's, the name's, the anchor clause's nor "con số này"'s ("xuất khẩu trực tuyến đạt 2 tỷ
 * USD", "74% người dân sử dụng Internet", "tỷ lệ này của bộ, ngành là 61%").
 */
export function measureTold(text: string, figures: Figure[], reading: SentenceReading, i: number, m: Measure): 'value' | 'skip' | 'other' {
  const f = figures[i];
  const clause = reading.clauses[reading.clauseOf[i]];
  const from = Math.max(clause?.start ?? 0, i > 0 && reading.clauseOf[i - 1] === reading.clauseOf[i] ? figures[i - 1].end : 0);
  if (PLANNED.test(text.slice(0, f.start))) return 'other';
  const before = text.slice(from, f.start);
  if (NOT_REACHED.test(before)) return 'skip';
  const stop = text.slice(f.end).search(/[,.;:()]/);
  const next = figures[i + 1]?.start ?? text.length;
  const after = text.slice(f.end, Math.min(stop < 0 ? text.length : f.end + stop, next));
  // (the whole sentence before it: "Năm 2024, tỷ lệ này của bộ, ngành là 61%" is the ministries')
  return otherThing(text.slice(0, f.start), m.words, BACK_WORDS, AFTER_WORDS) || otherThing(' ' + after, m.words, BACK_WORDS, AFTER_WORDS) ? 'other' : 'value';
}

/** True if the sentence turns to the index's parts: the carry ends after it. */
export function turnsToParts(text: string): boolean {
  return PART_WORDS.test(text);
}

/** Two figures of one member: both ranks of one scope, or both of one unit. */
function sameKind(a: Figure, b: Figure): boolean {
  const rank = (f: Figure) => f.kind === 'rank' || f.role === 'rank';
  return rank(a) === rank(b) && (rank(a) || a.unit === b.unit) && a.scope === b.scope;
}
