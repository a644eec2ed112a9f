/**
 * A sub-index written after its index (issue #13, round 16): "Bảng điểm DTI năm 2022 cho thấy chỉ
 * số chuyển đổi nhận thức của tỉnh đạt 0,9581". The sentence names the index ("DTI") and then one
 * of its main indices by its subject ("chỉ số chuyển đổi nhận thức", catalog/subjects.ts); the
 * binder gives both the figure after them. The figure scores the part the sentence names last: the
 * subject, when one of its entries is of the index's family (catalog `family`) and it stands after
 * the index's name and before the figure, owns the figure (nearestNames), and the index's name is left with
 * `figure-of-another-name`. A subject of another family (or written before the index) owns nothing
 * over a name, as before. Pure.
 *
 * Per bound figure, its owner: the one name of those bound to it that the figure is (detect.ts).
 */
import type { Catalog } from '../catalog/catalog';
import { abbreviationFamily } from '../catalog/family';
import type { Figure } from '../types';
import type { Bound, UnitReading } from './bind';
import { nounFits } from './judge';
import type { Named } from './names';
import { BETWEEN } from './name-lists';

const key = (b: Bound | null): string => (b ? `${b.part}:${b.fig}` : '');


/** Whether the subject name `sub` is a part of the index `name` names, written after it. */
export function subIndexOf(catalog: Catalog, sub: Named, name: Named): boolean {
  if (!sub.subject || name.subject || sub.part !== name.part || sub.cand.start < name.cand.end) return false;
  // The index's own entries (its rank, its score: "DTI" names the rank, whose members are the family's) and their family.
  const own = new Set([name.indicator, ...name.candidates, ...(abbreviationFamily(catalog, name.indicator) ?? []).map((e) => e.indicator)]);
  const families = new Set([...own].map((i) => i.family).filter(Boolean));
  // A subject that may be the index itself ("Ủy ban Quốc gia về chuyển đổi số": "chuyển đổi số" is also the DTI's subject) is no part of it.
  return !sub.subject.some((e) => own.has(e.indicator)) && sub.subject.some((e) => families.has(e.indicator.family));
}

/** Words that say one figure is several subjects' ("cùng xếp thứ 6/63", "đều đạt", "cũng"). */
const SAID_SHARED = /(?<![\p{L}])(?:cùng|đều|cũng|mỗi|đồng loạt)(?![\p{L}])/iu;

/** The owner of a figure several subjects are given and no name (no name of the unit). */
const CONTESTED = { part: -1 } as Named;

/** Per bound figure, the name nearest to it among those bound to it (its owner): a figure is one name's (a subject's only as said below). */
export function nearestNames(catalog: Catalog, named: Named[], bound: Array<Bound | null>, reading: UnitReading, plainFigs: Figure[][]): Map<string, Named> {
  const owner = new Map<string, Named>();
  // Characters between the name and its figure; a figure in another cell is farther than any in the name's.
  const distance = (n: Named, b: Bound): number => {
    const f = reading.figs[b.part][b.fig];
    if (b.part !== n.part) return 1e9 * Math.abs(b.part - n.part);
    return f.start >= n.cand.end ? f.start - n.cand.end : Math.max(0, n.cand.start - f.end);
  };
  named.forEach((n, i) => {
    const b = bound[i];
    // A name whose indicator counts another noun than the figure's owns nothing ("76.905 tổ … với 356.914 thành viên").
    if (!b || n.subject || !nounFits(n.indicator, reading, plainFigs, b)) return;
    const o = owner.get(key(b));
    if (!o || distance(n, b) < distance(o, bound[named.indexOf(o)]!)) owner.set(key(b), n);
  });
  // "DTI … chỉ số chuyển đổi nhận thức của tỉnh đạt 0,9581": a subject of the index's own family
  // after its name, nearer the figure, is the part of the index the figure scores.
  named.forEach((n, i) => {
    const b = bound[i];
    const o = b && n.subject ? owner.get(key(b)) : undefined;
    // (the figure after the subject: "DTI … xây dựng trên 3 trụ cột chính quyền số, …" counts pillars, no score)
    if (o && subIndexOf(catalog, n, o) && b!.part === n.part && reading.figs[b!.part][b!.fig].start >= n.cand.end && distance(n, b!) < distance(o, bound[named.indexOf(o)]!)) owner.set(key(b!), n);
  });
  // "Với Cần Thơ, nhận thức số, hạ tầng số đạt 0,9000 và 0,7233": subjects written one after another
  // (name-lists.ts BETWEEN) that the binder gives one figure no name owns, with no word saying it is
  // shared ("cùng", "đều": "kinh tế số và xã hội số cùng xếp thứ 6/63"): none surely owns it (CONTESTED).
  const subjects = new Map<string, Named[]>();
  named.forEach((n, i) => {
    const b = bound[i];
    if (b && b.part === n.part && n.subject && !n.list && !owner.has(key(b))) subjects.set(key(b), [...(subjects.get(key(b)) ?? []), n]);
  });
  for (const [k, ns] of subjects) {
    if (ns.length < 2) continue;
    const text = reading.texts[ns[0].part];
    const f = reading.figs[ns[0].part][bound[named.indexOf(ns[0])]!.fig];
    const last = ns[ns.length - 1];
    const adjacent = ns.every((n, j) => j === 0 || BETWEEN.test(text.slice(ns[j - 1].cand.end, n.cand.start)));
    if (adjacent && f.start >= last.cand.end && !SAID_SHARED.test(text.slice(last.cand.end, f.start))) owner.set(k, CONTESTED);
  }
  return owner;
}
