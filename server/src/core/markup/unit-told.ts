/**
 * Class dtiafter34 (issue 13, round 34; docs/reading.md §79): a province's or a ministry's rank or
 * score told after the index is named, in a sentence that names no index — another province of the
 * ranking ("Thừa Thiên Huế xếp thứ 3.", "Hải Phòng thứ 21, Nghệ An thứ 36, còn Hà Nội chỉ ở vị trí
 * 43"), another year of the same province ("Năm 2022 tỉnh lùi xuống thứ 4 (0,6975 điểm), rồi trở lại
 * vị trí thứ 3 năm 2023"), a ministry after the first ("Ngay sau đó, BHXH Việt Nam xếp thứ 3 với
 * 0,5747 điểm"). The unnamed path (unnamed.ts) reads Việt Nam's ranks and scores this way; here the
 * subject written before the figure is a province (by its name, or "tỉnh"/"thành phố" standing for
 * the one the report speaks of) or a ministry, and the entry is the main rank or score of the series
 * of provinces (or of ministries) whose member the paragraph or a heading named before: never a
 * pillar's or a main index's entry (a part), never a national entry. Precision first — none when,
 * between the subject and the figure (or in the figure's clause before it), the writer names a part
 * ("trụ cột", "chính quyền số", "chỉ số thành phần"), another index ("PCI", "PAPI", "SIPAS", "ICT
 * Index", "chỉ số …"), an average ("trung bình", "bình quân"), a target ("mục tiêu", "phấn đấu",
 * "top"), or the figure is a base ("từ vị trí 45", "so với hạng 24"); nor when another subject or
 * another figure of rank or level stands between (a rank of the same subject for a year of its own
 * may follow its rank). Each figure keeps the period of its clause (the judge, judge.ts). Pure.
 */
import type { Catalog } from '../catalog/catalog';
import { memberFor, members } from '../catalog/family';
import { isMinistrySeries } from '../catalog/ministerial';
import { provinceFacts } from '../catalog/provincial';
import type { Indicator } from '../catalog/types';
import { ministriesNamed } from '../ministries';
import { provincesNamed } from '../provinces';
import type { Figure } from '../types';
import { ministryCounterpart } from './ministry-abbreviation';

/** Whose figure it is: a province's or a ministry's, and where its subject ends in the text before it. */
export interface UnitSubject {
  kind: 'province' | 'ministry';
  /** Offset right after the subject's words. */
  end: number;
}

/** "tỉnh" or "thành phố" as a word. */
const PROVINCE_WORD = /(?<![\p{L}])(?:[Tt]ỉnh|[Tt]hành phố)(?![\p{L}])/gu;
/** Before it, a word that makes it no anaphor ("các tỉnh", "cấp tỉnh", "63 tỉnh") or a pair ("tỉnh, thành phố"). */
const NOT_ANAPHOR_BEFORE = /(?:(?:các|cấp|những|mỗi|nhiều|trong|của|(?<!\d)\d{1,3})\s+|tỉnh\s*(?:,|và)\s*)$/u;
/** After it, the pair's other word ("tỉnh, thành phố", "thành phố trực thuộc") or a name ("tỉnh Long An"). */
const NOT_ANAPHOR_AFTER = /^(?:\s*,?\s*(?:thành phố|tỉnh|trực thuộc)(?![\p{L}])|\s+\p{Lu})/u;
/** How far the context tests look around the word: the words they test are a few characters; a long run of blanks is not read through (each test stays linear in the text). */
const AROUND = 48;

