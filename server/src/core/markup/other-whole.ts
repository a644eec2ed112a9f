/**
 * Round 22 (neg22; docs/reading.md §24): figures a name binds that measure another whole or another
 * unit. One hook in other-measure.ts otherMeasure; each refusal is listed `figure-role` with its reason.
 *
 * - share-of-named-whole: "Sản xuất sản phẩm điện tử … chiếm hơn 30% giá trị tăng thêm của kinh tế
 *   số": a percent right after "chiếm", the entry's name right after it, is the share the clause's
 *   subject takes OF the named whole, never the entry's value. Not when the name is written before
 *   "chiếm" ("kinh tế số chiếm 12,33% GDP"), nor for a share entry "X trong Y" whose whole Y the
 *   written name says ("… chiếm 9% tổng mức bán lẻ" of the share in retail sales).
 * - income-group-rank: a place within a group of countries by income ("Trong nhóm thu nhập trung
 *   bình thấp, Việt Nam giữ vị trí thứ 2"; "đứng thứ 2 trong nhóm các nước thu nhập trung bình
 *   thấp") is no place in the ranking of all countries; an entry whose names say the group keeps it.
 * - country-before-rank: another country written right before a rank ("Năm nước … đứng trên Việt Nam
 *   là Trung Quốc hạng 11, Malaysia hạng 33") owns it, even in a clause that named Việt Nam first
 *   (other-measure.ts countryValue leaves such a clause alone).
 * - value-head-of-name (round 27, held31; docs/reading.md §44): "tổng giá trị hàng hóa giao dịch
 *   (GMV) của nền [[kinh tế số]] … 23 tỷ USD": "giá trị" or "GMV", then "của (nền)" right before
 *   the name, is the value of the goods traded in it, another measure than an entry whose names do not
 *   say "giá trị" (a revenue, a count).
 * - topic-after-figure (round 27, held31): "Việt Nam xếp thứ 30 về chất lượng Internet, 57 về cơ sở
 *   [[hạ tầng viễn thông]] và 63 về chính phủ điện tử": a figure with no unit right before "về <words>"
 *   is the place of that topic, never of a name written before the figure (not "về tổng thể", nor a topic
 *   the entry's own names hold: "[[Internet di động]] … lên thứ 43/138 về tốc độ"; "về số lượng/giá trị",
 *   the measure of a change, is qualified.ts's).
 * Pure: the unmarked text, the name's span, the figure, the entry.
 */
import { foldKey } from '../catalog/catalog';
import { msg } from '../i18n';
import type { Figure } from '../types';
import { foreignCountry } from '../parse/family-carry';
import { namesSay } from './entry-words';
import type { ClassInput } from './fronted';

type Message = ReturnType<typeof msg>;

/** "chiếm" (with a hedge) right before the figure. */
const TAKES_BEFORE = /(?:^|[^\p{L}])chiếm(?:\s+(?:khoảng|gần|hơn|trên|tới|đến|xấp xỉ))?\s*$/iu;
/** A share entry's whole: "Tỷ trọng X trong Y", "Tỷ lệ X trên Y". */
const WHOLE_OF_SHARE = /(?:^|[^\p{L}])(?:trong|trên)\s+(.+)$/iu;

/** Class share-of-named-whole: "chiếm N% (tổng) [[name]]", the name the whole, not the part. */
function shareOfNamedWhole(x: ClassInput, f: Figure): Message | null {
  if (!x.name || x.name.start < f.end || f.unit !== '%' || f.change) return null;
  if (!/^\s*(?:tổng\s*)?$/iu.test(x.plain.slice(f.end, x.name.start)) || !TAKES_BEFORE.test(x.plain.slice(Math.max(0, f.start - 24), f.start))) return null;
  const ind = x.indicator;
  const whole = WHOLE_OF_SHARE.exec(ind.name)?.[1];
  if (whole && ` ${foldKey(x.plain.slice(x.name.start, x.name.end))} `.includes(` ${foldKey(whole)} `)) return null;
  return msg(
    `"chiếm ${f.raw}" là phần mà chủ ngữ của vế câu chiếm trong "${x.plain.slice(x.name.start, x.name.end)}", không phải giá trị của "${ind.name}": chưa đánh dấu.`,
    `"chiếm ${f.raw}" is the share the clause's subject takes of "${x.plain.slice(x.name.start, x.name.end)}", no value of "${ind.name}": left unmarked.`,
  );
}

/** A group of countries by income: "nhóm (các) nước/quốc gia/nền kinh tế (có) thu nhập …", "nhóm thu nhập …". */
const INCOME_GROUP = /(?<![\p{L}])nhóm\s+(?:(?:\d+\s+)?(?:các\s+)?(?:nước|quốc gia|nền kinh tế)\s+)?(?:có\s+)?thu nhập(?:\s+(?:trung bình|thấp|cao))*(?![\p{L}])/iu;

