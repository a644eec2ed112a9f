/**
 * What a catalog entry says of provinces, read once per entry (the entry objects are the catalog's:
 * the reading is kept beside each, never done again per figure or per sentence). The one place
 * that decides "is this entry provincial"; the history and the markup judges ask it:
 * - `series`: a series OF provinces, one value per province (the provincial DTI, its ranks, pillars
 *   and indices): scope `national` and "cấp tỉnh" in its name or an alias, or a denominator that
 *   counts the provinces. The history keys its figures by province (history/subject.ts,
 *   docs/history.md "Provinces in the history"). The ministries' DTI is not one.
 * - `level`: its name or an alias says "cấp tỉnh" (a province-level measure, "Tỷ lệ hồ sơ công
 *   việc cấp bộ, cấp tỉnh …"): a sentence about one province ("tỉnh đạt …") may state its value.
 * - `local`: any of its words (name, aliases, unit, denominator) speaks of provinces or localities
 *   ("tỉnh", "địa phương", with their accents: folded, "tỉnh" would also be the "tính" of "ước
 *   tính"): a clause naming a province may state its value.
 * - `countsProvinces`: its denominator counts provinces ("tỉnh, thành phố trực thuộc Trung ương"):
 *   a rank "x/63" of it is written out of the provinces it ranks.
 * Pure.
 */
import { foldKey } from './name-keys';
import type { Indicator } from './types';

export interface ProvinceFacts {
  readonly series: boolean;
  readonly level: boolean;
  readonly local: boolean;
  readonly countsProvinces: boolean;
}

/** "tỉnh" or "địa phương" as a word, with its accents (NFC). */
const PROVINCE_WORD = /(?<![\p{L}\p{N}])(?:tỉnh|địa phương)(?![\p{L}\p{N}])/iu;
/** "tỉnh" as a word, with its accents (NFC). */
const TINH = /(?<![\p{L}\p{N}])tỉnh(?![\p{L}\p{N}])/iu;
/** "cấp tỉnh" in a folded label (foldKey), as words. */
const CAP_TINH = /(?:^| )cap tinh(?:[^a-z]|$)/;

const facts = new WeakMap<Indicator, ProvinceFacts>();

/** What `ind` says of provinces (see the module comment), read on the first question and kept. */
export function provinceFacts(ind: Indicator): ProvinceFacts {
  let f = facts.get(ind);
  if (f) return f;
  const labels = [ind.name, ...(ind.aliases ?? [])];
  const level = labels.some((l) => CAP_TINH.test(foldKey(l)));
  const denominator = (ind.denominatorOf ?? '').normalize('NFC');
  const countsProvinces = TINH.test(denominator);
  const local = [...labels, ind.unit ?? '', denominator].some((s) => PROVINCE_WORD.test(s.normalize('NFC')));
  f = { series: ind.scope === 'national' && (level || countsProvinces), level, local, countsProvinces };
  facts.set(ind, f);
  return f;
}
