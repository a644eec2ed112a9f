/**
 * What a table's row label says its row is about, besides a period or a province (table-header.ts,
 * markup/table-header.ts): a ministry or agency (ministries.ts: a known name or short form, the
 * whole cell), each row then one ministry's figure of a series of ministries (the ministerial DTI),
 * keyed by that ministry in the history (history/ministry-subject.ts reads the row's name). Pure.
 */
import { ministryOf } from '../ministries';
import { isProvinceName } from './subject-list';

/** True if the whole row label is a ministry's or agency's name ("Bộ Tài chính", "Bộ KH&ĐT", "NHNN"). */
export function isMinistryLabel(label: string): boolean {
  return ministryOf(label.replace(/[*_]/g, '').trim()) !== undefined;
}

/** A rank-first table's row label (table-cells.ts rankFirstLabel): a province's or a ministry's (docs/reading.md §30). */
export const isRowSubject = (label: string): boolean => isProvinceName(label) || isMinistryLabel(label);

/** isRowSubject under a label column headed `head`: a province's only under "Tỉnh …", "Địa phương", a ministry's only under "Bộ …", "Cơ quan". */
export function rowUnder(head: string, label: string): boolean {
  const h = head.replace(/[*_]/g, '').trim();
  if (/^(?:tỉnh|địa phương|thành phố)/iu.test(h)) return isProvinceName(label);
  return /^(?:bộ|cơ quan)/iu.test(h) ? isMinistryLabel(label) : isRowSubject(label);
}