/** Class income-group-rank: the group opening the sentence, or in the rank's clause after it. */
function incomeGroupRank(x: ClassInput, f: Figure, sentence: string): Message | null {
  const ind = x.indicator;
  if (!(ind.measure === 'rank' || ind.unitClass === 'rank') && f.kind !== 'rank') return null;
  if ([ind.name, ...(ind.aliases ?? [])].some((l) => / thu nhap /.test(` ${foldKey(l)} `))) return null;
  const fronted = /^\s*(?:trong|ở|tại|với|giữa)\s+/iu.test(sentence) ? INCOME_GROUP.exec(sentence.split(/[,:]/)[0]) : null;
  const after = /^[^;,.]*/.exec(x.plain.slice(f.end, f.end + 120))![0];
  const m = fronted ?? INCOME_GROUP.exec(after);
  if (!m) return null;
  return msg(
    `"${f.raw}" là thứ hạng trong một nhóm nước ("${m[0]}"), không phải thứ hạng chung của "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is a place within a group of countries ("${m[0]}"), not the overall place of "${ind.name}": left unmarked.`,
  );
}

/** A name written with capitals right before the figure (the figure's own words: "hạng 11", "xếp hạng 39"). */
const COUNTRY_RIGHT_BEFORE = /(?<![\p{L}])(\p{Lu}[\p{L}\p{M}]*(?:\s+\p{Lu}[\p{L}\p{M}]*){0,3})\s*(?:\(\s*)?$/u;

/** Class country-before-rank: another country right before a rank. */
function countryBeforeRank(x: ClassInput, f: Figure): Message | null {
  const ind = x.indicator;
  if (!(ind.measure === 'rank' || ind.unitClass === 'rank') && f.kind !== 'rank') return null;
  const m = COUNTRY_RIGHT_BEFORE.exec(x.plain.slice(Math.max(0, f.start - 40), f.start));
  if (!m) return null;
  const country = m[1].normalize('NFC').toLowerCase();
  if (!foreignCountry(country) || [ind.name, ...(ind.aliases ?? [])].some((l) => ` ${foldKey(l)} `.includes(` ${foldKey(country)} `))) return null;
  return msg(
    `"${f.raw}" là thứ hạng của ${m[1]} (viết ngay trước), không phải của Việt Nam theo chỉ tiêu "${ind.name}": chưa đánh dấu.`,
    `"${f.raw}" is ${m[1]}'s place (written right before it), not Việt Nam's "${ind.name}": left unmarked.`,
  );
}

/** "giá trị …" or "GMV …", then "của (nền)", ending right before the name (a bracket aside allowed). */
const VALUE_OF_BEFORE = /(?<![\p{L}])(giá trị|GMV)(?![\p{L}])[^,;:.]{0,60}?\s(?:của\s+)(?:nền\s+)?$/iu;

/** Class value-head-of-name: the value of the goods traded in the name's subject, no value of an entry not saying "giá trị". */
function valueHeadOfName(x: ClassInput, f: Figure): Message | null {
  const ind = x.indicator;
  const m = x.name ? VALUE_OF_BEFORE.exec(x.plain.slice(Math.max(0, x.name.start - 90), x.name.start)) : null;
  return m && !namesSay(ind, 'giá trị') ? ofWords(f, m[0], ind.name) : null;
}


/** The figure is the one of `words` (the words around it that say another measure or topic), not `name`'s. */
function ofWords(f: Figure, words: string, name: string): Message {
  return msg(`"${f.raw}" là số của "${words.trim()}", không phải "${name}": chưa đánh dấu.`, `"${f.raw}" is the figure of "${words.trim()}", not "${name}": left unmarked.`);
}

/** "về" and a topic right after a figure ("63 về chính phủ điện tử"); not the measure of a change. */
const TOPIC_AFTER = /^\s*về\s+(?!(?:số lượng|giá trị|tổng thể)(?![\p{L}]))[\p{L}]+(?:\s+[\p{L}]+){0,5}/iu;

/** Class topic-after-figure: a name before a figure that "về <topic>" follows. */
function topicAfterFigure(x: ClassInput, f: Figure): Message | null {
  const m = x.name && x.name.end <= f.start && f.unit === null ? TOPIC_AFTER.exec(x.plain.slice(f.end, f.end + 80)) : null;
  return m && !foldKey(m[0].trim().slice(2)).trim().split(/\s+/).every((w) => namesSay(x.indicator, w)) ? ofWords(f, m[0], x.indicator.name) : null; // ("[[Internet di động]] … lên thứ 43/138 về tốc độ": the entry's own words)
}

/** Why the bound figure measures, by one of round 22's classes, another whole or unit (`sentence`: its sentence up to the name). */
export function otherWhole(x: ClassInput, f: Figure, sentence: string): Message | null {
  return shareOfNamedWhole(x, f) ?? incomeGroupRank(x, f, sentence) ?? countryBeforeRank(x, f) ?? valueHeadOfName(x, f) ?? topicAfterFigure(x, f);
}
