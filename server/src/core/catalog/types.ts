/** The indicator catalog: one source of truth for names, used by completion, hover and the rules. */
import type { Range } from '../types';
import type { Msg } from '../i18n';

/** How an indicator's figures behave over time; the cross-session rules depend on it. */
export type MeasureType = 'stock' | 'flow' | 'ratio' | 'growth' | 'rank' | 'index' | 'fraction';

/** A target set by a policy document for an indicator. */
export interface Target {
  /** Target value in the indicator's base unit (20 for "20% GDP"). */
  value: number;
  /** "gte" (at least, the default), "lte" (at most), "eq". */
  comparator?: 'gte' | 'lte' | 'eq';
  /** Period code the target applies to, e.g. "2025". */
  period: string;
  /** The document that sets it: "Quyết định 749/QĐ-TTg". */
  source: string;
}

/** The kinds of period a series is published for: a year, a half-year, a quarter, a month, months of the year to date, a day. */
export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'ytd' | 'day';

/** The kind of a period code ("2024-S1" → half), or null for a code of no known kind. */
export function periodKind(code: string): PeriodKind | null {
  if (/^\d{4}$/.test(code)) return 'year';
  if (/^\d{4}-S[12]$/.test(code)) return 'half';
  if (/^\d{4}-Q[1-4]$/.test(code)) return 'quarter';
  if (/^\d{4}-YTD\d{2}$/.test(code)) return 'ytd';
  if (/^\d{4}-\d{2}$/.test(code)) return 'month';
  if (/^\d{4}-\d{2}-\d{2}$/.test(code)) return 'day';
  return null;
}

/** True if `period` (a period code) starts before the first year of the entry's series (`since`). */
export function beforeSeries(ind: { since?: string }, period: string | undefined | null): boolean {
  const year = period ? /^(\d{4})/.exec(period) : null;
  return !!ind.since && !!year && year[1] < ind.since;
}

/** The set a rank is taken over: the world, a region, or the units of one country. */
export type RankScope = 'world' | 'asia' | 'asia-pacific' | 'asean' | 'national';

/**
 * One compiler of a series over a span of time. Ministries merged in 2025 (the Ministry of
 * Information and Communications into the Ministry of Science and Technology from 1 March 2025;
 * the General Statistics Office became the Statistics Office under the Ministry of Finance), so a
 * series keeps its history of compilers.
 */
export interface CompilerPeriod {
  name: string;
  /** Short codes for this compiler ("BTTTT", "MIC"). */
  codes?: string[];
  /** First day (ISO date) this body compiled the series; absent: since the series began. */
  from?: string;
  /** Last day (ISO date); absent: still compiling it. */
  until?: string;
}

/** The denominator of a rank in one edition: "71/193" in 2024. */
export interface EditionDenominator {
  /** Period code of the edition ("2024"). */
  period: string;
  /** Number of countries, economies or units ranked. */
  value: number;
}

/** A policy document named by the catalog (the top-level `documents:` list). */
export interface CatalogDocument {
  /** Its number as written: "749/QĐ-TTg", "57-NQ/TW". */
  id: string;
  /** Kind and title: "Quyết định phê duyệt Chương trình Chuyển đổi số quốc gia…". */
  title: string;
  /** Date of issue (ISO). */
  date?: string;
  /** Address of its text. */
  url?: string;
}

