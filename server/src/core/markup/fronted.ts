/**
 * False marks by class, round 14 (issue 13; docs/accuracy.md "False-mark
 * classes"): words written around a figure, often fronted before its clause, that make it no
 * value of the entry a name would bind it to, or no value of the period the checker would give it.
 * One hook in classes.ts falseByClass; each refusal is listed `figure-role` with its reason.
 *
 * - a rate per population: "Tính trên 1.000 dân, cả nước có 0,63 doanh nghiệp", "Cứ 100 dân có 4,5
 *   thuê bao": a count entry's figure that is a rate (the reader reads "0,69 doanh nghiệp trên
 *   1.000 dân" written after the figure; fronted, it was a count);
 * - an aspect opening the sentence: "Xét về hiệu quả đổi mới sáng tạo, Việt Nam xếp thứ 9": a rank
 *   or score of that aspect, no value of an index whose names do not say it (unless the sentence
 *   writes a name of the entry after the aspect);
 * - a "khi" clause dated by the phrase before it: "So với năm 2021, khi Việt Nam đứng thứ 62/160, …"
 *   is the rank of 2021: a figure the checker would date otherwise is listed;
 * - a year written right after the name: "xếp Việt Nam thứ 81/152 về IDI năm 2010" (in an edition
 *   of 2011) is the figure of 2010: a figure the checker would date otherwise is listed.
 * Pure: the figure's part as written, the sentence before it, the entry, the period it would get.
 */
import { foldKey } from '../catalog/catalog';
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import { aspectOpening } from '../parse/aspect';
import type { Figure } from '../types';

type Message = ReturnType<typeof msg>;

/** What these classes read of classes.ts ClassInput (the figure's part as written, the name's span, the entry, the sentence before, the period). */
export interface ClassInput {
  plain: string;
  name: { start: number; end: number } | null;
  indicator: Indicator;
  before?: string;
  period?: string;
}

const words = (s: string): string => ` ${foldKey(s).replace(/[^a-z0-9]+/g, ' ').trim()} `;
/** An entry's names, aliases and abbreviations as folded words, padded. */
const namesOf = (ind: Indicator): string[] => [ind.name, ...(ind.aliases ?? []), ...(ind.abbreviations ?? [])].map(words);

/** A per-population base: "(tính) trên 1.000 (người) dân", "cứ/mỗi 100 dân", "bình quân 1.000 dân". */
const PER_PEOPLE = /(?<![\p{L}])(?:(?:tính\s+)?(?:trên|cứ|mỗi|bình quân)\s+(?:mỗi\s+)?(?:100|1\.000|10\.000|100\.000|1 triệu)\s+(?:người\s+)?dân)(?![\p{L}])/iu;
/** The end of a clause (a comma, a break) in the words after a figure. */
const CLAUSE_END = /[,;:!?]|\.(?!\d)/;

