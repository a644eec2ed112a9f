/**
 * The ministry a figure of a series of ministries is about (the ministerial DTI: its rank, its score;
 * catalog/ministerial.ts): part of the history's key, as the province is for a series of provinces
 * (subject.ts), so that "Bộ Tài chính"'s rank for 2022 is compared only with Bộ Tài chính's earlier
 * statements, never with Bộ Tư pháp's (docs/history.md "Ministries in the history"). In this order:
 * 1. a "lần lượt" list ("Bộ Tài chính và Bộ TN&MT lần lượt đứng thứ 2 và 3"): the n-th ministry for
 *    the n-th figure (parse/subject-list.ts respectiveSubject);
 * 2. an item of a list, each ministry with its figure ("như sau: Bộ Tài chính thứ 1, Bộ Tư pháp thứ
 *    2"; "Bộ Y tế (thứ 15), …"): the item's ministry (parse/subject-list.ts itemSubject);
 * 3. the one ministry named in the figure's clause (a ministry's own commas, "Bộ Văn hóa, Thể thao
 *    và Du lịch", break no clause); a figure in brackets is that of the words before them;
 * 4. else the one ministry the sentence names; else none (compared with nothing).
 * A ministry named as the source of the figures ("theo Bộ TT&TT", "Bộ TT&TT công bố …", "do Bộ
 * TT&TT đánh giá") is no subject. Names are read by ministries.ts. Pure.
 */
import { ministriesNamed, type NamedMinistry } from '../ministries';
import { itemSubject, respectiveSubject } from '../parse/subject-list';

const CLAUSE_BREAK = /[,;:()\n]/u;
const RESPECTIVELY = /(?:^|[^\p{L}])lần lượt(?![\p{L}])/iu;
/** Before a ministry that is the figures' source: "theo", "do", "bởi", "(theo) công bố/báo cáo của". */
const SOURCE_BEFORE = /(?:(?<![\p{L}])(?:theo|do|bởi)(?:\s+(?:công bố|báo cáo|đánh giá|số liệu|thống kê)(?:\s+của)?)?|(?:công bố|báo cáo|số liệu|thống kê) của)\s+$/iu;
/** After a ministry that is the figures' source: "công bố", "cho biết", "báo cáo" … */
const SOURCE_AFTER = /^\s*(?:(?:đã|vừa|mới|cũng)\s+)?(?:công bố|cho biết|báo cáo|thông tin|thông báo|ban hành|tổ chức|chủ trì)(?![\p{L}])/iu;

/** The ministries `s` names as subjects, not as the figures' source. */
export function subjectsNamed(s: string): NamedMinistry[] {
  return ministriesNamed(s).filter((m) => !SOURCE_BEFORE.test(s.slice(Math.max(0, m.at - 40), m.at)) && !SOURCE_AFTER.test(s.slice(m.end, m.end + 30)));
}

/**
 * The ministry of the figure at [from, to) of sentence `s` (its references and comments blanked,
 * history/subject.ts), see the module comment; undefined if none or not sure.
 */
export function ministryOfFigure(s: string, from: number, to: number): string | undefined {
  const named = subjectsNamed(s);
  if (!named.length || from < 0 || to > s.length) return undefined;
  const inSentence = new Set(named.map((m) => m.name));
  // (a figure before "lần lượt" is read by its clause: "Bộ KH&ĐT đạt 0,7 điểm, tiếp theo là … lần lượt …")
  if (inSentence.size > 1 && RESPECTIVELY.test(s) && from > RESPECTIVELY.exec(s)!.index) return respectiveSubject(s, from, named);
  const item = itemSubject(s, from, named);
  if (item) return item;
  // The figure's clause: from the break before it to the break after it, a ministry's own commas not breaks.
  const inName = (i: number): boolean => named.some((m) => m.at <= i && i < m.end);
  let a = from;
  while (a > 0 && !(CLAUSE_BREAK.test(s[a - 1]) && !inName(a - 1))) a--;
  let b = to;
  while (b < s.length && !(CLAUSE_BREAK.test(s[b]) && !inName(b))) b++;
  const inClause = new Set(named.filter((m) => m.at >= a && m.end <= b).map((m) => m.name));
  if (inClause.size === 1) {
    // The last of a list of ministries ("Bộ Tài chính, Bộ Tư pháp đạt trên 0,7"): the clause is not its own.
    if (inSentence.size > 1 && s[a - 1] === ',' && named.some((m) => m.end <= a - 1 && /^\s*$/.test(s.slice(m.end, a - 1)))) return undefined;
    return [...inClause][0];
  }
  if (inClause.size > 1) return undefined;
  // A figure in brackets is that of the words before them ("Bộ Y tế (thứ 15)").
  if (s[a - 1] === '(') {
    let p = a - 1;
    while (p > 0 && !(CLAUSE_BREAK.test(s[p - 1]) && !inName(p - 1))) p--;
    const inLead = new Set(named.filter((m) => m.at >= p && m.end <= a - 1).map((m) => m.name));
    if (inLead.size) return inLead.size === 1 ? [...inLead][0] : undefined;
  }
  return inSentence.size === 1 ? [...inSentence][0] : undefined;
}
