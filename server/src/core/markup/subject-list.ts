/**
 * The detector's side of one index over a list of provinces (parse/subject-list.ts, docs/dialect.md
 * §16): the first item's figure of a list the name opens ("Thứ hạng DTI năm 2022 của các tỉnh
 * trong vùng như sau: Yên Bái thứ 15, Điện Biên thứ 35, …") is the name's own, however many words
 * stand between, when the name is a series of provinces: the checker binds it and takes the other
 * items' figures as the reference's further figures, so one mark on the name states them all. Pure.
 */
import { provinceFacts } from '../catalog/provincial';
import { listBeforeName, subjectListFigures } from '../parse/subject-list';
import type { UnitReading } from './bind';
import type { Named } from './names';

/** True if figure `fig` of the unit's sentence is the first item of a list of provinces the name `n` opens (see the module comment). */
export function opensProvinceList(reading: UnitReading, n: Named, fig: number): boolean {
  const prose = reading.prose;
  if (!prose || n.part !== 0 || !provinceFacts(n.indicator).series) return false;
  const args = [fig, reading.texts[0], reading.figs[0], prose.reading] as const;
  return subjectListFigures(...args, n.cand.start, n.cand.end).length > 0 || listBeforeName(...args, n.cand.start).length > 0;
}
