/**
 * Lists of names before their figures (issue #13, round 16): "các chỉ số nhận thức số, hạ tầng số,
 * nhân lực số và an toàn thông tin mạng lần lượt đạt 0,9500, 0,6823, 0,6794 và 0,6423". The names
 * (catalog names, aliases, subjects: any the detector found) are written one after another with
 * nothing but "," or "và" between them and "lần lượt" after them (without it a comma may close a
 * topic, "Về hạ tầng số, tốc độ … đạt 71,79 Mbps", no list); the checker's binder pairs them
 * with the figures after the list in order ("lần lượt") when there are as many of each. Such names
 * form a list as the members of an index do (member-lists.ts MemberList): settleLists keeps it when
 * the binder gives every name a figure of its own after the list (or one shared, "đều"), and each
 * name's figure is then measured from the list's end (memberFar), not from its own words.
 *
 * The pairing holds only when every name of the list is marked: a name left unmarked takes its
 * figure out of the pairing, and the binder gives the marked ones the first figure each. So when a
 * paired list's names are not all marked, none is (pairedMarks): each is listed `far-figure`. Pure.
 */
import type { Indicator } from '../catalog/types';
import { msg } from '../i18n';
import type { MemberList, Named } from './names';
import type { ProseUnit } from './prose';
import type { AmbiguousCase, Mention } from './types';

/**
 * "lần lượt" after a list, before any figure ("… và an toàn thông tin mạng lần lượt đạt 0,95, …"); a
 * year after "năm" is no figure ("…, xã hội số, thứ hạng năm 2020 của tỉnh lần lượt là 22, 9 và 13":
 * round 22, reading.md §23.5).
 */
const RESPECTIVELY = /^(?:[^\d.;:!?()]|(?<=năm\s)\d{4}(?!\d)){0,40}?(?<![\p{L}])(?:lần\s+lượt|tương\s+ứng)(?![\p{L}])/u;
/** What may stand between two names of a list. */
export const BETWEEN = /^\s*(?:,\s*(?:và\s+)?|và\s+|;\s*)$/u;

/**
 * Groups the names of the unit's first part (not a table row) written one after another, by
 * separators only, into lists of two or more; names already in a list (member-lists.ts) are left.
 */
export function groupNameLists(unit: ProseUnit, named: Named[]): void {
  if (unit.table) return;
  const text = unit.parts[0].text;
  const own = named.filter((n) => n.part === 0).sort((a, b) => a.cand.start - b.cand.start);
  let run: Named[] = [];
  const close = () => {
    if (run.length > 1 && RESPECTIVELY.test(text.slice(run[run.length - 1].cand.end))) {
      const list: MemberList = { members: run, end: run[run.length - 1].cand.end };
      for (const n of run) n.list = list;
    }
    run = [];
  };
  for (const n of own) {
    const prev = run[run.length - 1];
    if (n.list) close();
    else if (prev && prev.cand.end <= n.cand.start && BETWEEN.test(text.slice(prev.cand.end, n.cand.start))) run.push(n);
    else {
      close();
      run = [n];
    }
  }
  close();
}

/**
 * The marks of a unit with its paired lists kept whole: a list whose figures are its names' own, one
 * each (settleLists), and some of whose names are not marked, has none of its names marked; each
 * marked one is listed instead (`far-figure`).
 */
export function pairedMarks(unit: ProseUnit, named: Named[], marks: Map<Indicator, Mention>, caseOf: (n: Named, figure: string, message: AmbiguousCase['message']) => AmbiguousCase): AmbiguousCase[] {
  const out: AmbiguousCase[] = [];
  const lists = new Set(named.map((n) => n.list).filter((l): l is MemberList => !!l && !!l.ok && !l.shared));
  for (const list of lists) {
    const marked = list.members.map((m) => {
      const [start, end] = [unit.parts[m.part].start + m.cand.start, unit.parts[m.part].start + m.cand.end];
      return [...marks.values()].find((x) => x.start < end && start < x.end);
    });
    if (marked.every(Boolean) || !marked.some(Boolean)) continue;
    list.members.forEach((m, k) => {
      const mention = marked[k];
      if (!mention) return;
      marks.delete(mention.indicator);
      const figure = mention.figure?.raw ?? '';
      out.push(caseOf(m, figure, msg(
        `"${figure}" là số liệu thứ ${k + 1} trong dãy "lần lượt" của ${list.members.length} tên, nhưng không phải tên nào cũng đánh dấu được: chưa đánh dấu (một tên không đánh dấu sẽ làm lệch cách ghép số liệu).`,
        `"${figure}" is figure ${k + 1} of a "respectively" run of ${list.members.length} names, but not every name can be marked: left unmarked (an unmarked name would shift the pairing).`,
      )));
    });
  }
  return out;
}
