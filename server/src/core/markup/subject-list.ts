/**
 * The detector's side of one index over a list of provinces or of ministries (parse/subject-list.ts,
 * docs/reading.md §16): the first item's figure of a list the name opens ("Thứ hạng DTI năm 2022 của
 * các tỉnh trong vùng như sau: Yên Bái thứ 15, Điện Biên thứ 35, …"; "Xếp hạng chuyển đổi số cấp
 * bộ năm 2022: Bộ KH&ĐT thứ 1, Bộ Tài chính thứ 2") is the name's own, however many words stand
 * between, when the name is a series of the list's units (a series of provinces for provinces,
 * of ministries for ministries: catalog/provincial.ts, catalog/ministerial.ts): the checker binds it
 * and takes the other items' figures as the reference's further figures, so one mark on the name
 * states them all. Pure.
 */
import { isMinistrySeries } from '../catalog/ministerial';
import { provinceFacts } from '../catalog/provincial';
import { ministriesNamed } from '../ministries';
import { listBeforeName, subjectListFigures } from '../parse/subject-list';
import { provincesNamed } from '../provinces';
import type { UnitReading } from './bind';
import type { Named } from './names';

/** True if figure `fig` of the unit's sentence is the first item of a list of the name `n`'s units (see the module comment). */
export function opensProvinceList(reading: UnitReading, n: Named, fig: number): boolean {
  const prose = reading.prose;
  if (!prose || n.part !== 0) return false;
  const ministries = isMinistrySeries(n.indicator);
  if (!ministries && !provinceFacts(n.indicator).series) return false;
  const text = reading.texts[0];
  const figures = reading.figs[0];
  const args = [fig, text, figures, prose.reading] as const;
  const after = subjectListFigures(...args, n.cand.start, n.cand.end).length > 0;
  if (!after && !listBeforeName(...args, n.cand.start).length) return false;
  // The units the list names (between the name and the first figure, or before the first figure): of the series' kind.
  const stretch = after ? text.slice(n.cand.end, figures[fig].start) : text.slice(Math.max(0, figures[fig].start - 200), figures[fig].start);
  return ministries ? ministriesNamed(stretch).length > 0 && !provincesNamed(stretch).length : provincesNamed(stretch).length > 0;
}
