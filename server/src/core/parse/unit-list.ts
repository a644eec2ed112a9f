/**
 * A list of units (provinces, cities, ministries) paired "lần lượt" with a list of figures around one
 * name: the figures of the list other than the one the name binds are its further figures
 * (further.ts). Pure.
 */
import type { Figure, PeriodPhrase } from '../types';
import type { SentenceReading } from './clauses';
import { listFrom } from './lists';
import { maskedIn } from './masked';

const RESPECTIVELY = /(?:^|[^\p{L}])lần lượt(?![\p{L}])/iu;
/** Units listed: "Hải Phòng và Thành phố Hồ Chí Minh", "Thanh Hóa, Điện Biên và Hà Tĩnh". */
const UNIT_JOIN = /\s*,\s*(?:và\s+)?|\s+và\s+/u;
/** A unit of a list: a few words, no digit, no clause word. */
const UNIT = /^[\p{L}.'’\- ]{2,40}$/u;

/**
 * How many units a text lists (joined by "," and "và"), or 0 if it is no list of short names. A
 * comma closing the list before "lần lượt" is no unit ("Hải Phòng và Bắc Giang, lần lượt xếp thứ 8
 * và thứ 9 về [[…]]": class comma-respectively, round 17).
 */
export function unitCount(s: string): number {
  const items = s.trim().replace(/\s*,$/u, '').split(UNIT_JOIN);
  return items.length >= 2 && items.every((x) => UNIT.test(x.trim()) && x.trim().split(/\s+/).length <= 6) ? items.length : 0;
}

/**
 * "[[Điểm DTI]] của Hải Phòng và TP HCM lần lượt là 0,7857 và 0,7770", "Thanh Hóa, Điện Biên và
 * Hà Tĩnh lần lượt giữ các vị trí thứ 5, 6 và 7 trong [[…]]": one name, a list of units and a list
 * of figures of one kind as long; the figures of the list other than `idx`. Empty if none.
 */
export function unitList(idx: number, text: string, figures: Figure[], periods: PeriodPhrase[], reading: SentenceReading, refStart: number, refEnd: number): number[] {
  if (refEnd < 0) return [];
  // The list of figures around idx.
  // Of one kind, or ranks ("thứ 5, 6 và 7": a bare number listed after a rank is read as one).
  const rank = (j: number): boolean => reading.figures[j].role === 'rank';
  const [first, last] = listFrom(text, figures, idx, (a, b) => (rank(a) && rank(b)) || (figures[a].kind === figures[b].kind && figures[a].unitClass === figures[b].unitClass && !figures[a].change === !figures[b].change));
  if (last === first) return [];
  for (let j = first; j <= last; j++) if (reading.figures[j].role !== reading.figures[idx].role) return [];
  const n = last - first + 1;
  const others = (): number[] => Array.from({ length: n }, (_, k) => first + k).filter((j) => j !== idx);
  if (figures[first].start >= refEnd) {
    // After the name: "[[X]] của A và B lần lượt là …".
    if (figures[first].start - refEnd > 160) return [];
    const between = text.slice(refEnd, figures[first].start).toLowerCase();
    const lm = RESPECTIVELY.exec(between);
    if (!lm || maskedIn(reading, refEnd, figures[first].start, refStart, refEnd)) return [];
    const head = between.slice(0, lm.index + (lm[0].length - 'lần lượt'.length));
    const of = /(?:^|\s)của\s+([^]*)$/u.exec(head);
    if (of && unitCount(of[1]) === n) return others();
    // "[[X]] các năm 2020, 2021 và 2022 lần lượt là …": a list of periods instead (lists.ts
    // respectivePeriods): the figures' own phrases, one after the other, all before the first figure.
    const k0 = reading.figures[first].period;
    const listed = k0 >= 0 && Array.from({ length: n }, (_, i) => reading.figures[first + i].period === k0 + i).every(Boolean);
    return listed && periods[k0 + n - 1].end <= figures[first].start ? others() : [];
  }
  if (refStart >= 0 && figures[last].end <= refStart) {
    // Before the name: "A, B và C lần lượt giữ các vị trí thứ 5, 6 và 7 trong [[X]]".
    if (refStart - figures[last].end > 20 || maskedIn(reading, figures[last].end, refStart, refStart, refEnd)) return [];
    // The units open the sentence: a short stretch before the list (each reference costs a bounded look).
    if (figures[first].start > 200) return [];
    const before = text.slice(0, figures[first].start).toLowerCase();
    const at = before.lastIndexOf('lần lượt');
    if (at < 0 || /\p{L}/u.test(before[at - 1] ?? '') || /\p{L}/u.test(before[at + 8] ?? '') || figures[first].start - (at + 8) > 30) return [];
    const head = before.slice(0, at);
    // The units from the start of the sentence or after its last ":" ("Top 5: A, B và C").
    const units = head.slice(head.lastIndexOf(':') + 1);
    return unitCount(units) === n ? others() : [];
  }
  return [];
}
