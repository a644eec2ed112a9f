/** What makes the detector unsure of a figure a name binds: distance, unit, a year or a document number, a date beside a cited document. */
import { foldKey, type Catalog } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import { firstIndex } from '../parse/clauses';
import { paragraphCarry } from '../parse/carry';
import { readSentencePeriods } from '../parse/periods';
import type { Figure } from '../types';
import { work } from '../work';
import { tokenize } from './name-index';
import type { ProseUnit } from './prose';
import { clauseAt, roleOf, type Bound, type UnitReading } from './bind';
import { provinceInName, provinceNouns, provinceSection, provinceSubject, provincialFigure } from './province';
import { provinceOpening } from './province-opening';
export { provincialFigure } from './province';
import { notTheValue, qualifiedFigure } from './qualified';
import { valueHeadFigure } from './value-head';
import { otherThreshold } from './threshold';
import { otherSource } from './other-source';
import { otherPublisher } from './other-publisher';
import { shareWho } from './share-who';
import { ownReportFigure } from './own-report';
import { movedFromBase } from './moved-from';
export { otherSource } from './other-source';

/** Words allowed between a name and its figure (period phrases not counted). */
const MAX_GAP_WORDS = 8;
const DOCUMENT_WORDS = /(?:^|[^\p{L}])(quyết định|nghị định|nghị quyết|thông tư|công văn|chỉ thị|kế hoạch|văn bản|điều|khoản|số)\s*$/iu;
const DOCUMENT_CITATION = /\d+\/(?:\d{4}\/)?[A-ZĐ]{1,6}[-–][A-ZĐ]|(?:^|[^\p{L}])(?:quyết định|nghị định|nghị quyết|thông tư|công văn|chỉ thị)\s+(?:số\s+)?\d/iu;

/** Tails of a name written after it: a rate's base up to the verb or "của", the whole country. */
const NAME_TAILS = /(?<![\p{L}])(?:trên tổng số(?:\s+(?!đạt|là|ước|chiếm|của)[\p{L}\p{M}]+){1,8}|(?:của |trên )?cả nước|toàn quốc)(?![\p{L}])/giu;

/** Words allowed between a figure and the name after it ("có 50.350 doanh nghiệp công nghệ số", "xếp thứ 71/193 quốc gia về …"). */
const MAX_GAP_BEFORE = 3;
/** The scope a rank is written with, between the rank and the name after it; or the ranking itself right before the name ("thứ 71/193 quốc gia trên bảng xếp hạng …"). */
const RANK_SCOPE =
  /^\s*(?:quốc gia|nước|tỉnh, thành phố|tỉnh thành)?\s*(?:(?:tại|trong|trên|ở)\s+(?:khu vực\s+)?(?:Đông Nam Á|ASEAN|thế giới|toàn cầu|châu Á(?:\s*-\s*Thái Bình Dương)?|cả nước)|(?:trên|trong|theo|của|thuộc)\s+(?:bảng\s+)?xếp hạng(?=\s*$))/iu;
/** A conjunction between a figure and the name after it starts another subject ("đạt trên 10 triệu và số lượng …"). */
const CONJUNCTIONS = new Set(['va', 'hoac', 'con', 'cung', 'nhung', 'song']);

/**
 * The text between a name and its figure is short, period phrases aside: at most eight words after
 * the name, no quotation; at most three words before it, no conjunction. `periods`: the sorted spans
 * that count as no words (placement.ts farFigure adds a sentence's changes and bases after the name).
 */
