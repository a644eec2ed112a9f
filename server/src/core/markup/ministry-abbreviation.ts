/**
 * A provincial series' bare abbreviation written of a ministry's figure (issue 13, round 20, names20;
 * docs/reading.md §19 (7)): "Bộ Tài chính giữ vị trí đứng đầu với giá trị DTI 2021 là 0,6321" — "DTI"
 * is the catalog's abbreviation of the provincial rank (catalog/family.ts abbreviationFamily: its
 * rank and score), but the figure's subject is a ministry (history/ministry-subject.ts
 * ministryOfFigure, the history's own reader), so the writer means the ministries' index: the
 * catalog's entry abbreviated "<abbreviation> cấp bộ" ("DTI cấp bộ"), a series of ministries
 * (catalog/ministerial.ts), and its family. Not when the sentence names a province too ("DTI của Đà
 * Nẵng và Bộ Tài chính"), nor when the ministry is only the figures' source ("theo Bộ TT&TT",
 * "Bộ TT&TT công bố"): the provincial entry stays (ministry-figure.ts then lists a ministry's figure
 * under it). Likewise the national level named before the figure, no province nor ministry ("Ở cấp
 * quốc gia, DTI năm 2023 đạt 0,7326"): the entry "<abbreviation> quốc gia" ("DTI quốc gia", the
 * national index). The detector (subject-names.ts bySubject), the wrap check (mention.ts) and the checker
 * (analyze.ts) read the same. Pure.
 */
import type { Catalog } from '../catalog/catalog';
import { abbreviationFamily } from '../catalog/family';
import { isMinistrySeries } from '../catalog/ministerial';
import { provinceFacts } from '../catalog/provincial';
import type { Indicator, SubjectEntry } from '../catalog/types';
import { ministryOfFigure, subjectsNamed } from '../history/ministry-subject';
import { provincesNamed } from '../provinces';
import type { TableLead } from './table-lead';

/** The series of ministries abbreviated "`abbreviation` cấp bộ" when `ind` is a series of provinces, else null. */
export function ministryCounterpart(catalog: Catalog, ind: Indicator, abbreviation: string): Indicator | null {
  if (!provinceFacts(ind).series) return null;
  const res = catalog.resolve(`${abbreviation.trim()} cấp bộ`);
  return res.kind === 'abbreviation' && isMinistrySeries(res.indicator) ? res.indicator : null;
}

/**
 * The family an abbreviation of `ind` (`written` as the writer wrote it) names for the figure at
 * [from, to) of `sentence`: the ministries' family when the figure is a ministry's and the sentence
 * names no province (see the module comment), else the abbreviation's own (abbreviationFamily).
 */
export function abbreviationFamilyOf(catalog: Catalog, ind: Indicator, written: string, sentence: string, from: number, to: number): SubjectEntry[] | null {
  const own = abbreviationFamily(catalog, ind);
  if (!own || from < 0 || to > sentence.length) return own;
  const abbreviation = written.replace(/\[\[|\]\]/g, '');
  const counterpart = ministryCounterpart(catalog, ind, abbreviation);
  if (counterpart && ministryOfFigure(sentence, from, to) && !provincesNamed(sentence).length) return abbreviationFamily(catalog, counterpart) ?? own;
  const national = nationalCounterpart(catalog, ind, abbreviation, sentence.slice(0, to));
  return national ? (abbreviationFamily(catalog, national) ?? [{ indicator: national, measure: 'score', province: false, named: true }]) : own;
}

/**
 * The family an abbreviation of `ind` written in a table's header cell names for the rows under it
 * (table-lead.ts headerSubjectLead): the ministries' family over ministries' rows ("| Thứ hạng | Bộ,
 * ngành | Giá trị DTI |"), else the abbreviation's own.
 */
export function headerFamily(catalog: Catalog, ind: Indicator, written: string, lead: TableLead): SubjectEntry[] | null {
  const own = abbreviationFamily(catalog, ind);
  const counterpart = lead.ministry ? ministryCounterpart(catalog, ind, written.replace(/\[\[|\]\]/g, '')) : null;
  return counterpart ? (abbreviationFamily(catalog, counterpart) ?? own) : own;
}

/** "cấp quốc gia" as words ("Ở cấp quốc gia, DTI năm 2023 đạt 0,7326"). */
export const NATIONAL_LEVEL = /(?<![\p{L}])cấp quốc gia(?![\p{L}])/iu;
/** The abbreviation (marked or not), its edition's year or none, then "của quốc gia" ("giá trị DTI năm 2023 của quốc gia là 0,7326"): the national level named after it. */
const ofNation = (abbreviation: string): RegExp =>
  new RegExp(`(?<![\\p{L}])${abbreviation.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?:\\]\\])?(?:\\s+(?:năm\\s+)?(?:19|20)\\d\\d)?\\s+của\\s+quốc gia(?![\\p{L}])`, 'iu');

/** "cấp tỉnh", "cấp bộ": another level named. */
const OTHER_LEVEL = /(?<![\p{L}])cấp (?:tỉnh|bộ)(?![\p{L}])/iu;

/**
 * The national index of a provincial series' abbreviation, the one entry "`abbreviation` quốc gia"
 * names ("DTI quốc gia"), when the sentence up to the figure (`before`) names the national level
 * ("cấp quốc gia") and no other level, no province and no ministry as a subject; else null.
 */
function nationalCounterpart(catalog: Catalog, ind: Indicator, abbreviation: string, before: string): Indicator | null {
  if (!provinceFacts(ind).series || !(NATIONAL_LEVEL.test(before) || ofNation(abbreviation).test(before)) || OTHER_LEVEL.test(before)) return null;
  if (provincesNamed(before).length || subjectsNamed(before).length) return null;
  const res = catalog.resolve(`${abbreviation.trim()} quốc gia`);
  return 'indicator' in res && res.indicator.scope !== 'world' && !provinceFacts(res.indicator).series && !isMinistrySeries(res.indicator) ? res.indicator : null;
}