/** Class 9: a rate per population written apart from its figure (a fronted "Tính trên 1.000 dân,"). */
function ratePerPeople(x: ClassInput, f: Figure, sentence: string): Message | null {
  const ind = x.indicator;
  if (ind.unitClass !== 'count' || namesOf(ind).some((n) => n.includes(' dan ')) || / dan /.test(words(ind.unit ?? ''))) return null;
  const after = x.plain.slice(f.end);
  const cut = CLAUSE_END.exec(after);
  // Fronted: at the sentence's or a clause's opening, not right after another figure ("25 thuê bao trên 100 dân").
  const fronted = PER_PEOPLE.exec(sentence);
  const m = (fronted && /(?:^|[,;:(])\s*$/u.test(sentence.slice(0, fronted.index)) ? fronted : null) ?? PER_PEOPLE.exec(cut ? after.slice(0, cut.index) : after);
  if (!m) return null;
  return msg(
    `"${f.raw}" là một tỷ lệ theo dân số ("${m[0].trim()}"), không phải số lượng mà "${ind.name}" đếm: chưa đánh dấu.`,
    `"${f.raw}" is a rate per population ("${m[0].trim()}"), not the number "${ind.name}" counts: left unmarked.`,
  );
}

/** Class 10: a rank or score of an aspect the sentence opens with (parse/aspect.ts), for an entry whose names do not say it. */
function aspectRank(x: ClassInput, f: Figure, sentence: string): Message | null {
  const ind = x.indicator;
  if (ind.unitClass !== 'rank' && ind.unitClass !== 'index') return null;
  const a = aspectOpening(sentence);
  if (!a) return null;
  // A name of the entry written in the sentence after the aspect: the writer said what is ranked.
  if (x.name && x.name.end > x.name.start) return null;
  const aspect = words(a.aspect);
  if (namesOf(ind).some((n) => n.includes(aspect) || aspect.includes(n))) return null;
  return msg(
    `"${f.raw}" là thứ hạng hay điểm về "${a.aspect}" (câu mở bằng "${a.opening}"), không phải của "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is a rank or score of "${a.aspect}" (the sentence opens "${a.opening}"), not of "${ind.name}": left unmarked.`,
  );
}

/** "(So với / Từ / Vào / Hồi) năm Y, khi …" right before a figure, in the same clause of "khi". */
const WHEN_CLAUSE = /(?:^|[,;(]\s*|\s)(?:(?:so với|từ|vào|hồi|trong)\s+)?năm\s+(\d{4}),?\s+khi\s+[^,;:.()]*$/iu;

/** A year written right after the name: "[[X]] năm 2010", "[[X]] 2010" (not a date "2010/…"). */
const YEAR_AFTER_NAME = /^\s*(?:năm\s+)?(\d{4})(?![\d/.,]\d)/u;

/** Class 11: a figure whose own year is written beside it (a "khi" clause, a year after the name) that the checker would date otherwise. */
function ownYear(x: ClassInput, f: Figure, sentence: string): Message | null {
  if (!x.period) return null;
  const when = WHEN_CLAUSE.exec(sentence);
  const after = x.name && x.name.end > x.name.start ? YEAR_AFTER_NAME.exec(x.plain.slice(x.name.end)) : null;
  const year = when?.[1] ?? after?.[1];
  if (!year || x.period.startsWith(year)) return null;
  return msg(
    `"${f.raw}" là số liệu năm ${year} (viết ngay bên cạnh), nhưng sẽ được ghi cho kỳ ${x.period}: chưa đánh dấu.`,
    `"${f.raw}" is the figure of ${year} (written right beside it), but would be dated ${x.period}: left unmarked.`,
  );
}

/**
 * A part's head written before "trong" and the name (round 16, after round 15's tried class): "Giá
 * trị Việt Nam tạo ra trong doanh thu công nghiệp ICT …", "tỷ lệ giá trị Make in Viet Nam trong cơ
 * cấu doanh thu …": the figure is the value of that part, no value of the amount named. The head
 * opens a noun phrase of at most six words (no punctuation) that "trong" (with "cơ cấu", "tổng")
 * joins to the name.
 */
const PART_HEAD_BEFORE = /(?:^|[^\p{L}])(giá trị|phần|tỷ trọng|tỷ lệ)(?:\s+[^\s,;:.()]+){0,6}?\s+trong(?:\s+(?:cơ cấu|tổng))?\s*$/iu;

/** A figure of a part ("giá trị … trong") of the amount or count named, not the whole's value. */
function partInside(x: ClassInput, f: Figure, sentence: string): Message | null {
  const ind = x.indicator;
  if ((ind.unitClass !== 'currency' && ind.unitClass !== 'count') || !x.name || x.name.end <= x.name.start || f.start < x.name.end) return null;
  const at = sentence.length - (f.start - x.name.start);
  const m = at >= 0 ? PART_HEAD_BEFORE.exec(sentence.slice(0, at)) : null;
  if (!m) return null;
  return msg(
    `"${f.raw}" là số liệu của một phần ("${m[1]} … trong") của "${ind.name}", không phải của cả: chưa đánh dấu.`,
    `"${f.raw}" is the figure of a part ("${m[1]} … trong") of "${ind.name}", not of the whole: left unmarked.`,
  );
}

/** Why the bound figure is, by one of this round's classes, no value of the entry (or of its period), else null. */
export function frontedClass(x: ClassInput, f: Figure): Message | null {
  // The sentence up to the figure (a part after ";" keeps its sentence's opening).
  const upTo = (x.before ?? '') + x.plain.slice(0, f.start);
  let from = 0;
  for (const m of upTo.matchAll(/[.!?](?!\d)\s+/g)) from = m.index! + m[0].length;
  const sentence = upTo.slice(from);
  return ratePerPeople(x, f, sentence) ?? aspectRank(x, f, sentence) ?? ownYear(x, f, sentence) ?? partInside(x, f, sentence);
}