export function closeEnough(s: string, name: { start: number; end: number }, f: Figure, periods: Array<{ start: number; end: number }>): boolean {
  const [from, to] = f.start >= name.end ? [name.end, f.start] : [f.end, name.start];
  // The period phrases that meet [from, to) become spaces (in text order, apart): a binary search
  // and one pass over the gap.
  const pieces: string[] = [];
  let at = from;
  for (let k = firstIndex(periods.length, (i) => periods[i].end > from); k < periods.length && periods[k].start < to; k++) {
    const a = Math.max(at, periods[k].start);
    const b = Math.min(to, periods[k].end);
    if (b <= a) continue;
    pieces.push(s.slice(at, a), ' '.repeat(b - a));
    at = b;
  }
  pieces.push(s.slice(at, Math.max(at, to)));
  work.steps += Math.max(0, to - from);
  const gap = pieces.join('');
  if (/[“”"]/.test(gap)) return false;
  // After the name, its tails are no gap words: the base of a rate ("trên tổng số hồ sơ thủ tục
  // hành chính") and the scope "của cả nước", "trên cả nước", "toàn quốc".
  if (f.start >= name.end) return tokenize(gap.replace(NAME_TAILS, ' ')).length <= MAX_GAP_WORDS;
  // Before the name, the scope of a rank is no word between ("xếp thứ 5/11 tại Đông Nam Á về …").
  const words = tokenize(gap.replace(RANK_SCOPE, ' '));
  return words.length <= MAX_GAP_BEFORE && !words.some((w) => CONJUNCTIONS.has(w.folded));
}

/** A plain number outside the entry's range (a level, not a change). */
const offScale = (ind: Indicator, f: Figure): boolean => !!ind.range && !f.change && (f.value < ind.range[0] || f.value > ind.range[1]);

/** Whether a figure can be a value of the indicator (by unit class). */
/** A rank of a regional ranking written out of more units than the region's ("9 trong 17" for ASEAN's 1–10: a wider group's rank). */
const outOfMore = (ind: Indicator, range: [number, number], f: Figure): boolean => ind.scope === 'asean' && f.denominator !== undefined && !f.change && f.denominator > range[1];

export function fits(ind: Indicator, f: Figure): boolean {
  const change = !!f.change;
  // A rank ("xếp hạng 37/110") is the value of a rank only, whatever unit the indicator counts in (Mbps).
  if (f.kind === 'rank' && ind.unitClass !== 'rank' && ind.measure !== 'rank') return false;
  // A rate per population ("21,5 thuê bao/100 dân") is the value of a ratio only, never of the count it divides.
  if (f.role === 'rate' && ind.measure !== 'ratio') return false;
  // "top 5 địa phương", "tốp 10" is the size of a leading group, no position: no rank's value.
  if (f.kind === 'rank' && /^t[oố]p(?![\p{L}])/iu.test(f.raw)) return false;
  // A level on a scale ("cấp độ 6/10") is the value of a scale only, never of a rank or a score.
  if (f.role === 'scale') return SCALE_UNIT.test(foldKey(ind.unit ?? ''));
  // A count names what it counts ("356.914 thành viên"): the noun must be the indicator's unit or a
  // word of its names, else it counts something else ("lập 76.905 tổ … với 356.914 thành viên").
  if (ind.unitClass === 'count' && f.unitClass === 'count' && f.unit && !f.change && !countedNounFits(ind, f.unit, f)) return false;
  switch (ind.unitClass) {
    case 'percent':
      return f.kind === 'percent' || f.kind === 'fraction' || f.unitClass === 'points' || f.unitClass === 'percent';
    case 'count':
      return f.kind === 'fraction' || (f.kind === 'number' && (f.unitClass === 'count' || (f.unitClass === 'none' && !f.unit))) || (change && f.unitClass === 'percent');
    case 'currency':
      return f.unitClass === 'currency' || (change && f.unitClass === 'percent');
    case 'rank':
      // A bare number is a rank only when whole ("đứng thứ 3", not the score "0,8340"); a place within the entry's range (71st is no ASEAN rank of 11).
      // (and out of no more than the entry ranks: "thứ 9 trong 17 nền kinh tế" is no ASEAN rank of 10, reading.md §55.1)
      return (f.kind === 'rank' || f.unitClass === 'rank' || (f.kind === 'number' && f.unitClass === 'none' && !f.unit && f.decimals === 0)) && (!ind.range || (f.value >= ind.range[0] && f.value <= ind.range[1] && !outOfMore(ind, ind.range, f)));
    case 'index':
      // A number off the entry's scale is no score of it ("Nguồn nhân lực và nghiên cứu: 73", a place, for a 0–1 index; reading.md §48).
      return (f.kind === 'number' ? (f.unitClass === 'none' || f.unit === 'điểm') && !offScale(ind, f) : scoreOnItsScale(ind, f)) && (!f.unit || f.unit === 'điểm');
    default:
      // Class percent-change-of-a-measure (round 16): "tốc độ Internet di động … tăng 35,5%" is no value in Mbps.
      return !(ind.unitClass === 'none' && change && f.unitClass === 'percent' && !!ind.unit && !ind.unit.includes('%'));
  }
}

/**
 * A score written over the top of its scale ("điểm GCI … đạt 94,59/100", "đạt 20/20 điểm"): a
 * fraction whose denominator is the entry's range maximum, the numerator within it. Any other
 * fraction of an index ("4/11") is a rank or a part, no score.
 */
export function scoreOnItsScale(ind: Indicator, f: Figure): boolean {
  const top = ind.range?.[1];
  return f.kind === 'fraction' && !f.change && top !== undefined && f.denominator === top && f.value >= (ind.range?.[0] ?? 0) && f.value <= top;
}

const SCALE_UNIT = /(?:^|[^a-z])(?:cap do|muc do)(?:[^a-z]|$)/;

/**
 * A rank written as a bare fraction after a name that says it is a rank ("xếp hạng chuyển đổi số cấp
 * tỉnh của Hà Nội chỉ là 24/63"): whole numbers, the position within the count, no noun counted.
 * `words`: the name as written. Without "hạng" in the name a bare "24/63" stays a part of a whole.
 */
export function rankWrittenAsFraction(ind: Indicator, words: string, f: Figure): boolean {
  if (ind.unitClass !== 'rank' || f.kind !== 'fraction' || f.unit || f.change || f.decimals !== 0) return false;
  if (!/(?:^|[^a-z])(?:xep|thu) hang(?:[^a-z]|$)/.test(foldKey(words))) return false;
  return f.denominator !== undefined && Number.isInteger(f.value) && f.value >= 1 && f.value <= f.denominator;
}

/**
 * Words that may follow a rank or a score written as a bare number ("đứng thứ 3 cả nước", "đạt 0,75
 * điểm", "… là 5, tăng 2 bậc", "xếp hạng 38 thế giới"): any other word after it is the noun the number
 * counts ("DTI cấp tỉnh có 8 chỉ số chính", "gồm 12 chỉ số", "3 trụ cột").
 */
const AFTER_RANK_OR_SCORE = new Set([
  'va', 'hoac', 'con', 'nhung', 'song', 'so', 'voi', 'trong', 'tren', 'tai', 'cua', 'o', 've', 'la', 'tu', 'den', 'sau', 'truoc', 'khi',
  'nam', 'thang', 'quy', 'ky', 'dot', 'lan', 'diem', 'bac', 'hang', 'the', 'gioi', 'toan', 'cau', 'ca', 'nuoc', 'khu', 'vuc', 'chau', 'dong',
  'a', 'asean', 'tang', 'giam', 'dat', 'len', 'xuong', 'lien', 'tiep', 'cao', 'thap', 'nhat', 'tro', 'thanh', 'vuot',
  'theo', 'cung', 'giu', 'dung', 'xep', 'thu', 'vi', 'tri',
]);

/**
 * A bare whole number followed by a noun counts that noun ("DTI cấp tỉnh có 8 chỉ số chính với 47 chỉ
 * số thành phần"): it is no rank and no score, whatever name is near it. `text`: the figure's part as
 * the detector reads it.
 */
export function countsANoun(text: string, f: Figure): boolean {
  if (f.kind !== 'number' || f.unit || f.change || f.decimals !== 0) return false;
  const next = /^[ \t]+([\p{L}\p{M}]+)/u.exec(text.slice(f.end, f.end + 40));
  return !!next && !AFTER_RANK_OR_SCORE.has(foldKey(next[1]));
}

/** Whether `noun` (a count figure's unit, of `f`) is what `ind` counts: its unit ("36/63 địa phương" for "tỉnh, thành phố"), or words of its names. */
export function countedNounFits(ind: Indicator, noun: string, f?: Figure): boolean {
  const n = foldKey(noun).replace(/[^a-z0-9]+/g, ' ').trim();
  if (!n) return true;
  const words = (x: string) => ` ${foldKey(x).replace(/[^a-z0-9]+/g, ' ').trim()} `;
  const unit = words(ind.unit ?? '').trim();
  if (unit && (` ${n} `.startsWith(` ${unit} `) || ` ${unit} `.startsWith(` ${n} `) || provinceNouns(n, unit, f))) return true;
  return [ind.name, ...(ind.aliases ?? []), ind.denominatorOf ?? ''].some((l) => words(l).includes(` ${n} `));
}

/** A word of forecast or expectation: what follows is not yet a value ("dự kiến … sẽ đạt 68.457 trạm"); in a name's words after its figure too ("Trên 90% người dân sẽ có …": class forecast-in-name, round 16, detect.ts); a scenario ("nâng kịch bản tăng trưởng … cả năm lên 25,5%": reading.md §23.1). */
export const FORECAST = /(?:^|[^\p{L}])(?:dự kiến|dự báo|kỳ vọng|kịch bản|sẽ)(?![\p{L}])/iu;

/**
 * Whether a figure is a forecast: a forecast word after the previous figure of the sentence, within
 * the figure's clause or the clause before it (`clauseFrom`: that clause's start; "Dự kiến đến cuối
 * năm 2025, số trạm 5G sẽ đạt …"). A forecast is no value of the period it names; the detector lists it.
 */
export function forecast(s: string, figs: Figure[], i: number, clauseFrom: number): boolean {
  // "dự báo doanh thu quý IV/2020 tăng khoảng 20% và quy mô … ước đạt 12 tỷ USD": a figure joined by
  // "và" to a forecast figure is the forecast's too, unless the words say it was reached (reading.md §33.1).
  for (let k = i; k >= 0; k--) {
    const from = Math.max(clauseFrom, k > 0 ? figs[k - 1].end : 0);
    const between = s.slice(from, figs[k].start);
    work.steps += between.length;
    if (FORECAST.test(between)) return true;
    if (k === 0 || figs[k - 1].end < clauseFrom || !AND_NOT_REACHED.test(between)) return false;
  }
  return false;
}

/** Words after a figure joining the next to it with "và", with no word of a value reached ("đã", "thực tế", "nhưng"). */
const AND_NOT_REACHED = /^[\s,]*và(?=\s)(?![^]*[^\p{L}](?:đã|thực tế|nhưng|song)(?![\p{L}]))/iu;

/** A bare number that may be a year or a document number rather than a figure. */
export function documentLike(s: string, f: Figure): ReturnType<typeof msg> | null {
  const bare = f.kind === 'number' && !f.unit && !f.qualifier && !f.change && f.decimals === 0;
  if (!bare) return null;
  if (Number.isInteger(f.value) && f.value >= 1900 && f.value <= 2199 && !/\D/.test(f.numeral)) return msg(`"${f.raw}" có thể là một năm, không phải số liệu.`, `"${f.raw}" may be a year rather than a figure.`);
  if (DOCUMENT_WORDS.test(s.slice(Math.max(0, f.start - 30), f.start))) return msg(`"${f.raw}" có thể là số hiệu văn bản, không phải số liệu.`, `"${f.raw}" may be a document number rather than a figure.`);
  return null;
}

/**
 * A sentence that measures a province's economy ("GRDP": "Kinh tế số chiếm 11,34% GRDP của tỉnh, trong
 * đó … kinh tế số ngành, lĩnh vực 3,92%") gives no value of a national entry: only an entry "cấp tỉnh"
 * may take its figures. The message listing the mark, else null.
 */
export function provincialEconomy(sentence: string, ind: Indicator, f: Figure): ReturnType<typeof msg> | null {
  if (!/(?<![\p{L}])GRDP(?![\p{L}])/u.test(sentence)) return null;
  if ([ind.name, ...(ind.aliases ?? [])].some((l) => / cap tinh(?:[^a-z]|$)/.test(` ${foldKey(l)}`))) return null;
  return msg(
    `Câu nói về GRDP của một tỉnh: "${f.raw}" là số liệu của tỉnh, không phải của chỉ tiêu quốc gia "${ind.name}": chưa đánh dấu.`,
    `The sentence speaks of a province's GRDP: "${f.raw}" is the province's figure, not one of the national indicator "${ind.name}": left unmarked.`,
  );
}

/**
 * Whether the bound figure is another's than one unit's value of the indicator, by its sentence: an
 * average over units, a qualified figure (qualified.ts), another source's estimate, a province's GRDP share (the reason and message
 * listing it), else null.
 */
export function whoseFigure(
  text: string,
  catalog: Catalog,
  unit: ProseUnit,
  reading: UnitReading,
  n: { part: number; cand: { start: number; end: number }; indicator: Indicator },
  b: Bound,
  f: Figure,
): { reason: 'figure-role' | 'other-source' | 'figure-does-not-fit'; message: ReturnType<typeof msg> } | null {
  const average = b.part === n.part ? averageOfUnits(reading.texts[b.part], n.cand, f, n.indicator) : null;
  if (average) return { reason: 'figure-role', message: average };
  // A province's own report: a national rate or count is the province's (own-report.ts, reading.md §23.2),
  // unless its paragraph so far names the nation ("… đưa Việt Nam lên hạng 92 … . Trong 5 năm đó, … tỷ lệ …"), or the name's own words do ("… của cả nước", blanked in texts: §81.2).
  const own = ownReportFigure(text, unit.table ? unit.parts[n.part].text : `${paragraphBefore(text, unit.start)}${reading.texts[0]} ${unit.parts[n.part].text.slice(n.cand.start, n.cand.end)}`, n.indicator, f);
  if (own) return { reason: 'figure-does-not-fit', message: own };
  if (unit.table) return null;
  const qualified = qualifiedFigure(reading.texts[b.part], 0, f, n.indicator, roleOf(reading, b));
  if (qualified) return { reason: 'figure-role', message: qualified };
  const plain = unit.parts[b.part].text;
  const notValue = notTheValue(plain, f, n.indicator, unit.parts[n.part].text.slice(n.cand.start, n.cand.end));
  if (notValue) return { reason: 'figure-role', message: notValue };
  // "77% người dùng Internet, …, đã mua hàng trực tuyến": the share of the rate's population who do another thing (share-who.ts).
  const who = b.part === n.part ? shareWho(plain, f, n.cand, n.indicator) : null;
  if (who) return { reason: 'figure-role', message: who };
  // "giá trị giao dịch qua mã QR tăng 150%": the value's change, no count's growth (value-head.ts).
  const value = valueHeadFigure(unit.parts[n.part].text, n.cand.start, n.indicator, f);
  if (value) return { reason: 'figure-role', message: value };
  // The detector reads the part with names blanked: a bare number before a name counts that name.
  if ((n.indicator.unitClass === 'rank' || n.indicator.measure === 'rank') && countsANoun(unit.parts[b.part].text, f))
    return { reason: 'figure-role', message: msg(`"${f.raw}" đếm danh từ viết ngay sau, không phải thứ hạng: chưa đánh dấu.`, `"${f.raw}" counts the noun right after it, no rank: left unmarked.`) };
  const sentence = sentenceFrom(text, unit.start, reading.texts[0]);
  const source = otherSource(sentence, catalog, f, n.indicator) ?? otherPublisher(unit.parts[n.part].text, n.cand.end, n.indicator, f, catalog);
  if (source) return { reason: 'other-source', message: source };
  const provincial = provincialEconomy(sentence, n.indicator, f) ?? (b.part === n.part ? provincialFigure(ownClauses(plain, reading, n.cand, f), n.indicator, f.raw) : null) ?? provinceSubject(sentence, n.indicator, f, b.part === 0 ? sentence.length - reading.texts[0].length + f.start : undefined) ?? provinceInName(unit.parts[n.part].text.slice(n.cand.start, n.cand.end), n.indicator, f) ?? provinceSection(text, unit.start, sentence, n.indicator, f) ?? otherThreshold(sentence, n.indicator, f) ?? provinceOpening(sentence, n.indicator, f, b.part === 0 ? sentence.length - reading.texts[0].length + f.start : undefined);
  return provincial ? { reason: 'figure-does-not-fit', message: provincial } : null;
}

/** The text of a name's clause through its figure's (either first), as written. */
export function ownClauses(plain: string, reading: UnitReading, name: { start: number; end: number }, f: Figure): string {
  const cs = reading.prose?.reading.clauses;
  if (!cs?.length) return plain;
  const from = cs[clauseAt(reading, Math.min(name.start, f.start))].start;
  const to = cs[clauseAt(reading, Math.max(name.end - 1, f.end - 1))].end;
  return plain.slice(from, to);
}

/** The sentence a unit belongs to, from its opening: a unit after ";" starts mid-sentence. */
export function sentenceFrom(text: string, unitStart: number, unitText: string): string {
  const before = paragraphBefore(text, unitStart);
  let from = 0;
  // A unit starts right after its sentence's stop (parse/sentences.ts): the text before it ends with the stop.
  for (const m of before.matchAll(/[.!?…](?:\s+|$)/g)) from = m.index! + m[0].length;
  return before.slice(from) + unitText;
}

const AVERAGE = /(?:^|[^a-z])(?:binh quan|trung binh)(?:[^a-z]|$)/;
/** A unit per population: "thuê bao/100 dân", "doanh nghiệp/1.000 dân". */
const PER_POPULATION = /\/\s*[\d.]+\s*(?:người\s+)?dân/u;

/**
 * An average over units ("Bình quân DTI cấp tỉnh năm 2023 là 0,6783 điểm", "giá trị DTI trung bình
 * đạt 0,6961 điểm"): "bình quân" or "trung bình" between the name and its figure, or in the few
 * words before the name, when the indicator's own names have no such word. Such a figure is no value
 * of one unit's entry: the message listing it, else null. `text`: the part; `name`: the name's span.
 */
export function averageOfUnits(text: string, name: { start: number; end: number }, f: Figure, ind: Indicator): ReturnType<typeof msg> | null {
  if ([ind.name, ...(ind.aliases ?? [])].some((l) => AVERAGE.test(foldKey(l)))) return null;
  // A rate per population is an average per inhabitant: "Mật độ thuê bao … bình quân đạt 91,9 thuê bao/100 dân" is the country's (round 31, reading.md §62).
  if (PER_POPULATION.test(ind.unit ?? '')) return null;
  const gap = f.start >= name.end ? text.slice(name.end, f.start) : text.slice(f.end, name.start);
  const before = text.slice(Math.max(0, name.start - 25), name.start);
  work.steps += gap.length + before.length;
  if (!AVERAGE.test(foldKey(gap)) && !AVERAGE.test(foldKey(before))) return null;
  return msg(
    `"${f.raw}" là số bình quân, không phải giá trị của một đơn vị theo chỉ tiêu "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is an average, not one unit's value of "${ind.name}": left unmarked.`,
  );
}

/** A target word right before a period phrase: the phrase dates the target, not what was reached. */
const TARGET_BEFORE = /(?:mục tiêu|kế hoạch(?!\s+và\s+đầu tư)|chỉ tiêu|phấn đấu|định hướng)[^.;,]{0,20}$/iu;

/** "từ năm 2018": the start of a span ("since"), not a period the paragraph speaks of. */
const SINCE_BEFORE = /(?:^|[^\p{L}])(?:từ|kể từ|bắt đầu từ)\s*$/iu;

/** "… trong khi năm 2022 xếp thứ 55/181": a contrast clause's own period, after a figure of the sentence's. */
const CONTRAST_BEFORE = /\d[^.;]*,\s*(?:trong khi|còn)(?:\s+(?:đó|vào))?\s*$/iu;

/** "… do ITU công bố ngày 12/9/2024", "công bố GCI 2024 ngày 12/9", "công bố vào tháng 9/2024": when a report was published. */
const RELEASE_BEFORE = /(?<!\p{L})(?:công bố|phát hành|ra mắt)(?:\s+[\p{L}\p{N}]+){0,3}?\s+(?:vào\s+)?(?:ngày\s*)?$/iu;

/**
 * Class told-aside (docs/reading.md §66): a period phrase of the paragraph that sets no period for the
 * sentences after it: the day or month the index's report was published, in the report's own year ("GCI 2024
 * do ITU công bố ngày 12/9/2024 …"; the figures told on are that edition's, which the report's period
 * dates), or the year of a contrast clause after a figure ("đứng thứ 59/193, trong khi năm 2022 xếp
 * thứ 55/181": 2022 is the other rank's).
 */
function toldAside(text: string, p: { start: number; code: string }, docPeriod: string): boolean {
  const before = text.slice(Math.max(0, p.start - 60), p.start);
  if (CONTRAST_BEFORE.test(before)) return true;
  const year = /^\d{4}$/.test(docPeriod) ? docPeriod : null;
  const day = /^(?:\d{4}|XXXX)-\d{2}(?:-\d{2})?$/.test(p.code); // (a day or a month: "công bố vào tháng 9/2024")
  return !!year && day && p.code.replace(/^XXXX/, year).startsWith(`${year}-`) && RELEASE_BEFORE.test(before);
}

/**
 * The period the paragraph speaks of, when a figure with no period phrase of its own would take the
 * report's `docPeriod` instead: the paragraph's first free phrase (no comparison base, no target's,
 * no "từ …" start of a span; a yearless one in the report's year) before the figure's sentence, if
 * its code is another ("Về hạ tầng, số liệu đến tháng 9/2023 cho thấy … Cả nước có 22,3 triệu thuê
 * bao"). `text` is the paragraph up to the figure's sentence.
 */
export function carriedPeriod(text: string, docPeriod: string): { raw: string; code: string } | null {
  work.steps += text.length;
  const first = readSentencePeriods(text).find((p, i, periods) => {
    const before = text.slice(Math.max(0, p.start - 40), p.start);
    if (movedFromBase(text, p, periods[i + 1])) return false; // (a move's base year, "từ hạng 15 năm 2022 lên hạng 11 năm 2023": moved-from.ts)
    // (a caption line ending with last year's value in brackets, "(năm 2023: 79%)", dates that bracket only: reading.md §45)
    return !p.comparison && !TARGET_BEFORE.test(before) && !SINCE_BEFORE.test(before) && !(/\(\s*$/.test(before) && /^\s*:[^()\n]{0,40}\)[ \t]*(?:\n|$)/.test(text.slice(p.end, p.end + 48))) && !toldAside(text, p, docPeriod);
  });
  if (!first) return null;
  const code = first.code.replace(/^XXXX/, docPeriod.slice(0, 4));
  return code !== docPeriod ? { raw: first.raw, code } : null;
}

/** The sentence's period would come from a date next to a cited document ("Quyết định … ngày 4/4/2022"). */
export function dateBesideDocument(unit: ProseUnit, text: string, periods: Array<{ code: string; comparison: boolean; start: number; end: number }>): ReturnType<typeof msg> | null {
  if (unit.table) return null;
  const first = periods.find((p) => !p.comparison);
  if (!first || !/^\d{4}-\d{2}-\d{2}$/.test(first.code)) return null;
  if (!DOCUMENT_CITATION.test(text)) return null;
  const raw = text.slice(first.start, first.end);
  return msg(
    `Câu có ngày "${raw}" cạnh một văn bản được trích dẫn: ngày đó sẽ thành kỳ của số liệu. Hãy tách câu trước khi đánh dấu.`,
    `The sentence has the date "${raw}" beside a cited document: it would become the figure's period. Split the sentence before marking.`,
  );
}

/**
 * Whether the noun the bound figure counts in the unmarked text ("356.914 thành viên": the noun may
 * be read as a name's words) is what `ind` counts (judge.ts countedNounFits).
 */
export function nounFits(ind: Indicator, reading: UnitReading, plainFigs: Figure[][], b: Bound): boolean {
  const f = reading.figs[b.part][b.fig];
  const plain = plainFigs[b.part]?.find((p) => p.numeralStart === f.numeralStart) ?? f;
  return ind.unitClass !== 'count' || plain.unitClass !== 'count' || !plain.unit || !!plain.change || countedNounFits(ind, plain.unit, plain);
}

/** The paragraph's text before `at` (from the last blank line; at most 2,000 characters). */
export function paragraphBefore(text: string, at: number): string {
  const from = Math.max(0, at - 2000);
  const blank = text.lastIndexOf('\n\n', at);
  const crlf = text.lastIndexOf('\n\r\n', at);
  return text.slice(Math.max(from, blank + 1, crlf + 1), at);
}

/**
 * A figure with no period phrase in its sentence would be dated by the report's period
 * (`docPeriod`), while an earlier sentence of its paragraph set another ("số liệu đến tháng 9/2023
 * … Cả nước có 22,3 triệu thuê bao"): the message listing it, else null.
 */
export function periodElsewhere(text: string, at: number, docPeriod: string, f: Figure): ReturnType<typeof msg> | null {
  const before = paragraphBefore(text, at);
  // The checker dates the figure by the paragraph's lead period (carry.ts): the mark is read so;
  // unless the lead says when the index's report was published ("được công bố vào tháng 9/2024"):
  // the month of a release is no period of the figures told on (told-aside, reading.md §66).
  const lead = paragraphCarry(before);
  if (lead && RELEASE_BEFORE.test(before.slice(Math.max(0, lead.start - 60), lead.start)))
    return msg(
      `"${f.raw}" sẽ mang kỳ "${before.slice(lead.start, lead.end)}" của câu trước, là lúc báo cáo được công bố, không phải kỳ của số liệu: chưa đánh dấu. Ghi kỳ vào câu này để đánh dấu.`,
      `"${f.raw}" would be dated by an earlier sentence's "${before.slice(lead.start, lead.end)}", when the report was published, not the figure's period: left unmarked. Write the period in this sentence to mark it.`,
    );
  if (lead) return null;
  const carried = carriedPeriod(before, docPeriod);
  if (!carried) return null;
  return msg(
    `"${f.raw}" không có cụm chỉ kỳ trong câu của nó nên sẽ mang kỳ của báo cáo (${docPeriod}), nhưng câu trước trong đoạn nêu "${carried.raw}": chưa đánh dấu. Ghi kỳ vào câu này để đánh dấu.`,
    `"${f.raw}" has no period phrase in its sentence, so the mark would date it by the report's period (${docPeriod}), while an earlier sentence of the paragraph says "${carried.raw}": left unmarked. Write the period in this sentence to mark it.`,
  );
}