/** One indicator of the catalog. */
export interface Indicator {
  /** Stable kebab-case id: "digital-economy-gdp-share-mic". */
  id: string;
  /** Canonical Vietnamese name, as a reference should be written. */
  name: string;
  /** English name, for hovers and English messages. */
  nameEn?: string;
  /** Other full names a report may use; an alias in a reference resolves, with a hint. */
  aliases: string[];
  /** Abbreviations (DVCTT, TTHC, CCCD...), matched case-insensitively. */
  abbreviations: string[];
  measure: MeasureType;
  /**
   * Unit of the indicator's figures: "%", "USD", "đồng", "điểm", "bậc", or the counted noun
   * ("doanh nghiệp", "hồ sơ", "tỉnh"). For fractions, the noun of the units counted.
   */
  unit: string;
  /** Unit family: currency, percent, count, rank, index (score), none. */
  unitClass: 'currency' | 'percent' | 'count' | 'rank' | 'index' | 'none';
  /** Plausible range of values in base units; a figure outside it is a unit or multiplier slip. */
  range?: [number, number];
  /** Who compiles the series (where one name covers several series). */
  compiler?: string;
  /** Short codes of the compiler accepted after "@" in a reference: ["TCTK", "GSO"]. */
  compilerCodes?: string[];
  /** Id of the shared concept when several series share a name. */
  family?: string;
  /** For fractions and ranks: the set counted in the denominator ("tỉnh, thành phố"). */
  denominatorOf?: string;
  targets?: Target[];
  /** One or two sentences of definition, Vietnamese. */
  description: string;
  /** English definition. */
  descriptionEn?: string;
  /**
   * For stocks: true when the figure is a running total that cannot fall (hồ sơ đã xử lý, thẻ đã
   * cấp), so a lower value in a later session is suspect; false for levels that may fall (số
   * doanh nghiệp, số nền tảng). Absent: treat a stock as cumulative.
   */
  cumulative?: boolean;
  /** True if the series was revised by its compiler: a changed value is then no inconsistency. */
  revised?: boolean;
  /** History of the bodies compiling the series, with dates (the 2025 reorganisation). */
  compilers?: CompilerPeriod[];
  /** For ranks and indices: the set ranked (world, ASEAN…). */
  scope?: RankScope;
  /** For ranks: the number ranked in each edition (193 countries for EGDI 2024). */
  denominators?: EditionDenominator[];
  /** Numbers of the documents that define the indicator or set its targets ("749/QĐ-TTg"). */
  decisions?: string[];
  /**
   * The kinds of period the series is published for ("year" only for an official yearly
   * statistic); absent: any. Where a name covers several series, a period only one of them
   * publishes picks that one (analyze.ts).
   */
  publishes?: PeriodKind[];
  /**
   * The first year the series has a value for ("2020": the provincial DTI was first assessed for
   * 2020); a figure of an earlier period is another ranking's or a predecessor's, never this
   * entry's (markup/classes.ts, series.ts furtherSeries). Absent: no bound.
   */
  since?: string;
  /** Addresses (http/https URLs) of the indicator's definition or of official reporting of it. */
  sources?: string[];
  /** Where the entry came from: the embedded default or a workspace file. */
  origin?: { uri: string; range?: Range };
}

/** How a written name resolved against the catalog. */
export type NameMatch =
  | { kind: 'canonical'; indicator: Indicator }
  | { kind: 'alias'; indicator: Indicator; alias: string }
  | { kind: 'abbreviation'; indicator: Indicator; abbreviation: string }
  /** Matches a name or alias once accents are folded, but the accents differ. */
  | { kind: 'unaccented'; indicator: Indicator; matched: string }
  /**
   * The name is shared by several series; a compiler ("@ TCTK") picks one. `subject`: the name is
   * no name of the catalog but the subject of these entries (a name without its measure word:
   * "kinh tế số", "chính quyền số"); the figure the reference binds picks one (series.ts).
   */
  | {
      kind: 'ambiguous';
      candidates: Indicator[];
      subject?: SubjectEntry[];
      /**
       * The words are a pillar's short words ("trụ cột pháp lý": the index its scope names picks,
       * markup/pillar-words.ts) or a counted noun alone ("22,14 triệu thuê bao": the entry its sentence
       * settles, markup/counted-words.ts); never the history.
       */
      member?: true;
    }
  | { kind: 'unknown'; suggestions: Indicator[] };

/** A problem in a catalog file, reported as a diagnostic on that file. */
export interface CatalogError {
  uri: string;
  range: Range;
  /** In both languages: the edge picks one. */
  message: Msg;
}

/** What a name's measure prefix says is measured ("xếp hạng" a rank, "tăng trưởng" a growth…). */
/** `level`: the entry's own value, for an alias that also names its family (catalog.ts familyName). */
export type SubjectMeasure = 'rank' | 'growth' | 'revenue' | 'score' | 'count' | 'scale' | 'level' | 'share' | 'gdp' | 'whole';

/** One entry a subject (a name without its measure prefix) may name. */
export interface SubjectEntry {
  indicator: Indicator;
  measure: SubjectMeasure;
  /** The name had "cấp tỉnh": only in a sentence that speaks of a province ("tỉnh"). */
  province: boolean;
  /**
   * The words written are an alias of this entry that is also the subject of its family ("Chỉ số
   * tích hợp phát triển bưu chính": its rank, level and score): the entry when no figure decides.
   */
  named?: boolean;
  /** The words are a network alone ("băng rộng cố định" of a speed and of its rank): only a figure in the speed's unit, or a rank, names it (catalog/subjects.ts SPEED). */
  network?: true;
  /** Measure `whole`: the folded words of the whole a "Tỷ trọng X trong W" entry is of ("tong muc ban le"), written right after its percent (catalog/gdp-share.ts wholeShareSubject). */
  whole?: string;
}
