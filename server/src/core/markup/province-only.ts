/**
 * A subject whose bound figure fits only its "cấp tỉnh" entry while the sentence names no province
 * ("Năm 2023, Bộ Thông tin và Truyền thông công bố xếp hạng năm 2022; kinh tế số đạt 0,6647 điểm"):
 * not marked (the dialect resolves no "cấp tỉnh" entry there: subjects.ts pickBySubject), and
 * listed with the reason rather than dropped (detect.ts). A piece after ";" takes the province of
 * its sentence before it (piece-lead.ts); this is what is left. Pure.
 */
import { msg } from '../i18n';
import type { Bound, UnitReading } from './bind';
import type { Named } from './names';
import type { ProseUnit } from './prose';
import { subjectPicks } from './subject-names';

/** The message listing `n`, a subject that picked no entry, when a province in its sentence would make its figure the "cấp tỉnh" entry's; else null. */
export function provinceOnly(unit: ProseUnit, reading: UnitReading, n: Named, b: Bound, words: string): ReturnType<typeof msg> | null {
  if (!n.subject?.some((e) => e.province) || unit.table) return null;
  // The same choice with the sentence about a province ("tỉnh" written after it).
  const last = unit.parts[unit.parts.length - 1];
  const about = { ...unit, parts: [...unit.parts, { start: last.start + last.text.length, text: ' tỉnh', refs: [] }] };
  const picked = subjectPicks(about, reading, n, b, n.subject);
  if (picked.length !== 1 || !n.subject.some((e) => e.province && e.indicator === picked[0])) return null;
  const f = reading.figs[b.part][b.fig];
  return msg(
    `"${f.raw}" mà "${words}" sẽ gắn chỉ hợp chỉ tiêu cấp tỉnh "${picked[0].name}", nhưng câu không nêu tỉnh nào: chưa đánh dấu.`,
    `"${f.raw}", which "${words}" would bind, fits only the provincial entry "${picked[0].name}", while the sentence names no province: left unmarked.`,
  );
}