/** "tỉnh" or "thành phố" standing alone for one province (not "các tỉnh", "cấp tỉnh", "tỉnh, thành phố", "tỉnh Long An"): where each stands. */
function provinceAnaphors(text: string): Array<{ at: number; end: number }> {
  const out: Array<{ at: number; end: number }> = [];
  PROVINCE_WORD.lastIndex = 0;
  for (const m of text.matchAll(PROVINCE_WORD)) {
    const at = m.index!;
    const end = at + m[0].length;
    if (NOT_ANAPHOR_BEFORE.test(text.slice(Math.max(0, at - AROUND), at)) || NOT_ANAPHOR_AFTER.test(text.slice(end, end + AROUND))) continue;
    out.push({ at, end });
  }
  return out;
}
/** "của" right before a name: the province owns the subject, it is not the subject. */
const OF = /(?<![\p{L}])của\s*$/iu;
/** An average or a comparison anywhere before the figure ("giá trị trung bình của các tỉnh … là 0,3026"; "so với năm 2022, khi …"): its period or its subject is not the clause's. */
const AVERAGE_OR_COMPARED = /(?<![\p{L}])(?:trung bình|bình quân|so với)(?![\p{L}])/iu;
/** A figure in a list of figures ("thứ 46 và 55", "thứ 4 và thứ 5"): the pairing of a list's units (parse/ lists), not one subject's. */
const LISTED_AFTER = /^\s*(?:,|và)\s*(?:thứ\s+|hạng\s+|vị trí\s+)?\d/u;
const LISTED_BEFORE = /\d\s*(?:,|và)\s*$/u;
/** A rank or score word in the text (a cheap first test). */
const RANK_OR_SCORE = /thứ|vị trí|hạng|điểm|(?<![\d,.])0,\d{3,4}(?![\d,])/iu;
/** The nation as the subject ("cả nước", "toàn quốc", "Việt Nam"): the unnamed path's, not this one's. */
const NATION = /(?<![\p{L}])(?:cả nước|toàn quốc|nước ta)(?![\p{L}])/iu;
/** A part of the index, another index, an average or a target written before the figure. */
const NOT_THE_INDEX = new RegExp(
  [
    'trụ cột', 'chính quyền số', 'kinh tế số', 'xã hội số', 'nhận thức số', 'thể chế số', 'hạ tầng số', 'nhân lực số', 'dữ liệu số',
    'an toàn thông tin', 'chỉ số', 'tiêu chí', 'trung bình', 'bình quân', 'mục tiêu', 'phấn đấu', 'kế hoạch', 'chỉ tiêu', 'top',
  ].map((w) => `(?<![\\p{L}])(?<!\\d\\s+)${w}(?![\\p{L}])`).join('|'),
  'iu',
);
/** Another index written anywhere in the sentence ("Ở một bảng xếp hạng khác là … (Vietnam ICT Index)", PCI, PAPI, SIPAS): its figures, not the one named before. */
const OTHER_INDEX = new RegExp(
  ['PCI', 'PAPI', 'SIPAS', 'PAR', 'ICT', 'GRDP', 'năng lực cạnh tranh', 'cải cách hành chính', 'hài lòng', 'quản trị', 'bảng xếp hạng khác', 'chỉ số khác'].map((w) => `(?<![\\p{L}])${w}(?![\\p{L}])`).join('|'),
  'iu',
);
/** The figure as a base: "từ vị trí 45", "so với hạng 24", "từ 0,45". */
const BASE_BEFORE = /(?<![\p{L}])(?:từ|so với|hơn|sau|trước|trên|dưới)\s+(?:(?:vị trí|hạng|thứ|mức|thứ hạng)\s+)*(?:thứ\s+)?$/iu;
/** A year of the figure's own written in its clause right after it ("… vị trí thứ 3 năm 2023"). */
const OWN_YEAR_AFTER = /^[^,;.]{0,12}?(?:năm|kỳ)\s+\d{4}/u;
const OWN_YEAR = /(?:năm|kỳ)\s+\d{4}/u;
/** A scope or a topic of its own right after the figure ("thứ 10/13 trong vùng …", "thứ 2 về số doanh nghiệp"): another ranking's. */
const OTHER_RANKING_AFTER = /^\s*(?:\/\s*\d+\s*)?(?:\(|,)?\s*(?:(?:trong|của|tại|ở)\s+(?:vùng|khu vực|miền|khối)|về\s)/iu;
/** A region or a group as the scope written in the figure's clause ("trong vùng, Cần Thơ đứng thứ 2"). */
const REGION = /(?<![\p{L}])(?:vùng|khu vực|miền|khối)(?![\p{L}])/iu;

/** Whether a unit's text may hold a province's or a ministry's rank or score (before anything is read). */
export function mayHoldUnitFigure(text: string): boolean {
  if (!RANK_OR_SCORE.test(text)) return false;
  return provinceAnaphors(text).length > 0 || provincesNamed(text).length > 0 || ministriesNamed(text).length > 0;
}

/** The subject written last in `before` (the sentence up to a figure): a province, "tỉnh"/"thành phố", or a ministry; null if none. */
export function unitSubjectBefore(before: string): UnitSubject | null {
  const found: Array<UnitSubject & { at: number }> = [];
  // (a province's thing, "Cổng dịch vụ công của tỉnh", is no province as the subject)
  for (const p of provincesNamed(before)) if (!OF.test(before.slice(0, p.from))) found.push({ kind: 'province', at: p.from, end: p.end });
  for (const a of provinceAnaphors(before)) found.push({ kind: 'province', ...a });
  const ministries = ministriesNamed(before);
  // (a ministry's name holding a province's or the country's, "BHXH Việt Nam": the ministry)
  const kept = found.filter((p) => !ministries.some((m) => m.at <= p.at && p.end <= m.end));
  for (const m of ministries) kept.push({ kind: 'ministry', at: m.at, end: m.end });
  if (!kept.length) return null;
  const last = kept.reduce((a, b) => (b.end > a.end ? b : a));
  return { kind: last.kind, end: last.end };
}

/**
 * The index `f` (of `figs`, with its reading's roles) is a province's or a ministry's rank or score
 * told with no name (see the module comment): its subject, else null. `rank`, `score`: the figure's
 * shape as the unnamed path reads it.
 */
export function unitFigure(text: string, figs: Figure[], roles: ReadonlyArray<{ role?: string } | undefined>, i: number, rank: boolean, score: boolean): UnitSubject | null {
  if (!rank && !score) return null;
  const f = figs[i];
  const before = text.slice(0, f.start);
  if (NATION.test(before) || OTHER_INDEX.test(text) || AVERAGE_OR_COMPARED.test(before)) return null;
  if (LISTED_AFTER.test(text.slice(f.end)) || LISTED_BEFORE.test(before.replace(/(?:thứ|hạng|vị trí)\s*$/u, ''))) return null;
  const subject = unitSubjectBefore(before);
  if (!subject) return null;
  // Two or more units each with its figure ("Thái Nguyên đứng thứ 8 và Bắc Giang thứ 9"): a list the checker reads from the name before (parse/subject-list.ts).
  const withFigure = provincesNamed(text).filter((p) => figs.some((g) => g.start >= p.end && g.start - p.end <= 25 && !/[.;]/.test(text.slice(p.end, g.start))));
  if (withFigure.length >= 2) return null;
  // A part, another index's words, an average or a target anywhere before the figure (not counted, "98 chỉ số
  // thành phần"); a region in the figure's clause ("Trong vùng, …").
  const clause = before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), subject.end) + 1);
  if (NOT_THE_INDEX.test(before) || REGION.test(clause) || BASE_BEFORE.test(before) || OTHER_RANKING_AFTER.test(text.slice(f.end))) return null;
  // Another subject between ("Đà Nẵng …, Hà Nội xếp thứ 6": the nearer is the figure's) is the
  // nearer subject's own; another rank or level between: only this subject's rank for another year.
  for (let j = 0; j < i; j++) {
    if (figs[j].start < subject.end || !['rank', 'level', 'scale', 'part'].includes(roles[j]?.role ?? '')) continue;
    const jRank = figs[j].kind === 'rank' || roles[j]?.role === 'rank';
    // (a score in brackets right after a rank, "thứ 4 (0,6975 điểm)": the rank's further figure, read with it)
    if (!jRank && j > 0 && (figs[j - 1].kind === 'rank' || roles[j - 1]?.role === 'rank') && /^\s*\(\s*$/.test(text.slice(figs[j - 1].end, figs[j].start))) continue;
    const gap = text.slice(figs[j].end, f.start);
    const ownYear = OWN_YEAR.test(gap) || OWN_YEAR_AFTER.test(text.slice(f.end));
    if (!(rank && jRank && ownYear && !/(?<![\p{L}])\p{Lu}/u.test(gap))) return null;
  }
  return subject;
}

