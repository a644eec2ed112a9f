/**
 * Whether a catalog entry is a series OF ministries and agencies, one value per ministry (the
 * ministerial DTI, its rank and score), read once per entry: scope `national` and "cấp bộ" in its
 * name or an alias (not "cấp bộ, cấp tỉnh", a measure of both), or a denominator that counts the
 * ministries ("bộ, ngành …"). The history keys its figures by ministry (history/ministry-subject.ts,
 * docs/history.md "Ministries in the history"), as it keys a series of provinces by province
 * (catalog/provincial.ts); a list of ministries each with its figure is read for it
 * (parse/subject-list.ts). Pure.
 */
import { foldKey } from './name-keys';
import type { Indicator } from './types';

/** "cấp bộ" in a folded label (foldKey), as words, and not "cấp bộ, cấp tỉnh". */
const CAP_BO = /(?:^| )cap bo(?![a-z])(?! ?,? ?cap tinh)/;
/** A denominator that counts ministries: "bộ, ngành", "bộ, cơ quan ngang bộ" (folded). */
const COUNTS_MINISTRIES = /^(?:cac )?bo(?: ?,| nganh| co quan)/;

const series = new WeakMap<Indicator, boolean>();

/** True if `ind` is a series of ministries (see the module comment). */
export function isMinistrySeries(ind: Indicator): boolean {
  let s = series.get(ind);
  if (s === undefined) {
    const labels = [ind.name, ...(ind.aliases ?? []), ...(ind.abbreviations ?? [])];
    s = ind.scope === 'national' && (labels.some((l) => CAP_BO.test(foldKey(l))) || COUNTS_MINISTRIES.test(foldKey(ind.denominatorOf ?? '')));
    series.set(ind, s);
  }
  return s;
}