/**
 * The entry a province's or a ministry's unnamed figure is, given the entries named before it: the
 * main rank (or score) of the series of provinces (of ministries) of each named entry; the one they
 * all agree on, else null. A ministry's figure after a provincial series' name is the ministries'
 * counterpart's (ministry-abbreviation.ts, "DTI" → "DTI cấp bộ").
 */
export function unitEntry(catalog: Catalog, named: Indicator[], subject: UnitSubject, rank: boolean, text: string, period: string | null): Indicator | null {
  // The figure's period (its clause's, else carried, else the report's) is a year (a yearly series: "6 tháng đầu năm 2023" carried is none);
  // the sentence writes none: the report's, a year only.
  if (period && !/^\d{4}$/.test(period)) return null;
  const own = text.slice(Math.max(0, text.lastIndexOf('. ', subject.end)));
  if (!OWN_YEAR.test(own.replace(/(?<![\p{L}])(?:so với|hơn)[^,;.]*/gu, '')) && !/^\d{4}$/.test(period ?? '')) return null;
  // A year before the series began ("hạng 25 năm 2017, nay xếp thứ 56"): the sentence's periods are not the series'.
  const years = [...own.matchAll(/(?<!\d)(?:19|20)\d\d(?!\d)/g)].map((m) => m[0]);
  const picks = new Set<Indicator | null>();
  for (const ind of named) {
    let series: Indicator | null = null;
    if (subject.kind === 'province') series = provinceFacts(ind).series ? ind : null;
    else if (isMinistrySeries(ind)) series = ind;
    else for (const a of ind.abbreviations) series ??= ministryCounterpart(catalog, ind, a);
    const head = series ? members(catalog, series.id)[0] : undefined;
    const pick = head ? memberFor(catalog, head, rank ? 'rank' : 'score') : undefined;
    picks.add(pick && (subject.kind === 'province' ? provinceFacts(pick).series : isMinistrySeries(pick)) ? pick : null);
  }
  const pick = picks.size === 1 ? [...picks][0] : null;
  return pick && !(pick.since && years.some((y) => y < pick.since!)) ? pick : null;
}
